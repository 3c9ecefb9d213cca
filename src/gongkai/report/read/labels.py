"""Label knowledge for the readers: how printed labels are normalised and which cell they name.

Every label Gongkai looks for comes from the specs in ``gongkai.report.model`` (``TABLE3_ROWS``,
``TABLE2_*``, ``TABLE4_*``, ``STANDARD_SECTION_TITLES``). What is added here is (a) one
normalisation applied once to every label and every piece of document text, and (b) a small,
documented table of wording variants met in published reports. Rows are always found by these
labels, never by counting numbers.

Normalisation (``normalize``): Unicode NFKC (full-width digits and brackets become ASCII, so
``（一）`` and ``(一)`` are the same), Word bookmark residue removed, numeric ordinals written
``1.`` whatever their punctuation (``1、`` ``1．`` ``1 .``), then all spacing, line breaks, quotes
and list punctuation (，、；：。) dropped. Labels broken over lines ("商业\\n企业") or spread by
PDF justification ("结 果 维 持") therefore compare equal to the printed form.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from gongkai.report.model import (
    DOCUMENT_COUNT_FIELDS,
    FEES_HEADER,
    FEES_LABEL,
    SECTION_NUMBERS,
    STANDARD_SECTION_TITLES,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_BALANCE_NOTE,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_FIELDS,
    TABLE4_GROUPS,
)

#: Traditional characters of the report's fixed vocabulary (labels, headers, section titles) and
#: their Simplified forms, so that a report written in Traditional characters (本年新收、結轉、
#: 予以公開、不予處理) reads with the same labels. Written out rather than taken from a converter
#: (OpenCC): only these characters are compared, and a character-level table is exact for them.
TRADITIONAL = (
    "業為舉於會體關內決況辦務動區單發後國處復複審屬當執護報據數條構沒現確穩類係糾納組織經結繼續維繳罰範獲補規"
    "計認議許訟訪訴詢請費轉過這進問題額萬廢開強總無機權項製與專時門統種個檢則讓預點應對歸從並幾"
    "產說範圍標準網絡頁證據實際將導監責"
)
SIMPLIFIED = (
    "业为举于会体关内决况办务动区单发后国处复复审属当执护报据数条构没现确稳类系纠纳组织经结继续维缴罚范获补规"
    "计认议许讼访诉询请费转过这进问题额万废开强总无机权项制与专时门统种个检则让预点应对归从并几"
    "产说范围标准网络页证据实际将导监责"
)
_TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)


def to_simplified(text: str) -> str:
    """``text`` with the Traditional characters of the report vocabulary in Simplified form."""
    return text.translate(_TO_SIMPLIFIED)


_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
#: Struck-out text (Markdown ``~~old~~``, a tracked deletion kept in a copy): not the current text,
#: and beside a figure it would run into it ("~~5~~0" read as 50).
_STRUCK = re.compile(r"~~[^~\n]*~~")
_ORDINAL_DIGIT = re.compile(r"(\d+)\s*[、.]\s*(?=\D|$)")
_DROP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉,，、;；:：。·・|\u200b\ufeff]+")
_LEADING_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．])\s*"
)


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The comparable form of a label or of document text (see the module docstring).

    Cached: the same cell texts ("0", "规章", header labels) recur in every report of a batch.
    """
    text = unicodedata.normalize("NFKC", text).translate(_TO_SIMPLIFIED)
    if "[" in text:
        text = _BOOKMARK.sub("", text)
    text = _ORDINAL_DIGIT.sub(r"\1.", text)
    return _DROP.sub("", text)


def strip_ordinal(label: str) -> str:
    """A printed label without its leading ordinal: ``（三）不予公开`` -> ``不予公开``."""
    return _LEADING_ORDINAL.sub("", label.strip())


def clean_text(text: str) -> str:
    """Text as shown to people: Word bookmark residue removed, no-break and full-width spaces made
    plain spaces, surrounding space stripped. (Comparisons use ``normalize``.)"""
    if "[" in text:
        text = _BOOKMARK.sub("", text)
    if "~~" in text:
        text = _STRUCK.sub("", text)
    return text.replace("\u00a0", " ").replace("\u3000", " ").strip()


# ---------------------------------------------------------------------------------------------
# Table 3 rows
# ---------------------------------------------------------------------------------------------

#: Bare labels shorter than this are too ambiguous on their own ("其他", "总计"): they are only
#: recognised together with their ordinal ("3.其他", "(七)总计").
_MIN_BARE = 4

#: Wording variants met in published reports, normalised, with the row they print.
#: Each entry names where it was seen; add one only with a real report that prints it.
TABLE3_ROW_VARIANTS: Mapping[str, str] = MappingProxyType(
    {
        # corpus 002/003 (淮安市洪泽区 2023, 2024): "法规禁" dropped from the printed label.
        normalize("其他法律行政止公开"): "deny_law",
        # Reports that print 合计 for the （七） row.
        normalize("（七）合计"): "total",
    }
)


@dataclass(frozen=True, slots=True)
class KeyMatch:
    key: str
    start: int
    end: int


def _table3_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for spec in TABLE3_ROWS:
        bare = normalize(strip_ordinal(spec.label))
        keys[bare if len(bare) >= _MIN_BARE else normalize(spec.label)] = spec.key
    keys.update(TABLE3_ROW_VARIANTS)
    return keys


TABLE3_KEYS: Mapping[str, str] = MappingProxyType(_table3_keys())
# Longest first, so that at any position the most specific label wins.
_TABLE3_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(TABLE3_KEYS, key=len, reverse=True)))
_FUZZY_TARGETS: tuple[tuple[str, str], ...] = tuple(
    (k, v) for k, v in TABLE3_KEYS.items() if len(k) >= _MIN_BARE + 2
)
#: How close a label must be to a known one to be taken for it when nothing matched exactly.
FUZZY_MIN_RATIO = 0.8


def table3_matches(norm: str) -> list[KeyMatch]:
    """Every table-3 row label printed in ``norm`` (normalised text), left to right."""
    return [KeyMatch(TABLE3_KEYS[m.group()], m.start(), m.end()) for m in _TABLE3_PATTERN.finditer(norm)]


def table3_fuzzy(norm: str) -> tuple[str, float] | None:
    """The row whose label the end of ``norm`` most resembles (typos), if close enough.

    Used only when no label matched exactly, so it costs nothing on well-printed reports.
    """
    best: tuple[str, float] | None = None
    for key_text, key in _FUZZY_TARGETS:
        tail = norm[-(len(key_text) + 3) :]
        matcher = difflib.SequenceMatcher(None, tail, key_text, autojunk=False)
        # Score against the label's own length: extra text before the label does not count.
        ratio = sum(b.size for b in matcher.get_matching_blocks()) / len(key_text)
        if ratio >= FUZZY_MIN_RATIO and (best is None or ratio > best[1]):
            best = (key, ratio)
    return best


#: A row's own ordinal as printed: "一、", "（三）", "1." / "1、" / "1．".
#: (One digit: table 3 numbers its sub-rows 1 to 8, and in running text the previous row's digits
#: may be glued on: "…10000016.属于四类过程性信息".)
_ROW_ORDINAL = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d[、.．]")
#: Without an ordinal, this much of the end of the text is kept (the longest label has 37 characters).
_PRINTED_LABEL_MAX = 40


def printed_row_label(raw: str) -> str:
    """A table-3 row's label as printed, from its own ordinal on, without spacing or line breaks.

    ``raw`` is all the label text read before the row's numbers: in running text it carries the
    group label and column headers above ("（三）不予公开 1.属于国家秘密"); the row's own label starts
    at its last ordinal. Only spacing (and digits glued on after it) is dropped: punctuation ("1、"
    for "1."), typos and wording stay as printed.
    """
    # No label ends with a digit: digits after it are a value glued to it by the layout.
    text = "".join(clean_text(raw).split()).rstrip("0123456789")
    starts = [m.start() for m in _ROW_ORDINAL.finditer(text)]
    return text[starts[-1] :] if starts else text[-_PRINTED_LABEL_MAX:]


TABLE3_HEADER_MARKERS: tuple[str, ...] = (
    normalize(TABLE3_BALANCE_NOTE)[:8],
    "申请人情况",
    normalize(TABLE3_COLUMNS[0].label),
)

# ---------------------------------------------------------------------------------------------
# Table 2
# ---------------------------------------------------------------------------------------------

#: Table-2 row labels (normalised) -> the model field they fill ("regulations", "licensing", ...)
#: or a ``2019:`` name for rows only the 2019 trial layout prints (kept under meta).
TABLE2_ROWS: Mapping[str, str] = MappingProxyType(
    {
        **{normalize(label): key for key, label in TABLE2_DOCUMENT_ROWS},
        **{normalize(label): key for key, label, *_ in TABLE2_DECISION_ROWS},
        normalize(FEES_LABEL): "fees_10k_yuan",
        # 2019 trial layout (国办公开办函〔2019〕60号): "规范性文件" without 行政, and two rows the
        # 2021 format dropped.
        "规范性文件": "normative_documents",
        "其他对外管理服务事项": "2019:other_services",
        "政府集中采购": "2019:procurement",
    }
)

DECISIONS = "decisions"
FEES = "fees"
#: Table-2 column headers (normalised) -> what they hold. Model names for the 2021 layout;
#: ``2019:`` names for trial-layout columns with no 2021 counterpart (kept under meta).
TABLE2_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        **{normalize(label): key for key, label in DOCUMENT_COUNT_FIELDS},
        normalize("本年处理决定数量"): DECISIONS,
        normalize(FEES_HEADER): FEES,
        normalize("本年收费金额"): FEES,
        # 2019 trial layout. 本年新制作数量 is what 2021 calls 本年制发件数; the others have no
        # 2021 counterpart (对外公开总数量 counts documents disclosed, not documents in force).
        "本年新制作数量": "issued",
        "本年新公开数量": "2019:newly_disclosed",
        "对外公开总数量": "2019:disclosed_total",
        "处理决定数量": DECISIONS,
        "上一年项目数量": "2019:items_last_year",
        normalize("本年增/减"): "2019:items_change",
        "采购项目数量": "2019:procurement_items",
        "采购总金额": "2019:procurement_amount",
    }
)
_TABLE2_COLUMN_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(TABLE2_COLUMNS, key=len, reverse=True))
)
#: Text that only the 2019 trial layout of table 2 prints: its column headers and its （九） block.
#: (Not "政府集中采购" alone: a 2021 narrative may well mention procurement.)
TABLE2_2019_MARKERS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    normalize("第二十条第（九）项"),
)
TABLE2_CONTENT_HEADER = "信息内容"

#: The columns of each table-2 row when its header cannot be read, per layout.
TABLE2_DEFAULT_COLUMNS_2021: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "regulations": ("issued", "abolished", "in_force"),
        "normative_documents": ("issued", "abolished", "in_force"),
        "licensing": (DECISIONS,),
        "penalty": (DECISIONS,),
        "coercion": (DECISIONS,),
        "fees_10k_yuan": (FEES,),
    }
)
TABLE2_DEFAULT_COLUMNS_2019: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "regulations": ("issued", "2019:newly_disclosed", "2019:disclosed_total"),
        "normative_documents": ("issued", "2019:newly_disclosed", "2019:disclosed_total"),
        "licensing": ("2019:items_last_year", "2019:items_change", DECISIONS),
        "2019:other_services": ("2019:items_last_year", "2019:items_change", DECISIONS),
        "penalty": ("2019:items_last_year", "2019:items_change", DECISIONS),
        "coercion": ("2019:items_last_year", "2019:items_change", DECISIONS),
        "fees_10k_yuan": ("2019:items_last_year", "2019:items_change"),
        "2019:procurement": ("2019:procurement_items", "2019:procurement_amount"),
    }
)


def table2_header_columns(norm: str) -> tuple[str, ...]:
    """The column names a table-2 header row prints after ``信息内容`` (empty if none)."""
    at = norm.rfind(TABLE2_CONTENT_HEADER)
    if at < 0:
        return ()
    return tuple(TABLE2_COLUMNS[m.group()] for m in _TABLE2_COLUMN_PATTERN.finditer(norm, at))


# ---------------------------------------------------------------------------------------------
# Table 4
# ---------------------------------------------------------------------------------------------

#: Group labels as printed over each block of five columns (the model's label after "·").
TABLE4_GROUP_LABELS: Mapping[str, str] = MappingProxyType(
    {normalize(label.split("·")[-1]): key for key, label in TABLE4_GROUPS}
)
TABLE4_FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {normalize(label): key for key, label in TABLE4_FIELDS}
)
#: Text that marks the header of table 4 (结果维持 is printed only there).
TABLE4_HEADER_MARKERS: tuple[str, ...] = (normalize(TABLE4_FIELDS[0][1]), normalize(TABLE4_FIELDS[3][1]))


def table4_header(norm: str) -> bool:
    """Whether ``norm`` prints table 4's header: 结果维持 or 尚未审结, or -- header cells split
    across lines by a conversion ("结果/维持") -- both 维持 and 纠正."""
    return any(marker in norm for marker in TABLE4_HEADER_MARKERS) or ("维持" in norm and "纠正" in norm)


#: The first header line of table 4 ("行政复议 行政诉讼").
TABLE4_TOP = normalize(TABLE4_GROUPS[0][1])

# ---------------------------------------------------------------------------------------------
# Narrative sections
# ---------------------------------------------------------------------------------------------

#: Section titles seen in published reports besides the standard ones, by section number.
SECTION_TITLE_VARIANTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "四": ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"),
        "五": ("政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进措施"),
        "六": ("其他需要报告的事项",),
    }
)
_SECTION_TITLES: tuple[tuple[str, str], ...] = tuple(
    (normalize(title), number)
    for number in SECTION_NUMBERS
    for title in (STANDARD_SECTION_TITLES[number], *SECTION_TITLE_VARIANTS.get(number, ()))
)
#: A heading is a short line: an ordinal, a title, maybe a full stop.
SECTION_HEADING_MAX_CHARS = 40
_HEADING_ORDINAL = re.compile(
    r"^\s*(?:(?P<cn>[一二三四五六七八九十]+)\s*[、.．]|[（(]\s*(?P<paren>[一二三四五六七八九十\d]+)\s*[）)]"
    r"|(?P<digit>\d+)\s*[、.．]|第(?P<part>[一二三四五六七八九十]+)部分)\s*"
)
SECTION_MIN_RATIO = 0.8
# One matcher per known title, built once: SequenceMatcher caches its analysis of the second
# sequence. (Not shared between threads; batch checking runs one process per core.)
_SECTION_MATCHERS: tuple[difflib.SequenceMatcher[str], ...] = tuple(
    difflib.SequenceMatcher(None, "", known, autojunk=False) for known, _ in _SECTION_TITLES
)


@dataclass(frozen=True, slots=True)
class Heading:
    number: str
    title: str
    #: True when printed with the standard top-level ordinal ("二、"), False for "1、", "（一）".
    standard_ordinal: bool


def section_heading(line: str) -> Heading | None:
    """The section a line heads, if it is a section heading ("二、主动公开政府信息情况").

    The section is decided by the title, not by the ordinal: the sample report numbers its first
    heading "1、 总体情况". A heading with a non-standard ordinal must match its title closely, since
    sub-headings such as "（1）主动公开情况" resemble section titles.
    """
    text = line.strip()
    if not text or len(text) > SECTION_HEADING_MAX_CHARS:
        return None
    match = _HEADING_ORDINAL.match(text)
    if match is None:
        return None
    title = text[match.end() :].strip().rstrip("。.")
    norm = normalize(title)
    if not norm:
        return None
    standard = match.group("cn") is not None or match.group("part") is not None
    threshold = SECTION_MIN_RATIO if standard else 0.95
    best: tuple[float, str] | None = None
    for (known, number), matcher in zip(_SECTION_TITLES, _SECTION_MATCHERS, strict=True):
        if norm == known:
            return Heading(number, title, standard)
        matcher.set_seq1(norm)
        # The cheap upper bounds first: most short lines are nowhere near a section title.
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        ratio = matcher.ratio()
        if ratio >= threshold and (best is None or ratio > best[0]):
            best = (ratio, number)
    return None if best is None else Heading(best[1], title, standard)
