"""Who said what: the story's statements grouped by speaker, one entry per statement.

Outlets quote the same words with small differences (a dropped clause, another spelling of a
name, "Tiongkok" for "China"); within one speaker, statements whose words match closely
(rapidfuzz) are one statement carrying every article that reports it. A direct quote and a
reported version of the same words merge too: the entry keeps the direct wording, and is marked
reported only when no article quotes it directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from kabar.records import Article, Quote, StoryQuote

# token_set_ratio at or above which two quotes are the same words: tolerant of a dropped clause
# and of word order, strict enough that two different sentences of one speaker stay apart.
SAME_QUOTE = 78
MIN_QUOTE_WORDS = 3
MAX_PER_SPEAKER = 6


@dataclass
class _Statement:
    texts: list[tuple[str, bool]] = field(default_factory=list)  # (words, direct)
    articles: dict[str, None] = field(default_factory=dict)

    def best_text(self) -> tuple[str, bool]:
        direct = [t for t, d in self.texts if d]
        pool = direct or [t for t, _ in self.texts]
        # The longest wording keeps the most of what was said; all are the speaker's words.
        return max(pool, key=len), bool(direct)


def _same_length(a: str, b: str) -> bool:
    shorter, longer = sorted((len(a.split()), len(b.split())))
    # token_set_ratio is 100 for any subset: a three-word fragment is not the whole speech.
    return shorter >= 0.4 * longer or fuzz.partial_ratio(a, b) >= 90


def _matching(words: str, texts: list[str]) -> int | None:
    """Index of the first earlier quote (lower-cased) with the same words, if any."""
    for _, score, index in process.extract(words, texts, scorer=fuzz.token_set_ratio,
                                           score_cutoff=SAME_QUOTE, limit=5):
        if _same_length(words, texts[index]):
            return index
    return None


def _speaker_key(quote: Quote) -> str:
    return quote.speaker_id or (quote.speaker or "").lower()


def _same_person(names: dict[str, set[str]]) -> dict[str, str]:
    """Speaker keys to merge within one story: a name whose words all belong to the longer names
    of one person only ("Thareq" within "Thareq Kemal" within "Thareq Kemal Habibie") is that
    person; a name shared by several ("Habibie" in "BJ Habibie" and "Thareq Kemal Habibie") is
    left alone. Linking failed for these mentions; within one story the reading is safe."""
    words = {k: set().union(*(n.lower().split() for n in v)) for k, v in names.items()}
    alias: dict[str, str] = {}
    for key, own in words.items():
        wider = sorted((k for k, w in words.items() if k != key and own < w), key=lambda k: len(words[k]))
        if wider and all(words[a] <= words[b] for a, b in zip(wider, wider[1:])):
            alias[key] = wider[-1]
    return alias


def group_quotes(articles: Sequence[Article]) -> list[StoryQuote]:
    quotes = [(article.id, quote, " ".join(quote.text.split())) for article in articles for quote in article.quotes]
    # A statement without a speaker says nothing about who said what.
    quotes = [(a, q, w) for a, q, w in quotes if q.speaker and len(w.split()) >= MIN_QUOTE_WORDS]
    spoken: dict[str, set[str]] = defaultdict(set)
    for _, quote, _ in quotes:
        spoken[_speaker_key(quote)].add(quote.speaker)
    alias = _same_person(spoken)
    by_speaker: dict[str, list[_Statement]] = defaultdict(list)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    speaker_ids: dict[str, str | None] = {}
    seen_texts: dict[str, list[str]] = defaultdict(list)  # every quote of a speaker so far, lower-cased
    seen_statement: dict[str, list[_Statement]] = defaultdict(list)  # ... and the statement it joined
    for article_id, quote, words in quotes:
        own_key = _speaker_key(quote)
        key = alias.get(own_key, own_key)
        speaker_ids.setdefault(key, None)
        if own_key == key:  # an alias's id and name give way to the fuller name's
            speaker_ids[key] = quote.speaker_id
        names[key][quote.speaker] += int(own_key == key)
        statements = by_speaker[key]
        earlier = _matching(words.lower(), seen_texts[key])
        if earlier is None:
            match = _Statement()
            statements.append(match)
        else:
            match = seen_statement[key][earlier]
        seen_texts[key].append(words.lower())
        seen_statement[key].append(match)
        match.texts.append((words, quote.direct))
        match.articles[article_id] = None

    def name_of(key: str) -> str:
        # The name most quotes give; among equals the fullest ("Vladimir Putin" over "Putin").
        return max(names[key], key=lambda n: (names[key][n], len(n)))

    speakers = sorted(by_speaker, key=lambda k: (-sum(len(s.articles) for s in by_speaker[k]), name_of(k)))
    result = []
    for key in speakers:
        name = name_of(key)
        statements = sorted(by_speaker[key], key=lambda s: -len(s.articles))[:MAX_PER_SPEAKER]
        for statement in statements:
            text, direct = statement.best_text()
            result.append(StoryQuote(name, text, tuple(statement.articles), speaker_ids[key], direct))
    return result
