"""The story's title and its extractive summary.

A fact matters when other outlets state it too (a near-paraphrase sentence, cosine >= SAME_FACT
in the shared space); news puts its main facts first, so an early sentence weighs a little more.
Sentences are picked greedily to represent as much of that weight as possible (facility
location, which rewards a sentence that joins two reported facts and ignores a restatement),
and a candidate that restates a picked one is never taken: every summary sentence is a
different fact, and it lists every article that states it.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from kabar.brief.context import StoryText, as_array
from kabar.brief.sentences import numbers_disagree, numbers_of
from kabar.brief.vectors import NEAR, SAME_FACT
from kabar.records import SummarySentence

MAX_SUMMARY = 6
# Weights tuned on ECB+ DEV and events-id-dev (bench/brief.py): the lead matters, but less than
# agreement between outlets; naming people and places matters about as much.
LEAD_WEIGHT = 0.15
NAMES_WEIGHT = 0.15
# A candidate this close to a picked sentence restates it. Lower than SAME_FACT: two outlets'
# wordings of one fact share fewer words than a paraphrase close enough to count as support.
RESTATES = 0.25
ENOUGH_NAMES = 4
# Sentences much longer than this are usually several facts glued by a scraper.
LONG_SENTENCE_WORDS = 55
# "Ia mengatakan ..." needs the sentence before it: taken only when clearly better.
DANGLING_FACTOR = 0.6


def _indicator(groups: np.ndarray, n_groups: int) -> sparse.csr_matrix:
    """rows x groups 0/1 matrix: which group (article, outlet) each row belongs to."""
    ones = np.ones(len(groups), dtype=np.float32)
    return sparse.csr_matrix((ones, (np.arange(len(groups)), groups)), shape=(len(groups), n_groups))


def candidate_rows(text: StoryText) -> list[int]:
    return [r for r in text.body_rows if text.sentences[r].newsworthy]


def _without_conflicts(text: StoryText, rows: list[int], similar: sparse.csr_matrix) -> sparse.csr_matrix:
    """A sentence that tells the same fact with another number does not support it: it
    disputes it (coverage shows both)."""
    numbers = [numbers_of(text.sentences[r].text) for r in rows]
    coo = similar.tocoo()
    keep = np.ones(coo.nnz, dtype=bool)
    for k, (i, j) in enumerate(zip(coo.row, coo.col)):
        if i != j and numbers_disagree(numbers[i], numbers[j]):
            keep[k] = False
    if keep.all():
        return similar
    return sparse.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=similar.shape)


def fact_weights(text: StoryText, rows: list[int]) -> tuple[np.ndarray, sparse.csr_matrix]:
    """How much each candidate sentence's fact matters, and the thresholded similarity.

    A fact matters by how many other sources state it (sources, not articles, so that one
    outlet's five updates do not outvote two outlets), and a little by how early it comes and
    by how many named things (people, places, organisations) it mentions.
    """
    if not rows:
        return np.zeros(0), sparse.csr_matrix((0, 0))
    similar = _without_conflicts(text, rows, text.space.similarity(rows, rows, threshold=SAME_FACT))
    sources = [text.source_of_row(r) for r in rows]
    source_index = {s: i for i, s in enumerate(dict.fromkeys(sources))}
    source_of = np.array([source_index[s] for s in sources], dtype=np.int64)
    per_source = (similar @ _indicator(source_of, len(source_index))).toarray()
    per_source[np.arange(len(rows)), source_of] = 0  # a source does not confirm itself
    support = (per_source > 0).sum(axis=1)
    n_others = max(1, len(source_index) - 1)
    positions = np.array([text.sentences[r].position for r in rows], dtype=np.float32)
    lead = 1.0 / (1.0 + positions)
    named = np.minimum(text.space.entity_counts[as_array(rows)], ENOUGH_NAMES) / ENOUGH_NAMES
    return support / n_others + LEAD_WEIGHT * lead + NAMES_WEIGHT * named, similar


def summarise(text: StoryText, limit: int = MAX_SUMMARY) -> list[SummarySentence]:
    """Greedy facility location: each pick is the sentence that best represents the facts not yet
    represented (weighted by fact_weights); a pick never restates an earlier one."""
    rows = candidate_rows(text)
    if not rows:
        return []
    weight, similar = fact_weights(text, rows)
    near = text.space.similarity(rows, rows, threshold=NEAR)
    words = np.array([len(text.sentences[r].text.split()) for r in rows], dtype=np.float32)
    too_long = np.clip((words - LONG_SENTENCE_WORDS) / LONG_SENTENCE_WORDS, 0, 1)
    leaning = np.array([not text.sentences[r].standalone for r in rows])
    own_value = (1 - too_long) * np.where(leaning, DANGLING_FACTOR, 1.0)
    column_weight = weight[near.indices]
    row_of_entry = np.repeat(np.arange(len(rows)), np.diff(near.indptr))
    covered = np.zeros(len(rows), dtype=np.float32)
    available = np.ones(len(rows), dtype=bool)
    chosen: list[int] = []
    seen_texts: set[str] = set()
    while len(chosen) < limit and available.any():
        improvement = np.clip(near.data - covered[near.indices], 0, None) * column_weight
        gain = np.bincount(row_of_entry, weights=improvement, minlength=len(rows)) * own_value
        gain = np.where(available, gain, -np.inf)
        best = int(np.argmax(gain))
        available[best] = False
        key = " ".join(text.sentences[rows[best]].text.lower().split())
        if key in seen_texts:
            continue
        seen_texts.add(key)
        chosen.append(best)
        cosines = near[best].toarray().ravel()
        covered = np.maximum(covered, cosines)
        available &= cosines < RESTATES  # never the same fact twice
    supporters = text.space.supporting_articles(similar[chosen], as_array(rows))
    result = []
    for best, support in zip(chosen, supporters):
        sentence = text.sentences[rows[best]]
        ids = {text.space.article_ids[i] for i in support} | {sentence.article_id}
        result.append(SummarySentence(sentence.text, _ordered(text, sentence.article_id, ids)))
    return result


def _ordered(text: StoryText, first: str, ids: set[str]) -> tuple[str, ...]:
    rest = sorted(ids - {first}, key=lambda a: (text.articles[a].published or "", a))
    return (first, *rest)


def pick_title(text: StoryText) -> str | None:
    """The title closest to the story as a whole: to the other titles and to the sentences of
    the other articles."""
    rows = text.title_rows
    if not rows:
        return None
    if len(rows) == 1:
        return text.sentences[rows[0]].text
    space = text.space
    centroid = np.asarray(space.matrix[as_array(text.body_rows)].mean(axis=0)).ravel()
    to_titles = space.similarity(rows, rows).toarray()
    np.fill_diagonal(to_titles, 0)
    to_story = space.matrix[as_array(rows)] @ centroid
    norm = np.linalg.norm(centroid) or 1.0
    score = to_titles.mean(axis=1) + to_story / norm
    best = int(np.argmax(score))
    return text.sentences[rows[best]].text

