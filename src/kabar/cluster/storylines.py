"""Storylines: stories that continue one situation over months, linked without a time window.

Every story leaves a small summary (its salient entities and top terms); an inverted index from
entity to the stories naming it finds older stories of the same actors, and term similarity
decides whether they continue the same situation. Summaries are kept for a horizon of months
(``forget``), and a story of one article only while it is active: the state grows with the
horizon, not with the archive.
"""

from __future__ import annotations

import hashlib
import math
import operator
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat

SALIENT = 6
SUMMARY_TERMS = 20
# Stories naming an entity beyond this many are not worth scanning for it (a country,
# the president): such an entity says little about which situation a story continues.
MAX_POSTING = 500


def storyline_id(first_story: str) -> str:
    return "l" + hashlib.sha1(first_story.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)  # slots: a summary is kept for months, and there are many
class Summary:
    story: str
    salient: tuple[str, ...]
    terms: tuple[str, ...]
    storyline: str | None = None
    day: int | None = None  # the story's latest day, when known
    seq: int = 0  # arrival number of its latest article


class StorylineIndex:
    def __init__(self, min_shared: int, min_similarity: float) -> None:
        self.min_shared = min_shared
        self.min_similarity = min_similarity
        self.summaries: dict[str, Summary] = {}
        self.by_entity: dict[str, dict[str, None]] = {}  # insertion-ordered sets: O(1) removal

    def link(self, story: str, salient: tuple[str, ...], terms: tuple[str, ...]) -> tuple[str | None, str | None]:
        """Find the older story this one continues: returns (storyline id, older story id)."""
        # Counted in C (``Counter.update`` of an iterable): the same counts, keys in the same
        # first-seen order as the plain loop, which skipped the story itself.
        shared = Counter()
        count = shared.update
        for ent in salient:
            posting = self.by_entity.get(ent, ())
            if len(posting) <= MAX_POSTING:
                count(iter(posting))
        shared.pop(story, None)
        best, best_score = None, 0.0
        term_set = set(terms)
        # Most stories share one entity only: they are dropped before sorting, not after
        # (selected by a C-level ``compress``, the same entries in the same order).
        enough = map(operator.ge, shared.values(), repeat(self.min_shared))
        for other, count in sorted(compress(shared.items(), enough)):
            summ = self.summaries[other]
            overlap = len(term_set.intersection(summ.terms))
            similarity = overlap / math.sqrt(max(1, len(term_set)) * max(1, len(summ.terms)))
            if similarity < self.min_similarity:
                continue
            score = count + similarity
            if score > best_score:
                best, best_score = other, score
        if best is None:
            return None, None
        older = self.summaries[best]
        if older.storyline is None:
            older.storyline = storyline_id(older.story)
        return older.storyline, older.story

    def update(self, story: str, salient: tuple[str, ...], terms: tuple[str, ...], storyline: str | None,
               day: int | None = None, seq: int = 0) -> None:
        old = self.summaries.get(story)
        if old is not None:
            for ent in old.salient:
                if ent not in salient:
                    self._unpost(ent, story)
        # Interned: a summary outlives the story's own strings, and thousands of summaries
        # name the same entities and terms; one copy of each word instead of one per summary.
        salient = tuple(map(sys.intern, salient))
        terms = tuple(map(sys.intern, terms))
        for ent in salient:
            self.by_entity.setdefault(ent, {})[story] = None
        self.summaries[story] = Summary(story, salient, terms, storyline, day, seq)

    def remove(self, story: str) -> None:
        summary = self.summaries.pop(story, None)
        if summary is not None:
            for ent in summary.salient:
                self._unpost(ent, story)

    def forget(self, oldest_day: int | None, oldest_seq: int) -> int:
        """Drop the summaries of stories last seen before ``oldest_day`` (or, undated, before
        arrival ``oldest_seq``); returns how many were dropped."""
        stale = [
            s.story for s in self.summaries.values()
            if (s.day is not None and oldest_day is not None and s.day < oldest_day)
            or (s.day is None and s.seq < oldest_seq)
        ]
        for story in stale:
            self.remove(story)
        return len(stale)

    def _unpost(self, ent: str, story: str) -> None:
        posting = self.by_entity.get(ent)
        if posting is not None:
            posting.pop(story, None)
            if not posting:
                del self.by_entity[ent]

    def storyline_of(self, story: str) -> str | None:
        summ = self.summaries.get(story)
        return summ.storyline if summ else None

    def state(self) -> list:
        return [(s.story, s.salient, s.terms, s.storyline, s.day, s.seq) for s in self.summaries.values()]

    @classmethod
    def from_state(cls, rows: list, min_shared: int, min_similarity: float) -> "StorylineIndex":
        index = cls(min_shared, min_similarity)
        for row in rows:  # rows of four (story, salient, terms, storyline) are the older format
            story, salient, terms, storyline, *rest = row
            index.update(story, tuple(salient), tuple(terms), storyline, *rest)
        return index
