"""Time ``kabar.annotate.article.annotate()`` per article on real cleaned CLICK-ID articles.

Articles are read from ../shared/data/clickid-2019 (every Nth article, so the sample spans all
outlets and days) and cleaned once up front with ``clean_document``. A first set of other
articles (``--warm-up``, 1000) is annotated untimed, so the per-word caches are as full as in a
long ingest; then the measured articles are annotated one by one with a shared
``EntityRegistry``, as the pipeline does (CPU time, which a busy machine disturbs less than wall
time). A second pass over the same articles splits the time by stage (all their words are then
cached, so its total is a little lower):

- ner: the CRF tagger finding spans (``Tagger.find_spans``)
- linking: spans to mentions, canonical ids, registry (``spans_to_mentions``, ``link``)
- dates: ``resolve_dates`` (twice when the publication date had to be inferred)
- quotes: ``extract_quotes``

The stage split repeats ``annotate()``'s steps. ``--dump`` writes annotate()'s outputs, to check
that a speed change altered nothing.

usage: .venv/bin/python bench/annotate.py [--articles 500] [--warm-up 1000] [--dump FILE] [--no-write]
Writes bench/results/annotate.json and bench/results/annotate.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from kabar.annotate.article import annotate
from kabar.annotate.dates import infer_publication_date, resolve_dates
from kabar.annotate.entities import EntityRegistry, known_type
from kabar.annotate.entities.linking import link, spans_to_mentions, to_entity_mentions
from kabar.annotate.entities.recognizer import default_tagger
from kabar.annotate.quotes import extract_quotes
from kabar.clean import clean_document
from kabar.read.jsonl import read_jsonl
from kabar.records import RawDocument

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "clickid-2019" / "articles.jsonl"
RESULTS = REPO / "bench" / "results"


def cleaned_samples(path: Path, count: int, warm_up: int) -> tuple[list, list]:
    """``count`` cleaned articles spread over the file, and ``warm_up`` others (no article in
    both)."""
    documents = [d for d in read_jsonl(path) if isinstance(d, RawDocument) and (d.text or "").strip()]
    step = max(1, len(documents) // count)
    measured = _cleaned(documents[::step], count)
    taken = {a.id for a in measured}
    others = [d for d in documents if d.id not in taken]
    return measured, _cleaned(others[::max(1, len(others) // max(1, warm_up))], warm_up)


def _cleaned(documents: list, count: int) -> list:
    articles = []
    for document in documents:
        if len(articles) == count:
            break
        try:
            articles.append(clean_document(document))
        except Exception:  # junk pages the cleaner rejects are not annotate's business
            continue
    return articles


def time_stages(articles: list) -> dict[str, float]:
    """CPU seconds per stage over all articles, following annotate()'s steps."""
    totals = dict.fromkeys(("ner", "linking", "dates", "quotes"), 0.0)
    registry = EntityRegistry()
    tagger = default_tagger()
    clock = time.process_time
    for article in articles:
        texts = list(article.body)
        title_paragraph = None
        if article.title:
            texts.insert(0, article.title)
            title_paragraph = 0
        t0 = clock()
        spans = tagger.find_spans(texts, known_type)
        t1 = clock()
        mentions = spans_to_mentions(spans, title_paragraph, article.language)
        link(mentions, registry)
        entities = to_entity_mentions(mentions)
        t2 = clock()
        dates = resolve_dates(article.body, article.language, article.published)
        if article.published is None:
            published = infer_publication_date(dates)
            if published is not None:
                resolve_dates(article.body, article.language, published)
        t3 = clock()
        extract_quotes(article.body, article.language, entities)
        t4 = clock()
        totals["ner"] += t1 - t0
        totals["linking"] += t2 - t1
        totals["dates"] += t3 - t2
        totals["quotes"] += t4 - t3
    return totals


def time_annotate(articles: list) -> tuple[float, float, list]:
    registry = EntityRegistry()
    wall, cpu = time.perf_counter(), time.process_time()
    annotated = [annotate(article, registry) for article in articles]
    return time.perf_counter() - wall, time.process_time() - cpu, annotated


def output_of(article) -> dict:
    """What annotate() adds to an article, in a form that compares exactly."""
    return {
        "id": article.id,
        "published": str(article.published), "published_inferred": article.published_inferred,
        "entities": [repr(e) for e in article.entities],
        "dates": [repr(d) for d in article.dates],
        "quotes": [repr(q) for q in article.quotes],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--warm-up", type=int, default=1000, help="other articles annotated untimed first")
    parser.add_argument("--dump", type=Path, help="write every annotated article's output here (JSONL)")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    # At least one warm-up article: it loads the model, gazetteer and word lists untimed.
    articles, warm_up = cleaned_samples(args.data, args.articles, max(1, args.warm_up))
    words = sum(len(" ".join(a.body).split()) for a in articles)
    warm_registry = EntityRegistry()
    for article in warm_up:
        annotate(article, warm_registry)
    wall, cpu, annotated = time_annotate(articles)
    stages = time_stages(articles)
    n = len(articles)
    result = {
        "articles": n,
        "mean_words": round(words / n, 1),
        "annotate_ms_cpu": round(1000 * cpu / n, 3),
        "annotate_ms_wall": round(1000 * wall / n, 3),
        "articles_per_s_cpu": round(n / cpu, 1),
        "warm_up_articles": args.warm_up,
        "stage_ms_cpu_second_pass": {name: round(1000 * seconds / n, 3) for name, seconds in stages.items()},
        "load_average": os.getloadavg()[0],
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for article in annotated:
                out.write(json.dumps(output_of(article), ensure_ascii=False) + "\n")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "annotate.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
