"""The statutory annual report (政府信息公开工作年度报告) as typed, immutable data.

Legal basis: 条例 第五十条 (contents of the report); 国办公开办函〔2021〕30号 (the national format,
tables 二, 三 and 四); 国办公开办函〔2019〕60号 (the 2019 trial format, whose 三（六）其他处理 is one row).

The shape mirrors ../shared/reference/report-json.md (`gongkai.annual-report/1`), which is the
contract for every report Gongkai reads or writes. A cell that the report does not show, or that
could not be read, is ``None`` ("missing") and never 0: the rules report "cannot assess" for it.

Only this module knows the table layout. Rules, readers and renderers iterate over the specs
below (``TABLE3_ROWS``, ``TABLE3_COLUMNS``, ``TABLE4_GROUPS`` ...) instead of repeating labels.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any, ClassVar

FORMAT_ID = "gongkai.annual-report/1"

Count = int | None
"""A table cell holding a count; ``None`` means missing (blank, "/", "—", unreadable)."""


class Template(StrEnum):
    """Which national format a report follows."""

    #: 国办公开办函〔2021〕30号, for reports on 2021 and later years.
    Y2021 = "2021"
    #: 国办公开办函〔2019〕60号 trial format, for reports on 2019 and 2020.
    Y2019 = "2019"

    @classmethod
    def for_year(cls, year: int) -> Template:
        """The format for ``year``. Legal basis: 国办公开办函〔2019〕60号 (2019, 2020), 〔2021〕30号."""
        return cls.Y2021 if year >= FIRST_2021_YEAR else cls.Y2019


#: The first report year of the 2021 format (国办公开办函〔2021〕30号).
FIRST_2021_YEAR = 2021


# ---------------------------------------------------------------------------------------------
# Table 3 (收到和处理政府信息公开申请情况): 7 applicant columns x 25 (2021) or 23 (2019) rows.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    key: str
    label: str
    #: The column group label printed above it in the official header, if any.
    group: str | None = None


TABLE3_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("natural", "自然人"),
    ColumnSpec("commercial", "商业企业", "法人或其他组织"),
    ColumnSpec("research", "科研机构", "法人或其他组织"),
    ColumnSpec("public_interest", "社会公益组织", "法人或其他组织"),
    ColumnSpec("legal_service", "法律服务机构", "法人或其他组织"),
    ColumnSpec("other", "其他", "法人或其他组织"),
    ColumnSpec("total", "总计"),
)
TABLE3_COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in TABLE3_COLUMNS)
#: The six applicant columns whose sum is the 总计 column.
TABLE3_APPLICANT_KEYS: tuple[str, ...] = TABLE3_COLUMN_KEYS[:-1]
#: Header texts printed in the official table 3 (the merged top-left note and the column band).
TABLE3_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_APPLICANT_HEADER = "申请人情况"


class RowKind(StrEnum):
    """What a table-3 row means for the balance rules."""

    INTAKE = "intake"  # 一、本年新收 and 二、上年结转
    OUTCOME = "outcome"  # one of the outcome categories under 三、本年度办理结果
    TOTAL = "total"  # 三（七）总计
    CARRY_NEXT = "carry_next"  # 四、结转下年度继续办理


@dataclass(frozen=True, slots=True)
class RowSpec:
    """One row of table 3, as printed in the official table."""

    key: str
    #: The label path as printed: top-level item, sub-item, sub-sub-item (each verbatim).
    labels: tuple[str, ...]
    kind: RowKind
    #: Templates in which the row exists.
    templates: frozenset[Template]

    @property
    def label(self) -> str:
        """The most specific printed label (what a reader looks for)."""
        return self.labels[-1]

    @property
    def full_label(self) -> str:
        return "".join(self.labels)


_BOTH = frozenset({Template.Y2021, Template.Y2019})
_ONLY_2021 = frozenset({Template.Y2021})
_ONLY_2019 = frozenset({Template.Y2019})
_R = "三、本年度办理结果"
_DENY = "（三）不予公开"
_UNABLE = "（四）无法提供"
_REJECT = "（五）不予处理"
_OTHER = "（六）其他处理"

TABLE3_ROWS: tuple[RowSpec, ...] = (
    RowSpec("new", ("一、本年新收政府信息公开申请数量",), RowKind.INTAKE, _BOTH),
    RowSpec("carried", ("二、上年结转政府信息公开申请数量",), RowKind.INTAKE, _BOTH),
    RowSpec("granted", (_R, "（一）予以公开"), RowKind.OUTCOME, _BOTH),
    RowSpec(
        "partial",
        (_R, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        RowKind.OUTCOME,
        _BOTH,
    ),
    RowSpec("deny_secret", (_R, _DENY, "1.属于国家秘密"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_law", (_R, _DENY, "2.其他法律行政法规禁止公开"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_safety", (_R, _DENY, "3.危及“三安全一稳定”"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_thirdparty", (_R, _DENY, "4.保护第三方合法权益"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_internal", (_R, _DENY, "5.属于三类内部事务信息"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_process", (_R, _DENY, "6.属于四类过程性信息"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_enforcement", (_R, _DENY, "7.属于行政执法案卷"), RowKind.OUTCOME, _BOTH),
    RowSpec("deny_query", (_R, _DENY, "8.属于行政查询事项"), RowKind.OUTCOME, _BOTH),
    RowSpec("unable_nodata", (_R, _UNABLE, "1.本机关不掌握相关政府信息"), RowKind.OUTCOME, _BOTH),
    RowSpec("unable_create", (_R, _UNABLE, "2.没有现成信息需要另行制作"), RowKind.OUTCOME, _BOTH),
    RowSpec("unable_unclear", (_R, _UNABLE, "3.补正后申请内容仍不明确"), RowKind.OUTCOME, _BOTH),
    RowSpec("reject_petition", (_R, _REJECT, "1.信访举报投诉类申请"), RowKind.OUTCOME, _BOTH),
    RowSpec("reject_repeat", (_R, _REJECT, "2.重复申请"), RowKind.OUTCOME, _BOTH),
    RowSpec("reject_publication", (_R, _REJECT, "3.要求提供公开出版物"), RowKind.OUTCOME, _BOTH),
    RowSpec("reject_massive", (_R, _REJECT, "4.无正当理由大量反复申请"), RowKind.OUTCOME, _BOTH),
    RowSpec(
        "reject_confirm",
        (_R, _REJECT, "5.要求行政机关确认或重新出具已获取信息"),
        RowKind.OUTCOME,
        _BOTH,
    ),
    RowSpec(
        "other_overdue_correction",
        (_R, _OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        RowKind.OUTCOME,
        _ONLY_2021,
    ),
    RowSpec(
        "other_overdue_fee",
        (_R, _OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        RowKind.OUTCOME,
        _ONLY_2021,
    ),
    RowSpec("other_other", (_R, _OTHER, "3.其他"), RowKind.OUTCOME, _ONLY_2021),
    RowSpec("other", (_R, _OTHER), RowKind.OUTCOME, _ONLY_2019),
    RowSpec("total", (_R, "（七）总计"), RowKind.TOTAL, _BOTH),
    RowSpec("carry_next", ("四、结转下年度继续办理",), RowKind.CARRY_NEXT, _BOTH),
)
TABLE3_ROW_KEYS: tuple[str, ...] = tuple(r.key for r in TABLE3_ROWS)
TABLE3_ROW_BY_KEY: Mapping[str, RowSpec] = MappingProxyType({r.key: r for r in TABLE3_ROWS})
#: The three 2021 sub-rows that replace the single 2019 （六）其他处理 row.
OTHER_SPLIT_KEYS: tuple[str, ...] = ("other_overdue_correction", "other_overdue_fee", "other_other")
OTHER_SINGLE_KEY = "other"


def table3_rows_for(template: Template) -> tuple[RowSpec, ...]:
    """The rows of table 3 in the official order for ``template``."""
    return tuple(r for r in TABLE3_ROWS if template in r.templates)


#: The printed group headings of the outcome rows (（三）至（六）).
DENY_GROUP, UNABLE_GROUP, REJECT_GROUP, OTHER_GROUP = _DENY, _UNABLE, _REJECT, _OTHER


def table3_row_keys(
    template: Template | None = None, *, kind: RowKind | None = None, groups: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Keys of table 3's rows in the official order: those of ``template`` (both layouts of （六）
    when ``None``), of ``kind`` only, under one of the printed ``groups`` only (e.g. ``DENY_GROUP``).
    """
    return tuple(
        r.key
        for r in TABLE3_ROWS
        if (template is None or template in r.templates)
        and (kind is None or r.kind is kind)
        and (not groups or any(g in r.labels for g in groups))
    )


class _Counts:
    """The counts of one table row or group, looked up and listed by key in the table's order
    (``KEYS``, the dataclass's field names), never by attribute name from outside."""

    __slots__ = ()
    KEYS: ClassVar[tuple[str, ...]]

    def __getitem__(self, key: str) -> Count:
        if key not in self.KEYS:
            raise KeyError(key)
        value: Count = getattr(self, key)
        return value

    def items(self) -> Iterator[tuple[str, Count]]:
        for key in self.KEYS:
            yield key, getattr(self, key)


@dataclass(frozen=True, slots=True)
class ApplicantCounts(_Counts):
    """One row of table 3: a count per applicant column (申请人情况)."""

    natural: Count = None
    commercial: Count = None
    research: Count = None
    public_interest: Count = None
    legal_service: Count = None
    other: Count = None
    total: Count = None

    KEYS: ClassVar[tuple[str, ...]] = TABLE3_COLUMN_KEYS

    @classmethod
    def zeros(cls) -> ApplicantCounts:
        return cls(0, 0, 0, 0, 0, 0, 0)

    @classmethod
    def from_applicants(cls, **counts: int) -> ApplicantCounts:
        """A complete row from the six applicant counts, with 总计 as their sum (balanced by construction)."""
        values = {key: counts.get(key, 0) for key in TABLE3_APPLICANT_KEYS}
        unknown = set(counts) - set(TABLE3_APPLICANT_KEYS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return cls(**values, total=sum(values.values()))

    def is_empty(self) -> bool:
        return all(v is None for _, v in self.items())


@dataclass(frozen=True, slots=True)
class Table3:
    """收到和处理政府信息公开申请情况.

    ``rows`` holds the rows the report has, keyed by ``RowSpec.key``. A row that is not in
    ``rows`` is absent from the report (for example the 2019 single ``other`` row in a 2021
    report); for the rules an absent row is the same as a row of missing cells.
    """

    rows: Mapping[str, ApplicantCounts] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        unknown = set(self.rows) - set(TABLE3_ROW_KEYS)
        if unknown:
            raise KeyError(f"unknown table-3 rows: {', '.join(sorted(unknown))}")
        # Keep the official order and make the mapping read-only.
        ordered = {k: self.rows[k] for k in TABLE3_ROW_KEYS if k in self.rows}
        object.__setattr__(self, "rows", MappingProxyType(ordered))

    def row(self, key: str) -> ApplicantCounts:
        """The row ``key``; an absent row reads as all-missing."""
        if key not in TABLE3_ROW_BY_KEY:
            raise KeyError(key)
        return self.rows.get(key, _EMPTY_ROW)

    def cell(self, row: str, column: str) -> Count:
        return self.row(row)[column]

    def has_row(self, key: str) -> bool:
        """True when the report shows row ``key`` with at least one value."""
        return key in self.rows and not self.rows[key].is_empty()


_EMPTY_ROW = ApplicantCounts()

# ---------------------------------------------------------------------------------------------
# Table 4 (政府信息公开行政复议、行政诉讼情况): three groups of five cells.
# ---------------------------------------------------------------------------------------------

TABLE4_FIELDS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
TABLE4_FIELD_KEYS: tuple[str, ...] = tuple(k for k, _ in TABLE4_FIELDS)
TABLE4_GROUPS: tuple[tuple[str, str], ...] = (
    ("reconsideration", "行政复议"),
    ("litigation_direct", "行政诉讼·未经复议直接起诉"),
    ("litigation_after_reconsideration", "行政诉讼·复议后起诉"),
)
TABLE4_GROUP_KEYS: tuple[str, ...] = tuple(k for k, _ in TABLE4_GROUPS)


@dataclass(frozen=True, slots=True)
class CaseResults(_Counts):
    """One group of table 4: results of reconsideration or litigation cases."""

    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None

    KEYS: ClassVar[tuple[str, ...]] = TABLE4_FIELD_KEYS

    @classmethod
    def of(cls, upheld: int = 0, corrected: int = 0, other: int = 0, pending: int = 0) -> CaseResults:
        """A complete group with 总计 as the sum (balanced by construction)."""
        return cls(upheld, corrected, other, pending, upheld + corrected + other + pending)


@dataclass(frozen=True, slots=True)
class Table4:
    reconsideration: CaseResults = field(default_factory=CaseResults)
    litigation_direct: CaseResults = field(default_factory=CaseResults)
    litigation_after_reconsideration: CaseResults = field(default_factory=CaseResults)

    def group(self, key: str) -> CaseResults:
        if key not in TABLE4_GROUP_KEYS:
            raise KeyError(key)
        value: CaseResults = getattr(self, key)
        return value

    def groups(self) -> Iterator[tuple[str, CaseResults]]:
        for key in TABLE4_GROUP_KEYS:
            yield key, getattr(self, key)


# ---------------------------------------------------------------------------------------------
# Table 2 (主动公开政府信息情况): 第二十条第（一）（五）（六）（八）项.
# ---------------------------------------------------------------------------------------------

DOCUMENT_COUNT_FIELDS: tuple[tuple[str, str], ...] = (
    ("issued", "本年制发件数"),
    ("abolished", "本年废止件数"),
    ("in_force", "现行有效件数"),
)
TABLE2_DOCUMENT_ROWS: tuple[tuple[str, str], ...] = (
    ("regulations", "规章"),
    ("normative_documents", "行政规范性文件"),
)
#: Single-number rows of table 2: key, label, the article item it reports, the column header.
TABLE2_DECISION_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("licensing", "行政许可", "第二十条第（五）项", "本年处理决定数量"),
    ("penalty", "行政处罚", "第二十条第（六）项", "本年处理决定数量"),
    ("coercion", "行政强制", "第二十条第（六）项", "本年处理决定数量"),
)
FEES_LABEL = "行政事业性收费"
FEES_HEADER = "本年收费金额（单位：万元）"
FEES_ITEM = "第二十条第（八）项"
DOCUMENTS_ITEM = "第二十条第（一）项"
#: The header over the row labels of every block of table 2.
TABLE2_CONTENT_HEADER = "信息内容"


@dataclass(frozen=True, slots=True)
class DocumentCounts(_Counts):
    """规章 or 行政规范性文件: issued this year, abolished this year, in force at year end."""

    issued: Count = None
    abolished: Count = None
    in_force: Count = None

    KEYS: ClassVar[tuple[str, ...]] = tuple(key for key, _ in DOCUMENT_COUNT_FIELDS)


@dataclass(frozen=True, slots=True)
class Table2:
    regulations: DocumentCounts = field(default_factory=DocumentCounts)
    normative_documents: DocumentCounts = field(default_factory=DocumentCounts)
    licensing: Count = None
    penalty: Count = None
    coercion: Count = None
    #: 行政事业性收费 本年收费金额, in 万元 (10,000 yuan); ``None`` when missing.
    fees_10k_yuan: Decimal | None = None

    def documents(self, key: str) -> DocumentCounts:
        if key not in ("regulations", "normative_documents"):
            raise KeyError(key)
        value: DocumentCounts = getattr(self, key)
        return value


# ---------------------------------------------------------------------------------------------
# Narrative sections and the whole report.
# ---------------------------------------------------------------------------------------------

#: The six sections in order, with the titles in common use (条例 第五十条 plus 总体情况).
SECTION_NUMBERS: tuple[str, ...] = ("一", "二", "三", "四", "五", "六")
STANDARD_SECTION_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "一": "总体情况",
        "二": "主动公开政府信息情况",
        "三": "收到和处理政府信息公开申请情况",
        "四": "政府信息公开行政复议、行政诉讼情况",
        "五": "存在的主要问题及改进情况",
        "六": "其他需要报告的事项",
    }
)


@dataclass(frozen=True, slots=True)
class Section:
    """One narrative section: its ordinal (一 … 六), its title as printed, and its text."""

    number: str
    title: str
    text: str
    #: Keys beyond number/title/text, kept verbatim (report-json.md allows them under sections).
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class CellSource:
    """Where a value was read from, so that a finding can point at it.

    All positions are 1-based; any may be unknown. ``note`` explains a reading that needed a
    decision (for example digits of two cells run together, settled by the column total).
    """

    raw: str
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AnnualReport:
    """A whole annual report in the ``gongkai.annual-report/1`` shape."""

    agency: str | None
    year: int | None
    template: Template = Template.Y2021
    table2: Table2 = field(default_factory=Table2)
    table3: Table3 = field(default_factory=Table3)
    table4: Table4 = field(default_factory=Table4)
    #: ``None`` when the source gave no narrative at all (e.g. a bare JSON of the tables).
    sections: tuple[Section, ...] | None = None
    #: Free-form metadata (report-json.md allows extra keys here), kept verbatim.
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: Provenance of cells read from a published document, by dotted cell path.
    provenance: Mapping[str, CellSource] = field(default_factory=lambda: MappingProxyType({}))

    def section(self, number: str) -> Section | None:
        for s in self.sections or ():
            if s.number == number:
                return s
        return None

    def with_cell(self, path: str, value: int | Decimal | None) -> AnnualReport:
        """A copy with one cell replaced, addressed by its dotted path (``table3.new.total``)."""
        parts = path.split(".")
        # Any: the field is chosen at run time; the dataclasses' own fields keep the types honest.
        change: dict[str, Any] = {parts[-1]: value}
        if parts[0] == "table3" and len(parts) == 3:
            row = replace(self.table3.row(parts[1]), **change)
            return replace(self, table3=Table3({**self.table3.rows, parts[1]: row}))
        if parts[0] == "table4" and len(parts) == 3:
            groups: dict[str, Any] = {parts[1]: replace(self.table4.group(parts[1]), **change)}
            return replace(self, table4=replace(self.table4, **groups))
        if parts[0] == "table2" and len(parts) == 3:
            docs: dict[str, Any] = {parts[1]: replace(self.table2.documents(parts[1]), **change)}
            return replace(self, table2=replace(self.table2, **docs))
        if parts[0] == "table2" and len(parts) == 2 and parts[1] in Table2.__dataclass_fields__:
            return replace(self, table2=replace(self.table2, **change))
        raise KeyError(path)

    def cells(self) -> Iterator[tuple[str, int | Decimal | None]]:
        """Every table cell of the report with its dotted path, in table order."""
        for key, docs in (
            ("regulations", self.table2.regulations),
            ("normative_documents", self.table2.normative_documents),
        ):
            for name, value in docs.items():
                yield f"table2.{key}.{name}", value
        for key, *_ in TABLE2_DECISION_ROWS:
            yield f"table2.{key}", getattr(self.table2, key)
        yield "table2.fees_10k_yuan", self.table2.fees_10k_yuan
        for row_key, row in self.table3.rows.items():
            for column, value in row.items():
                yield f"table3.{row_key}.{column}", value
        for group_key, group in self.table4.groups():
            for name, value in group.items():
                yield f"table4.{group_key}.{name}", value
