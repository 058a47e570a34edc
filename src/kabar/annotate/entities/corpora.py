"""Readers for the NER training corpora and the entity-level score used to judge the tagger."""

from __future__ import annotations

from pathlib import Path

# Tag names of the corpora mapped onto the three types kabar uses.
TYPE_MAP = {"PERSON": "PER", "PER": "PER", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
            "ORG": "ORG", "PLACE": "LOC", "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC"}

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags

# (name, training file, dev file) under data/ner; both files: token [POS] tag, blank line between sentences
CORPORA = {
    "idner": ("idner-news-2k/train.txt", "idner-news-2k/dev.txt"),
    "nergrit": ("nergrit/train_preprocess.txt", "nergrit/valid_preprocess.txt"),
}


def normalise_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, typ = tag.split("-", 1)
    mapped = TYPE_MAP.get(typ)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(normalise_tag(parts[-1]) if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans the way conlleval (and ../shared/bin/ner-score) reads IOB tags."""
    out: set[tuple[int, int, str]] = set()
    start, typ = None, None
    for i, tag in enumerate(tags + ["O"]):
        tag_type = TYPE_MAP.get(tag[2:], "MISC") if tag != "O" else None
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag_type != typ):
            if start is not None:
                out.add((start, i, typ))
                start = None
            if tag != "O":
                start, typ = i, tag_type
    return out


def entity_f1(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}
