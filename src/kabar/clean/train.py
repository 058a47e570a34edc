"""Train the line classifiers from ../shared/data/extraction-dev and write them into the package.

    .venv/bin/python -m kabar.clean.train [--data ../shared/data/extraction-dev]

Each page's lines are labelled against the hand-made article body: a line is body when most
of its words sit in 4-word shingles that the true body also has. Two models: one for scraped
text, one for HTML (which also sees the block tag, link share, class/id hints and whether
trafilatura kept the line).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from kabar.clean.classify import MODEL_DIR, line_features
from kabar.clean.lines import Line, text_lines

TOKEN = re.compile(r"\w+")
SHINGLE = 4
TEXT_MODEL = "lines-text.crfsuite"
HTML_MODEL = "lines-html.crfsuite"
DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "extraction-dev"


def _shingle_set(text: str) -> set[tuple[str, ...]]:
    t = TOKEN.findall(text)
    if len(t) < SHINGLE:
        return {tuple(t)} if t else set()
    return set(zip(t, t[1:], t[2:], t[3:]))


def coverage(lines: list[Line], reference: str) -> list[float]:
    """For each line, the share of its tokens inside a 4-token run (read across line breaks)
    that the reference text also has."""
    ref = _shingle_set(reference)
    tokens: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        found = TOKEN.findall(line.text)
        tokens.extend(found)
        owner.extend([i] * len(found))
    covered = bytearray(len(tokens))
    for s, shingle in enumerate(zip(tokens, tokens[1:], tokens[2:], tokens[3:])):
        if shingle in ref:
            covered[s:s + SHINGLE] = b"\x01\x01\x01\x01"
    hit = [0] * len(lines)
    total = [0] * len(lines)
    for line_i, c in zip(owner, covered):
        total[line_i] += 1
        hit[line_i] += c
    return [hit[i] / total[i] if total[i] else 0.0 for i in range(len(lines))]


def labels_for(lines: list[Line], truth: str) -> list[str]:
    return ["B" if c >= 0.5 else "O" for c in coverage(lines, truth)]


def trafilatura_features(lines: list[Line], extracted: str) -> list[dict[str, float]]:
    cov = coverage(lines, extracted)
    return [{"traf": c, "traf_none": float(c == 0.0), "traf_all": float(c >= 0.99)} for c in cov]


def page_examples(data: Path, ids: Iterable[str], kind: str):
    """(features, labels) for each page id: kind is "text" or "html"."""
    from kabar.clean.html import read_html  # html pulls in trafilatura: only when needed

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for pid in ids:
        if kind == "text":
            lines = text_lines((data / "text" / f"{pid}.txt").read_text(encoding="utf-8"))
            extra = None
        else:
            html = (data / "html" / f"{pid}.html").read_text(encoding="utf-8", errors="replace")
            page = read_html(html)
            lines = page.lines
            extra = trafilatura_features(lines, page.extracted)
        if lines:
            yield pid, line_features(lines, extra), labels_for(lines, truth[pid]["articleBody"])


def train(examples, path: Path, c2: float = 0.05) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _, xs, ys in examples:
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.05, "c2": c2, "max_iterations": 200,
                        "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()
    truth = json.loads((a.data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    for kind, name in (("text", TEXT_MODEL), ("html", HTML_MODEL)):
        train(page_examples(a.data, ids, kind), MODEL_DIR / name)
        print(f"wrote {MODEL_DIR / name} ({(MODEL_DIR / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
