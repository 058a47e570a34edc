"""The brief on real articles from ../shared/data: a quality floor on the ECB+ DEV gold stories
(articles as plain paragraphs, so the figure depends on the brief alone), and the Feb-2023 seed
story through the real clean and annotate stages."""

from __future__ import annotations

import json
from collections import defaultdict
from statistics import fmean

import pytest

from kabar.brief import build_brief, render_brief
from kabar.brief.evaluate import lead_baseline, plain_article, summary_quality
from kabar.records import RawDocument
from tests.conftest import shared

# Measured 0.50 fact coverage and 0.65 of the top-6 facts on plain articles (bench/brief.py
# measures the same with the pipeline's cleaning and annotation);
# the lead baseline reaches about half of that.
MIN_FACT_COVERAGE = 0.45
MIN_TOP_COVERAGE = 0.6


@pytest.fixture(scope="module")
def ecbplus_stories():
    folder = shared("ecbplus-dev")
    gold = json.loads((folder / "gold.json").read_text())
    stories = defaultdict(list)
    with (folder / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in gold:
                stories[gold[record["id"]]].append(plain_article(record))
    return dict(stories)


def test_summaries_carry_the_facts_several_articles_agree_on(ecbplus_stories):
    kabar, lead = [], []
    for event, articles in ecbplus_stories.items():
        story = build_brief(event, articles)
        assert 1 <= len(story.summary) <= 6
        kabar.append(summary_quality(articles, [s.text for s in story.summary]))
        lead.append(summary_quality(articles, lead_baseline(articles)))
    fact_coverage = fmean(q["fact_coverage"] for q in kabar if q["fact_coverage"] is not None)
    top_coverage = fmean(q["top_coverage"] for q in kabar if q["top_coverage"] is not None)
    assert fact_coverage >= MIN_FACT_COVERAGE
    assert top_coverage >= MIN_TOP_COVERAGE
    assert fact_coverage > 1.5 * fmean(q["fact_coverage"] for q in lead if q["fact_coverage"] is not None)


def test_every_item_of_a_real_brief_is_text_of_the_articles_it_names(ecbplus_stories):
    for event, articles in list(ecbplus_stories.items())[:10]:
        by_id = {a.id: a for a in articles}
        story = build_brief(event, articles)
        for sentence in story.summary:
            assert sentence.text in by_id[sentence.articles[0]].text
            assert set(sentence.articles) <= set(story.articles)
        texts = [s.text for s in story.summary]
        assert len(set(texts)) == len(texts)
        for coverage in story.coverage:
            for fact in coverage.unique:
                assert any(fact in by_id[a].text for a in coverage.articles)


@pytest.fixture(scope="module")
def seed_articles():
    pipeline = pytest.importorskip("kabar.pipeline", reason="needs the clean and annotate stages")
    folder = shared("seeds")
    paths = sorted(folder.glob("00[01]_*.txt"))
    if len(paths) < 2:
        pytest.skip("needs seeds 000 and 001 in ../shared/data/seeds")
    return [pipeline.prepare(RawDocument(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")))
            for p in paths]


def test_the_seed_story_brief(seed_articles):
    from rich.console import Console

    story = build_brief("seed", seed_articles)
    summary = " ".join(s.text for s in story.summary)
    assert len(story.summary) <= 6
    assert "menstabilkan situasi internasional" in summary
    # The two seeds share few facts word for word, so which single-outlet facts fill the rest
    # of the summary moves with the annotation; these two are stated early and name many.
    assert "Wang Yi" in summary and "senjata" in summary
    assert "Baca juga" not in summary
    assert story.start == story.end == "2023-02-22"
    background = [e for e in story.timeline if e.background]
    assert [e.date for e in background] == ["2022-02-24"]
    assert any(e.date == "2023-02-22" and not e.background for e in story.timeline)
    console = Console(record=True, width=100, color_system=None)
    console.print(render_brief(story, {a.id: a for a in seed_articles}))
    assert max(len(line) for line in console.export_text().splitlines()) <= 100
