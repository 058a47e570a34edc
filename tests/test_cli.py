"""The CLI end to end on real files and a real SQLite database (CONTRACT.md commands)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kabar.cli import app

from .conftest import EXAMPLES, shared

ARTICLE_KEYS = {"id", "outlet", "url", "language", "title", "dateline", "published", "authors",
                "cited_sources", "body", "removed", "entities", "dates", "quotes", "story",
                "storyline", "duplicate_of"}
STORY_KEYS = {"id", "title", "storyline", "articles", "outlets", "start", "end", "summary",
              "timeline", "quotes", "coverage"}
# One well-formed Indonesian report (portal menu, "Baca juga", editor line), shared with
# bench/bad_input.py, which builds its large and broken inputs from it.
GOOD_TEXT = (Path(__file__).resolve().parent / "data" / "good_article.txt").read_text(encoding="utf-8")

runner = CliRunner()


def kabar(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def export(db: str, what: str = "articles") -> list[dict]:
    return [json.loads(line) for line in kabar("export", "--what", what, "--db", db).splitlines() if line.strip()]


def _bad_input_folder(folder: Path) -> dict[str, str]:
    """Good files beside every kind of bad one; returns {bad item name: expected reason part}."""
    folder.mkdir()
    (folder / "good-utf8.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good-cp1252.txt").write_bytes(GOOD_TEXT.replace("Genuk", "Genuk dan Pedurungan (café)").encode("cp1252"))
    (folder / "good-utf16.txt").write_bytes(GOOD_TEXT.replace("empat", "lima").encode("utf-16"))
    (folder / "broken-but-readable.html").write_text(
        "<html><head><title>Banjir Surut</title><body><div><p>SEMARANG - Banjir di Kecamatan Genuk mulai surut "
        "pada Rabu pagi setelah hujan reda sejak tengah malam, dan warga kembali ke rumah masing-masing untuk "
        "membersihkan lumpur.<p>Petugas BPBD masih berjaga di sejumlah titik rawan, kata pejabat setempat.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "only-markup.html").write_text("<html><body><div><span></span></div></body></html>", encoding="utf-8")
    lines = [json.dumps({"id": "jsonl-ok", "text": GOOD_TEXT.replace("Semarang", "Kendal"), "published": "2025-01-14"}),
             "{not json", json.dumps({"id": "jsonl-wrong-type", "text": ["a", "list"]})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from .read.test_read import _warc
    _warc(folder / "crawl.warc.gz", [(f"https://kabar.example/{i}", f"<html><body><article><p>{GOOD_TEXT.replace('Semarang', f'Kota {i}')}</p></article></body></html>") for i in range(3)])
    whole = (folder / "crawl.warc.gz").read_bytes()
    (folder / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.8)])
    (folder / "crawl.warc.gz").unlink()
    return {"empty.txt": "empty file", "binary.txt": "binary", "only-markup.html": "no visible text",
            "batch.jsonl:2": "invalid JSON", "batch.jsonl:3": "field 'text' must be a string",
            "cut.warc.gz": "truncated or corrupt archive"}


def test_bad_input_is_reported_and_the_rest_stored(tmp_path: Path, db_url: str):
    expected = _bad_input_folder(tmp_path / "in")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rejected = [line for line in result.output.splitlines() if line.startswith("rejected ")]
    assert len(rejected) == len(expected), result.output
    for item, reason in expected.items():
        assert any(item in line and reason in line for line in rejected), (item, reason, rejected)
    ids = {a["id"] for a in export(db_url)}
    assert {"good-utf8", "good-cp1252", "good-utf16", "broken-but-readable", "jsonl-ok"} <= ids
    assert len([i for i in ids if i.startswith("warc-")]) >= 1
    count = len(ids)
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url], catch_exceptions=False)
    assert f"ingested 0, duplicates {count}," in again.output
    assert len(export(db_url)) == count


def test_seeds_end_to_end(db_url: str):
    seeds = shared("seeds")
    kabar("ingest", str(seeds), "--db", db_url)
    records = {r["id"][:3]: r for r in export(db_url)}
    assert sorted(records) == ["000", "001", "002"]
    for record in records.values():
        assert set(record) >= ARTICLE_KEYS
        text = "\n".join(record["body"])
        for boilerplate in ("Baca juga", "Pengaturan Font", "Redaktur", "Komentar", "Foto :", "Nasional Mondial"):
            assert boilerplate not in text
        assert record["dates"], record["id"]
        assert record["language"] == "id"
    assert records["000"]["title"].startswith("Presiden Putin Sebut Hubungan Rusia-China")
    assert records["002"]["title"] == "Beijing akan Perkuat Kerja Sama Strategis dengan Moskow"
    assert records["000"]["story"] == records["001"]["story"] != records["002"]["story"]
    # The Feb-2023 Moscow visit and the Apr-2024 Beijing visit continue one situation.
    assert records["000"]["storyline"] == records["002"]["storyline"] is not None
    stories = {s["id"]: s for s in export(db_url, "stories")}
    assert {s["storyline"] for s in stories.values()} == {records["000"]["storyline"]}


def test_storyline_reaches_stories_of_earlier_batches(db_url: str):
    seeds = sorted(shared("seeds").iterdir())
    for seed in seeds:  # one ingest each: the older story is stored before the newer continues it
        kabar("ingest", str(seed), "--db", db_url)
    records = {r["id"][:3]: r for r in export(db_url)}
    assert records["000"]["storyline"] == records["002"]["storyline"] is not None
    stories = export(db_url, "stories")
    assert len({s["storyline"] for s in stories}) == 1


def test_export_formats_and_reading_commands(tmp_path: Path, db_url: str):
    kabar("ingest", str(EXAMPLES), "--db", db_url)
    articles = export(db_url)
    assert len(articles) >= 40 and all(set(a) >= ARTICLE_KEYS for a in articles)
    stories = export(db_url, "stories")
    assert stories and all(set(s) >= STORY_KEYS for s in stories)
    assert {a for s in stories for a in s["articles"]} == {a["id"] for a in articles}

    kabar("export", "--what", "articles", "--format", "csv", "--out", str(tmp_path / "a.csv"), "--db", db_url)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(articles) and json.loads(rows[0]["body"])
    kabar("export", "--what", "stories", "--format", "parquet", "--out", str(tmp_path / "s.parquet"), "--db", db_url)
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.num_rows == len(stories) and "timeline" in table.column_names

    listing = kabar("stories", "--db", db_url)
    biggest = kabar("stories", "--db", db_url, "--sort", "size", "--limit", "1", "--ids").strip()
    assert biggest in listing
    brief = kabar("show", biggest, "--db", db_url)
    story = next(s for s in stories if s["id"] == biggest)
    assert story["title"][:30] in brief.replace("\n", " ")
    hits = kabar("search", "banjir", "--db", db_url)
    assert "story" in hits
    result = runner.invoke(app, ["search", '"unbalanced', "--db", db_url])
    assert result.exit_code == 2 and "invalid search query" in result.output


def test_tag_conll(tmp_path: Path):
    path = tmp_path / "in.conll"
    path.write_text("Presiden\nJoko\nWidodo\nberkunjung\nke\nSurabaya\n.\n\nKPK\nmenahan\ntersangka\n", encoding="utf-8")
    lines = kabar("tag", "--conll", str(path)).split("\n")
    assert lines[7] == "" and len([l for l in lines if l]) == 10
    tags = dict(line.split("\t") for line in lines if line)
    assert tags["Joko"] == "B-PER" and tags["Widodo"] == "I-PER" and tags["Surabaya"] == "B-LOC"


def test_unknown_story_and_bad_options(db_url: str):
    result = runner.invoke(app, ["show", "nope", "--db", db_url])
    assert result.exit_code == 1 and "no story" in result.output
    result = runner.invoke(app, ["export", "--what", "everything", "--db", db_url])
    assert result.exit_code == 2
    result = runner.invoke(app, ["ingest", "x", "--format", "pdf", "--db", db_url])
    assert result.exit_code == 2 and "unknown format" in result.output
