"""What clustering keeps of an article and of a story, and the features comparing the two.

An article is reduced once, on arrival, to an ``ArticleProfile``: weighted terms of the whole
text and of the headline and lead, names, canonical entities, quote speakers, years, numbers and
the resolved dates of what happened. A story keeps a ``StoryState``: the same things summed over
its articles and pruned to their heaviest entries, so a story costs a few kilobytes at most
however many articles join it.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Iterable
from datetime import date

from kabar.records import Article

from .text import Stemmer, content_terms, name_words, numbers, terms_of, tokens, years

LEAD_PARAGRAPHS = 2
CENTROID_TERMS = 150
LEAD_TERMS = 60
TOP_NAMES = 40
TOP_ENTITIES = 40
TOP_NUMBERS = 30
TOP_DATES = 12
EXEMPLARS = 4  # the first articles of a story, kept to check a newcomer against the core
EXEMPLAR_TERMS = 40
SALIENT_NAMES = 3
ARTICLE_TERMS = 200
# How many paragraphs of an article are read at most: the rest adds time, not information.
MAX_PARAGRAPHS = 40


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 of a "YYYY-MM-DD" date (None for coarser or missing dates)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class ArticleProfile:
    id: str
    language: str
    outlet: str | None
    text_terms: Counter  # raw term counts of title + body
    lead_terms: Counter  # raw term counts of title + lead paragraphs
    names: Counter
    entities: Counter
    speakers: frozenset[str]
    years: frozenset[str]
    numbers: frozenset[str]
    event_days: frozenset[int]
    time: int | None  # day number of a publication date the input gave: trusted for the window
    soft_time: int | None  # else an inferred publication date or the latest event date: a hint
    shingle_tokens: list[str]
    vec: dict[str, float] = field(default_factory=dict)  # tf-idf, unit length
    lead_vec: dict[str, float] = field(default_factory=dict)
    name_vec: dict[str, float] = field(default_factory=dict)
    # What ``features`` reads of the article alone, worked out once per article instead of
    # once per candidate story: (salient names, leading person, leading place). Set after the
    # vectors are weighed; never part of equality.
    own: tuple | None = field(default=None, compare=False, repr=False)
    # The people the headline names (each as the stemmed words of its mentions there): who the
    # happening is about (the visitor, the speaker), as against whoever the body recalls.
    # A default, so profiles and features pickled before it existed still load.
    lead_people: tuple = ()


def build_profile(article: Article, stem: Stemmer) -> ArticleProfile:
    lang = article.language or "id"
    body = list(article.body[:MAX_PARAGRAPHS])
    title = article.title or ""
    full_text = "\n".join([title, *body])
    title_terms = content_terms(title, lang, stem)
    # Every paragraph is tokenised once: its tokens give both its terms and, joined, the
    # shingles (no token spans a line break, so they are the tokens of the joined body).
    body_tokens = [tokens(p) for p in article.body]
    paragraph_terms = [terms_of(toks, lang, stem) for toks in body_tokens[:MAX_PARAGRAPHS]]
    lead_terms = Counter(title_terms)
    for terms in paragraph_terms[:LEAD_PARAGRAPHS]:
        lead_terms.update(terms)
    # The headline says what the article is about: its words count twice.
    text_terms = Counter(title_terms)
    text_terms.update(title_terms)
    for terms in paragraph_terms:
        text_terms.update(terms)
    name_counts = Counter(name_words(full_text, lang))
    entities = Counter({e.id: max(1, e.count) for e in article.entities})
    speakers = frozenset(q.speaker_id for q in article.quotes if q.speaker_id)
    event_days = frozenset(
        d for d in (day_number(r.date) for r in article.dates if not r.background) if d is not None
    )
    # Inferred dates can be years off (a birth date, a weekday matched to the wrong year):
    # they only weigh as a feature, never filter candidates or move the index's clock.
    time = None if article.published_inferred else day_number(article.published)
    soft_time = time if time is not None else day_number(article.published)
    if soft_time is None and event_days:
        soft_time = max(event_days)
    # The headline names the event's principal actor; a page without one (ECB's bodies) leads
    # with its first paragraph instead.
    lead_text = title or (body[0] if body else "")
    return ArticleProfile(
        id=article.id,
        language=lang,
        outlet=article.outlet,
        text_terms=text_terms,
        lead_terms=lead_terms,
        names=name_counts,
        entities=entities,
        speakers=speakers,
        years=frozenset(years(full_text)),
        numbers=frozenset(numbers(full_text)),
        event_days=event_days,
        time=time,
        soft_time=soft_time,
        shingle_tokens=[tok for toks in body_tokens for tok in toks],
        lead_people=lead_people(article, lead_text, lang, stem),
    )


def lead_people(article: Article, lead_text: str, lang: str, stem: Stemmer) -> tuple[tuple[str, frozenset[str]], ...]:
    """The people named in ``lead_text`` (the headline), each as the stemmed words of its
    mentions found there (in order of first mention), as (canonical id, words), to be looked up
    in a story's lead terms and entities."""
    found = []
    for entity in article.entities:
        if not entity.id.startswith("per:"):
            continue
        here = [m for m in entity.mentions if m and m in lead_text]
        if not here:
            continue
        words = frozenset(t for m in here for t in content_terms(m, lang, stem))
        if words:
            found.append((min(lead_text.index(m) for m in here), entity.id, words))
    found.sort(key=lambda pw: pw[0])
    return tuple((entity_id, words) for _, entity_id, words in found)


def weigh(counts: Counter, idf, keep: int = ARTICLE_TERMS) -> dict[str, float]:
    """Sublinear tf-idf of raw counts, scaled to unit length, then cut to its heaviest terms
    (the cut tail carries little of the length and would only slow every comparison).
    ``idf``: a function of a term."""
    return weigh_idfs(counts, map(idf, counts), keep)


def weigh_idfs(counts: Counter, idfs: Iterable[float], keep: int = ARTICLE_TERMS) -> dict[str, float]:
    """``weigh`` given the idf of each term of ``counts``, in its order.

    Written as chains of ``map`` over C functions (the index weighs ~500 terms an article):
    the same operations on the same operands as (1 + log(count)) * idf term by term, so the
    same floats."""
    tfs = map(operator.add, repeat(1.0), map(math.log, counts.values()))
    vec = dict(zip(counts, map(operator.mul, tfs, idfs)))
    values = vec.values()
    length = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
    vec = _prune(vec, keep)
    return dict(zip(vec, map(operator.truediv, vec.values(), repeat(length))))


def add_into(target: dict, source: dict) -> None:
    """``target[k] = target.get(k, 0) + v`` for each (k, v) of ``source``, in its order: new
    keys are appended in that order, as the plain loop would, with the loop run in C."""
    target.update(zip(source, map(operator.add, map(target.get, source, repeat(0)), source.values())))


def count_into(target: dict, keys: Iterable) -> None:
    """``target[k] = target.get(k, 0) + 1`` for each of ``keys`` (distinct; iterated twice)."""
    target.update(zip(keys, map(operator.add, map(target.get, keys, repeat(0)), repeat(1))))


def norm(a: dict) -> float:
    values = a.values()
    return math.sqrt(sum(map(operator.mul, values, values)))


def cosine(a: dict, b: dict, na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two sparse vectors; pass the norms when they are known."""
    if not a or not b:
        return 0.0
    # The key intersection runs in C; the shared keys are few. The products are summed in
    # the set's order, as a generator over it would, without a Python frame per key.
    shared = a.keys() & b.keys()
    dot = sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    if not dot:
        return 0.0
    na = norm(a) if na is None else na
    nb = norm(b) if nb is None else nb
    return dot / (na * nb)


QUANTUM = 10_000  # stored weights are multiples of 1/QUANTUM: small ints in the saved state


def quantize(vec: dict) -> dict:
    """Weights rounded to 1/QUANTUM, so that the compact saved form reloads them exactly."""
    # round(v * QUANTUM) / QUANTUM for each value, as a C-level map chain.
    scaled = map(round, map(operator.mul, vec.values(), repeat(QUANTUM)))
    return dict(zip(vec, map(operator.truediv, scaled, repeat(QUANTUM))))


def _prune(counter: dict, keep: int) -> dict:
    """The ``keep`` heaviest entries, heaviest first (ties by key)."""
    if len(counter) <= keep:
        return counter
    # Only entries at or above the keep-th largest value can stay: the bare values are sorted
    # in C, and only those few entries get keys built and sorted (the same result as sorting
    # every entry, for a fraction of the work on a centroid of ~300 terms cut to 150).
    floor = sorted(counter.values(), reverse=True)[keep - 1]
    # Selected by a C-level ``compress`` over the values: the same entries in the same order.
    top = list(compress(counter.items(), map(operator.ge, counter.values(), repeat(floor))))
    # By (-weight, key) as two stable sorts on C key functions: by key, then heaviest first
    # (equal weights keep their key order); no Python call per entry.
    top.sort(key=_key)
    top.sort(key=_value, reverse=True)
    return dict(top[:keep])


_key, _value = operator.itemgetter(0), operator.itemgetter(1)


def _heaviest_first(kv: tuple) -> tuple:
    return -kv[1], kv[0]


@dataclass
class StoryState:
    """A story as the active index keeps it: compact sums of its articles."""

    id: str
    first_article: str
    n: int = 0
    centroid: dict = field(default_factory=dict)
    lead: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)
    speakers: dict = field(default_factory=dict)
    years: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    days: dict = field(default_factory=dict)
    tmin: int | None = None
    tmax: int | None = None
    smin: int | None = None
    smax: int | None = None
    last_seq: int = 0
    storyline: str | None = None
    exemplars: list = field(default_factory=list)
    _norms: tuple | None = field(default=None, repr=False, compare=False)

    def absorb(self, p: ArticleProfile, seq: int) -> None:
        self.n += 1
        self.last_seq = seq
        for target, source, keep in (
            (self.centroid, p.vec, CENTROID_TERMS),
            (self.lead, p.lead_vec, LEAD_TERMS),
            (self.names, p.name_vec, TOP_NAMES),
            (self.entities, p.entities, TOP_ENTITIES),
        ):
            add_into(target, source)
        for target, items in (
            (self.speakers, p.speakers),
            (self.years, p.years),
            (self.numbers, p.numbers),
            (self.days, p.event_days),
        ):
            count_into(target, items)
        if len(self.exemplars) < EXEMPLARS:
            exemplar = _prune(dict(p.vec), EXEMPLAR_TERMS)
            length = norm(exemplar) or 1.0
            self.exemplars.append(quantize({k: v / length for k, v in exemplar.items()}))
        self.centroid = quantize(_prune(self.centroid, CENTROID_TERMS))
        self.lead = quantize(_prune(self.lead, LEAD_TERMS))
        self.names = quantize(_prune(self.names, TOP_NAMES))
        self.entities = _prune(self.entities, TOP_ENTITIES)
        self.speakers = _prune(self.speakers, TOP_ENTITIES)
        self.numbers = _prune(self.numbers, TOP_NUMBERS)
        self.days = _prune(self.days, TOP_DATES)
        if p.soft_time is not None:
            self.smin = p.soft_time if self.smin is None else min(self.smin, p.soft_time)
            self.smax = p.soft_time if self.smax is None else max(self.smax, p.soft_time)
        if p.time is not None:
            self.tmin = p.time if self.tmin is None else min(self.tmin, p.time)
            self.tmax = p.time if self.tmax is None else max(self.tmax, p.time)

    def norms(self) -> tuple[float, float, float, float]:
        """Norms of the summed vectors, cached until the story changes."""
        if self._norms is None or self._norms[0] != self.n:
            self._norms = (self.n, norm(self.centroid), norm(self.lead), norm(self.names), norm(self.entities))
        return self._norms[1:]

    def top_terms(self, k: int) -> list[str]:
        return list(_prune(self.centroid, k)) if len(self.centroid) > k else [
            t for t, _ in sorted(self.centroid.items(), key=_heaviest_first)]


FEATURES = (
    "cos_text",
    "cos_lead",
    "cos_names",
    "cos_entities",
    "has_entities",
    "speaker_shared",
    "has_speakers",
    "year_shared",
    "year_conflict",
    "number_share",
    "day_shared",
    "day_conflict",
    "log_time_gap",
    "time_unknown",
    "log_soft_gap",
    "soft_unknown",
    "log_story_size",
    "max_exemplar",
    "salient_names_shared",
    "cos_text_x_names",
    "person_conflict",
    "place_conflict",
    # Siblings (two quakes, two rehab stays) tend to differ in the latest year they name: the
    # year of the event itself, where background years are older.
    "latest_year_same",
    "latest_year_differs",
    # The story's first article is its anchor: a sibling matches the topic words of the
    # centroid yet reads less like the article that started the story.
    "first_exemplar",
    # Who the headline and lead are about (the visitor, the speaker) against the story's
    # leads: each visitor's visit of one patient shares every other word of the case.
    "lead_person_shared",
    "lead_person_missing",
)

# Canonical entity ids start with their type ("per:", "loc:", "org:").
LEADING_ENTITIES = 1


def _leading(entities: dict, prefix: str) -> list[str]:
    typed = [(v, k) for k, v in entities.items() if k.startswith(prefix)]
    return [k for _, k in sorted(typed, key=lambda vk: (-vk[0], vk[1]))[:LEADING_ENTITIES]]


def entity_conflict(article: dict, story: dict, prefix: str, mine: list[str] | None = None) -> float:
    """1 when the article's leading person (or place) is absent from a story that names
    people (places) of its own: two arrests, two quakes, two hosts of one show. One-sided,
    since a spokesperson or a capital both events share must not hide the difference.
    ``mine``: the article's leading entity when already known (``_leading(article, prefix)``)."""
    if mine is None:
        mine = _leading(article, prefix)
    if not mine or not any(k.startswith(prefix) for k in story):
        return 0.0
    if mine[0] in story:
        return 0.0
    # "per:lavrov" before the registry learns he is "per:sergei-lavrov": the last word agrees.
    last = mine[0].rsplit("-", 1)[-1].split(":")[-1]
    if any(k.startswith(prefix) and k.rsplit("-", 1)[-1].split(":")[-1] == last for k in story):
        return 0.0
    return 1.0


def features(p: ArticleProfile, s: StoryState) -> list[float]:
    """The comparison of an article with a story, in the order of ``FEATURES``."""
    has_entities = 1.0 if p.entities and s.entities else 0.0
    has_speakers = 1.0 if p.speakers and s.speakers else 0.0
    # Set operations in C instead of generators: the same truth values and counts.
    speaker_shared = 1.0 if has_speakers and not s.speakers.keys().isdisjoint(p.speakers) else 0.0
    year_shared = 1.0 if not p.years.isdisjoint(s.years) else 0.0
    year_conflict = 1.0 if p.years and s.years and not year_shared else 0.0
    number_share = (
        len(s.numbers.keys() & p.numbers) / len(p.numbers) if p.numbers and s.numbers else 0.0
    )
    day_shared = 1.0 if not p.event_days.isdisjoint(s.days) else 0.0
    day_conflict = 0.0
    if p.event_days and s.days and not day_shared:
        gap = min(abs(a - b) for a in p.event_days for b in s.days)
        day_conflict = 1.0 if gap > 2 else 0.0
    if p.time is not None and s.tmin is not None:
        gap = 0 if s.tmin <= p.time <= s.tmax else min(abs(p.time - s.tmin), abs(p.time - s.tmax))
        log_gap, unknown = math.log1p(gap), 0.0
    else:
        log_gap, unknown = 0.0, 1.0
    if p.soft_time is not None and s.smin is not None:
        gap = 0 if s.smin <= p.soft_time <= s.smax else min(abs(p.soft_time - s.smin), abs(p.soft_time - s.smax))
        log_soft_gap, soft_unknown = math.log1p(gap), 0.0
    else:
        log_soft_gap, soft_unknown = 0.0, 1.0
    n_centroid, n_lead, n_names, n_entities = s.norms()
    cos_text = cosine(p.vec, s.centroid, 1.0, n_centroid)
    cos_names = cosine(p.name_vec, s.names, 1.0, n_names)
    exemplar_cosines = [cosine(p.vec, e, 1.0, 1.0) for e in s.exemplars]  # the first is the anchor
    if p.own is None:
        p.own = (sorted(p.name_vec, key=lambda k: (-p.name_vec[k], k))[:SALIENT_NAMES],
                 _leading(p.entities, "per:"), _leading(p.entities, "loc:"), max(p.years, default=None),
                 _person_keys(p))
    salient, leading_person, leading_place, latest_year, person_keys = p.own
    lead_shared = lead_missing = 0.0
    if person_keys:
        found = sum(1 for person in person_keys if _person_in_story(person, s))
        lead_shared = found / len(person_keys)
        lead_missing = 1.0 if found < len(person_keys) else 0.0
    salient_shared = sum(1 for k in salient if k in s.names) / len(salient) if salient else 0.0
    story_latest = max(s.years, default=None)
    latest_same = latest_differs = 0.0
    if latest_year is not None and story_latest is not None:
        latest_same = 1.0 if latest_year == story_latest else 0.0
        latest_differs = 1.0 - latest_same
    return [
        cos_text,
        cosine(p.lead_vec, s.lead, 1.0, n_lead),
        cos_names,
        cosine(p.entities, s.entities, None, n_entities) if has_entities else 0.0,
        has_entities,
        speaker_shared,
        has_speakers,
        year_shared,
        year_conflict,
        number_share,
        day_shared,
        day_conflict,
        log_gap,
        unknown,
        log_soft_gap,
        soft_unknown,
        math.log1p(s.n),
        max(exemplar_cosines, default=0.0),
        salient_shared,
        cos_text * cos_names,
        entity_conflict(p.entities, s.entities, "per:", leading_person),
        entity_conflict(p.entities, s.entities, "loc:", leading_place),
        latest_same,
        latest_differs,
        exemplar_cosines[0] if exemplar_cosines else 0.0,
        lead_shared,
        lead_missing,
    ]


def _person_keys(p: ArticleProfile) -> list[tuple[str, str, frozenset[str]]]:
    """Each lead person's rarest word (by its weight in the lead vector) with its canonical id:
    "kalla" of "Jusuf Kalla", "thareq" of "Thareq Kemal Habibie", not the family name both share."""
    keys, seen = [], set()
    for entity_id, words in p.lead_people:
        weight, key = max((p.lead_vec.get(w, 0.0), w) for w in words)
        if weight > 0.0 and key not in seen:
            seen.add(key)
            keys.append((key, entity_id, words))
    return keys


def _person_in_story(person: tuple, s: StoryState) -> bool:
    """In the story's leads by the person's rarest word, or among its people: by canonical id, or
    as a person the registry knew by fewer of its words ("Sergei Lavrov" heading the second
    report of a visit whose first, read before the registry linked them, said "per:lavrov")."""
    key, entity_id, words = person
    if key in s.lead or entity_id in s.entities:
        return True
    return any(k.startswith("per:") and words.issuperset(k[4:].split("-")) for k in s.entities)
