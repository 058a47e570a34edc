"""Article-body extraction benchmark on ../shared/data/extraction-dev (HTML and scraped text).

    .venv/bin/python bench/extraction.py [--cv 5] [--deal N] [--worst 15] [--data PATH]

Runs kabar's clean stage, trafilatura, jusText and keep-everything over the same pages in the
same run, writes each system's predictions as export-shaped JSONL ({"id", "body"}) and scores
them with the shared scorer (score.py, called as a program, so the figures are its figures).
Prints F1/P/R and pages per second; writes bench/results/extraction.json and .md.

--cv K also measures kabar with its line classifiers retrained K times, each time without the
pages of the fold's sites (grouped by host), which is the honest figure: the shipped models were
trained on all of these pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "extraction-dev"
RESULTS = ROOT / "bench" / "results"
SCORE_LINE = re.compile(r"^F1 ([\d.]+) \(P ([\d.]+) R ([\d.]+)\)")


def score(data: Path, bodies: dict[str, list[str]], workdir: Path, name: str, worst: int = 0) -> dict:
    path = workdir / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for pid, body in bodies.items():
            fh.write(json.dumps({"id": pid, "body": body}, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(data / "score.py"), "--truth", str(data / "ground-truth.json"),
                          "--articles", str(path), *(["--per-doc"] if worst else [])],
                         capture_output=True, text=True, check=False)
    if worst:  # the scorer lists pages worst first: where to look next
        print("\n".join(out.stdout.strip().splitlines()[:worst]))
    last = out.stdout.strip().splitlines()[-1]
    m = SCORE_LINE.match(last)
    if not m:
        raise RuntimeError(f"unexpected scorer output: {last}")
    return {"f1": float(m.group(1)), "p": float(m.group(2)), "r": float(m.group(3))}


def run_kabar(data: Path, ids: list[str], kind: str) -> tuple[dict[str, list[str]], float]:
    from kabar.clean import CleanError, clean_document
    from kabar.records import RawDocument

    bodies = {}
    start = time.perf_counter()
    for pid in ids:
        raw = _read(data, pid, kind)
        doc = RawDocument(id=pid, source=pid, **{kind: raw})
        try:
            bodies[pid] = list(clean_document(doc).body)
        except CleanError:
            bodies[pid] = []
    return bodies, time.perf_counter() - start


def _read(data: Path, pid: str, kind: str) -> str:
    ext = "html" if kind == "html" else "txt"
    return (data / ("html" if kind == "html" else "text") / f"{pid}.{ext}").read_text(
        encoding="utf-8", errors="replace")


def run_trafilatura(data: Path, ids: list[str]):
    import trafilatura

    start = time.perf_counter()
    bodies = {pid: (trafilatura.extract(_read(data, pid, "html"), include_comments=False) or "").split("\n")
              for pid in ids}
    return bodies, time.perf_counter() - start


def run_justext(data: Path, ids: list[str]):
    import justext

    start = time.perf_counter()
    bodies = {}
    for pid in ids:
        paragraphs = justext.justext(_read(data, pid, "html").encode("utf-8"), justext.get_stoplist("English"))
        bodies[pid] = [p.text for p in paragraphs if not p.is_boilerplate]
    return bodies, time.perf_counter() - start


def run_keep_everything(data: Path, ids: list[str], kind: str):
    from kabar.clean.lines import html_lines, text_lines

    start = time.perf_counter()
    read = html_lines if kind == "html" else text_lines
    bodies = {pid: [l.text for l in read(_read(data, pid, kind))] for pid in ids}
    return bodies, time.perf_counter() - start


def warm_up(data: Path, pid: str) -> None:
    """Imports, models and compiled patterns load once per process: not part of a page's cost."""
    import justext
    import trafilatura

    run_kabar(data, [pid], "html")
    run_kabar(data, [pid], "text")
    trafilatura.extract(_read(data, pid, "html"))
    justext.justext(_read(data, pid, "html").encode("utf-8"), justext.get_stoplist("English"))


def cross_validated(data: Path, ids: list[str], truth: dict, folds: int, workdir: Path,
                    deal: int = 0) -> dict[str, dict]:
    """kabar's bodies with models that never saw the page's site. Sites are dealt to folds in
    sorted order, or (``deal`` N > 0) shuffled by seed N: a change that helps on one deal only
    is luck."""
    from kabar.clean import classify, train

    hosts = sorted({urlparse(truth[i]["url"]).hostname or i for i in ids})
    if deal:
        random.Random(deal).shuffle(hosts)
    fold_of_host = {h: n % folds for n, h in enumerate(hosts)}
    fold_of = {i: fold_of_host[urlparse(truth[i]["url"]).hostname or i] for i in ids}
    bodies = {"html": {}, "text": {}}
    for fold in range(folds):
        held = [i for i in ids if fold_of[i] == fold]
        seen = [i for i in ids if fold_of[i] != fold]
        model_dir = workdir / f"fold{fold}"
        train.train(train.page_examples(data, seen, "text"), model_dir / train.TEXT_MODEL)
        train.train(train.page_examples(data, seen, "html"), model_dir / train.HTML_MODEL)
        classify.use_model_dir(model_dir)
        for kind in ("html", "text"):
            bodies[kind].update(run_kabar(data, held, kind)[0])
    classify.use_model_dir(classify.MODEL_DIR)
    return bodies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="also K-fold cross-validate kabar by site")
    ap.add_argument("--deal", type=int, default=0, metavar="N",
                    help="deal sites to the cv folds shuffled by seed N (figures printed, not written)")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="print the N worst text pages of the cv run")
    a = ap.parse_args()
    if not (a.data / "ground-truth.json").is_file():
        sys.exit(f"no extraction-dev data at {a.data}")
    truth = json.loads((a.data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        runs = {
            "html/kabar": lambda: run_kabar(a.data, ids, "html"),
            "html/trafilatura": lambda: run_trafilatura(a.data, ids),
            "html/justext": lambda: run_justext(a.data, ids),
            "html/keep-everything": lambda: run_keep_everything(a.data, ids, "html"),
            "text/kabar": lambda: run_kabar(a.data, ids, "text"),
            "text/keep-everything": lambda: run_keep_everything(a.data, ids, "text"),
        }
        warm_up(a.data, ids[0])
        for name, run in runs.items():
            cpu = time.process_time()
            bodies, seconds = run()
            cpu = time.process_time() - cpu
            results[name] = score(a.data, bodies, workdir, name.replace("/", "-"))
            results[name]["pages_per_second"] = round(len(ids) / seconds, 1)
            results[name]["pages_per_cpu_second"] = round(len(ids) / cpu, 1)
            print(f"{name:24s} F1 {results[name]['f1']:.3f}  P {results[name]['p']:.3f}  "
                  f"R {results[name]['r']:.3f}  {results[name]['pages_per_second']:7.1f} pages/s"
                  f"  {results[name]['pages_per_cpu_second']:7.1f} pages/CPU-s", flush=True)
        if a.cv:
            cv = cross_validated(a.data, ids, truth, a.cv, workdir, a.deal)
            for kind in ("html", "text"):
                name = f"{kind}/kabar-cv{a.cv}"
                results[name] = score(a.data, cv[kind], workdir, name.replace("/", "-"),
                                      a.worst if kind == "text" else 0)
                print(f"{name:24s} F1 {results[name]['f1']:.3f}  P {results[name]['p']:.3f}  "
                      f"R {results[name]['r']:.3f}  (models trained without the page's site)", flush=True)
    if not a.deal:  # the committed figures are the sorted deal's
        write_results(results, len(ids), a.cv, os.getloadavg()[0])


ROUNDS = "## Rounds"


def write_results(results: dict, pages: int, cv: int, load: float) -> None:
    """Write the figures; the hand-kept log of what was tried ("## Rounds" to the end of the
    .md) survives the rewrite."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    md = RESULTS / "extraction.md"
    old = md.read_text() if md.is_file() else ""
    rounds = old[old.index(ROUNDS):] if ROUNDS in old else ""
    (RESULTS / "extraction.json").write_text(json.dumps({"pages": pages, "load_average": round(load, 2),
                                                         "results": results}, indent=2) + "\n")
    rows = ["| input/system | F1 | P | R | pages/s (wall) | pages per CPU-second |", "| --- | --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        rows.append(f"| {name} | {r['f1']:.3f} | {r['p']:.3f} | {r['r']:.3f} | {r.get('pages_per_second', '')} "
                    f"| {r.get('pages_per_cpu_second', '')} |")
    text = (
        "# Extraction benchmark (extraction-dev, DEV split)\n\n"
        f"`.venv/bin/python bench/extraction.py{f' --cv {cv}' if cv else ''}` over {pages} pages; "
        "scored by `../shared/data/extraction-dev/score.py`.\n"
        "For HTML kabar keeps trafilatura's main text (its fast mode) and cleans it with its own rules;\n"
        "the line classifier only stands in when trafilatura finds nothing or hands back the whole\n"
        "page, so html/kabar and html/kabar-cvK differ on those pages only. For text the line\n"
        "classifier decides: `text/kabar` uses the shipped model, trained on these same pages\n"
        "(in-sample); `text/kabar-cvK` retrains it K times without the page's site (out-of-sample,\n"
        "the figure to expect on new sites).\n\n"
        "Speed is one process, one page at a time, after a warm-up page. The machine is shared\n"
        f"(1-minute load average {load:.1f} on 2 cores at the end of the run), so both speed columns\n"
        "are lower bounds; pages per CPU-second is the per-core figure.\n\n"
        + "\n".join(rows) + "\n"
    )
    md.write_text(text + ("\n" + rounds if rounds else ""))


if __name__ == "__main__":
    main()
