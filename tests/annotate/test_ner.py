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


def test_numpy_decoding_tags_exactly_like_crfsuite():
    # The tagger decodes with its own arrays (crf_model) for speed; crfsuite's tagger on the
    # same features is the reference, on the whole NERGrit dev split and the seed articles.
    import pycrfsuite

    from kabar.annotate.entities.recognizer import _segments_near, tokenize

    dev_file = NER_DATA / CORPORA["nergrit"][1]
    if not dev_file.exists():
        pytest.skip(f"NER dev data missing at {dev_file}")
    sentences = [tokens for tokens, _ in read_conll(dev_file)]
    seeds = NER_DATA.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.exists() else ():
        sentences += [tokenize(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tagger = Tagger()
    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL_DIR / "model.crfsuite"))

    def crfsuite_tags(tokens):
        tags = ["O"] * len(tokens)
        capitals = [i for i, t in enumerate(tokens) if t[:1].isupper()]
        if capitals:
            segments = _segments_near(capitals, len(tokens))
            features = tagger.features.sentence_features(tokens, [i for a, b in segments for i in range(a, b)])
            offset = 0
            for a, b in segments:
                tags[a:b] = reference.tag(features[offset:offset + b - a])
                offset += b - a
        return tags

    expected = [crfsuite_tags(tokens) for tokens in sentences]
    assert sum(t != "O" for tags in expected for t in tags) > 100  # the comparison sees names
    assert tagger.tag_sentences(sentences) == expected


def test_crf_model_reads_the_weights_crfsuite_reports():
    import pycrfsuite

    from kabar.annotate.entities.crf_model import CrfModel

    model = CrfModel.load(MODEL_DIR / "model.crfsuite")
    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL_DIR / "model.crfsuite"))
    info = reference.info()
    assert model.labels == reference.labels()
    assert len(model.attributes) == len(info.attributes)
    label = {name: i for i, name in enumerate(model.labels)}
    for (attribute, name), weight in list(info.state_features.items())[::97]:
        assert model.state[model.attributes[attribute], label[name]] == pytest.approx(weight, abs=1e-6)
    for (a, b), weight in info.transitions.items():
        assert model.transition[label[a], label[b]] == pytest.approx(weight, abs=1e-6)
