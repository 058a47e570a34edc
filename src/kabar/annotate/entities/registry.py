"""Corpus-wide knowledge of entities, kept between articles (and runs) by the store.

It remembers which full names and which short forms ("Putin", "BEI") were seen for each
canonical entity, so a later article that only says "Putin", or misspells "Valdimir Putin", is
linked to the same id. Persisted as JSON bytes with ``dumps``/``loads``; between two such
checkpoints the pipeline saves only the changes of each batch (``start_journal``/``pop_journal``,
replayed by ``apply_journal``), so saving costs what a batch changed, not the whole registry.

It remembers what was seen recently, not everything ever seen: an entity that no addition has
named for FORGET_AFTER additions is forgotten (~740 bytes an entity, one to two new entities an
article: kept for ever, the registry would grow with the archive). Forgetting is counted in
additions, not in days or articles, so that a registry rebuilt from a checkpoint and its
journals forgets exactly what the registry that wrote them forgot.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from kabar.annotate.entities.canonical import Canonical, lookup_key

# A short form is resolved only when one entity holds this share of its sightings.
DOMINANT_SHARE = 0.75
TYPO_SIMILARITY = 85
# Additions (an article makes a few) after which an entity not named again is forgotten, and
# additions between two sweeps for such entities.
FORGET_AFTER = 1_000_000
FORGET_EVERY = 50_000


class EntityRegistry:
    def __init__(self) -> None:
        self.entities: dict[str, Canonical] = {}
        self.short_forms: dict[str, Counter[str]] = defaultdict(Counter)  # key -> entity id counts
        self.by_last_token: dict[str, set[str]] = defaultdict(set)  # persons, for typo matching
        # A person first seen under one word ("per:lavrov") and later under a full name: the old
        # id points at the new one, so stories can show one person (see resolve_id).
        self.replaced_by: dict[str, str] = {}
        self.additions = 0  # the clock forgetting counts in
        self.last_seen: dict[str, int] = {}  # entity id -> the addition that last named it
        # The changes since the last pop_journal, as (method, id, name, type, short forms):
        # None (the default) records nothing, so a registry used outside the pipeline stays small.
        self._journal: list[list] | None = None

    def add(self, canonical: Canonical, short_forms: list[str] = ()) -> None:
        if self._journal is not None:
            self._journal.append(["add", canonical.id, canonical.name, canonical.type, list(short_forms)])
        self._add(canonical, short_forms)

    def _add(self, canonical: Canonical, short_forms: list[str] = ()) -> None:
        self.additions += 1
        self.last_seen[canonical.id] = self.additions
        self._remember(canonical, short_forms)
        if self.additions % FORGET_EVERY == 0:
            self.forget(self.additions - FORGET_AFTER)

    def _remember(self, canonical: Canonical, short_forms: list[str] = ()) -> None:
        self.entities.setdefault(canonical.id, canonical)
        for form in short_forms:
            self.short_forms[lookup_key(form)][canonical.id] += 1
        if canonical.type == "PER":
            self.by_last_token[lookup_key(canonical.name).split(" ")[-1]].add(canonical.id)

    def add_full_name(self, canonical: Canonical) -> None:
        """A person's full name: a one-word person id made of one of its words now points here."""
        if self._journal is not None:
            self._journal.append(["full", canonical.id, canonical.name, canonical.type, []])
        self._add(canonical, [canonical.name.split()[-1]])
        for word in lookup_key(canonical.name).split():
            single = "per:" + word
            if single != canonical.id and single in self.entities and single not in self.replaced_by:
                self.replaced_by[single] = canonical.id

    def resolve_id(self, entity_id: str) -> str:
        """The id an entity is now known under: itself, or the full name that replaced it."""
        seen = {entity_id}
        while entity_id in self.replaced_by and self.replaced_by[entity_id] not in seen:
            entity_id = self.replaced_by[entity_id]
            seen.add(entity_id)
        return entity_id

    def resolve_short(self, form: str) -> Canonical | None:
        counts = self.short_forms.get(lookup_key(form))
        if not counts:
            return None
        best, seen = counts.most_common(1)[0]
        if seen / sum(counts.values()) >= DOMINANT_SHARE:
            return self.entities.get(best)
        return None

    def resolve_person(self, name: str) -> Canonical | None:
        """A person already known under this name or a near spelling with the same surname."""
        key = lookup_key(name)
        candidates = self.by_last_token.get(key.split(" ")[-1], ())
        best, best_score = None, TYPO_SIMILARITY
        for entity_id in sorted(candidates):
            entity = self.entities[entity_id]
            score = fuzz.ratio(key, lookup_key(entity.name))
            if score >= best_score:
                best, best_score = entity, score
        return best

    def forget(self, oldest: int) -> int:
        """Forget the entities last named before addition ``oldest``, with their short forms and
        the replacements naming them; returns how many were forgotten."""
        stale = {entity_id for entity_id, seen in self.last_seen.items() if seen < oldest}
        if not stale:
            return 0
        for entity_id in stale:
            del self.last_seen[entity_id]
            canonical = self.entities.pop(entity_id, None)
            if canonical is not None and canonical.type == "PER":
                last = lookup_key(canonical.name).split(" ")[-1]
                holders = self.by_last_token.get(last)
                if holders is not None:
                    holders.discard(entity_id)
                    if not holders:
                        del self.by_last_token[last]
        for key in [k for k, counts in self.short_forms.items() if not stale.isdisjoint(counts)]:
            counts = self.short_forms[key]
            for entity_id in stale.intersection(counts):
                del counts[entity_id]
            if not counts:
                del self.short_forms[key]
        for old in [k for k, new in self.replaced_by.items() if k in stale or new in stale]:
            del self.replaced_by[old]
        return len(stale)

    def start_journal(self) -> None:
        """Record every change from now on, for ``pop_journal``."""
        self._journal = []

    def pop_journal(self) -> bytes | None:
        """The changes recorded since the last call (None when there were none), as bytes that
        ``apply_journal`` replays onto the registry they were made on, in the same order."""
        if not self._journal:
            return None
        changes, self._journal = self._journal, []
        return json.dumps(changes, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def apply_journal(self, blob: bytes) -> None:
        recording, self._journal = self._journal, None  # replayed changes are not new changes
        try:
            for method, entity_id, name, entity_type, short_forms in json.loads(blob.decode("utf-8")):
                canonical = Canonical(entity_id, name, entity_type)
                if method == "full":
                    self.add_full_name(canonical)
                else:
                    self.add(canonical, short_forms)
        finally:
            self._journal = recording

    def dumps(self) -> bytes:
        ordered = sorted(self.entities.items())
        return json.dumps({
            "entities": {i: [c.name, c.type] for i, c in ordered},
            "short_forms": {k: dict(v) for k, v in sorted(self.short_forms.items())},
            "replaced_by": dict(sorted(self.replaced_by.items())),
            "additions": self.additions,
            "last_seen": [self.last_seen.get(i, self.additions) for i, _ in ordered],  # in entities' order
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def loads(cls, blob: bytes) -> "EntityRegistry":
        data = json.loads(blob.decode("utf-8")) if blob else {}
        registry = cls()
        for entity_id, (name, entity_type) in data.get("entities", {}).items():
            registry._remember(Canonical(entity_id, name, entity_type))
        for key, counts in data.get("short_forms", {}).items():
            registry.short_forms[key].update(counts)
        registry.replaced_by.update(data.get("replaced_by", {}))
        # A registry saved before forgetting existed: every entity counts as named at its end.
        registry.additions = data.get("additions", 0)
        last_seen = data.get("last_seen") or [registry.additions] * len(registry.entities)
        registry.last_seen = dict(zip(data.get("entities", {}), last_seen))
        return registry

    def __len__(self) -> int:
        return len(self.entities)
