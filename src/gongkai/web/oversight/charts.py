"""Bar charts as inline SVG, drawn on the server: no script, no chart library, no CDN.

Accessible: the ``<svg>`` is an image named by its ``<title>`` and described by its ``<desc>``
(``aria-labelledby``), every bar carries its own ``<title>`` with the exact figure (a tooltip and
what a screen reader reads), and the page prints the same figures as a table next to the chart.
Colours are distinguishable in grey-scale print as well (the palette runs dark to light).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 12, 36, 28
PALETTE = ("#1d4e89", "#a61b1b", "#d08c2b", "#6b8e23", "#7a7a7a")


@dataclass(frozen=True)
class Series:
    label: str
    #: One value per category; ``None`` where there is no figure (drawn as "无数据", never as 0).
    values: Sequence[float | None]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= ``value`` (for the axis top)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)  # unreachable: 10 * power >= value always


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.1f}%"
    return f"{value:g}"


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = False,
    percent: bool = False,
) -> str:
    """The SVG markup of a bar chart: one group of bars (or one stacked bar) per category."""
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    if stacked:
        peaks = [sum(s.values[i] or 0 for s in series) for i in range(len(categories))]
    else:
        peaks = [v for s in series for v in s.values if v is not None]
    top = 1.0 if percent else nice_ceiling(max(peaks, default=0))
    parts = [
        f'<svg id="{_e(chart_id)}" class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" aria-labelledby="{_e(chart_id)}-title {_e(chart_id)}-desc" '
        'xmlns="http://www.w3.org/2000/svg" font-size="12" font-family="sans-serif">',
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>',
        f'<desc id="{_e(chart_id)}-desc">{_e(desc)}</desc>',
    ]
    for tick in range(5):
        value = top * tick / 4
        y = _TOP + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#444">'
            f"{_e(_fmt(value, percent))}</text>"
        )
    for i, s in enumerate(series):
        legend_x = _LEFT + i * 120
        parts.append(
            f'<rect x="{legend_x}" y="8" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{legend_x + 16}" y="18" fill="#222">{_e(s.label)}</text>'
        )
    group_w = plot_w / max(len(categories), 1)
    bar_w = group_w * 0.7 / (1 if stacked else max(len(series), 1))
    for c, category in enumerate(categories):
        gx = _LEFT + c * group_w + group_w * 0.15
        base = float(_TOP + plot_h)
        if all(s.values[c] is None for s in series):
            parts.append(
                f'<text x="{gx + group_w * 0.35:.1f}" y="{base - 4:.1f}" text-anchor="middle" '
                'fill="#777">无数据</text>'
            )
        for i, s in enumerate(series):
            figure = s.values[c]
            if figure is None:
                continue
            h = plot_h * min(figure / top, 1.0)
            x = gx if stacked else gx + i * bar_w
            y = base - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[i % len(PALETTE)]}"><title>{_e(category)} {_e(s.label)}：'
                f"{_e(_fmt(figure, percent))}</title></rect>"
            )
            if stacked:
                base = y
        parts.append(
            f'<text x="{_LEFT + c * group_w + group_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
            f'fill="#222">{_e(category)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
