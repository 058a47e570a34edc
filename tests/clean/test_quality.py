"""Quality floors on extraction-dev, a little below the figures bench/extraction.py measured
(html 0.968, text 0.957 with the shipped models, which were trained on these pages; 0.963 and
0.943 with models that never saw the page's site, ``bench/extraction.py --cv 5``), scored with
the shared scorer's own code."""

import importlib.util
import json

import pytest

from kabar.clean import CleanError, clean_document
from kabar.records import RawDocument

from .conftest import shared_path

FLOORS = {"html": 0.96, "text": 0.95}


def _scorer():
    path = shared_path("extraction-dev", "score.py")
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["html", "text"])
def test_extraction_f1_floor(kind):
    score = _scorer()
    data = shared_path("extraction-dev")
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for pid in sorted(truth):
        folder, ext = ("html", "html") if kind == "html" else ("text", "txt")
        raw = (data / folder / f"{pid}.{ext}").read_text(encoding="utf-8", errors="replace")
        try:
            body = clean_document(RawDocument(id=pid, source=pid, **{kind: raw})).text
        except CleanError:
            body = ""
        p, r, _ = score.page_scores(truth[pid]["articleBody"], body)
        rows.append((p, r))
    f1, p, r = score.aggregate(rows)
    assert f1 >= FLOORS[kind], f"{kind}: F1 {f1:.3f} (P {p:.3f} R {r:.3f}) below {FLOORS[kind]}"
