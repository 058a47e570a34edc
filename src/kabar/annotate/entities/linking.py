"""From tagged spans to canonical entities of one article.

Titles and offices are cut off names and kept as the role ("Presiden Rusia Vladimir Putin" ->
Vladimir Putin, role "Presiden"); known names go through the canonical table (CLDR + aliases);
persons are grouped within the article (a surname or first name alone joins the full name it
belongs to, a misspelt full name joins the close one with the same surname) and then against the
corpus-wide registry, whose knowledge the article adds to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from kabar.annotate.entities.canonical import Canonical, known_entities, lookup, lookup_key, slug
from kabar.annotate.entities.recognizer import Span
from kabar.annotate.entities.span_rules import starts_with_facility
from kabar.annotate.entities.registry import TYPO_SIMILARITY, EntityRegistry
from kabar.lang import en_entities, id_entities
from kabar.records import EntityMention

_ROLE_MODULES = {"id": id_entities, "en": en_entities}
_MAX_ROLE_TOKENS = 4
_STRIP = "\"'“”‘’«»()[]{}.,;:!?-–— "


@lru_cache(maxsize=4)
def _roles(language: str) -> frozenset[tuple[str, ...]]:
    # The article's language first, but titles cross languages in news ("PM", "Dr."), so all apply.
    roles = set()
    for module in _ROLE_MODULES.values():
        roles.update(tuple(r.lower().split()) for r in module.ROLES)
    return frozenset(roles)


@dataclass
class Mention:
    surface: str
    type: str
    order: int
    role: str | None = None
    acronym_of: int | None = None  # index of the mention this one abbreviates, "(BEI)"
    from_title: bool = False
    canonical: Canonical | None = None


def _role_prefix(tokens: list[str], roles) -> int:
    """Length of the longest role at the start of ``tokens``."""
    for n in range(min(_MAX_ROLE_TOKENS, len(tokens) - 1), 0, -1):
        if tuple(t.lower() for t in tokens[:n]) in roles:
            return n
    return 0


def _role_in_span(tokens: list[str], roles) -> tuple[int, str | None]:
    """A role inside a tagged person span, after at most two leading words and before the name:
    "Menlu Wang Yi", "Russian Foreign Minister Sergey Lavrov", "Presiden Rusia Vladimir Putin".
    Returns how many tokens to cut (the role and a place right after it) and the role."""
    for lead in range(0, min(3, len(tokens) - 1)):
        n = _role_prefix(tokens[lead:], roles)
        if n:
            cut = lead + n
            while cut < len(tokens) - 1 and lookup(tokens[cut]):
                cut += 1
            return cut, " ".join(tokens[lead:lead + n])
    return 0, None


def _role_before(tokens: tuple[str, ...], start: int, roles) -> str | None:
    """A role just before a name, allowing a place between ("Presiden Rusia Vladimir Putin")."""
    for skip in range(0, 4):
        end = start - skip
        if end <= 0:
            return None
        if skip and not (tokens[end][:1].isupper() and (
                lookup(" ".join(tokens[end:start])) or starts_with_facility(tokens[end:start]))):
            continue
        for n in range(min(_MAX_ROLE_TOKENS, end), 0, -1):
            if tuple(t.lower() for t in tokens[end - n:end]) in roles:
                return " ".join(tokens[end - n:end])
    return None


@lru_cache(maxsize=4)
def _particles(language: str) -> frozenset[str]:
    module = _ROLE_MODULES.get(language, id_entities)
    return frozenset(module.NAME_PARTICLES)


def spans_to_mentions(spans: list[Span], title_paragraph: int | None, language: str) -> list[Mention]:
    roles = _roles(language)
    particles = _particles(language)
    mentions: list[Mention] = []
    previous: Span | None = None
    for span in spans:
        tokens = list(span.sentence_tokens[span.token_start:span.token_end])
        cut, role = _role_in_span(tokens, roles) if span.type == "PER" else (0, None)
        if cut:
            tokens = tokens[cut:]
        elif span.type == "PER":
            role = _role_before(span.sentence_tokens, span.token_start, roles)
            # "Menlu Russia Sergey Lavrov": after a role, a known place opening the name is the
            # place the role belongs to.
            while role and len(tokens) > 2 and (known := lookup(tokens[0])) is not None and known.type == "LOC":
                tokens = tokens[1:]
        # A lower-case word that is no name particle ends the name: the tagger, trained on
        # Indonesian, sometimes runs on into English text ("Sergey Lavrov met Chinese").
        for i, token in enumerate(tokens[1:], 1):
            if token[:1].islower() and token.lower() not in particles:
                tokens = tokens[:i]
                break
        # "CNA 22 Februari": a number ends a person's or a source's name (a date follows).
        if span.type in ("PER", "ORG"):
            for i, token in enumerate(tokens[1:], 1):
                if token.isdigit():
                    tokens = tokens[:i]
                    break
        acronym = None
        if len(tokens) >= 4 and tokens[-3] == "(" and tokens[-1] == ")":  # "Bursa Efek Indonesia (BEI)"
            acronym = tokens[-2]
            tokens = tokens[:-3]
        surface = " ".join(tokens).strip(_STRIP)
        if len(surface) < 2 or not any(c.isalpha() for c in surface):
            previous = span
            continue
        mention = Mention(surface, span.type, len(mentions), role, from_title=span.paragraph == title_paragraph)
        bracketed = span.token_start > 0 and span.sentence_tokens[span.token_start - 1] == "("
        if (bracketed and previous is not None and mentions and previous.paragraph == span.paragraph
                and previous.sentence_tokens == span.sentence_tokens and previous.token_end == span.token_start - 1):
            mention.acronym_of = len(mentions) - 1
        mentions.append(mention)
        if acronym:
            mentions.append(Mention(acronym, span.type, len(mentions), acronym_of=len(mentions) - 1,
                                    from_title=mention.from_title))
        previous = span
    return mentions


@dataclass
class _Person:
    names: Counter = field(default_factory=Counter)  # full surface forms -> count
    tokens: set = field(default_factory=set)
    last: str = ""
    canonical: Canonical | None = None

    def best_name(self) -> str:
        longest = max(len(n.split()) for n in self.names)
        return max((n for n in self.names if len(n.split()) == longest), key=lambda n: self.names[n])


def _link_persons(names: list[str], registry: EntityRegistry | None) -> dict[str, Canonical]:
    counts = Counter(names)
    ordered = sorted(counts, key=lambda n: (-len(lookup_key(n).split()), names.index(n)))
    people: list[_Person] = []
    person_of: dict[str, _Person] = {}
    for name in ordered:
        key = lookup_key(name)
        tokens = key.split()
        person = None
        if len(tokens) >= 2:
            for other in people:
                if set(tokens) <= other.tokens or (
                        fuzz.ratio(key, lookup_key(other.best_name())) >= TYPO_SIMILARITY
                        and (tokens[-1] == other.last or fuzz.ratio(tokens[-1], other.last) >= TYPO_SIMILARITY)):
                    person = other
                    break
        else:
            holders = [p for p in people if key in p.tokens]
            holders.sort(key=lambda p: p.last != key)  # a surname alone is the usual short form
            if not holders and len(key) >= 4:
                holders = [p for p in people if any(fuzz.ratio(key, t) >= TYPO_SIMILARITY for t in p.tokens)]
            if not holders:  # "Jokowi" for Joko Widodo, "SBY" for Susilo Bambang Yudhoyono
                holders = [p for p in people if any(is_short_name_of(name, n) for n in p.names)]
            person = holders[0] if holders else None
        if person is None:
            person = _Person(last=tokens[-1])
            people.append(person)
        person.names[name] += counts[name]
        person.tokens.update(tokens)
        person_of[name] = person

    for person in people:
        name = person.best_name()
        known = None
        if registry is not None:
            known = (registry.resolve_person(name) if len(name.split()) >= 2 else registry.resolve_short(name))
        person.canonical = known or Canonical("per:" + slug(name), name, "PER")
        if registry is not None:
            if len(name.split()) >= 2:
                registry.add_full_name(person.canonical)
            else:
                registry.add(person.canonical)
    return {name: person.canonical for name, person in person_of.items()}


def close_known_place(surface: str) -> Canonical | None:
    """A misspelt known place ("Ukrania" for Ukraina): one word of six letters or more, the same
    first letter, and a close spelling."""
    key = lookup_key(surface)
    if " " in key or len(key) < 6:
        return None
    best, best_score = None, TYPO_SIMILARITY
    for name, known in _known_places_by_initial().get(key[0], ()):
        score = fuzz.ratio(key, name)
        if score >= best_score:
            best, best_score = known, score
    return best


@lru_cache(maxsize=1)
def _known_places_by_initial() -> dict[str, list[tuple[str, Canonical]]]:
    table: dict[str, list[tuple[str, Canonical]]] = {}
    for name, known in sorted(known_entities().items()):
        if known.type == "LOC" and " " not in name and len(name) >= 5:
            table.setdefault(name[0], []).append((name, known))
    return table


def is_short_name_of(short: str, full: str) -> bool:
    """Indonesian short names: the syllables that open two or more words of the full name run
    together ("Jokowi" = JOKO WIdodo, "Zulhas" = ZULkifli HASan), or the initials of three or
    more words in capitals ("SBY")."""
    words = lookup_key(full).split()
    if len(words) < 2 or " " in short.strip():
        return False
    if short.isupper() and len(short) >= 3:
        return len(words) == len(short) and all(w[0] == c for w, c in zip(words, short.lower()))
    return _blend(short.lower(), words, 0)


def _blend(rest: str, words: list[str], used: int) -> bool:
    if not rest:
        return used >= 2
    if used >= len(words):
        return False
    word = words[used]
    return any(rest.startswith(word[:n]) and _blend(rest[n:], words, used + 1)
               for n in range(min(len(word), len(rest)), 1, -1))


def _trim_headline_persons(mentions: list[Mention]) -> None:
    """A headline in Title Case runs names on ("Hendra Wicaksono Dorong Percepatan ..."): a
    headline person that holds a person named in the body is cut down to that name."""
    # In order of first appearance (a set's order changes from run to run), longest first.
    body = sorted(dict.fromkeys(m.surface for m in mentions if m.type == "PER" and not m.from_title),
                  key=lambda name: -len(name.split()))
    for mention in mentions:
        if not mention.from_title or mention.type != "PER" or mention.surface in body:
            continue
        words = mention.surface.split()
        for name in body:
            size = len(name.split())
            if size < len(words) and any(words[i:i + size] == name.split() for i in range(len(words) - size + 1)):
                mention.surface = name
                break


def link(mentions: list[Mention], registry: EntityRegistry | None) -> None:
    """Fills ``mention.canonical`` for every mention."""
    _trim_headline_persons(mentions)
    # Known persons ("Jokowi" -> Joko Widodo) take part under their full name, so that a
    # surname or first name alone in the article joins them.
    persons = []
    for m in mentions:
        known = lookup(m.surface)
        if known is None and m.type == "PER":
            persons.append(m.surface)
        elif known is not None and known.type == "PER":
            persons.append(known.name)
    person_canonical = _link_persons(persons, registry) if persons else {}
    for mention in mentions:
        if mention.acronym_of is not None:
            continue
        known = lookup(mention.surface)
        if known is not None:
            mention.canonical = known
        elif mention.type == "PER":
            mention.canonical = person_canonical[mention.surface]
        else:
            short = registry.resolve_short(mention.surface) if registry is not None else None
            short = short or (close_known_place(mention.surface) if mention.type == "LOC" else None)
            mention.canonical = short or Canonical(
                f"{mention.type.lower()}:{slug(mention.surface)}", mention.surface, mention.type)
    # An acronym in brackets names the same thing as the name before it, here and in later articles.
    by_acronym: dict[str, Canonical] = {}
    for mention in mentions:
        if mention.acronym_of is not None:
            target = mentions[mention.acronym_of].canonical
            known = lookup(mention.surface)
            mention.canonical = target or known
            if target is not None and known is None:
                by_acronym[lookup_key(mention.surface)] = target
                if registry is not None:
                    registry.add(target, [mention.surface])
    for mention in mentions:
        if mention.acronym_of is None and lookup_key(mention.surface) in by_acronym:
            mention.canonical = by_acronym[lookup_key(mention.surface)]


def to_entity_mentions(mentions: list[Mention]) -> list[EntityMention]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.canonical is not None:
            grouped.setdefault(mention.canonical.id, []).append(mention)
    out = []
    for entity_id, group in grouped.items():
        canonical = group[0].canonical
        # A name seen only in the headline is kept when it is a known entity: headlines are in
        # Title Case, where the tagger is least reliable.
        if all(m.from_title for m in group) and lookup(group[0].surface) is None:
            continue
        surfaces = list(dict.fromkeys(m.surface for m in group))
        roles = Counter(m.role for m in group if m.role)
        out.append(EntityMention(
            id=entity_id, name=canonical.name, type=canonical.type, mentions=tuple(surfaces),
            role=roles.most_common(1)[0][0] if roles else None, count=len(group)))
    return out
