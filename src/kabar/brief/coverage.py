"""Which outlet reported what: its articles, the agencies it cites, the facts only it reported,
and the places where outlets tell the same fact with a different number or date.

A fact is "only this outlet's" when none of its sentences has a near-match (a lower bar than a
paraphrase: a sentence that merely shares most of its names counts as a match) in any other
outlet's articles, and it is informative: it names something or gives a number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from kabar.brief.context import StoryText, outlet_of, source_key
from kabar.brief.sentences import conflicting_numbers, numbers_of
from kabar.brief.vectors import SAME_FACT
from kabar.records import Coverage

UNKNOWN_OUTLET = "(unknown outlet)"
# A sentence with any match this close in another outlet is not that outlet's own fact.
ALSO_ELSEWHERE = 0.25
MAX_UNIQUE = 3
# Two sentences this close state one fact; if their numbers differ, outlets disagree.
SAME_FACT_STRICT = 0.5


@dataclass(frozen=True)
class Disagreement:
    """One fact told two ways: each side's sentence, its article, and the numbers (or resolved
    dates) only it gives."""

    first: str
    first_article: str
    first_only: tuple[str, ...]
    second: str
    second_article: str
    second_only: tuple[str, ...]


def _informative(sentence: str) -> bool:
    # A number, or a name: a capitalised word that is not the sentence's first.
    return bool(numbers_of(sentence)) or any(w[:1].isupper() for w in sentence.split()[1:])


def _unique_rows(text: StoryText) -> dict[str, list[int]]:
    """Rows (newsworthy, informative) with no near-match in another source, per source key."""
    rows = [r for r in text.body_rows if text.sentences[r].newsworthy and _informative(text.sentences[r].text)]
    if not rows:
        return {}
    sources = np.array([text.source_of_row(r) for r in text.body_rows], dtype=object)
    similar = text.space.similarity(rows, text.body_rows, threshold=ALSO_ELSEWHERE)
    unique: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        own = text.source_of_row(row)
        matches = similar.indices[similar.indptr[i]:similar.indptr[i + 1]]
        if not any(sources[m] != own for m in matches):
            unique[own].append(row)
    return unique


def build_coverage(text: StoryText) -> list[Coverage]:
    if len({source_key(a) for a in text.content}) < 2:
        unique_by_source: dict[str, list[int]] = {}  # one source: "only it reported" says nothing
    else:
        unique_by_source = _unique_rows(text)
    groups: dict[str, list[str]] = defaultdict(list)
    for article in text.articles.values():
        groups[outlet_of(article) or UNKNOWN_OUTLET].append(article.id)
    coverage = []
    for outlet, ids in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        cited = Counter(s for a in ids for s in text.articles[a].cited_sources)
        sources = {source_key(text.articles[a]) for a in ids}
        rows = [r for s in sources for r in unique_by_source.get(s, [])]
        # The earliest sentences of an article are its news; later ones are colour and background.
        rows.sort(key=lambda r: (text.sentences[r].position, text.sentences[r].article_id))
        unique = tuple(dict.fromkeys(text.sentences[r].text for r in rows))[:MAX_UNIQUE]
        coverage.append(Coverage(outlet, tuple(ids), unique, tuple(s for s, _ in cited.most_common())))
    return coverage


def find_disagreements(text: StoryText, limit: int = 5) -> list[Disagreement]:
    """Pairs of sentences from different outlets that state one fact with different numbers
    (counts, ages, days of the month) or on dates resolved to different days ("Selasa" in one,
    "Rabu" in the other): a first version that shows both sides rather than choosing."""
    dates_of: dict[int, set[str]] = defaultdict(set)
    for row, ref in text.dated:
        if not ref.background:
            dates_of[row].add(ref.date)
    rows = [r for r in text.body_rows
            if text.sentences[r].newsworthy and (r in dates_of or numbers_of(text.sentences[r].text))]
    if len(rows) < 2:
        return []
    similar = text.space.similarity(rows, rows, threshold=max(SAME_FACT, SAME_FACT_STRICT))
    found: list[Disagreement] = []
    seen: set[frozenset[str]] = set()
    coo = similar.tocoo()
    for i, j, _ in sorted(zip(coo.row, coo.col, coo.data), key=lambda t: -t[2]):
        a, b = rows[i], rows[j]
        if i >= j or text.source_of_row(a) == text.source_of_row(b):
            continue
        first, second = text.sentences[a], text.sentences[b]
        conflict = conflicting_numbers(first.text, second.text)
        if conflict is None and dates_of[a] and dates_of[b] and not dates_of[a] & dates_of[b]:
            conflict = (tuple(sorted(dates_of[a])), tuple(sorted(dates_of[b])))
        key = frozenset((first.text, second.text))
        if conflict and key not in seen:
            seen.add(key)
            found.append(Disagreement(first.text, first.article_id, conflict[0],
                                      second.text, second.article_id, conflict[1]))
            if len(found) >= limit:
                break
    return found
