"""Indonesian date words for the dates annotator (``kabar.annotate.dates``).

Every table maps lower-case surface words to calendar meaning; the annotator builds its regexes
from these tables, so adding a spelling here is enough to have it recognised. Keys may contain
spaces ("hari ini"); longer keys are tried first.
"""

# Order of the numbers in "22/2/2023" and "Selasa (21/02)": day first.
NUMERIC_ORDER = "DMY"

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "ags": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}

# Abbreviations that are ordinary words too ("mar", "des"): only accepted next to a day number.
SHORT_MONTHS_NEED_DAY = frozenset(k for k in MONTHS if len(k) <= 4 and k != "mei")
# Month names that are ordinary words too: a month only when capitalised (none in Indonesian).
CAPITALISED_MONTHS: frozenset[str] = frozenset()

# Monday = 0, as datetime.weekday().
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3,
    "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
# Weekday names that are also ordinary words ("minggu" = week): taken as a weekday only when
# capitalised and not followed by a word that makes them a period ("minggu lalu").
AMBIGUOUS_WEEKDAYS = frozenset({"minggu"})

# Words that may stand between a weekday and its date: "Selasa malam (10/9)".
DAY_PARTS = ("dini hari", "pagi", "siang", "sore", "petang", "malam")

# Word before a weekday that marks it as one: "pada Hari Rabu", "hari Selasa".
WEEKDAY_LEADS = ("pada hari", "hari")

# Days relative to the reference date.
DAY_OFFSETS: dict[str, int] = {
    "hari ini": 0, "pagi ini": 0, "siang ini": 0, "sore ini": 0, "malam ini": 0,
    "kemarin": -1, "kemarin lusa": -2, "lusa": 2, "besok": 1, "esok hari": 1, "keesokan harinya": 1,
}

# Calendar units for "pekan lalu", "3 tahun silam", "bulan depan".
UNITS: dict[str, str] = {
    "hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year",
}
# One-word forms "sepekan lalu", "setahun silam": unit with a count of one.
ONE_UNIT_WORDS: dict[str, str] = {
    "sehari": "day", "sepekan": "week", "seminggu": "week", "sebulan": "month", "setahun": "year",
}

# Which way in time, written after a unit, weekday or month ("pekan lalu", "Jumat depan") or
# before it (none in Indonesian; English has "last week").
PAST_AFTER = ("yang lalu", "lalu", "silam", "kemarin")
FUTURE_AFTER = ("yang akan datang", "mendatang", "depan")
THIS_AFTER = ("ini",)
PAST_BEFORE: tuple[str, ...] = ()
FUTURE_BEFORE: tuple[str, ...] = ()
THIS_BEFORE: tuple[str, ...] = ()

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "beberapa": 0,  # vague: the expression is recognised but not resolved
}

# "awal Maret", "akhir tahun lalu", "pertengahan 2020": the part is kept in the text only,
# the date keeps the precision of the period.
PERIOD_PARTS = ("pertengahan", "awal", "akhir")

# Words before a month name that make a lone month a date ("pada Maret", "bulan Maret").
MONTH_LEADS = ("pada bulan", "bulan", "pada", "sejak", "hingga", "sampai", "mulai", "per", "selama",
               "jelang", "menjelang", "akhir", "awal", "pertengahan")

# A four-digit number followed by one of these counts things, it is not a year.
COUNT_WORDS = ("orang", "unit", "buah", "ekor", "kali", "km", "kilometer", "meter", "m", "ha",
               "hektare", "hektar", "ton", "kg", "gram", "liter", "rupiah", "persen", "jiwa",
               "warga", "kasus", "peserta", "siswa", "mahasiswa", "personel", "rumah", "titik",
               "kk", "desa", "suara", "mdpl", "cc", "mw", "kwh", "lembar", "batang", "pasang",
               "wib", "wita", "wit", "gmt", "utc")  # "pukul 2045 WIB" is a time
# Words right before a number that make it something other than a year ("Rp 2019", "Nomor 2019").
NUMBER_GLUE_BEFORE = ("rp", "no", "nomor", "no.", "nomer", "pasal", "kode", "ke-")

# Words that introduce a date the article recalls rather than reports ("sejak 13 April 1950"):
# such a date is background and never anchors the article's own day.
RECALL_LEADS = ("sejak", "semenjak", "didirikan pada", "lahir pada", "berdiri sejak", "dibentuk pada")

# Words earlier in the sentence that put a bare weekday ahead of the article's day
# ("Menlu dijadwalkan kembali pada Rabu"): the next such weekday, not the last.
FUTURE_CUES = ("akan", "dijadwalkan", "rencananya", "direncanakan", "berencana", "hendak", "bakal", "segera")
