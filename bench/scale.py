"""Throughput at scale: articles/s for `kabar ingest` on SQLite and PostgreSQL and for the Spark job
at local[1] and local[2], on N articles replayed from ../shared/data/clickid-2019/articles.jsonl
(ids and dates shifted per replay round, so every copy is new content), with peak memory.

    .venv/bin/python bench/scale.py --n 10000 [--n 100000] [--only sqlite,postgres,spark1,spark2]

Writes bench/results/scale.json and scale.md (with the projection for a 10M-article archive).
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
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed: {done.stderr[-2000:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    lines = done.stdout.strip().splitlines()
    result = {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_kb / 1024), "summary": lines[-1]}
    # The Spark job prints where its time went ("seconds {...}") before the summary.
    phases = [line.removeprefix("seconds ") for line in lines if line.startswith("seconds {")]
    if phases:
        result["phases"] = json.loads(phases[-1])
    result["load_average"] = os.getloadavg()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append")
    parser.add_argument("--only", default="sqlite,postgres,spark1,spark2")
    args = parser.parse_args()
    if not SOURCE.exists():
        raise SystemExit(f"needs {SOURCE}")
    python, kabar = ROOT / ".venv/bin/python", ROOT / ".venv/bin/kabar"
    results = json.loads((RESULTS / "scale.json").read_text()) if (RESULTS / "scale.json").exists() else {}
    for n in args.n or [10_000]:
        with tempfile.TemporaryDirectory(prefix="kabar-scale-") as folder:
            data = Path(folder) / "replay.jsonl"
            replay(n, data)
            row = results.setdefault(str(n), {})
            for name in args.only.split(","):
                if name == "sqlite":
                    row[name] = timed([str(kabar), "ingest", str(data), "--db", f"sqlite:///{folder}/bench.db"])
                elif name == "postgres":
                    from tests.store.postgres import postgres_server

                    with postgres_server() as server:
                        row[name] = timed([str(kabar), "ingest", str(data), "--db", server.create_database()])
                elif name.startswith("spark"):
                    cores = name.removeprefix("spark")
                    row[name] = timed([str(python), "-m", "kabar.spark.job", str(data), "--master", f"local[{cores}]",
                                       "--db", f"sqlite:///{folder}/spark{cores}.db"])
                row[name]["articles_per_s"] = round(n / row[name]["seconds"], 1)
                print(n, name, row[name], flush=True)
                RESULTS.mkdir(exist_ok=True)
                (RESULTS / "scale.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
