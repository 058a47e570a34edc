"""Replays tests/fuzz_corpus: inputs that once crashed or misled the ingest path (found by the
atheris fuzzer in fuzz/ or while building the bad-input list), so each stays fixed.

tests/fuzz_corpus/<format>/<file> is one input; a file without a known extension (libFuzzer's
``crash-<sha1>``) is read as the folder's format. An optional ``<file>.expect`` lists lines that
must each appear in one of the outcome lines of fuzz/ingest_target.run_one.
Also here: hypothesis properties of the date resolver and the quote extractor on arbitrary
Unicode (the tests in tests/annotate draw from small alphabets).
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kabar.annotate.dates import resolve_dates
from kabar.annotate.quotes import extract_quotes
from kabar.cli import app
from kabar.read import format_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fuzz_corpus"
sys.path.insert(0, str(ROOT / "fuzz"))

from ingest_target import SUFFIXES, run_one  # noqa: E402

CASES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".expect")


def _as_input(case: Path, folder: Path) -> Path:
    """The case under a name its reader recognises."""
    name = case.name if format_of(case) else case.name + SUFFIXES[case.parent.name]
    target = folder / f"{case.parent.name}-{name}"
    shutil.copyfile(case, target)
    return target


def test_the_corpus_covers_every_fuzzed_format():
    assert {case.parent.name for case in CASES} >= {"txt", "html", "jsonl", "warc", "gz"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_is_read_or_refused_without_a_crash(case: Path, tmp_path: Path):
    outcomes = run_one(_as_input(case, tmp_path), case.parent.name)  # raises on a crash
    assert outcomes
    expect = case.with_name(case.name + ".expect")
    if expect.exists():
        for wanted in filter(None, expect.read_text(encoding="utf-8").splitlines()):
            assert any(wanted in line for line in outcomes), (wanted, outcomes)


def test_whole_corpus_through_kabar_ingest(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for case in CASES:
        _as_input(case, folder)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'k.db'}"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output[-2000:]
    assert "could not process" not in result.output  # a crash inside a stage, caught by the pipeline
    summary = next(l for l in result.output.splitlines() if l.startswith("ingested "))
    assert not summary.startswith("ingested 0,")


# ------------------------------------------------------------ dates and quotes, any Unicode
DATE_PIECES = ["1 Januari 0", "31 Desember 9999", "0000-01-01", "9999-12-31", "29 Februari 2023",
               "Selasa (14/1)", "Rabu (31/2/2024)", "pada 24 Februari tahun lalu", "March 3, 2023",
               "tanggal 32", "(0/0/0)", "tahun 10000", "Senin", "pekan depan", "kemarin"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=12)), max_size=8).map(" ".join),
                max_size=4),
       st.sampled_from(["id", "en", "xx"]),
       st.sampled_from([None, "2019-09-10", "0001-01-01", "9999-12-31", "9999"]))
def test_dates_of_any_text_are_in_the_text_and_on_the_calendar(paragraphs, language, published):
    text = "\n".join(paragraphs)
    for ref in resolve_dates(paragraphs, language, published, today=date(2025, 1, 14)):
        assert ref.text and text[ref.start:ref.start + len(ref.text)] == ref.text
        assert len(ref.date) in (4, 7, 10)
        date.fromisoformat(ref.date if len(ref.date) == 10 else (ref.date + "-01-01")[:10])


QUOTE_PIECES = ['"', "“", "”", "„", "«", "»", "‘", "’", "''", " kata ", " said ", " ujarnya", "—", ":",
                " Presiden Joko Widodo", " he ", "\n", "🙂", "\u202b", "קרא", "قال"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(st.sampled_from(QUOTE_PIECES), st.text(max_size=10)), max_size=20).map("".join),
                max_size=4),
       st.sampled_from(["id", "en", "xx"]))
def test_quotes_of_any_text_are_words_from_their_paragraph_on(paragraphs, language):
    for quote in extract_quotes(paragraphs, language):
        assert quote.text.strip()
        assert 0 <= quote.paragraph < len(paragraphs)
        # A quote starts in its paragraph and may run on into the next ones (news style: each
        # paragraph of a long quote opens with a mark, only the last closes it).
        squeezed = "".join("".join(paragraphs[quote.paragraph:]).split())
        # The quote's words are that text's (marks and spacing may differ).
        assert "".join(quote.text.split()).strip("\"“”„«»‘’',.") in squeezed or all(
            w.strip("\"“”„«»‘’',.") in squeezed for w in quote.text.split()), (quote, paragraphs)
