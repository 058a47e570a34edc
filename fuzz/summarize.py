"""bench/results/fuzz.raw.json (written by fuzz/run_all.py) + fuzz/findings.json (what each
finding was and how it was fixed) -> bench/results/fuzz.json and fuzz.md.

    .venv/bin/python fuzz/summarize.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
LOGS = Path("/tmp/kabar-fuzz-logs")
sys.path.insert(0, str(ROOT / "fuzz"))

from run_all import executed_units  # noqa: E402


def main() -> None:
    runs = json.loads((RESULTS / "fuzz.raw.json").read_text())
    for run in runs:  # recount from the logs: early run_all versions missed crashed sessions
        log = LOGS / f"{run['format']}.log"
        if log.exists():
            run["execs"] = executed_units(log.read_text(errors="replace"))
            run["execs_per_s"] = round(run["execs"] / max(run["seconds"], 1), 2)
    notes = json.loads((ROOT / "fuzz" / "findings.json").read_text())
    report = {"runs": runs, "findings": notes["findings"], "load_average_at_summary": os.getloadavg(),
              "notes": notes["notes"]}
    (RESULTS / "fuzz.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    out = ["# Fuzzing the ingest path (fuzz/)", "",
           "`nice -n 19 .venv/bin/python fuzz/run_all.py --seconds 600` runs `fuzz/fuzz_ingest.py` (atheris",
           "3.0, libFuzzer) on each format for 10 minutes, one after the other: random bytes as one input",
           "file, read -> clean -> annotate -> cluster -> brief (what `kabar ingest` does per item, short of",
           "the database). A crash is any exception other than a reader's Rejected or the cleaner's",
           "CleanError, a reason line that is not one line, a hang past 60 s or 3 GB of memory.", "",
           "| format | seconds | execs | execs/s | sessions | corpus files | crashes found (all fixed) |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for run in runs:
        found = sum(1 for f in notes["findings"] if f["format"] == run["format"] and f["found_by"] == "atheris")
        out.append(f"| {run['format']} | {run['seconds']} | {run['execs']} | {run['execs_per_s']} | "
                   f"{run['sessions']} | {run['corpus_files']} | {found} |")
    out += ["", "## Findings", "", "| format | found by | what | fixed by | regression case |", "| --- | --- | --- | --- | --- |"]
    for finding in notes["findings"]:
        out.append(f"| {finding['format']} | {finding['found_by']} | {finding['what']} | {finding['fix']} | {finding['case']} |")
    out += ["", "## Notes", ""] + [f"- {note}" for note in notes["notes"]]
    (RESULTS / "fuzz.md").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
