"""Benchmark quote extraction and speaker attribution on PFSA-ID DEV (../shared/data/pfsa-id-dev).

Runs ``extract_quotes`` (no entities) on every article (paragraphs = blank-line blocks), writes an
export-shaped JSONL to a temporary file, scores it with the corpus' own ``score.py`` and writes
``bench/results/quotes.json``.

usage: .venv/bin/python bench/quotes.py [--errors N] [--data DIR] [--entities]

"all statements F1" counts every reported statement (``direct: false``) as a false positive,
since PFSA-ID annotates none: more correct reported statements lower it.

--entities runs the entity stage first and passes its entities, as the pipeline does (the
timing then includes entity recognition); the result goes to bench/results/quotes-entities.json.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kabar.annotate.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "pfsa-id-dev"
LAST_LINE = re.compile(
    r"direct quotes F1 (?P<f1>[\d.]+) \(P (?P<p>[\d.]+) R (?P<r>[\d.]+)\), speaker acc (?P<speaker>[\d.]+), "
    r"all statements F1 (?P<all_f1>[\d.]+), (?P<articles>\d+) articles"
)


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def run(data: Path, errors: int = 0, with_entities: bool = False) -> dict:
    articles = [json.loads(line) for line in (data / "articles.jsonl").open(encoding="utf-8") if line.strip()]
    bodies = [(a["id"], paragraphs_of(a["text"]), a.get("language") or "id") for a in articles]
    started, cpu_started = time.perf_counter(), time.process_time()
    records = []
    recognize = None
    if with_entities:
        from kabar.annotate.entities import recognize
    for article_id, paragraphs, language in bodies:
        entities = recognize(paragraphs, language) if recognize else ()
        quotes = extract_quotes(paragraphs, language, entities)
        records.append({"id": article_id, "quotes": [
            {"text": q.text, "speaker": q.speaker, "speaker_id": q.speaker_id, "cue": q.cue, "direct": q.direct}
            for q in quotes
        ]})
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started  # the machine may be shared: CPU time is steadier
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [sys.executable, str(data / "score.py"), "--gold", str(data / "gold.json"), "--articles", out.name]
    if errors:
        command += ["--errors", str(errors)]
    scored = subprocess.run(command, capture_output=True, text=True, check=False)
    Path(out.name).unlink()
    lines = scored.stdout.strip().splitlines()
    if errors:
        print("\n".join(lines[:-1]))
    last = lines[-1] if lines else scored.stderr
    match = LAST_LINE.search(last)
    result = {
        "data": "pfsa-id-dev",
        "entities": with_entities,
        "scorer": last,
        "articles": len(articles),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(len(articles) / elapsed, 1),
        "articles_per_cpu_second": round(len(articles) / cpu, 1),
    }
    if match:
        result.update({k: (int(v) if k == "articles" else float(v)) for k, v in match.groupdict().items()})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--entities", action="store_true", help="pass the entity stage's entities")
    args = parser.parse_args()
    if not (args.data / "articles.jsonl").exists():
        sys.exit(f"{args.data}: PFSA-ID DEV not found (expected ../shared/data/pfsa-id-dev next to the repo)")
    result = run(args.data, args.errors, args.entities)
    print(result["scorer"])
    print(f"{result['articles_per_second']} articles/s ({result['articles']} articles in {result['seconds']} s; "
          f"{result['articles_per_cpu_second']} articles per CPU second)")
    results = REPO / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    name = "quotes-entities.json" if args.entities else "quotes.json"
    (results / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
