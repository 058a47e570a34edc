"""Learn the clustering weights and threshold from the labelled dev sets; write params.json.

    .venv/bin/python -m kabar.cluster.tune            # learn on all dev data, write params
    .venv/bin/python -m kabar.cluster.tune --heldout  # also report a held-out estimate

1. Pair examples: each dev set is replayed in arrival order with every article put in its gold
   story ("teacher forcing"); the article is compared with each candidate story the index
   retrieves, labelled 1 when the candidate holds its gold event.
2. A logistic regression over those pair features gives the weights.
3. The join threshold is the one giving the best mean of ECB+ BCubed F1 and events-id pairwise
   F1 (the figures each set's README calls telling) in real online runs.
The held-out estimate learns on half the ECB+ topics and scores the other half, both ways.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from kabar.records import Article

from . import devdata
from .index import DEFAULT_PARAMS, StoryIndex
from .profile import FEATURES, ArticleProfile, StoryState, features

PARAMS_PATH = Path(__file__).resolve().parents[1] / "data" / "cluster" / "params.json"
THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7]
REGULARISATION = 1.0


class _TeacherForcedIndex(StoryIndex):
    """Puts each article in its gold story and records pair features on the way."""

    def __init__(self, gold: dict[str, str], params: dict) -> None:
        super().__init__(params)
        self.gold = gold
        self.rows: list[list[float]] = []
        self.labels: list[int] = []
        self._story_event: dict[str, str] = {}
        self._current: str | None = None

    def add(self, article: Article):
        self._current = self.gold.get(article.id)
        assignment = super().add(article)
        self._story_event.setdefault(assignment.story, self._current)
        return assignment

    def _best_story(self, profile: ArticleProfile) -> StoryState | None:
        target = None
        for story in self.candidates(profile):
            label = int(self._story_event.get(story.id) == self._current)
            self.rows.append(features(profile, story))
            self.labels.append(label)
            if label:
                target = story
        if target is None:  # the gold story was not retrieved: still keep the article with it
            for story in self.stories.values():
                if self._story_event.get(story.id) == self._current:
                    return story
        return target


def pair_examples(sets: list[tuple[list[Article], dict[str, str]]]) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for articles, gold in sets:
        index = _TeacherForcedIndex(gold, dict(DEFAULT_PARAMS))
        for article in articles:
            if article.id in gold:
                index.add(article)
        rows += index.rows
        labels += index.labels
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(x, y)
    return {
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])},
        "bias": round(float(model.intercept_[0]), 4),
    }


def cluster(articles: list[Article], params: dict) -> tuple[dict[str, str], dict[str, str | None]]:
    index = StoryIndex(params)
    stories, dups = {}, {}
    for article in articles:
        a = index.add(article)
        stories[a.article_id] = a.story
        dups[a.article_id] = a.duplicate_of
    return stories, dups


def score(articles: list[Article], gold: dict[str, str], params: dict) -> dict:
    pred, _ = cluster([a for a in articles if a.id in gold], params)
    bp, br, bf = devdata.bcubed(pred, gold)
    pp, pr, pf = devdata.pairwise(pred, gold)
    return {"bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf, "pairwise_p": pp, "pairwise_r": pr, "pairwise_f1": pf}


def choose_threshold(params: dict, ecb, events) -> float:
    best, best_value = params["threshold"], -1.0
    for t in THRESHOLDS:
        trial = {**params, "threshold": t}
        parts = []
        if ecb:
            parts.append(score(*ecb, trial)["bcubed_f1"])
        if events:
            parts.append(score(*events, trial)["pairwise_f1"])
        value = sum(parts) / len(parts)
        if value > best_value:
            best, best_value = t, value
    return best


def learn(ecb, events) -> dict:
    sets = [s for s in (ecb, events) if s]
    x, y = pair_examples(sets)
    params = {**DEFAULT_PARAMS, **fit(x, y)}
    params["threshold"] = choose_threshold(params, ecb, events)
    return params


def _topic_half(gold: dict[str, str], half: int) -> dict[str, str]:
    return {a: ev for a, ev in gold.items() if int(ev.split("_")[0]) % 2 == half}


def heldout(ecb, events) -> dict:
    """Learn on half the ECB+ topics (and all events-id), score the other half."""
    articles, gold = ecb
    out = {}
    for half in (0, 1):
        train = (articles, _topic_half(gold, half))
        test = (articles, _topic_half(gold, 1 - half))
        params = learn(train, events)
        out[f"topics_mod2_{1 - half}"] = {**score(*test, params), "threshold": params["threshold"]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--heldout", action="store_true", help="also report a held-out ECB+ estimate")
    ap.add_argument("--plain", action="store_true", help="use unannotated articles")
    ap.add_argument("--out", type=Path, default=PARAMS_PATH)
    args = ap.parse_args()
    ecb = devdata.ecbplus(annotated=not args.plain)
    events = devdata.events_id(annotated=not args.plain)
    if not ecb and not events:
        raise SystemExit(f"no dev data under {devdata.shared_data()}")
    if args.heldout and ecb:
        print(json.dumps(heldout(ecb, events), indent=1))
    params = learn(ecb, events)
    for name, data in (("ecbplus-dev", ecb), ("events-id-dev", events)):
        if data:
            print(name, {k: round(v, 3) for k, v in score(*data, params).items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
    print("wrote", args.out, json.dumps(params))


if __name__ == "__main__":
    main()
