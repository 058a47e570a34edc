"""The byline prefilter (a line's first two characters) refuses no line the byline pattern
takes, on every line of the seeds and extraction-dev pages and on tricky case folds."""

from __future__ import annotations

from kabar.clean.lines import text_lines
from kabar.clean.metadata import _byline_key_starts, _cannot_open_byline, parse_byline
from kabar.clean.rules import byline_keys, byline_line
from tests.clean.conftest import shared_path


def test_refused_lines_are_no_bylines_on_the_shared_pages():
    pages = [p for folder in ("seeds", "extraction-dev/text") for p in sorted(shared_path(folder).glob("*.txt"))]
    lines = [l.text for p in pages for l in text_lines(p.read_text(encoding="utf-8", errors="replace"))]
    refused = [t for t in lines if _cannot_open_byline(t)]
    assert len(refused) > 0.8 * len(lines)  # the point of it: most lines never reach the pattern
    assert not [t for t in refused if byline_line().match(t)]


def test_every_key_gets_through_in_any_case():
    size, _ = _byline_key_starts()
    assert size == min(2, *map(len, byline_keys()))
    for key in byline_keys():
        for spelled in (key, key.upper(), key.title(), "  " + key):
            assert not _cannot_open_byline(spelled + ": Budi Santoso"), spelled


def test_case_folds_go_to_the_pattern():
    # U+212A KELVIN SIGN folds to "k" under re.IGNORECASE: such a line is not judged by its start
    assert not _cannot_open_byline("\u212aontributor: Budi Santoso")
    assert parse_byline("Penulis: Budi Santoso") == (["Budi Santoso"], [])
    assert parse_byline("Pemerintah: banjir surut") is None
