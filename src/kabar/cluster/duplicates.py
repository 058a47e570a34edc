"""Near-duplicate and syndicated-copy detection: MinHash signatures over word 5-grams, LSH bands.

Signatures are datasketch MinHashes. The band tables are our own plain dicts rather than a
``datasketch.MinHashLSH`` because the state is written to the store after every batch: only the
signatures (256 bytes an article) are saved, and the bands are rebuilt from them on load.
"""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard become candidates (0.98 at 0.68)
ROWS = NUM_PERM // BANDS
SHINGLE = 5
SEED = 1


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)  # permutations drawn once, not per article


def shingles(words: list[str]) -> list[bytes]:
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")] if words else []
    # Each word encoded once, then joined as bytes: the same 5-grams as joining the words and
    # encoding each gram, for a fifth of the encoding.
    encoded = [w.encode("utf-8") for w in words]
    return list(map(b" ".join, zip(*(encoded[i:] for i in range(SHINGLE)))))


# datasketch's "affine32" scheme, applied directly: crc32 of each shingle, MurmurHash3's 32-bit
# finaliser, then h -> a * h + b mod 2^32 per permutation, the minimum over shingles. The same
# numbers as ``MinHash.update_batch`` without building a MinHash and a Python list an article.
_AFFINE32 = _TEMPLATE.scheme == "affine32"
_A, _B = (np.asarray(p, dtype=np.uint32) for p in _TEMPLATE.permutations)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(words: list[str], grams: list[bytes] | None = None) -> np.ndarray | None:
    """The MinHash of an article's word 5-grams (pass ``grams`` when already made), or None
    for an empty text."""
    grams = shingles(words) if grams is None else grams
    if not grams:
        return None
    if _AFFINE32:
        hashes = _fmix32(np.fromiter(map(zlib.crc32, grams), dtype=np.uint32, count=len(grams)))
        return (hashes[:, None] * _A + _B).min(axis=0)
    # CRC-32 instead of datasketch's default SHA-1: as good for shingles, several times faster.
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations,
                scheme=_TEMPLATE.scheme)
    m.update_batch(grams)
    return m.hashvalues.astype(np.uint32)


# The bytes of each band of a signature (ROWS uint32 values), sliced in C.
_BAND_SLICES = tuple(slice(i * ROWS * 4, (i + 1) * ROWS * 4) for i in range(BANDS))


class DuplicateFinder:
    """Finds, among the recent articles it holds, the most similar copy of a new one."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.signatures: dict[str, np.ndarray] = {}
        self.sizes: dict[str, int] = {}  # shingle counts: a long article is no copy of a stub
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        return list(map(sig.tobytes().__getitem__, _BAND_SLICES))

    def find(self, sig: np.ndarray | None, size: int) -> tuple[str | None, float]:
        """The id of the held article most similar to ``sig`` above the threshold, and its
        estimated Jaccard similarity; ties go to the earliest article."""
        if sig is None:
            return None, 0.0
        seen: set[str] = set()
        best, best_sim = None, 0.0
        for band, key in zip(self._bands, self._band_keys(sig)):
            for other in band.get(key, ()):
                if other in seen:
                    continue
                seen.add(other)
                sim = float(np.count_nonzero(self.signatures[other] == sig)) / NUM_PERM
                # Jaccard cannot exceed the ratio of the two shingle-set sizes.
                small, large = sorted((size, self.sizes[other]))
                if large and small / large < self.threshold:
                    continue
                if sim >= self.threshold and sim > best_sim:
                    best, best_sim = other, sim
        return best, best_sim

    def add(self, article_id: str, sig: np.ndarray | None, size: int) -> None:
        if sig is None or article_id in self.signatures:
            return
        self.signatures[article_id] = sig
        self.sizes[article_id] = size
        for band, key in zip(self._bands, self._band_keys(sig)):
            band.setdefault(key, []).append(article_id)

    def remove(self, article_id: str) -> None:
        sig = self.signatures.pop(article_id, None)
        self.sizes.pop(article_id, None)
        if sig is None:
            return
        for band, key in zip(self._bands, self._band_keys(sig)):
            ids = band.get(key)
            if ids is not None:
                ids.remove(article_id)
                if not ids:
                    del band[key]

    def state(self) -> dict:
        ids = list(self.signatures)
        matrix = np.stack([self.signatures[i] for i in ids]) if ids else np.zeros((0, NUM_PERM), np.uint32)
        return {"ids": ids, "sizes": [self.sizes[i] for i in ids], "sigs": matrix.tobytes()}

    @classmethod
    def from_state(cls, state: dict, threshold: float) -> "DuplicateFinder":
        finder = cls(threshold)
        matrix = np.frombuffer(state["sigs"], dtype=np.uint32).reshape(-1, NUM_PERM)
        for article_id, size, sig in zip(state["ids"], state["sizes"], matrix):
            finder.add(article_id, sig.copy(), size)
        return finder
