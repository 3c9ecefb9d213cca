"""Importing lists of decisions (行政许可/处罚/强制决定, 收费记录) from CSV or XLSX.

All or nothing: every row is checked first and every bad row reported (行号 + reason); only a
list without errors is written, in one transaction, so a half-imported year cannot happen (the
writing is the action ``actions.do_import_decisions``; this module reads and checks).

Columns (header row, any order; extra columns are ignored): 决定书文号, 决定日期 (2023-05-04,
2023/5/4, 2023年5月4日 or an Excel date), and for 收费 also 金额（元）.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from gongkai.errors import GongkaiError
from gongkai.sensitive.documents.plain import decode_bytes
from gongkai.web.disclosure import vocabulary as v

NUMBER = "决定书文号"
DATE = "决定日期"
AMOUNT = "金额（元）"
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
MAX_ROWS = 100_000


@dataclass(frozen=True)
class RowError:
    row: int  # as the user sees it in the file (header = 1)
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行：{self.message}"


class ImportRejected(GongkaiError):
    """The list has errors; nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"导入未执行：{len(errors)}行有错误，请改正后重新导入")
        self.errors = errors


def read_rows(name: str, data: bytes) -> list[list[Any]]:
    """The rows of a CSV or XLSX file (header included)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise GongkaiError("无法读取该 Excel 文件", detail=name) from exc
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    if suffix == ".csv":
        text, _ = decode_bytes(data, name=name)
        return [list(r) for r in csv.reader(io.StringIO(text))]
    raise GongkaiError("只支持 CSV 或 XLSX 文件", detail=name)


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.match(str(value or ""))
    if not m:
        raise ValueError("决定日期格式应为 2023-05-04")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError("决定日期不存在") from exc


def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError("金额应为数字（单位：元）") from exc
    if not amount.is_finite() or amount < 0:
        raise ValueError("金额应为不小于0的数字")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("金额最多两位小数（单位：元）")
    return amount


Row = tuple[int, str, date, Decimal | None]  # line in the file, 文号, 日期, 金额


def parse(rows: list[list[Any]], kind: str) -> tuple[list[Row], list[RowError]]:
    """Check every row; return the good ones and the errors."""
    if not rows:
        raise GongkaiError("文件是空的")
    if len(rows) > MAX_ROWS + 1:
        raise GongkaiError(f"一次最多导入{MAX_ROWS}行")
    header = [str(c or "").strip() for c in rows[0]]
    wanted = [NUMBER, DATE] + ([AMOUNT] if kind == v.DecisionKind.FEE else [])
    missing = [c for c in wanted if c not in header]
    if missing:
        raise GongkaiError("表头缺少列：" + "、".join(missing), detail="第1行")
    col = {name: header.index(name) for name in wanted}
    good: list[Row] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows[1:], start=2):
        cells = {name: (row[i] if i < len(row) else None) for name, i in col.items()}
        if all(c is None or str(c).strip() == "" for c in cells.values()):
            continue  # blank line
        number = str(cells[NUMBER] or "").strip()
        try:
            if not number:
                raise ValueError("缺少决定书文号")
            if len(number) > 100:
                raise ValueError("决定书文号过长")
            if number in seen:
                raise ValueError(f"决定书文号与第{seen[number]}行重复")
            day = _date(cells[DATE])
            amount = _amount(cells[AMOUNT]) if kind == v.DecisionKind.FEE else None
        except ValueError as exc:
            errors.append(RowError(n, str(exc)))
            continue
        seen[number] = n
        good.append((n, number, day, amount))
    return good, errors
