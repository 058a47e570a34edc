"""Anchored rule alternatives behind a guard (a character every match must hold) match exactly
where they did without it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean.lines import text_lines
from kabar.clean.rules import _prefilters, first_characters, guarded, top_level_alternatives
from tests.clean.conftest import shared_path


def _anywhere_alternatives() -> list[str]:
    alternatives = []
    for anchored, _ in _prefilters():
        pattern = anchored.whole.plain.pattern
        alternatives += [a for a in top_level_alternatives(pattern) if first_characters(a) is None]
    return alternatives


def test_guards_chosen_from_the_parse():
    assert guarded(r"^a\|b") == r"(?=[^\|]*+[\|])(?:^a\|b)"
    assert guarded(r"^.{0,60}\d{2}:\d\d wib$").startswith(r"(?=[^\d]*+[\d])")  # a digit before a colon
    assert guarded(r"^(\d+ )?komentar$") == r"^(\d+ )?komentar$"  # the digits are optional
    assert guarded(r"^(a|\|)b") == r"^(a|\|)b"  # inside an alternative nothing is certain
    assert guarded(r"^(?=x\|)x") == r"^(?=x\|)x"  # nor inside a look-ahead
    assert sum(guarded(a) != a for a in _anywhere_alternatives()) >= 3  # the rules do have some


PIECES = ["Beranda", " › ", " » ", " > ", " / ", " | ", "Asia", "12:30 WIB", "19.45 wita", "2019", "|", "›", "/",
          "Komentar", "3 komentar", "comments", "on May 3, 2019 said:", "x", " ", ".", ":", "(", ")", "[", "]", "é"]
line = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(line)
def test_guarded_alternatives_match_as_before(text):
    low = text.lower()
    for alternative in _anywhere_alternatives():
        assert (re.match(guarded(alternative), low) is None) == (re.match(alternative, low) is None), alternative


def test_guarded_alternatives_on_the_shared_lines():
    pages = [p for folder in ("seeds", "extraction-dev/text") for p in sorted(shared_path(folder).glob("*.txt"))]
    lines = [l.text.lower() for p in pages for l in text_lines(p.read_text(encoding="utf-8", errors="replace"))]
    for alternative in _anywhere_alternatives():
        plain, guard = re.compile(alternative), re.compile(guarded(alternative))
        assert [t for t in lines if plain.match(t)] == [t for t in lines if guard.match(t)], alternative
