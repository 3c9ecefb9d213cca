"""Screening prompts: 重复申请 similarity and the 第三十五条 count threshold."""

from __future__ import annotations

import pytest

from gongkai.screening import SIMILAR_THRESHOLD, Likeness, compare, excessive, normalise, similarity

BASE = "2025年度科技项目补助资金分配结果"


def test_normalise_folds_width_punctuation_and_space() -> None:
    assert normalise("２０２５年度，科技 项目（ABC）。") == "2025年度科技项目abc"
    assert compare(BASE, "２０２５年度，科技项目补助资金分配结果。") == compare(BASE, BASE)
    assert compare(BASE, " 2025 年度 科技项目补助资金分配结果 ").likeness is Likeness.SAME  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "earlier",
    [
        "2024年度科技项目补助资金分配结果",  # the year changed
        "请公开2025年度科技项目补助资金的分配结果",  # words added
        "2025年度科技项目补助资金分配结果及文件",
    ],
)
def test_near_duplicates_are_similar(earlier: str) -> None:
    match = compare(BASE, earlier)
    assert match is not None and match.likeness is Likeness.SIMILAR
    assert SIMILAR_THRESHOLD <= match.score < 1.0


@pytest.mark.parametrize(
    "earlier",
    [
        "2025年度科技项目验收专家名单",  # same subject, another document
        "平湖市高新技术企业认定名单",
        "关于某小区规划许可证的批复文件",
        "",
    ],
)
def test_different_requests_are_not_reported(earlier: str) -> None:
    assert compare(BASE, earlier) is None
    assert similarity(BASE, earlier) < SIMILAR_THRESHOLD


def test_empty_texts_are_never_the_same() -> None:
    assert compare("", "。") is None


def test_threshold_is_a_parameter() -> None:
    assert compare(BASE, "2025年度科技项目验收专家名单", threshold=0.3) is not None


def test_excessive_is_strictly_above_the_threshold() -> None:
    assert not excessive(10, 10)
    assert excessive(11, 10)
