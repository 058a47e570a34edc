"""save_batch writes each kind of row with one executemany (and one grouped query of each kind for
the touched stories): the rows must be those the articles imply, whatever mix of new and known
stories and entities a batch holds, and the number of statements must not grow with the batch."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event, select

from kabar.records import Article, EntityMention
from kabar.store import Store
from kabar.store import schema

WORDS = ["banjir", "gempa", "pemilu", "vaksin", "tambang", "kereta", "pelabuhan", "nelayan", "sawah",
         "kebakaran", "jembatan", "bandara"]


def _article(i: int, story: str, outlet: str | None, published: str | None, title: str | None,
             entities: tuple[str, ...] = ()) -> Article:
    return Article(
        id=f"a{i}", source=f"test:{i}", language="id", content_hash=f"h{i}", outlet=outlet,
        body=(f"Kabar {WORDS[i % len(WORDS)]}{i} hari ini.", "Paragraf kedua."),
        title=title, published=published, story=story,
        entities=tuple(EntityMention(e, e.split(":")[1].title(), "PER", (e.split(":")[1], f"{e}-{i}"),
                                     "Menteri" if i % 2 else None, 1 + i % 3) for e in entities),
    )


@pytest.fixture
def store(db_url: str) -> Store:
    return Store(db_url)


def _rows(store: Store, table: str, order: str) -> list[dict]:
    """Typed rows (JSON columns decoded) through the schema's tables."""
    columns = getattr(schema, table).c
    with store.engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(select(getattr(schema, table)).order_by(columns[order]))]


def test_batches_of_new_and_known_stories_and_entities_give_the_implied_rows(store: Store):
    batches = [
        [_article(1, "s1", "Warta", "2024-04-09", None, ("per:budi",)),  # untitled: s1 takes a2's title
         _article(2, "s1", "Kabar", "2024-04-08", "Judul dua", ("per:budi", "per:sari")),
         _article(3, "s2", None, None, "Judul tiga")],
        [_article(4, "s3", "Warta", "2024-04-11", "Judul empat", ("per:sari", "per:tono")),
         _article(5, "s1", "Warta", "2024-04-12", "Judul lima", ("per:budi",)),
         _article(6, "s2", "Kabar", "2024-04-10", None)],
        [_article(7, "s4", "Pos", "2024-04-13", "Judul tujuh", ("per:tono",)),
         _article(8, "s3", "Pos", None, "Judul delapan")],
    ]
    storylines = [{"s1": None, "s2": None}, {"s3": "l1", "s1": "l1", "s2": None},
                  # s1 joins s4's storyline without a new article: only its storyline changes
                  {"s4": "l2", "s3": "l1", "s1": "l2"}]
    changed = [store.save_batch(batch, lines, {}) for batch, lines in zip(batches, storylines)]
    assert changed == [{"s1", "s2"}, {"s1", "s2", "s3"}, {"s3", "s4"}]

    articles = [a for batch in batches for a in batch]
    stored = _rows(store, "articles", "seq")
    assert [r["id"] for r in stored] == [a.id for a in articles]  # seq follows arrival order
    seq = {r["id"]: r["seq"] for r in stored}
    final_storyline = {"s1": "l2", "s2": None, "s3": "l1", "s4": "l2"}
    for row in _rows(store, "stories", "id"):
        members = [a for a in articles if a.story == row["id"]]
        dates = [a.published for a in members if a.published]
        assert row["n_articles"] == len(members)
        assert (row["start"], row["end"]) == ((min(dates), max(dates)) if dates else (None, None))
        assert row["outlets"] == sorted({a.outlet for a in members if a.outlet})
        assert row["last_seq"] == max(seq[a.id] for a in members)
        assert row["title"] == next(a.title for a in members if a.title)
        assert row["storyline"] == final_storyline[row["id"]]
    assert len(_rows(store, "stories", "id")) == 4

    entities = {r["id"]: r for r in _rows(store, "entities", "id")}
    for entity_id, entity in entities.items():
        mentions = [(a, e) for a in articles for e in a.entities if e.id == entity_id]
        assert entity["n_articles"] == len(mentions)
        assert entity["aliases"] == sorted({alias for _, e in mentions for alias in e.mentions})
        assert entity["role"] == next((e.role for _, e in mentions if e.role), None)
        assert entity["name"] == mentions[0][1].name
    assert sorted(entities) == ["per:budi", "per:sari", "per:tono"]
    links = {(r["article_id"], r["entity_id"]): r["mentions"] for r in _rows(store, "article_entities", "article_id")}
    assert links == {(a.id, e.id): e.count for a in articles for e in a.entities}

    # Each article's own full-text entry: its unique word finds it and nothing else.
    for article in articles:
        word = article.body[0].split()[1]
        assert [hit["id"] for hit in store.search(word).items] == [article.id]


def _statements(store: Store, batch: list[Article]) -> int:
    count = [0]

    def counted(*_):
        count[0] += 1

    event.listen(store.engine, "after_cursor_execute", counted)
    try:
        store.save_batch(batch, {a.story: None for a in batch}, {}, {"entities": b"log"})
    finally:
        event.remove(store.engine, "after_cursor_execute", counted)
    return count[0]


def test_statements_per_batch_do_not_grow_with_the_batch(store: Store):
    def batch(first: int, n: int) -> list[Article]:
        # Half the articles join a story (and an entity) already stored, half start new ones.
        return [_article(i, f"s{i if i % 2 else 0}", "Warta", "2024-04-09", f"Judul {i}",
                         (f"per:orang{i}", "per:budi")) for i in range(first, first + n)]

    store.save_batch(batch(0, 1), {"s0": None}, {})
    small, large = _statements(store, batch(1, 4)), _statements(store, batch(100, 60))
    assert small == large
    assert small <= 16, small
    assert store.counts()["articles"] == 65


def test_an_empty_batch_stores_its_state_only(store: Store):
    assert store.save_batch([], {}, {"stories": b"x"}, {"entities": b"y"}) == set()
    assert store.counts() == {"articles": 0, "stories": 0, "entities": 0}
    assert store.load_state_log("stories")[0] == b"x" and store.load_state_log("entities")[2] == [b"y"]
    # an article of a story already stored keeps the other story rows as they were
    store.save_batch([replace(_article(1, "s1", "Warta", "2024-04-09", "Satu"))], {"s1": None}, {})
    assert store.story_row("s1")["n_articles"] == 1
