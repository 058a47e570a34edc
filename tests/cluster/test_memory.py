"""The index's memory follows the window, not the archive: every structure it keeps is bounded by
recent arrivals or recent days, however long the stream.

The decay period is made short here (PRUNE_DF_EVERY is a module constant read at each arrival),
so that a stream of hundreds of invented articles goes through the many periods an archive of
millions would.
"""

from __future__ import annotations

import math
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import article  # noqa: E402

from kabar.cluster import StoryIndex, load_params  # noqa: E402
from kabar.cluster import index as index_module  # noqa: E402
from kabar.cluster.duplicates import NUM_PERM, DuplicateFinder  # noqa: E402
from kabar.cluster.storylines import StorylineIndex  # noqa: E402

COMMON = "gempa guncang warga rumah rusak"


def word(n: int, prefix: str) -> str:
    """An invented word made of letters only (digits and particles would be split or stripped)."""
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters += chr(ord("a") + r)
        if not n:
            return f"{prefix}{letters}x"


def test_document_frequencies_follow_a_window_of_arrivals(monkeypatch):
    period = 40
    monkeypatch.setattr(index_module, "PRUNE_DF_EVERY", period)
    index = StoryIndex()
    articles = 800
    for i in range(articles):
        # A word of its own (gone at the next decay), a word shared with the next article (fades
        # after a few decays) and the common words of every article.
        own, pair = word(i, "zo"), word(i // 2, "zp")
        text = f"{COMMON} {own} {pair}."
        index.add(article(f"d{i}", f"{COMMON} {own}", [text], published="2031-03-03"))
    pair_words = {t for t in index.df if t.startswith("zp")}
    own_words = {t for t in index.df if t.startswith("zo")}
    # Counted over the whole stream there would be 400 pair words and 800 own words.
    assert len(own_words) <= period
    assert len(pair_words) <= period // 2 + 8 * period // 2  # the last period's, and ~7 periods of fading
    # A word in every article keeps the idf of a word in every article: the document count
    # decays with the counts.
    common = next(t for t in index.df if t.startswith("gemp"))
    idf = math.log((index.doc_count + 1) / (index.df[common] + 1)) + 1.0
    assert abs(idf - 1.0) < 0.02
    assert index.doc_count < articles / 2


def test_decayed_frequencies_survive_dumps_and_loads(monkeypatch):
    monkeypatch.setattr(index_module, "PRUNE_DF_EVERY", 10)
    index = StoryIndex()
    for i in range(35):
        index.add(article(f"d{i}", f"{COMMON} {word(i, 'zo')}", [f"{COMMON} {word(i // 3, 'zp')}."],
                          published="2031-03-03"))
    loaded = StoryIndex.loads(index.dumps())
    assert loaded.df == index.df and loaded.doc_count == index.doc_count
    follow_up = article("next", f"{COMMON} {word(1, 'zp')}", [f"{COMMON} {word(1, 'zp')}."], published="2031-03-03")
    assert loaded.add(follow_up) == index.add(follow_up)


def test_removing_every_article_empties_every_lsh_bucket():
    finder = DuplicateFinder(0.5)
    rng = np.random.default_rng(7)
    signatures = {f"a{i}": rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32) for i in range(200)}
    for aid, sig in signatures.items():
        finder.add(aid, sig, 100)
    finder.add("copy", signatures["a0"].copy(), 100)  # a bucket shared by two articles
    assert finder.find(signatures["a0"], 100)[0] == "a0"
    for aid in [*signatures, "copy"]:
        finder.remove(aid)
    assert not finder.signatures and not finder.sizes
    assert all(not band for band in finder._bands)
    assert finder.find(signatures["a0"], 100) == (None, 0.0)


def test_storyline_summaries_share_one_copy_of_each_word():
    lines = StorylineIndex(2, 0.15)
    first = ("".join(["pem", "ilu"]), "".join(["gub", "ernur"]))
    second = ("pemi" + "lu"[:2], "gube" + "rnur")
    assert first == second and first[0] is not second[0]
    lines.update("s1", ("per:a", "loc:b"), first, None, day=1, seq=1)
    lines.update("s2", ("per:a", "loc:b"), second, None, day=2, seq=2)
    assert lines.summaries["s1"].terms[0] is lines.summaries["s2"].terms[0]


def test_a_long_stream_keeps_summaries_of_the_storyline_horizon_only(monkeypatch):
    # Two-article stories, one a day for a year and a half, remembered for 60 days.
    monkeypatch.setattr(index_module, "PRUNE_DF_EVERY", 50)
    horizon = 60
    index = StoryIndex({**load_params(), "storyline_days": horizon, "recent_articles": 20})
    start = date(2031, 1, 1)
    days = 540
    for d in range(days):
        day = (start + timedelta(days=d)).isoformat()
        topic = f"{word(d, 'zt')} {word(d, 'zu')} {word(d, 'zv')}"
        for copy in range(2):
            index.add(article(f"x{d}-{copy}", f"Peristiwa {topic}", [f"Laporan {copy} tentang {topic} di {word(d, 'zl')}."],
                              published=day, entities=[f"loc:{word(d, 'zl')}", f"per:{word(d, 'zn')}"]))
    stories = {index.article_meta[a][2] for a in index.article_meta}
    assert len(stories) <= len(index.stories)
    # Summaries of the last horizon (plus one decay period, when forgetting runs) remain.
    assert len(index.storylines.summaries) <= horizon + 50 // 2 + index.params["window_days"] + 2
    assert len(index.storylines.summaries) < days
    assert len(index.article_meta) <= 2 * (index.params["window_days"] + 1) + 20 + index_module.EVICT_EVERY
    lsh_keys = sum(len(band) for band in index.duplicates._bands)
    assert lsh_keys <= len(index.duplicates.signatures) * len(index.duplicates._bands)
