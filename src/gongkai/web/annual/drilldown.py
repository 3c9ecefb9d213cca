"""The records behind one cell of a generated report (issue 8: "each cell can be opened").

``cell_url(agency, year, path)`` is the link the table renderers put on a cell; the view lists
``tables.cell_records`` for it, a page at a time, with applicants' names masked (a list page:
gongkai.web.applications.masking). Reading follows the agency subtree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from gongkai.report.model import OTHER_SINGLE_KEY
from gongkai.report.naming import cell_label
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.annual import tables
from gongkai.web.appeals.models import Result
from gongkai.web.applications import masking
from gongkai.web.applications import vocabulary as av
from gongkai.web.disclosure.models import YearFigure
from gongkai.workflow.applicants import ApplicantType
from gongkai.workflow.outcomes import OUTCOMES

PAGE_SIZE = 100
_STATUS = dict(av.STATUS_CHOICES)


def cell_url(agency: Agency, year: int, path: str) -> str | None:
    """The drill-down page of a cell, or ``None`` for a path that names no listable cell."""
    if not tables.is_cell_path(path):
        return None
    return reverse("annual:cell", args=[agency.pk, year, path])


def _resolution_label(key: str) -> str:
    if key in OUTCOMES:
        return OUTCOMES[key].label
    return "（六）其他处理" if key == OTHER_SINGLE_KEY else key


def _application_row(app: Any) -> dict[str, Any]:
    return {
        "url": reverse("applications:detail", args=[app.pk]),
        "cells": [
            app.number,
            masking.mask_name(app.name),
            ApplicantType(app.applicant_type).label,
            app.received_on,
            app.closed_on or "—",
            _resolution_label(app.resolution) if app.resolution else "—",
            _STATUS.get(app.status, app.status),
        ],
    }


def _appeal_row(appeal: Any, year: int) -> dict[str, Any]:
    return {
        "url": reverse("appeals:detail", args=[appeal.pk]),
        "cells": [
            appeal.get_kind_display() + ("（复议后起诉）" if appeal.after_reconsideration else ""),
            appeal.case_number or "—",
            masking.mask_name(appeal.applicant_name),
            appeal.body,
            appeal.filed_on,
            Result.of(appeal.result_on(date(year, 12, 31))).label,
            appeal.decided_on or "—",
        ],
    }


def _table2_row(record: Any) -> dict[str, Any]:
    if hasattr(record, "index_number"):
        return {
            "url": reverse("disclosure:item", args=[record.pk]),
            "cells": [record.index_number, record.title, record.doc_number or "—", record.written_on],
        }
    return {
        "url": None,
        "cells": [record.number, record.decided_on, record.amount if record.amount is not None else "—"],
    }


HEADERS = {
    "table3": ["登记编号", "申请人", "申请人类型", "收到申请之日", "办结日期", "办理结果", "办理状态"],
    "table4": [
        "类型",
        "案号",
        "申请人（原告）",
        "复议机关或法院",
        "申请（起诉）日期",
        "年末结果",
        "审结日期",
    ],
    "table2_items": ["索引号", "标题", "文号", "成文日期"],
    "table2_decisions": ["决定书文号", "决定日期", "金额（元）"],
}


@login_required
def cell(request: HttpRequest, agency_pk: int, year: int, path: str) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    if agency.pk not in accounts.visible_agency_ids(request.user):
        raise PermissionDenied
    if not tables.is_cell_path(path):
        raise Http404("没有这一单元格。")
    records = tables.cell_records(agency, year, path)
    if path.startswith("table3."):
        records = records.only(
            "pk", "number", "name", "applicant_type", "received_on", "closed_on", "resolution", "status"
        )
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    table = path.split(".")[0]
    entered = False
    if table == "table3":
        rows, headers = [_application_row(a) for a in page], HEADERS["table3"]
    elif table == "table4":
        rows, headers = [_appeal_row(a, year) for a in page], HEADERS["table4"]
    else:
        is_items = path.count(".") == 2
        rows = [_table2_row(r) for r in page]
        headers = HEADERS["table2_items" if is_items else "table2_decisions"]
        if not is_items:
            kind = "fee" if path.endswith("fees_10k_yuan") else path.split(".")[1]
            entered = YearFigure.objects.filter(agency=agency, year=year, kind=kind).exists()
    return render(
        request,
        "annual/cell.html",
        {
            "agency": agency,
            "year": year,
            "path": path,
            "label": cell_label(path),
            "headers": headers,
            "rows": rows,
            "page": page,
            "entered_figure": entered,
        },
    )
