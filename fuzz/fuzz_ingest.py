"""Atheris fuzzer over the ingest path: random bytes as one input file of a given format.

    .venv/bin/python fuzz/fuzz_ingest.py --format html -- -max_total_time=600
    (formats: txt, html, jsonl, warc, gz; anything after ``--`` goes to libFuzzer)

Each input is written to a file with the format's extension and taken through what ``kabar
ingest`` does to every item before the database: read -> clean -> annotate -> cluster -> brief.
A reader's Rejected and the cleaner's CleanError are the expected answers to bad bytes; any
other exception, a hang past libFuzzer's -timeout or a blown -rss_limit_mb is a finding.
libFuzzer writes each finding as ``crash-*``/``timeout-*`` under --artifacts; copy the ones
you fix into tests/fuzz_corpus/<format>/ so tests/test_fuzz_regressions.py replays them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["kabar", "warcio"]):
    from ingest_target import SUFFIXES, run_one, seed_inputs, write_seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=sorted(SUFFIXES), required=True)
    parser.add_argument("--corpus", type=Path, help="working corpus folder (default: a temporary one, seeded)")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz/findings"))
    args, libfuzzer_args = parser.parse_known_args()
    libfuzzer_args = [a for a in libfuzzer_args if a != "--"]

    work = Path(tempfile.mkdtemp(prefix=f"kabar-fuzz-{args.format}-"))
    corpus = args.corpus or work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        write_seeds(args.format, corpus)
    artifacts = args.artifacts / args.format
    artifacts.mkdir(parents=True, exist_ok=True)
    target = work / f"input{SUFFIXES[args.format]}"
    # Warm up first: the models (language id, NER, classifiers) load lazily on first use, which
    # on a busy machine takes longer than libFuzzer's per-input timeout.
    for seed in seed_inputs(args.format):
        target.write_bytes(seed)
        run_one(target, args.format)

    def one_input(data: bytes) -> None:
        target.write_bytes(data)
        try:
            run_one(target, args.format)
        except Exception:
            # Saved here as well: atheris does not always get libFuzzer to write the crash file
            # for a Python exception before the process ends.
            (artifacts / f"crash-{hashlib.sha1(data).hexdigest()}").write_bytes(data)
            raise

    atheris.Setup([sys.argv[0], *libfuzzer_args, f"-artifact_prefix={artifacts}/", str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
