"""The comparison features that tell look-alike events apart, on small invented articles."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import article  # noqa: E402

from kabar.cluster.profile import FEATURES, StoryState, build_profile, features, weigh  # noqa: E402
from kabar.cluster.text import Stemmer  # noqa: E402

STEM = Stemmer()


def profile(a):
    p = build_profile(a, STEM)
    flat = lambda term: 1.0  # noqa: E731  every term weighs the same: the features compare, not rank
    p.vec, p.lead_vec, p.name_vec = weigh(p.text_terms, flat), weigh(p.lead_terms, flat), weigh(p.names, flat)
    return p


def story_of(*articles):
    story = StoryState(id="s", first_article=articles[0].id)
    for seq, a in enumerate(articles, 1):
        story.absorb(profile(a), seq)
    return story


def named(p, story):
    return dict(zip(FEATURES, features(p, story)))


QUAKE_2008 = article("q1", "Quake hits the south coast", [
    "A magnitude 5.9 quake struck the south coast on Sunday in 2008, officials said.",
    "Two villages were damaged, the provincial disaster office said."], language="en")
QUAKE_2008_FOLLOW = article("q2", "Villages count damage after south coast quake", [
    "Residents of two villages counted the damage of the 2008 quake, the disaster office said."], language="en")
QUAKE_2013 = article("q3", "Quake hits the south coast again", [
    "A magnitude 6.3 quake struck the south coast in 2013, five years after the 2008 one, officials said.",
    "Seven villages were damaged, the provincial disaster office said."], language="en")
NO_YEAR = article("q4", "Quake hits the south coast", [
    "A quake struck the south coast on Sunday, officials said."], language="en")


def test_the_latest_year_named_tells_a_later_sibling_apart():
    story = story_of(QUAKE_2008)
    same = named(profile(QUAKE_2008_FOLLOW), story)
    sibling = named(profile(QUAKE_2013), story)
    # The sibling shares a year with the story (its background "2008"): sharing alone misleads.
    assert sibling["year_shared"] == 1.0
    assert (same["latest_year_same"], same["latest_year_differs"]) == (1.0, 0.0)
    assert (sibling["latest_year_same"], sibling["latest_year_differs"]) == (0.0, 1.0)


def test_no_year_is_neither_same_nor_different():
    got = named(profile(NO_YEAR), story_of(QUAKE_2008))
    assert got["latest_year_same"] == got["latest_year_differs"] == 0.0


def test_first_exemplar_compares_with_the_story_anchor():
    story = story_of(QUAKE_2008, QUAKE_2008_FOLLOW)
    anchor = named(profile(QUAKE_2008), story)["first_exemplar"]
    other = named(profile(QUAKE_2013), story)["first_exemplar"]
    assert anchor > 0.99 and 0.0 < other < anchor


def test_first_exemplar_is_the_first_article_not_the_nearest():
    story = story_of(QUAKE_2008, QUAKE_2008_FOLLOW)
    got = named(profile(QUAKE_2008_FOLLOW), story)
    assert got["max_exemplar"] > 0.99 > got["first_exemplar"]
