"""Word clusters learned from unlabelled Indonesian news, a cheap stand-in for Brown clusters.

The labelled corpora are small (~90k tokens), so most names in new text were never seen in
training; a word's cluster ("words used like 'Jokowi'", "words used like 'Kabupaten'") lets the
tagger generalise to them. Built at training time from the training splits of the NER corpora
only (MIT / Apache-2.0): the news collections under ../shared/data are for evaluation and
development and must not flow into a shipped artefact. Each frequent word gets a vector of its left and right neighbours (positive PMI), reduced by SVD
and grouped by k-means at three granularities. Shipped as ``data/ner/clusters.tsv.gz``
(word<TAB>coarse<TAB>middle<TAB>fine).
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse


GRANULARITIES = (32, 256, 1024)


def build_clusters(training_sentences, min_count: int = 3,
                   context_size: int = 3000, dims: int = 100, seed: int = 13) -> dict[str, str]:
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    sentences = [[t.lower() for t in tokens] for tokens in training_sentences]
    counts = Counter(t for s in sentences for t in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_context = min(context_size, len(vocab))
    rows, cols = [], []
    for tokens in sentences:
        ids = [index.get(t, -1) for t in tokens]
        for i, word in enumerate(ids):
            if word < 0:
                continue
            if i > 0 and 0 <= ids[i - 1] < n_context:
                rows.append(word); cols.append(ids[i - 1])
            if i + 1 < len(ids) and 0 <= ids[i + 1] < n_context:
                rows.append(word); cols.append(n_context + ids[i + 1])
    matrix = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(len(vocab), 2 * n_context)).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(matrix.sum(axis=0)).ravel() + 1e-9
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    vectors = normalize(TruncatedSVD(dims, random_state=seed).fit_transform(ppmi))
    labels = []
    for k in GRANULARITIES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vectors))
    return {w: "\t".join(str(l[i]) for l in labels) for i, w in enumerate(vocab)}


def dump_clusters(clusters: dict[str, str], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for word, ids in clusters.items():
            out.write(f"{word}\t{ids}\n")


def load_clusters(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, ids = line.rstrip("\n").split("\t", 1)
            clusters[word] = ids
    return clusters
