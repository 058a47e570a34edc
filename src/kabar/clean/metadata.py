"""Article metadata read off the page: dateline, bylines, cited sources, outlet, publication date."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from kabar.clean.names import (
    DATELINE_CITIES,
    OUTLET_DOMAINS,
    canonical_source,
    registered_domain,
    source_alias_pattern,
)
from kabar.clean.rules import (
    Caseless, byline_keys, byline_line, byline_medium_first, byline_not_names, cite_cues, first_characters, joinable,
    lowered, source_descriptors,
)
from kabar.urls import host_of

# ---------------------------------------------------------------- publication date
ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def normalise_published(value: str | None) -> str | None:
    """"2019-09-10T20:21:00:00" -> "2019-09-10"; "2023-02" stays; junk -> None."""
    if not value:
        return None
    m = ISO_DATE.match(str(value))
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not 1900 <= int(year) <= 2100:
        return None
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


YEAR = re.compile(r"\b(19|20)\d\d\b")


def date_from_lines(lines: list[str]) -> str | None:
    """A publication date from a short date line ("Selasa, 10 September 2019 12:00 WIB")."""
    import dateparser  # slow to import: only when a page gives no date of its own

    for text in lines:
        if len(text.split()) > 16 or not YEAR.search(text):
            continue
        for m in DATE_IN_LINE.finditer(text):
            parsed = dateparser.parse(m.group(0), languages=["id", "en"],
                                      settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                                                "REQUIRE_PARTS": ["year", "month"]})
            if parsed and 1990 <= parsed.year <= 2100:
                return parsed.strftime("%Y-%m-%d")
    return None


# "08 Jul 2024", "14 Februari 2024", "November 19, 2019", "10/09/2019", "2019-09-10"
DATE_IN_LINE = re.compile(
    r"\b\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(?:19|20)\d\d\b|\b[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d{2}-\d{2}\b")


# ---------------------------------------------------------------- dateline
DASH = r"(?:\s[-–—]{1,2}\s|\s?[–—]{1,2}\s?|\s--\s?)"
# "JAKARTA - ", "BEIJING (Reuters) - ", "JAKARTA, KOMPAS.com - ", "Jakarta, CNN Indonesia -- ",
# "Antv – " (an outlet, not a place: mixed case and no comma).
DATELINE = re.compile(
    rf"^(?P<head>(?P<place>[A-Z][A-Za-z'. ]{{1,30}}?)"
    rf"(?:\s*,\s*(?P<outlet>[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}}))?"
    rf"(?:\s*\((?P<agency>[A-Za-z ./,]{{2,30}})\))?)\s*{DASH}\s*(?=\S)"
)
# Scrapes that lost the dateline keep its separator (", - Habibie ..." or mojibake of "—").
LOST_DATELINE = re.compile(r"^\s*(?:[-–—]|‚Äî|â€”|â€“)+\s+")


@dataclass
class Dateline:
    prefix: str  # the text removed from the first paragraph
    place: str | None = None
    outlet: str | None = None
    agencies: tuple[str, ...] = ()


def _fix_place(place: str) -> str:
    place = place.strip().upper()
    if place in DATELINE_CITIES:
        return place
    best = process.extractOne(place, DATELINE_CITIES, scorer=fuzz.ratio)
    # one typo in a long-enough name ("BEIIJING"): correct; anything else stays as written
    if best and best[1] >= 88 and len(place) >= 5:
        return best[0]
    return place


def find_dateline(paragraph: str) -> Dateline | None:
    m = DATELINE.match(paragraph)
    if m:
        place, outlet, agency = m.group("place").strip(), m.group("outlet"), m.group("agency")
        if outlet and _is_outlet_name(place):  # "TEMPO.CO, Jakarta - ": outlet first, then the place
            place, outlet = outlet, place
        if outlet and not _reads_as_outlet(outlet):
            outlet = None  # "TERNATE, Indonesia —": a region after the place, not a medium
        parts = [x.strip() for x in re.split(r"[,/]", agency or "") if x.strip()]
        agencies = tuple(a for a in (canonical_source(x) for x in parts) if a)
        if parts and not agencies:
            # "Semarang (Suara Khatulistiwa) - ": the outlet's own name in brackets
            outlet = outlet or agency.strip()
        if not outlet and _is_outlet_name(place):  # "KOMPAS.COM - "
            return Dateline(m.group(0), None, place, agencies)
        if place.isupper() and len(place.replace(" ", "")) >= 3:
            return Dateline(m.group(0), _fix_place(place), outlet, agencies)
        if outlet or agencies:  # "Jakarta, CNN Indonesia -- ", "Ternate (ANTARA) — "
            return Dateline(m.group(0), _fix_place(place), outlet, agencies)
        if place.upper() in DATELINE_CITIES:  # "Madiun - ": a known place written in title case
            return Dateline(m.group(0), place.upper(), outlet, agencies)
        if _outlet_prefix(place, m.group(0)) and not agency:  # "Antv – ": the outlet names itself
            return Dateline(m.group(0), None, place, agencies)
        return None
    lost = LOST_DATELINE.match(paragraph)
    if lost:
        return Dateline(lost.group(0))
    return None


DOMAIN_LIKE = re.compile(r"^[\w-]+(\.[a-z]{2,12}){1,2}$", re.I)


def _is_outlet_name(word: str) -> bool:
    return bool(canonical_source(word) or word.lower() in OUTLET_DOMAINS or DOMAIN_LIKE.match(word))


def _reads_as_outlet(name: str) -> bool:
    """After "PLACE, ": a medium ("KabarKini.example", "CNN Indonesia", "ANTARA") rather than a
    region ("Indonesia", "Jawa Barat"). One plain capitalised word that no table knows is a region."""
    if _is_outlet_name(name):
        return True
    words = name.split()
    if len(words) == 1:
        w = words[0]
        return w.isupper() and len(w) <= 6 or any(c.isupper() for c in w[1:]) and not w.isupper()
    return name.upper() not in DATELINE_CITIES and not _looks_like_region(name)


def _looks_like_region(name: str) -> bool:
    """"Jawa Barat", "North Sulawesi": a compass word makes a multi-word name a region."""
    return bool(re.search(r"\b(utara|selatan|barat|timur|tengah|north|south|east|west|central)\b", name, re.I))


def _outlet_prefix(word: str, prefix: str) -> bool:
    """"Antv – ", "Liputan6.com - ": one name before a dash; "Perang Rusia - Ukraina" is not."""
    if " " in word:
        return False
    return _is_outlet_name(word) or "–" in prefix or "—" in prefix


# ---------------------------------------------------------------- bylines
KEYS_WITHOUT_COLON = {"by", "oleh", "written by", "reported by", "reporting by", "editing by",
                      "laporan wartawan", "laporan reporter", "laporan koresponden"}
INITIALS = re.compile(r"^[a-z]{1,4}(/[a-z]{1,4})+$|^\(?[a-z]{2,4}\)?$")
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bdan\b|/)\s*")


PIPE_SEGMENTS = re.compile(r"\s+\|\s+")
MAX_BYLINE_WORDS = 10


def parse_byline(text: str) -> tuple[list[str], list[str]] | None:
    """(authors, agencies) of a byline line, or None when the line is not a byline.

    "Penulis Kontributor Semarang, Slamet Widodo | Editor Rini Hapsari": several key-value
    segments joined by pipes read as bylines without colons.
    """
    if "|" not in text:  # most lines: no segments to split
        return _parse_byline_segment(text, colon_needed=True)
    segments = PIPE_SEGMENTS.split(text)
    if len(segments) > 1:
        parsed = [_parse_byline_segment(seg, colon_needed=False) for seg in segments]
        if sum(p is not None for p in parsed) >= 2 or (parsed[0] is not None and all(
                p is not None or not seg.strip() for p, seg in zip(parsed, segments))):
            authors = [a for p in parsed if p for a in p[0]]
            agencies = [a for p in parsed if p for a in p[1]]
            return authors, agencies
        return None
    return _parse_byline_segment(text, colon_needed=True)


@lru_cache(maxsize=1)
def _byline_key_starts() -> tuple[int, frozenset[str]]:
    """How many characters to judge (two: one lets a third of all lines through, "a", "b",
    "p", ...; fewer if a key is shorter) and the keys' beginnings of that length."""
    size = min(2, *map(len, byline_keys()))
    return size, frozenset(k[:size].lower() for k in byline_keys())


def _cannot_open_byline(text: str) -> bool:
    """True where the line's first characters begin no byline key: most lines, decided
    without the key alternation. Only ASCII is judged; any other character (which
    re.IGNORECASE might fold onto a key's letter) goes on to the pattern."""
    size, starts = _byline_key_starts()
    first = text.lstrip()[:size]
    return first.isascii() and first.lower() not in starts


def _parse_byline_segment(text: str, colon_needed: bool) -> tuple[list[str], list[str]] | None:
    if _cannot_open_byline(text):
        return None
    if len(text.split(None, MAX_BYLINE_WORDS)) > MAX_BYLINE_WORDS:  # splits no further than it must
        return None
    m = byline_line().match(text)
    if not m:
        return None
    value = m.group("value").strip(" .|")
    if INITIALS.match(value):
        return [], []
    key = m.group("key").lower()
    if colon_needed and key not in KEYS_WITHOUT_COLON \
            and not re.match(rf"^\s*{re.escape(m.group('key'))}\s*[:|]", text, re.I):
        return None  # "Penulis buku itu, Budi, ..." is a sentence; a byline key takes a colon
    authors, agencies = [], []
    parts = NAME_SPLIT.split(value)
    if key in byline_medium_first() and len(parts) > 1:
        medium = canonical_source(parts[0].strip())
        agencies.extend([medium] if medium else [])
        parts = parts[1:]
    for part in parts:
        part = part.strip(" .()")
        if not part:
            continue
        canon = canonical_source(part)
        if canon:
            agencies.append(canon)
        elif _looks_like_name(part) and part.split()[0].lower() not in byline_not_names():
            authors.append(part)
    if key in ("by", "oleh") and not (authors or agencies) and value.split()[0].lower() not in byline_not_names():
        return None  # "By the way", "Oleh karena itu": a sentence, not a byline
    return authors, agencies


# "Dadan Hermawan - kabarKini": a name, a dash and the outlet's name.
NAME_DASH_OUTLET = re.compile(r"^(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s+[-–—|/]\s+(?P<outlet>\S+(?:\s\S+){0,2})$")


def parse_name_outlet(text: str, is_outlet) -> tuple[str | None, str] | None:
    """(author, outlet spelling) of a "Name - Outlet" byline, when ``is_outlet`` accepts the
    outlet; the author is None for "Tim KabarKini - kabarKini"."""
    m = NAME_DASH_OUTLET.match(text.strip())
    if not m or not is_outlet(m.group("outlet")):
        return None
    name = m.group("name")
    if name.split()[0].lower() in byline_not_names():
        return None, m.group("outlet")
    if not _looks_like_name(name):
        return None
    return name, m.group("outlet")


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or INITIALS.match(part):
        return False
    return all(w[:1].isupper() or w.lower() in ("bin", "binti", "van", "de", "al", "el", "von")
               for w in words) and not any(c.isdigit() for c in part)


# ---------------------------------------------------------------- cited sources
PAREN_AGENCIES = re.compile(r"\(([A-Za-z][A-Za-z .]{1,25}(?:\s*[,/]\s*[A-Za-z][A-Za-z .]{1,25}){0,4})\)")
CAPITALISED_NAME = re.compile(r"((?:[A-Z][\w.'-]*|al|dari)(?:\s+(?:[A-Z][\w.'-]*)){0,3})")


def _word_alternation(alternatives: str) -> str:
    """``\b(?:alternatives)``, with a look-ahead at the characters a match can begin with when
    they are plain to see: the regex engine then tries the alternatives only at word starts
    that could begin one, which halves the cost of a scan over a long paragraph. With
    re.IGNORECASE the class folds case exactly as the alternatives' letters do."""
    first = first_characters(alternatives)
    ahead = f"(?=[{''.join(re.escape(c) for c in sorted(first))}])" if first else ""
    return rf"\b{ahead}(?:{alternatives})"


# Cues after which an unknown capitalised name is taken to be a news source: only those that
# introduce media, never people ("menurut" and "said" also introduce people).
MEDIA_ONLY_CUES = Caseless(_word_alternation(r"melansir|dilansir(?: dari)?|mengutip(?: dari)?|dikutip dari|"
                                            r"seperti dikutip(?: dari)?|as reported by")
                          + r"\s+(?:laman\s+|situs\s+|media\s+)?")
CUE_WINDOW_WORDS = 9


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[Caseless, Caseless]:
    # Caseless: these scan every body paragraph, 2-3 times faster on its lowercased form
    cue_re = Caseless(_word_alternation("|".join(cite_cues())) + r"\b")
    descriptor_re = Caseless(_word_alternation("|".join(re.escape(d) for d in source_descriptors())) + r"\s+")
    return cue_re, descriptor_re


# Paragraphs are scanned as one text, joined by a character none of the citation patterns can
# match (checked by _joinable when they are compiled): no match then spans two paragraphs, and
# \b sees the separator as it sees a text's end, so every paragraph's matches are its own.
PARAGRAPH_SEPARATOR = "\x00"


def cited_sources(paragraphs: list[str]) -> list[str]:
    """News sources the body cites, canonical names, in order of first citation."""
    if not paragraphs:
        return []
    found: list[str] = []
    for text, cues, media_cues, parens in _citation_hits(paragraphs):
        _add_citations(found, text, cues, media_cues, parens)
    # "dikutip dari Harian Sinar Pagi" also matches the descriptor "harian": keep the longer name
    return [n for n in found if not any(n != m and re.search(rf"\b{re.escape(n)}$", m) for m in found)]


@lru_cache(maxsize=1)
def _scan_joined() -> bool:
    cue_re, descriptor_re = _cue_patterns()
    return all(joinable(p.ignorecase.pattern, PARAGRAPH_SEPARATOR) for p in (cue_re, descriptor_re, MEDIA_ONLY_CUES)) \
        and joinable(PAREN_AGENCIES.pattern, PARAGRAPH_SEPARATOR)


def _citation_hits(paragraphs: list[str]):
    """(paragraph, cue ends, media-cue ends, parenthesis contents) of each paragraph with a hit,
    in order: all paragraphs in one scan per pattern (a pattern per paragraph costs more in
    calls than in matching), or one by one if a pattern could match across the separator."""
    groups = [paragraphs] if _scan_joined() else [[p] for p in paragraphs]
    for group in groups:
        yield from _group_hits(group)


def _group_hits(paragraphs: list[str]):
    cue_re, descriptor_re = _cue_patterns()
    page = PARAGRAPH_SEPARATOR.join(paragraphs)
    low = lowered(page)
    # Where any of the three cue patterns could match, in one scan; each pattern is then tried
    # only there, keeping finditer's rule (the next match starts where the last one ended).
    candidates = [m.start() for m in _any_cue().finditer(page, low)]
    starts, at = [], 0
    for text in paragraphs:
        starts.append(at)
        at += len(text) + 1
    hits: dict[int, tuple[list[int], list[int], list[str]]] = {}

    def hit(position: int) -> tuple[list[int], list[int], list[str]]:
        i = bisect_right(starts, position) - 1
        return hits.setdefault(i, ([], [], []))

    for cue in _matches_at(cue_re, page, low, candidates):
        hit(cue.start())[0].append(cue.end())
    for pattern in (MEDIA_ONLY_CUES, descriptor_re):  # media cues before descriptors, as they were
        for cue in _matches_at(pattern, page, low, candidates):
            hit(cue.start())[1].append(cue.end())
    for paren in PAREN_AGENCIES.finditer(page):
        hit(paren.start())[2].append(paren.group(1))
    for i in sorted(hits):
        start = starts[i]
        cues, media_cues, parens = hits[i]
        yield paragraphs[i], [e - start for e in cues], [e - start for e in media_cues], parens


@lru_cache(maxsize=1)
def _any_cue() -> Caseless:
    """A zero-width match wherever a cue, media-only cue or descriptor pattern matches."""
    patterns = [*_cue_patterns(), MEDIA_ONLY_CUES]
    return Caseless("(?=" + "|".join(f"(?:{p.ignorecase.pattern})" for p in patterns) + ")")


def _matches_at(pattern: Caseless, text: str, low: str | None, candidates: list[int]):
    """``pattern.finditer(text, low)``, trying only the candidate positions (all those where
    it can match, in order)."""
    compiled, subject = (pattern.plain, low) if low is not None and pattern.plain is not None \
        else (pattern.ignorecase, text)
    end = 0
    for at in candidates:
        if at >= end:
            found = compiled.match(subject, at)
            if found:
                yield found
                end = found.end()


def _add_citations(found: list[str], text: str, cues: list[int], media_cues: list[int], parens: list[str]) -> None:
    alias_re, lookup = source_alias_pattern()

    def add(name: str):
        if name and name not in found:
            found.append(name)

    # Known names soon after a citation cue ("menurut surat kabar milik negara Russia, Izvestia").
    for end in cues:
        window = " ".join(text[end:].split(None, CUE_WINDOW_WORDS)[:CUE_WINDOW_WORDS])
        hit = alias_re.search(window)
        if hit:
            add(lookup[hit.group(0).lower()])
    # Unknown names right after a media-only cue or a descriptor ("kantor berita Yonhap").
    for end in media_cues:
        rest = text[end:]
        known = alias_re.match(rest)
        if known:
            add(lookup[known.group(0).lower()])
            continue
        name = CAPITALISED_NAME.match(rest)
        if name and name.group(1)[:1].isupper():
            add(name.group(1).rstrip(".,"))
    # "(Reuters, AP)" / "(AFP)": a parenthesis of agencies only.
    for inside in parens:
        parts = [p.strip() for p in re.split(r"[,/]", inside) if p.strip()]
        canons = [canonical_source(p) for p in parts]
        if parts and all(canons):
            for c in canons:
                add(c)


# ---------------------------------------------------------------- outlet
def outlet_from_url(url: str | None) -> str | None:
    host = host_of(url)
    if not host:
        return None
    domain = registered_domain(host)
    return OUTLET_DOMAINS.get(domain, domain)


def outlet_display(name: str) -> str:
    """"KOMPAS.com" -> "Kompas", "Antv" -> "Antv": the table's name where the table knows it."""
    canon = canonical_source(name)
    if canon:
        return canon
    low = name.lower()
    if low in OUTLET_DOMAINS:
        return OUTLET_DOMAINS[low]
    return name
