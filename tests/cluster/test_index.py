"""The story index on invented articles: duplicates, look-alike events, resume, storylines."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import AGENCY_TEXT, agency_copy, arrest_reports, article, quake_reports  # noqa: E402

from kabar.cluster import StoryIndex, load_params, story_id  # noqa: E402
from kabar.cluster.index import EVICT_EVERY  # noqa: E402


def run(articles, index=None):
    index = index or StoryIndex()
    return {a.id: index.add(a) for a in articles}


def all_invented():
    quakes = quake_reports()
    copy = article("q1-copy", "Gempa Sukamaju: Tiga Meninggal, Ratusan Rumah Rusak", agency_copy(),
                   outlet="koranempat", published="2031-03-03", dates=["2031-03-03"],
                   entities=["loc:sukamaju", "org:bmkg"])
    return quakes[:2] + [copy] + quakes[2:] + arrest_reports()


def test_agency_copy_with_small_edits_is_a_duplicate_in_the_same_story():
    got = run(all_invented())
    assert got["q1-copy"].duplicate_of == "q1"
    assert got["q1-copy"].story == got["q1"].story


def test_different_reports_of_one_event_are_not_duplicates():
    got = run(all_invented())
    assert all(got[x].duplicate_of is None for x in ("q1", "q2", "q3", "q4", "k1", "k2", "k3", "k4"))


def test_exact_copy_is_a_duplicate():
    original = article("a", "Judul", AGENCY_TEXT, published="2031-03-03")
    copy = article("b", "Judul lain sama sekali", AGENCY_TEXT, published="2031-03-03", outlet="lain")
    got = run([original, copy])
    assert got["b"].duplicate_of == "a" and got["b"].story == got["a"].story


def test_one_event_from_several_outlets_is_one_story():
    got = run(all_invented())
    assert got["q1"].story == got["q2"].story == got["q3"].story


def test_lookalike_earthquakes_stay_apart():
    got = run(all_invented())
    assert got["q4"].story != got["q1"].story
    assert got["q4"].new_story


def test_two_arrests_on_one_day_stay_apart_and_each_joins_its_reports():
    got = run(all_invented())
    assert got["k1"].story == got["k3"].story
    assert got["k2"].story == got["k4"].story
    assert got["k1"].story != got["k2"].story


def test_story_ids_come_from_the_first_article():
    got = run(all_invented())
    assert got["q1"].story == story_id("q1") and got["q1"].new_story
    assert not got["q2"].new_story


def test_resume_from_any_point_gives_the_same_assignments():
    articles = all_invented()
    one_run = run(articles)
    for cut in range(1, len(articles)):
        index = StoryIndex()
        first = run(articles[:cut], index)
        resumed = StoryIndex.loads(index.dumps())
        rest = run(articles[cut:], resumed)
        assert {**first, **rest} == one_run, f"resume after {cut} articles differs"


def test_stories_outside_the_window_leave_the_active_set():
    index = StoryIndex({**load_params(), "recent_articles": 30})
    days = [f"2031-01-{d:02d}" for d in range(1, 29)] + [f"2031-02-{d:02d}" for d in range(1, 29)]
    seen = set()
    for i, day in enumerate(d for d in days for _ in range(3)):
        seen.add(index.add(article(f"x{i}", f"Berita nomor {i} tentang hal ke-{i}",
                          [f"Kejadian unik {i} di tempat bernama Lokasi{i} pada {day}."], published=day)).story)
    # Sweeps run every EVICT_EVERY articles: between them a few stale stories may remain.
    bound = (index.params["window_days"] + 1) * 3 + 30 + EVICT_EVERY
    assert len(index.stories) <= bound
    assert len(index.duplicates.signatures) <= bound
    # Lone-article stories leave no summary behind them: the state follows the window.
    assert len(index.storylines.summaries) <= bound < len(seen)


def test_storyline_summaries_are_forgotten_after_the_horizon():
    from kabar.cluster.storylines import StorylineIndex

    lines = StorylineIndex(2, 0.15)
    lines.update("old", ("per:a", "loc:b"), ("x", "y"), None, day=100, seq=1)
    lines.update("new", ("per:a", "loc:b"), ("x", "y"), None, day=700, seq=2)
    lines.update("undated", ("per:a",), ("x",), None, day=None, seq=3)
    assert lines.forget(oldest_day=400, oldest_seq=0) == 1
    assert set(lines.summaries) == {"new", "undated"}
    assert lines.link("newest", ("per:a", "loc:b"), ("x", "y")) == (lines.summaries["new"].storyline, "new")
    assert lines.forget(oldest_day=400, oldest_seq=10) == 1 and "undated" not in lines.summaries


def test_later_story_about_the_same_situation_joins_the_storyline():
    visit = dict(entities=["per:menlu-arkana", "loc:negeri-utara", "loc:negeri-selatan"])
    first = article("v1", "Menlu Arkana Kunjungi Negeri Utara, Bahas Kemitraan Strategis", [
        "Menteri Luar Negeri Negeri Selatan, Arkana, tiba di ibu kota Negeri Utara untuk membahas kemitraan strategis kedua negara.",
        "Arkana dan mitranya sepakat memperkuat kerja sama energi dan perdagangan perbatasan.",
    ], published="2031-02-21", dates=["2031-02-21"], **visit)
    later = article("v2", "Arkana Kembali ke Negeri Utara, Kemitraan Strategis Diperluas", [
        "Menlu Arkana kembali mengunjungi Negeri Utara setahun setelah kunjungan pertamanya.",
        "Kedua negara memperluas kemitraan strategis ke bidang pertahanan dan perdagangan perbatasan.",
    ], published="2032-04-09", dates=["2032-04-09"], **visit)
    other = article("o1", "Banjir Rendam Ratusan Rumah di Kampung Hilir", [
        "Banjir setinggi satu meter merendam ratusan rumah warga di Kampung Hilir setelah hujan deras semalaman.",
    ], published="2032-04-09", dates=["2032-04-09"], entities=["loc:kampung-hilir"])
    index = StoryIndex()
    got = run([first, other, later], index)
    assert got["v2"].story != got["v1"].story
    assert got["v2"].storyline is not None
    assert index.storyline_of(got["v1"].story) == got["v2"].storyline
    assert got["o1"].storyline is None


def test_empty_article_gets_a_story_of_its_own():
    got = run([article("e", None, []), article("f", None, [])])
    assert got["e"].story != got["f"].story


def test_storyline_changes_name_the_older_story_once():
    entities = ["per:menlu-arkana", "loc:negeri-utara", "loc:negeri-selatan"]
    first = article("w1", "Arkana Bahas Kemitraan Strategis di Negeri Utara",
                    ["Menlu Arkana membahas kemitraan strategis dan perdagangan perbatasan di Negeri Utara."],
                    published="2031-02-21", entities=entities)
    later = article("w2", "Arkana Kembali, Kemitraan Strategis Diperluas",
                    ["Menlu Arkana kembali ke Negeri Utara; kemitraan strategis dan perdagangan perbatasan diperluas."],
                    published="2032-04-09", entities=entities)
    index = StoryIndex()
    a, b = index.add(first), index.add(later)
    assert a.story != b.story
    assert index.pop_storyline_changes() == {a.story: b.storyline, b.story: b.storyline}
    assert index.pop_storyline_changes() == {}
