"""The batched brief path the Spark driver uses: ``stories_with_articles`` reads what
``story_row`` and ``story_articles`` read one story at a time, ``save_briefs`` writes what
``save_brief`` writes one brief at a time."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kabar.annotate.entities import EntityRegistry
from kabar.pipeline import brief_of
from kabar.records import Article, EntityMention
from kabar.store import Store
from kabar.store import schema

STORIES = ["s1", "s2", "s1", "s3", "s2", "s1", "s4"]


def _article(i: int, story: str) -> Article:
    return Article(
        id=f"a{i}", source=f"test:{i}", language="id", content_hash=f"h{i}", outlet=["Warta", "Kabar"][i % 2],
        body=(f"Kabar nomor {i} hari ini dari kota.", "Paragraf kedua."), title=f"Judul {i}",
        published=f"2024-04-{10 + i:02d}", story=story,
        entities=(EntityMention("per:budi", "Budi", "PER", ("Budi",), None, 1),) if i % 2 else (),
    )


def _filled(url: str) -> Store:
    store = Store(url)
    articles = [_article(i, story) for i, story in enumerate(STORIES)]
    store.save_batch(articles[:4], {"s1": None, "s2": None, "s3": "s1"}, {})
    store.save_batch(articles[4:], {"s1": None, "s2": None, "s4": None}, {})
    return store


def test_stories_with_articles_reads_what_the_one_story_reads_read(db_url: str):
    store = _filled(db_url)
    asked = ["s3", "missing", "s1", "s4", "s1", "s2"]
    got = store.stories_with_articles(asked)
    assert [row["id"] for row, _ in got] == ["s3", "s1", "s4", "s2"]  # in order, once, stored only
    for row, articles in got:
        assert row == store.story_row(row["id"])
        assert articles == store.story_articles(row["id"])
    assert [a.id for a in dict((row["id"], a) for row, a in got)["s1"]] == ["a0", "a2", "a5"]
    assert store.stories_with_articles([]) == []


def test_save_briefs_writes_what_save_brief_writes(db_url: str, tmp_path: Path):
    one_by_one, batched = _filled(f"sqlite:///{tmp_path / 'one.db'}"), _filled(db_url)
    registry = EntityRegistry()
    briefs = [(brief_of(row["id"], articles, row["storyline"], registry), row["last_seq"])
              for row, articles in batched.stories_with_articles(batched.stale_stories())]
    assert len(briefs) == 4
    for story, version in briefs:
        one_by_one.save_brief(story, version)
    assert batched.save_briefs(briefs) == 4
    assert batched.save_briefs([]) == 0
    assert batched.stale_stories() == [] == one_by_one.stale_stories()

    def rows(store: Store) -> list[dict]:
        with store.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(schema.stories).order_by(schema.stories.c.id))]

    assert rows(batched) == rows(one_by_one)
    assert all(row["brief"] is not None and row["brief_seq"] == row["last_seq"] for row in rows(batched))
