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

from kabar.records import Article, StoryQuote

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


def group_quotes(articles: Sequence[Article]) -> list[StoryQuote]:
    by_speaker: dict[str, list[_Statement]] = defaultdict(list)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    speaker_ids: dict[str, str | None] = {}
    seen_texts: dict[str, list[str]] = defaultdict(list)  # every quote of a speaker so far, lower-cased
    seen_statement: dict[str, list[_Statement]] = defaultdict(list)  # ... and the statement it joined
    for article in articles:
        for quote in article.quotes:
            words = " ".join(quote.text.split())
            if not quote.speaker or len(words.split()) < MIN_QUOTE_WORDS:
                continue  # a statement without a speaker says nothing about who said what
            key = quote.speaker_id or quote.speaker.lower()
            speaker_ids[key] = quote.speaker_id
            names[key][quote.speaker] += 1
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
            match.articles[article.id] = None
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
