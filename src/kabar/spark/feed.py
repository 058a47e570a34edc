"""The driver's confirmed state, sent to the workers by change rather than whole.

Each slice is speculated against the state the driver has confirmed when the slice goes out
(templates, entity registry). Sending that state whole with every slice costs the driver a
``dumps()`` per slice, a cost that grows with the archive (the registry holds every entity seen).
Instead a whole checkpoint is broadcast once and each slice carries only the state changes the
driver confirmed since: the changes are the non-question events of each confirmed article's state
conversation (``speculation.Event``), the very calls that changed the driver's state, so a worker
that loads the checkpoint and makes the same calls in the same order holds the driver's state.

A new checkpoint is broadcast when the changes since the last one grow past ``rebase_events``, so
what a slice carries stays bounded too. Whatever a worker gets, the driver confirms every answer
against its own state: this decides only how often a worker's answer is stale, never the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..annotate.entities import EntityRegistry
from ..clean import TemplateMemory
from .speculation import Event, is_question

# A CLICK-ID article makes a few changes: a slice then carries at most ~20k small tuples (tens of
# ms to pickle), and a checkpoint (a registry dump, which grows with the archive: ~1 MB at 10k
# articles) is re-sent every few thousand articles.
REBASE_EVENTS = 20_000


@dataclass
class SliceState:
    """What a worker is sent to rebuild the driver's confirmed state: a checkpoint (its blobs
    directly, or a Spark broadcast of them) and the changes made after it, in order."""
    checkpoint: Any  # {"templates": bytes | None, "entities": bytes | None}, or a broadcast of it
    changes: list[tuple[str, str, tuple]] = field(default_factory=list)  # (object, method, args)

    def rebuild(self) -> tuple[TemplateMemory, EntityRegistry]:
        blobs = getattr(self.checkpoint, "value", self.checkpoint)
        templates = TemplateMemory() if blobs.get("templates") is None else TemplateMemory.loads(blobs["templates"])
        registry = EntityRegistry() if blobs.get("entities") is None else EntityRegistry.loads(blobs["entities"])
        state = {"templates": templates, "registry": registry}
        for name, method, args in self.changes:
            getattr(state[name], method)(*args)
        return templates, registry


class StateFeed:
    """On the driver: the checkpoint it broadcast last and the changes it confirmed since."""

    def __init__(self, sc, templates: TemplateMemory, registry: EntityRegistry,
                 rebase_events: int = REBASE_EVENTS):
        self._sc, self._templates, self._registry = sc, templates, registry
        self.rebase_events = rebase_events
        self._changes: list[tuple[str, str, tuple]] = []
        self._broadcasts: list[Any] = []
        self.checkpoints = 0  # how many were sent
        self._checkpoint = self._broadcast()

    def record(self, log: list[Event]) -> None:
        """The state conversation of an article the driver confirmed (after it changed the state)."""
        self._changes.extend(event[:3] for event in log if not is_question(event[1]))

    def snapshot(self) -> SliceState:
        """What the next slice carries: the state as confirmed now."""
        if len(self._changes) > self.rebase_events:
            self._changes = []
            self._checkpoint = self._broadcast()
        return SliceState(self._checkpoint, self._changes[:])

    def close(self) -> None:
        for broadcast in self._broadcasts:
            broadcast.unpersist()

    def _broadcast(self):
        blobs = {"templates": self._templates.dumps(), "entities": self._registry.dumps()}
        self.checkpoints += 1
        if self._sc is None:  # no cluster (tests): the blobs travel themselves
            return blobs
        broadcast = self._sc.broadcast(blobs)
        self._broadcasts.append(broadcast)
        return broadcast
