"""Run the ingest fuzzer on each format in turn, restarting after a finding until the time is up.

    nice -n 19 .venv/bin/python fuzz/run_all.py --seconds 600 [--formats txt,html,jsonl,warc,gz]

Writes bench/results/fuzz.json and fuzz.md: runs, execs/s, findings per format. Findings stay in
fuzz/findings/<format>/ (not committed); the fixed ones go to tests/fuzz_corpus/<format>/.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
FINDINGS = ROOT / "fuzz" / "findings"
WORK = Path("/tmp/kabar-fuzz-corpus")
LIBFUZZER = ["-timeout=60", "-rss_limit_mb=3072", "-max_len=16384", "-print_final_stats=1"]


def executed_units(log: str) -> int:
    """Inputs run over all sessions of a log: a session ended by a Python exception prints no
    final stats, so its last progress line ("#1234 NEW ...") counts instead."""
    total = 0
    for session in log.split("INFO: Seed:")[1:]:
        stats = re.findall(r"stat::number_of_executed_units:\s*(\d+)", session)
        progress = re.findall(r"^#(\d+)\s", session, flags=re.MULTILINE)
        total += max([int(n) for n in stats + progress] or [0])
    return total


def fuzz_format(fmt: str, seconds: int, log: Path) -> dict:
    corpus = WORK / fmt
    corpus.mkdir(parents=True, exist_ok=True)
    started, runs, sessions, findings = time.monotonic(), 0, 0, []
    with log.open("w") as out:
        while (left := seconds - (time.monotonic() - started)) > 5:
            sessions += 1
            before = set((FINDINGS / fmt).glob("*")) if (FINDINGS / fmt).exists() else set()
            proc = subprocess.run(
                [sys.executable, str(ROOT / "fuzz" / "fuzz_ingest.py"), "--format", fmt, "--corpus", str(corpus),
                 "--artifacts", str(FINDINGS), "--", f"-max_total_time={int(left)}", *LIBFUZZER],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True)
            after = set((FINDINGS / fmt).glob("*")) if (FINDINGS / fmt).exists() else set()
            findings += sorted(str(p.relative_to(ROOT)) for p in after - before)
            out.flush()
            runs = executed_units(log.read_text(errors="replace"))
            if proc.returncode == 0:
                break
    elapsed = time.monotonic() - started
    return {"format": fmt, "seconds": round(elapsed), "execs": runs, "execs_per_s": round(runs / elapsed, 1),
            "sessions": sessions, "findings": findings, "corpus_files": len(list(corpus.iterdir()))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--formats", default="txt,html,jsonl,warc,gz")
    args = parser.parse_args()
    logs = Path("/tmp/kabar-fuzz-logs")
    logs.mkdir(exist_ok=True)
    raw = RESULTS / "fuzz.raw.json"
    for fmt in args.formats.split(","):
        result = fuzz_format(fmt, args.seconds, logs / f"{fmt}.log")
        # A later run of a format replaces its earlier entry; the other formats' stay.
        results = [r for r in (json.loads(raw.read_text()) if raw.exists() else []) if r["format"] != fmt]
        RESULTS.mkdir(parents=True, exist_ok=True)
        raw.write_text(json.dumps(results + [result], indent=1) + "\n")
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
