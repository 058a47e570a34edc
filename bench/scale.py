"""Throughput at scale: articles/s for `kabar ingest` on SQLite and PostgreSQL and for the Spark job
at local[1] and local[2], on N articles replayed from ../shared/data/clickid-2019/articles.jsonl
(ids and dates shifted per replay round, so every copy is new content), with peak memory.

    .venv/bin/python bench/scale.py --n 10000 [--n 100000] [--only sqlite,postgres,spark1,spark2]
                                    [--label NAME]

Writes bench/results/scale.json (scale.md is written by hand from it). Each run records wall
seconds, the child's CPU seconds (user + system: less sensitive to a busy machine than wall time)
and peak RSS; after the SQLite ingest, ``state`` gives what the stages' state costs in that
database: what saving it whole takes (what every batch paid before checkpoints), what loading it
takes (checkpoint, logged changes, replay), and the size of the logged changes per batch.
``--label`` stores the rows under another name (e.g. ``sqlite-before`` for a run of older code
put first on PYTHONPATH).

    .venv/bin/python bench/scale.py --index-state 10000 100000

adds StoryIndex alone (bench/clustering.py's replayed CLICK-ID articles, no store) and prints,
at each size, what ``dumps()`` costs and how its parts divide it (stories, df, article_meta,
duplicates, storylines; pickle and zlib apart), in CPU seconds; written to scale.json as
``index_state``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / ".." / "shared" / "data" / "clickid-2019" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))


def replay(n: int, out: Path) -> None:
    records = [json.loads(line) for line in SOURCE.open(encoding="utf-8") if line.strip()]
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n):
            base, round_ = records[i % len(records)], i // len(records)
            record = dict(base, id=f"{base['id']}-r{round_}")
            if round_ and record.get("published"):
                day = date.fromisoformat(record["published"][:10]) + timedelta(days=7 * round_)
                record["published"] = day.isoformat()
            if round_:  # new content: a replayed copy must not be a byte-identical duplicate
                record["text"] = f"{record.get('text') or ''}\n(Arsip ulang {round_})"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(command: list[str]) -> dict:
    load_at_start = os.getloadavg()
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed: {done.stderr[-2000:]}")
    peak_kb, user, system = done.stderr.strip().splitlines()[-1].split()
    lines = done.stdout.strip().splitlines()
    result = {"seconds": round(seconds, 1), "cpu_seconds": round(float(user) + float(system), 1),
              "peak_rss_mb": round(int(peak_kb) / 1024), "summary": lines[-1]}
    # The Spark job prints where its time went ("seconds {...}") before the summary.
    phases = [line.removeprefix("seconds ") for line in lines if line.startswith("seconds {")]
    if phases:
        result["phases"] = json.loads(phases[-1])
    result["load_average"] = os.getloadavg()
    result["load_average_start"] = load_at_start
    return result


def state_costs(url: str) -> dict:
    """What the stages' state costs in a database (CPU seconds of this process)."""
    from sqlalchemy import func, select

    from kabar.clean import TemplateMemory
    from kabar.pipeline import load_index, load_logged, load_registry
    from kabar.store import Store
    from kabar.store import schema as t

    store = Store(url)
    out: dict = {}
    started = time.process_time()
    stages = {"templates": load_logged(store, "templates", TemplateMemory), "entities": load_registry(store)}
    index, replayed = load_index(store)
    stages["stories"] = index
    out["load_cpu_s"] = round(time.process_time() - started, 2)
    out["replayed_articles"] = replayed
    for key, stage in stages.items():
        started = time.process_time()
        blob = stage.dumps()
        out[key] = {"whole_mb": round(len(blob) / 1e6, 2), "whole_dump_cpu_s": round(time.process_time() - started, 3)}
    with store.engine.connect() as c:
        for key, n, size in c.execute(select(t.state_log.c.key, func.count(), func.sum(func.length(t.state_log.c.value)))
                                      .group_by(t.state_log.c.key)):
            out[key]["log_rows"], out[key]["log_kb_per_row"] = n, round(size / n / 1e3, 1)
    store.close()
    return out


def index_state(sizes: list[int]) -> list[dict]:
    import pickle
    import zlib

    sys.path.insert(0, str(ROOT / "bench"))
    from clustering import replayed_articles

    from kabar.cluster.features import article_features
    from kabar.cluster.index import StoryIndex, _story_row

    index, rows, done = StoryIndex(), [], 0
    for article in replayed_articles(max(sizes)):
        index.add(article, article_features(article))
        done += 1
        if done not in sizes:
            continue
        row = {"articles": done, "active_stories": len(index.stories)}
        started = time.process_time()
        blob = index.dumps()
        row["dumps_cpu_s"], row["dumps_mb"] = round(time.process_time() - started, 3), round(len(blob) / 1e6, 2)
        parts = {"stories": [_story_row(s) for s in index.stories.values()], "df": index.df,
                 "article_meta": index.article_meta, "duplicates": index.duplicates.state(),
                 "storylines": index.storylines.state()}
        for name, value in parts.items():
            started = time.process_time()
            pickled = pickle.dumps(value, protocol=5)
            middle = time.process_time()
            packed = zlib.compress(pickled, 1)
            row[name] = {"pickle_mb": round(len(pickled) / 1e6, 2), "zlib1_mb": round(len(packed) / 1e6, 2),
                         "pickle_cpu_s": round(middle - started, 3), "zlib1_cpu_s": round(time.process_time() - middle, 3)}
        row["load_average"] = os.getloadavg()
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append")
    parser.add_argument("--only", default="sqlite,postgres,spark1,spark2")
    parser.add_argument("--label", help="store the rows under this name instead of the run's")
    parser.add_argument("--index-state", type=int, nargs="+", metavar="N", help="measure StoryIndex.dumps alone at these sizes")
    args = parser.parse_args()
    if not SOURCE.exists():
        raise SystemExit(f"needs {SOURCE}")
    if args.index_state:
        rows = index_state(args.index_state)
        results = json.loads((RESULTS / "scale.json").read_text()) if (RESULTS / "scale.json").exists() else {}
        results["index_state"] = rows
        (RESULTS / "scale.json").write_text(json.dumps(results, indent=2) + "\n")
        return
    python, kabar = ROOT / ".venv/bin/python", ROOT / ".venv/bin/kabar"
    results = json.loads((RESULTS / "scale.json").read_text()) if (RESULTS / "scale.json").exists() else {}
    for n in args.n or [10_000]:
        with tempfile.TemporaryDirectory(prefix="kabar-scale-") as folder:
            data = Path(folder) / "replay.jsonl"
            replay(n, data)
            row = results.setdefault(str(n), {})
            for run in args.only.split(","):
                name = args.label or run
                if run == "sqlite":
                    row[name] = timed([str(kabar), "ingest", str(data), "--db", f"sqlite:///{folder}/bench.db"])
                    if args.label is None:
                        row[name]["state"] = state_costs(f"sqlite:///{folder}/bench.db")
                elif run == "postgres":
                    from tests.store.postgres import postgres_server

                    with postgres_server() as server:
                        row[name] = timed([str(kabar), "ingest", str(data), "--db", server.create_database()])
                elif run.startswith("spark"):
                    cores = run.removeprefix("spark")
                    row[name] = timed([str(python), "-m", "kabar.spark.job", str(data), "--master", f"local[{cores}]",
                                       "--db", f"sqlite:///{folder}/spark{cores}.db"])
                row[name]["articles_per_s"] = round(n / row[name]["seconds"], 1)
                print(n, name, row[name], flush=True)
                RESULTS.mkdir(exist_ok=True)
                (RESULTS / "scale.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
