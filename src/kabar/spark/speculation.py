"""Exact parallel ``prepare``: run it speculatively on workers, check it sequentially on the driver.

``prepare`` (clean + annotate) is per article but not stateless: the outlet template memory and
the entity registry learn from every article before, so article n's result depends on articles
0..n-1. Workers cannot know that state, so each runs ``prepare`` on its contiguous slice of the
input with the state as of the job's start plus its own slice, and records every question the
article asked of the state (``is_template``, ``resolve_short``, ``resolve_person``) with the
answer, and every change it made (``observe``, ``add``).

The driver then walks the articles in input order holding the true state: it asks the recorded
questions again and applies the recorded changes. ``prepare`` is deterministic given the document
and those answers, so when every answer agrees the worker's article is exactly what the local
pipeline would have computed. At the first disagreement the driver runs ``prepare`` itself; the
part of the log already applied is answered from the log during that rerun (the rerun takes the
same path up to there), so no change is applied twice. Output is identical to ``kabar ingest``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..annotate.entities import EntityRegistry
from ..clean import CleanError, TemplateMemory
from ..pipeline import prepare
from ..records import Article, RawDocument

# (object, method, args, answer): object is "templates" or "registry"
Event = tuple[str, str, tuple, Any]


def _is_question(method: str) -> bool:
    return method.startswith(("is_", "resolve"))


@dataclass
class Speculation:
    """What a worker computed for one document, with the state conversation it had."""
    article: Article | None
    error: str | None  # the pipeline's rejection reason when prepare failed
    log: list[Event]
    # The article's clustering features (``kabar.cluster.features``), computed on the worker
    # beside it; a rerun on the driver leaves them None and the index computes its own.
    features: Any = None


class _Recorder:
    def __init__(self, name: str, target: Any, log: list[Event]):
        self._name, self._target, self._log = name, target, log

    def _call(self, method: str, *args: Any) -> Any:
        answer = getattr(self._target, method)(*args)
        self._log.append((self._name, method, _frozen(args), answer))
        return answer

    def __getattr__(self, method: str):
        # Every method the stages call on the state is logged, including ones added later
        # (a question is a read-only ``is_*``/``resolve*`` call; anything else is a change).
        if method.startswith("_"):
            raise AttributeError(method)
        return lambda *args: self._call(method, *args)


def _frozen(args: tuple) -> tuple:
    return tuple(tuple(a) if isinstance(a, list) else a for a in args)


def speculate(doc: RawDocument, templates: TemplateMemory, registry: EntityRegistry) -> Speculation:
    """Run prepare on a worker against its local state, recording the conversation."""
    log: list[Event] = []
    try:
        article = prepare(doc, _Recorder("templates", templates, log), _Recorder("registry", registry, log))
        return Speculation(article, None, log)
    except Exception as error:  # noqa: BLE001 - the same rejections as Pipeline.ingest_batch
        return Speculation(None, rejection_reason(error), log)


def rejection_reason(error: Exception) -> str:
    if isinstance(error, CleanError):
        return str(error)
    return f"could not process ({type(error).__name__}: {error})"


def _apply(state: dict[str, Any], event: Event) -> Any:
    name, method, args, _ = event
    target = state[name]
    return getattr(target, method)(*args)


def confirm(speculation: Speculation, doc: RawDocument, templates: TemplateMemory,
            registry: EntityRegistry) -> tuple[Speculation, bool]:
    """Replay the worker's log on the true state; rerun prepare from the first disagreement.

    Returns the result the local pipeline would have produced, and whether the worker's was it.
    The true state ends exactly as after the local pipeline's prepare of this document.
    """
    state = {"templates": templates, "registry": registry}
    for position, event in enumerate(speculation.log):
        name, method, _, answer = event
        if _is_question(method):
            if _apply(state, event) != answer:
                return _rerun(doc, state, speculation.log[:position]), False
        else:
            _apply(state, event)
    return speculation, True


class _Replaying(_Recorder):
    """During a rerun, answers the already-applied prefix of the log from the log."""

    def __init__(self, name: str, target: Any, prefix: list[Event], cursor: list[int], log: list[Event]):
        super().__init__(name, target, log)
        self._prefix, self._cursor = prefix, cursor

    def _call(self, method: str, *args: Any) -> Any:
        position = self._cursor[0]
        self._cursor[0] += 1
        if position < len(self._prefix):
            name, recorded_method, recorded_args, answer = self._prefix[position]
            if (name, recorded_method, recorded_args) != (self._name, method, _frozen(args)):
                raise RuntimeError("prepare is not deterministic: a rerun asked the state something else")
            self._log.append(self._prefix[position])
            return answer
        return super()._call(method, *args)


def _rerun(doc: RawDocument, state: dict[str, Any], prefix: list[Event]) -> Speculation:
    cursor, log = [0], []
    templates = _Replaying("templates", state["templates"], prefix, cursor, log)
    registry = _Replaying("registry", state["registry"], prefix, cursor, log)
    try:
        return Speculation(prepare(doc, templates, registry), None, log)
    except Exception as error:  # noqa: BLE001
        return Speculation(None, rejection_reason(error), log)
