"""Web benchmark: latency of the story list, a story page and a search under concurrent load.

    .venv/bin/python bench/web.py [--articles 100000] [--seed-articles 1000] [--clients 8]
                                  [--requests 300] [--time-limit 60] [--db PATH]

The database: the first ``--seed-articles`` CLICK-ID articles (../shared/data/clickid-2019) go
through the whole pipeline (clean, annotate, cluster, store); those stored articles are then
replayed with shifted ids, story ids and publication dates (one replay = one more copy, each
shifted by four weeks) through ``Store.save_batch`` until the database holds ``--articles``
articles. Ingesting 100k through the full pipeline takes hours on a laptop; the replay gives the
same rows, indexes and full-text index a real 100k database has, in minutes.

The load: ``kabar serve`` in a subprocess on a free loopback port; ``--clients`` threads issue
requests (bounded by ``--requests`` per route and ``--time-limit`` seconds per route). Story pages
are requested once before measuring, so their cached brief exists (the cold build is reported
separately). Writes bench/results/web.json and .md.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from kabar.pipeline import Pipeline
from kabar.read import read_paths
from kabar.store import Store

ROOT = Path(__file__).resolve().parents[1]
CLICKID = ROOT / ".." / "shared" / "data" / "clickid-2019" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"
# Generic Indonesian news queries written for this benchmark: single words, a phrase, OR, prefix.
QUERIES = ("presiden", "banjir", "jakarta", "polisi", "korupsi OR suap", '"pemerintah daerah"', "ekonom*",
           "kebakaran hutan", "pemilu", "sepak bola")
SHIFT_DAYS = 28


def build_database(url: str, articles: int, seed_articles: int) -> dict:
    store = Store(url)
    have = store.counts()["articles"]
    timing: dict = {"reused": have >= articles}
    if have >= articles:
        return timing
    if not CLICKID.exists():
        sys.exit(f"needs {CLICKID} (../shared/data beside the repository)")
    started = time.perf_counter()
    report = Pipeline(store).ingest(itertools.islice(read_paths([str(CLICKID)]), seed_articles))
    timing["seed_pipeline_seconds"] = round(time.perf_counter() - started, 1)
    timing["seed_ingested"] = report.ingested
    seed = list(store.iter_articles())
    started = time.perf_counter()
    copy = 1
    total = store.counts()["articles"]
    while total < articles:
        batch = [_shifted(a, copy) for a in seed[: articles - total]]
        for start in range(0, len(batch), 1000):
            chunk = batch[start:start + 1000]
            store.save_batch(chunk, {a.story: a.storyline for a in chunk if a.story}, {})
        total += len(batch)
        copy += 1
        print(f"  replayed to {total} articles", file=sys.stderr)
    timing["replay_seconds"] = round(time.perf_counter() - started, 1)
    store.close()
    return timing


def _shifted(article, copy: int):
    suffix = f"~r{copy}"

    def shift(day: str | None) -> str | None:
        if not day or len(day) != 10:
            return day
        return (date.fromisoformat(day) + timedelta(days=SHIFT_DAYS * copy)).isoformat()

    return replace(article, id=article.id + suffix,
                   content_hash=hashlib.sha256(f"{article.content_hash}{suffix}".encode()).hexdigest(),
                   story=article.story + suffix if article.story else None,
                   storyline=article.storyline + suffix if article.storyline else None,
                   duplicate_of=article.duplicate_of + suffix if article.duplicate_of else None,
                   published=shift(article.published))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    kabar = Path(sys.executable).parent / "kabar"
    process = subprocess.Popen([str(kabar), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", url],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/stories?limit=1", timeout=5).read()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                sys.exit("kabar serve did not start")
            time.sleep(0.3)


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return (time.perf_counter() - started) * 1000, status


def load(base: str, paths: list[str], clients: int, requests: int, time_limit: float) -> dict:
    """``clients`` threads take paths round-robin until ``requests`` are done or time is up."""
    counter = itertools.count()
    times: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    deadline = time.monotonic() + time_limit

    def client() -> None:
        while time.monotonic() < deadline:
            n = next(counter)
            if n >= requests:
                return
            elapsed, status = fetch(base + paths[n % len(paths)])
            with lock:
                times.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    times.sort()
    return {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
            "requests_per_second": round(len(times) / wall, 1), "statuses": statuses}


def pages_to_request(store: Store, rng: random.Random, stories: int, entities: int) -> tuple[list[str], list[str]]:
    """Story ids (a sample of the largest stories plus as many of the newest) and entity ids (a
    sample of those in the ten largest stories) for a benchmark's clients to request."""
    largest = [s["id"] for s in store.list_stories(200, sort="size").items]
    newest = [s["id"] for s in store.list_stories(100).items]
    story_ids = rng.sample(largest, min(stories, len(largest))) + newest[:stories]
    entity_ids = sorted({e.id for s in largest[:10] for a in store.story_articles(s) for e in a.entities})
    return story_ids, rng.sample(entity_ids, min(entities, len(entity_ids)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed-articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--db", help="SQLite file to build or reuse (default: a temporary one)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write bench/results")
    args = parser.parse_args()

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "web-bench.db"
    url = f"sqlite:///{path}"
    build = build_database(url, args.articles, args.seed_articles)
    store = Store(url)
    counts = store.counts()
    rng = random.Random(7)
    story_ids, entity_ids = pages_to_request(store, rng, 20, 20)
    store.close()

    process, base = start_server(url)
    try:
        cold = sorted(fetch(f"{base}/stories/{s}")[0] for s in story_ids)  # builds the cached briefs
        routes = {
            "story list /": ["/", "/?sort=size", "/?cursor=" + _second_page(base)],
            "story page /stories/{id}": [f"/stories/{s}" for s in story_ids],
            "search /search?q=": ["/search?" + urllib.parse.urlencode({"q": q}) for q in QUERIES],
            "entity page /entities/{id}": [f"/entities/{urllib.parse.quote(e)}" for e in entity_ids],
            "API /api/stories": ["/api/stories?limit=50"],
            "API /api/search?q=": ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in QUERIES],
        }
        for paths in routes.values():  # warm the page cache of SQLite and the OS
            for p in paths:
                fetch(base + p)
        results = {name: load(base, paths, args.clients, args.requests, args.time_limit)
                   for name, paths in routes.items()}
        # One client alone: the service time of each route, without queueing behind the others.
        alone = {name: load(base, paths, 1, min(args.requests, 60), args.time_limit)
                 for name, paths in routes.items()}
    finally:
        process.terminate()
        process.wait(10)

    report = {
        "database": {**counts, "seed_articles": args.seed_articles, **build},
        "load": {"clients": args.clients, "requests_per_route": args.requests, "time_limit_s": args.time_limit,
                 "cpus": os.cpu_count()},
        "story_page_cold_ms": {"p50": round(statistics.median(cold), 1), "max": round(cold[-1], 1)},
        "routes": results,
        "routes_one_client": alone,
        "goals": {"story list p95 < 100 ms": results["story list /"]["p95_ms"] < 100,
                  "story page p95 < 100 ms": results["story page /stories/{id}"]["p95_ms"] < 100,
                  "search p95 < 200 ms": results["search /search?q="]["p95_ms"] < 200},
    }
    print(json.dumps(report, indent=2))
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "web.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / "web.md").write_text(markdown(report, " ".join(sys.argv[1:])))


def _second_page(base: str) -> str:
    with urllib.request.urlopen(base + "/api/stories?limit=30") as response:
        return urllib.parse.quote(json.loads(response.read())["next"] or "")


def markdown(report: dict, argv: str) -> str:
    db, load_ = report["database"], report["load"]
    lines = [
        "# Web latency (bench/web.py)",
        "",
        f"`.venv/bin/python bench/web.py {argv}`".replace(" `", "`"),
        "",
        f"Database: {db['articles']} articles, {db['stories']} stories, {db['entities']} entities (SQLite); "
        f"{db['seed_articles']} CLICK-ID articles through the full pipeline, then replayed with shifted ids "
        "and dates through `Store.save_batch`.",
        f"Load: {load_['clients']} concurrent clients on loopback, up to {load_['requests_per_route']} requests "
        f"per route (at most {load_['time_limit_s']:.0f} s), on a {load_['cpus']}-CPU machine shared with other work.",
        "",
        "| route | requests | p50 ms | p95 ms | max ms | req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in report["routes"].items():
        lines.append(f"| {name} | {r['requests']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | "
                     f"{r['requests_per_second']} |")
    lines += ["", "One client alone (service time without queueing):", "",
              "| route | requests | p50 ms | p95 ms |", "| --- | ---: | ---: | ---: |"]
    for name, r in report["routes_one_client"].items():
        lines.append(f"| {name} | {r['requests']} | {r['p50_ms']} | {r['p95_ms']} |")
    cold = report["story_page_cold_ms"]
    lines += ["", f"Story page with its brief built on first view (cold): p50 {cold['p50']} ms, max {cold['max']} ms.",
              "", "Goals: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in report["goals"].items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
