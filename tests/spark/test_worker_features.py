"""Workers compute each article's clustering features beside it (no Spark needed to check)."""

from __future__ import annotations

import pickle
import zlib

from kabar.cluster import StoryIndex
from kabar.cluster.features import article_features
from kabar.read import read_paths
from kabar.records import RawDocument, Rejected
from kabar.spark.feed import SliceState
from kabar.spark.slices import speculate_slice

from ..conftest import EXAMPLES


def test_a_slice_yields_features_equal_to_the_drivers_and_clusters_the_same():
    docs = [d for d in read_paths([str(EXAMPLES)]) if isinstance(d, RawDocument)][:30]
    assert len(docs) == 30
    items = [(i, d) for i, d in enumerate(docs)] + [(len(docs), Rejected("broken.txt", "unreadable"))]
    results = list(speculate_slice(items, SliceState({"templates": None, "entities": None})))
    assert results[-1][2] is None  # a rejected input has nothing to speculate
    speculations = [s for _, _, s in results[:-1]]
    articles = [s.article for s in speculations]
    assert all(a is not None for a in articles)
    # Through pickle, as a worker's results reach the driver.
    shipped = pickle.loads(pickle.dumps([s.features for s in speculations]))
    assert shipped == [article_features(a) for a in articles]
    with_features, without = StoryIndex(), StoryIndex()
    assert [with_features.add(a, f) for a, f in zip(articles, shipped)] == [without.add(a) for a in articles]
    assert pickle.loads(zlib.decompress(with_features.dumps())) == pickle.loads(zlib.decompress(without.dumps()))

