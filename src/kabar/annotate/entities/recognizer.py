"""The trained CRF tagger: IOB2 tags for tokenised sentences, and spans for raw paragraphs."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from kabar.annotate.entities.clusters import load_clusters
from kabar.annotate.entities.crf_model import CrfModel
from kabar.annotate.entities.features import FeatureExtractor
from kabar.annotate.entities.gazetteer import Gazetteer
from kabar.annotate.entities.span_rules import correct_tags
from kabar.annotate.entities.subwords import PIECES_FILE, PieceClusters, load_piece_clusters
from kabar.lang import en_entities, id_entities

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "ner"

# Hyphenated words stay whole ("Bangsa-Bangsa", "PDI-P") as in IDNer-news-2k; abbreviations with
# inner dots ("K.H.", "U.S.") too; any other punctuation is a token of its own.
_TOKEN = re.compile(r"(?:[^\W_]\.){2,}|\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
# A sentence ends at . ! ? (or a closing quote after them) followed by space and a capital/quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[A-Z0-9])")
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]|Dr|Prof|Ir|Hj|KH|Mr|Mrs|Ms|St|Jr|Sr|No|dr|Gen|Sen|Rep|Lt|Col)\.$")


def _pieces_of(model_dir: Path) -> PieceClusters | None:
    """The model's subword piece clusters, when it was trained with them."""
    clusters = load_piece_clusters(model_dir / PIECES_FILE)
    return PieceClusters(clusters) if clusters else None


def role_words() -> frozenset[str]:
    words = set()
    for module in (id_entities, en_entities):
        for role in module.ROLES:
            words.update(role.split())
    return frozenset(words)


@dataclass(frozen=True)
class Span:
    """A tagged name in a paragraph: character offsets and the token index range."""

    text: str
    type: str
    start: int
    end: int
    paragraph: int
    sentence_tokens: tuple[str, ...]
    token_start: int
    token_end: int


class Tagger:
    def __init__(self, model_dir: Path = MODEL_DIR, gazetteer: Gazetteer | None = None,
                 clusters: dict[str, str] | None = None, model_required: bool = True,
                 prune_features: bool = True):
        model_dir = Path(model_dir)
        self.gazetteer = gazetteer or Gazetteer.load(model_dir / "gazetteer.tsv.gz")
        if clusters is None:
            clusters = load_clusters(model_dir / "clusters.tsv.gz")
        model = model_dir / "model.crfsuite"
        attributes = model_dir / ATTRIBUTES_FILE
        # Training must see every feature, not only those an older model kept.
        known = load_attributes(attributes) if prune_features and model.exists() and attributes.exists() else None
        self.features = FeatureExtractor(
            self.gazetteer, role_words(), {w: tuple(ids.split("\t")) for w, ids in clusters.items()},
            known_attributes=known, pieces=_pieces_of(model_dir))
        self._model = None
        if model.exists() or model_required:
            self._model = CrfModel.load(model)
            self.features.use_rows(self._model.attributes)

    def tag(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags of each sentence, decoded in batches (see crf_model)."""
        sentences = [list(tokens) for tokens in sentences]
        tags: list[list[str]] = []
        for start in range(0, len(sentences), _BATCH_SENTENCES):
            tags.extend(self._tag_batch(sentences[start:start + _BATCH_SENTENCES]))
        return tags

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        tags = [["O"] * len(tokens) for tokens in sentences]
        token_rows: list[tuple[int, ...]] = []
        lengths: list[int] = []
        placed: list[tuple[int, int, int]] = []  # (sentence, first token, last token + 1)
        for s_index, tokens in enumerate(sentences):
            # Names are written with a capital: a sentence without one has none (and costs nothing).
            capitals = [i for i, t in enumerate(tokens) if t[:1].isupper()]
            if not capitals:
                continue
            # Long stretches of lower-case words are outside every name: only the stretches
            # near a capitalised word are decoded (with features of the whole sentence), which
            # cut a quarter of the time of recognize() on news text; with a margin of 4 words,
            # one entity of the two dev splits moves (NERGrit F1 0.7702 -> 0.7692).
            segments = _segments_near(capitals, len(tokens))
            positions = [i for a, b in segments for i in range(a, b)]
            token_rows.extend(self.features.sentence_rows(tokens, positions))
            for a, b in segments:
                lengths.append(b - a)
                placed.append((s_index, a, b))
        labels = self._model.decode(token_rows, lengths)
        offset = 0
        for s_index, a, b in placed:
            tags[s_index][a:b] = labels[offset:offset + b - a]
            offset += b - a
        return tags

    def find_spans(self, paragraphs: list[str],
                   known_type: Callable[[str], str | None] | None = None) -> list[Span]:
        """Tagged names of each sentence; ``known_type`` (a name -> its type, or None) adds the
        known names the model missed, e.g. "Tiongkok" after a lower-case noun."""
        sentences = []
        for p_index, paragraph in enumerate(paragraphs):
            for s_start, s_end in split_sentences(paragraph):
                offsets, known_parts = _tokens_of(paragraph, s_start, s_end, known_type)
                if offsets:
                    sentences.append((p_index, paragraph, offsets, known_parts,
                                      [paragraph[a:b] for a, b in offsets]))
        tagged = self.tag_sentences([tokens for *_, tokens in sentences])
        spans: list[Span] = []
        for (p_index, paragraph, offsets, known_parts, tokens), tags in zip(sentences, tagged):
            if known_type is not None:
                _add_known(tokens, tags, known_type)
            for i, typ in known_parts.items():
                tags[i] = "B-" + typ
                if i + 1 < len(tags) and tags[i + 1].startswith("I-"):  # the hyphen is no name
                    tags[i + 1] = "O"
            tags = correct_tags(tokens, tags, self.gazetteer.tokens, known_type)
            spans.extend(_spans_of(paragraph, p_index, offsets, tokens, tags))
        return spans


def _tokens_of(paragraph: str, start: int, end: int, known_type) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Token offsets of a sentence, with hyphenated pairs of known names split ("Rusia-Cina" is
    Russia and China, while "Guinea-Bissau" or "Bangsa-Bangsa" stay whole); the second value maps
    the index of each split part to its known type."""
    offsets: list[tuple[int, int]] = []
    known_parts: dict[int, str] = {}
    for match in _TOKEN.finditer(paragraph, start, end):
        word = match.group()
        if known_type is not None and "-" in word and word[:1].isupper() and known_type(word) is None:
            parts = word.split("-")
            types = [known_type(p) if p[:1].isupper() else None for p in parts]
            if all(types):
                position = match.start()
                for part, typ in zip(parts, types):
                    if position > match.start():
                        offsets.append((position - 1, position))  # the hyphen
                    known_parts[len(offsets)] = typ
                    offsets.append((position, position + len(part)))
                    position += len(part) + 1
                continue
        offsets.append(match.span())
    return offsets, known_parts


# Sentences decoded together: enough to share numpy's per-call cost (an article has ~15), few
# enough that the padded score arrays stay small.
_BATCH_SENTENCES = 256
# How far from a capitalised word a token may still be part of a name's context.
_SEGMENT_MARGIN = 4


def _segments_near(capitals: list[int], n: int) -> list[tuple[int, int]]:
    """Token ranges within ``_SEGMENT_MARGIN`` of a capitalised token, merged when they touch."""
    segments: list[tuple[int, int]] = []
    for i in capitals:
        a, b = max(0, i - _SEGMENT_MARGIN), min(n, i + _SEGMENT_MARGIN + 1)
        if segments and a <= segments[-1][1]:
            segments[-1] = (segments[-1][0], b)
        else:
            segments.append((a, b))
    return segments


def _spans_of(paragraph, p_index, offsets, tokens, tags) -> list[Span]:
    out = []
    start = typ = None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != typ:
            if start is not None:
                a, b = offsets[start][0], offsets[i - 1][1]
                out.append(Span(paragraph[a:b], typ, a, b, p_index, tuple(tokens), start, i))
                start = typ = None
            if tag != "O":
                start, typ = i, tag[2:]
    return out


def _add_known(tokens: list[str], tags: list[str], known_type, max_tokens: int = 4) -> None:
    # Only capitalised words the model left untagged can open a known name: visiting just those
    # (a tag set here makes the words it covers non-"O") skips most of a sentence.
    n_tokens = len(tokens)
    for i in [i for i, token in enumerate(tokens) if token[:1].isupper()]:
        if tags[i] != "O":
            continue
        for n in range(min(max_tokens, n_tokens - i), 0, -1):
            if tags[i:i + n].count("O") != n or not tokens[i + n - 1][:1].isupper():
                continue
            # Short all-capital aliases ("AS", "UN") only as written in capitals.
            if n == 1 and len(tokens[i]) <= 3 and not tokens[i].isupper():
                continue
            typ = known_type(" ".join(tokens[i:i + n]))
            if typ:
                tags[i:i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
                break


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION_END.search(paragraph, max(0, match.start() - 6), match.start()):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(paragraph)))
    return [(a, b) for a, b in bounds if b > a]


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


ATTRIBUTES_FILE = "attributes.txt.gz"


def load_attributes(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return frozenset(line.rstrip("\n") for line in lines)


def dump_attributes(attributes, path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.writelines(a + "\n" for a in sorted(attributes))


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger()
