"""English date words for the dates annotator (``kabar.annotate.dates``).

The same tables as ``id_dates``; see there for what each one means.
"""

# "9/10/2019" in English news is month first (US wires); a first number over 12 flips it.
NUMERIC_ORDER = "MDY"

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Short forms: a month only next to a day number ("Dec. 25") or a year ("Sept 2019").
SHORT_MONTHS_NEED_DAY = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                   "sep", "sept", "oct", "nov", "dec"})
# Month names that are ordinary words ("you may", "a march"): a month only when capitalised.
CAPITALISED_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
AMBIGUOUS_WEEKDAYS = frozenset({"sun", "sat", "wed", "mon", "tue", "thu", "fri"})

DAY_PARTS = ("morning", "afternoon", "evening", "night")
WEEKDAY_LEADS = ("on",)

DAY_OFFSETS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}

UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year",
}
ONE_UNIT_WORDS: dict[str, str] = {}

# Not "earlier"/"later": "three years later" counts from the story's own time, not the page's.
PAST_AFTER = ("ago",)
FUTURE_AFTER = ("from now",)
THIS_AFTER: tuple[str, ...] = ()
PAST_BEFORE = ("last", "this past", "past")
FUTURE_BEFORE = ("next", "this coming", "coming")
THIS_BEFORE = ("this",)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "a few": 0,
}

PERIOD_PARTS = ("the end of", "end of", "the beginning of", "beginning of", "the middle of",
                "early", "late", "mid-", "mid")

MONTH_LEADS = ("in", "since", "until", "till", "by", "during", "through", "from", "of", "before",
               "after", "early", "late", "mid-", "mid", "end of", "beginning of", "middle of")


COUNT_WORDS = ("people", "persons", "units", "km", "kilometers", "kilometres", "miles", "meters",
               "metres", "feet", "ft", "tons", "tonnes", "kg", "pounds", "dollars", "euros",
               "percent", "troops", "soldiers", "residents", "cases", "votes", "homes", "houses",
               "points", "acres", "hectares", "times", "employees", "jobs", "students", "mw",
               "gmt", "utc", "est", "edt", "pst", "hrs", "hours", "local")  # "2045 GMT" is a time
NUMBER_GLUE_BEFORE = ("no", "no.", "number", "$", "£", "€", "rp")

# Words that introduce a date the article recalls rather than reports ("since April 13, 1950"):
# such a date is background and never anchors the article's own day.
RECALL_LEADS = ("since", "founded in", "founded on", "born on", "born in", "established in")

# Words earlier in the sentence that put a bare weekday ahead of the article's day
# ("the minister will return on Wednesday"): the next such weekday, not the last.
FUTURE_CUES = ("will", "scheduled", "plans to", "planned", "is due", "are due", "expected to")
