"""Features computed ahead of ``StoryIndex.add`` give the same assignments as ``add`` alone."""

from __future__ import annotations

import pickle
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import AGENCY_TEXT, article, quake_reports  # noqa: E402

from kabar.cluster import StoryIndex, devdata  # noqa: E402
from kabar.cluster.features import ArticleFeatures, article_features  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def sample_corpus_articles():
    files = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".jsonl"})
    if not files:
        pytest.skip(f"no sample corpus under {EXAMPLES}")
    articles = []
    for path in files:
        articles += devdata.load_articles(path) if path.suffix == ".jsonl" else _prepared(path)
    return articles


def _prepared(path: Path):
    from kabar.annotate.entities import EntityRegistry
    from kabar.clean import TemplateMemory
    from kabar.pipeline import prepare
    from kabar.read import read_paths
    from kabar.records import RawDocument

    templates, registry = TemplateMemory(), EntityRegistry()
    return [prepare(d, templates, registry) for d in read_paths([str(path)]) if isinstance(d, RawDocument)]


def assignments(articles, features=None):
    index = StoryIndex()
    got = []
    for position, a in enumerate(articles):
        got.append(index.add(a, features[position] if features else None))
    # Compared as objects: pickle's bytes depend on which equal strings are the same object.
    return got, pickle.loads(zlib.decompress(index.dumps()))


def assert_same_with_and_without_features(articles):
    plain, plain_state = assignments(articles)
    # Through pickle, as features come back from another process or a Spark worker.
    precomputed = [pickle.loads(pickle.dumps(article_features(a))) for a in articles]
    fed, fed_state = assignments(articles, precomputed)
    assert fed == plain
    assert fed_state == plain_state
    # The features are not used up: a second index fed the same ones agrees again.
    again, _ = assignments(articles, precomputed)
    assert again == plain


def test_invented_articles_cluster_the_same_with_precomputed_features():
    assert_same_with_and_without_features(quake_reports())


def test_sample_corpus_clusters_the_same_with_precomputed_features():
    articles = sample_corpus_articles()
    assert len(articles) > 20
    assert_same_with_and_without_features(articles)


def test_seeds_cluster_the_same_with_precomputed_features():
    articles = devdata.seeds()
    if articles is None:
        pytest.skip(f"no seeds under {devdata.shared_data() / 'seeds'}")
    assert_same_with_and_without_features(articles)


def test_features_computed_in_other_processes_give_the_same_assignments():
    articles = quake_reports()
    with ProcessPoolExecutor(max_workers=2) as pool:
        features = list(pool.map(article_features, articles))
    assert all(isinstance(f, ArticleFeatures) for f in features)
    assert assignments(articles, features)[0] == assignments(articles)[0]


def test_features_of_another_article_are_not_trusted():
    first = article("a", "Judul", AGENCY_TEXT, published="2031-03-03")
    copy = article("b", "Judul lain sama sekali", AGENCY_TEXT, published="2031-03-03", outlet="lain")
    unrelated = article("c", "Banjir", "Banjir melanda kota pesisir setelah hujan deras semalam.",
                        published="2031-03-03")
    index = StoryIndex()
    index.add(first)
    # Features of an unrelated article handed in by mistake: "b" is still found to copy "a".
    got = index.add(copy, article_features(unrelated))
    assert got.duplicate_of == "a"


def test_features_are_small():
    features = article_features(quake_reports()[0])
    assert features.profile.shingle_tokens == []
    assert features.signature is not None and features.shingle_count > 0
    assert len(pickle.dumps(features)) < 20_000


def test_a_fresh_profile_is_the_dataclass_replace_with_empty_vectors():
    import dataclasses

    for report in quake_reports():
        features = article_features(report)
        features.profile.own = ("left", "by", "an", "earlier run")  # must not carry over
        fresh = features.fresh_profile()
        expected = dataclasses.replace(features.profile, vec={}, lead_vec={}, name_vec={}, own=None)
        assert fresh == expected and fresh.own is None and list(vars(fresh)) == list(vars(expected))
        assert fresh is not features.profile and fresh.vec is not features.profile.vec
        fresh.vec["gempa"] = 1.0  # weighing the copy leaves the features reusable
        assert features.profile.vec == {}
