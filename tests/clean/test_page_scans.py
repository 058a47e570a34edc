"""Scans over a whole page (its paragraphs joined) find exactly what one scan per paragraph
finds: the join character can be matched by no pattern, so nothing spans two paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean.lines import text_lines
from kabar.clean.metadata import PARAGRAPH_SEPARATOR, _group_hits, _scan_joined, cited_sources
from kabar.clean.rules import joinable
from tests.clean.conftest import shared_path

PIECES = ["menurut ", "Menurut ", "kantor berita ", "Reuters", "(AFP)", "(Reuters, AP)", "dilansir dari ",
          "melansir ", "Sumber", ":", " ", "\n", "\x00", "harian ", "Kompas", "said ", "the newspaper ",
          "Yonhap", ".", ",", "(", ")", "İ", "Σ", "laman ", "CNA", "dikutip dari ", "as reported by "]
paragraph = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _one_by_one(paragraphs: list[str]):
    return [hit for p in paragraphs for hit in _group_hits([p])]


def test_the_citation_patterns_can_be_joined():
    assert _scan_joined()


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_joined_scan_equals_one_scan_per_paragraph(paragraphs):
    assert list(_group_hits(paragraphs)) == _one_by_one(paragraphs)


def test_joined_scan_on_the_seeds_and_extraction_pages():
    pages = [p for folder in ("seeds", "extraction-dev/text") for p in sorted(shared_path(folder).glob("*.txt"))]
    for path in pages:
        paragraphs = [l.text for l in text_lines(path.read_text(encoding="utf-8", errors="replace"))]
        assert list(_group_hits(paragraphs)) == _one_by_one(paragraphs), path.name


def test_a_cue_at_a_paragraph_end_takes_no_name_from_the_next():
    assert cited_sources(["Hal itu disampaikan menurut", "Reuters melaporkan hal lain."]) == []
    assert cited_sources(["Hal itu disampaikan menurut Reuters."]) == ["Reuters"]
    assert cited_sources(["Ia berbicara kepada harian", "Kompas hari ini."]) == []


def test_joinable():
    assert joinable(r"\bmenurut\b", PARAGRAPH_SEPARATOR)
    assert joinable(r"kantor berita\s+", PARAGRAPH_SEPARATOR)
    assert not joinable(r"kantor berita\s+", "\n")  # \s takes a newline
    for pattern in (r".", r"[^x]", r"\W", r"foo$", r"^foo", r"\Afoo", r"(?<!\S)foo", r"a(?=\D)"):
        assert not joinable(pattern, PARAGRAPH_SEPARATOR), pattern


def _cue_spans_both_ways(text: str):
    """Each cue pattern's matches, from its own finditer and from the one-scan candidates."""
    from kabar.clean.metadata import MEDIA_ONLY_CUES, _any_cue, _cue_patterns, _matches_at
    from kabar.clean.rules import lowered

    low = lowered(text)
    candidates = [m.start() for m in _any_cue().finditer(text, low)]
    for pattern in (*_cue_patterns(), MEDIA_ONLY_CUES):
        yield ([m.span() for m in pattern.finditer(text, low)],
               [m.span() for m in _matches_at(pattern, text, low, candidates)])


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6).map(PARAGRAPH_SEPARATOR.join))
def test_cue_matches_from_one_scan_equal_each_patterns_own(text):
    for own, from_candidates in _cue_spans_both_ways(text):
        assert own == from_candidates


def test_cue_matches_from_one_scan_on_the_shared_pages():
    pages = [p for folder in ("seeds", "extraction-dev/text") for p in sorted(shared_path(folder).glob("*.txt"))]
    found = 0
    for path in pages:
        text = PARAGRAPH_SEPARATOR.join(l.text for l in text_lines(path.read_text(encoding="utf-8", errors="replace")))
        for own, from_candidates in _cue_spans_both_ways(text):
            assert own == from_candidates, path.name
            found += len(own)
    assert found > 100  # the pages do cite: the comparison is not between two empty lists
