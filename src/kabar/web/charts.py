"""Geometry for the small server-side SVG charts: coverage bars, story timelines, entity activity.

Functions return plain numbers and labels; templates draw them as inline SVG (no script, nothing
downloaded), so charts work with JavaScript off and under a strict Content-Security-Policy.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..brief.render import format_date

# Colour-blind-friendly palette (Okabe-Ito, plus a few muted tones): one colour per outlet.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7a5195",
           "#4d9078", "#b5651d", "#5f6caf", "#c44e52", "#8c8c3a")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def outlet_colour(outlet: str | None) -> str:
    if not outlet:
        return "#9aa0a6"
    return PALETTE[zlib.crc32(outlet.encode()) % len(PALETTE)]


def nice_date(value: str | None) -> str:
    """'2025-04-18' -> '18 Apr 2025', '2025-04' -> 'Apr 2025', '2025' -> '2025'."""
    return format_date(value, missing="undated")


def date_span(start: str | None, end: str | None) -> str:
    if not start and not end:
        return "undated"
    if not start or not end or start == end:
        return nice_date(start or end)
    return f"{nice_date(start)} – {nice_date(end)}"


@dataclass(frozen=True)
class Segment:
    outlet: str
    count: int
    x: float
    width: float
    colour: str


def coverage_bar(outlet_counts: dict[str, int], width: float = 100.0) -> list[Segment]:
    """A stacked bar: each outlet's share of the story's articles, largest first; unknown ("") last, grey."""
    total = sum(outlet_counts.values()) or 1
    segments, x = [], 0.0
    for outlet, count in sorted(outlet_counts.items(), key=lambda kv: (not kv[0], -kv[1], kv[0])):
        share = width * count / total
        segments.append(Segment(outlet or "unknown outlet", count, round(x, 2), round(share, 2), outlet_colour(outlet)))
        x += share
    return segments


@dataclass(frozen=True)
class TimelinePoint:
    x: float
    label: str
    count: int
    background: bool
    radius: float
    numbers: tuple[int, ...]  # which timeline entries (1-based) sit on this date


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    points: tuple[TimelinePoint, ...]


def timeline_chart(entries: list[dict], width: int = 640) -> TimelineChart | None:
    """Distinct dates evenly spaced (time order kept, gaps not to scale: a story's background can
    reach back years while its events fill two days); dot size grows with the entries that day."""
    by_date: dict[str, list[int]] = {}
    background: dict[str, bool] = {}
    for number, entry in enumerate(entries, 1):
        by_date.setdefault(entry["date"], []).append(number)
        background[entry["date"]] = background.get(entry["date"], True) and bool(entry.get("background"))
    if not by_date:
        return None
    dates = sorted(by_date)
    margin = 40
    step = (width - 2 * margin) / max(len(dates) - 1, 1)
    points = []
    for i, value in enumerate(dates):
        count = len(by_date[value])
        x = margin + i * step if len(dates) > 1 else width / 2
        points.append(TimelinePoint(round(x, 1), nice_date(value), count, background[value],
                                    round(min(5 + 2.5 * (count - 1), 14), 1), tuple(by_date[value])))
    return TimelineChart(width, 96, tuple(points))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    tick: bool  # print the label under this bar


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    peak: int


def activity_chart(days: list[str | None], width: int = 640, height: int = 140) -> BarChart | None:
    """Stories per month (per year when the months would be too many) from their dates."""
    parsed = [_parse(d) for d in days if d]
    parsed = [p for p in parsed if p]
    if not parsed:
        return None
    first, last = min(parsed), max(parsed)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 36:
        keys = [(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1) for i in range(months)]
        counts = Counter((p.year, p.month) for p in parsed)
        labels = [f"{MONTHS[m - 1]} {y}" for y, m in keys]
    else:
        keys = [(y, 0) for y in range(first.year, last.year + 1)]
        counts = Counter((p.year, 0) for p in parsed)
        labels = [str(y) for y, _ in keys]
    peak = max(counts.values())
    plot_height, bottom = height - 34, height - 22
    slot = (width - 20) / len(keys)
    every = max(1, round(len(keys) / 8))
    bars = []
    for i, (key, label) in enumerate(zip(keys, labels)):
        count = counts.get(key, 0)
        h = plot_height * count / peak if count else 0
        bars.append(Bar(round(10 + i * slot + slot * 0.15, 1), round(bottom - h, 1), round(slot * 0.7, 1),
                        round(h, 1), label, count, i % every == 0 or i == len(keys) - 1))
    return BarChart(width, height, tuple(bars), peak)


def _parse(value: str) -> date | None:
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
