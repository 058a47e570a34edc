"""The dated happenings of a story, in calendar order.

Each resolved date expression (DateRef) points at the sentence that holds it; that sentence is
what happened on the date. Sentences of one date that state the same happening (near-paraphrases
in the shared space) become one entry carrying all their articles. A month- or year-precision
entry that restates a day-precision one of the same period folds into it: day precision first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from kabar.brief.context import StoryText
from kabar.brief.vectors import SAME_FACT
from kabar.records import TimelineEntry

MAX_ENTRIES = 14
MAX_BACKGROUND = 4
MAX_PER_DATE = 3
# Within one article, only a near copy is the same happening.
SAME_ARTICLE_FACT = 0.7


@dataclass
class _Happening:
    date: str
    rows: list[int] = field(default_factory=list)
    background_votes: int = 0

    @property
    def background(self) -> bool:
        return self.background_votes * 2 > len(self.rows)


def _articles(text: StoryText, rows: list[int]) -> tuple[str, ...]:
    ids = dict.fromkeys(text.sentences[r].article_id for r in rows)
    return tuple(sorted(ids, key=lambda a: (text.articles[a].published or "", a)))


def _representative(text: StoryText, rows: list[int]) -> int:
    """The member sentence closest to the others; among equals the shortest, which is most
    about the date itself."""
    if len(rows) == 1:
        return rows[0]
    cosines = text.space.similarity(rows, rows).toarray().sum(axis=1)
    order = sorted(range(len(rows)), key=lambda i: (-round(float(cosines[i]), 3), len(text.sentences[rows[i]].text)))
    return rows[order[0]]


def _group(text: StoryText, items: list[tuple[int, bool]], date: str) -> list[_Happening]:
    """Greedy average-link clustering of one date's sentences: each joins the happening it
    restates best. Two sentences of one article on one date are usually two happenings (the
    minister met A, then B), so they share a happening only when they are near copies."""
    rows = list(dict.fromkeys(r for r, _ in items))
    background = defaultdict(int)
    for row, is_background in items:
        background[row] += int(is_background)
    cosines = text.space.similarity(rows, rows).toarray()
    happenings: list[_Happening] = []
    # Running sums of each row's cosines to each happening's members: average link in numpy.
    linked = np.zeros((len(rows), len(rows)), dtype=np.float32)
    sizes = np.zeros(len(rows), dtype=np.float32)
    used_by_article: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        article = text.sentences[row].article_id
        count = len(happenings)
        best = None
        if count:
            score = linked[i, :count] / sizes[:count]
            needed = np.full(count, SAME_FACT, dtype=np.float32)
            needed[used_by_article[article]] = SAME_ARTICLE_FACT
            score[score < needed] = -1.0
            if score.max() >= SAME_FACT:
                best = int(np.argmax(score))
        if best is None:
            happenings.append(_Happening(date))
            best = count
        happenings[best].rows.append(row)
        happenings[best].background_votes += int(background[row] > 0)
        linked[:, best] += cosines[:, i]
        sizes[best] += 1
        if best not in used_by_article[article]:
            used_by_article[article].append(best)
    return happenings


def _fold_coarse(text: StoryText, happenings: list[_Happening]) -> list[_Happening]:
    fine = [h for h in happenings if len(h.date) == 10]
    kept = []
    for happening in happenings:
        if len(happening.date) < 10:
            inside = [f for f in fine if f.date.startswith(happening.date)]
            target = _restated_by(text, happening, inside)
            if target is not None:
                target.rows.extend(r for r in happening.rows if r not in target.rows)
                continue
        kept.append(happening)
    return kept


def _restated_by(text: StoryText, coarse: _Happening, candidates: list[_Happening]) -> _Happening | None:
    if not candidates:
        return None
    heads = [c.rows[0] for c in candidates]
    cosines = text.space.similarity(coarse.rows[:1], heads).toarray().ravel()
    best = int(np.argmax(cosines))
    return candidates[best] if cosines[best] >= SAME_FACT else None


def build_timeline(text: StoryText) -> list[TimelineEntry]:
    by_date: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for row, ref in text.dated:
        # A quote fragment or a page widget may hold a date; the happening is told elsewhere.
        if text.sentences[row].newsworthy:
            by_date[ref.date].append((row, ref.background))
    happenings: list[_Happening] = []
    for date in sorted(by_date):
        happenings.extend(_most_told(text, _group(text, by_date[date], date)))
    happenings = _fold_coarse(text, happenings)
    happenings = _cap(text, happenings)
    entries = []
    for happening in happenings:
        row = _representative(text, happening.rows)
        entries.append(TimelineEntry(happening.date, text.sentences[row].text,
                                     _articles(text, happening.rows), happening.background))
    entries.sort(key=lambda e: e.date)  # stable: within a day, the most told first
    return entries


def _most_told(text: StoryText, grouped: list[_Happening]) -> list[_Happening]:
    """The happenings of one date most articles tell of, at most MAX_PER_DATE, and among equals
    not all from one article: a date with many scattered mentions is usually the publication
    day, named again in one article's every paragraph."""
    kept: list[_Happening] = []
    told_by: dict[str, int] = defaultdict(int)
    remaining = list(grouped)
    while remaining and len(kept) < MAX_PER_DATE:
        def rank(h: _Happening) -> tuple[int, int]:
            articles = {text.sentences[r].article_id for r in h.rows}
            return (-len(articles), sum(told_by[a] for a in articles))
        best = min(remaining, key=rank)
        remaining.remove(best)
        kept.append(best)
        for row in best.rows:
            told_by[text.sentences[row].article_id] += 1
    return kept


def _cap(text: StoryText, happenings: list[_Happening]) -> list[_Happening]:
    def weight(h: _Happening) -> int:
        return len({text.sentences[r].article_id for r in h.rows})

    main = sorted((h for h in happenings if not h.background), key=weight, reverse=True)[:MAX_ENTRIES]
    background = sorted((h for h in happenings if h.background), key=weight, reverse=True)[:MAX_BACKGROUND]
    return main + background
