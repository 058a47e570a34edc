"""Which outlet published a page, when nobody said so: the names the page calls itself by.

A scraped page names its outlet in several places: the logo text on its first line
("KabarKini", "LENSAPOS.example"), the dateline ("SUKABUMI, KabarKini.example -"), a byline
("Dadan Hermawan - kabarKini"), a caption credit, the copyright line ("© 2025 Warta Nusantara").
One spelling alone proves little (a first line may be a menu item); two places agreeing do.
All spellings of one name share a key (lower-case letters and digits, domain suffix dropped), and
the display name is the most readable spelling met (mixed case, no domain suffix), so every
article of an outlet gets the same name.
"""

from __future__ import annotations

import re

from kabar.clean.metadata import DOMAIN_LIKE, outlet_display
from kabar.clean.names import OUTLET_DOMAINS, canonical_source
from kabar.clean.rules import rule_kind

MAX_NAME_WORDS = 4
MIN_KEY_CHARS = 4
NON_ALNUM = re.compile(r"[^0-9a-z]+")
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?(?:by\s+|oleh\s+)?"
    r"(?P<name>[A-Z][\w.&' -]{2,50}?)\s*(?:[.,|]\s|\.$|$|\s(?:all rights?|hak cipta|seluruh|dilindungi))", re.I)
NAME_BEFORE_COPYRIGHT = re.compile(r"^(?P<name>[A-Z][\w.&' -]{2,40}?)\s*(?:©|\(c\))\s*(?:19|20)\d\d")
# A company behind the outlet ("PT. Lensa Media Nusantara", "... Media Ltd.") is not the outlet.
COMPANY = re.compile(r"^(pt|cv)\b\.?|\b(ltd|inc|tbk|llc|corp|gmbh|group|plc)\b\.?$", re.I)


def name_key(name: str) -> str:
    name = name.strip()
    if DOMAIN_LIKE.match(name):
        name = name.split(".")[0]
    return NON_ALNUM.sub("", name.lower())


def _readability(spelling: str) -> tuple:
    # mixed case beats ALL CAPS and all lower; a bare name beats a domain; a capital first letter helps
    return (not DOMAIN_LIKE.match(spelling), spelling != spelling.upper() and spelling != spelling.lower(),
            spelling[:1].isupper(), -len(spelling))


def display_name(spellings: list[str]) -> str:
    """The most readable of several spellings of one outlet's name."""
    for s in spellings:
        known = canonical_source(s) or OUTLET_DOMAINS.get(s.lower())
        if known:
            return known
    best = max(spellings, key=_readability)
    if DOMAIN_LIKE.match(best):
        stem = best.split(".")[0]
        best = stem if stem != stem.upper() else stem.title()
    elif best == best.upper():
        best = best.title()
    return best


def copyright_owner(line: str) -> str | None:
    m = COPYRIGHT.search(line) or NAME_BEFORE_COPYRIGHT.match(line)
    if not m:
        return None
    name = m.group("name").strip(" .,-")
    if COMPANY.search(name) or len(name.split()) > 5:
        return None
    return name


class SelfNames:
    """The names a page calls itself by, gathered from its non-body lines."""

    def __init__(self, first_line: str | None, boilerplate: list[str], mentions: list[str]):
        """``first_line``: the page's first line (where a logo's text lands); ``boilerplate``:
        the lines cut around the article (body text is left out: "pemerintah daerah" must not
        confirm a first line "Daerah"); ``mentions``: outlet spellings read off the dateline."""
        self.spellings: dict[str, list[str]] = {}
        for m in mentions:
            self.add(m)
        self.logo = None
        first = first_line or ""
        if first and len(first.split()) <= MAX_NAME_WORDS and not rule_kind(first) \
                and len(name_key(first)) >= MIN_KEY_CHARS:
            self.logo = first
        self.copyright = next((c for c in (copyright_owner(l) for l in reversed(boilerplate)
                                           if "©" in l or "opyright" in l or "(c)" in l.lower()) if c), None)
        self._boilerplate = [l for l in boilerplate if l != first]  # searched only when a logo asks

    def add(self, spelling: str) -> None:
        key = name_key(spelling)
        if len(key) >= MIN_KEY_CHARS:
            self.spellings.setdefault(key, []).append(spelling)

    def is_own_name(self, spelling: str) -> bool:
        key = name_key(spelling)
        return bool(key) and (key in self.spellings or (self.logo is not None and key == name_key(self.logo)))

    def best(self) -> str | None:
        """The logo name when the page repeats it elsewhere; else a name met twice; else the
        copyright owner; else a name met once (a dateline's "KOMPAS.com")."""
        if self.logo:
            key = name_key(self.logo)
            if key in self.spellings or any(key in NON_ALNUM.sub("", l.lower()) for l in self._boilerplate):
                return display_name([self.logo] + self.spellings.get(key, []))
        if self.copyright:
            key = name_key(self.copyright)
            return display_name([self.copyright] + self.spellings.get(key, []))
        if self.spellings:
            key = max(self.spellings, key=lambda k: len(self.spellings[k]))
            return display_name(self.spellings[key])
        return None


def dateline_outlet_display(name: str) -> str:
    return display_name([outlet_display(name)])
