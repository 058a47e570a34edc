"""Dates: every date expression of an article resolved to the calendar.

``resolve_dates`` finds the expressions (``dates_patterns``) and puts each on the calendar
against one reference day, the *anchor*:

* the publication date when it is given to the day;
* otherwise the day the article's own dates point to (``infer_publication_date`` over the dates
  written with a year); or, when no date has a year, the most recent year (not after today) in
  which the weekdays the article gives agree with its day/month dates ("Selasa (9/4)" and
  "Senin (8/4)" -> 2024; "pada Hari Rabu" with "22 Februari" -> 2023).

Anything the page does not spell out (a year, or the whole date of "kemarin" when the
publication date is unknown) is marked ``inferred``. A date whose period ends more than a month
before the anchor is ``background``: the article recalls it rather than reports it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from kabar.annotate.dates_patterns import MAX_YEAR, MIN_YEAR, Mention, grammar_for
from kabar.records import DateRef

# A date whose period ends this long before the anchor is background, not news.
BACKGROUND_GAP = timedelta(days=31)
# How far back year inference looks for a year whose weekdays fit.
YEARS_SEARCHED = 60
# Dates in the first few positions carry the article's own day (dateline, lead paragraph).
LEAD_DATES = 3

_PUBLISHED = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_RELATIVE_KINDS = {"period", "ago", "offset", "weekday"}


def resolve_dates(paragraphs: Sequence[str], language: str, published: str | None,
                  *, today: date | None = None) -> list[DateRef]:
    """Every date expression of ``"\\n".join(paragraphs)``, in text order, resolved.

    ``published`` ("YYYY-MM-DD", "YYYY-MM", "YYYY" or None) is the reference for relative
    expressions. ``today`` only bounds year inference when nothing else does (default: today).
    """
    text = "\n".join(paragraphs)
    grammar = grammar_for(language)
    mentions = grammar.find(text)
    if not mentions:
        return []
    today = today or date.today()
    recalled = {id(m) for m in mentions if grammar.recalled(text, m)}
    mentions = [replace(m, direction=1) if m.kind == "weekday" and m.direction is None
                and grammar.announced(text, m) else m for m in mentions]
    anchor, known, precision = _choose_anchor(mentions, _parse_published(published), today, recalled)
    forced_year = anchor.year if anchor and precision == "year" else None
    refs = []
    for mention in mentions:
        resolved = _resolve(mention, anchor, known, forced_year)
        if resolved is None:
            continue
        value, inferred = resolved
        if mention.kind in _RELATIVE_KINDS and precision != "day":
            value = value[:7] if precision == "month" else value[:4]
        background = id(mention) in recalled or (anchor is not None and _period_end(value) < anchor - BACKGROUND_GAP)
        refs.append(DateRef(mention.text, value, mention.start, inferred, background))
    return refs


def infer_publication_date(refs: Sequence[DateRef]) -> str | None:
    """The article's likely publication day from its resolved dates, or None.

    The latest day-precision date among the first few the article gives (its dateline and lead
    carry the day of the news; later paragraphs recall older days or announce coming ones).
    """
    # Background dates (recalled happenings: "sejak 13 April 1950") never date the article.
    items = [(r.start, _parse_day(r.date)) for r in refs if len(r.date) == 10 and not r.background]
    items = [(start, day) for start, day in items if day is not None]
    pub = _publication_from(items)
    return pub.isoformat() if pub else None


# -- the anchor ---------------------------------------------------------------------------------

def _choose_anchor(mentions: list[Mention], published: tuple[date, str] | None,
                   today: date, recalled: set[int] = frozenset()) -> tuple[date | None, bool, str]:
    """(anchor day, whether it was given rather than inferred, precision of what was given).

    Recalled dates (``recalled`` holds their ids) never become the anchor, though their years
    still hint at the era when a weekday must pick a year."""
    if published and published[1] == "day":
        return published[0], True, "day"
    written = [(m.start, _safe_date(m.year, m.month, m.day)) for m in mentions
               if m.kind in ("textual", "numeric") and m.year is not None and id(m) not in recalled]
    from_text = _publication_from([(s, d) for s, d in written if d is not None])
    if published:
        given, precision = published
        if from_text and _fmt_at(from_text, precision) == _fmt_at(given, precision):
            return from_text, False, "day"
        return given, True, precision
    if from_text:
        return from_text, False, "day"
    year = _year_from_weekdays(mentions, today)
    if year is None:
        return None, False, "day"
    guessed = [(m.start, _safe_date(year, m.month, m.day)) for m in _yearless_days(mentions)]
    return _publication_from([(s, d) for s, d in guessed if d is not None]), False, "day"


def _yearless_days(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind in ("textual", "numeric") and m.year is None and m.year_shift is None]


def _year_from_weekdays(mentions: list[Mention], today: date) -> int | None:
    """The most recent year, not after today, that best fits the weekdays of yearless dates.

    A weekday written with the date ("Selasa (9/4)") counts double; a lone weekday
    ("pada Hari Rabu") supports any yearless date of the article falling on it. Between years
    that fit equally, the one nearest the latest year the article writes out ("Februari 2020")
    wins, then the most recent.
    """
    days = _yearless_days(mentions)
    if not days:
        return None
    lone_weekdays = {m.weekday for m in mentions if m.kind == "weekday" and m.direction in (None, 0)}
    written_years = [m.year for m in mentions if m.year is not None and m.year <= today.year]
    near_year = max(written_years, default=today.year)
    best_year, best_key = None, None
    for year in range(today.year, today.year - YEARS_SEARCHED, -1):
        score = 0
        for m in days:
            day = _safe_date(year, m.month, m.day)
            if day is None:
                continue
            if day > today:
                score -= 3  # an article does not report a day that has not come yet
            elif m.weekday is not None:
                score += 2 if day.weekday() == m.weekday else 0
            elif day.weekday() in lone_weekdays:
                score += 1
        key = (score, -abs(year - near_year))
        if best_key is None or key > best_key:
            best_year, best_key = year, key
    return best_year


def _publication_from(items: list[tuple[int, date]]) -> date | None:
    """The latest of the first ``LEAD_DATES`` days in text order."""
    if not items:
        return None
    lead = [day for _, day in sorted(items, key=lambda it: it[0])[:LEAD_DATES]]
    return max(lead)


# -- one mention --------------------------------------------------------------------------------

def _resolve(m: Mention, anchor: date | None, known: bool,
             forced_year: int | None) -> tuple[str, bool] | None:
    """(date, inferred) for one mention, or None when it names no real date."""
    relative_inferred = not known
    if m.kind in ("textual", "numeric"):
        if m.year is not None:
            day = _safe_date(m.year, m.month, m.day)
            return (day.isoformat(), False) if day else None
        if anchor is None or not _day_exists(m.month, m.day):
            return None
        if m.year_shift is not None:
            day = _safe_date(anchor.year + m.year_shift, m.month, m.day)
            return (day.isoformat(), relative_inferred) if day else None
        if m.direction in (-1, 1):  # "15 Agustus lalu", "5 Desember mendatang"
            day = _day_in_direction(m.month, m.day, m.direction, anchor)
            return (day.isoformat(), relative_inferred) if day else None
        day = _nearest_day(m.month, m.day, m.weekday, anchor, forced_year)
        return (day.isoformat(), True) if day else None
    if m.kind == "month":
        if m.year is not None:
            return (f"{m.year:04d}-{m.month:02d}", False) if MIN_YEAR <= m.year <= MAX_YEAR else None
        if anchor is None:
            return None
        year = forced_year or _month_year(m.month, m.direction, anchor)
        return f"{year:04d}-{m.month:02d}", (relative_inferred if m.direction is not None else True)
    if m.kind == "year":
        return str(m.year), False
    if anchor is None:
        return None
    if m.kind == "offset":
        return (anchor + timedelta(days=m.offset)).isoformat(), relative_inferred
    if m.kind == "weekday":
        return _weekday_near(m.weekday, m.direction, anchor).isoformat(), relative_inferred
    step = m.direction if m.direction is not None else -1
    count = m.count if m.kind == "ago" else (1 if step else 0)
    return _shift(anchor, m.unit, step * count), relative_inferred


def _nearest_day(month: int, day: int, weekday: int | None, anchor: date,
                 forced_year: int | None) -> date | None:
    """The day/month in the year around the anchor that fits best: close, rather past than
    future (news reports what happened), on the written weekday when there is one."""
    years = [forced_year] if forced_year else [anchor.year - 1, anchor.year, anchor.year + 1]
    best, best_cost = None, None
    for year in years:
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        gap = (anchor - candidate).days
        cost = gap if gap >= 0 else -2 * gap
        if weekday is not None and candidate.weekday() != weekday:
            cost += 120  # a wrong weekday outweighs a few months of distance
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _day_in_direction(month: int, day: int, direction: int, anchor: date) -> date | None:
    """The nearest such day strictly before (direction -1) or after (+1) the anchor."""
    years = range(anchor.year, anchor.year - 5, -1) if direction == -1 else range(anchor.year, anchor.year + 5)
    for year in years:  # five years: 29 February needs up to four
        candidate = _safe_date(year, month, day)
        if candidate and (candidate < anchor if direction == -1 else candidate > anchor):
            return candidate
    return None


def _month_year(month: int, direction: int | None, anchor: date) -> int:
    if direction == 0:
        return anchor.year
    if direction == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    # No direction: the nearest such month, rather past than future, as for days.
    here = anchor.year * 12 + anchor.month - 1

    def cost(year: int) -> int:
        gap = here - (year * 12 + month - 1)
        return gap if gap >= 0 else -2 * gap

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def _weekday_near(weekday: int, direction: int | None, anchor: date) -> date:
    """The weekday on or before the anchor; strictly before for "lalu", after for "depan"."""
    if direction == 1:
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - weekday) % 7
    if direction == -1 and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _shift(anchor: date, unit: str, amount: int) -> str:
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit == "week":
        return (anchor + timedelta(weeks=amount)).isoformat()
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{anchor.year + amount:04d}"


# -- calendar helpers ---------------------------------------------------------------------------

def _safe_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def _day_exists(month: int, day: int) -> bool:
    return _safe_date(2000, month, day) is not None  # a leap year: 29/2 exists


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_published(published: str | None) -> tuple[date, str] | None:
    """(representative day, precision) of a published value; datetimes are cut to the day."""
    match = _PUBLISHED.match(published or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is not None and _safe_date(year, month, day):
        return date(year, month, day), "day"
    if month is not None and 1 <= month <= 12 and _safe_date(year, month, 15):
        return date(year, month, 15), "month"
    if _safe_date(year, 7, 1):
        return date(year, 7, 1), "year"
    return None


def _fmt_at(day: date, precision: str) -> str:
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def _period_end(value: str) -> date:
    """The last day of the period a resolved date names."""
    if len(value) == 10:
        return date.fromisoformat(value)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        return first_of_next - timedelta(days=1)
    return date(int(value), 12, 31)
