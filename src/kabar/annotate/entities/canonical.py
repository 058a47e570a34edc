"""The table of known canonical entities: countries, regions and cities from CLDR (through Babel)
in Indonesian and English, plus the hand-kept aliases of ``data/aliases.tsv``.

Ids come from the canonical form, never from a counter, so they are the same in every run and
every database: a country is ``loc:<iso code>``, a city ``loc:<english-name-slug>``, an
organisation ``org:<english-name-slug>`` and a person ``per:<name-slug>``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ALIASES_FILE = DATA_DIR / "aliases.tsv"
LOCALES = ("id", "en")
# CLDR pseudo-regions that are not places a news text names.
_SKIP_TERRITORIES = {"ZZ", "QO", "EZ", "001", "UN", "EU"}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Canonical:
    id: str
    name: str
    type: str


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def lookup_key(text: str) -> str:
    """How surface forms are compared: case, dots, hyphens and spacing do not matter."""
    text = unicodedata.normalize("NFKC", text).lower().replace(".", "").replace("’", "'")
    return " ".join(text.replace("-", " ").split())


@lru_cache(maxsize=1)
def known_entities() -> dict[str, Canonical]:
    """lookup key of every known name -> its canonical entity."""
    from babel import Locale
    from babel.core import get_global

    table: dict[str, Canonical] = {}
    display_locale = Locale(LOCALES[0])
    for locale_name in LOCALES:
        locale = Locale(locale_name)
        for code, name in locale.territories.items():
            if code in _SKIP_TERRITORIES or "-alt-" in code:
                continue
            canonical = Canonical(_territory_id(code), display_locale.territories.get(code, name), "LOC")
            table.setdefault(lookup_key(name), canonical)
    # Exemplar cities of time zones: CLDR stores a city name where it differs from the zone id.
    english, local = Locale("en").time_zones, display_locale.time_zones
    for zone in get_global("zone_territories"):
        default = zone.rsplit("/", 1)[-1].replace("_", " ")
        if zone.startswith("Etc/") or default.isupper():
            continue
        english_name = english.get(zone, {}).get("city", default)
        canonical = Canonical("loc:" + slug(english_name), local.get(zone, {}).get("city", english_name), "LOC")
        for name in {default, english_name, canonical.name}:
            table.setdefault(lookup_key(name), canonical)
    alias_files = [ALIASES_FILE] + sorted(p for p in DATA_DIR.glob("aliases*.tsv") if p != ALIASES_FILE)
    entries = [entry for path in alias_files for entry in read_alias_file(path)]
    for canonical, aliases in entries:
        for alias in (canonical.name, *aliases):
            table[lookup_key(alias)] = canonical
        # Names CLDR gave to the same id now point at the hand-kept display name.
        for key, known in list(table.items()):
            if known.id == canonical.id:
                table[key] = canonical
    return table


def _territory_id(code: str) -> str:
    return "loc:" + (code.lower() if code.isalpha() else "region-" + code)


def read_alias_file(path: Path) -> list[tuple[Canonical, list[str]]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entity_id, entity_type, name, aliases = (line.split("\t") + [""])[:4]
        entries.append((Canonical(entity_id, name, entity_type), [a for a in aliases.split("|") if a]))
    return entries


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    from kabar.lang import en_entities, id_entities

    return frozenset(w.lower() for m in (id_entities, en_entities) for w in m.FUNCTION_WORDS)


@lru_cache(maxsize=100_000)
def lookup(surface: str) -> Canonical | None:
    key = lookup_key(surface)
    # "antara" is "between"; only "Antara"/"ANTARA" written as a name is the news agency.
    if key in function_words() and not surface[:1].isupper():
        return None
    return known_entities().get(key)
