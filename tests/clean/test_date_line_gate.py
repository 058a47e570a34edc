"""Cheap forms of blocks checks answer as their plain definitions: is_date_line's substring gate
("19"/"20" before the scans) and looks_like_headline's count over the words' initials."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean.blocks import DATE_SHAPE, YEAR, is_date_line
from kabar.clean.lines import text_lines
from tests.clean.conftest import shared_path


def _plain(text: str) -> bool:
    return len(text.split()) <= 12 and bool(YEAR.search(text)) and bool(DATE_SHAPE.search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["19", "20", "2019", "1", "9", "0", " ", ":", "12:30", "Mei", "May", "/", "-",
                                 "Senin", ",", "WIB", "x", "２０１９", "١٩٩٠"]), max_size=14).map("".join))
def test_gate_keeps_the_definition(text):
    assert is_date_line(text) == _plain(text)


def test_gate_on_the_shared_pages():
    pages = [p for folder in ("seeds", "extraction-dev/text") for p in sorted(shared_path(folder).glob("*.txt"))]
    lines = [l.text for p in pages for l in text_lines(p.read_text(encoding="utf-8", errors="replace"))]
    dates = [t for t in lines if _plain(t)]
    assert len(dates) > 50
    assert [t for t in lines if is_date_line(t)] == dates


def _headline_plain(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) / len(words) >= 0.6


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Banjir", "banjir", "Di", "di", "2019", "ǅemal", "Ⅷ", "İstanbul", "ıssız", " ", "-",
                                 "\u00a0", "«Kata»", "É", "x"]), max_size=12).map(" ".join))
def test_looks_like_headline_counts_initials_as_the_words_did(text):
    from kabar.clean.blocks import looks_like_headline

    assert looks_like_headline(text) == _headline_plain(text)
