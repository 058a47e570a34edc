"""The fast paths of clustering give exactly what the plain versions they replaced gave."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import AGENCY_TEXT, arrest_reports, quake_reports  # noqa: E402

from kabar.cluster import StoryIndex, text  # noqa: E402
from kabar.cluster.duplicates import SHINGLE, shingles  # noqa: E402
from kabar.cluster.profile import StoryState, _prune  # noqa: E402

INDONESIAN = (
    "Presiden Joko Widodo mengatakan pemerintah akan membangun 1.200 rumah bagi korban gempa "
    "di Cianjur, Jawa Barat. \"Kami mempercepat pembangunannya,\" katanya, Senin (21/11)."
)
ENGLISH = "The ministers met in Moscow on Tuesday; Sergei Lavrov said talks were going well, reports said."


def plain_content_terms(words: str, language: str, stem: text.Stemmer) -> list[str]:
    stop = text.stopwords(language)
    return [stem(t, language) for t in text.tokens(words) if len(t) >= 2 and t not in stop and not t.isdigit()]


def test_content_terms_equal_the_plain_filter_and_stem():
    for words, language in ((INDONESIAN, "id"), (ENGLISH, "en"), ("\n".join(AGENCY_TEXT), "id")):
        expected = plain_content_terms(words, language, text.Stemmer())
        stem = text.Stemmer()
        assert text.content_terms(words, language, stem) == expected
        assert text.content_terms(words, language, stem) == expected  # from the cache now
    assert "gempa" in text.content_terms(INDONESIAN, "id", text.Stemmer())
    assert "mengatakan" not in text.content_terms(INDONESIAN, "id", text.Stemmer())  # a stop word


def test_a_full_cache_is_emptied_without_changing_any_term(monkeypatch):
    expected = plain_content_terms(INDONESIAN, "id", text.Stemmer())
    monkeypatch.setattr(text, "_STEM_CACHE_LIMIT", 5)
    stem = text.Stemmer()
    assert text.content_terms(INDONESIAN, "id", stem) == expected
    assert stem._size <= 5
    assert text.content_terms(INDONESIAN, "id", stem) == expected


def test_name_words_are_the_words_of_the_name_runs():
    for words, language in ((INDONESIAN, "id"), (ENGLISH, "en")):
        runs = text.names(words, language)
        assert text.name_words(words, language) == [w for run in runs for w in run.split()]
    assert "sergei lavrov" in text.names(ENGLISH, "en")
    assert "the" not in text.name_words(ENGLISH, "en")  # opens the sentence


@settings(deadline=None)
@given(st.lists(st.text(alphabet="abcdé ", max_size=4), max_size=12))
def test_shingles_equal_joining_then_encoding(words):
    words = [w for w in words if w and " " not in w]
    if len(words) < SHINGLE:
        expected = [" ".join(words).encode("utf-8")] if words else []
    else:
        expected = [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
    assert shingles(words) == expected


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefghijklmnop"), st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.25]) | st.integers(0, 3)),
       st.integers(1, 8))
def test_prune_equals_a_full_sort(counts, keep):
    expected = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]) if len(counts) > keep else counts
    got = _prune(dict(counts), keep)
    assert list(got.items()) == list(expected.items())


def test_top_terms_are_the_heaviest_first():
    story = StoryState(id="s", first_article="a", centroid={"b": 1.0, "a": 1.0, "c": 3.0, "d": 0.5})
    assert story.top_terms(2) == ["c", "a"]
    assert story.top_terms(10) == ["c", "a", "b", "d"]


def plain_nearest(index: StoryIndex, vec: dict[str, float], k: int) -> list[tuple[str, float]]:
    """The text half of ``candidates`` as a plain dict loop over story ids."""
    from kabar.cluster.index import MAX_POSTING_SCAN, QUERY_TERMS, _heaviest

    dots: dict[str, float] = {}
    for term, weight in _heaviest(vec, QUERY_TERMS):
        posting = index._term_postings.get(term)
        if not posting or len(posting) > MAX_POSTING_SCAN:
            continue
        for slot, story_weight in posting.items():
            sid = index._story_at[slot]
            dots[sid] = dots.get(sid, 0.0) + weight * story_weight
    return sorted(dots.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)[:k]


def test_numpy_posting_sums_equal_the_plain_loop_bit_for_bit():
    from kabar.cluster.features import article_features

    index = StoryIndex()
    reports = quake_reports() + arrest_reports()
    for report in reports:
        index.add(report)
    assert len(index.stories) >= 2
    for report in reports:
        # Raw counts as weights: sums far from unit cosines, where any change of order would show.
        vec = {t: float(c) for t, c in article_features(report).profile.text_terms.items()}
        for k in (1, 2, 32):
            expected = plain_nearest(index, vec, k)
            assert expected
            assert index._text_nearest(vec, k) == expected


def test_freed_story_slots_are_reused_and_forgotten():
    index = StoryIndex()
    for report in quake_reports():
        index.add(report)
    sid = next(iter(index.stories))
    slot = index._slot_of[sid]
    index._unindex_story(sid)
    assert sid not in index._slot_of and index._story_at[slot] is None
    assert all(slot not in posting for posting in index._term_postings.values())
    assert all(slot not in posting for posting in index._postings.values())
    index._index_story(index.stories[sid])
    assert index._slot_of[sid] == slot


@settings(max_examples=50, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=30), min_size=1, max_size=300))
def test_signature_equals_datasketch_minhash(grams):
    import zlib

    import numpy as np
    from datasketch import MinHash

    from kabar.cluster import duplicates

    m = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, hashfunc=zlib.crc32)
    m.update_batch(grams)
    got = duplicates.signature([], grams)
    assert got.dtype == np.uint32
    assert np.array_equal(got, m.hashvalues.astype(np.uint32))


_WEIGHTS = st.floats(min_value=0.0, max_value=50.0, allow_nan=False) | st.integers(0, 5)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefghij"), _WEIGHTS), st.dictionaries(st.sampled_from("efghijklmn"), _WEIGHTS))
def test_add_into_equals_the_plain_loop_values_and_order(target, source):
    from kabar.cluster.profile import add_into

    expected = dict(target)
    for k, v in source.items():
        expected[k] = expected.get(k, 0) + v
    add_into(target, source)
    assert list(target.items()) == list(expected.items())


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 9)), st.frozensets(st.sampled_from("defghijk")))
def test_count_into_equals_the_plain_loop_values_and_order(target, keys):
    from kabar.cluster.profile import count_into

    expected = dict(target)
    for k in keys:
        expected[k] = expected.get(k, 0) + 1
    count_into(target, keys)
    assert list(target.items()) == list(expected.items())


def plain_weigh(counts, idf, keep):
    import math

    from kabar.cluster.profile import _prune

    vec = {t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items()}
    length = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    vec = _prune(vec, keep)
    return {t: v / length for t, v in vec.items()}


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text("abcdef", min_size=1, max_size=3), st.integers(1, 30), min_size=1),
       st.dictionaries(st.text("abcdef", min_size=1, max_size=3), st.integers(1, 500)), st.integers(1, 10_000))
def test_weighing_with_the_index_idfs_equals_the_plain_formula_bit_for_bit(counts, df, doc_count):
    from collections import Counter

    from kabar.cluster.profile import quantize, weigh_idfs

    index = StoryIndex()
    index.df, index.doc_count = dict(df), doc_count
    counts = Counter(counts)
    for keep in (1, 3, 200):
        got = weigh_idfs(counts, index._idfs(counts), keep)
        assert list(got.items()) == list(plain_weigh(counts, index._idf, keep).items())
        assert list(quantize(got).items()) == [(k, round(v * 10_000) / 10_000) for k, v in got.items()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 6), st.floats(0.0, 1.0)), min_size=1, max_size=40))
def test_a_posting_holds_what_a_dict_would(operations):
    from kabar.cluster.postings import Posting

    first_slot, first_weight = operations[0][1], operations[0][2]
    posting, expected = Posting(first_slot, first_weight), {first_slot: first_weight}
    for keep, slot, weight in operations[1:]:
        if keep:
            posting.set(slot, weight)
            expected[slot] = weight
        else:
            posting.drop(slot)
            expected.pop(slot, None)
        assert sorted(posting.items()) == sorted(expected.items())
        assert len(posting) == len(expected)
        assert all(s in posting for s in expected) and all(s not in posting for s in range(7) if s not in expected)
        assert len(posting.slots) == len(posting.weights) == len(set(posting.slots))


def test_term_postings_hold_each_story_once_for_exactly_its_centroid_terms():
    index = StoryIndex()
    reports = quake_reports() + arrest_reports()
    for report in reports + reports:  # the second pass grows stories (updates, drops)
        index.add(report)
    held: dict[int, dict[str, float]] = {}
    for term, posting in index._term_postings.items():
        assert len(set(posting.slots)) == len(posting.slots) > 0
        for slot, weight in posting.items():
            held.setdefault(slot, {})[term] = weight
    assert set(held) == {index._slot_of[sid] for sid in index.stories}
    for sid, story in index.stories.items():
        length = story.norms()[0] or 1.0
        assert held[index._slot_of[sid]] == {t: w / length for t, w in story.centroid.items()}


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("abcde", min_size=1, max_size=2), st.sampled_from([0.5, 1.0, 2.0, 3.0]) | st.integers(0, 4)),
       st.integers(1, 8))
def test_top_and_heaviest_equal_a_full_sort_and_nlargest(weights, k):
    import heapq

    from kabar.cluster.index import _heaviest, _top

    assert _top(weights, k) == [key for key, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]
    expected = list(weights.items()) if len(weights) <= k else heapq.nlargest(k, weights.items(), key=lambda kv: kv[1])
    assert _heaviest(weights, k) == expected


def test_name_postings_hold_each_story_once_for_exactly_its_keys():
    from kabar.cluster.index import _story_keys

    index = StoryIndex()
    reports = quake_reports() + arrest_reports()
    for report in reports + reports:
        index.add(report)
    held: dict[int, set[str]] = {}
    for key, posting in index._postings.items():
        assert len(set(posting)) == len(posting) > 0
        for slot in posting:
            held.setdefault(slot, set()).add(key)
    expected = {index._slot_of[sid]: set(_story_keys(story)) for sid, story in index.stories.items()}
    assert held == {slot: keys for slot, keys in expected.items() if keys}
