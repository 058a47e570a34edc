"""The publication date a page shows: its date line ("Kamis, 12 Jun 2025 19:40 WIB",
"14/01/2025, 16:40 WIB", "Published May 26, 2025"), or the date in its URL.

Only short lines count, and the caller decides which lines to offer (the header around the
title and byline): a date deep in the body is history ("sejak 13 April 1950"), not the day the
article came out. Month names come from the language modules (``kabar/lang/*_dates.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date
from functools import lru_cache

import kabar.lang

MAX_DATE_LINE_WORDS = 16
YEAR = r"((?:19|20)\d\d)"
# Numeric dates are day first ("13/06/2025"), as Indonesian and most non-US pages write them;
# a first number above 12 can only be a day, a second above 12 makes it month first.
NUMERIC = re.compile(rf"\b(\d{{1,2}})[/.-](\d{{1,2}})[/.-]{YEAR}\b")
ISO = re.compile(rf"\b{YEAR}[-/](\d{{1,2}})[-/](\d{{1,2}})(?!\d)")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+([^\W\d_]{{3,10}})\.?,?\s+{YEAR}\b")
MONTH_DAY_YEAR = re.compile(rf"\b([^\W\d_]{{3,10}})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}\b")
URL_DATE = re.compile(rf"/{YEAR}/(\d{{1,2}})/(\d{{1,2}})(?:/|$)|/{YEAR}(\d\d)(\d\d)(?:/|$|[-_])")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for info in pkgutil.iter_modules(kabar.lang.__path__):
        if info.name.endswith("_dates"):
            months.update(getattr(importlib.import_module(f"kabar.lang.{info.name}"), "MONTHS", {}))
    return months


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_line(text: str) -> str | None:
    """The calendar date a short line states, "YYYY-MM-DD", or None."""
    if len(text.split()) > MAX_DATE_LINE_WORDS:
        return None
    months = _months()
    for m in DAY_MONTH_YEAR.finditer(text):
        month = months.get(m.group(2).lower())
        if month:
            found = _valid(int(m.group(3)), month, int(m.group(1)))
            if found:
                return found
    for m in MONTH_DAY_YEAR.finditer(text):
        month = months.get(m.group(1).lower())
        if month:
            found = _valid(int(m.group(3)), month, int(m.group(2)))
            if found:
                return found
    m = ISO.search(text)
    if m:
        found = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    for m in NUMERIC.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        found = _valid(year, second, first) or _valid(year, first, second)
        if found:
            return found
    return None


def date_from_url(url: str | None) -> str | None:
    """"https://x.example/2025/02/10/slug" -> "2025-02-10"."""
    if not url:
        return None
    m = URL_DATE.search(url)
    if not m:
        return None
    parts = [g for g in m.groups() if g is not None]
    return _valid(int(parts[0]), int(parts[1]), int(parts[2]))


def header_date(lines: list[str], title_index: int | None) -> str | None:
    """The date of the date line closest to the title (after it first: the date sits under the
    headline on nearly every portal), among the header lines offered."""
    dated = [(i, d) for i, d in ((i, date_in_line(t)) for i, t in enumerate(lines)) if d]
    if not dated:
        return None
    if title_index is None:
        return dated[-1][1]  # nearest to the body
    return min(dated, key=lambda x: (abs(x[0] - title_index), x[0] < title_index))[1]
