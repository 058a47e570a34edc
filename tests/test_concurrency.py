"""Two ingests into one database at once: one waits for the other, nothing is lost or mixed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kabar.pipeline import Pipeline
from kabar.store import Store

from .conftest import EXAMPLES

KABAR = [sys.executable, "-m", "kabar.cli"]


def _stories(store: Store) -> dict[str, tuple]:
    return {a.id: (a.story, a.duplicate_of) for a in store.iter_articles()}


def test_two_ingests_at_once_equal_one_after_the_other(tmp_path: Path):
    folders = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
    first, second = folders[: len(folders) // 2], folders[len(folders) // 2:]
    db = f"sqlite:///{tmp_path / 'both.db'}"
    runs = [subprocess.Popen(KABAR + ["ingest", *map(str, part), "--db", db, "--batch-size", "3"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for part in (first, second)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    together = _stories(Store(db))

    orders = []
    for name, parts in (("ab", (first, second)), ("ba", (second, first))):
        store = Store(f"sqlite:///{tmp_path / name}.db")
        for part in parts:
            Pipeline(store, batch_size=3).ingest_paths(part)
        orders.append(_stories(store))
    assert together in orders
