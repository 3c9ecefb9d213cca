"""The agencies that must report (--expected agencies.csv) and who has not (未上报)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_reports import AGENCY_A, make_mixed_folder

from gongkai.report.batch import check_paths
from gongkai.report.batch.expected import load_expected, missing_by_year, normalise_agency
from testsupport import assert_refused

mixed_folder_fixture = pytest.fixture(name="mixed_folder")(make_mixed_folder)


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        # full-width brackets in the report, half-width in the list
        ("示例市（测试）交通运输局", "示例市(测试)交通运输局"),
        # spaces inside the name, ideographic space included
        ("示例市 教育局", "示例市\u3000教育局"),
        # 〔〕 and 【】 brackets count as round ones
        ("示例市〔测试〕局", "示例市【测试】局"),
        # full-width Latin letters and digits
        ("ＸＹ市第１中学", "XY市第1中学"),
    ],
)
def test_names_match_whatever_their_width_spacing_and_brackets(written: str, listed: str) -> None:
    assert normalise_agency(written) == normalise_agency(listed)


def test_different_agencies_stay_different() -> None:
    assert normalise_agency("示例市教育局") != normalise_agency("示例县教育局")


@pytest.mark.parametrize(
    ("encoding", "header"),
    [
        ("utf-8", "机构"),  # UTF-8 without BOM
        ("utf-8-sig", "单位名称"),  # Excel's "CSV UTF-8" adds a BOM
        ("gbk", "单位"),  # Excel's default CSV on Chinese Windows
        ("gb18030", "agency"),
    ],
)
def test_the_list_is_read_in_utf8_or_gbk(tmp_path: Path, encoding: str, header: str) -> None:
    csv = tmp_path / "agencies.csv"
    csv.write_bytes(
        f"序号,{header},备注\n1,示例市（测试）交通运输局,\n2,示例市教育局,新增\n3,示例市教育局,重复\n4,,\n".encode(
            encoding
        )
    )
    assert load_expected(csv) == ("示例市（测试）交通运输局", "示例市教育局")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空文件"),  # nothing at all
        ("序号,备注\n1,甲\n".encode(), "缺少单位名称列"),  # no name column
        ("机构\n".encode(), "没有任何单位"),  # header only
        (b"\xff\xfe\x00\xd8\x00\xd8", "不是 UTF-8 或 GBK"),  # neither encoding
    ],
)
def test_a_bad_list_gets_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    assert_refused(load_expected, tmp_path / "agencies.csv", content, message)


def test_a_missing_list_file_gets_a_clear_error(tmp_path: Path) -> None:
    assert_refused(load_expected, tmp_path / "none.csv", None, "无法读取应上报单位名单")


def test_missing_is_per_year() -> None:
    expected = ["甲局", "乙局", "丙局"]
    reported = [("甲局", 2022), ("甲局", 2023), ("乙 局", 2023), (None, None), ("丁局", 2023)]
    assert missing_by_year(expected, reported, [2023, 2022]) == {2022: ("乙局", "丙局"), 2023: ("丙局",)}


def test_a_batch_lists_who_has_not_reported(mixed_folder: Path, tmp_path: Path) -> None:
    csv = tmp_path / "agencies.csv"
    csv.write_bytes(
        f"机构\n{AGENCY_A.replace('（', '(').replace('）', ')')}\n示例市教育局\n示例市财政局\n".encode("gbk")
    )
    result = check_paths([mixed_folder], expected=csv, workers=2, progress=False)
    assert result.expected_checked
    # 2022: only agency A reported; 2023: A and 教育局 (whose report has errors, but was sent).
    assert result.missing == {2022: ("示例市教育局", "示例市财政局"), 2023: ("示例市财政局",)}
    assert result.missing_count == 3


def test_years_can_be_given(mixed_folder: Path) -> None:
    result = check_paths([mixed_folder / "a"], expected=["示例市教育局"], years=[2024], progress=False)
    assert result.missing == {2024: ("示例市教育局",)}
