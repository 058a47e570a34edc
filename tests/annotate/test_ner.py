"""The CRF tagger: output shape, and quality floors on the shared dev splits."""

from pathlib import Path

import pytest

from kabar.annotate.entities import tag_sentences
from kabar.annotate.entities.corpora import CORPORA, entity_f1, read_conll

NER_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner"
# A little below the measured dev figures (bench/results/ner.json): 0.831 and 0.774.
FLOORS = {"idner": 0.80, "nergrit": 0.745}  # measured 0.815 / 0.758 (bench/results/ner.json)

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
