"""Crash safety: SIGKILL real `kabar ingest` processes at random moments, resume, compare.

    .venv/bin/python bench/crash.py [--kills 100] [--kills-per-round 4] [--batch-size 3] [--seed 9]
                                    [--postgres] [--no-write]

One uninterrupted `kabar ingest` of the sample corpus (examples/corpus) into a fresh database is
the reference; its wall time T bounds the kill delays. Then, round after round, a fresh database
gets up to ``--kills-per-round`` ingests each killed with SIGKILL after a seeded random delay in
[0, T] (a run that ends before its delay is not counted as a kill), then one ingest run to the
end. After every kill the database must be consistent (no duplicate ids or content hashes, every
article's story exists, every story's counted members exist, the stored articles are exactly the
first ones of the reference, row for row); after the final run it must equal the reference: the
same article rows, story rows (ids, membership, briefs), entities, entity links and pipeline
state, and every story's brief must rebuild from its stored articles to the cached one.

Writes bench/results/crash.json and .md (crash-postgres.* with --postgres). The helpers are also
used by tests/test_crash_safety.py, which does a few kills only.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kabar.clean import TemplateMemory
from kabar.pipeline import build_story, load_index, load_logged, load_registry
from kabar.store import Store
from kabar.store import schema as t

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
RESULTS = ROOT / "bench" / "results"
# The children save whole checkpoints every few articles (kabar saves them every
# kabar.pipeline.CHECKPOINT_ARTICLES, more than the sample corpus holds), so kills land before,
# inside and after checkpoints, and resumes replay stored articles after one.
CHECKPOINT_ARTICLES = 7
WITH_CHECKPOINTS = f"""
import sys
import kabar.pipeline
kabar.pipeline.CHECKPOINT_ARTICLES = {CHECKPOINT_ARTICLES}
from kabar.cli import app
sys.argv[0] = "kabar"
app()
"""
KABAR = [sys.executable, "-c", WITH_CHECKPOINTS]
# Each ingest gets its own string-hash salt, as real runs do: a resumed run is a new process, so
# the clusterer must not depend on the order Python iterates sets of strings (--hash-seed 0 pins it).
CHILD_ENV = {**os.environ, "PYTHONHASHSEED": "random"}

# Run inside a child `kabar` process: SIGKILL itself right after its Nth SQL statement, so a test
# can land a kill deterministically inside a window too short for a timer (the schema migration).
KILL_AFTER_STATEMENT = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
target, done = int(sys.argv.pop(1)), [0]
import kabar.pipeline
kabar.pipeline.CHECKPOINT_ARTICLES = {checkpoint_articles}
@event.listens_for(Engine, "after_cursor_execute")
def _kill(*_):
    done[0] += 1
    if done[0] == target:
        os.kill(os.getpid(), signal.SIGKILL)
from kabar.cli import app
sys.argv[0] = "kabar"
app()
"""


def ingest_args(url: str, paths: list[Path], batch_size: int) -> list[str]:
    return ["ingest", *map(str, paths), "--db", url, "--batch-size", str(batch_size)]


def run_to_end(url: str, paths: list[Path], batch_size: int, timeout: float = 900) -> float:
    """One whole `kabar ingest`; its wall time in seconds. Raises if it fails."""
    started = time.perf_counter()
    done = subprocess.run(KABAR + ingest_args(url, paths, batch_size), capture_output=True, text=True,
                          timeout=timeout, env=CHILD_ENV)
    if done.returncode != 0:
        raise RuntimeError(f"kabar ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def kill_after(url: str, paths: list[Path], batch_size: int, delay: float) -> bool:
    """Start `kabar ingest`, SIGKILL it after ``delay`` seconds; False if it ended before that."""
    process = subprocess.Popen(KABAR + ingest_args(url, paths, batch_size),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    if process.returncode != 0:
        raise RuntimeError(f"kabar ingest failed ({process.returncode}): {process.stderr.read()[-2000:]!r}")
    return False


def kill_after_statement(url: str, paths: list[Path], batch_size: int, statement: int) -> bool:
    """`kabar ingest` that SIGKILLs itself after its Nth SQL statement; False if it ended first."""
    code = KILL_AFTER_STATEMENT.replace("{checkpoint_articles}", str(CHECKPOINT_ARTICLES))
    done = subprocess.run([sys.executable, "-c", code, str(statement),
                           *ingest_args(url, paths, batch_size)], capture_output=True, text=True, timeout=900,
                          env=CHILD_ENV)
    if done.returncode == -signal.SIGKILL:
        return True
    if done.returncode != 0:
        raise RuntimeError(f"kabar ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return False


def snapshot(url: str) -> dict[str, Any]:
    """Everything an ingest writes, in comparable form. ``seq`` numbers are left out: PostgreSQL
    sequences do not roll back, so a killed transaction leaves a gap that changes nothing else."""
    store = Store(url)
    try:
        with store.engine.connect() as c:
            articles = [_row(r, "seq") for r in c.execute(select(t.articles).order_by(t.articles.c.seq))]
            stories = {r.id: _row(r, "last_seq", "brief_seq") | {"brief_current": _brief_current(r)}
                       for r in c.execute(select(t.stories))}
            entities = {r.id: _row(r) for r in c.execute(select(t.entities))}
            links = sorted((r.article_id, r.entity_id, r.mentions) for r in c.execute(select(t.article_entities)))
        state = effective_state(store)
    finally:
        store.close()
    return {"articles": articles, "stories": stories, "entities": entities, "links": links, "state": state}


def effective_state(store: Store) -> dict[str, Any]:
    """The stages' state as an ingest starting now would load it (checkpoint, logged changes,
    stored articles replayed), as data. Not the stored rows: two runs that saved their
    checkpoints after different batches store different rows for the same state."""
    index, _ = load_index(store)
    return {"stories": decoded_state(index.dumps()), "entities": decoded_state(load_registry(store).dumps()),
            "templates": decoded_state(load_logged(store, "templates", TemplateMemory).dumps())}


def decoded_state(blob: bytes) -> Any:
    """A state blob as data. Its bytes are not compared: sets serialise in an order that differs
    from process to process (string hashing is salted), and so does their compressed size."""
    try:
        blob = zlib.decompress(blob)
    except zlib.error:
        pass
    try:
        return json.loads(blob)
    except ValueError:
        return pickle.loads(blob)  # kabar's own state from kabar's own store (StoryIndex)


def _row(row, *leave_out: str) -> dict[str, Any]:
    return {k: v for k, v in row._mapping.items() if k not in leave_out}


def _brief_current(row) -> bool:
    return row.brief is not None and row.brief_seq is not None and row.brief_seq >= row.last_seq


def consistency_problems(snap: dict[str, Any]) -> list[str]:
    """What a half-written batch or story would break, checked on any database (killed or not)."""
    problems = []
    articles, stories = snap["articles"], snap["stories"]
    for key in ("id", "content_hash"):
        doubled = [v for v, n in Counter(a[key] for a in articles).items() if n > 1]
        if doubled:
            problems.append(f"{len(doubled)} article {key}s stored twice, e.g. {doubled[0]}")
    members = Counter(a["story"] for a in articles)
    orphans = [a["id"] for a in articles if a["story"] not in stories]
    if orphans:
        problems.append(f"{len(orphans)} articles without their story row, e.g. {orphans[0]}")
    for story_id, story in stories.items():
        if members[story_id] != story["n_articles"] or not members[story_id]:
            problems.append(f"story {story_id} counts {story['n_articles']} articles, {members[story_id]} stored")
    ids = {a["id"] for a in articles}
    dangling = [link for link in snap["links"] if link[0] not in ids]
    if dangling:
        problems.append(f"{len(dangling)} entity links to articles not stored, e.g. {dangling[0]}")
    return problems


def prefix_problems(snap: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    """A killed run keeps whole batches: its articles are the reference's first ones, row for row."""
    stored = snap["articles"]
    if stored != reference["articles"][: len(stored)]:
        first = next(i for i, (a, b) in enumerate(zip(stored, reference["articles"])) if a != b) \
            if any(a != b for a, b in zip(stored, reference["articles"])) else len(reference["articles"])
        return [f"stored articles differ from the reference's first {len(stored)} (first difference at {first})"]
    return []


def differences(snap: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    found = []
    ref_ids, ids = [a["id"] for a in reference["articles"]], [a["id"] for a in snap["articles"]]
    lost, extra = set(ref_ids) - set(ids), set(ids) - set(ref_ids)
    if lost:
        found.append(f"{len(lost)} articles lost, e.g. {sorted(lost)[0]}")
    if extra or len(ids) != len(set(ids)):
        found.append(f"{len(extra)} unexpected articles, {len(ids) - len(set(ids))} doubled")
    by_id = {a["id"]: a for a in reference["articles"]}
    changed = [(a["id"], sorted(k for k in a if a[k] != by_id[a["id"]].get(k)))
               for a in snap["articles"] if a["id"] in by_id and a != by_id[a["id"]]]
    if changed:
        found.append(f"{len(changed)} articles stored differently, e.g. {changed[0][0]} ({', '.join(changed[0][1])})")
    for part in ("stories", "entities", "links", "state"):
        if snap[part] != reference[part]:
            keys = [k for k in (set(snap[part]) | set(reference[part]) if isinstance(snap[part], dict) else [])
                    if snap[part].get(k) != reference[part].get(k)]
            found.append(f"{part} differ from the uninterrupted run" + (f" ({len(keys)}, e.g. {sorted(keys)[0]})" if keys else ""))
    return found


def brief_problems(url: str) -> list[str]:
    """Every story's brief rebuilds from its stored articles to exactly the cached one."""
    store = Store(url)
    problems = []
    try:
        registry = load_registry(store)
        for story_id in store.iter_story_ids():
            row = store.story_row(story_id)
            rebuilt = json.loads(json.dumps(build_story(store, story_id, row["storyline"], registry).to_export()))
            if rebuilt != row["brief"]:
                problems.append(f"story {story_id}: cached brief differs from a rebuild")
    finally:
        store.close()
    return problems


def kill_phase(snap: dict[str, Any], reference: dict[str, Any]) -> str:
    stored, total = len(snap["articles"]), len(reference["articles"])
    if stored == 0:
        return "before the first batch was stored"
    if stored < total:
        return "between or inside batches"
    if not all(s["brief_current"] for s in snap["stories"].values()):
        return "all articles stored, while building briefs"
    return "all stored, briefs built (exiting)"


def crash_rounds(new_url: Callable[[], str], paths: list[Path], batch_size: int, kills: int,
                 kills_per_round: int, seed: int, reference: dict[str, Any], reference_seconds: float,
                 log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Rounds of random kills then a run to the end, on fresh databases, until ``kills`` kills."""
    rng = random.Random(seed)
    rounds, done, runs_not_killed = [], 0, 0
    while done < kills:
        url = new_url()
        round_kills: list[dict[str, Any]] = []
        while len(round_kills) < kills_per_round and done < kills:
            delay = rng.uniform(0, reference_seconds)
            if not kill_after(url, paths, batch_size, delay):
                runs_not_killed += 1
                break  # the ingest finished before its kill: nothing left to interrupt
            done += 1
            snap = snapshot(url)
            problems = consistency_problems(snap) + prefix_problems(snap, reference)
            round_kills.append({"delay_s": round(delay, 2), "articles_stored": len(snap["articles"]),
                                "phase": kill_phase(snap, reference), "problems": problems})
        seconds = run_to_end(url, paths, batch_size)
        final = snapshot(url)
        problems = consistency_problems(final) + differences(final, reference) + brief_problems(url)
        rounds.append({"kills": round_kills, "final_run_s": round(seconds, 2), "problems": problems})
        log(f"round {len(rounds)}: {len(round_kills)} kills at "
            f"{[k['articles_stored'] for k in round_kills]} articles stored; "
            f"{'OK' if not problems and not any(k['problems'] for k in round_kills) else problems}")
    all_kills = [k for r in rounds for k in r["kills"]]
    return {
        "kills": len(all_kills),
        "runs_that_ended_before_their_kill": runs_not_killed,
        "rounds": len(rounds),
        "kills_by_phase": dict(Counter(k["phase"] for k in all_kills)),
        "inconsistent_after_a_kill": sum(bool(k["problems"]) for k in all_kills),
        "rounds_differing_from_reference": sum(bool(r["problems"]) for r in rounds),
        "problems": sorted({p for r in rounds for p in r["problems"] + [q for k in r["kills"] for q in k["problems"]]}),
        "round_details": rounds,
    }


def run_on_frozen_code() -> None:
    """Re-run this script on a copy of src/kabar taken now, children included.

    The benchmark compares runs made minutes apart; in a working tree someone is editing, a change
    to a cleaner or the clusterer between the reference and a later run would show up as a "crash"
    difference. PYTHONPATH comes before the editable install, so the copy is what every process runs.
    """
    if os.environ.get("KABAR_CRASH_FROZEN_CODE"):
        return
    code = Path(tempfile.mkdtemp(prefix="kabar-crash-code-"))
    shutil.copytree(ROOT / "src" / "kabar", code / "kabar", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "KABAR_CRASH_FROZEN_CODE": str(code),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}
    os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]], env)


def main() -> None:
    run_on_frozen_code()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--kills-per-round", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=3)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL server instead of SQLite")
    parser.add_argument("--hash-seed", default="random", help="PYTHONHASHSEED of every ingest (default: each its own)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write bench/results")
    args = parser.parse_args()
    CHILD_ENV["PYTHONHASHSEED"] = args.hash_seed

    paths = [CORPUS]
    workdir = Path(tempfile.mkdtemp(prefix="kabar-crash-"))
    names = iter(range(10**6))
    if args.postgres:
        sys.path.insert(0, str(ROOT))
        from tests.store.postgres import postgres_server
        server_context = postgres_server()
        server = server_context.__enter__()
        new_url = server.create_database
    else:
        server_context = None
        new_url = lambda: f"sqlite:///{workdir / f'crash-{next(names)}.db'}"  # noqa: E731
    try:
        reference_url = new_url()
        reference_seconds = run_to_end(reference_url, paths, args.batch_size)
        reference = snapshot(reference_url)
        print(f"reference: {len(reference['articles'])} articles, {len(reference['stories'])} stories "
              f"in {reference_seconds:.1f} s", file=sys.stderr)
        started = time.perf_counter()
        result = crash_rounds(new_url, paths, args.batch_size, args.kills, args.kills_per_round, args.seed,
                              reference, reference_seconds, log=lambda line: print(line, file=sys.stderr))
    finally:
        if server_context is not None:
            server_context.__exit__(None, None, None)
    report = {
        "database": "postgresql" if args.postgres else "sqlite",
        "corpus": "examples/corpus", "batch_size": args.batch_size, "checkpoint_articles": CHECKPOINT_ARTICLES,
        "seed": args.seed,
        "python_hash_seed": args.hash_seed,
        "code": "src/kabar copied when the run started (git " + _git_head() + ")",
        "reference": {"articles": len(reference["articles"]), "stories": len(reference["stories"]),
                      "seconds": round(reference_seconds, 2)},
        "wall_seconds": round(time.perf_counter() - started, 1),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        **result,
        "goal zero lost or duplicated": not result["problems"],
    }
    print(json.dumps({k: v for k, v in report.items() if k != "round_details"}, indent=2))
    if not args.no_write:
        name = "crash-postgres" if args.postgres else "crash"
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=1) + "\n")
        (RESULTS / f"{name}.md").write_text(markdown(report, " ".join(sys.argv[1:])))


def _git_head() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "?"


def markdown(report: dict[str, Any], argv: str) -> str:
    ref = report["reference"]
    lines = [
        "# Crash safety (bench/crash.py)", "",
        f"`.venv/bin/python bench/crash.py {argv}`".replace(" `", "`"), "",
        f"Database: {report['database']}. Input: the sample corpus ({ref['articles']} articles, "
        f"{ref['stories']} stories), `--batch-size {report['batch_size']}`, a whole-state checkpoint every "
        f"{report.get('checkpoint_articles')} articles (changes logged and stored articles replayed between "
        "them); the state compared is the one an ingest loads. The uninterrupted run took "
        f"{ref['seconds']} s on a busy 2-CPU machine (load average at the end "
        f"{report['load_average_at_end']}); kill delays are uniform in [0, that time], seed {report['seed']}; "
        f"PYTHONHASHSEED={report['python_hash_seed']} for every ingest. Every process ran {report['code']}.", "",
        f"- SIGKILLs: **{report['kills']}** over {report['rounds']} rounds (fresh database each round, "
        "then one run to the end)",
        f"- runs that finished before their kill (not counted): {report['runs_that_ended_before_their_kill']}",
        f"- inconsistent database right after a kill: **{report['inconsistent_after_a_kill']}**",
        f"- rounds whose final database differs from the uninterrupted run (lost, doubled or changed "
        f"articles, stories, entities, state; briefs not rebuilding): **{report['rounds_differing_from_reference']}**",
        f"- wall time {report['wall_seconds']} s", "",
        "Where the kills landed:", "", "| phase | kills |", "| --- | ---: |",
    ]
    lines += [f"| {phase} | {n} |" for phase, n in sorted(report["kills_by_phase"].items())]
    lines += ["", "Problems found: " + ("; ".join(report["problems"]) if report["problems"] else "none"), "",
              f"Goal (zero lost or duplicated): {'met' if report['goal zero lost or duplicated'] else 'NOT met'}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
