"""The brief of a hand-written five-outlet story: traceability, no repeats, timeline order,
merged quotes, each outlet's own facts, and the terminal rendering."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.console import Console

from kabar.brief import build_brief, render_brief
from tests.brief.story_fixture import PUTIN_QUOTE_A, moscow_story

_WORD = re.compile(r"\w+")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 3}


def best_overlap(text: str, article) -> float:
    """Share of the item's content words found together in one sentence-ish paragraph of the article:
    an independent check of "this article says it", not the brief's own measure."""
    words = content_words(text)
    return max(len(words & content_words(p)) / len(words) for p in article.body)


@pytest.fixture(scope="module")
def articles():
    return moscow_story()


@pytest.fixture(scope="module")
def story(articles):
    return build_brief("s-moskow", articles)


def test_every_summary_sentence_is_text_of_its_first_article_and_supported_by_the_others(story, articles):
    by_id = {a.id: a for a in articles}
    assert 3 <= len(story.summary) <= 6
    for sentence in story.summary:
        first, *others = sentence.articles
        assert sentence.text in by_id[first].text
        for article_id in others:
            assert article_id in story.articles
            assert best_overlap(sentence.text, by_id[article_id]) >= 0.3, (sentence.text, article_id)


def test_the_summary_never_says_one_thing_twice(story):
    texts = [s.text for s in story.summary]
    assert len(set(texts)) == len(texts)
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            words_a, words_b = content_words(a), content_words(b)
            assert len(words_a & words_b) / len(words_a | words_b) < 0.5, (a, b)


def test_the_summary_has_no_boilerplate_and_no_bare_quote(story):
    for sentence in story.summary:
        assert not sentence.text.lower().startswith("baca juga")
        assert not sentence.text.startswith('"')


def test_the_summary_names_the_facts_several_outlets_agree_on(story):
    summary = " ".join(s.text for s in story.summary).lower()
    for fact in ("patrushev", "menstabilkan situasi internasional", "kokoh seperti batu", "xi jinping", "senjata"):
        assert fact in summary, fact


def test_a_fact_reported_by_three_outlets_carries_all_three(story):
    patrushev = next(s for s in story.summary if "Patrushev" in s.text)
    assert {"warta-1", "kabar-1", "suara-1"} <= set(patrushev.articles)


def test_a_duplicate_is_coverage_not_content(story):
    assert "daerah-1" in story.articles
    assert all("daerah-1" not in s.articles for s in story.summary)
    daerah = next(c for c in story.coverage if c.outlet == "Warta Daerah")
    assert daerah.articles == ("daerah-1",)


def test_the_timeline_is_in_calendar_order_with_the_meetings_on_their_days(story, articles):
    dates = [e.date for e in story.timeline]
    assert dates == sorted(dates)
    by_id = {a.id: a for a in articles}
    for entry in story.timeline:
        assert any(entry.text in by_id[a].text for a in entry.articles)
    on_21 = [e for e in story.timeline if e.date == "2023-02-21"]
    assert len(on_21) == 1 and "Patrushev" in on_21[0].text
    assert {"warta-1", "kabar-1", "suara-1"} <= set(on_21[0].articles)
    on_22 = " ".join(e.text for e in story.timeline if e.date == "2023-02-22")
    assert "Lavrov" in on_22 and "Putin" in on_22


def test_the_start_of_the_war_is_background(story):
    war = [e for e in story.timeline if e.date == "2022-02-24"]
    assert len(war) == 1 and war[0].background
    assert all(not e.background for e in story.timeline if e.date.startswith("2023"))


def test_one_quote_reported_by_three_outlets_is_one_statement_with_all_sources(story):
    putin = [q for q in story.quotes if q.speaker_id == "per:putin"]
    assert len(putin) == 1
    assert set(putin[0].articles) == {"warta-1", "suara-1", "berita-1"}
    assert putin[0].direct and putin[0].text == PUTIN_QUOTE_A


def test_reported_speech_stays_marked_as_reported(story):
    lavrov = [q for q in story.quotes if q.speaker == "Sergei Lavrov"]
    assert len(lavrov) == 1 and not lavrov[0].direct


def test_what_only_one_outlet_reported_is_listed_under_it(story):
    by_outlet = {c.outlet: c for c in story.coverage}
    assert any("pasar" in fact for fact in by_outlet["Berita Kini"].unique)
    shared = [s.text for s in story.summary if len(s.articles) >= 2]
    for coverage in story.coverage:
        assert not set(coverage.unique) & set(shared)
    assert by_outlet["Suara Dunia"].cited_sources == ("Reuters", "TASS")


def test_title_is_a_story_title_and_does_not_depend_on_article_order(story, articles):
    assert story.title in {a.title for a in articles}
    assert build_brief("s", list(reversed(articles))).title == story.title


def test_span_and_outlets(story):
    assert (story.start, story.end) == ("2023-02-22", "2023-02-23")
    assert len(story.outlets) == 5


def test_export_matches_the_contract_shape(story):
    record = story.to_export()
    assert record["summary"] == [s.text for s in story.summary]
    assert {"date", "text", "articles"} <= set(record["timeline"][0])


def test_render_fits_a_90_column_terminal_and_shows_every_part(story, articles):
    console = Console(record=True, width=90, color_system=None)
    console.print(render_brief(story, {a.id: a for a in articles}))
    out = console.export_text()
    assert story.title in out.replace("\n", " ") or story.title[:40] in out
    for heading in ("Summary", "Timeline", "Who said what", "Coverage", "Where outlets differ"):
        assert heading in out
    assert "120" in out and "150" in out  # the two outlets' numbers for one fact
    assert max(len(line) for line in out.splitlines()) <= 90


def test_a_one_article_story_still_gets_a_brief():
    article = moscow_story()[1]
    story = build_brief("solo", [article])
    assert story.title == article.title
    assert story.summary and all(s.articles == (article.id,) for s in story.summary)
    assert all(c.unique == () for c in story.coverage)
    console = Console(record=True, width=80)
    console.print(render_brief(story, {article.id: article}))
    assert "Summary" in console.export_text()


def test_an_article_without_title_outlet_or_annotations_is_handled():
    bare = replace(moscow_story()[0], title=None, outlet=None, entities=(), dates=(), quotes=(), cited_sources=())
    story = build_brief("bare", [bare])
    assert story.title and story.title in bare.text
    assert story.coverage[0].outlet == "(unknown outlet)"


def test_an_empty_story():
    story = build_brief("empty", [])
    assert story.summary == () and story.start is None
