"""Build the Indonesian stem table shipped with the package, from the shared CLICK-ID articles.

    .venv/bin/python -m kabar.cluster.stems

PySastrawi stems well but costs ~0.3 ms a word, too slow for a thousand articles a second on
a stream whose vocabulary never stops growing. The frequent words are stemmed once here, by
PySastrawi, and the table (only words whose stem differs) ships in
``kabar/data/cluster/id_stems.json.gz``; rarer words, mostly names, get a light particle
stripper at run time.
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
MIN_COUNT = 3


def main() -> None:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    source = shared_data() / "clickid-2019" / "articles.jsonl"
    counts: Counter = Counter()
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            counts.update(tokens(" ".join(filter(None, [rec.get("title"), rec.get("text")]))))
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
