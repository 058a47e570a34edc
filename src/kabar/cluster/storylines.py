"""Storylines: stories that continue one situation over months, linked without a time window.

Every story leaves a small summary (its salient entities and top terms); an inverted index from
entity to the stories naming it finds older stories of the same actors however long ago they
were, and term similarity decides whether they continue the same situation.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

SALIENT = 6
SUMMARY_TERMS = 20
# Stories naming an entity beyond this many are not worth scanning for it (a country,
# the president): such an entity says little about which situation a story continues.
MAX_POSTING = 500


def storyline_id(first_story: str) -> str:
    return "l" + hashlib.sha1(first_story.encode("utf-8")).hexdigest()[:12]


@dataclass
class Summary:
    story: str
    salient: tuple[str, ...]
    terms: tuple[str, ...]
    storyline: str | None = None


class StorylineIndex:
    def __init__(self, min_shared: int, min_similarity: float) -> None:
        self.min_shared = min_shared
        self.min_similarity = min_similarity
        self.summaries: dict[str, Summary] = {}
        self.by_entity: dict[str, dict[str, None]] = {}  # insertion-ordered sets: O(1) removal

    def link(self, story: str, salient: tuple[str, ...], terms: tuple[str, ...]) -> tuple[str | None, str | None]:
        """Find the older story this one continues: returns (storyline id, older story id)."""
        shared: dict[str, int] = {}
        for ent in salient:
            posting = self.by_entity.get(ent, ())
            if len(posting) > MAX_POSTING:
                continue
            for other in posting:
                if other != story:
                    shared[other] = shared.get(other, 0) + 1
        best, best_score = None, 0.0
        term_set = set(terms)
        for other, count in sorted(shared.items()):
            if count < self.min_shared:
                continue
            summ = self.summaries[other]
            overlap = len(term_set & set(summ.terms))
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

    def update(self, story: str, salient: tuple[str, ...], terms: tuple[str, ...], storyline: str | None) -> None:
        old = self.summaries.get(story)
        if old is not None:
            for ent in old.salient:
                if ent not in salient:
                    posting = self.by_entity.get(ent)
                    if posting is not None:
                        posting.pop(story, None)
        for ent in salient:
            self.by_entity.setdefault(ent, {})[story] = None
        self.summaries[story] = Summary(story, salient, terms, storyline)

    def storyline_of(self, story: str) -> str | None:
        summ = self.summaries.get(story)
        return summ.storyline if summ else None

    def state(self) -> list:
        return [(s.story, s.salient, s.terms, s.storyline) for s in self.summaries.values()]

    @classmethod
    def from_state(cls, rows: list, min_shared: int, min_similarity: float) -> "StorylineIndex":
        index = cls(min_shared, min_similarity)
        for story, salient, terms, storyline in rows:
            index.update(story, tuple(salient), tuple(terms), storyline)
        return index
