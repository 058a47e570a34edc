"""Display names the clean stage puts on outlets, cited news sources and dateline places.

These are names, not language: one table serves every language. Each entry maps the spellings
met in text to one canonical display name.
"""

from __future__ import annotations

import re
from functools import lru_cache

# News agencies and media an article may cite: canonical name -> other spellings.
NEWS_SOURCES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuter",),
    "AP": ("Associated Press", "AP News"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "CNA": ("Channel NewsAsia", "Channel News Asia"),
    "Al Jazeera": ("Aljazeera", "Al-Jazeera", "Al Jazeera English"),
    "RIA Novosti": ("RIA",),
    "TASS": ("Tass", "ITAR-TASS"),
    "Interfax": (),
    "Izvestia": ("Izvestiya",),
    "Sputnik": (),
    "RT": ("Russia Today",),
    "Kommersant": (),
    "Xinhua": ("Kantor Berita Xinhua",),
    "Global Times": (),
    "CGTN": (),
    "People's Daily": (),
    "SCMP": ("South China Morning Post",),
    "BBC": ("BBC News",),
    "CNN": (),
    "Bloomberg": (),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Financial Times": ("FT",),
    "The Guardian": ("Guardian",),
    "Politico": (),
    "Axios": (),
    "NHK": (),
    "Kyodo": ("Kyodo News",),
    "Nikkei": ("Nikkei Asia",),
    "Yonhap": ("Yonhap News",),
    "Deutsche Welle": ("DW",),
    "France 24": (),
    "Anadolu": ("Anadolu Agency",),
    "Bernama": (),
    "The Straits Times": ("Straits Times",),
    "The Jakarta Post": ("Jakarta Post",),
    "ANTARA": ("Antara", "Antaranews", "Kantor Berita Antara"),
    "Kompas": ("Kompas.com", "Harian Kompas"),
    "detikcom": ("Detik", "Detik.com", "detikcom", "detikNews"),
    "Tempo": ("Tempo.co", "Koran Tempo"),
    "CNN Indonesia": (),
    "Republika": (),
    "Sky News": (),
    "Fox News": (),
    "NBC News": ("NBC",),
    "CBS News": ("CBS",),
    "ABC News": (),
    "Times of Israel": ("The Times of Israel",),
    "Haaretz": (),
    "Ukrinform": (),
    "Kyiv Independent": ("The Kyiv Independent",),
    "Arab News": (),
    "Dawn": (),
    "Newsweek": (),
}

# Indonesian (and a few other) outlets by registered domain, for a readable outlet name.
OUTLET_DOMAINS: dict[str, str] = {
    "kompas.com": "Kompas", "kompas.id": "Kompas", "detik.com": "detikcom", "tempo.co": "Tempo",
    "okezone.com": "Okezone", "sindonews.com": "SINDOnews", "tribunnews.com": "Tribunnews",
    "antaranews.com": "ANTARA", "cnnindonesia.com": "CNN Indonesia", "liputan6.com": "Liputan6",
    "republika.co.id": "Republika", "voi.id": "VOI", "antvklik.com": "ANTV", "viva.co.id": "VIVA",
    "koran-jakarta.com": "Koran Jakarta", "kumparan.com": "kumparan", "suara.com": "Suara",
    "jpnn.com": "JPNN", "merdeka.com": "Merdeka", "idntimes.com": "IDN Times",
    "cnbcindonesia.com": "CNBC Indonesia", "bisnis.com": "Bisnis", "kontan.co.id": "Kontan",
    "mediaindonesia.com": "Media Indonesia", "thejakartapost.com": "The Jakarta Post",
    "jawapos.com": "Jawa Pos", "inews.id": "iNews", "wowkeren.com": "WowKeren",
    "kapanlagi.com": "KapanLagi", "fimela.com": "Fimela", "posmetro-medan.com": "Posmetro Medan",
    "beritasatu.com": "BeritaSatu", "rmol.id": "RMOL", "sindonews.net": "SINDOnews",
    "reuters.com": "Reuters", "apnews.com": "AP", "bbc.com": "BBC", "bbc.co.uk": "BBC",
    "aljazeera.com": "Al Jazeera", "channelnewsasia.com": "CNA", "cnn.com": "CNN",
}

# Second-level labels under which a registered domain has three labels (example.co.id).
SECOND_LEVEL = {"co", "com", "or", "ac", "go", "net", "org", "web", "my", "sch", "gov", "edu", "ne"}

# Cities that often head a dateline; a dateline close to one of these (one typo) is corrected.
DATELINE_CITIES: tuple[str, ...] = (
    "JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "SEMARANG", "YOGYAKARTA", "MAKASSAR", "DENPASAR",
    "PALEMBANG", "BALIKPAPAN", "PONTIANAK", "PEKANBARU", "PADANG", "MANADO", "JAYAPURA", "BOGOR",
    "DEPOK", "TANGERANG", "BEKASI", "MALANG", "SOLO", "BATAM", "KUPANG", "MATARAM", "AMBON",
    "BEIJING", "MOSCOW", "MOSKOW", "WASHINGTON", "LONDON", "PARIS", "BERLIN", "TOKYO", "SEOUL",
    "NEW YORK", "KYIV", "KIEV", "NEW DELHI", "SINGAPORE", "SINGAPURA", "KUALA LUMPUR", "BANGKOK",
    "MANILA", "HANOI", "CANBERRA", "SYDNEY", "TEHERAN", "TEHRAN", "ANKARA", "ISTANBUL", "KAIRO",
    "CAIRO", "RIYADH", "DUBAI", "DOHA", "YERUSALEM", "JERUSALEM", "GAZA", "BRUSSELS", "BRUSSEL",
    "JENEWA", "GENEVA", "ROMA", "ROME", "MADRID", "WINA", "VIENNA", "HONG KONG", "TAIPEI",
    "SHANGHAI", "ISLAMABAD", "KABUL", "BAGHDAD", "DAMASKUS", "DAMASCUS", "BEIRUT", "PYONGYANG",
    "OTTAWA", "MEKSIKO", "MEXICO CITY", "BRASILIA", "BUENOS AIRES", "NAIROBI", "JOHANNESBURG",
    "LOS ANGELES", "SAN FRANCISCO", "CHICAGO", "DHAKA", "KATHMANDU", "COLOMBO", "YANGON",
    "PHNOM PENH", "VATIKAN", "MINSK", "WARSAWA", "WARSAW", "KIYV", "DILI", "WELLINGTON",
    "MADIUN", "KEDIRI", "BLITAR", "CIREBON", "TASIKMALAYA", "GARUT", "SUKABUMI", "SERANG", "CILEGON",
    "JAMBI", "BENGKULU", "BANDAR LAMPUNG", "LAMPUNG", "BANDA ACEH", "ACEH", "SAMARINDA", "BANJARMASIN",
    "PALU", "KENDARI", "GORONTALO", "TERNATE", "SORONG", "MERAUKE", "TEGAL", "PEKALONGAN",
    "PURWOKERTO", "MAGELANG", "KLATEN", "SLEMAN", "BANTUL", "SIDOARJO", "GRESIK", "MOJOKERTO",
    "JEMBER", "BANYUWANGI", "PROBOLINGGO", "PASURUAN", "BANGKALAN", "PAMEKASAN", "SUMENEP", "TUBAN",
    "LAMONGAN", "BOJONEGORO", "NGAWI", "PONOROGO", "KARAWANG", "PURWAKARTA", "SUBANG", "INDRAMAYU",
    "CIANJUR", "CIAMIS", "CIBINONG", "KUDUS", "JEPARA", "PATI", "SALATIGA", "BOYOLALI", "SRAGEN",
    "CILACAP", "BANYUMAS", "BREBES", "KEBUMEN", "TANGERANG SELATAN", "PANGKALPINANG", "TANJUNGPINANG",
    "PALANGKA RAYA", "TARAKAN", "BITUNG", "BIMA", "LABUAN BAJO", "TIMIKA", "MANOKWARI", "SURAKARTA",
)


@lru_cache(maxsize=1)
def source_alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One regex matching any known source spelling, and spelling (lowercased) -> canonical."""
    lookup: dict[str, str] = {}
    for canon, aliases in NEWS_SOURCES.items():
        for spelling in (canon, *aliases):
            lookup[spelling.lower()] = canon
    spellings = sorted(lookup, key=len, reverse=True)
    body = "|".join(re.escape(s) for s in spellings)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.I), lookup


def canonical_source(name: str) -> str | None:
    _, lookup = source_alias_pattern()
    return lookup.get(name.strip().lower())


def registered_domain(host: str) -> str:
    host = host.lower().split(":")[0].removeprefix("www.")
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
