"""The sample corpus through the CLI on PostgreSQL gives what it gives on SQLite, and a whole
database moves SQLite -> PostgreSQL -> SQLite (and through a dump file) without losing a bit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import Store
from kabar.store.transfer import TransferError, copy_database, iter_rows

from ..conftest import EXAMPLES

runner = CliRunner()


def kabar(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def records(url: str, what: str) -> list[dict]:
    return [json.loads(line) for line in kabar("export", "--what", what, "--db", url).splitlines()]


def rows(url: str) -> list[tuple[str, dict]]:
    store = Store(url)
    try:
        return list(iter_rows(store))
    finally:
        store.close()


@pytest.fixture(scope="module")
def sqlite_corpus(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    kabar("ingest", str(EXAMPLES), "--db", url)
    return url


@pytest.fixture(scope="module")
def postgres_corpus(postgres) -> str:
    url = postgres.create_database()
    # a plain postgresql:// URL, as a user types it
    kabar("ingest", str(EXAMPLES), "--db", url.replace("postgresql+psycopg://", "postgresql://"))
    return url


def test_ingest_on_postgres_gives_the_same_stories(sqlite_corpus: str, postgres_corpus: str):
    stories = records(postgres_corpus, "stories")
    assert len(stories) >= 20
    assert stories == records(sqlite_corpus, "stories")
    assert records(postgres_corpus, "articles") == records(sqlite_corpus, "articles")
    assert kabar("stories", "--ids", "--db", postgres_corpus) == kabar("stories", "--ids", "--db", sqlite_corpus)


def test_search_on_postgres_finds_what_sqlite_finds(sqlite_corpus: str, postgres_corpus: str):
    pg, lite = Store(postgres_corpus), Store(sqlite_corpus)
    for word in ("banjir", "Semarang", "KPK"):
        found = {r["id"] for r in pg.search(word, limit=100).items}
        assert found and found == {r["id"] for r in lite.search(word, limit=100).items}, word
    assert "[" in pg.search("banjir").items[0]["snippet"]


def test_round_trip_sqlite_postgres_sqlite(sqlite_corpus: str, postgres, tmp_path: Path):
    pg_url = postgres.create_database()
    back_url = f"sqlite:///{tmp_path / 'back.db'}"
    kabar("import", sqlite_corpus, "--db", pg_url)
    kabar("import", pg_url, "--db", back_url)
    original = rows(sqlite_corpus)
    # The sample corpus is smaller than a checkpoint: the stages' state is all in the change log.
    assert {name for name, _ in original} == {"articles", "stories", "entities", "article_entities", "state_log"}
    assert any(row["brief"] for name, row in original if name == "stories")
    assert rows(pg_url) == original
    assert rows(back_url) == original
    assert records(back_url, "stories") == records(sqlite_corpus, "stories")
    for url in (pg_url, back_url):  # the full-text index was rebuilt in the target's own kind
        assert {r["id"] for r in Store(url).search("banjir", limit=100).items} == \
            {r["id"] for r in Store(sqlite_corpus).search("banjir", limit=100).items}
    # the copy goes on where the original stopped: new articles follow on with the next seq
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"id": "extra-1", "outlet": "Warta Uji", "published": "2025-01-20",
                                 "text": "Banjir kembali merendam Kecamatan Genuk, Semarang, pada Senin."}) + "\n")
    kabar("ingest", str(extra), "--db", pg_url)
    seqs = [row["seq"] for name, row in rows(pg_url) if name == "articles"]
    assert seqs[-1] == max(seqs) and len(seqs) == len([1 for n, _ in original if n == "articles"]) + 1


def test_dump_file_round_trip_and_refusals(sqlite_corpus: str, postgres, tmp_path: Path):
    dump = tmp_path / "corpus.jsonl.gz"
    kabar("import", sqlite_corpus, "--dump", str(dump))
    pg_url = postgres.create_database()
    kabar("import", str(dump), "--db", pg_url)
    assert rows(pg_url) == rows(sqlite_corpus)
    # never into a database that has content: nothing is merged or overwritten
    with pytest.raises(TransferError):
        copy_database(Store(sqlite_corpus), Store(pg_url))
    result = runner.invoke(app, ["import", str(dump), "--db", pg_url])
    assert result.exit_code == 2 and "not empty" in " ".join(result.output.split())
    junk = tmp_path / "junk.jsonl.gz"
    junk.write_bytes(b"not gzip at all")
    result = runner.invoke(app, ["import", str(junk), "--db", f"sqlite:///{tmp_path / 'new.db'}"])
    assert result.exit_code == 2 and "not a kabar dump" in " ".join(result.output.split())
