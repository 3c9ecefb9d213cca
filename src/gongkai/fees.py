"""信息处理费: the national fee tiers as data, amounts as ``Decimal`` yuan.

For the web layer::

    from gongkai.fees import FeeMethod, quote

    q = quote(FeeMethod.PER_PAGE, 250)        # one application delivered as 250 pages
    q = quote(FeeMethod.PER_APPLICATION, 35)  # the applicant's 35th application this month
    q.amount                                  # Decimal('4700'), Decimal('200')
    q.lines                                   # one line per band, for the 收费通知书 (标准、数额)

The payment period and its lapse (表三（六）2) are clocks: :func:`gongkai.deadlines.fee_payment_due`.

Legal basis: 条例 第四十二条; 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条 (按件或
按量, 均按照超额累进方式计算, 每件申请只适用一种标准), 第四条 (按件), 第五条 (按量, the bands as
quoted by two government fee listings in fee-rules.md). "超额累进" means each band's rate applies
only to the units inside that band, so per volume 250 pages cost 30×0 + 70×10 + 100×20 + 50×40 =
4700 yuan (the example in fee-rules.md 三).

Reading of 第四条（三） "31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件": the 31st–40th
applications are the first band above 11–30 and so cost 200 yuan each, the 41st–50th 300, and so
on. fee-rules.md notes that 100 for 31–40 is a conceivable reading and that no official
interpretation was found; the rule is the data in :data:`PER_APPLICATION_STANDARD` if it must change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from gongkai.errors import GongkaiError

FEE_BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class FeeError(GongkaiError):
    """A quantity no fee can be computed for."""


class FeeMethod(StrEnum):
    """One method per application, never both (办法 第三条)."""

    PER_APPLICATION = "per_application"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收


FEE_METHOD_LABELS: Mapping[FeeMethod, str] = MappingProxyType(
    {FeeMethod.PER_APPLICATION: "按件计收", FeeMethod.PER_PAGE: "按量计收"}
)
_UNITS: Mapping[FeeMethod, str] = MappingProxyType(
    {FeeMethod.PER_APPLICATION: "件", FeeMethod.PER_PAGE: "页"}
)


@dataclass(frozen=True, slots=True)
class Band:
    """Units ``first``..``last`` (inclusive; ``last=None``: no upper end) at ``rate`` yuan each."""

    first: int
    last: int | None
    rate: Decimal

    def contains(self, n: int) -> bool:
        return self.first <= n and (self.last is None or n <= self.last)

    def units_within(self, quantity: int) -> int:
        """How many of units 1..quantity fall into this band."""
        top = quantity if self.last is None else min(quantity, self.last)
        return max(0, top - self.first + 1)

    def label(self, unit: str) -> str:
        if self.last is None:
            return f"{self.first}{unit}以上"
        return f"{self.first}—{self.last}{unit}"


#: 按量计收 (办法 第五条 as quoted in fee-rules.md): 30页以下不收费; 31—100页的部分10元/页;
#: 101—200页的部分20元/页; 201页以上的部分40元/页.
PER_PAGE_BANDS: tuple[Band, ...] = (
    Band(1, 30, Decimal(0)),
    Band(31, 100, Decimal(10)),
    Band(101, 200, Decimal(20)),
    Band(201, None, Decimal(40)),
)


@dataclass(frozen=True, slots=True)
class PerApplicationStandard:
    """按件计收 (办法 第四条): fixed bands, then open-ended steps of ``step_width`` applications
    whose rate rises by ``step_increase`` per step, starting one step above the last band."""

    bands: tuple[Band, ...]
    step_width: int
    step_increase: Decimal

    def band_of(self, nth: int) -> Band:
        """The band (fixed, or one of the open-ended steps) the ``nth`` application falls into."""
        for band in self.bands:
            if band.contains(nth):
                return band
        last = self.bands[-1]
        assert last.last is not None  # the fixed bands are closed; the steps above are open-ended
        step = (nth - last.last - 1) // self.step_width + 1
        first = last.last + 1 + (step - 1) * self.step_width
        return Band(first, first + self.step_width - 1, last.rate + self.step_increase * step)

    def rate(self, nth: int) -> Decimal:
        """What the applicant's ``nth`` application in a calendar month costs."""
        return self.band_of(nth).rate


#: 办法 第四条: 同一申请人一个自然月内累计申请10件以下（含10件）的，不收费; 11—30件（含30件）的部分
#: 100元/件; 31件以上的部分以10件为一档，每增加一档，收费标准提高100元/件.
PER_APPLICATION_STANDARD = PerApplicationStandard(
    bands=(Band(1, 10, Decimal(0)), Band(11, 30, Decimal(100))),
    step_width=10,
    step_increase=Decimal(100),
)


@dataclass(frozen=True, slots=True)
class FeeLine:
    """One band of a quote: units in it, the rate, the subtotal -- the 收费通知书's 标准."""

    band: str
    units: int
    rate: Decimal
    subtotal: Decimal


@dataclass(frozen=True, slots=True)
class FeeQuote:
    method: FeeMethod
    quantity: int
    amount: Decimal
    lines: tuple[FeeLine, ...]
    basis: str = FEE_BASIS

    def describe(self) -> str:
        """One Chinese sentence: method, quantity, amount and how it is made up."""
        unit = _UNITS[self.method]
        if self.method is FeeMethod.PER_APPLICATION:
            what = f"本自然月第{self.quantity}件申请"
        else:
            what = f"{self.quantity}页"
        head = f"{FEE_METHOD_LABELS[self.method]}：{what}，信息处理费{_yuan(self.amount)}元"
        detail = "；".join(
            f"{line.band} {line.units}{unit}×{_yuan(line.rate)}元={_yuan(line.subtotal)}元"
            for line in self.lines
        )
        return f"{head}（{detail}）" if detail else head


def _yuan(amount: Decimal) -> str:
    """Whole yuan without a decimal point, otherwise two decimals (the tiers are whole yuan)."""
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def per_page_fee(pages: int) -> FeeQuote:
    """The fee for one application delivered as ``pages`` pages (按量计收, 超额累进).

    Legal basis: 办法 第三条、第五条 (:data:`PER_PAGE_BANDS`).
    """
    if pages < 0:
        raise FeeError(f"页数不能为负数（{pages}）")
    lines = tuple(
        FeeLine(band.label("页"), units, band.rate, band.rate * units)
        for band in PER_PAGE_BANDS
        if (units := band.units_within(pages))
    )
    return FeeQuote(FeeMethod.PER_PAGE, pages, sum((line.subtotal for line in lines), Decimal(0)), lines)


def per_application_fee(nth: int) -> FeeQuote:
    """The fee for an applicant's ``nth`` application to the agency in one calendar month.

    Legal basis: 办法 第三条、第四条 (:data:`PER_APPLICATION_STANDARD`). Under 超额累进 each
    application pays the rate of the band its own number falls into.
    """
    if nth < 1:
        raise FeeError(f"本月申请件数应为正整数（{nth}）")
    band = PER_APPLICATION_STANDARD.band_of(nth)
    rate = band.rate
    return FeeQuote(FeeMethod.PER_APPLICATION, nth, rate, (FeeLine(band.label("件"), 1, rate, rate),))


def monthly_total(count: int) -> Decimal:
    """All fees of an applicant's first ``count`` applications in one calendar month.

    E.g. 35 applications: 10×0 + 20×100 + 5×200 = 3000 yuan (fee-rules.md 三's example).
    """
    if count < 0:
        raise FeeError(f"本月申请件数不能为负数（{count}）")
    return sum((PER_APPLICATION_STANDARD.rate(n) for n in range(1, count + 1)), Decimal(0))


def quote(method: FeeMethod, quantity: int) -> FeeQuote:
    """The fee by ``method``: ``quantity`` is pages (按量) or the month's application number (按件)."""
    if method is FeeMethod.PER_PAGE:
        return per_page_fee(quantity)
    return per_application_fee(quantity)
