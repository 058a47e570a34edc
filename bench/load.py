"""Load: concurrent readers on loopback against a 100k-article database while an ingest writes to it.

    .venv/bin/python bench/load.py [--db PATH] [--articles 100000] [--clients 8] [--duration 240]
                                   [--ingest-articles 3000] [--no-write]

The database is bench/web.py's (``build_database``: CLICK-ID articles through the pipeline, then
replayed with shifted ids and dates to ``--articles`` rows); an existing file given with --db is
reused (and written to: the ingest adds to it). ``kabar serve`` runs in a subprocess; at the same
moment a ``kabar ingest`` of ``--ingest-articles`` fresh CLICK-ID articles (the ones after the seed
slice, so new content) starts into the same database. ``--clients`` threads then issue requests
for ``--duration`` seconds, each picking a route at random: the story list (both sorts, a second
page), story pages, search (HTML and API), entity pages, article pages, the stories API, and pages
of stories the running ingest has just created or extended (their briefs are built on first view,
so the server writes while the ingest writes). Latency p50/p95/p99 per route, errors (any
non-200 answer, timeout or connection failure, with "database is locked" counted apart) and the
server's resident memory (sampled each second) are written to bench/results/load.json and .md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from sqlalchemy import select

from kabar.store import Store
from kabar.store import schema as t

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web import CLICKID, QUERIES, build_database, pages_to_request, start_server  # noqa: E402 - bench/web.py, reused

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
GOAL_P99_MS = 500


def fresh_articles(skip: int, count: int, out: Path) -> int:
    """CLICK-ID records after the first ``skip`` (the ones the database was seeded with)."""
    written = 0
    with CLICKID.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        for line in itertools.islice(source, skip, skip + count):
            target.write(line)
            written += 1
    return written


def resident_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def request(url: str) -> tuple[float, int | None, str | None]:
    """Latency in ms, HTTP status (None when there was no answer) and the error text, if any."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status, error = response.status, None
    except urllib.error.HTTPError as failure:
        status, error = failure.code, failure.read()[:300].decode("utf-8", "replace")
    except OSError as failure:  # refused, reset, timed out
        status, error = None, f"{type(failure).__name__}: {failure}"
    return (time.perf_counter() - started) * 1000, status, error


class NewStories:
    """Stories the running ingest created or extended, polled from the database as a reader would."""

    def __init__(self, url: str, base_seq: int):
        self.store, self.base_seq = Store(url), base_seq
        self.ids: list[str] = []

    def poll(self) -> None:
        s = t.stories.c
        with self.store.engine.connect() as c:
            self.ids = list(c.scalars(select(s.id).where(s.last_seq > self.base_seq)
                                      .order_by(s.last_seq.desc()).limit(30)))


def percentile(sorted_values: list[float], share: float) -> float:
    return round(sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLite file to build or reuse (default: a temporary one)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed-articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=240.0, help="seconds of load")
    parser.add_argument("--ingest-articles", type=int, default=3000)
    parser.add_argument("--no-write", action="store_true", help="print, do not write bench/results")
    args = parser.parse_args()

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "load-bench.db"
    url = f"sqlite:///{path}"
    build = build_database(url, args.articles, args.seed_articles)
    store = Store(url)
    counts_before = store.counts()
    rng = random.Random(11)
    story_ids, entity_ids = pages_to_request(store, rng, 40, 30)
    article_ids = [a["id"] for a in store.list_articles(200).items]
    with store.engine.connect() as c:
        base_seq = c.scalar(select(t.articles.c.seq).order_by(t.articles.c.seq.desc()).limit(1)) or 0
    second_page = store.list_stories(30).next or ""
    store.close()

    workdir = Path(tempfile.mkdtemp(prefix="kabar-load-"))
    fresh = workdir / "fresh.jsonl"
    # Past every article the seed and earlier load runs took, so each run ingests new content.
    fresh_count = fresh_articles(args.seed_articles + max(0, counts_before["articles"] - args.articles),
                                 args.ingest_articles, fresh)

    quote = urllib.parse.quote
    routes: dict[str, list[str]] = {
        "story list /": ["/", "/?sort=size", "/?cursor=" + quote(second_page)],
        "story page /stories/{id}": [f"/stories/{s}" for s in story_ids],
        "search /search?q=": ["/search?" + urllib.parse.urlencode({"q": q}) for q in QUERIES],
        "entity page /entities/{id}": [f"/entities/{quote(e)}" for e in entity_ids],
        "article page /articles/{id}": [f"/articles/{quote(a)}" for a in article_ids],
        "API /api/stories": ["/api/stories?limit=50", "/api/stories?limit=50&sort=size"],
        "API /api/search?q=": ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in QUERIES],
    }
    new_story_route = "new story page (brief built while ingesting)"

    server, base = start_server(url)
    for paths in routes.values():  # warm SQLite's and the OS's page cache, build the sampled briefs
        for p in paths:
            request(base + p)
    new_stories = NewStories(url, base_seq)
    times: dict[str, list[float]] = {name: [] for name in [*routes, new_story_route]}
    errors: dict[str, dict[str, int]] = {name: {} for name in times}
    memory: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(seed: int) -> None:
        pick = random.Random(seed)
        names = list(routes)
        while not stop.is_set():
            if new_stories.ids and pick.random() < 0.15:
                name, path = new_story_route, f"/stories/{pick.choice(new_stories.ids)}"
            else:
                name = pick.choice(names)
                path = pick.choice(routes[name])
            elapsed, status, error = request(base + path)
            with lock:
                times[name].append(elapsed)
                if status != 200:
                    kind = "database is locked" if error and "locked" in error else f"{status}: {(error or '')[:120]}"
                    errors[name][kind] = errors[name].get(kind, 0) + 1

    def watcher() -> None:
        while not stop.is_set():
            rss = resident_mb(server.pid)
            if rss is not None:
                memory.append(rss)
            try:
                new_stories.poll()
            except Exception as failure:  # noqa: BLE001 - a reader failing is a finding, not a crash
                with lock:
                    errors.setdefault("bench reader (poll new stories)", {})[repr(failure)[:120]] = 1
            stop.wait(1.0)

    kabar = Path(sys.executable).parent / "kabar"
    ingest_log = workdir / "ingest.log"
    started = time.perf_counter()
    with ingest_log.open("w") as log:
        # A shell's background job inherits SIGINT ignored; restore it so the ingest can be stopped.
        ingest = subprocess.Popen([str(kabar), "ingest", str(fresh), "--db", url], stdout=log, stderr=subprocess.STDOUT,
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    threads.append(threading.Thread(target=watcher))
    for thread in threads:
        thread.start()
    ingest_seconds = None
    try:
        deadline = started + args.duration
        while time.perf_counter() < deadline:
            if ingest_seconds is None and ingest.poll() is not None:
                ingest_seconds = time.perf_counter() - started
            time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        ingest_still_running = ingest.poll() is None
        if ingest_still_running:
            ingest.send_signal(signal.SIGINT)  # the load is over; a batch is never half stored
            try:
                ingest.wait(60)
            except subprocess.TimeoutExpired:
                ingest.kill()
                ingest.wait()
        server.terminate()
        server.wait(10)
    counts_after = Store(url).counts()

    per_route = {}
    for name, values in times.items():
        values.sort()
        if not values:
            continue
        per_route[name] = {"requests": len(values), "p50_ms": percentile(values, 0.50),
                           "p95_ms": percentile(values, 0.95), "p99_ms": percentile(values, 0.99),
                           "max_ms": round(values[-1], 1), "errors": sum(errors[name].values()),
                           "error_kinds": errors[name]}
    everything = sorted(v for values in times.values() for v in values)
    total_errors = sum(n for kinds in errors.values() for n in kinds.values())
    locked = sum(n for kinds in errors.values() for kind, n in kinds.items() if "locked" in kind)
    report = {
        "database": {**counts_before, "seed_articles": args.seed_articles, **build},
        "load": {"clients": args.clients, "duration_s": round(wall, 1), "cpus": os.cpu_count(),
                 "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
        "ingest": {"fresh_articles_given": fresh_count, "articles_added": counts_after["articles"] - counts_before["articles"],
                   "stories_added": counts_after["stories"] - counts_before["stories"],
                   "finished_after_s": None if ingest_seconds is None else round(ingest_seconds, 1),
                   "still_running_at_end_of_load": ingest_still_running,
                   "exit_code": ingest.returncode, "log_tail": ingest_log.read_text()[-400:]},
        "all_routes": {"requests": len(everything), "requests_per_second": round(len(everything) / wall, 1),
                       "p50_ms": percentile(everything, 0.50), "p95_ms": percentile(everything, 0.95),
                       "p99_ms": percentile(everything, 0.99), "max_ms": round(everything[-1], 1),
                       "errors": total_errors, "database_is_locked": locked},
        "routes": per_route,
        "server_memory_mb": {"start": round(memory[0], 1) if memory else None,
                             "peak": round(max(memory), 1) if memory else None,
                             "end": round(memory[-1], 1) if memory else None},
    }
    report["goals"] = {"no errors": total_errors == 0,
                       f"p99 < {GOAL_P99_MS} ms (every route)": all(r["p99_ms"] < GOAL_P99_MS for r in per_route.values())}
    print(json.dumps(report, indent=2))
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "load.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / "load.md").write_text(markdown(report, " ".join(sys.argv[1:])))


def markdown(report: dict, argv: str) -> str:
    db, load, ingest, overall = report["database"], report["load"], report["ingest"], report["all_routes"]
    memory = report["server_memory_mb"]
    stopped = ("SIGINT" if ingest["exit_code"] != -9
               else "SIGINT, then SIGKILL when it had not stopped 60 s later: its open batch was rolled back")
    finished = (f"finished after {ingest['finished_after_s']} s" if ingest["finished_after_s"] is not None
                else f"was still running when the load ended (stopped with {stopped})")
    lines = [
        "# Load with a concurrent ingest (bench/load.py)", "",
        f"`.venv/bin/python bench/load.py {argv}`".replace(" `", "`"), "",
        f"Database: {db['articles']} articles, {db['stories']} stories (SQLite, WAL), built by bench/web.py's "
        "`build_database` (CLICK-ID through the pipeline, then replayed with shifted ids and dates).",
        f"Load: {load['clients']} concurrent clients on loopback for {load['duration_s']} s, routes picked at "
        f"random, on a {load['cpus']}-CPU machine shared with other engineers' jobs (load average at the end "
        f"{load['load_average_at_end']}): the latencies are upper bounds of what an idle machine gives.",
        f"Concurrent ingest: `kabar ingest` of {ingest['fresh_articles_given']} fresh CLICK-ID articles into the "
        f"same database; it stored {ingest['articles_added']} articles ({ingest['stories_added']} new stories) "
        f"during the load and {finished}.", "",
        "| route | requests | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in report["routes"].items():
        lines.append(f"| {name} | {r['requests']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
                     f"{r['max_ms']} | {r['errors']} |")
    lines.append(f"| **all** | {overall['requests']} | {overall['p50_ms']} | {overall['p95_ms']} | "
                 f"{overall['p99_ms']} | {overall['max_ms']} | {overall['errors']} |")
    kinds = {kind: n for r in report["routes"].values() for kind, n in r["error_kinds"].items()}
    lines += ["", f"Throughput {overall['requests_per_second']} requests/s. Errors: "
              + (", ".join(f"{k} ×{n}" for k, n in kinds.items()) if kinds else "none")
              + f" (\"database is locked\": {overall['database_is_locked']}).",
              f"Server resident memory: {memory['start']} MB at the start, peak {memory['peak']} MB, "
              f"{memory['end']} MB at the end.", "",
              "Goals: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in report["goals"].items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
