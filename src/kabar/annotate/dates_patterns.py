"""Finding date expressions in text: regexes built from a language's date tables.

This module only finds and reads expressions ("Selasa (9/4)" -> weekday 1, day 9, month 4, no
year); putting them on the calendar is ``dates.py``'s job. The regexes are compiled once per
language from ``kabar.lang.<lang>_dates``, so the code here knows no word of any language.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass
class Mention:
    """One date expression as written: the parts the text gives, none resolved yet."""

    kind: str  # numeric | textual | month | year | period | ago | offset | weekday
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int | None = None  # -1 past ("lalu", "last"), 0 this, +1 future
    year_shift: int | None = None  # "24 Februari tahun lalu": -1
    unit: str | None = None  # day | week | month | year
    count: int = 1
    offset: int = 0  # days, for "kemarin"/"besok"


def _alternation(words) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _key(word: str) -> str:
    return " ".join(word.lower().split())


class DateGrammar:
    """The compiled patterns of one language and the reading of their matches."""

    def __init__(self, words: ModuleType):
        self.words = words
        self.months = words.MONTHS
        self.weekdays = words.WEEKDAYS
        self.units = words.UNITS
        self.numbers = words.NUMBER_WORDS
        self.numeric_order = words.NUMERIC_ORDER
        self.directions = {}
        for group, value in (("PAST", -1), ("THIS", 0), ("FUTURE", 1)):
            for place in ("BEFORE", "AFTER"):
                for w in getattr(words, f"{group}_{place}"):
                    self.directions[_key(w)] = value
        self.month_leads = {_key(w) for w in words.MONTH_LEADS}
        self.count_words = {_key(w) for w in words.COUNT_WORDS}
        self.glue_words = {_key(w) for w in words.NUMBER_GLUE_BEFORE}
        self.patterns_ignorecase = self._compile(words)
        self.patterns = [(kind, re.compile(p.pattern)) for kind, p in self.patterns_ignorecase]

    def _compile(self, w: ModuleType) -> list[tuple[str, re.Pattern]]:
        wd = _alternation(w.WEEKDAYS)
        mon = _alternation(w.MONTHS)
        part = _alternation(w.PERIOD_PARTS)
        day_part = _alternation(w.DAY_PARTS)
        past_after, this_after, future_after = (_alternation(getattr(w, f"{g}_AFTER")) or "(?!)"
                                                for g in ("PAST", "THIS", "FUTURE"))
        after = "|".join(x for x in (past_after, this_after, future_after) if x != "(?!)") or "(?!)"
        before = _alternation(w.PAST_BEFORE + w.THIS_BEFORE + w.FUTURE_BEFORE) or "(?!)"
        year_units = _alternation([k for k, v in w.UNITS.items() if v == "year"])
        all_units = _alternation(w.UNITS)
        one_units = _alternation(w.ONE_UNIT_WORDS) or "(?!)"
        numbers = _alternation(w.NUMBER_WORDS)
        leads = _alternation(w.WEEKDAY_LEADS) or "(?!)"
        # The leading look-behind is also what keeps matching fast: it fails at once inside words.
        b, e = r"(?<![\w/])", r"(?![\w/])"
        day_direction = rf"(?:\s+(?P<dir_a>{past_after}|{future_after}))?"
        weekday_prefix = rf"(?:(?P<wd>{wd})\.?(?:\s+(?:{day_part}))?\s*,?\s*)?"
        day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
        year_shift = rf"(?:\s+(?:(?P<ys_a>{before})\s+(?:{year_units})|(?:{year_units})\s+(?P<ys_b>{after})))?"
        return [
            ("iso", re.compile(rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}")),
            ("numeric", re.compile(
                rf"{b}{weekday_prefix}(?P<open>\()?\s*(?P<a>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<b>\d{{1,2}})"
                rf"(?:\s*(?P=sep)\s*(?P<y>\d{{4}}|\d{{2}}))?(?(open)\s*\)|(?![\w/]))", re.I)),
            ("textual", re.compile(
                rf"{b}{weekday_prefix}(?:(?P<part>{part})\s+)?(?:(?P<d0>\d{{1,2}})\s*[-–]\s*)?{day}(?:\s+of)?"
                rf"[\s-]*(?P<mon>{mon})\.?"
                rf"(?:[\s,-]*(?P<y>\d{{4}})(?!\d))?{year_shift}{day_direction}(?!\w)", re.I)),
            ("textual", re.compile(
                rf"{b}{weekday_prefix}(?P<mon>{mon})\.?\s+{day}(?!\d)(?:\s*,?\s*(?P<y>\d{{4}})(?!\d))?"
                rf"{year_shift}{day_direction}(?!\w)", re.I)),
            ("month", re.compile(
                rf"{b}(?:(?P<part>{part})\s*)?(?:(?P<dir_b>{before})\s+)?(?P<mon>{mon})\.?"
                rf"(?:\s*,?\s*(?P<y>\d{{4}})(?!\d)|\s+(?P<dir_a>{after}))?(?!\w)", re.I)),
            ("year", re.compile(
                rf"{b}(?:(?P<part>{part})[\s-]*)?(?P<y>\d{{4}})(?![\w/]|[.,]\d)"
                rf"(?:\s+(?P<dir_a>{past_after}))?", re.I)),
            ("period", re.compile(
                rf"{b}(?:(?P<part>{part})\s+)?(?:(?P<dir_b>{before})\s+(?P<unit>{all_units})"
                rf"|(?P<unit2>{all_units})\s+(?P<dir_a>{after})){e}", re.I)),
            ("ago", re.compile(
                rf"{b}(?:(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>{all_units})|(?P<one>{one_units}))"
                rf"\s+(?P<dir_a>{past_after}|{future_after}){e}", re.I)),
            ("offset", re.compile(rf"{b}(?P<off>{_alternation(w.DAY_OFFSETS)}){e}", re.I)),
            ("weekday", re.compile(
                rf"{b}(?:(?P<lead>{leads})\s+)?(?:(?P<dir_b>{before})\s+)?(?P<wd>{wd})"
                rf"(?:\s+(?:{day_part}))?(?:\s+(?P<dir_a>{after}))?{e}", re.I)),
        ]

    # -- reading matches ---------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every date expression of the text, longest first where two overlap, in text order."""
        # Matching lower-cased text without re.IGNORECASE is twice as fast; readers that care
        # about capitals look at the original text at the same offsets.
        lowered = text.lower()
        patterns = self.patterns if len(lowered) == len(text) else self.patterns_ignorecase
        if patterns is self.patterns_ignorecase:
            lowered = text
        found: list[tuple[int, Mention]] = []
        for priority, (kind, pattern) in enumerate(patterns):
            reader = getattr(self, f"_read_{kind}")
            for match in pattern.finditer(lowered):
                mention = reader(match, text)
                if mention is not None and mention.text:
                    found.append((priority, mention))
        found.sort(key=lambda pm: (-(pm[1].end - pm[1].start), pm[0], pm[1].start))
        taken: list[Mention] = []
        for _, m in found:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        return sorted(taken, key=lambda m: m.start)

    def _mention(self, kind: str, match: re.Match, original: str, start: int | None = None,
                 **parts) -> Mention:
        s = match.start() if start is None else start
        text = original[s:match.end()]
        stripped = text.rstrip(" ,")
        if stripped.endswith(".") and len(re.split(r"\W+", stripped[:-1])[-1]) > 4:
            stripped = stripped[:-1]  # a full stop, not the dot of an abbreviation ("Sept.")
        lead = len(stripped) - len(stripped.lstrip())
        return Mention(kind, s + lead, s + len(stripped), stripped.strip(), **parts)

    def _weekday(self, match: re.Match, original: str, group: str = "wd") -> tuple[int | None, bool]:
        """The weekday of the match and whether it is acceptable as written."""
        if not match.group(group):
            return None, True
        word = original[match.start(group):match.end(group)]
        key = _key(word)
        if key in self.words.AMBIGUOUS_WEEKDAYS and not word[0].isupper():
            return None, False
        return self.weekdays[key], True

    def _direction(self, match: re.Match, *groups: str) -> int | None:
        for g in groups:
            if match.group(g):
                return self.directions[_key(match.group(g))]
        return None

    def _read_iso(self, match, text):
        return self._mention("textual", match, text, year=int(match["y"]), month=int(match["m"]), day=int(match["d"]))

    def _read_numeric(self, match, text):
        weekday, ok = self._weekday(match, text)
        year = match["y"]
        if not ok or match["sep"] != "/" and not (year and len(year) == 4):
            return None
        if not match["open"] and not year and weekday is None:
            return None  # a bare "3/4" is a fraction or a score
        if match["open"] and text[match.end():match.end() + 1].isdigit():
            return None
        first, second = int(match["a"]), int(match["b"])
        day, month = (first, second) if self.numeric_order == "DMY" or first > 12 else (second, first)
        if year is not None:
            year = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 70 else 1900 + int(year))
        start = match.start("wd") if match["wd"] else match.start()
        return self._mention("numeric", match, text, start, year=year, month=month, day=day, weekday=weekday)

    def _read_textual(self, match, text):
        if _key(match["mon"]) in self.words.CAPITALISED_MONTHS and not text[match.start("mon")].isupper():
            return None
        weekday, ok = self._weekday(match, text)
        if not ok:
            weekday = None
        shift = self._direction(match, "ys_a", "ys_b")
        start = match.start() if ok else match.start("d") if match.start("d") < match.start("mon") else match.start("mon")
        return self._mention("textual", match, text, start, year=int(match["y"]) if match["y"] else None,
                             month=self.months[_key(match["mon"].rstrip("."))],
                             day=int(match.groupdict().get("d0") or match["d"]),  # a range "14-15 September": its first day
                             weekday=weekday, year_shift=shift, direction=self._direction(match, "dir_a"))

    def _read_month(self, match, text):
        key = _key(match["mon"])
        direction = self._direction(match, "dir_b", "dir_a")
        year = int(match["y"]) if match["y"] else None
        if key in self.words.CAPITALISED_MONTHS and not text[match.start("mon")].isupper():
            return None
        if year is None:
            if key in self.words.SHORT_MONTHS_NEED_DAY:
                return None
            if direction is None and not match["part"] and not self._led_by(text, match.start(), self.month_leads):
                return None
        return self._mention("month", match, text, year=year, month=self.months[key], direction=direction)

    def _read_year(self, match, text):
        year = int(match["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        pre = text[max(0, match.start() - 16):match.start()]
        if pre[-1:] and pre[-1:] in "-+.,:$£€" and not match["part"]:
            return None  # glued to something: "Covid-2019", "1.2019", "$2019"
        prev_word = pre.lower().split()[-1].strip("(\"'") if pre.strip() else ""
        if prev_word in self.glue_words:
            return None
        after = text[match.end("y"):match.end("y") + 20].lower().split()
        if after and after[0].strip(".,;:()") in self.count_words:
            return None
        start = match.start("part") if match["part"] else match.start("y")
        return self._mention("year", match, text, start, year=year, direction=self._direction(match, "dir_a"))

    def _read_period(self, match, text):
        unit = self.units[_key(match["unit"] or match["unit2"])]
        if unit == "day":
            return None  # "hari ini" is an offset, "hari lalu" alone means nothing
        before = text[max(0, match.start() - 16):match.start()].lower().split()
        if before and (before[-1].isdigit() or before[-1] in self.numbers):
            return None  # "petenis 28 tahun ini": an age, not this year
        return self._mention("period", match, text, unit=unit, direction=self._direction(match, "dir_b", "dir_a"))

    def _read_ago(self, match, text):
        if match["one"]:
            unit, count = self.words.ONE_UNIT_WORDS[_key(match["one"])], 1
        else:
            unit = self.units[_key(match["unit"])]
            count = int(match["n"]) if match["n"].isdigit() else self.numbers[_key(match["n"])]
        if count <= 0:
            return None  # "beberapa hari lalu": a date, but not one we can name
        return self._mention("ago", match, text, unit=unit, count=count, direction=self._direction(match, "dir_a"))

    def _read_offset(self, match, text):
        return self._mention("offset", match, text, offset=self.words.DAY_OFFSETS[_key(match["off"])])

    def _read_weekday(self, match, text):
        weekday, ok = self._weekday(match, text)
        word = match["wd"]
        if not ok or (_key(word) in self.words.AMBIGUOUS_WEEKDAYS and len(word) <= 3):
            return None
        return self._mention("weekday", match, text, weekday=weekday, direction=self._direction(match, "dir_b", "dir_a"))

    def recalled(self, text: str, mention: Mention) -> bool:
        """Whether the date is introduced as a recalled one ("sejak 13 April 1950")."""
        leads = getattr(self.words, "RECALL_LEADS", ())
        window = " ".join(text[max(0, mention.start - 24):mention.start].lower().split())
        return any(window.endswith(lead) and (len(window) == len(lead) or not window[-len(lead) - 1].isalnum())
                   for lead in leads)

    def announced(self, text: str, mention: Mention) -> bool:
        """Whether the clause before a bare weekday speaks of what is to come."""
        cues = getattr(self.words, "FUTURE_CUES", ())
        clause = re.split(r"[.!?;,\n]", text[max(0, mention.start - 160):mention.start])[-1].lower()
        words = " " + " ".join(re.findall(r"\w+", clause)) + " "
        return any(f" {cue} " in words for cue in cues)

    @staticmethod
    def _led_by(text: str, start: int, leads: set[str]) -> bool:
        """Whether one of the lead words ends right before ``start``."""
        window = " ".join(text[max(0, start - 16):start].lower().split())
        return any(window.endswith(lead) and (len(window) == len(lead) or not window[-len(lead) - 1].isalnum())
                   for lead in leads)


@lru_cache(maxsize=None)
def grammar_for(language: str | None) -> DateGrammar:
    """The grammar of a language; English where kabar has no date words for it."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    code = {"ms": "id"}.get(code, code)  # Malay writes dates as Indonesian does
    try:
        words = importlib.import_module(f"kabar.lang.{code}_dates")
    except ImportError:
        words = importlib.import_module("kabar.lang.en_dates")
    return DateGrammar(words)
