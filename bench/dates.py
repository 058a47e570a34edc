"""Benchmark of the dates annotator.

1. The expression tables ``bench/data/dates_{id,en}.tsv``: accuracy of the first resolved date
   and its ``inferred`` flag, and expressions resolved per second.
2. Where ``../shared/data/clickid-2019`` is present: publication-date inference on real articles
   (resolve with no publication date, infer it, compare with the published day) and the time per
   article with the publication date given.

Times are CPU time of this process (``time.process_time``): the machine is shared, wall time
would measure the neighbours. Run: ``.venv/bin/python bench/dates.py`` (``--articles N`` to change the clickid sample).
Writes ``bench/results/dates.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

from kabar.annotate.dates import infer_publication_date, resolve_dates

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"id": ROOT / "bench" / "data" / "dates_id.tsv", "en": ROOT / "bench" / "data" / "dates_en.tsv"}
CLICKID = ROOT / ".." / "shared" / "data" / "clickid-2019" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results" / "dates.json"
# The day the tables were written: rows with no reference infer the year relative to it.
TABLE_TODAY = date(2026, 11, 23)


def load_table(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        text, reference, expected, inferred = line.split("\t")
        rows.append({"text": text, "reference": reference or None,
                     "expected": None if expected == "-" else expected,
                     "inferred": None if inferred == "-" else inferred == "true"})
    return rows


def first_resolved(row: dict, language: str) -> tuple[str | None, bool | None]:
    refs = resolve_dates([row["text"]], language, row["reference"], today=TABLE_TODAY)
    return (refs[0].date, refs[0].inferred) if refs else (None, None)


def bench_table(language: str) -> dict:
    rows = load_table(TABLES[language])
    wrong = []
    for row in rows:
        got = first_resolved(row, language)
        if got != (row["expected"], row["inferred"]):
            wrong.append({"text": row["text"], "reference": row["reference"],
                          "expected": [row["expected"], row["inferred"]], "got": list(got)})
    repeats = 20
    started = time.process_time()
    for _ in range(repeats):
        for row in rows:
            resolve_dates([row["text"]], language, row["reference"], today=TABLE_TODAY)
    per_second = repeats * len(rows) / (time.process_time() - started)
    return {"rows": len(rows), "correct": len(rows) - len(wrong),
            "accuracy": round((len(rows) - len(wrong)) / len(rows), 4),
            "expressions_per_second": round(per_second), "wrong": wrong}


def bench_clickid(sample_size: int) -> dict | None:
    if not CLICKID.exists():
        return None
    articles = [json.loads(line) for line in CLICKID.open(encoding="utf-8")]
    articles = [a for a in articles if a.get("text") and a.get("published")]
    random.Random(7).shuffle(articles)
    articles = articles[:sample_size]
    started = time.process_time()
    found = 0
    for a in articles:
        found += len(resolve_dates([a["text"]], "id", a["published"][:10]))
    ms_per_article = (time.process_time() - started) * 1000 / len(articles)
    exact = within_day = inferred = 0
    for a in articles:
        guess = infer_publication_date(resolve_dates([a["text"]], "id", None, today=TABLE_TODAY))
        if guess is None:
            continue
        inferred += 1
        gap = abs((date.fromisoformat(guess) - date.fromisoformat(a["published"][:10])).days)
        exact += gap == 0
        within_day += gap <= 1
    return {"articles": len(articles), "dates_found": found, "ms_per_article": round(ms_per_article, 3),
            "publication_inferred": round(inferred / len(articles), 4),
            "publication_exact": round(exact / len(articles), 4),
            "publication_exact_when_inferred": round(exact / max(inferred, 1), 4),
            "publication_within_one_day_when_inferred": round(within_day / max(inferred, 1), 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="clickid articles to sample")
    parser.add_argument("--errors", action="store_true", help="print the table rows that fail")
    args = parser.parse_args(argv)
    results = {"tables": {lang: bench_table(lang) for lang in TABLES}}
    for lang, table in results["tables"].items():
        print(f"{lang}: accuracy {table['accuracy']:.3f} ({table['correct']}/{table['rows']}), "
              f"{table['expressions_per_second']:,} expressions/s")
        if args.errors:
            for w in table["wrong"]:
                print("   ", w)
    clickid = bench_clickid(args.articles)
    if clickid is None:
        print("clickid-2019: skipped (../shared/data/clickid-2019 not found)")
    else:
        results["clickid"] = clickid
        print(f"clickid-2019 ({clickid['articles']} articles): {clickid['ms_per_article']:.3f} ms/article, "
              f"publication day inferred for {clickid['publication_inferred']:.1%}, exact "
              f"{clickid['publication_exact_when_inferred']:.1%} of those "
              f"(within a day {clickid['publication_within_one_day_when_inferred']:.1%})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
