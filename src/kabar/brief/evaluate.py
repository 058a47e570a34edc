"""How well a summary carries the facts several articles agree on: the measure of bench/brief.py
and of the quality-floor test, kept apart from the summariser's own similarity (plain word
TF-IDF per story, no entity linking), so that the brief is not graded by its own yardstick.

Facts: sentences with a near-match (cosine >= FACT_MATCH) in another article, joined into
connected components; a fact weighs as many articles as report it. Fact coverage is the weight
of the facts some summary sentence matches over the weight of all; top coverage the share of
the TOP_FACTS most-reported facts matched; redundancy the largest cosine between two summary
sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.brief.sentences import article_sentences
from kabar.brief.vectors import stop_words
from kabar.records import Article

FACT_MATCH = 0.4
TOP_FACTS = 6
MIN_WORDS = 6


def summary_quality(articles: Sequence[Article], summary: Sequence[str]) -> dict:
    sentences, owners = [], []
    for article in articles:
        if article.duplicate_of:
            continue
        for sentence in article_sentences(article):
            if len(sentence.text.split()) >= MIN_WORDS:
                sentences.append(sentence.text)
                owners.append(article.id)
    if not sentences or not summary:
        return {"facts": 0, "fact_coverage": None, "top_coverage": None, "redundancy": None}
    vectorizer = TfidfVectorizer(stop_words=list(stop_words()), sublinear_tf=True)
    matrix = vectorizer.fit_transform([*sentences, *summary])
    body, summ = matrix[:len(sentences)], matrix[len(sentences):]
    owners_arr = np.array(owners)
    cross = ((body @ body.T).toarray() >= FACT_MATCH) & (owners_arr[:, None] != owners_arr[None, :])
    in_fact = cross.any(axis=1)
    _, labels = connected_components(cross, directed=False)
    facts: dict[int, set[str]] = defaultdict(set)
    for i in np.flatnonzero(in_fact):
        facts[labels[i]].add(owners[i])
    matched = ((summ @ body.T).toarray() >= FACT_MATCH).any(axis=0)
    covered = {labels[i] for i in np.flatnonzero(in_fact & matched)}
    total = sum(len(a) for a in facts.values())
    top = sorted(facts, key=lambda f: -len(facts[f]))[:TOP_FACTS]
    pairwise = (summ @ summ.T).toarray()
    np.fill_diagonal(pairwise, 0)
    return {
        "facts": len(facts),
        "fact_coverage": (sum(len(facts[f]) for f in covered) / total) if total else None,
        "top_coverage": (sum(f in covered for f in top) / len(top)) if top else None,
        "redundancy": float(pairwise.max()) if len(summary) > 1 else 0.0,
    }


def lead_baseline(articles: Sequence[Article], size: int = TOP_FACTS) -> list[str]:
    """The first sentences of the earliest article: what a brief must beat."""
    first = min(articles, key=lambda a: (a.published or "", a.id))
    return [s.text for s in article_sentences(first) if len(s.text.split()) >= MIN_WORDS][:size]


def plain_article(record: dict) -> Article:
    """An article from a kabar JSONL record with no cleaning or annotation: its lines as
    paragraphs. Lets the brief be measured on its own, whatever the other stages do."""
    text = record.get("text") or ""
    paragraphs = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
    return Article(id=record["id"], source=record.get("source", "jsonl"), language=record.get("language") or "en",
                   body=tuple(paragraphs), url=record.get("url"), outlet=record.get("outlet"),
                   title=record.get("title"), published=(record.get("published") or "")[:10] or None)
