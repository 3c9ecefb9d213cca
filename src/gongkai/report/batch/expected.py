"""The agencies that must report (``--expected agencies.csv``) and who has not (未上报).

条例 第四十九条: every agency publishes its annual report by 31 January each year, so whoever
collects the reports of a region needs the list of those still missing. The list comes as a CSV
exported from Excel, which in China is as often GBK as UTF-8.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from gongkai.errors import GongkaiError

#: Column headers that hold the agency name, in order of preference (compared after normalising).
NAME_COLUMNS: tuple[str, ...] = ("机构", "机构名称", "单位", "单位名称", "agency", "name", "名称")

# Brackets of every width and style that agencies' names use interchangeably: 〔〕【】［］（）.
_BRACKETS = str.maketrans({"〔": "(", "【": "(", "[": "(", "〕": ")", "】": ")", "]": ")"})
_SPACE = re.compile(r"\s+")


def normalise_agency(name: str) -> str:
    """A matching key for an agency name: width, spaces and bracket styles do not matter.

    NFKC turns full-width letters, digits, spaces and （） into their half-width forms.
    """
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    return _SPACE.sub("", text).casefold()


def _decode(data: bytes, path: Path) -> str:
    # Only two encodings are in real use for these lists; GB18030 is the superset of GBK/GB2312, and
    # strict UTF-8 almost never accepts GBK bytes by accident, so trying them in order is reliable.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GongkaiError("应上报单位名单不是 UTF-8 或 GBK 编码的 CSV 文件", detail=str(path))


def load_expected(path: str | Path) -> tuple[str, ...]:
    """The agency names of an expected-agencies CSV (header row required), in file order, deduplicated."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise GongkaiError("无法读取应上报单位名单", detail=f"{file}：{exc.strerror or exc}") from exc
    text = _decode(data, file)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise GongkaiError("应上报单位名单是空文件", detail=str(file))
    header = [normalise_agency(h) for h in rows[0]]
    column = next((header.index(c) for c in map(normalise_agency, NAME_COLUMNS) if c in header), None)
    if column is None:
        raise GongkaiError(
            "应上报单位名单缺少单位名称列（表头应为“机构”“单位”“agency”或“name”之一）",
            detail=f"{file}：表头为 {'、'.join(rows[0])}",
        )
    names: dict[str, str] = {}
    for row in rows[1:]:
        if column < len(row) and row[column].strip():
            name = row[column].strip()
            names.setdefault(normalise_agency(name), name)
    if not names:
        raise GongkaiError("应上报单位名单中没有任何单位", detail=str(file))
    return tuple(names.values())


def missing_by_year(
    expected: Iterable[str], reported: Iterable[tuple[str | None, int | None]], years: Iterable[int]
) -> Mapping[int, tuple[str, ...]]:
    """For each of ``years``, the expected agencies with no report among ``reported`` (agency, year)."""
    have: dict[int, set[str]] = {}
    for agency, year in reported:
        if agency is not None and year is not None:
            have.setdefault(year, set()).add(normalise_agency(agency))
    names = tuple(expected)
    return {
        year: tuple(n for n in names if normalise_agency(n) not in have.get(year, set()))
        for year in sorted(set(years))
    }
