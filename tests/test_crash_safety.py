"""Crash safety: real `kabar ingest` processes killed with SIGKILL, then run again, end with exactly
the database an uninterrupted run writes. A few kills here; bench/crash.py does a hundred."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

_spec = importlib.util.spec_from_file_location("kabar_bench_crash", ROOT / "bench" / "crash.py")
crash = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = crash
_spec.loader.exec_module(crash)

BATCH = 3  # small batches: many transaction boundaries for a kill to land between or inside


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[dict, float]:
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.db'}"
    seconds = crash.run_to_end(url, [EXAMPLES], BATCH)
    snap = crash.snapshot(url)
    assert len(snap["articles"]) > 40 and snap["stories"], "the sample corpus should ingest"
    assert crash.consistency_problems(snap) == []
    return snap, seconds


def test_random_sigkills_then_a_full_run_equal_an_uninterrupted_run(reference, tmp_path: Path):
    snap, seconds = reference
    names = iter(range(100))
    result = crash.crash_rounds(lambda: f"sqlite:///{tmp_path / f'killed-{next(names)}.db'}", [EXAMPLES], BATCH,
                                kills=2, kills_per_round=2, seed=20261123, reference=snap,
                                reference_seconds=seconds)
    assert result["kills"] == 2
    assert result["problems"] == []
    assert result["inconsistent_after_a_kill"] == 0 and result["rounds_differing_from_reference"] == 0


def test_sigkills_inside_the_schema_migration_and_inside_batches(reference, tmp_path: Path):
    """A timer rarely lands in the few milliseconds of the first migration: the child kills itself
    right after its Nth SQL statement. Statements 3 and 8 are inside the migration of a new file
    (before the fix, the next open failed with "table articles already exists"); each gets its own
    new file, since opening a file to check it migrates it. Then, on one file, 150 (from an empty
    database) and 120 (resuming from what that left) are inside batch transactions: a batch writes
    each kind of row with one executemany, so a batch of 3 is some 17 statements. After each kill
    the file opens, is consistent and holds exactly the reference's first articles; the run after
    them completes it."""
    snap = reference[0]
    for statement in (3, 8):
        url = f"sqlite:///{tmp_path / f'migration-{statement}.db'}"
        assert crash.kill_after_statement(url, [EXAMPLES], BATCH, statement)
        after = crash.snapshot(url)  # opening it runs the migration again
        assert crash.consistency_problems(after) == []
        assert len(after["articles"]) == 0
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    stored = []
    for statement in (150, 120):  # each run starts by re-reading what is stored
        assert crash.kill_after_statement(url, [EXAMPLES], BATCH, statement)
        after = crash.snapshot(url)
        assert crash.consistency_problems(after) + crash.prefix_problems(after, snap) == []
        stored.append(len(after["articles"]))
    assert 0 < stored[0] < stored[1] < len(snap["articles"]), stored
    crash.run_to_end(url, [EXAMPLES], BATCH)
    assert crash.differences(crash.snapshot(url), snap) == []
    assert crash.brief_problems(url) == []


def test_random_sigkills_on_postgresql(reference, tmp_path: Path):
    from .store.postgres import postgres_server

    with postgres_server() as server:
        pg_reference_url = server.create_database()
        seconds = crash.run_to_end(pg_reference_url, [EXAMPLES], BATCH)
        pg_reference = crash.snapshot(pg_reference_url)
        # Same rows as SQLite: the store writes the same records whatever the database.
        assert crash.differences(pg_reference, reference[0]) == []
        result = crash.crash_rounds(server.create_database, [EXAMPLES], BATCH, kills=2, kills_per_round=2,
                                    seed=7, reference=pg_reference, reference_seconds=seconds)
    assert result["kills"] == 2
    assert result["problems"] == []
