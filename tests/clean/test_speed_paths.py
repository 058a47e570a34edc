"""The clean stage's fast paths answer exactly as their plain definitions: case-insensitive
patterns asked on lowercased text, the anchored rule alternation split by first character, the
rule prefilters, and the per-page feature columns of the line classifier."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean.classify import LONG_LINE_WORDS, SINCE, _long_line_context, _rule_context, _rule_names, line_features
from kabar.clean.lines import text_lines
from kabar.clean.rules import (
    AnchoredAlternation, Caseless, _prefilters, first_characters, kind_by_patterns, lowered, rule_kind,
)

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "seeds"

# Boilerplate openings and the characters that re.IGNORECASE folds unlike str.lower
PIECES = ["Baca juga", "BACA JUGA", ":", " ", "Foto", "(", ")", "[", "]", "/", "Editor", "©", "2019", "12",
          "komentar", "Share", "ſhare", "\u212aomentar", "İklan", "ıklan", "Σ", "ς", "Beranda", " › ", " | ",
          "WIB", "Reuters", "kata", "menurut", "Scroll to continue with content", "ADVERTISEMENT", "x", ".",
          "gambas:", "Artikel Terkait", "é", "Ç"]
texts = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


def _seed_lines() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed pages at {SEEDS} (the shared data is not checked out beside the repo)")
    return [l.text for p in sorted(SEEDS.glob("*.txt")) for l in text_lines(p.read_text(encoding="utf-8"))]


def test_lowered_refuses_text_that_folds_unlike_lower():
    assert lowered("Baca JUGA: Banjir") == "baca juga: banjir"
    for special in ("İstanbul", "Kılıçdaroğlu", "ſ", "ΣΟΦΙΑ"):
        assert lowered(special) is None


@given(texts)
@settings(max_examples=400, deadline=None)
def test_caseless_finds_what_ignorecase_finds(text):
    patterns = [r"\bbaca (juga|pula)\b", r"^(foto|ilustrasi)\s*:", r"komentar$", r"[a-z]+ › [a-z]+",
                r"\bReuters\b", r"(?i:x)y", r"\u0130klan"]
    for pattern in patterns:
        fast, plain = Caseless(pattern), re.compile(pattern, re.I)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert (fast.match(text) is None) == (plain.match(text) is None)


def test_caseless_keeps_ignorecase_for_patterns_naming_capitals():
    assert Caseless(r"\bReuters\b").plain is None
    assert Caseless(r"\u0130klan").plain is None
    assert Caseless(r"(?i:x)").plain is None
    assert Caseless(r"\bbaca\s+\w+").plain is not None


def test_first_characters_read_from_the_parse():
    assert first_characters(r"^(baca|simak) (juga|pula)\b") == {"b", "s"}
    assert first_characters(r"^\[?gambas:") == {"[", "g"}
    assert first_characters(r"^(a\s*){2,3}x") == {"a"}
    assert first_characters(r"^[a-c]x|^d") == {"a", "b", "c", "d"}
    for unclear in (r"^\d+ komentar", r"^.{0,60}wib", r"^[^a]b", r"^(x)?", r"^\w+", r"(?=a)a", ""):
        assert first_characters(unclear) is None


@given(texts)
@settings(max_examples=400, deadline=None)
def test_anchored_alternation_matches_where_the_whole_does(text):
    for prefilter in _prefilters():
        anchored = prefilter[0]
        assert isinstance(anchored, AnchoredAlternation)
        assert (anchored.match(text) is None) == (anchored.whole.ignorecase.match(text) is None)


@given(texts)
@settings(max_examples=400, deadline=None)
def test_rule_kind_as_its_patterns_define_it(text):
    assert rule_kind(text) == kind_by_patterns(text)


def test_rule_kind_as_its_patterns_define_it_on_the_seeds():
    lines = _seed_lines()
    kinds = [rule_kind(t) for t in lines]
    assert kinds == [kind_by_patterns(t) for t in lines]
    assert sum(k is not None for k in kinds) >= 5  # the seeds hold boilerplate the rules know


@given(st.lists(st.sampled_from([None, None, None, "comments", "related-links", "navigation"]), max_size=60))
@settings(deadline=None)
def test_rule_context_as_line_by_line(kinds):
    expected, seen = [], {}
    for i, kind in enumerate(kinds):
        names = []
        for k, where in seen.items():
            names.extend(_rule_names(k, SINCE(i - where)))
        expected.append(tuple(names))
        if kind:
            seen[kind] = i
    assert _rule_context(kinds) == expected


@given(st.lists(st.integers(0, 40), max_size=50))
@settings(deadline=None)
def test_long_line_context_as_nearest_long_line(word_counts):
    n = len(word_counts)
    long_idx = [i for i, w in enumerate(word_counts) if w >= LONG_LINE_WORDS]
    context = _long_line_context(word_counts)
    assert len(context) == n
    for i, names in enumerate(context):
        if not long_idx:
            assert names == ("no_long_line",)
            continue
        below = [j - i for j in long_idx if j >= i]
        above = [i - j for j in long_idx if j < i]
        distance = min((below[0] if below else n), *(above[-1:] or [n]))
        assert f"dist_long={_bucket(distance)}" in names
        assert ("before_first_long" in names) == (i < long_idx[0])
        assert ("after_last_long" in names) == (i > long_idx[-1])
        assert ("inside_long_span" in names) == (long_idx[0] <= i <= long_idx[-1])


def _bucket(distance: int) -> str:
    for edge in (0, 1, 2, 4, 8, 16):
        if distance <= edge:
            return str(edge)
    return ">16"


def test_line_features_of_the_seeds_carry_one_of_each_page_feature():
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else pytest.skip(f"no seed pages at {SEEDS}"):
        lines = text_lines(path.read_text(encoding="utf-8"))
        features = line_features(lines)
        assert len(features) == len(lines)
        for i, f in enumerate(features):
            for prefix in ("pos=", "wpos=", "rel_len=", "prose_window=", "len=", "caps="):
                assert sum(x.startswith(prefix) for x in f) == 1, (path.name, i, prefix)
            assert f.count("bias") == 1
            assert ("-1:edge" in f) == (i == 0) and ("2:edge" in f) == (i >= len(lines) - 2)
            assert ("repeated" in f) == (sum(l.text == lines[i].text for l in lines) > 1)
        # with extra values, the same names plus the extras
        extra = [{"traf": 0.5} for _ in lines]
        as_dicts = line_features(lines, extra)
        assert [list(d)[:-1] for d in as_dicts] == features and all(d["traf"] == 0.5 for d in as_dicts)


BYLINE_PIECES = ["Penulis", "penulis", "REDAKTUR", "Editor", "By", "oleh", "Oleh", "Kontributor", " ", ":", "|",
                 "\u00a0", "\t", "Budi Santoso", "ſ", "\u212a", "İ", "yf/vlz", "(", "-", "1", "Reporter", "Laporan wartawan"]


@given(st.lists(st.sampled_from(BYLINE_PIECES), max_size=8).map("".join))
@settings(max_examples=400, deadline=None)
def test_lines_refused_by_their_first_character_are_no_bylines(text):
    from kabar.clean.metadata import _cannot_open_byline
    from kabar.clean.rules import byline_line

    if _cannot_open_byline(text):
        assert byline_line().match(text) is None


def test_byline_keys_still_open_bylines():
    from kabar.clean.metadata import parse_byline

    assert parse_byline("Redaktur : Lili Lestari") == (["Lili Lestari"], [])
    assert parse_byline("  Penulis: Slamet Widodo") == (["Slamet Widodo"], [])
    assert parse_byline("Banjir merendam ratusan rumah") is None
