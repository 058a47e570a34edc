"""The pipeline: the only place that knows the order of the stages.

read -> clean -> annotate -> cluster -> (store) -> brief. Documents are processed in batches;
each batch, with what it changed in the stages' state, is stored in one transaction, so an
interrupted ingest resumes exactly where the last stored batch ended.

The state is saved whole (a checkpoint) only every ``CHECKPOINT_ARTICLES`` articles: a batch
otherwise adds its changes to the entity registry and the outlet templates to a log, and the
story index needs nothing more than the batch's articles, stored with their stories. Loading
reads the checkpoints, applies the logged changes and replays the articles stored after the
index's checkpoint (``StoryIndex.replay``), which gives the state of one uninterrupted run.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .annotate.article import annotate
from .annotate.entities import EntityRegistry
from .brief import build_brief
from .clean import CleanError, TemplateMemory, clean_document
from .cluster import StoryIndex
from .cluster.features import ArticleFeatures
from .read import read_paths
from .records import Article, EntityMention, RawDocument, Rejected, Story
from .store import Store

BATCH_SIZE = 200
# Whole states are saved once this many articles were stored after the last checkpoint: the
# cost of saving the index (~10 MB at 100k articles) spread over them, against at most this
# many articles replayed when an ingest starts.
CHECKPOINT_ARTICLES = 2_000
# An ingest that ends with at least this many articles after the last checkpoint saves one:
# the next ingest (a new process: the next `kabar ingest` of the day) would otherwise replay
# them all on start (~4 ms an article against ~1 s for a checkpoint at 100k articles).
CLOSING_CHECKPOINT_ARTICLES = 500
_SPACE = re.compile(r"\s+")


NAMED_COPIES = 100


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0  # the same content was already stored (or twice in this input)
    near_duplicates: int = 0  # ingested, linked to an earlier article with duplicate_of
    rejected: list[Rejected] = field(default_factory=list)
    # Inputs skipped because their content is stored under another id (the first few, named:
    # a crawl that repeats a million articles under new ids must not hold a million lines).
    copies: list[Rejected] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)  # stories created or extended

    def note_copy(self, source: str, doc_id: str, stored_id: str) -> None:
        self.duplicates += 1
        if doc_id != stored_id and len(self.copies) < NAMED_COPIES:
            self.copies.append(Rejected(source, f"same content as article {stored_id!r}, not stored again"))

    def summary(self) -> str:
        return (f"ingested {self.ingested}, duplicates {self.duplicates}, "
                f"near-duplicates {self.near_duplicates}, rejected {len(self.rejected)}; "
                f"{len(self.stories)} stories updated")


def content_hash(doc: RawDocument) -> str:
    """Identity of an input's content, whatever its id: whitespace does not count."""
    content = doc.text if doc.text is not None else doc.html or ""
    normalized = _SPACE.sub(" ", content).strip()
    return hashlib.sha256(normalized.encode("utf-8", "replace")).hexdigest()


def prepare(doc: RawDocument, templates: TemplateMemory | None = None,
            registry: EntityRegistry | None = None) -> Article:
    """Clean and annotate one document: the per-article part, the same here and on Spark."""
    article = clean_document(doc, templates)
    article = annotate(article, registry)
    return replace(article, content_hash=content_hash(doc))


class Pipeline:
    """Ingests documents into a store, resuming from the state the store holds.

    The state (clusterer, entity registry, outlet templates) is loaded when an ingest starts,
    under the store's ingest lock, so two ingests into one database run one after the other.
    """

    def __init__(self, store: Store, batch_size: int = BATCH_SIZE, on_wait: Callable[[], None] | None = None,
                 checkpoint_articles: int | None = None, closing_checkpoint_articles: int | None = None):
        self.store = store
        self.batch_size = batch_size
        self.on_wait = on_wait
        self.checkpoint_articles = checkpoint_articles or CHECKPOINT_ARTICLES
        self.closing_checkpoint_articles = closing_checkpoint_articles or CLOSING_CHECKPOINT_ARTICLES
        # The store's state_mark when the state in memory was last the state stored: a
        # long-lived pipeline (the web server's) then skips reading and replaying it again.
        self._stored_mark: tuple | None = None
        self._in_use = threading.Lock()  # the state in memory is one ingest's at a time

    def load_state(self) -> None:
        """Read the stages' state from the store: call it holding the store's ingest lock."""
        self.templates = load_logged(self.store, "templates", TemplateMemory)
        self.registry = load_registry(self.store)
        self.index, self.since_checkpoint = load_index(self.store)
        self.templates.start_journal()
        self.registry.start_journal()

    def ingest_paths(self, paths: Iterable[str], fmt: str | None = None,
                     on_item: Callable[[str], None] | None = None) -> IngestReport:
        return self.ingest(read_paths(paths, fmt), on_item)

    def ingest(self, items: Iterable[RawDocument | Rejected],
               on_item: Callable[[str], None] | None = None) -> IngestReport:
        with self._in_use, self.store.ingest_lock(self.on_wait):
            if self._stored_mark is None or self._stored_mark != self.store.state_mark():
                self.load_state()
            # Until this ingest ends cleanly the state in memory may be ahead of the store
            # (a batch that failed to save): the next ingest then reads the stored one.
            self._stored_mark = None
            report = self._ingest_locked(items, on_item)
            self._stored_mark = self.store.state_mark()
        self.refresh_briefs()
        return report

    def _ingest_locked(self, items: Iterable[RawDocument | Rejected],
                       on_item: Callable[[str], None] | None) -> IngestReport:
        report = IngestReport()
        batch: list[RawDocument] = []
        for item in items:
            if isinstance(item, Rejected):
                report.rejected.append(item)
                if on_item:
                    on_item(item.source)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                self.ingest_batch(batch, report, on_item)
                batch = []
        if batch:
            self.ingest_batch(batch, report, on_item)
        if self.since_checkpoint >= self.closing_checkpoint_articles:
            self.store.save_batch([], {}, self._checkpoints())
        return report

    def ingest_batch(self, batch: list[RawDocument], report: IngestReport,
                     on_item: Callable[[str], None] | None = None,
                     prepare_document: Callable[[RawDocument], Article] | None = None,
                     features_of: Callable[[Article], ArticleFeatures | None] | None = None) -> None:
        """Prepare, cluster and store one batch (under the ingest lock, after ``load_state``).

        ``prepare_document`` replaces the local clean-and-annotate step (the Spark driver hands in
        the workers' results); it raises CleanError for a document that cannot be an article.
        ``features_of`` gives an article's clustering features when they were computed elsewhere
        (``kabar.cluster.features.article_features``; None: the index computes them).
        """
        prepare_document = prepare_document or (lambda doc: prepare(doc, self.templates, self.registry))
        hashes = [content_hash(doc) for doc in batch]
        stored_hashes = self.store.known_hashes(hashes)
        stored_ids = self.store.known_ids(doc.id for doc in batch)
        seen_hashes: dict[str, str] = {}
        seen_ids: set[str] = set()
        articles: list[Article] = []
        storylines: dict[str, str | None] = {}
        for doc, digest in zip(batch, hashes):
            if on_item:
                on_item(doc.source)
            if digest in stored_hashes or digest in seen_hashes:
                report.note_copy(doc.source, doc.id, stored_hashes.get(digest) or seen_hashes[digest])
                continue
            if doc.id in stored_ids or doc.id in seen_ids:
                report.rejected.append(Rejected(doc.source, f"id {doc.id!r} is already stored with other content"))
                continue
            try:
                article = prepare_document(doc)
            except CleanError as error:
                report.rejected.append(Rejected(doc.source, str(error)))
                continue
            except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
                report.rejected.append(Rejected(doc.source, f"could not process ({type(error).__name__}: {error})"))
                continue
            seen_hashes[digest] = doc.id
            seen_ids.add(doc.id)
            assignment = self.index.add(article, features_of(article) if features_of else None)
            article = replace(article, story=assignment.story, duplicate_of=assignment.duplicate_of,
                              storyline=assignment.storyline)
            storylines[assignment.story] = assignment.storyline
            articles.append(article)
            report.near_duplicates += assignment.duplicate_of is not None
        # Older stories that a story of this batch continues join its storyline now.
        storylines.update(self.index.pop_storyline_changes())
        report.stories |= self.store.save_batch(articles, storylines, *self._state_changes(len(articles)))
        report.ingested += len(articles)

    def _state_changes(self, stored: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """What to save with a batch of ``stored`` articles: (checkpoints, logged changes)."""
        self.since_checkpoint += stored
        templates, entities = self.templates.pop_journal(), self.registry.pop_journal()
        if self.since_checkpoint >= self.checkpoint_articles:
            return self._checkpoints(), {}
        logs = {"templates": templates, "entities": entities}
        return {}, {key: value for key, value in logs.items() if value is not None}

    def _checkpoints(self) -> dict[str, bytes]:
        """The whole state of the three stages, to save in place of their logged changes."""
        self.since_checkpoint = 0
        return {"templates": self.templates.dumps(), "entities": self.registry.dumps(),
                "stories": self.index.dumps()}

    def refresh_briefs(self) -> int:
        return refresh_briefs(self.store)


def refresh_briefs(store: Store, story_ids: Iterable[str] | None = None) -> int:
    """Rebuild the cached brief of every story that changed since its brief was built."""
    rebuilt = 0
    registry = None  # read once, and only when a brief needs building
    for story_id in story_ids if story_ids is not None else store.stale_stories():
        row = store.story_row(story_id)
        if row is None:
            continue
        registry = registry or load_registry(store)
        store.save_brief(build_story(store, story_id, row["storyline"], registry), row["last_seq"])
        rebuilt += 1
    return rebuilt


def build_story(store: Store, story_id: str, storyline: str | None, registry: EntityRegistry) -> Story:
    return brief_of(story_id, store.story_articles(story_id), storyline, registry)


def brief_of(story_id: str, articles: list[Article], storyline: str | None, registry: EntityRegistry) -> Story:
    """The brief of a story's stored articles, with the entity ids the registry knows now."""
    return build_brief(story_id, [current_entity_ids(a, registry) for a in articles], storyline)


def current_entity_ids(article: Article, registry: EntityRegistry) -> Article:
    """The article with the entity ids the registry knows now: a person first seen by one word
    ("per:lavrov") and named in full by a later article is one person in the brief."""
    def now(entity_id: str | None) -> str | None:
        return entity_id and registry.resolve_id(entity_id)

    if not any(now(e.id) != e.id for e in article.entities):
        return article
    merged: dict[str, EntityMention] = {}
    for entity in article.entities:
        entity_id = now(entity.id)
        known = registry.entities.get(entity_id)
        name = known.name if known and entity_id != entity.id else entity.name
        if entity_id in merged:
            first = merged[entity_id]
            mentions = first.mentions + tuple(m for m in entity.mentions if m not in first.mentions)
            merged[entity_id] = replace(first, mentions=mentions, count=first.count + entity.count,
                                        role=first.role or entity.role)
        else:
            merged[entity_id] = replace(entity, id=entity_id, name=name)
    quotes = []
    for quote in article.quotes:
        speaker_id = now(quote.speaker_id)
        speaker = merged[speaker_id].name if speaker_id in merged else quote.speaker
        quotes.append(replace(quote, speaker_id=speaker_id, speaker=speaker))
    return replace(article, entities=tuple(merged.values()), quotes=tuple(quotes))


def story_brief(store: Store, story_id: str) -> Story | None:
    """The story's brief, rebuilt first if its story changed since it was cached."""
    row = store.story_row(story_id)
    if row is None:
        return None
    if row["brief"] is not None and (row["brief_seq"] or 0) >= row["last_seq"]:
        return store.story(story_id)
    story = build_story(store, story_id, row["storyline"], load_registry(store))
    store.try_save_brief(story, row["last_seq"])
    return story


def load_logged(store: Store, key: str, kind):
    """A stage's state (``kind``: TemplateMemory or EntityRegistry): its checkpoint with the
    changes logged after it applied in order."""
    blob, _, log = store.load_state_log(key)
    state = kind() if blob is None else kind.loads(blob)
    for changes in log:
        state.apply_journal(changes)
    return state


def load_registry(store: Store) -> EntityRegistry:
    return load_logged(store, "entities", EntityRegistry)


def load_index(store: Store) -> tuple[StoryIndex, int]:
    """The story index after every stored article, and how many of them were replayed: its
    checkpoint, then the articles stored after it with their stored stories."""
    blob, article_seq, _ = store.load_state_log("stories")
    index = StoryIndex() if blob is None else StoryIndex.loads(blob)
    replayed = 0
    for article in store.iter_articles(after=article_seq or 0):
        index.replay(article, article.story, article.duplicate_of)
        replayed += 1
    index.pop_storyline_changes()  # stored with the batches that made them
    return index, replayed

