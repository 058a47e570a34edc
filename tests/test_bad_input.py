"""Issue 9's bad-input list through the real `kabar ingest`: each bad item gets one reason line
naming it, everything else in the batch is stored, and big inputs stream in bounded memory.

The big cases are scaled down here (a 51 MB text file, a few-MB JSONL, 60 MB bombs);
bench/bad_input.py runs the full sizes (200 MB, 1 GB) and records time and peak RSS.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bad_input import MB, make_bad_inputs, write_jsonl_of_size  # noqa: E402

runner = CliRunner()
SCALE = 0.005  # 1 GB JSONL -> 5 MB; the 200 MB file and the bombs stay just over their limits


def _ingest(paths: list[Path], db: str) -> tuple[str, list[str]]:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output[-3000:]
    lines = result.output.splitlines()
    return next(l for l in lines if l.startswith("ingested ")), [l for l in lines if l.startswith("rejected ")]


def _export(db: str) -> dict[str, dict]:
    result = runner.invoke(app, ["export", "--what", "articles", "--db", db], catch_exceptions=False)
    return {r["id"]: r for r in map(json.loads, result.output.splitlines())}


def _names(line: str, name: str) -> bool:
    return re.search(rf"/{re.escape(name)}(?=[:# ]|$)", line) is not None


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "in"
    items = make_bad_inputs(folder, SCALE)
    db = f"sqlite:///{folder.parent / 'kabar.db'}"
    summary, rejected = _ingest([folder], db)
    return items, summary, rejected, _export(db), folder


def test_every_bad_item_gets_exactly_one_reason_line(ingested):
    items, summary, rejected, _articles, _folder = ingested
    bad = [item for item in items if item.expect not in ("stored", "duplicate")]
    for item in bad:
        lines = [line for line in rejected if _names(line, item.name)]
        assert len(lines) == 1, (item, lines)
        assert item.expect in lines[0], (item, lines[0])
    # No other rejection: nothing good was refused, nothing fell through to "could not process".
    assert len(rejected) == len(bad), [l for l in rejected if not any(_names(l, i.name) for i in bad)]
    assert f"rejected {len(bad)};" in summary


def test_the_rest_of_the_batch_is_stored(ingested):
    items, summary, _rejected, articles, folder = ingested
    for item in items:
        if item.expect != "stored":
            continue
        name = item.name
        if name.startswith("huge-"):
            continue
        if ":" in name:  # a JSONL record: its id is the one the file gives
            file, number = name.split(":")
            record = json.loads((folder / file).read_bytes().splitlines()[int(number) - 1])
            assert record["id"] in articles, item
        else:
            assert Path(name).name.split(".")[0] in articles, item
    assert "duplicates" in summary


def test_decoded_text_is_clean_and_dates_are_calendar_dates(ingested):
    _items, _summary, _rejected, articles, _folder = ingested
    assert "mengungsi ke balai desa" in " ".join(articles["invalid-utf8"]["body"])
    mixed = " ".join(articles["mixed-encodings"]["body"])
    assert "Café “Sederhana”" in mixed and "Kafé ’Lain’" in mixed  # each line in its own encoding
    for record in articles.values():
        text = json.dumps(record, ensure_ascii=False)
        assert "\x00" not in text and "\\u0000" not in text, record["id"]
        for ref in record["dates"]:
            date.fromisoformat((ref["date"] + "-01-01")[:10])  # a day the calendar has
        if record["published"]:
            date.fromisoformat((record["published"] + "-01-01")[:10])
    assert "🌊" in " ".join(articles["emoji"]["body"])
    assert any("جاكرتا" in line for line in articles["rtl"]["body"])


def test_the_same_article_under_two_ids_is_stored_once(ingested):
    _items, _summary, _rejected, articles, _folder = ingested
    assert ("same-a" in articles) != ("same-b" in articles)


def test_the_second_id_of_one_article_is_named_with_the_stored_one(tmp_path: Path):
    text = "Banjir Rendam Dua Desa\nWarga dua desa mengungsi setelah banjir merendam rumah mereka pada Senin pagi."
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in ("first-id", "second-id")))
    result = runner.invoke(app, ["ingest", str(feed), "--db", f"sqlite:///{tmp_path / 'k.db'}"],
                           catch_exceptions=False)
    copies = [line for line in result.output.splitlines() if line.startswith("duplicate ")]
    assert len(copies) == 1 and "second-id" in copies[0] and "'first-id'" in copies[0], result.output
    again = runner.invoke(app, ["ingest", str(feed), "--db", f"sqlite:///{tmp_path / 'k.db'}"])
    # the same file again: first-id is itself, second-id still a copy of it
    assert [l for l in again.output.splitlines() if l.startswith("duplicate ")] == copies


def test_huge_jsonl_streams_each_distinct_article_once(ingested):
    _items, summary, _rejected, articles, folder = ingested
    lines = sum(1 for _ in (folder / "huge-1gb.jsonl").open("rb"))
    stored = [i for i in articles if i.startswith("rec-")]
    assert 10 <= len(stored) < lines
    assert int(re.search(r"duplicates (\d+)", summary).group(1)) >= lines - len(stored)


def test_reingesting_the_folder_adds_nothing(ingested, tmp_path):
    _items, _summary, _rejected, articles, folder = ingested
    db = f"sqlite:///{folder.parent / 'kabar.db'}"
    summary, _ = _ingest([folder], db)
    assert summary.startswith("ingested 0,")
    assert len(_export(db)) == len(articles)


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking (pytest) process.
_PEAK_RSS = """
import re, sys
from kabar.read import read_paths
n = sum(1 for _ in read_paths([sys.argv[1]]))
print(n, re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read()).group(1))
"""


def _reader_peak(path: Path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _PEAK_RSS, str(path)], capture_output=True, text=True, check=True)
    items, peak_kib = out.stdout.split()
    return int(items), int(peak_kib) // 1024


def test_jsonl_reader_memory_does_not_grow_with_the_file(tmp_path: Path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_jsonl_of_size(small, 2 * MB, distinct=20)
    lines = write_jsonl_of_size(large, 80 * MB, distinct=20)
    (n_small, rss_small), (n_large, rss_large) = _reader_peak(small), _reader_peak(large)
    assert n_large == lines > 30 * n_small
    assert rss_large - rss_small < 25, (rss_small, rss_large)  # MB: 40x the input, same memory


def test_an_endless_line_is_skipped_in_bounded_memory(tmp_path: Path):
    path = tmp_path / "endless.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "x", "text": "')
        for _ in range(120):
            out.write(b"kata " * (MB // 5))
        out.write(b'"}\n{"id": "after", "text": "Banjir merendam tiga kecamatan di Jakarta Utara pada Selasa."}\n')
    items, peak = _reader_peak(path)
    assert items == 2
    assert peak < 250, peak  # a 120 MB line, read 20 MB at most at a time
