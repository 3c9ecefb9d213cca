"""Importing decision lists from CSV/XLSX: row-level errors, all or nothing."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from gongkai.errors import GongkaiError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import figures
from gongkai.web.disclosure.actions import do_import_decisions
from gongkai.web.disclosure.imports import ImportRejected
from gongkai.web.disclosure.models import Decision

pytestmark = pytest.mark.django_db


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_csv_list_is_imported_and_counted(agencies: Any, people: Any) -> None:
    data = _csv(
        "序号,决定书文号,决定日期\n1,平科许〔2023〕1号,2023-01-05\n2,平科许〔2023〕2号,2023/12/31\n\n3,平科许〔2024〕1号,2024年1月2日\n"
    )
    assert (
        do_import_decisions(agencies["science"], "licensing", "许可.csv", data, acting_user=people["clerk"])
        == 3
    )
    assert figures.table2_for(agencies["science"], 2023).licensing == 2
    assert AuditEvent.objects.filter(action="disclosure.decisions.import").count() == 1


def test_gbk_csv_is_read(agencies: Any, people: Any) -> None:
    data = _csv("决定书文号,决定日期\n平科罚〔2023〕1号,2023-03-01\n", "gbk")
    assert (
        do_import_decisions(agencies["science"], "penalty", "处罚.csv", data, acting_user=people["clerk"])
        == 1
    )


def test_xlsx_fees_sum_to_ten_thousand_yuan(agencies: Any, people: Any) -> None:
    data = _xlsx(
        [
            ["决定书文号", "决定日期", "金额（元）"],
            ["收1", datetime(2023, 3, 1), 15000],
            ["收2", "2023-04-01", "2,500.50"],
        ]
    )
    assert (
        do_import_decisions(agencies["science"], "fee", "收费.xlsx", data, acting_user=people["clerk"]) == 2
    )
    assert figures.table2_for(agencies["science"], 2023).fees_10k_yuan == Decimal("1.75005")


def test_every_bad_row_is_reported_and_nothing_is_imported(agencies: Any, people: Any) -> None:
    Decision.objects.create(
        agency=agencies["science"], kind="fee", decided_on=date(2023, 1, 1), number="收0", amount=1
    )
    data = _csv(
        "决定书文号,决定日期,金额（元）\n"
        "收1,2023-02-30,10\n"  # row 2: no such date
        "收2,2023-03-01,-5\n"  # row 3: negative
        ",2023-03-01,5\n"  # row 4: no number
        "收5,2023-03-01,5\n"  # row 5: good
        "收5,2023-03-02,5\n"  # row 6: repeats row 5
        "收0,2023-03-03,1.234\n"  # row 7: three decimals
        "收0,2023-03-03,1\n"  # row 8: imported before
    )
    with pytest.raises(ImportRejected) as caught:
        do_import_decisions(agencies["science"], "fee", "收费.csv", data, acting_user=people["clerk"])
    assert [str(e) for e in caught.value.errors] == [
        "第2行：决定日期不存在",
        "第3行：金额应为不小于0的数字",
        "第4行：缺少决定书文号",
        "第6行：决定书文号与第5行重复",
        "第7行：金额最多两位小数（单位：元）",
        "第8行：决定书文号 收0 已导入过",
    ]
    assert Decision.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.csv", b"", "文件是空的"),  # empty file
        ("a.csv", "文号,日期\n1,2\n".encode(), "表头缺少列：决定书文号、决定日期"),  # wrong header
        ("a.xls", b"x", "只支持 CSV 或 XLSX"),  # old Excel format
        ("a.xlsx", b"not a zip", "无法读取该 Excel 文件"),  # damaged workbook
    ],
)
def test_unreadable_files_are_clear_errors(
    agencies: Any, people: Any, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(GongkaiError, match=message):
        do_import_decisions(agencies["science"], "licensing", name, data, acting_user=people["clerk"])


def test_fee_list_needs_the_amount_column(agencies: Any, people: Any) -> None:
    with pytest.raises(GongkaiError, match="金额（元）"):
        do_import_decisions(
            agencies["science"],
            "fee",
            "a.csv",
            _csv("决定书文号,决定日期\n1,2023-01-01\n"),
            acting_user=people["clerk"],
        )


def test_only_the_agencys_keepers_import(agencies: Any, people: Any) -> None:
    with pytest.raises(PermissionDenied):
        do_import_decisions(
            agencies["science"],
            "licensing",
            "a.csv",
            _csv("决定书文号,决定日期\n1,2023-01-01\n"),
            acting_user=people["finance_clerk"],
        )
