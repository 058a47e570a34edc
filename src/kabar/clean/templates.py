"""Per-outlet memory of recurring lines: what an outlet prints around every article is template.

One article alone cannot tell a site's fixed "Tonton juga" widget from a body line; many
articles of the same outlet can. The memory counts, per outlet, in how many documents each
(normalised) line appeared. Only short, non-sentence lines are ever judged template from the
counts, because outlets legitimately repeat whole background paragraphs across the articles of
a running story, and those are body.

Persisted whole with ``dumps``/``loads``; between two such checkpoints the pipeline saves only
each batch's observations (``start_journal``/``pop_journal``, replayed by ``apply_journal``).
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections import Counter

NORMALISE = re.compile(r"\W+")
MIN_DOCUMENTS = 3  # a line seen in this many documents of one outlet ...
MIN_SHARE = 0.2  # ... and in at least this share of them is template
MAX_TEMPLATE_WORDS = 12
MAX_LINES_PER_OUTLET = 50_000  # memory bound: the rarest lines are forgotten first
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")


def _key(text: str) -> str:
    norm = NORMALISE.sub(" ", text.lower()).strip()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


class TemplateMemory:
    def __init__(self) -> None:
        self._lines: dict[str, Counter[str]] = {}
        self._documents: Counter[str] = Counter()
        # Observations since the last pop_journal, as [outlet, line keys]; None records nothing.
        self._journal: list[list] | None = None

    def observe(self, outlet: str | None, lines: list[str]) -> None:
        """Count one document's lines for its outlet (each distinct line once)."""
        if not outlet:
            return
        # Only lines short enough to ever be judged template are worth remembering.
        keys = list({_key(t) for t in lines if t.strip() and len(t.split()) <= MAX_TEMPLATE_WORDS})
        if self._journal is not None:
            self._journal.append([outlet, keys])
        self._count(outlet, keys)

    def _count(self, outlet: str, keys: list[str]) -> None:
        # The keys in the order they were first counted: the forgetting below breaks ties by it.
        counts = self._lines.setdefault(outlet, Counter())
        self._documents[outlet] += 1
        for key in keys:
            counts[key] += 1
        if len(counts) > MAX_LINES_PER_OUTLET:
            for key, _ in counts.most_common()[MAX_LINES_PER_OUTLET // 2:]:
                del counts[key]

    def is_template(self, outlet: str | None, text: str) -> bool:
        """True when this short line recurs across the outlet's documents seen so far."""
        if not outlet or outlet not in self._lines:
            return False
        words = len(text.split())
        if words > MAX_TEMPLATE_WORDS or (words > 5 and SENTENCE_END.search(text)):
            return False
        seen = self._lines[outlet].get(_key(text), 0)
        return seen >= MIN_DOCUMENTS and seen >= MIN_SHARE * self._documents[outlet]

    def documents(self, outlet: str) -> int:
        return self._documents.get(outlet, 0)

    def start_journal(self) -> None:
        """Record every observation from now on, for ``pop_journal``."""
        self._journal = []

    def pop_journal(self) -> bytes | None:
        """The observations since the last call (None when there were none), compressed."""
        if not self._journal:
            return None
        observed, self._journal = self._journal, []
        return zlib.compress(json.dumps(observed, separators=(",", ":")).encode("utf-8"))

    def apply_journal(self, blob: bytes) -> None:
        for outlet, keys in json.loads(zlib.decompress(blob).decode("utf-8")):
            self._count(outlet, keys)

    def dumps(self) -> bytes:
        state = {"documents": dict(self._documents), "lines": {o: dict(c) for o, c in self._lines.items()}}
        return zlib.compress(json.dumps(state, separators=(",", ":")).encode("utf-8"))

    @classmethod
    def loads(cls, blob: bytes) -> "TemplateMemory":
        state = json.loads(zlib.decompress(blob).decode("utf-8"))
        memory = cls()
        memory._documents = Counter(state.get("documents", {}))
        memory._lines = {o: Counter(c) for o, c in state.get("lines", {}).items()}
        return memory
