"""Corrections of the tagger's output that its features cannot learn from ~90k tokens of
training text, applied to a sentence's tokens and IOB2 tags before spans are cut:

- a function word opening a sentence is no part of the name after it ("Antara Republik Rakyat
  Tiongkok dan ..." is "between the PRC and ...");
- a building or institution named after a person is one name, not a place and a person
  ("RSPAD Gatot Soebroto", "Jalan Sudirman");
- a place written right before a person is two names ("Imam Besar Masjid Istiqlal Nasaruddin
  Umar": the mosque, then the imam).

Language knowledge (function words, facility words) comes from ``kabar.lang.*_entities``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from kabar.lang import en_entities, id_entities

_LANGUAGE_MODULES = (id_entities, en_entities)
_MIXED_CASE = re.compile(r"^[a-z]+[A-Z]")  # "iPhone", "eBay", "detikNews": names, not function words


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for m in _LANGUAGE_MODULES for w in m.FUNCTION_WORDS)


@lru_cache(maxsize=1)
def _facilities() -> dict[tuple[str, ...], str]:
    """Facility phrase (lower-cased tokens) -> the type of the name it opens."""
    table = {}
    for module in _LANGUAGE_MODULES:
        for phrase, typ in module.FACILITY_WORDS.items():
            table[tuple(phrase.lower().split())] = typ
    return table


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for m in _LANGUAGE_MODULES for role in m.ROLES for w in role.split())


def _facility_at(lowered: list[str], i: int) -> tuple[int, str] | None:
    """Length and type of the facility phrase starting at token ``i``, longest first."""
    table = _facilities()
    for n in (3, 2, 1):
        typ = table.get(tuple(lowered[i:i + n]))
        if typ and i + n <= len(lowered):
            return n, typ
    return None


def _facility_ending_at(lowered: list[str], end: int) -> tuple[int, str] | None:
    """Start and type of a facility phrase that ends just before token ``end``."""
    table = _facilities()
    for n in (3, 2, 1):
        if end - n >= 0:
            typ = table.get(tuple(lowered[end - n:end]))
            if typ:
                return end - n, typ
    return None


def starts_with_facility(tokens) -> bool:
    """Whether the tokens open with a facility word ("Masjid Istiqlal")."""
    return _facility_at([t.lower() for t in tokens], 0) is not None


def spans_of_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    out, start, typ = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != typ:
            if start is not None:
                out.append((start, i, typ))
                start = typ = None
            if tag != "O":
                start, typ = i, tag[2:]
    return out


def _set(tags: list[str], start: int, end: int, typ: str | None) -> None:
    for i in range(start, end):
        tags[i] = "O" if typ is None else ("B-" if i == start else "I-") + typ


@lru_cache(maxsize=1)
def _conjunctions() -> frozenset[str]:
    return frozenset(w.lower() for m in _LANGUAGE_MODULES for w in m.CONJUNCTIONS)


def correct_tags(tokens: list[str], tags: list[str], name_types: dict[str, str],
                 known_type: Callable[[str], str | None] | None = None) -> list[str]:
    """The corrected tags (a new list). ``name_types``: lower-cased token -> the types of
    listed names it is part of ("umar" -> "LOC|PER"), from the gazetteer; ``known_type``: a
    name -> its type when it is a known entity."""
    tags = list(tags)
    if all(tag == "O" for tag in tags):
        return tags
    lowered = [t.lower() for t in tokens]
    function_words = _function_words()
    for start, end, typ in spans_of_tags(tags):
        first = tokens[start]
        # A lower-case opener is no name ("antara Republik ..."), nor is a function word
        # opening the sentence, unless written in capitals (the agency ANTARA).
        while start < end - 1 and (
                (first[:1].islower() and not _MIXED_CASE.match(first))
                or (lowered[start] in function_words and not first.isupper())):
            tags[start] = "O"
            start += 1
            tags[start] = "B-" + typ
            first = tokens[start]
    # "JAKARTA - Presiden Rusia": a dash standing alone is no part of a name.
    for start, end, typ in spans_of_tags(tags):
        for k in range(start, end):
            if tokens[k] in _DASHES:
                tags[k] = "O"
                if k + 1 < end:
                    tags[k + 1] = "B-" + typ
    if known_type is not None:
        for start, end, typ in spans_of_tags(tags):
            _split_known_pair(tokens, tags, start, end, known_type)
        for start, end, typ in spans_of_tags(tags):
            _strip_role_before_known(tokens, lowered, tags, start, end, typ, known_type)
    for start, end, typ in spans_of_tags(tags):
        if typ == "PER":
            _join_facility_before(tokens, lowered, tags, start, end)
    for start, end, typ in spans_of_tags(tags):
        _split_facility_then_person(tokens, lowered, tags, start, end, typ, name_types)
    return tags


_DASHES = {"-", "–", "—"}


def _strip_role_before_known(tokens, lowered, tags, start, end, typ, known_type) -> None:
    """"Presiden Rusia" or "Luar Negeri Ukraina" tagged as an organisation: role words before a
    known place are not a name; the place is."""
    if typ == "PER":
        return
    roles = _role_words()
    k = start
    while k < end - 1 and lowered[k] in roles:
        k += 1
    if k == start:
        return
    known = known_type(" ".join(tokens[k:end]))
    if known:
        _set(tags, start, k, None)
        _set(tags, k, end, known)


def _split_known_pair(tokens, tags, start: int, end: int, known_type) -> None:
    """"Xinhua dan Reuters": two names joined by a conjunction, one of them known, are two."""
    conjunctions = _conjunctions()
    for k in range(start + 1, end - 1):
        if tokens[k].lower() not in conjunctions:
            continue
        if known_type(" ".join(tokens[start:end])):
            return
        left, right = known_type(" ".join(tokens[start:k])), known_type(" ".join(tokens[k + 1:end]))
        if left or right:
            typ = tags[start][2:]
            _set(tags, start, k, left or typ)
            tags[k] = "O"
            _set(tags, k + 1, end, right or typ)
        return


def _join_facility_before(tokens, lowered, tags, start: int, end: int) -> None:
    """"RSPAD Gatot Soebroto": a person's name right after a facility word names the facility."""
    found = _facility_ending_at(lowered, start)
    if found is None:
        return
    facility_start, typ = found
    if not tokens[facility_start][:1].isupper():
        return
    # The facility word may close a longer tagged name ("Rumah Sakit" inside an ORG run).
    if facility_start > 0 and tags[facility_start].startswith("I-"):
        while facility_start > 0 and not tags[facility_start].startswith("B-"):
            facility_start -= 1
    _set(tags, facility_start, end, typ)


def _split_facility_then_person(tokens, lowered, tags, start, end, typ, name_types) -> None:
    """A facility phrase, one name word, then two or more words that read as a person."""
    roles = _role_words()
    for k in range(start, end - 3):
        found = _facility_at(lowered, k)
        if found is None or not tokens[k][:1].isupper():
            continue
        n, facility_type = found
        name_start = k + n
        while name_start < end and _facility_at(lowered, name_start):  # "Stadion Gelora Bung Karno"
            name_start += _facility_at(lowered, name_start)[0]
        person_start = name_start + 1
        person = lowered[person_start:end]
        if len(person) < 2 or any(not tokens[i][:1].isupper() for i in range(person_start, end)):
            return
        looks_like_person = typ == "PER" or all("PER" in name_types.get(w, "") for w in person)
        if not looks_like_person:
            return
        # Words before the facility: a role ("Imam Besar") is no name; anything else stays.
        if k > start and all(lowered[i] in roles for i in range(start, k)):
            _set(tags, start, k, None)
        elif k > start:
            _set(tags, start, k, typ)
        _set(tags, k, person_start, facility_type)
        _set(tags, person_start, end, "PER")
        return
