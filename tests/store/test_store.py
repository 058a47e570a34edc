"""The store on a real SQLite file and a real PostgreSQL server (conftest.py runs each test on
both): batches, stories, search, state, pagination, upgrades."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sqlalchemy import inspect, text

from kabar.records import Article, DateRef, EntityMention, Quote, Removed
from kabar.store import SearchQueryError, Store


def _article(i: int, story: str, outlet: str, published: str, text: str) -> Article:
    return Article(
        id=f"a{i}", source=f"test:{i}", language="id", body=(text, "Paragraf kedua."),
        content_hash=f"h{i}", outlet=outlet, title=f"Judul {i}: {text[:30]}", published=published,
        authors=("Lili Lestari",), cited_sources=("Reuters",),
        removed=(Removed("Baca juga: lain", "related-links"),),
        entities=(EntityMention("per:wang-yi", "Wang Yi", "PER", ("Wang Yi", "Wang"), "Menlu", 2),),
        dates=(DateRef("Selasa (9/4)", "2024-04-09", 10, True, False),),
        quotes=(Quote("Kami siap", "Wang Yi", "per:wang-yi", "kata", True, 0),),
        story=story,
    )


@pytest.fixture
def store(db_url: str) -> Store:
    return Store(db_url)


def test_batch_round_trip_and_reopen(store: Store, db_url: str):
    batch = [_article(1, "s1", "Warta", "2024-04-09", "Wang Yi bertemu Lavrov di Beijing"),
             _article(2, "s1", "Kabar", "2024-04-10", "Lavrov tiba di Beijing untuk kunjungan resmi")]
    changed = store.save_batch(batch, {"s1": "l1"}, {"stories": b"\x00state"})
    assert changed == {"s1"}
    again = Store(db_url)  # a second open migrates nothing and sees everything
    a1 = again.article("a1")
    assert a1 == replace(batch[0], storyline="l1")
    assert a1.entities[0].mentions == ("Wang Yi", "Wang") and a1.dates[0].inferred is True
    assert a1.storyline == "l1" and a1.quotes[0].speaker_id == "per:wang-yi"
    assert again.load_state_log("stories")[0] == b"\x00state"
    assert again.known_hashes(["h1", "h2", "h3"]) == {"h1": "a1", "h2": "a2"}
    row = again.story_row("s1")
    assert (row["n_articles"], row["start"], row["end"], row["outlets"]) == (2, "2024-04-09", "2024-04-10", ["Kabar", "Warta"])
    entity = again.entity("per:wang-yi")
    assert entity["n_articles"] == 2 and entity["role"] == "Menlu" and entity["aliases"] == ["Wang", "Wang Yi"]
    assert again.stale_stories() == ["s1"]


def test_a_failed_batch_leaves_nothing(store: Store):
    store.save_batch([_article(1, "s1", "Warta", "2024-04-09", "Satu")], {"s1": None}, {"stories": b"one"})
    duplicate = _article(1, "s2", "Warta", "2024-04-11", "Lain")  # same id: the batch must fail whole
    with pytest.raises(Exception):
        store.save_batch([_article(3, "s2", "Kabar", "2024-04-11", "Tiga"), duplicate], {"s2": None}, {"stories": b"two"})
    assert store.counts() == {"articles": 1, "stories": 1, "entities": 1}
    assert store.load_state_log("stories")[0] == b"one"
    assert store.search("Tiga").items == []


def test_checkpoints_and_logged_changes(store: Store):
    """A checkpoint records the last stored article's seq and clears its key's log; logged
    changes come back in the order they were saved; a failed batch logs nothing."""
    assert store.load_state_log("entities") == (None, None, [])
    store.save_batch([_article(1, "s1", "Warta", "2024-04-09", "Satu")], {"s1": None}, {},
                     {"entities": b"first"})
    store.save_batch([_article(2, "s1", "Warta", "2024-04-10", "Dua")], {"s1": None}, {},
                     {"entities": b"second", "templates": b"t"})
    assert store.load_state_log("entities") == (None, None, [b"first", b"second"])
    store.save_batch([_article(3, "s2", "Kabar", "2024-04-11", "Tiga")], {"s2": None},
                     {"entities": b"whole", "stories": b"index"})
    blob, article_seq, log = store.load_state_log("entities")
    assert (blob, log) == (b"whole", [])
    assert article_seq == max(a["seq"] for a in _seqs(store))
    assert store.load_state_log("templates") == (None, None, [b"t"])  # another key keeps its log
    store.save_batch([_article(4, "s2", "Kabar", "2024-04-12", "Empat")], {"s2": None}, {}, {"entities": b"after"})
    with pytest.raises(Exception):
        store.save_batch([_article(4, "s3", "Kabar", "2024-04-12", "Lagi")], {"s3": None}, {}, {"entities": b"lost"})
    assert store.load_state_log("entities") == (b"whole", article_seq, [b"after"])
    assert [a.id for a in store.iter_articles(after=article_seq)] == ["a4"]


def _seqs(store: Store) -> list[dict]:
    with store.engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(text("select seq from articles"))]


def test_search_filters_and_syntax_errors(store: Store):
    store.save_batch([_article(1, "s1", "Warta", "2024-04-09", "Gempa mengguncang Cianjur"),
                      _article(2, "s2", "Kabar", "2024-05-01", "Banjir melanda Semarang dan gempa kecil")],
                     {"s1": None, "s2": None}, {})
    assert [r["id"] for r in store.search("gempa").items] == ["a1", "a2"]
    assert [r["id"] for r in store.search("gempa", outlet="Kabar").items] == ["a2"]
    assert [r["id"] for r in store.search("gempa", since="2024-04-10").items] == ["a2"]
    assert [r["id"] for r in store.search("gempa", entity="per:nobody").items] == []
    assert "[Cianjur]" in store.search("Cianjur").items[0]["snippet"]
    assert [r["id"] for r in store.search('"melanda Semarang"').items] == ["a2"]
    assert [r["id"] for r in store.search("gempa -banjir" if store.dialect == "postgresql" else "gempa NOT banjir").items] == ["a1"]
    if store.dialect == "sqlite":
        with pytest.raises(SearchQueryError):
            store.search('"unbalanced')
    else:  # websearch_to_tsquery reads any text: no syntax errors, just (maybe no) matches
        assert store.search('"unbalanced').items == []
    with pytest.raises(SearchQueryError):
        store.search("   ")


def test_search_pages_and_ranks(store: Store):
    batch = [_article(i, f"s{i}", "Warta", "2024-04-09", "gempa " * (1 + i % 3) + f"nomor {i}") for i in range(7)]
    store.save_batch(batch, {}, {})
    seen, cursor = [], None
    while True:
        page = store.search("gempa", limit=3, cursor=cursor)
        seen += [r["id"] for r in page.items]
        if page.next is None:
            break
        cursor = page.next
    assert sorted(seen) == [f"a{i}" for i in range(7)] and len(seen) == 7
    # three mentions rank above one
    assert seen[0] in {"a2", "a5"}


def test_story_pages_are_newest_first_with_cursor(store: Store):
    batch = [_article(i, f"s{i}", "Warta", f"2024-04-{10 + i:02d}", f"Peristiwa nomor {i}") for i in range(5)]
    store.save_batch(batch, {}, {})
    first = store.list_stories(limit=2)
    assert [s["id"] for s in first.items] == ["s4", "s3"] and first.next
    second = store.list_stories(limit=2, cursor=first.next)
    third = store.list_stories(limit=2, cursor=second.next)
    assert [s["id"] for s in second.items + third.items] == ["s2", "s1", "s0"] and third.next is None
    with pytest.raises(ValueError):
        store.list_stories(cursor="not-a-cursor")
    assert [a["id"] for a in store.list_articles(limit=10, story="s2").items] == ["a2"]


def test_pages_with_undated_stories_and_by_size(store: Store):
    dated = [_article(i, f"s{i}", "Warta", f"2024-04-{10 + i:02d}", f"Peristiwa {i}") for i in range(3)]
    undated = [replace(_article(i, f"u{i}", "Warta", None, f"Tanpa tanggal {i}"), published=None) for i in range(3, 6)]
    extra = [_article(i, "s0", "Kabar", "2024-04-10", f"Tambahan {i}") for i in range(6, 9)]
    store.save_batch(dated + undated + extra, {}, {})
    seen, cursor = [], None
    while True:
        page = store.list_stories(limit=2, cursor=cursor)
        seen += [s["id"] for s in page.items]
        if not (cursor := page.next):
            break
    assert seen == ["s2", "s1", "s0", "u3", "u4", "u5"]
    first = store.list_stories(limit=1, sort="size")
    rest = store.list_stories(limit=10, sort="size", cursor=first.next)
    assert first.items[0]["id"] == "s0" and len(rest.items) == 5 and "s0" not in [s["id"] for s in rest.items]


def test_schema_is_versioned(store: Store):
    with store.engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).fetchone() == ("0003",)
        if store.dialect == "sqlite":
            assert c.execute(text("pragma journal_mode")).fetchone() == ("wal",)
    columns = {column["name"] for column in inspect(store.engine).get_columns("articles")}
    assert ("search_vector" in columns) == (store.dialect == "postgresql")


def test_reingesting_the_same_entity_merges_it(store: Store):
    store.save_batch([_article(1, "s1", "Warta", "2024-04-09", "Satu")], {"s1": None}, {})
    later = replace(_article(2, "s1", "Kabar", "2024-04-12", "Dua"),
                    entities=(EntityMention("per:wang-yi", "Wang Yi", "PER", ("Menlu Wang",), None, 1),))
    store.save_batch([later], {"s1": "l9"}, {})
    entity = store.entity("per:wang-yi")
    assert entity["n_articles"] == 2 and entity["aliases"] == ["Menlu Wang", "Wang", "Wang Yi"]
    assert store.story_row("s1")["storyline"] == "l9" and store.story_row("s1")["end"] == "2024-04-12"
    assert [a.id for a in store.iter_articles(batch_size=1)] == ["a1", "a2"]
    assert [q["article"] for q in store.entity_quotes("per:wang-yi")] == ["a2", "a1"]  # newest first


def test_a_brief_is_not_cached_while_a_writer_holds_the_story(store: Store):
    from kabar.records import Story

    store.save_batch([_article(1, "s1", "Warta", "2024-04-09", "Satu")], {"s1": None}, {})
    brief = Story(id="s1", title="Satu", articles=("a1",), outlets=("Warta",), start="2024-04-09", end="2024-04-09")
    version = store.story_row("s1")["last_seq"]
    with store.engine.connect() as writer:  # an ingest's batch transaction, still open
        writer.execute(text("UPDATE stories SET n_articles = n_articles WHERE id = 's1'"))
        assert store.try_save_brief(brief, version) is False
        writer.rollback()
    assert store.story("s1") is None
    assert store.try_save_brief(brief, version) is True
    assert store.story("s1").title == "Satu"


def test_postgres_urls_use_psycopg():
    from kabar.store import postgres_driver_url

    assert postgres_driver_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert postgres_driver_url("postgres://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert postgres_driver_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert postgres_driver_url("sqlite:///x.db") == "sqlite:///x.db"


def test_not_a_database(tmp_path: Path, db_url: str):
    if not db_url.startswith("sqlite"):
        pytest.skip("a file that is not a database is an SQLite matter")
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    from kabar.store import StoreError
    with pytest.raises(Exception) as info:
        Store(f"sqlite:///{bad}")
    assert isinstance(info.value, (StoreError,)) or "database" in str(info.value)


def test_an_old_database_upgrades_in_place(tmp_path):
    """A database made by the first schema keeps its rows and gains what later migrations add."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from kabar.store import _MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO stories (id, title, n_articles, outlets, last_seq) VALUES ('s-old', 'Lama', 1, '[]', 7)"))
        connection.execute(text(
            "INSERT INTO articles (seq, id, content_hash, language, published_inferred, authors, cited_sources, body,"
            " removed, entities, dates, quotes, story) VALUES (7, 'a-old', 'h', 'id', 0, '[]', '[]', '[\"Isi\"]',"
            " '[]', '[]', '[]', '[]', 's-old')"))
        connection.execute(text("INSERT INTO state (key, value) VALUES ('stories', x'00')"))
    engine.dispose()
    upgraded = Store(url)
    with upgraded.engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar() == "0003"
    # The old state was saved with every batch: its checkpoint covers every stored article.
    assert upgraded.load_state_log("stories") == (b"\x00", 7, [])
    assert "ix_stories_size" in {i["name"] for i in inspect(upgraded.engine).get_indexes("stories")}
    assert upgraded.story_row("s-old")["title"] == "Lama"
