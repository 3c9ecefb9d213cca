"""Table 三 row labels cut by a PDF's text layout (issue 13, attack 5).

A text converter that keeps the page's layout (``pdftotext -layout``, pypdf's
``extraction_mode="layout"``) prints a row label that wraps in its cell on two or three lines, and
the row's figures on the line where their baseline falls: after the label's first line, or alone
between its two lines ("（二）部分公开（区分处理的，只计这一" / "0 0 0 1 1 0 2" / "情形，不计其他情形）").
The figures then follow only the beginning of their label. The vertical group headings of the
outcome rows ("三、本年度办理结果", "（五）不予处理") come out a character or two per line, so a
line of figures may also carry nothing but such a fragment ("果 1 1 0 0 0 0 2").

``truncated_label_key`` names the row a label's beginning belongs to; ``heading_fragment`` says a
"label" is only a piece of a group heading (the row lost its own label). Both readings are taken
only where the table's sums confirm them (``table3.read_table3``).
"""

from __future__ import annotations

import itertools
import re

from gongkai.report.model import (
    DENY_GROUP,
    OTHER_GROUP,
    REJECT_GROUP,
    TABLE3_COLUMN_KEYS,
    TABLE3_ROWS,
    UNABLE_GROUP,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import T3_WIDTH, Assembly
from gongkai.report.read.glued import sums_confirm, table3_constraints

#: A sub-row's or an outcome row's ordinal in normalised text ("(二)", "5.").
_ORDINAL = re.compile(r"\([一二三四五六七八九十]+\)|\d\.")
#: Words of a label, after its ordinal, that must be printed before the cut: no two rows of table
#: 三 begin with the same five characters, and fewer ("申请人", "属于") are shared.
_MIN_WORDS = 5
_FULL_LABELS: tuple[tuple[str, str], ...] = tuple((labels.normalize(r.label), r.key) for r in TABLE3_ROWS)
_HEADINGS: tuple[str, ...] = tuple(
    labels.normalize(h) for h in ("三、本年度办理结果", DENY_GROUP, UNABLE_GROUP, REJECT_GROUP, OTHER_GROUP)
)

TRUNCATED_LABEL_NOTE = "行标签在单元格内断行，数字只跟在标签的前半部分之后；按“{label}”读取，并经合计关系核对"


def truncated_label_key(norm: str) -> str | None:
    """The row whose label (with its ordinal) begins at the last ordinal of ``norm`` but is cut
    short there, or goes on with other text ("2.申请人逾期未按收费通知要" + "处理" of a heading).

    None unless at least ``_MIN_WORDS`` characters after the ordinal agree with exactly one row.
    """
    starts = list(_ORDINAL.finditer(norm))
    if not starts:
        return None
    tail = norm[starts[-1].start() :]
    least = len(starts[-1].group()) + _MIN_WORDS
    keys = {
        key
        for label, key in _FULL_LABELS
        if _common_prefix(tail, label) >= least and not tail.startswith(label)
    }
    return keys.pop() if len(keys) == 1 else None


def _common_prefix(a: str, b: str) -> int:
    return sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))


def heading_fragment(norm: str) -> bool:
    """Whether ``norm`` is nothing but a piece of a vertical group heading ("果", "理结", "处理")."""
    return bool(norm) and any(norm in heading for heading in _HEADINGS)


def confirm_truncated(asm: Assembly, keys: set[str], found: set[str]) -> None:
    """Rows read by their label's beginning keep their figures only where the sums confirm them."""
    if not keys:
        return
    values = {k: tuple(asm.value(f"table3.{k}.{c}") for c in TABLE3_COLUMN_KEYS) for k in found}
    for key, _ in (term for rule in table3_constraints(found) for term in rule.terms):
        values.setdefault(key, (None,) * T3_WIDTH)  # a row not found: the rules over it cannot confirm
    if sums_confirm(values, keys):
        return
    for key in keys:
        for column in TABLE3_COLUMN_KEYS:
            path = f"table3.{key}.{column}"
            asm.put(path, None, asm.cells[path].source)
        asm.finding(f"table3.{key}", "行标签不完整，按标签前半部分对应的行未经合计关系证实，整行按缺失处理")
