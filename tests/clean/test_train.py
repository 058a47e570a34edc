"""The line models can be retrained from extraction-dev and shipped: a model trained afresh by
kabar.clean.train keeps the seed pages right (the headline of seed 002 sits next to a photo
credit, which once made a retrained model lose it)."""

import json

import pytest

from kabar.clean import classify, clean_document, train
from kabar.clean.lines import text_lines
from kabar.records import RawDocument

from .conftest import shared_path


def test_labels_follow_the_true_body():
    lines = text_lines("Home\nNews\nThe council voted on Tuesday to close the old bridge for repairs.\nShare this")
    truth = "The council voted on Tuesday to close the old bridge for repairs."
    assert train.labels_for(lines, truth) == ["O", "O", "B", "O"]


@pytest.fixture
def retrained(tmp_path):
    data = shared_path("extraction-dev")
    ids = sorted(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))
    train.train(train.page_examples(data, ids, "text"), tmp_path / train.TEXT_MODEL)
    classify.use_model_dir(tmp_path)
    try:
        yield tmp_path
    finally:
        classify.use_model_dir(classify.MODEL_DIR)


def test_retrained_text_model_keeps_seed_002(retrained):
    path = shared_path("seeds", "002_5d60f3c99e38e04b.txt")
    a = clean_document(RawDocument(id=path.stem, source=str(path), text=path.read_text(encoding="utf-8")))
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert (retrained / train.TEXT_MODEL).is_file()
    assert a.title == "Beijing akan Perkuat Kerja Sama Strategis dengan Moskow"
    assert a.dateline == "BEIJING"
    assert a.authors == ("Lili Lestari",)
    start = next(i for i, l in enumerate(lines) if l.startswith("BEIIJING"))
    end = next(i for i, l in enumerate(lines) if l.startswith("Redaktur"))
    assert list(a.body[1:]) == lines[start + 1:end]
    assert {r.text: r.kind for r in a.removed}["Foto : SCMP/AFP"] == "caption"
