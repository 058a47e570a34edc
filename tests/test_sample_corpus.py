"""The shipped sample corpus against the team's own labels (examples/corpus/events.json)."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from kabar.pipeline import Pipeline
from kabar.store import Store

from .conftest import EXAMPLES

LABELS = json.loads((EXAMPLES / "events.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('sample') / 'k.db'}")
    report = Pipeline(store).ingest_paths([EXAMPLES])
    assert report.rejected == []
    return {a.id: a for a in store.iter_articles()}


def _gold() -> dict[str, str]:
    return {a: name for name, event in LABELS["events"].items() for a in event["articles"]}


def pairwise(articles: dict) -> tuple[float, float, float]:
    gold = _gold()
    ids = sorted(gold)
    same_gold = {p for p in combinations(ids, 2) if gold[p[0]] == gold[p[1]]}
    same_pred = {p for p in combinations(ids, 2) if articles[p[0]].story == articles[p[1]].story}
    tp = len(same_gold & same_pred)
    precision = tp / len(same_pred) if same_pred else 1.0
    recall = tp / len(same_gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if tp else 0.0


def test_every_article_is_read(articles: dict):
    assert set(_gold()) <= set(articles)


def test_events_form_stories(articles: dict):
    precision, recall, f1 = pairwise(articles)
    # measured: pairwise P 1.000, R 0.567, F1 0.724; floors a little below
    assert precision >= 0.95 and f1 >= 0.68, (precision, recall, f1)


def test_look_alike_events_stay_apart(articles: dict):
    events = LABELS["events"]
    for first, second in LABELS.get("look_alikes", []):
        stories_a = {articles[a].story for a in events[first]["articles"]}
        stories_b = {articles[a].story for a in events[second]["articles"]}
        assert not stories_a & stories_b, (first, second)


def test_copies_are_found(articles: dict):
    for copy, original in LABELS["duplicates"]:
        linked = articles[copy].duplicate_of == original or articles[original].duplicate_of == copy
        assert linked, (copy, original)
        assert articles[copy].story == articles[original].story
