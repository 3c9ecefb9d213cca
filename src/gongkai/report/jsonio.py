"""Read and write reports as ``gongkai.annual-report/1`` JSON (../shared/reference/report-json.md).

The decoder is strict about the shape (fixed keys, integer cells, a decimal fee) and names the
offending value by its dotted path. It is lenient only where the contract is: ``sections`` and
``meta`` may be absent, and extra keys are kept under ``meta`` and inside each section.
Negative integers are accepted here on purpose: they are well-formed JSON numbers, and the rule
``CELL-NONNEG`` reports them with the cell they sit in, which is more useful than a parse error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gongkai.errors import JsonShapeError, ReportFormatError
from gongkai.report.model import (
    DOCUMENT_COUNT_FIELDS,
    FORMAT_ID,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMN_KEYS,
    TABLE3_ROW_KEYS,
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    AnnualReport,
    ApplicantCounts,
    CaseResults,
    CellSource,
    DocumentCounts,
    Section,
    Table2,
    Table3,
    Table4,
    Template,
)

_TOP_KEYS = frozenset(
    {"format", "template", "agency", "year", "table2", "table3", "table4", "sections", "meta"}
)
_SECTION_KEYS = ("number", "title", "text")
PROVENANCE_META_KEY = "provenance"


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    """How a wrong value is shown in an error: JSON spelling, shortened."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise JsonShapeError(path, "an object", _describe(value), "一个对象")
    return value


def _check_keys(obj: Mapping[str, Any], allowed: tuple[str, ...] | frozenset[str], path: str) -> None:
    for key in obj:
        if key not in allowed:
            where = f"{path}.{key}" if path else key
            raise JsonShapeError(where, "no such key", "an unknown key", "不存在的键（请检查拼写）")


def _count(value: Any, path: str) -> int | None:
    # bool is a subclass of int in Python; JSON true/false is never a count.
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value() and value.as_tuple().exponent == 0:
        return int(value)
    raise JsonShapeError(path, "a non-negative integer", _describe(value), "非负整数")


def _amount(value: Any, path: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise JsonShapeError(path, "a non-negative decimal number", _describe(value), "非负数（单位：万元）")
    return Decimal(value)


def _counts_object(value: Any, path: str, keys: tuple[str, ...]) -> dict[str, int | None]:
    obj = _object(value, path)
    _check_keys(obj, keys, path)
    return {key: _count(obj.get(key), f"{path}.{key}") for key in keys}


def report_from_dict(data: Any) -> AnnualReport:
    """Build a report from decoded JSON, raising :class:`JsonShapeError` with a path on bad shape."""
    top = _object(data, "(document)")
    _check_keys(top, _TOP_KEYS, "")
    fmt = top.get("format")
    if fmt != FORMAT_ID:
        raise JsonShapeError("format", f'"{FORMAT_ID}"', _describe(fmt), f"“{FORMAT_ID}”")
    try:
        template = Template(str(top.get("template")))
    except ValueError:
        got = _describe(top.get("template"))
        raise JsonShapeError("template", '"2021" or "2019"', got, "“2021”或“2019”") from None
    agency = top.get("agency")
    if agency is not None and not isinstance(agency, str):
        raise JsonShapeError("agency", "a string", _describe(agency), "字符串")
    year = top.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise JsonShapeError("year", "an integer year", _describe(year), "整数年份")

    table2 = _table2(top.get("table2", {}))
    table3 = _table3(top.get("table3", {}))
    table4 = _table4(top.get("table4", {}))
    sections = _sections(top["sections"]) if "sections" in top and top["sections"] is not None else None
    meta = dict(_object(top.get("meta", {}), "meta"))
    provenance = _provenance(meta.pop(PROVENANCE_META_KEY, None))
    frozen = MappingProxyType(provenance)
    return AnnualReport(
        agency, year, template, table2, table3, table4, sections, MappingProxyType(meta), frozen
    )


def _table2(value: Any) -> Table2:
    obj = _object(value, "table2")
    decision_keys = tuple(k for k, *_ in TABLE2_DECISION_ROWS)
    doc_keys = tuple(k for k, _ in TABLE2_DOCUMENT_ROWS)
    _check_keys(obj, (*doc_keys, *decision_keys, "fees_10k_yuan"), "table2")
    field_keys = tuple(k for k, _ in DOCUMENT_COUNT_FIELDS)
    docs: dict[str, Any] = {
        key: DocumentCounts(**_counts_object(obj.get(key, {}), f"table2.{key}", field_keys))
        for key in doc_keys
    }
    decisions: dict[str, Any] = {key: _count(obj.get(key), f"table2.{key}") for key in decision_keys}
    fees = _amount(obj.get("fees_10k_yuan"), "table2.fees_10k_yuan")
    return Table2(**docs, **decisions, fees_10k_yuan=fees)


def _table3(value: Any) -> Table3:
    obj = _object(value, "table3")
    _check_keys(obj, TABLE3_ROW_KEYS, "table3")
    rows = {
        key: ApplicantCounts(**_counts_object(row, f"table3.{key}", TABLE3_COLUMN_KEYS))
        for key, row in obj.items()
    }
    return Table3(rows)


def _table4(value: Any) -> Table4:
    obj = _object(value, "table4")
    _check_keys(obj, TABLE4_GROUP_KEYS, "table4")
    groups = {
        key: CaseResults(**_counts_object(obj.get(key, {}), f"table4.{key}", TABLE4_FIELD_KEYS))
        for key in TABLE4_GROUP_KEYS
    }
    return Table4(**groups)


def _sections(value: Any) -> tuple[Section, ...]:
    if not isinstance(value, list):
        raise JsonShapeError("sections", "a list", _describe(value), "列表")
    result = []
    for index, item in enumerate(value):
        path = f"sections[{index}]"
        obj = _object(item, path)
        for key in _SECTION_KEYS:
            if not isinstance(obj.get(key), str):
                raise JsonShapeError(f"{path}.{key}", "a string", _describe(obj.get(key)), "字符串")
        extra = {k: v for k, v in obj.items() if k not in _SECTION_KEYS}
        result.append(Section(obj["number"], obj["title"], obj["text"], MappingProxyType(extra)))
    return tuple(result)


def _provenance(value: Any) -> dict[str, CellSource]:
    if value is None:
        return {}
    obj = _object(value, f"meta.{PROVENANCE_META_KEY}")
    result = {}
    for cell, source in obj.items():
        path = f"meta.{PROVENANCE_META_KEY}.{cell}"
        src = _object(source, path)
        raw = src.get("raw")
        if not isinstance(raw, str):
            raise JsonShapeError(f"{path}.raw", "a string", _describe(raw), "字符串")
        ints = {k: src.get(k) for k in ("page", "line", "table", "row", "column")}
        for k, v in ints.items():
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise JsonShapeError(f"{path}.{k}", "an integer", _describe(v), "整数")
        note = src.get("note")
        result[cell] = CellSource(raw=raw, note=note if isinstance(note, str) else None, **ints)
    return result


def loads(text: str) -> AnnualReport:
    """Parse JSON text into a report. Numbers with a fraction become ``Decimal`` (never float)."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ReportFormatError(
            "不是有效的 JSON 文件", detail=f"第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from exc
    return report_from_dict(data)


def load(path: str | Path) -> AnnualReport:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportFormatError("JSON 文件不是 UTF-8 编码", detail=str(path)) from exc
    return loads(text)


# ---------------------------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------------------------


def _number(value: Decimal | None) -> int | float | None:
    """A fee as a JSON number: an integer when whole, otherwise the shortest float that reads back equal."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    try:
        if Decimal(repr(as_float)) == value:
            return as_float
    except InvalidOperation:  # pragma: no cover - repr of a finite float is always a valid Decimal
        pass
    raise ValueError(f"fee {value} cannot be written exactly as a JSON number")


def report_to_dict(report: AnnualReport) -> dict[str, Any]:
    """The report as plain JSON-ready data, keys in the order of report-json.md."""
    t2 = report.table2
    table2: dict[str, Any] = {key: dict(t2.documents(key).items()) for key, _ in TABLE2_DOCUMENT_ROWS}
    for key, *_ in TABLE2_DECISION_ROWS:
        table2[key] = getattr(t2, key)
    table2["fees_10k_yuan"] = _number(t2.fees_10k_yuan)
    data: dict[str, Any] = {
        "format": FORMAT_ID,
        "template": report.template.value,
        "agency": report.agency,
        "year": report.year,
        "table2": table2,
        "table3": {key: dict(row.items()) for key, row in report.table3.rows.items()},
        "table4": {key: dict(group.items()) for key, group in report.table4.groups()},
    }
    if report.sections is not None:
        data["sections"] = [
            {"number": s.number, "title": s.title, "text": s.text, **dict(s.extra)} for s in report.sections
        ]
    meta = dict(report.meta)
    if report.provenance:
        meta[PROVENANCE_META_KEY] = {
            cell: {k: v for k, v in _source_items(src) if v is not None}
            for cell, src in report.provenance.items()
        }
    if meta or "meta" in data:
        data["meta"] = meta
    return data


def _source_items(src: CellSource) -> list[tuple[str, Any]]:
    """The source's fields in their declared order: the keys of its JSON object."""
    return [(f.name, getattr(src, f.name)) for f in fields(src)]


def dumps(report: AnnualReport, *, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)
