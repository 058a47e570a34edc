"""Clustering benchmark: quality on the dev sets beside baselines, and speed/memory at scale.

    .venv/bin/python bench/clustering.py [--sizes 10000 100000] [--million] [--skip-speed]

Quality: BCubed and pairwise F1 of kabar's online StoryIndex on ecbplus-dev, events-id-dev and
the seeds, beside two baselines measured in the same run with their thresholds tuned on the
same data (so optimistic): TF-IDF + average-link agglomerative clustering, and online
single-pass TF-IDF (join the nearest centroid above a cosine). kabar's own parameters are
learned on the same dev data too (``kabar.cluster.tune``, whose ``--heldout`` run gives the
held-out ECB+ estimate).

Speed: articles a second through ``StoryIndex.add`` (annotation not included: articles are
built from the raw CLICK-ID fields), split into its per-article half (``article_features``) and
its in-order half, on CLICK-ID replayed to N articles, each replay shifted by
four weeks and with 5% of its words dropped; peak RSS of the process and the size of ``dumps()``.
One replay gives every size's row (the 10k row is the 1M run at 10k), and the sizes of the
index's structures every 50k articles, written to the results as the run goes (a 1M run takes
~40 CPU-minutes). Writes bench/results/clustering.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.cluster import StoryIndex, devdata
from kabar.cluster.features import article_features
from kabar.cluster.text import stopwords

RESULTS = Path(__file__).resolve().parent / "results"


# -- quality ------------------------------------------------------------------------------
def scores(pred: dict[str, str], gold: dict[str, str]) -> dict:
    bp, br, bf = devdata.bcubed(pred, gold)
    pp, pr, pf = devdata.pairwise(pred, gold)
    return {"bcubed_f1": round(bf, 3), "bcubed_p": round(bp, 3), "bcubed_r": round(br, 3),
            "pairwise_f1": round(pf, 3), "pairwise_p": round(pp, 3), "pairwise_r": round(pr, 3)}


def tfidf_matrix(articles, language: str):
    texts = ["\n".join(filter(None, [a.title, *a.body])) for a in articles]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words=sorted(stopwords(language)), min_df=1)
    return vectorizer.fit_transform(texts)


def agglomerative_baseline(articles, gold, language: str, figure: str) -> dict:
    x = tfidf_matrix(articles, language).toarray()
    best = None
    for distance in np.arange(0.50, 0.99, 0.02):
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=float(distance)).fit_predict(x)
        result = scores({a.id: str(l) for a, l in zip(articles, labels)}, gold)
        if best is None or result[figure] > best[figure]:
            best = {**result, "distance": round(float(distance), 2)}
    return best


def single_pass_baseline(articles, gold, language: str, figure: str) -> dict:
    x = tfidf_matrix(articles, language)
    rows = [x.getrow(i).toarray()[0] for i in range(x.shape[0])]
    best = None
    for threshold in np.arange(0.10, 0.62, 0.02):
        centroids, labels = [], []
        for row in rows:
            sims = [float(row @ c / (np.linalg.norm(c) or 1.0)) for c in centroids]
            k = int(np.argmax(sims)) if sims else -1
            if k >= 0 and sims[k] >= threshold:
                centroids[k] = centroids[k] + row
                labels.append(k)
            else:
                centroids.append(row.copy())
                labels.append(len(centroids) - 1)
        result = scores({a.id: str(l) for a, l in zip(articles, labels)}, gold)
        if best is None or result[figure] > best[figure]:
            best = {**result, "cosine": round(float(threshold), 2)}
    return best


def kabar_run(articles, gold) -> dict:
    index = StoryIndex()
    got = {a.id: index.add(a) for a in articles}
    result = scores({k: v.story for k, v in got.items()}, gold)
    result["duplicate_links"] = sum(1 for v in got.values() if v.duplicate_of)
    result["duplicate_links_within_event"] = sum(
        1 for k, v in got.items() if v.duplicate_of and gold.get(k) == gold.get(v.duplicate_of))
    return result


def quality() -> dict:
    out = {}
    for name, loader, language, figure in (
        ("ecbplus-dev", devdata.ecbplus, "en", "bcubed_f1"),
        ("events-id-dev", devdata.events_id, "id", "pairwise_f1"),
    ):
        data = loader()
        if data is None:
            out[name] = {"skipped": f"not found under {devdata.shared_data()}"}
            continue
        articles, gold = data
        articles = [a for a in articles if a.id in gold]
        annotated = any(a.entities for a in articles)
        print(f"{name}: {len(articles)} articles ({'annotated' if annotated else 'not annotated'})", flush=True)
        out[name] = {
            "articles": len(articles),
            "annotated": annotated,
            "kabar": kabar_run(articles, gold),
            "tfidf_average_link": agglomerative_baseline(articles, gold, language, figure),
            "tfidf_single_pass": single_pass_baseline(articles, gold, language, figure),
            "tuned_for": figure,
        }
        print(json.dumps(out[name]), flush=True)
    seeds = devdata.seeds()
    if seeds:
        index = StoryIndex()
        got = {a.id[:3]: index.add(a) for a in sorted(seeds, key=lambda a: a.id)}
        out["seeds"] = {
            "feb_2023_one_story": got["000"].story == got["001"].story,
            "apr_2024_another_story": got["002"].story != got["000"].story,
            "one_storyline": got["002"].storyline is not None
            and index.storyline_of(got["000"].story) == got["002"].storyline,
        }
    return out


# -- speed and memory ---------------------------------------------------------------------
def replayed_articles(limit: int):
    """CLICK-ID articles replayed until ``limit``: replay k shifted by 4k weeks (beyond the
    window, so a replay makes new stories instead of joining its original's), 5% of words dropped."""
    source = devdata.shared_data() / "clickid-2019" / "articles.jsonl"
    with open(source, encoding="utf-8") as fh:
        base = [devdata.plain_article(devdata.raw_document(json.loads(line), "clickid")) for line in fh]
    base.sort(key=lambda a: (a.published or "", a.id))
    produced, replay = 0, 0
    while produced < limit:
        rng = random.Random(replay)
        for a in base:
            if produced >= limit:
                return
            published = a.published
            if replay and published:
                published = (date.fromisoformat(published[:10]) + timedelta(days=28 * replay)).isoformat()
            body = a.body
            if replay:
                body = tuple(" ".join(w for w in p.split() if rng.random() > 0.05) for p in a.body)
            yield replace(a, id=f"{a.id}~{replay}", published=published, body=body)
            produced += 1
        replay += 1


CHUNK = 1000  # articles whose features are computed together (all of them would not fit memory)


# CPU seconds of this (single-threaded) process: on a shared machine wall time measures the
# neighbours as much as kabar.
clock = time.process_time


def _add_chunk(index: StoryIndex, chunk: list, in_features: float, in_order: float) -> tuple[float, float]:
    start = clock()
    features = [article_features(a) for a in chunk]
    mid = clock()
    for article, feats in zip(chunk, features):
        index.add(article, feats)
    # The pipeline takes the storyline changes after every batch; left here they would grow.
    index.pop_storyline_changes()
    return in_features + mid - start, in_order + clock() - mid


def current_rss_mb() -> float:
    """Resident memory now (ru_maxrss is the peak so far): Linux /proc, else the peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def structure_sizes(index: StoryIndex) -> dict:
    """The sizes of everything the index keeps: each must be bounded by the window, not grow
    with the archive."""
    finder = index.duplicates
    return {
        "df_terms": len(index.df),
        "active_stories": len(index.stories),
        "window_articles": len(index.article_meta),
        "storyline_summaries": len(index.storylines.summaries),
        "storyline_entities": len(index.storylines.by_entity),
        "duplicate_window_articles": len(finder.signatures),
        "lsh_keys": sum(len(band) for band in finder._bands),
        "term_postings": len(index._term_postings),
        "name_postings": len(index._postings),
    }


SIZES_EVERY = 50_000  # articles between printed structure sizes


def speed(sizes: list[int], trace: bool, progress: list[dict], on_progress=lambda: None) -> list[dict]:
    """One replay of ``max(sizes)`` articles, with a row at each of ``sizes``: the index at
    10k is the index at 10k of the 1M run. Peak RSS is the process's up to that row. Every
    SIZES_EVERY articles the structure sizes are appended to ``progress`` and ``on_progress``
    is called (so a long run leaves its figures behind as it goes)."""
    index = StoryIndex()
    if trace:
        tracemalloc.start()
    rows, checkpoints = [], sorted(set(sizes))
    rss_before = 0.0  # the bench itself (libraries loaded, CLICK-ID parsed): taken at the first article
    # The two halves of StoryIndex.add, timed apart: article_features reads the article alone
    # (the Spark job runs it on the workers), the rest must run in arrival order.
    in_features, in_order, done = 0.0, 0.0, 0
    chunk: list = []
    for article in replayed_articles(checkpoints[-1]):
        if not rss_before:
            rss_before = current_rss_mb()
        chunk.append(article)
        # Chunks end at every checkpoint, so each row is taken exactly at its size.
        if len(chunk) == CHUNK or done + len(chunk) in checkpoints:
            in_features, in_order = _add_chunk(index, chunk, in_features, in_order)
            done += len(chunk)
            chunk = []
            if done in checkpoints:
                rows.append(_row(index, done, in_features, in_order, trace, rss_before))
            if done % SIZES_EVERY == 0 or done in checkpoints:
                progress.append({"articles": done, "cpu_s": round(in_features + in_order, 1),
                                 "rss_mb": current_rss_mb(),
                                 "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                                 **structure_sizes(index), "load_average": round(os.getloadavg()[0], 2)})
                print(json.dumps(progress[-1]), flush=True)
                on_progress()
    if trace:
        tracemalloc.stop()
    return rows


def _row(index: StoryIndex, size: int, in_features: float, in_order: float, trace: bool,
         rss_before: float) -> dict:
    spent = in_features + in_order
    peak = tracemalloc.get_traced_memory()[1] if trace else None
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_now = current_rss_mb()
    start = clock()
    blob = index.dumps()
    dump_seconds = clock() - start
    start = clock()
    StoryIndex.loads(blob)
    load_seconds = clock() - start
    result = {
        "articles": size,
        "articles_per_second": round(size / spent, 1),
        "seconds_in_add": round(spent, 1),
        "features_per_second": round(size / in_features, 1),
        "in_order_per_second": round(size / in_order, 1),
        **structure_sizes(index),
        "peak_rss_mb": round(rss_peak / 1024, 1),  # of the whole process, up to this row
        "rss_mb": rss_now,
        "rss_before_index_mb": rss_before,
        "dumps_mb": round(len(blob) / 1e6, 2),
        "dumps_seconds": round(dump_seconds, 2),
        "loads_seconds": round(load_seconds, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "traced": trace,
    }
    if peak is not None:
        result["tracemalloc_peak_mb"] = round(peak / 1e6, 1)
    print(json.dumps(result), flush=True)
    return result


def markdown(result: dict) -> str:
    lines = ["# Clustering benchmark", "", "Written by `bench/clustering.py`; baselines tuned on the same data.", ""]
    if result.get("quality_carried_over"):
        lines += ["The quality tables are carried over from the previous run (`--skip-quality`).", ""]
    lines += ["| set | system | BCubed F1 (P/R) | pairwise F1 | setting |", "| --- | --- | --- | --- | --- |"]
    for name in ("ecbplus-dev", "events-id-dev"):
        q = result["quality"].get(name, {})
        if "kabar" not in q:
            continue
        for system, setting in (("kabar", ""), ("tfidf_average_link", "distance"), ("tfidf_single_pass", "cosine")):
            r = q[system]
            lines.append(f"| {name} | {system} | {r['bcubed_f1']:.3f} ({r['bcubed_p']:.3f}/{r['bcubed_r']:.3f}) "
                         f"| {r['pairwise_f1']:.3f} | {setting} {r.get(setting, '')} |")
    if "seeds" in result["quality"]:
        lines += ["", f"Seeds: {json.dumps(result['quality']['seeds'])}"]
    if result.get("heldout"):
        lines += ["", "Held-out ECB+ BCubed F1 (`python -m kabar.cluster.tune --heldout [--regularisation R "
                  "--min-cos-text C]`: learned on half the topics, scored on the other half, as held-out topics "
                  "will see it), by training setting:", ""]
        for setting, halves in result["heldout"].items():
            figures = ", ".join(f"{half} {r['bcubed_f1']:.3f}" for half, r in sorted(halves.items()))
            mean = sum(r["bcubed_f1"] for r in halves.values()) / len(halves)
            lines.append(f"- {setting}: {figures}; mean {mean:.3f}")
    if result.get("heldout_id"):
        lines += ["", "Held-out events-id (`python -m kabar.cluster.tune --heldout-id`: the Indonesian model learned on "
                  "every other event, by sorted name, and scored on the others, both ways), by feature set:", ""]
        for setting, halves in result["heldout_id"].items():
            figures = ", ".join(f"{half} {r['bcubed_f1']:.3f} / {r['pairwise_f1']:.3f}" for half, r in sorted(halves.items()))
            mean_b = sum(r["bcubed_f1"] for r in halves.values()) / len(halves)
            mean_p = sum(r["pairwise_f1"] for r in halves.values()) / len(halves)
            lines.append(f"- {setting}: BCubed / pairwise {figures}; mean {mean_b:.3f} / {mean_p:.3f}")
    if result.get("speed_carried_over"):
        lines += ["", "The speed table is carried over from the previous full run (`--skip-speed`)."]
    if result.get("speed"):
        lines += ["", "articles/s: the whole of `StoryIndex.add` per CPU-second of one core; features/s: its per-article half "
                  "(`article_features`, parallel: Spark workers); in-order/s: the half that must run in arrival order "
                  "(the Spark driver's bound).", "",
                  "Rows of one replay (each row is the same index at that size); sizes of the index's structures; "
                  "peak RSS of the whole process (the bench alone, CLICK-ID parsed, before the index: "
                  f"{result['speed'][0].get('rss_before_index_mb', '?')} MB). CPU figures taken on a shared machine: "
                  "lower bounds (load average beside each row).", "",
                  "| articles | articles/s | features/s | in-order/s | active stories | window articles | df terms | summaries "
                  "| LSH keys | peak RSS MB (process) | dumps MB | dumps s | load avg |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for s in result["speed"]:
            lines.append(f"| {s['articles']} | {s['articles_per_second']} | {s.get('features_per_second', '')} | "
                         f"{s.get('in_order_per_second', '')} | {s['active_stories']} | {s.get('window_articles', '')} | "
                         f"{s.get('df_terms', '')} | {s['storyline_summaries']} | {s.get('lsh_keys', '')} | "
                         f"{s['peak_rss_mb']} | {s['dumps_mb']} | {s['dumps_seconds']} | "
                         f"{(s.get('load_average') or [''])[0]} |")
    if result.get("speed_progress"):
        progress = result["speed_progress"]
        finished = result.get("speed") and result["speed"][-1]["articles"] == progress[-1]["articles"]
        lines += ["", "Growth along the replay (the same run; every structure should level off with the window):"
                  + ("" if finished else f" **partial: the run had reached {progress[-1]['articles']} articles "
                     "when this was written**"), "",
                  "| articles | CPU s | RSS MB | peak RSS MB | df terms | active stories | window articles "
                  "| summaries | summary entities | LSH keys | term postings | load avg |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for g in progress:
            lines.append(f"| {g['articles']} | {g['cpu_s']} | {g['rss_mb']} | {g['peak_rss_mb']} | {g['df_terms']} "
                         f"| {g['active_stories']} | {g['window_articles']} | {g['storyline_summaries']} "
                         f"| {g['storyline_entities']} | {g['lsh_keys']} | {g['term_postings']} | {g['load_average']} |")
    return "\n".join(lines) + "\n"


def write(result: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "clustering.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "clustering.md").write_text(markdown(result), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--million", action="store_true", help="also run 1,000,000 articles")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-quality", action="store_true", help="carry the quality tables over from the last run")
    ap.add_argument("--trace", action="store_true", help="tracemalloc peaks (slows adding ~3x)")
    args = ap.parse_args()
    if not devdata.shared_data().exists():
        print(f"no shared data at {devdata.shared_data()}", file=sys.stderr)
        return 1
    previous = RESULTS / "clustering.json"
    if args.skip_quality and previous.exists():
        result = {"quality": json.loads(previous.read_text(encoding="utf-8")).get("quality", {}), "speed": [],
                  "quality_carried_over": True}
    else:
        result = {"quality": quality(), "speed": []}
    heldout_path = RESULTS / "clustering.heldout.json"
    if heldout_path.exists():
        result["heldout"] = json.loads(heldout_path.read_text(encoding="utf-8"))
    heldout_id_path = RESULTS / "clustering.heldout-id.json"
    if heldout_id_path.exists():
        result["heldout_id"] = json.loads(heldout_id_path.read_text(encoding="utf-8"))
    if args.skip_speed and previous.exists():  # keep the last measured speed table and its growth rows
        last = json.loads(previous.read_text(encoding="utf-8"))
        result["speed"] = last.get("speed", [])
        result["speed_progress"] = last.get("speed_progress", [])
        result["speed_carried_over"] = bool(result["speed"])
    if not args.skip_speed:
        sizes = list(args.sizes) + ([1_000_000] if args.million else [])
        result["speed_progress"] = []
        result["speed"] = speed(sizes, args.trace, result["speed_progress"], lambda: write(result))
    write(result)
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
