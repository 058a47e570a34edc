"""Term postings kept as flat arrays, so that retrieval reads them without a Python loop.

Candidate retrieval sums, for each of an article's heaviest terms, the weight of that term in
every active story's centroid. With the postings as dicts, each article copied ~10,000 entries
into Python lists before numpy could add them up; kept as ``array.array``s, the arrays of the
query terms are joined as bytes in C and read by numpy once. Each story is in a term's posting
at most once, so the order of entries within a posting changes no per-story sum: removal swaps
the last entry into the hole.

There is no slot -> position map: a story's position is found by ``array.index``, a scan in C
(a fraction of a microsecond over hundreds of entries), and the index knows when a story is
new to a posting, so most updates are plain appends. (A dict per term cost more memory than
the arrays and more time than the scan.)
"""

from __future__ import annotations

from array import array

import numpy as np

# From this many stories leaving a posting at once, one numpy filter beats a scan for each.
DROP_ALL_FROM = 8
# Postings shorter than this are searched by ``array.index``, longer ones by numpy (measured
# crossover ~250-500 entries).
SCAN_BELOW = 300


def position_of(slots: array, slot: int) -> int:
    """``slots.index(slot)`` (ValueError if absent) of an ``array("q")``."""
    if len(slots) < SCAN_BELOW:
        return slots.index(slot)
    # ``array.index`` boxes every entry it passes (~20 ns each): on the long postings of
    # common terms one numpy comparison is several times faster.
    found = np.frombuffer(slots, dtype=np.int64) == slot
    position = int(found.argmax())
    if not found[position]:
        raise ValueError(f"slot {slot} not in posting")
    return position


class Posting:
    """The stories (by slot) whose centroid has one term, with its weight in each."""

    __slots__ = ("slots", "weights")

    def __init__(self, slot: int, weight: float) -> None:
        """A posting of one story, the first to hold the term."""
        self.slots = array("q", (slot,))  # "q": 64-bit, read by numpy as int64
        self.weights = array("d", (weight,))

    def append(self, slot: int, weight: float) -> None:
        """Add a story known not to be in the posting yet."""
        self.slots.append(slot)
        self.weights.append(weight)

    def position(self, slot: int) -> int:
        """Where ``slot`` is in the posting (ValueError if absent)."""
        return position_of(self.slots, slot)

    def update(self, slot: int, weight: float) -> None:
        """Change the weight of a story known to be in the posting."""
        slots = self.slots  # the short path inline: this runs ~40 times an article
        self.weights[slots.index(slot) if len(slots) < SCAN_BELOW else position_of(slots, slot)] = weight

    def set(self, slot: int, weight: float) -> None:
        if slot in self.slots:
            self.update(slot, weight)
        else:
            self.append(slot, weight)

    def drop(self, slot: int) -> None:
        slots = self.slots
        try:
            position = slots.index(slot) if len(slots) < SCAN_BELOW else position_of(slots, slot)
        except ValueError:
            return
        moved = self.slots.pop()
        weight = self.weights.pop()
        if position < len(self.slots):  # the last entry fills the hole
            self.slots[position] = moved
            self.weights[position] = weight

    def drop_all(self, slots: list[int], leaving: np.ndarray | None = None) -> None:
        """``drop`` each of ``slots`` (stories leaving together, as a sweep evicts them): with
        many, one numpy pass over the posting instead of a scan for each. Entries keep no
        order that matters (see the module docstring), so either way gives the same sums.
        ``leaving``: when known, a boolean array over all slots, True at ``slots``."""
        if len(slots) < DROP_ALL_FROM:
            for slot in slots:
                self.drop(slot)
            return
        current = np.frombuffer(self.slots, dtype=np.int64)
        if leaving is None or not len(current) or len(leaving) <= current.max():
            keep = np.isin(current, slots, invert=True)
        else:
            keep = ~leaving[current]
        del current  # releases the array's buffer before it is replaced
        self.slots = array("q", np.frombuffer(self.slots, dtype=np.int64)[keep].tobytes())
        self.weights = array("d", np.frombuffer(self.weights, dtype=np.float64)[keep].tobytes())

    # A read-only mapping view, slot -> weight, for checks and tests.
    def __len__(self) -> int:
        return len(self.slots)

    def __contains__(self, slot: int) -> bool:
        return slot in self.slots

    def items(self) -> list[tuple[int, float]]:
        return list(zip(self.slots, self.weights))
