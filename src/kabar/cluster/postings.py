"""Term postings kept as flat arrays, so that retrieval reads them without a Python loop.

Candidate retrieval sums, for each of an article's heaviest terms, the weight of that term in
every active story's centroid. With the postings as dicts, each article copied ~10,000 entries
into Python lists before numpy could add them up; kept as ``array.array``s, the arrays of the
query terms are joined as bytes in C and read by numpy once. Each story is in a term's posting at most once, so the order of entries
within a posting changes no per-story sum: removal swaps the last entry into the hole.
"""

from __future__ import annotations

from array import array


class Posting:
    """The stories (by slot) whose centroid has one term, with its weight in each.

    Plain ``array.array``s: an update is a C-level item assignment (cheaper than a numpy
    scalar store), and numpy reads them through the buffer protocol without a copy.
    """

    __slots__ = ("slots", "weights", "where")

    def __init__(self, slot: int, weight: float) -> None:
        """A posting of one story, the first to hold the term."""
        self.slots = array("q", (slot,))
        self.weights = array("d", (weight,))
        self.where: dict[int, int] = {slot: 0}  # slot -> position in the arrays

    def set(self, slot: int, weight: float) -> None:
        position = self.where.get(slot)
        if position is None:
            self.where[slot] = len(self.slots)
            self.slots.append(slot)
            self.weights.append(weight)
        else:
            self.weights[position] = weight

    def drop(self, slot: int) -> None:
        position = self.where.pop(slot, None)
        if position is None:
            return
        moved = self.slots.pop()
        weight = self.weights.pop()
        if moved != slot:  # the last entry fills the hole
            self.slots[position] = moved
            self.weights[position] = weight
            self.where[moved] = position

    # A read-only mapping view, slot -> weight, for checks and tests.
    def __len__(self) -> int:
        return len(self.slots)

    def __contains__(self, slot: int) -> bool:
        return slot in self.where

    def items(self) -> list[tuple[int, float]]:
        return list(zip(self.slots, self.weights))
