"""The combined (汇总) tables: the cell-by-cell sum of the subordinate agencies' tables 二, 三, 四.

A government's own annual report is NOT the sum of its departments' reports (an application to a
department is not one to the government), so the result is only ever shown under ``NOTICE``.
A cell missing from some report (unreadable, or blank in the file) is summed over the reports that
have it and listed, so that a total is never presented as complete when it is not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.report.arithmetic import counted_in
from gongkai.report.model import (
    AnnualReport,
    ApplicantCounts,
    CaseResults,
    DocumentCounts,
    Table2,
    Table3,
    Table4,
    Template,
    table3_rows_for,
)
from gongkai.report.naming import cell_label
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.models import AnnualReport as StoredReport
from gongkai.web.annual.models import State
from gongkai.web.oversight.models import UploadedReport, UploadState
from gongkai.web.oversight.overview import Source, best_uploads, cell_of, table_fields

NOTICE = "本表为所属各单位数据简单加总，仅供参考，不是本级政府（部门）的年度报告"


def zero_report(agency: str, year: int) -> AnnualReport:
    """A report of the year's template with every cell 0: the starting point of a sum."""
    template = Template.for_year(year)
    docs = DocumentCounts(0, 0, 0)
    return AnnualReport(
        agency=agency,
        year=year,
        template=template,
        table2=Table2(docs, docs, 0, 0, 0, Decimal(0)),
        table3=Table3({r.key: ApplicantCounts.zeros() for r in table3_rows_for(template)}),
        table4=Table4(CaseResults.of(), CaseResults.of(), CaseResults.of()),
    )


@dataclass
class Combined:
    report: AnnualReport
    #: (agency name, source) of each report in the sum.
    included: list[tuple[str, str]] = field(default_factory=list)
    #: Subordinate agencies with no readable report for the year.
    missing: list[str] = field(default_factory=list)
    #: Cell path -> how many of the included reports lack that cell.
    incomplete: dict[str, int] = field(default_factory=dict)

    @property
    def incomplete_cells(self) -> list[tuple[str, int]]:
        return [(cell_label(path), n) for path, n in self.incomplete.items()]


def _value(tables: Mapping[str, Any], parts: tuple[str, ...], target: Template) -> int | Decimal | None:
    """The cell at ``parts`` of a report, folding a 2021 report's three （六）其他处理 sub-rows into the
    2019 format's single row when summing into a 2019-format table."""
    value = cell_of(tables, parts)
    if value is None and parts[0] == "table3":
        folded = [
            cell_of(tables, ("table3", k, parts[2])) for k in counted_in(parts[1], target) if k != parts[1]
        ]
        if folded and all(v is not None for v in folded):
            return sum(v for v in folded if v is not None)
    return value


def combine(
    agency: str, year: int, reports: Iterable[Mapping[str, Any]]
) -> tuple[AnnualReport, dict[str, int]]:
    """The sum cell by cell of ``reports`` -- each the tables of a stored report in the report-json.md
    shape (``{"table2": ..., "table3": ..., "table4": ...}``, as written by jsonio.report_to_dict) --
    and per cell the number of reports that lack it."""
    result = zero_report(agency, year)
    paths = [(path, tuple(path.split("."))) for path, _ in result.cells()]
    sums: dict[str, int | Decimal] = {path: 0 for path, _ in paths}
    lacking: Counter[str] = Counter()
    for tables in reports:
        for path, parts in paths:
            value = _value(tables, parts, result.template)
            if value is None:
                lacking[path] += 1
            else:
                sums[path] += value
    for path, total in sums.items():
        result = result.with_cell(path, total)
    return result, {p: lacking[p] for p, _ in paths if lacking[p]}


def combined_for(agency: Agency, ids: set[int], year: int) -> Combined:
    """The 汇总 of the agencies below ``agency`` among ``ids``: the current published report of each
    that publishes in Gongkai, else its latest readable uploaded file."""
    below = ids - {agency.pk}
    names = dict(Agency.objects.filter(pk__in=below).values_list("pk", "name"))
    # Only the tables are fetched (the JSON's keys, decoded by the database driver): a report read
    # from a file carries the provenance of every cell in its meta, many times the tables' size.
    chosen: dict[int, tuple[str, dict[str, Any]]] = {}
    for row in StoredReport.objects.filter(agency_id__in=below, year=year, state=State.PUBLISHED).values(
        "agency_id", **table_fields()
    ):
        chosen[row["agency_id"]] = (Source.SYSTEM.value, row)
    uploads = best_uploads(
        UploadedReport.objects.filter(agency_id__in=below - set(chosen), year=year, state=UploadState.CHECKED)
        .order_by("-uploaded_at", "-pk")
        .values("agency_id", "year", "state", **table_fields())
    )
    for (pk, _), upload in uploads.items():
        chosen[pk] = (Source.UPLOAD.value, upload)
    report, incomplete = combine(f"{agency.name}所属单位（汇总）", year, (t for _, t in chosen.values()))
    return Combined(
        report=report,
        included=sorted((names[pk], source) for pk, (source, _) in chosen.items()),
        missing=sorted(name for pk, name in names.items() if pk not in chosen),
        incomplete=incomplete,
    )
