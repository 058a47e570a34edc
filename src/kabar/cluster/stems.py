"""Build the Indonesian stem table shipped with the package, from the NER corpora's training text.

    .venv/bin/python -m kabar.cluster.stems

PySastrawi stems well but costs ~0.3 ms a word, too slow for a thousand articles a second on
a stream whose vocabulary never stops growing. The frequent words are stemmed once here, by
PySastrawi, and the table (only words whose stem differs) ships in
``kabar/data/cluster/id_stems.json.gz``; rarer words, mostly names, get a light particle
stripper at run time. The words come from the training splits of the NER corpora (MIT /
Apache-2.0): the news collections under ../shared/data are for evaluation and development
only, and no word list derived from them may ship.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from .devdata import shared_data
from .text import stopwords, tokens

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "cluster" / "id_stems.json.gz"
TABLE_WORDS = 60_000
MIN_COUNT = 1


def main() -> None:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    ner = shared_data() / "ner"
    counts: Counter = Counter()
    for source in (ner / "idner-news-2k" / "train.txt", ner / "nergrit" / "train_preprocess.txt"):
        with open(source, encoding="utf-8") as fh:
            words = [line.split()[0] for line in fh if line.strip()]
        counts.update(tokens(" ".join(words)))
    stop = stopwords("id")
    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    table = {}
    for word, count in counts.most_common(TABLE_WORDS):
        if count < MIN_COUNT or word in stop or not word.isalpha() or len(word) <= 3:
            continue
        stem = stemmer.stem_word(word)
        if stem and stem != word:
            table[word] = stem
    TABLE_PATH.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(TABLE_PATH, "wt", encoding="utf-8") as fh:
        json.dump(table, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    print(f"{len(table)} stems of {len(counts)} words -> {TABLE_PATH} ({TABLE_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
