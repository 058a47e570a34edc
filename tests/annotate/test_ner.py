"""The CRF tagger: output shape, and quality floors on the shared dev splits."""

from pathlib import Path

import pytest

from kabar.annotate.entities import tag_sentences
from kabar.annotate.entities.corpora import CORPORA, entity_f1, read_conll
from kabar.annotate.entities.recognizer import MODEL_DIR, Tagger
from kabar.annotate.entities.train import DEFAULT_MODEL_DIR

NER_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner"
# A little below the measured dev figures (bench/results/ner.json).
FLOORS = {"idner": 0.82, "nergrit": 0.765}  # measured 0.831 / 0.779 (bench/results/ner.json)

VALID_TAGS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


def test_tag_sentences_shape_and_tag_set():
    sentences = [["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."], [], ["KPK"]]
    tags = tag_sentences(sentences)
    assert [len(t) for t in tags] == [7, 0, 1]
    assert all(tag in VALID_TAGS for sentence in tags for tag in sentence)
    assert tags[0][1:3] == ["B-PER", "I-PER"]
    assert tags[0][5] == "B-LOC"


def test_tags_are_well_formed_iob2():
    tags = tag_sentences([["Menteri", "Keuangan", "Sri", "Mulyani", "Indrawati", "berbicara", "di",
                           "Bank", "Dunia", "Washington", "kemarin", "."]])[0]
    for previous, tag in zip(["O"] + tags, tags):
        if tag.startswith("I-"):
            assert previous[2:] == tag[2:], tags


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_dev_f1_floor(name):
    dev_file = NER_DATA / CORPORA[name][1]
    if not dev_file.exists():
        pytest.skip(f"NER dev data missing at {dev_file}")
    dev = read_conll(dev_file)
    predicted = tag_sentences([tokens for tokens, _ in dev])
    score = entity_f1([tags for _, tags in dev], predicted)
    assert score["f1"] >= FLOORS[name], score


def test_pruned_features_tag_exactly_like_the_full_feature_set():
    # Features the model has no weight for are dropped early for speed; the tags must not move.
    dev_file = NER_DATA / CORPORA["nergrit"][1]
    if not dev_file.exists():
        pytest.skip(f"NER dev data missing at {dev_file}")
    sentences = [tokens for tokens, _ in read_conll(dev_file)][:120]
    pruned, full = Tagger(), Tagger(prune_features=False)
    assert pruned.features.known_attributes and full.features.known_attributes is None
    assert pruned.tag_sentences(sentences) == full.tag_sentences(sentences)


def test_shipped_model_is_where_train_ner_writes_and_small():
    assert DEFAULT_MODEL_DIR == MODEL_DIR
    names = {"model.crfsuite", "attributes.txt.gz", "gazetteer.tsv.gz", "clusters.tsv.gz"}
    assert names <= {p.name for p in MODEL_DIR.iterdir()}
    assert sum((MODEL_DIR / n).stat().st_size for n in names) < 8_000_000
