"""Benchmark of the BRIEF stage: does the summary carry the facts several articles agree on,
without repeating itself, and how fast is a brief for stories of 5, 50 and 500 articles.

Data (read from ../shared/data, never copied): ECB+ DEV articles grouped by their gold event
(40 stories of 8-21 English articles), events-id-dev gold events of two or more articles
(Indonesian, several outlets), the Feb-2023 seed story (seeds 000 and 001), and CLICK-ID
articles replayed as stories of 5, 50 and 500 articles for speed.

Measures (kabar.brief.evaluate, a plain word TF-IDF space per story, no entity linking):
- multi-article facts: sentences with a near-match (cosine >= 0.4) in another article, joined
  into facts; a fact weighs as many articles as report it. Fact coverage = weight of the facts
  some summary sentence matches / weight of all; top-6 coverage = share of the six
  most-reported facts the summary matches.
- redundancy: the largest cosine between two sentences of one summary.
- the same figures for the lead baseline (the first six sentences of the earliest article).
- speed: median of 3 runs of build_brief, and the ratio to a plain TF-IDF fit of the same
  story's sentences (machines here are noisy; the ratio holds).

Run: .venv/bin/python bench/brief.py   (writes bench/results/brief.json and brief.md)
Articles are cleaned and annotated by kabar.pipeline.prepare when it imports; otherwise they are
split into paragraphs only (no entities, dates or quotes) and the results say so.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.brief import build_brief
from kabar.brief.evaluate import lead_baseline, plain_article, summary_quality
from kabar.brief.sentences import article_sentences
from kabar.records import Article, RawDocument

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
RESULTS = ROOT / "bench" / "results"
SPEED_SIZES = (5, 50, 500)


def _preparer():
    try:
        from kabar.pipeline import prepare
    except Exception as error:  # noqa: BLE001 - the bench still measures the brief on plain articles
        print(f"kabar.pipeline.prepare unavailable ({type(error).__name__}: {error}); using plain articles",
              file=sys.stderr)
        return None, "plain paragraphs (pipeline unavailable)"
    return prepare, "kabar.pipeline.prepare (cleaned and annotated)"


def to_articles(records: list[dict], prepare) -> list[Article]:
    articles = []
    for record in records:
        if prepare is None:
            articles.append(plain_article(record))
            continue
        doc = RawDocument(id=record["id"], source="bench", text=record.get("text"), url=record.get("url"),
                          outlet=record.get("outlet"), published=record.get("published"),
                          title=record.get("title"), language=record.get("language"))
        try:
            articles.append(prepare(doc))
        except Exception as error:  # noqa: BLE001 - an article the pipeline rejects is left out
            print(f"{record['id']}: skipped ({type(error).__name__}: {error})", file=sys.stderr)
    return articles


def read_jsonl(path: Path, keep=lambda r: True, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if keep(record):
                out.append(record)
                if limit and len(out) >= limit:
                    break
    return out


def ecbplus_stories() -> dict[str, list[dict]]:
    folder = DATA / "ecbplus-dev"
    gold = json.loads((folder / "gold.json").read_text())
    stories: dict[str, list[dict]] = defaultdict(list)
    for record in read_jsonl(folder / "articles.jsonl"):
        if record["id"] in gold:
            stories[gold[record["id"]]].append(record)
    return dict(sorted(stories.items()))


def events_id_stories() -> dict[str, list[dict]]:
    """Indonesian multi-outlet stories: the events-id-dev gold events of two or more articles."""
    folder = DATA / "events-id-dev"
    events = json.loads((folder / "gold.json").read_text())["events"]
    records = {r["id"]: r for r in read_jsonl(folder / "articles.jsonl")}
    return {name: [records[i] for i in event["articles"] if i in records]
            for name, event in sorted(events.items()) if len(event["articles"]) >= 2}


def seed_story() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "language": "id"}
            for p in sorted((DATA / "seeds").glob("00[01]_*.txt"))]


def mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.fmean(values), 3) if values else None


def evaluate_quality(prepare, stories: dict[str, list[dict]]) -> dict:
    per_story = {}
    for event, records in stories.items():
        articles = to_articles(records, prepare)
        story = build_brief(event, articles)
        per_story[event] = {
            "articles": len(articles),
            "kabar": summary_quality(articles, [s.text for s in story.summary]),
            "lead": summary_quality(articles, lead_baseline(articles)),
        }
    summary = {
        system: {key: mean(s[system][key] for s in per_story.values())
                 for key in ("fact_coverage", "top_coverage", "redundancy")}
        for system in ("kabar", "lead")
    }
    summary["kabar"]["max_redundancy"] = max(s["kabar"]["redundancy"] or 0 for s in per_story.values())
    return {"stories": len(per_story), "mean": summary, "per_story": per_story}


def evaluate_seed(prepare) -> dict | None:
    records = seed_story()
    if len(records) < 2:
        return None
    articles = to_articles(records, prepare)
    story = build_brief("seed-2023-02", articles)
    return {"summary": [s.text for s in story.summary], "timeline": [[e.date, e.text] for e in story.timeline],
            "quality": summary_quality(articles, [s.text for s in story.summary])}


def evaluate_speed(prepare) -> dict:
    records = read_jsonl(DATA / "clickid-2019" / "articles.jsonl",
                         keep=lambda r: "Habibie" in (r.get("text") or ""), limit=max(SPEED_SIZES))
    articles = to_articles(records, prepare)
    result = {}
    for size in SPEED_SIZES:
        story_articles = articles[:size]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            build_brief(f"speed-{size}", story_articles)
            runs.append(time.perf_counter() - start)
        sentences = [s.text for a in story_articles for s in article_sentences(a)]
        base = []
        for _ in range(3):
            start = time.perf_counter()
            TfidfVectorizer(sublinear_tf=True).fit_transform(sentences)
            base.append(time.perf_counter() - start)
        seconds = statistics.median(runs)
        result[str(size)] = {"articles": len(story_articles), "sentences": len(sentences),
                             "seconds": round(seconds, 4),
                             "tfidf_baseline_seconds": round(statistics.median(base), 4),
                             "ratio_to_baseline": round(seconds / statistics.median(base), 2)}
    return result


def write_markdown(results: dict) -> str:
    q = results["ecbplus"]["mean"]
    lines = [
        "# BRIEF benchmark", "",
        f"Articles: {results['articles']}. Command: `.venv/bin/python bench/brief.py`.", "",
        f"## Summary quality on ECB+ DEV gold stories ({results['ecbplus']['stories']} stories)", "",
        "| system | fact coverage (weighted) | top-6 facts covered | mean redundancy (max cosine) |",
        "| --- | --- | --- | --- |",
        f"| kabar | {q['kabar']['fact_coverage']} | {q['kabar']['top_coverage']} | {q['kabar']['redundancy']} |",
        f"| lead-6 baseline | {q['lead']['fact_coverage']} | {q['lead']['top_coverage']} | {q['lead']['redundancy']} |",
        "", f"Largest redundancy in any kabar summary: {q['kabar']['max_redundancy']:.3f}.", "",
    ]
    plain = results.get("ecbplus_plain")
    if plain:
        p = plain["mean"]
        lines += [
            "The same on plain articles (paragraphs only, no cleaning or annotation; what the quality-floor "
            "test in tests/brief/test_real_stories.py checks):", "",
            "| system | fact coverage (weighted) | top-6 facts covered | mean redundancy (max cosine) |",
            "| --- | --- | --- | --- |",
            f"| kabar | {p['kabar']['fact_coverage']} | {p['kabar']['top_coverage']} | {p['kabar']['redundancy']} |",
            f"| lead-6 baseline | {p['lead']['fact_coverage']} | {p['lead']['top_coverage']} | {p['lead']['redundancy']} |",
            "",
        ]
    e = results["events_id"]["mean"]
    lines += [
        f"## Indonesian: events-id-dev gold events of 2+ articles ({results['events_id']['stories']} stories)", "",
        "| system | fact coverage (weighted) | top-6 facts covered | mean redundancy (max cosine) |",
        "| --- | --- | --- | --- |",
        f"| kabar | {e['kabar']['fact_coverage']} | {e['kabar']['top_coverage']} | {e['kabar']['redundancy']} |",
        f"| lead-6 baseline | {e['lead']['fact_coverage']} | {e['lead']['top_coverage']} | {e['lead']['redundancy']} |",
        "",
        "## Speed (CLICK-ID articles replayed as one story)", "",
        "| articles | sentences | build_brief s (median of 3) | plain TF-IDF fit s | ratio |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in results["speed"].values():
        lines.append(f"| {row['articles']} | {row['sentences']} | {row['seconds']} | "
                     f"{row['tfidf_baseline_seconds']} | {row['ratio_to_baseline']} |")
    seed = results.get("seed")
    if seed:
        lines += ["", "## Seed story (seeds 000 and 001)", ""]
        lines += [f"{i}. {s}" for i, s in enumerate(seed["summary"], 1)]
        lines += ["", "Timeline:", ""] + [f"- {d}: {t}" for d, t in seed["timeline"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    if not (DATA / "ecbplus-dev").is_dir():
        sys.exit("needs ../shared/data/ecbplus-dev beside the repository")
    prepare, mode = _preparer()
    ecbplus = ecbplus_stories()
    results = {"articles": mode, "ecbplus": evaluate_quality(prepare, ecbplus),
               "ecbplus_plain": evaluate_quality(None, ecbplus) if prepare else None,
               "events_id": evaluate_quality(prepare, events_id_stories()),
               "seed": evaluate_seed(prepare), "speed": evaluate_speed(prepare)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "brief.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    markdown = write_markdown(results)
    (RESULTS / "brief.md").write_text(markdown)
    print(markdown)


if __name__ == "__main__":
    main()
