"""Table-3 row labels printed otherwise than the national format prints them.

The reader finds rows by their labels, tolerating known misprints (corpus 002/003's "2.其他法律行政
止公开") and other numbering ("1、" for "1.", corpus 001's （六） rows), and keeps each label as printed
in ``meta["table3_labels"]`` (``gongkai.report.read.assembler``). The figures are read correctly
either way; the wording is still a defect of the published table, reported here as a format warning
that names the row and the expected label. Spacing, line breaks, full-width versus half-width forms
and the kind of quotation marks are not differences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from gongkai.report.model import TABLE3_ROW_BY_KEY
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021, row_name

#: The ``meta`` key the reader writes (``gongkai.report.read.assembler.TABLE3_LABELS_KEY``; not
#: imported, so that the rules do not load the readers).
TABLE3_LABELS_KEY = "table3_labels"
_IGNORED = re.compile(r"[\s\"'“”‘’「」]+")


def comparable(label: str) -> str:
    """A label without what is not a difference of wording: spacing, width, quotation marks."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", label))


def printed_labels(meta: Mapping[str, object]) -> dict[str, str]:
    """The printed labels the reader kept, by row key (anything malformed is left out)."""
    found = meta.get(TABLE3_LABELS_KEY)
    if not isinstance(found, Mapping):
        return {}
    return {k: v for k, v in found.items() if k in TABLE3_ROW_BY_KEY and isinstance(v, str) and v.strip()}


@rule("T3-LABEL", Severity.WARNING, f"{FORMAT_2021} 表三：各行标签（逐字）")
def t3_label(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Each table-3 row label is printed as in the national format.

    Source: the row labels of table 3 in 国办公开办函〔2021〕30号 (the same in the 2019 trial format
    for the rows both have). Reports read from JSON carry no printed labels: nothing to check then.
    """
    for key, printed in printed_labels(ctx.report.meta).items():
        spec = TABLE3_ROW_BY_KEY[key]
        if comparable(printed).endswith(comparable(spec.label)):
            continue
        yield r.finding(
            [f"table3.{key}"],
            f"表三“{row_name(spec)}”行的标签印作“{printed}”，与全国统一格式的“{spec.label}”不一致"
            "（数据已按该行读取）。",
            expected=spec.label,
            actual=printed,
        )
