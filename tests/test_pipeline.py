"""The pipeline: stop and resume gives the same stories as one run; briefs follow their stories."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from kabar.pipeline import Pipeline, content_hash, story_brief
from kabar.read import format_of
from kabar.records import RawDocument
from kabar.store import Store

from .conftest import EXAMPLES


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and format_of(p))


def _stories(store: Store) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {a.id: (a.story, a.storyline, a.duplicate_of) for a in store.iter_articles()}


def test_resume_equals_one_run(tmp_path: Path):
    files = _files()
    whole = Store(f"sqlite:///{tmp_path / 'whole.db'}")
    Pipeline(whole, batch_size=7).ingest_paths(files)

    parts = Store(f"sqlite:///{tmp_path / 'parts.db'}")
    half = len(files) // 2
    Pipeline(parts, batch_size=7).ingest_paths(files[:half])
    resumed = Store(f"sqlite:///{tmp_path / 'parts.db'}")  # a new process would start like this
    Pipeline(resumed, batch_size=7).ingest_paths(files)  # the first half again: all no-ops

    assert _stories(resumed) == _stories(whole)
    assert resumed.counts() == whole.counts()


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
