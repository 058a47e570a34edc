"""The tagger's fast paths against plain reference computations: Viterbi over a ragged batch
against exhaustive search, model rows built straight from a word's features against rows of the
pruned feature strings, and the affix-aware dictionary check on hand-picked words."""

from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.annotate.entities.crf_model import viterbi
from kabar.annotate.entities.features import dictionary_root
from kabar.annotate.entities.recognizer import Tagger, tokenize


def _best_path(emissions: np.ndarray, transition: np.ndarray) -> list[int]:
    n, labels = emissions.shape
    best, best_score = None, -np.inf
    for path in product(range(labels), repeat=n):
        score = emissions[0, path[0]] + sum(
            transition[path[t - 1], path[t]] + emissions[t, path[t]] for t in range(1, n))
        if score > best_score:
            best, best_score = list(path), score
    return best


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(1, 4), min_size=1, max_size=5), seed=st.integers(0, 10_000))
def test_batched_viterbi_finds_each_sequences_best_path(lengths, seed):
    rng = np.random.default_rng(seed)
    labels = 3
    emissions = rng.normal(size=(sum(lengths), labels))
    transition = rng.normal(size=(labels, labels))
    expected, start = [], 0
    for length in lengths:
        expected += _best_path(emissions[start:start + length], transition)
        start += length
    assert viterbi(emissions, lengths, transition) == expected


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def test_rows_straight_from_features_equal_rows_of_the_pruned_strings(tagger):
    # sentence_rows skips the string-level pruning; the rows, in order, must be the same.
    text = ("Menteri Luar Negeri Retno Marsudi bertemu Sergei Lavrov di Moskow, Rusia, pada "
            "Selasa (21/2). \"Kami membahas kerja sama,\" kata Retno kepada wartawan Kompas.")
    tokens = tokenize(text)
    rows = tagger._model.attributes
    from_strings = [tuple(rows[f] for f in feats if f in rows)
                    for feats in tagger.features.sentence_features(tokens)]
    assert tagger.features.sentence_rows(tokens) == from_strings
    positions = [0, 1, 2, 10, 11]
    assert tagger.features.sentence_rows(tokens, positions) == [from_strings[i] for i in positions]


@pytest.mark.parametrize("word, expected", [
    ("bangun", "w"), ("membangun", "a"), ("pembangunannya", "a"), ("dibangun", "a"),
    ("kebijakan", "a"), ("memperbaiki", "a"), ("jokowi", None), ("surabaya", None), ("", None),
])
def test_dictionary_root_sees_roots_through_affixes(word, expected):
    assert dictionary_root(word) == expected
