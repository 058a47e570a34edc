"""A crfsuite model read into arrays, and Viterbi decoding of many sequences at once.

Why not ``pycrfsuite.Tagger.tag``: on news text two thirds of its time went into turning every
token's ~23 feature strings into C++ strings and looking each up in the model's dictionary,
one sequence at a time. Here a feature string maps to a row of weights through a Python dict
(with the rows of a word's own features cached by the caller), a whole article's emission
scores come from one numpy gather-and-sum, and Viterbi runs over all its sequences together.
The decoding is crfsuite's own (log-domain scores, no start/end transitions, the first best
label on ties), so the tags are the same.

The binary layout read here is crfsuite's ``crf1dm`` format: a header, a chunk of features
(type, source, destination, weight as a double), and CQDB dictionaries of labels and attributes
whose records (id, key size, key) follow one another in id order.
"""

from __future__ import annotations

import struct
from itertools import chain
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_RECORDS_START = 24 + 256 * 8  # chunk header, then 256 hash-table references
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class CrfModel:
    def __init__(self, labels: list[str], attributes: dict[str, int], state: np.ndarray,
                 transition: np.ndarray):
        self.labels = labels
        self.attributes = attributes  # feature string -> row of ``state``
        # One extra all-zero row at the end: the padding of ragged gathers points there.
        self.state = np.vstack([state, np.zeros((1, len(labels)))])
        self.zero_row = len(state)
        self.transition = transition  # [from label, to label]

    @classmethod
    def load(cls, path: Path) -> "CrfModel":
        data = Path(path).read_bytes()
        (magic, _size, _type, _version, _n_features, n_labels, n_attrs, off_features, off_labels,
         off_attrs, _off_labelrefs, _off_attrrefs) = _HEADER.unpack_from(data, 0)
        if magic != b"lCRF":
            raise ValueError(f"{path}: not a crfsuite model")
        labels = _cqdb_keys(data, off_labels, n_labels)
        attributes = {key: i for i, key in enumerate(_cqdb_keys(data, off_attrs, n_attrs))}
        chunk, _chunk_size, n_features = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature chunk where the header points")
        features = np.frombuffer(data, _FEATURE, n_features, off_features + 12)
        state = np.zeros((n_attrs, n_labels))
        transition = np.zeros((n_labels, n_labels))
        for kind, table in ((_STATE, state), (_TRANSITION, transition)):
            chosen = features[features["type"] == kind]
            # Each (source, destination) pair is one feature, so plain assignment is exact.
            table[chosen["src"], chosen["dst"]] = chosen["weight"]
        return cls(labels, attributes, state, transition)

    def decode(self, token_rows: list[tuple[int, ...]], sequence_lengths: list[int]) -> list[str]:
        """Labels of many sequences at once: ``token_rows`` has the state rows of each token's
        features, token after token and sequence after sequence; ``sequence_lengths`` splits
        the tokens into sequences."""
        if not sequence_lengths:
            return []
        sizes = np.fromiter(map(len, token_rows), dtype=np.intp, count=len(token_rows))
        if not sizes.all():  # a token with no known feature: the all-zero row stands in
            token_rows = [rows or (self.zero_row,) for rows in token_rows]
            sizes = np.fromiter(map(len, token_rows), dtype=np.intp, count=len(token_rows))
        rows = np.fromiter(chain.from_iterable(token_rows), dtype=np.intp, count=int(sizes.sum()))
        starts = np.zeros(len(sizes), dtype=np.intp)
        np.cumsum(sizes[:-1], out=starts[1:])
        # Summed in feature order from zero, as crfsuite does: the same floating-point result.
        emissions = np.add.reduceat(self.state[rows], starts, axis=0)
        paths = viterbi(emissions, sequence_lengths, self.transition)
        labels = self.labels
        return [labels[i] for i in paths]


def viterbi(emissions: np.ndarray, lengths: list[int], transition: np.ndarray) -> list[int]:
    """Best label path of each sequence, concatenated; ``emissions`` holds every sequence's
    tokens one after another."""
    # Longest sequences first: at step t the sequences still going are a prefix of the batch,
    # so each step works on slices, with no masks.
    order = sorted(range(len(lengths)), key=lambda s: -lengths[s])
    starts = [0] * len(lengths)
    position = 0
    for s, length in enumerate(lengths):
        starts[s] = position
        position += length
    width = lengths[order[0]]
    n_labels = transition.shape[0]
    padded = np.zeros((len(order), width, n_labels))
    for row, s in enumerate(order):
        padded[row, :lengths[s]] = emissions[starts[s]:starts[s] + lengths[s]]
    going = [sum(1 for s in order if lengths[s] > t) for t in range(width)]
    score = padded[:, 0, :].copy()
    back = [None] * width
    for t in range(1, width):
        k = going[t]
        candidates = score[:k, :, None] + transition  # [sequence, from, to]
        back[t] = candidates.argmax(axis=1)  # the first best on ties, as crfsuite
        score[:k] = candidates.max(axis=1) + padded[:k, t, :]
    # Back-tracking all sequences at once: at step t the rows still going are again a prefix,
    # and a row that ended before t keeps its last label until its own end is reached.
    label = score.argmax(axis=1)
    paths = np.empty((len(order), width), dtype=np.intp)
    for t in range(width - 1, -1, -1):
        k = going[t]
        paths[:k, t] = label[:k]
        if t:
            label[:k] = back[t][_ROWS[:k], label[:k]] if k <= len(_ROWS) else \
                back[t][np.arange(k), label[:k]]
    out = np.empty(position, dtype=np.intp)
    for row, s in enumerate(order):
        out[starts[s]:starts[s] + lengths[s]] = paths[row, :lengths[s]]
    return out.tolist()


_ROWS = np.arange(4096)  # row indices for the back-tracking gather, made once


def _cqdb_keys(data: bytes, offset: int, count: int) -> list[str]:
    """Keys of a CQDB dictionary in id order (its records follow one another in that order)."""
    if data[offset:offset + 4] != b"CQDB":
        raise ValueError("no CQDB dictionary where the header points")
    keys: list[str | None] = [None] * count
    position = offset + _CQDB_RECORDS_START
    unpack = struct.Struct("<iI").unpack_from
    for _ in range(count):
        key_id, size = unpack(data, position)
        position += 8
        keys[key_id] = data[position:position + size - 1].decode("utf-8")  # size counts the NUL
        position += size
    if any(k is None for k in keys):
        raise ValueError("a CQDB dictionary with missing ids")
    return keys  # type: ignore[return-value]
