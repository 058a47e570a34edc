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

A rerun redoes only what the disagreement can have changed. ``clean`` asks every template
question before ``annotate`` asks the registry anything, so when the first disagreement is a
registry question the worker's cleaned text, dates and entity mentions (``find_mentions``: the
tagger, most of annotate's cost) all still hold; the driver then only links the worker's
mentions again and finds the quotes' speakers (``link_and_quote``). And a rerun that gives the
worker's article after all (a different answer that changed nothing this article shows) keeps
the worker's article object, so its clustering features are used too.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ..annotate.article import date_article, find_mentions, link_and_quote, link_mentions, with_entities
from ..annotate.entities import EntityRegistry
from ..annotate.entities.linking import Mention
from ..clean import CleanError, TemplateMemory, clean_document
from ..pipeline import content_hash, prepare
from ..records import Article, RawDocument

# (object, method, args, answer): object is "templates" or "registry"
Event = tuple[str, str, tuple, Any]


def is_question(method: str) -> bool:
    return method.startswith(("is_", "resolve"))


@dataclass
class Speculation:
    """What a worker computed for one document, with the state conversation it had."""
    article: Article | None
    error: str | None  # the pipeline's rejection reason when prepare failed
    log: list[Event]
    # The article's clustering features (``kabar.cluster.features``), computed on the worker
    # beside it; a rerun on the driver that changes the article leaves them None (the index
    # computes its own), one that gives the worker's article keeps them.
    features: Any = None
    # The article's entity mentions before linking (``find_mentions``), as plain value tuples
    # (every driver unpickles them, few use them): what a driver needs to redo only the
    # registry-dependent part when a registry answer was stale.
    mentions: tuple | None = None


def pack_mentions(mentions: tuple[Mention, ...]) -> tuple[tuple, ...]:
    # Shallow: a mention's fields are strings, numbers and (frozen) Canonicals.
    return tuple(tuple(getattr(mention, f.name) for f in fields(Mention)) for mention in mentions)


def unpack_mentions(packed: tuple[tuple, ...]) -> tuple[Mention, ...]:
    return tuple(Mention(*values) for values in packed)


@dataclass
class Confirmation:
    """What the driver made of a worker's speculation."""
    result: Speculation  # what the local pipeline would have produced
    rerun: str | None = None  # None: the worker's answers all held; "link" or "prepare": what was redone
    question: str | None = None  # the first question that disagreed, "registry.resolve_short"
    same_article: bool = True  # the result is the worker's article object (its features hold)


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
    """Run prepare on a worker against its local state, recording the conversation.

    ``prepare`` in its parts (the same calls, the registry asked in the same order), so the
    unlinked mentions can travel with the result."""
    log: list[Event] = []
    mentions = None
    try:
        cleaned = clean_document(doc, _Recorder("templates", templates, log))
        mentions = find_mentions(cleaned)
        linked = link_and_quote(date_article(cleaned), mentions, _Recorder("registry", registry, log))
        article = replace(linked, content_hash=content_hash(doc))
        return Speculation(article, None, log, mentions=pack_mentions(mentions))
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
            registry: EntityRegistry) -> Confirmation:
    """Replay the worker's log on the true state; redo prepare's part from the first disagreement.

    Returns the result the local pipeline would have produced, with what had to be redone.
    The true state ends exactly as after the local pipeline's prepare of this document.
    """
    state = {"templates": templates, "registry": registry}
    log = speculation.log
    for position, event in enumerate(log):
        name, method, _, answer = event
        if not is_question(method):
            _apply(state, event)
        elif _apply(state, event) != answer:
            prefix = log[:position]
            if _only_linking_differs(speculation, position):
                result, rerun = _relink(speculation, state, prefix), "link"
            else:
                result, rerun = _rerun(doc, state, prefix), "prepare"
            same = result.article is not None and result.article == speculation.article
            if same:  # the worker's object, so the features computed from it apply
                result = replace(result, article=speculation.article, features=speculation.features)
            return Confirmation(result, rerun, f"{name}.{method}", same)
    return Confirmation(speculation)


def _only_linking_differs(speculation: Speculation, position: int) -> bool:
    """Whether the disagreement at ``position`` leaves all but linking and quotes standing: a
    registry question, after every template question (so the cleaned text holds), on a worker
    article whose mentions came with it."""
    return (speculation.log[position][0] == "registry" and speculation.article is not None
            and speculation.mentions is not None
            and all(event[0] != "templates" for event in speculation.log[position:]))


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


def _relink(speculation: Speculation, state: dict[str, Any], prefix: list[Event]) -> Speculation:
    """Link the worker's mentions again against the true registry (the worker's cleaned text,
    dates and mentions stand); the registry part of ``prefix`` is answered from the log."""
    log = [event for event in prefix if event[0] == "templates"]
    registry_prefix = [event for event in prefix if event[0] == "registry"]
    registry = _Replaying("registry", state["registry"], registry_prefix, [0], log)
    try:
        article = speculation.article
        entities = link_mentions(unpack_mentions(speculation.mentions), registry)
        if entities != article.entities:
            # With the worker's entities the quotes are the worker's: found again only here.
            article = with_entities(article, entities)
        return Speculation(article, None, log, mentions=speculation.mentions)
    except Exception as error:  # noqa: BLE001
        return Speculation(None, rejection_reason(error), log)
