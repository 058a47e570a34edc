"""The pipeline: stop and resume gives the same stories as one run; briefs follow their stories."""

from __future__ import annotations

import json
import pickle
import sqlite3
import time
import zlib
from pathlib import Path

from kabar.clean import TemplateMemory
from kabar.pipeline import Pipeline, content_hash, load_index, load_logged, load_registry, story_brief
from kabar.read import format_of
from kabar.records import RawDocument
from kabar.store import Store

from .conftest import EXAMPLES


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and format_of(p))


def _stories(store: Store) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {a.id: (a.story, a.storyline, a.duplicate_of) for a in store.iter_articles()}


def _one_run(tmp_path: Path, files: list[Path], batch_size: int) -> Store:
    """The files ingested by one uninterrupted run: what resumed runs must end with."""
    whole = Store(f"sqlite:///{tmp_path / 'whole.db'}")
    Pipeline(whole, batch_size=batch_size).ingest_paths(files)
    return whole


def test_resume_equals_one_run(tmp_path: Path):
    files = _files()
    whole = _one_run(tmp_path, files, batch_size=7)

    parts = Store(f"sqlite:///{tmp_path / 'parts.db'}")
    half = len(files) // 2
    Pipeline(parts, batch_size=7).ingest_paths(files[:half])
    resumed = Store(f"sqlite:///{tmp_path / 'parts.db'}")  # a new process would start like this
    Pipeline(resumed, batch_size=7).ingest_paths(files)  # the first half again: all no-ops

    assert _stories(resumed) == _stories(whole)
    assert resumed.counts() == whole.counts()


def _decoded(blob: bytes):
    try:
        blob = zlib.decompress(blob)
    except zlib.error:
        pass
    return json.loads(blob) if blob[:1] in (b"{", b"[") else pickle.loads(blob)


def test_checkpoint_log_and_replay_load_the_state_an_ingest_ended_with(tmp_path: Path):
    """Whole states are saved every few articles only: loading (checkpoint, logged changes,
    the stored articles after the index's checkpoint replayed) gives the live state back."""
    store = Store(f"sqlite:///{tmp_path / 'kabar.db'}")
    pipeline = Pipeline(store, batch_size=3, checkpoint_articles=10)
    report = pipeline.ingest_paths(_files())
    assert report.ingested > 30
    blob, article_seq, log = store.load_state_log("stories")
    stored = list(store.iter_articles())
    assert blob is not None and 0 < len(list(store.iter_articles(after=article_seq))) < 10
    assert store.load_state_log("entities")[2] or store.load_state_log("templates")[2], "changes since the checkpoint are logged"
    index, replayed = load_index(store)
    assert replayed == len(list(store.iter_articles(after=article_seq))) and replayed < len(stored)
    assert _decoded(index.dumps()) == _decoded(pipeline.index.dumps())
    assert _decoded(load_registry(store).dumps()) == _decoded(pipeline.registry.dumps())
    assert _decoded(load_logged(store, "templates", TemplateMemory).dumps()) == _decoded(pipeline.templates.dumps())


def test_an_ingest_that_ends_far_from_its_last_checkpoint_saves_one(tmp_path: Path):
    """The next ingest then loads the state without replaying this one's articles."""
    store = Store(f"sqlite:///{tmp_path / 'kabar.db'}")
    pipeline = Pipeline(store, batch_size=4, checkpoint_articles=1_000, closing_checkpoint_articles=5)
    assert pipeline.ingest_paths(_files()).ingested > 5
    assert store.load_state_log("entities")[2] == [] and store.load_state_log("templates")[2] == []
    index, replayed = load_index(store)
    assert replayed == 0
    assert _decoded(index.dumps()) == _decoded(pipeline.index.dumps())

    tail = Store(f"sqlite:///{tmp_path / 'tail.db'}")  # too few articles for a closing checkpoint
    Pipeline(tail, batch_size=4, checkpoint_articles=1_000, closing_checkpoint_articles=1_000).ingest_paths(_files())
    assert load_index(tail)[1] == len(list(tail.iter_articles()))


def test_resume_after_checkpoints_equals_one_run(tmp_path: Path):
    files = _files()
    whole = _one_run(tmp_path, files, batch_size=4)
    parts = Store(f"sqlite:///{tmp_path / 'parts.db'}")
    third = len(files) // 3
    for end in (third, 2 * third, len(files)):  # each run loads a checkpoint and replays a tail
        Pipeline(Store(parts.url), batch_size=4, checkpoint_articles=9).ingest_paths(files[:end])
    assert _stories(parts) == _stories(whole)


class _CountingLoads(Pipeline):
    """A pipeline that counts how often it reads its state from the store."""

    loads = 0

    def load_state(self) -> None:
        self.loads += 1
        super().load_state()


def test_a_long_lived_pipeline_reads_the_state_again_only_after_another_writer(tmp_path: Path):
    files = _files()
    whole = _one_run(tmp_path, files, batch_size=4)

    shared = Store(f"sqlite:///{tmp_path / 'shared.db'}")
    server = _CountingLoads(shared, batch_size=4, checkpoint_articles=9)  # the web server's
    quarter = len(files) // 4
    server.ingest_paths(files[:quarter])
    server.ingest_paths(files[quarter:2 * quarter])
    assert server.loads == 1, "no other writer: the state in memory is the stored state"
    Pipeline(Store(shared.url), batch_size=4).ingest_paths(files[2 * quarter:3 * quarter])
    server.ingest_paths(files[3 * quarter:])
    assert server.loads == 2, "another process stored articles: the state is read again"
    assert _stories(shared) == _stories(whole)


def test_briefs_are_rebuilt_when_a_story_grows(tmp_path: Path):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    Pipeline(store).ingest_paths(_files())
    assert store.stale_stories() == []
    story_id = store.list_stories(limit=1, sort="size").items[0]["id"]
    before = story_brief(store, story_id)
    first = store.story_articles(story_id)[0]
    copy = RawDocument(id="late-copy", source="test", text=first.title + "\n" + "\n".join(first.body) +
                       "\nPembaruan: petugas menambah dua posko lagi pada malam harinya.", outlet="Kabar Susulan",
                       published=first.published)
    report = Pipeline(store).ingest([copy])
    assert report.ingested == 1
    joined = store.article("late-copy")
    assert joined.story == story_id and joined.duplicate_of == first.id
    after = story_brief(store, story_id)
    assert "late-copy" in after.articles and "late-copy" not in before.articles


def test_a_brief_is_answered_while_an_ingest_holds_the_write_lock(tmp_path: Path):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    Pipeline(store).ingest_paths(_files())
    story_id = store.list_stories(limit=1, sort="size").items[0]["id"]
    cached = store.story(story_id)
    with sqlite3.connect(tmp_path / "k.db") as writer:
        writer.execute("UPDATE stories SET brief = NULL WHERE id = ?", (story_id,))
        writer.commit()
        writer.execute("BEGIN IMMEDIATE")  # what an ingest's batch transaction holds
        started = time.monotonic()
        story = story_brief(store, story_id)
        waited = time.monotonic() - started
        writer.rollback()
    assert story is not None and story.articles == cached.articles and story.summary == cached.summary
    assert waited < 10, "the reader queued behind the writer (busy timeout 60 s)"
    assert store.story(story_id) is None  # not cached while the lock was held ...
    story_brief(store, story_id)
    assert store.story(story_id) == cached  # ... and cached by the next reader


def test_content_hash_ignores_whitespace_and_id():
    a = RawDocument(id="a", source="x", text="Satu  dua\n\ntiga")
    b = RawDocument(id="b", source="y", text="Satu dua tiga ")
    assert content_hash(a) == content_hash(b)


def test_a_person_first_seen_by_one_word_is_one_person_in_the_brief(tmp_path: Path):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    first = RawDocument(id="satu", source="t", outlet="Warta", published="2025-03-03", text=(
        "Kunjungan ke Ankara Bahas Laut Hitam\nANKARA - Lavrov tiba di Ankara pada Senin untuk membahas gencatan senjata "
        "di Laut Hitam bersama pejabat Turki.\n\"Kami datang dengan usulan yang jelas,\" kata Lavrov kepada wartawan."))
    second = RawDocument(id="dua", source="t", outlet="Kabar", published="2025-03-03", text=(
        "Menlu Rusia Sergei Lavrov Bahas Gencatan Senjata Laut Hitam di Ankara\nANKARA - Menteri Luar Negeri "
        "Rusia Sergei Lavrov tiba di Ankara pada Senin untuk membahas gencatan senjata di Laut Hitam bersama "
        "pejabat Turki.\n\"Usulan kami jelas dan adil,\" ujar Sergei Lavrov."))
    Pipeline(store).ingest([first, second])
    one, two = store.article("satu"), store.article("dua")
    assert one.story == two.story
    story = story_brief(store, one.story)
    speakers = {q.speaker_id for q in story.quotes}
    assert speakers == {"per:sergei-lavrov"}, story.quotes
