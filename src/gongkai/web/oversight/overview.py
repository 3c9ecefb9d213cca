"""The supervisor's year view: each overseen agency's report status, source, check results, figures.

A report is submitted when the agency published it in Gongkai (a version in state published or
superseded; the earliest ``published_at`` is when it was submitted) or when the supervisor uploaded
its published file. It is late when published after the due date of the agency's kind (条例 第四十九条:
部门 31 January, 县级以上地方人民政府 31 March of the following year; other kinds have no statutory
date and are never called late). Apart from the publication, the view shows whether the agency
submitted (报送) its report to its 主管部门 (第四十九条第一款: a department both submits and publishes).

Every figure is read in a fixed number of queries whatever the number of agencies: the reports'
figures come out of the JSON column by key (``KT``), never by loading each report, so that the view
of 300 agencies stays well under 2 s (bench/bench_oversight.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.fields.json import KT, KeyTransform
from django.db.models.functions import ExtractYear
from django.utils import timezone

from gongkai.report.model import DENY_GROUP, OTHER_GROUP, REJECT_GROUP, UNABLE_GROUP, table3_row_keys
from gongkai.report.publication import PublicationDuty
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.models import SUBMITTED_STATES, AnnualReport, State, Submission, duty_for
from gongkai.web.oversight.models import UploadedReport, UploadState


class Status(StrEnum):
    PUBLISHED = "已发布"
    LATE = "逾期发布"
    MISSING = "未上报"


class Source(StrEnum):
    SYSTEM = "系统生成"
    UPLOAD = "上传文件"


#: The key figures shown per agency: name -> dotted cell path (report-json.md).
KEY_FIGURES: Mapping[str, str] = {
    "new": "table3.new.total",
    "done": "table3.total.total",
    "carry_next": "table3.carry_next.total",
    "reconsideration": "table4.reconsideration.total",
    "litigation_direct": "table4.litigation_direct.total",
    "litigation_after": "table4.litigation_after_reconsideration.total",
}


def json_fields(paths: Mapping[str, str]) -> dict[str, KT]:
    """``f_<name>`` annotations that read each path out of the ``data`` JSON column in the database."""
    return {f"f_{name}": KT("data__" + path.replace(".", "__")) for name, path in paths.items()}


#: The report-json.md keys holding the tables.
TABLE_KEYS = ("table2", "table3", "table4")


def table_fields(*keys: str) -> dict[str, KeyTransform]:
    """Annotations fetching just the tables (``keys``, default all three) of the ``data`` JSON column,
    decoded, under their own keys."""
    return {key: KeyTransform(key, "data") for key in keys or TABLE_KEYS}


def cell_of(tables: Mapping[str, Any], path: str | tuple[str, ...]) -> int | Decimal | None:
    """The cell at ``path`` (dotted, or already split) of a report's tables as stored (report-json.md);
    ``None`` when missing. A fee stored as a JSON number comes back as its exact decimal.

    Exact type checks, not isinstance against abstract classes: the 汇总 of 300 reports makes some
    50,000 of these look-ups per page."""
    node: Any = tables
    for part in path.split(".") if isinstance(path, str) else path:
        if type(node) is not dict:
            return None
        node = node.get(part)
    kind = type(node)
    if kind is int or kind is Decimal:
        return node
    if kind is float:
        return Decimal(repr(node))
    return None  # missing, or not a count (bool is not an int here)


def as_count(value: Any) -> int | None:
    """A figure as read by ``KT``: an int on SQLite, text on PostgreSQL; ``None`` when missing."""
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def figures_of(row: Mapping[str, Any], names: Iterable[str]) -> dict[str, int | None]:
    return {name: as_count(row.get(f"f_{name}")) for name in names}


def submission_status(duty: PublicationDuty, submitted_on: date | None, today: date) -> tuple[Status, str]:
    """The status of the report under ``duty`` (annual.models.duty_for) published on ``submitted_on``
    (None: not published), as seen on ``today``; with a note for the supervisor. Without a
    statutory date (duty.due None) nothing is late, and the note says why."""
    deadline = duty.due
    if deadline is None:
        shown = f"{submitted_on:%Y年%m月%d日}发布；" if submitted_on is not None else ""
        return (Status.PUBLISHED if submitted_on else Status.MISSING), shown + duty.note
    if submitted_on is None:
        if today <= deadline:
            return Status.MISSING, f"发布期限为{deadline:%Y年%m月%d日}，尚有{(deadline - today).days}天"
        return Status.MISSING, f"已超过{deadline:%Y年%m月%d日}的发布期限"
    if submitted_on > deadline:
        return Status.LATE, f"{submitted_on:%Y年%m月%d日}发布，超过{deadline:%Y年%m月%d日}的期限"
    return Status.PUBLISHED, f"{submitted_on:%Y年%m月%d日}发布"


@dataclass
class AgencyRow:
    agency_id: int
    name: str
    #: The overseeing agency itself (本级), shown first and marked.
    is_self: bool
    status: Status = Status.MISSING
    note: str = ""
    source: Source | None = None
    report_id: int | None = None
    upload_id: int | None = None
    #: For an uploaded file: its UploadState (checked, failed, or still queued/reading).
    upload_state: str = ""
    errors: int | None = None
    warnings: int | None = None
    figures: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(KEY_FIGURES))
    #: Items published (主动公开) in the year through Gongkai's ledger, all channels; None: no records.
    publications: int | None = None
    has_draft: bool = False
    #: The agency's kind (条例 第四十九条) and, while it is only a fallback, the note to set it.
    kind: str = ""
    kind_note: str = ""
    #: When the agency submitted (报送) its report to its 主管部门, apart from publishing it.
    submitted_to_supervisor: date | None = None
    #: Whether 第四十九条第一款 requires the submission (a 县级以上人民政府部门 below a 主管部门).
    must_submit: bool = False

    @property
    def submission(self) -> str:
        """Whether the report was submitted (报送) to the 主管部门, apart from its publication."""
        on = self.submitted_to_supervisor
        if on is not None:
            return f"已报送主管部门（{on.year}年{on.month}月{on.day}日）"
        return "未报送" if self.must_submit else "无需报送"

    @property
    def litigation(self) -> int | None:
        parts = [self.figures.get("litigation_direct"), self.figures.get("litigation_after")]
        known = [p for p in parts if p is not None]
        return sum(known) if known else None


@dataclass
class YearOverview:
    agency: Agency
    year: int
    today: date
    rows: list[AgencyRow]

    @property
    def deadlines(self) -> str:
        """The due dates by kind, for the page's summary (条例 第四十九条)."""
        return (
            f"县级以上人民政府部门{self.year + 1}年1月31日前报送主管部门并公布，"
            f"县级以上地方人民政府{self.year + 1}年3月31日前公布；乡镇、街道等条例未规定期限"
        )

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(s.value, self.count(s)) for s in Status]


def _local_date(moment: Any) -> date:
    return timezone.localtime(moment).date()


def best_uploads(uploads: Iterable[dict[str, Any]]) -> dict[tuple[int, int], dict[str, Any]]:
    """Per (agency, year), the upload to show: the latest readable one, else the latest at all.
    ``uploads`` must come newest first."""
    best: dict[tuple[int, int], dict[str, Any]] = {}
    for u in uploads:
        key = (u["agency_id"], u["year"])
        current = best.get(key)
        if current is None or (current["state"] != UploadState.CHECKED and u["state"] == UploadState.CHECKED):
            best[key] = u
    return best


def upload_submitted_on(upload: Mapping[str, Any], duty: PublicationDuty) -> tuple[date | None, str]:
    """When an uploaded report was published, as far as is known, and a note when only bounded.

    The entered publication date decides. Without it the date the file was received is used, as
    the upload form says ("不填时按收到文件之日判断"), and the note says so (issue 17: a status
    "无法判断是否逾期" broke the form's promise)."""
    if upload["published_on"] is not None:
        return upload["published_on"], ""
    received = _local_date(upload["uploaded_at"])
    if duty.due is not None and received <= duty.due:
        return received, "（未填发布日期，按收到文件之日）"
    return None, ""


def year_overview(agency: Agency, ids: set[int], year: int, today: date) -> YearOverview:
    """The year view of ``agency`` over the agencies ``ids`` (its subtree), as seen on ``today``."""
    agencies = {
        a.pk: a
        for a in Agency.objects.filter(pk__in=ids).only("pk", "name", "kind", "kind_note", "parent_id")
    }
    duties = {pk: duty_for(a, year) for pk, a in agencies.items()}
    rows = {
        pk: AgencyRow(
            pk,
            a.name,
            pk == agency.pk,
            kind=a.agency_kind.value,
            kind_note=a.kind_note,
            # 第四十九条第一款; the 主管部门 at the top of the tree has nobody to submit to.
            must_submit=duties[pk].submit_to_supervisor and a.parent_id is not None,
        )
        for pk, a in agencies.items()
    }
    submitted = Submission.objects.filter(agency_id__in=ids, year=year).order_by("-submitted_on")
    for agency_id, on in submitted.values_list("agency_id", "submitted_on"):
        rows[agency_id].submitted_to_supervisor = on  # the earliest comes last and stays

    # Every version ever published: the earliest publication is the submission, the current one
    # (state published) gives the figures and the check results.
    first_published: dict[int, date] = {}
    current: dict[int, dict[str, Any]] = {}
    published = (
        AnnualReport.objects.filter(agency_id__in=ids, year=year, state__in=SUBMITTED_STATES)
        .values("pk", "agency_id", "state", "published_at", "errors", "warnings")
        .annotate(**json_fields(KEY_FIGURES))
    )
    for report in published:
        if report["published_at"] is not None:
            on = _local_date(report["published_at"])
            if report["agency_id"] not in first_published or on < first_published[report["agency_id"]]:
                first_published[report["agency_id"]] = on
        if report["state"] == State.PUBLISHED:
            current[report["agency_id"]] = report
    drafts = set(
        AnnualReport.objects.filter(agency_id__in=ids, year=year, state=State.DRAFT).values_list(
            "agency_id", flat=True
        )
    )
    uploads = best_uploads(
        UploadedReport.objects.filter(agency_id__in=ids, year=year)
        .order_by("-uploaded_at", "-pk")
        .values("pk", "agency_id", "year", "state", "errors", "warnings", "published_on", "uploaded_at")
        .annotate(**json_fields(KEY_FIGURES))
    )
    publications = _publications(ids, year)

    for pk, row in rows.items():
        row.has_draft = pk in drafts
        row.publications = publications.get(pk)
        if pk in current or pk in first_published:
            report = current.get(pk)
            row.source = Source.SYSTEM
            row.status, row.note = submission_status(duties[pk], first_published.get(pk), today)
            if report is not None:
                row.report_id = report["pk"]
                row.errors, row.warnings = report["errors"], report["warnings"]
                row.figures = figures_of(report, KEY_FIGURES)
        elif (pk, year) in uploads:
            upload = uploads[(pk, year)]
            row.source = Source.UPLOAD
            row.upload_id = upload["pk"]
            upload_on, how = upload_submitted_on(upload, duties[pk])
            if upload["state"] == UploadState.UNCONFIRMED:
                # Another agency's or year's file, until the supervisor confirms it: not submitted.
                row.status, row.note = submission_status(duties[pk], None, today)
                row.note += "；上传的文件与所选单位或年度不一致，待确认"
            elif upload_on is None:
                row.status, row.note = Status.PUBLISHED, "未填发布日期，无法判断是否逾期"
            else:
                row.status, row.note = submission_status(duties[pk], upload_on, today)
                row.note += how
            row.upload_state = upload["state"]
            if upload["state"] == UploadState.CHECKED:
                row.errors, row.warnings = upload["errors"], upload["warnings"]
                row.figures = figures_of(upload, KEY_FIGURES)
        else:
            row.status, row.note = submission_status(duties[pk], None, today)
    ordered = sorted(rows.values(), key=lambda r: (not r.is_self, r.name))
    return YearOverview(agency, year, today, ordered)


def _publications(ids: set[int], year: int) -> dict[int, int]:
    """Publications of the year per agency (one grouped query; disclosure.figures.publications_in's
    count for each agency at once)."""
    from gongkai.web.disclosure.models import Publication

    rows = (
        Publication.objects.filter(agency_id__in=ids, on__year=year)
        .values("agency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {r["agency_id"]: r["n"] for r in rows}


# ---------------------------------------------------------------------------------------------
# Trends across years
# ---------------------------------------------------------------------------------------------

_DENY = table3_row_keys(groups=(DENY_GROUP,))
_OTHER_OUTCOMES = table3_row_keys(groups=(UNABLE_GROUP, REJECT_GROUP, OTHER_GROUP))
TREND_FIGURES: Mapping[str, str] = {
    "new": "table3.new.total",
    "granted": "table3.granted.total",
    "partial": "table3.partial.total",
    **{k: f"table3.{k}.total" for k in (*_DENY, *_OTHER_OUTCOMES)},
    "reconsideration": "table4.reconsideration.total",
    "litigation_direct": "table4.litigation_direct.total",
    "litigation_after": "table4.litigation_after_reconsideration.total",
}
_TREND_PARTS = {name: tuple(path.split(".")) for name, path in TREND_FIGURES.items()}
#: How many years the charts go back at most.
TREND_YEARS = 10


@dataclass
class TrendPoint:
    year: int
    reports: int = 0
    received: int = 0
    granted: int = 0
    partial: int = 0
    denied: int = 0
    other: int = 0
    reconsideration: int = 0
    litigation: int = 0
    #: Cases closed in the year in Gongkai (with a due date) and how many of them on time.
    closed: int = 0
    on_time: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Share of cases closed on time (办结日期不晚于答复期限); None without records."""
        return self.on_time / self.closed if self.closed else None

    def add(self, tables: Mapping[str, Any]) -> None:
        """Add one report's figures (its stored tables, see ``table_fields``); a missing cell adds 0."""

        def n(*names: str) -> int:
            return sum(int(cell_of(tables, _TREND_PARTS[k]) or 0) for k in names)

        self.reports += 1
        self.received += n("new")
        self.granted += n("granted")
        self.partial += n("partial")
        self.denied += n(*_DENY)
        self.other += n(*_OTHER_OUTCOMES)
        self.reconsideration += n("reconsideration")
        self.litigation += n("litigation_direct", "litigation_after")


def trends(ids: set[int], year: int) -> list[TrendPoint]:
    """Per year up to ``year`` (at most ``TREND_YEARS``), the sums over the reports of ``ids``
    (a system report where there is one, else the readable uploaded file) and the on-time rate
    from Gongkai's records. Years before the first report are left out."""
    first = year - TREND_YEARS + 1
    points = {y: TrendPoint(y) for y in range(first, year + 1)}
    with_system: set[tuple[int, int]] = set()
    for row in AnnualReport.objects.filter(
        agency_id__in=ids, year__range=(first, year), state=State.PUBLISHED
    ).values("agency_id", "year", **table_fields("table3", "table4")):
        with_system.add((row["agency_id"], row["year"]))
        points[row["year"]].add(row)
    uploads = best_uploads(
        UploadedReport.objects.filter(agency_id__in=ids, year__range=(first, year), state=UploadState.CHECKED)
        .order_by("-uploaded_at", "-pk")
        .values("pk", "agency_id", "year", "state", **table_fields("table3", "table4"))
    )
    for key, upload in uploads.items():
        if key not in with_system:
            points[upload["year"]].add(upload)
    _on_time(ids, points)
    years = [y for y, p in points.items() if p.reports or p.closed]
    if not years:
        return []
    return [points[y] for y in range(min(years), year + 1)]


def _on_time(ids: set[int], points: dict[int, TrendPoint]) -> None:
    from gongkai.web.applications.models import Application

    rows = (
        Application.objects.filter(agency_id__in=ids, closed_on__year__in=list(points), due_on__isnull=False)
        .annotate(y=ExtractYear("closed_on"))
        .values("y")
        .annotate(n=Count("pk"), on_time=Count("pk", filter=Q(closed_on__lte=F("due_on"))))
        .order_by()
    )
    for r in rows:
        points[r["y"]].closed = r["n"]
        points[r["y"]].on_time = r["on_time"]
