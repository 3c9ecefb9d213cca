"""信息处理费 (gongkai.fees) and ``gongkai fee``: every tier boundary of 国办函〔2020〕109号."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.cli import main
from gongkai.fees import (
    FeeError,
    FeeMethod,
    monthly_total,
    per_application_fee,
    per_page_fee,
    quote,
)


@pytest.mark.parametrize(
    ("nth", "fee"),
    [
        (1, 0),  # 第四条（一）: 10件以下（含10件）不收费
        (10, 0),  # the last free application
        (11, 100),  # 第四条（二）: 11—30件的部分 100元/件
        (30, 100),  # the last of the 100-yuan band
        (31, 200),  # 第四条（三）: 31件以上，每增加一档（10件）提高100元 -> 31—40件 200元
        (40, 200),  # the last of the first step
        (41, 300),  # the second step: 41—50件 300元
        (50, 300),
        (51, 400),  # and so on, without a cap in the text
    ],
)
def test_per_application_fee_of_the_nth_application_in_a_month(nth: int, fee: int) -> None:
    result = per_application_fee(nth)
    assert result.amount == Decimal(fee)
    assert isinstance(result.amount, Decimal)
    assert result.method is FeeMethod.PER_APPLICATION


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (0, 0),  # nothing delivered
        (30, 0),  # 30页以下（含30页）不收费
        (31, 10),  # 31—100页的部分 10元/页: 1 page over
        (100, 700),  # 70 × 10
        (101, 720),  # 700 + 1 × 20 (101—200页的部分 20元/页)
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 1 × 40 (201页以上的部分 40元/页)
        (250, 4700),  # fee-rules.md 三's example: 30×0 + 70×10 + 100×20 + 50×40
    ],
)
def test_per_page_fee_is_progressive_per_band(pages: int, fee: int) -> None:
    assert per_page_fee(pages).amount == Decimal(fee)


@pytest.mark.parametrize(
    ("count", "total"),
    [
        (10, 0),
        (11, 100),
        (35, 3000),  # fee-rules.md 三's example: 10×0 + 20×100 + 5×200
        (41, 2000 + 2000 + 300),
    ],
)
def test_monthly_total(count: int, total: int) -> None:
    assert monthly_total(count) == Decimal(total)


@given(st.integers(min_value=0, max_value=2000))
def test_page_fee_never_decreases_and_the_marginal_page_has_its_bands_rate(pages: int) -> None:
    step = per_page_fee(pages + 1).amount - per_page_fee(pages).amount
    assert step == (0 if pages + 1 <= 30 else 10 if pages + 1 <= 100 else 20 if pages + 1 <= 200 else 40)


def test_quote_dispatches_to_one_method_only() -> None:
    assert quote(FeeMethod.PER_PAGE, 31).amount == Decimal(10)
    assert quote(FeeMethod.PER_APPLICATION, 31).amount == Decimal(200)


def test_the_quote_explains_basis_and_bands_in_chinese() -> None:
    q = per_page_fee(101)
    assert "国办函〔2020〕109号" in q.basis
    assert [(line.band, line.units, line.subtotal) for line in q.lines] == [
        ("1—30页", 30, Decimal(0)),
        ("31—100页", 70, Decimal(700)),
        ("101—200页", 1, Decimal(20)),
    ]
    assert q.describe().startswith("按量计收：101页，信息处理费720元")


@pytest.mark.parametrize(("call", "arg"), [(per_page_fee, -1), (per_application_fee, 0), (monthly_total, -1)])
def test_impossible_quantities_are_chinese_errors(call: object, arg: int) -> None:
    with pytest.raises(FeeError):
        call(arg)  # type: ignore[operator]  # each is a one-argument function


# -- the CLI -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "fee"),
    [
        (["fee", "--pages", "250"], "4700"),
        (["fee", "--pages", "30"], "0"),
        (["fee", "--monthly-count", "11"], "100"),
        (["fee", "--monthly-count", "41"], "300"),
    ],
)
def test_cli_fee(argv: list[str], fee: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fee_yuan"] == fee
    assert main(argv) == 0
    assert f"信息处理费{fee}元" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["fee"],  # one of the two is required
        ["fee", "--pages", "3", "--monthly-count", "3"],  # never both methods
        ["fee", "--pages", "-1"],
        ["fee", "--pages", "十"],
    ],
)
def test_cli_fee_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_cli_fee_monthly_count_zero_is_a_chinese_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fee", "--monthly-count", "0"]) == 2
    assert "正整数" in capsys.readouterr().err
