"""The driver's confirmed state, sent to the workers by change rather than whole.

Each slice is speculated against the state the driver has confirmed when the slice goes out
(templates, entity registry). Sending that state whole with every slice costs the driver a
``dumps()`` per slice, a cost that grows with the archive (the registry holds every entity seen).
Instead a whole checkpoint is broadcast once and each slice carries only the state changes the
driver confirmed since: the changes are the non-question events of each confirmed article's state
conversation (``speculation.Event``), the very calls that changed the driver's state, so a worker
that loads the checkpoint and makes the same calls in the same order holds the driver's state.

The changes go out as one Spark broadcast a slice (those confirmed since the slice before), so
sending a slice costs the driver what changed since the last slice, not all changes since the
checkpoint, and a worker process fetches and unpickles each chunk once, not once a slice. A new
checkpoint is broadcast when the changes since the last one grow past ``rebase_events``, so what
a slice carries (and a worker replays) stays bounded too. Whatever a
worker gets, the driver confirms every answer against its own state: this decides only how often
a worker's answer is stale, never the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..annotate.entities import EntityRegistry
from ..clean import TemplateMemory
from .speculation import Event, is_question

# A CLICK-ID article makes ~3.5 changes: a checkpoint (a registry dump, which grows with the
# archive: ~1 MB at 10k articles) is then re-sent every ~14k articles, and a slice carries at
# most a few MB of pickled changes, which a worker replays in a few tens of ms.
REBASE_EVENTS = 50_000


@dataclass
class SliceState:
    """What a worker is sent to rebuild the driver's confirmed state: a checkpoint (its blobs
    directly, or a Spark broadcast of them) and the changes made after it, in order."""
    checkpoint: Any  # {"templates": bytes | None, "entities": bytes | None}, or a broadcast of it
    # The changes since, in order: lists of (object, method, args), one a slice sent before, each
    # as a broadcast of it (or the list itself without a cluster).
    changes: tuple[Any, ...] = ()

    def events(self) -> Iterator[tuple[str, str, tuple]]:
        for chunk in self.changes:
            yield from getattr(chunk, "value", chunk)

    def rebuild(self) -> tuple[TemplateMemory, EntityRegistry]:
        blobs = getattr(self.checkpoint, "value", self.checkpoint)
        templates = TemplateMemory() if blobs.get("templates") is None else TemplateMemory.loads(blobs["templates"])
        registry = EntityRegistry() if blobs.get("entities") is None else EntityRegistry.loads(blobs["entities"])
        state = {"templates": templates, "registry": registry}
        for name, method, args in self.events():
            getattr(state[name], method)(*args)
        return templates, registry


class StateFeed:
    """On the driver: the checkpoint it broadcast last and the changes it confirmed since."""

    def __init__(self, sc, templates: TemplateMemory, registry: EntityRegistry,
                 rebase_events: int = REBASE_EVENTS):
        self._sc, self._templates, self._registry = sc, templates, registry
        self.rebase_events = rebase_events
        self._recorded: list[tuple[str, str, tuple]] = []  # since the last slice was sent
        self._chunks: list[Any] = []  # since the checkpoint, as sent
        self._since_checkpoint = 0  # changes
        self._broadcasts: list[Any] = []
        self.checkpoints = 0  # how many were sent
        self.changes = 0  # how many changes were recorded in all
        self._checkpoint = self._broadcast()

    def record(self, log: list[Event]) -> None:
        """The state conversation of an article the driver confirmed (after it changed the state)."""
        self._recorded.extend(event[:3] for event in log if not is_question(event[1]))

    def snapshot(self) -> SliceState:
        """What the next slice carries: the state as confirmed now."""
        self._since_checkpoint += len(self._recorded)
        self.changes += len(self._recorded)
        if self._since_checkpoint > self.rebase_events:
            self._chunks, self._since_checkpoint = [], 0
            self._checkpoint = self._broadcast()
        elif self._recorded:
            self._chunks.append(self._share(self._recorded))
        self._recorded = []
        return SliceState(self._checkpoint, tuple(self._chunks))

    def close(self) -> None:
        for broadcast in self._broadcasts:
            broadcast.unpersist()

    def _broadcast(self):
        self.checkpoints += 1
        return self._share({"templates": self._templates.dumps(), "entities": self._registry.dumps()})

    def _share(self, value: Any) -> Any:
        if self._sc is None:  # no cluster (tests): the value travels itself
            return value
        broadcast = self._sc.broadcast(value)
        self._broadcasts.append(broadcast)
        return broadcast
