"""Charts as inline SVG, drawn at build time: no chart library in the browser.

Each chart is a list of horizontal stacked bars (one per article, draft or
contact point), one segment per outcome. Colours come from CSS classes
(`ls-chart__seg--adopted` …) so that the site's light and dark palettes both
apply; text uses `currentColor`. Every chart has a `<title>` and a `<desc>`
that reads out the figures, and `role="img"`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

WIDTH = 360  # viewBox units; CSS scales the figure, capped so text stays readable
FONT = 12
ROW = 24
BAR = 14
GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple[tuple[str, int], ...]  # (css modifier, e.g. "adopted", count)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.parts)


def text_width(text: str, size: float = FONT) -> float:
    """Estimated rendered width: CJK and full-width characters are square."""
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    return wide * size + (len(text) - wide) * size * 0.6


def stacked_bars_svg(chart_id: str, title: str, desc: str, bars: list[Bar], legend: list[tuple[str, str]]) -> str:
    """Horizontal stacked bars with a legend on top.

    `legend` is (css modifier, label) in the order segments are drawn.
    """
    legend_svg, legend_height = _legend(legend)
    label_width = min(max((text_width(b.label) for b in bars), default=0) + GAP, WIDTH * 0.45)
    value_width = text_width(str(max((b.total for b in bars), default=0))) + GAP
    span = WIDTH - label_width - value_width
    biggest = max((b.total for b in bars), default=0) or 1
    rows = [_row(bar, legend_height + i * ROW, label_width, span / biggest) for i, bar in enumerate(bars)]
    height = legend_height + len(bars) * ROW
    return (
        f'<svg class="ls-chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        + legend_svg
        + "".join(rows)
        + "</svg>"
    )


def _legend(legend: list[tuple[str, str]]) -> tuple[str, int]:
    parts: list[str] = []
    x, y = 0.0, 0
    for modifier, label in legend:
        width = 14 + text_width(label) + 12
        if x and x + width > WIDTH:
            x, y = 0.0, y + ROW - 4
        parts.append(
            f'<rect class="ls-chart__seg ls-chart__seg--{modifier}" x="{x:.1f}" y="{y + 5}" width="10" height="10" rx="2"/>'
            f'<text class="ls-chart__text" x="{x + 14:.1f}" y="{y + 14}">{escape(label)}</text>'
        )
        x += width
    height = (y + ROW + 4) if legend else 0
    return '<g class="ls-chart__legend" aria-hidden="true">' + "".join(parts) + "</g>", height


def _row(bar: Bar, y: int, label_width: float, scale: float) -> str:
    label = bar.label
    while text_width(label) + GAP > label_width and len(label) > 1:
        label = label[:-2] + "…"
    segments = []
    x = label_width
    for modifier, count in bar.parts:
        if count <= 0:
            continue
        width = count * scale
        segments.append(f'<rect class="ls-chart__seg ls-chart__seg--{modifier}" x="{x:.1f}" y="{y + (ROW - BAR) / 2:.1f}" width="{max(width, 1):.1f}" height="{BAR}"/>')
        x += width
    middle = y + ROW / 2 + FONT * 0.35
    return (
        f'<g class="ls-chart__row" aria-hidden="true"><text class="ls-chart__text" x="{label_width - GAP:.1f}" y="{middle:.1f}" text-anchor="end">{escape(label)}</text>'
        + "".join(segments)
        + f'<text class="ls-chart__text ls-chart__value" x="{x + 4:.1f}" y="{middle:.1f}">{bar.total}</text></g>'
    )
