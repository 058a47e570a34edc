"""The clean stage's fast paths answer exactly as the plain definitions they replace: whitespace
collapsed with str.split as with the regex, bylines counted by a bounded split, a cited-source
window cut from the first words only, line shapes remembered per (text, tag, link share, hints)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean.classify import _line_shape, _neighbour_names, _shape, line_features
from kabar.clean.lines import Line, html_lines, text_lines
from kabar.clean.metadata import cited_sources, parse_byline

WHITESPACE = re.compile(r"\s+")
# every kind of whitespace Python knows, among letters and punctuation
TEXT = st.text(alphabet=st.sampled_from(list("ab Z.,|:-\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000"
                                            "\u2009\u200b\u2028\u2029\u202f\u205f\u3000\ufeffé\u0130")), max_size=60)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_text_lines_collapse_whitespace_as_the_regex_does(text):
    expected = [t for t in (WHITESPACE.sub(" ", raw).strip() for raw in text.splitlines()) if t]
    assert [l.text for l in text_lines(text)] == expected


def test_html_lines_collapse_whitespace_and_weigh_links():
    html = ("<html><body><p>Banjir\u00a0 merendam\t<a href='/x'> rumah </a>\n warga.</p>"
            "<div style='color:red'>Tampil</div><div style='display: none'>Sembunyi</div></body></html>")
    lines = html_lines(html)
    assert [l.text for l in lines] == ["Banjir merendam rumah warga.", "Tampil"]
    # link share: "rumah" (5) of "Banjir\u00a0 merendam" (16) + "rumah" (5) + "warga." (6)
    assert abs(lines[0].link_ratio - 5 / 27) < 1e-9


@given(st.lists(st.sampled_from(["Oleh", "Penulis:", "Editor", "|", "Budi", "Santoso", "Reuters", "dan", "kata",
                                 "Redaktur", ":", "AFP", "x"]), max_size=16))
@settings(max_examples=300, deadline=None)
def test_parse_byline_agrees_with_the_plain_word_count(words):
    text = " ".join(words)
    parsed = parse_byline(text)
    if "|" not in text and len(text.split()) > 10:
        assert parsed is None
    if parsed is not None and "|" not in text:
        assert len(text.split()) <= 10


def test_cited_source_window_reaches_nine_words_and_no_further():
    near = "menurut laporan yang sangat panjang dari sebuah kantor milik Reuters pada Senin."
    far = "menurut laporan yang sangat panjang dan terperinci dari sebuah kantor milik Reuters pada Senin."
    assert "Reuters" in cited_sources([near])
    assert "Reuters" not in cited_sources([far])


def test_remembered_shapes_equal_fresh_ones():
    lines = [Line("Beranda"), Line("Banjir merendam ratusan rumah di Genuk, Semarang."),
             Line("Share", "div", 1.0, frozenset({"share"})), Line("Beranda")]
    for line in lines:
        own, seen, kind, words, end_sentence = _line_shape(line)
        assert _shape(line) == (tuple(own), _neighbour_names(tuple(seen)), kind, words, words >= 8 and end_sentence)
    # the same text with other markup is another shape
    assert _shape(Line("Share")) != _shape(Line("Share", "div", 1.0, frozenset({"share"})))
    features = line_features(lines)
    assert features[0][:3] == features[3][:3]  # a repeated line shows the same own features


@given(st.text(max_size=80))
@settings(max_examples=500, deadline=None)
def test_letters_counted_as_str_isalpha(text):
    from kabar.clean.document import _count_letters

    assert _count_letters(text) == sum(map(str.isalpha, text))


CUE_PIECES = ["menurut", "MENURUT", "Dilansir dari", "kantor berita", "harian", "said", "ſaid", "\u212aoran",
              "via", "İni", "ıa", "as reported by", "seperti dikutip", "laman", " ", ", ", "x", "-", "Reuters"]


@given(st.lists(st.sampled_from(CUE_PIECES), max_size=12))
@settings(max_examples=400, deadline=None)
def test_cue_scans_with_a_look_ahead_find_what_the_plain_alternations_find(pieces):
    from kabar.clean.metadata import MEDIA_ONLY_CUES, _cue_patterns
    from kabar.clean.rules import cite_cues, source_descriptors

    text = "".join(pieces)
    cue_re, descriptor_re = _cue_patterns()
    plain_cue = re.compile(r"\b(?:" + "|".join(cite_cues()) + r")\b", re.I)
    plain_descriptor = re.compile(r"\b(?:" + "|".join(re.escape(d) for d in source_descriptors()) + r")\s+", re.I)
    plain_media = re.compile(r"\b(melansir|dilansir(?: dari)?|mengutip(?: dari)?|dikutip dari|seperti dikutip"
                             r"(?: dari)?|as reported by)\s+(?:laman\s+|situs\s+|media\s+)?", re.I)
    for fast, plain in ((cue_re, plain_cue), (descriptor_re, plain_descriptor), (MEDIA_ONLY_CUES, plain_media)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_cue_alternation_looks_ahead_at_the_characters_its_matches_begin_with():
    from kabar.clean.metadata import _word_alternation
    from kabar.clean.rules import first_characters

    assert first_characters("menurut|(?:said|told)|lapor(?:an)?") == {"m", "s", "t", "l"}
    assert _word_alternation("menurut|said") == r"\b(?=[ms])(?:menurut|said)"
    assert _word_alternation(r"\[x|-y") == r"\b(?=[\-\[])(?:\[x|-y)"  # escaped inside the class
    for unclear in ("", "a*", r"\w+x"):  # may match empty or begin with anything: no look-ahead
        assert _word_alternation(unclear) == rf"\b(?:{unclear})"
