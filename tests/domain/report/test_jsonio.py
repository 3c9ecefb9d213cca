"""report-json.md: reading and writing `gongkai.annual-report/1` exactly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.errors import JsonShapeError, ReportFormatError
from gongkai.report import jsonio
from gongkai.report.model import ApplicantCounts, Template


def _minimal() -> dict[str, object]:
    return {
        "format": "gongkai.annual-report/1",
        "template": "2021",
        "agency": "示例市科学技术局",
        "year": 2023,
        "table2": {},
        "table3": {
            "new": {
                "natural": 1,
                "commercial": 0,
                "research": 0,
                "public_interest": 0,
                "legal_service": 0,
                "other": 0,
                "total": 1,
            }
        },
        "table4": {},
    }


def test_corpus_expected_json_round_trips_exactly(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*.expected.json"))
    assert files
    for file in files:
        original = json.loads(file.read_text(encoding="utf-8"))
        assert json.loads(jsonio.dumps(jsonio.load(file))) == original, file.name


def test_missing_cells_stay_missing_not_zero() -> None:
    data = _minimal()
    data["table3"] = {"new": {"natural": None, "total": 3}}
    report = jsonio.report_from_dict(data)
    assert report.table3.row("new") == ApplicantCounts(total=3)
    assert report.table3.cell("carried", "total") is None  # absent row reads as missing
    assert jsonio.report_to_dict(report)["table3"]["new"]["natural"] is None
    assert report.table2.licensing is None and report.table2.fees_10k_yuan is None


def test_fee_is_decimal_and_written_back_unchanged() -> None:
    data = _minimal()
    data["table2"] = {"fees_10k_yuan": 96171.6}
    report = jsonio.loads(json.dumps(data))
    assert report.table2.fees_10k_yuan == Decimal("96171.6")
    assert '"fees_10k_yuan": 96171.6' in jsonio.dumps(report)


@pytest.mark.parametrize(
    ("patch", "path", "expected"),
    [
        # A Chinese numeral where a count belongs (the issue's own example).
        ({"table3": {"new": {"research": "三"}}}, "table3.new.research", "a non-negative integer"),
        ({"table3": {"new": {"natural": 1.5}}}, "table3.new.natural", "a non-negative integer"),
        ({"table3": {"new": {"natural": True}}}, "table3.new.natural", "a non-negative integer"),
        ({"table3": {"newx": {}}}, "table3.newx", "no such key"),
        ({"table4": {"reconsideration": {"upheld": "1"}}}, "table4.reconsideration.upheld", "a non-negative"),
        ({"table2": {"fees_10k_yuan": "12万"}}, "table2.fees_10k_yuan", "decimal"),
        ({"template": "2020"}, "template", '"2021" or "2019"'),
        ({"format": "other/1"}, "format", "gongkai.annual-report/1"),
        ({"year": "2023年"}, "year", "an integer year"),
        ({"sections": [{"number": "一", "title": 1, "text": ""}]}, "sections[0].title", "a string"),
        ({"extra": 1}, "extra", "no such key"),
    ],
)
def test_malformed_json_names_the_path(patch: dict[str, object], path: str, expected: str) -> None:
    data = _minimal()
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            merged = dict(data[key])  # type: ignore[arg-type]
            for sub, subval in value.items():
                merged[sub] = {**merged.get(sub, {}), **subval} if isinstance(subval, dict) else subval
            data[key] = merged
        else:
            data[key] = value
    with pytest.raises(JsonShapeError) as info:
        jsonio.report_from_dict(data)
    assert info.value.path == path
    assert str(info.value).startswith(f"{path}: expected")
    assert expected in str(info.value)


def test_extra_keys_are_kept_under_meta_and_sections() -> None:
    data = _minimal()
    data["meta"] = {"source": "网站", "nested": {"a": [1, 2]}}
    data["sections"] = [{"number": "一", "title": "总体情况", "text": "……", "page": 1}]
    out = jsonio.report_to_dict(jsonio.report_from_dict(data))
    assert out["meta"] == data["meta"]
    assert out["sections"] == data["sections"]


def test_not_json_is_a_clear_error() -> None:
    with pytest.raises(ReportFormatError, match="不是有效的 JSON"):
        jsonio.loads("{not json")


def test_2019_template_single_other_row() -> None:
    data = _minimal()
    data["template"] = "2019"
    data["table3"] = {"other": {"natural": 2, "total": 2}}
    report = jsonio.report_from_dict(data)
    assert report.template is Template.Y2019
    assert report.table3.cell("other", "natural") == 2
    assert "other_other" not in jsonio.report_to_dict(report)["table3"]
