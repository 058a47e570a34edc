"""Story briefs built on the workers: the driver only reads the stories' articles and saves.

A brief is a pure function of its story's articles and the entity registry
(``kabar.pipeline.brief_of``, as on one machine), and building it costs several
times more than reading its articles, so after the ingest the driver reads the stale stories a
chunk at a time and the workers build their briefs while the driver reads the next chunk.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from ..annotate.entities import EntityRegistry
from ..pipeline import brief_of, load_registry
from ..store import Store
from .clock import CpuClock

STORIES_A_CHUNK = 200


def _build(rows: Iterator[tuple], registry_blob: bytes | None, cpu=None):
    started = time.process_time()
    registry = EntityRegistry() if registry_blob is None else EntityRegistry.loads(registry_blob)
    for story_id, storyline, version, articles in rows:
        yield brief_of(story_id, articles, storyline, registry), version
    if cpu is not None:
        cpu.add(time.process_time() - started)


def refresh_briefs_on_workers(sc, store: Store, clock: CpuClock | None = None) -> int:
    """Rebuild every stale brief in ``store`` as ``kabar.pipeline.refresh_briefs`` would
    (with ``clock``, the driver's CPU by part: ``briefs_read``, ``briefs_build``, ``briefs_save``)."""
    clock = clock or CpuClock()
    worker_cpu = sc.accumulator(0.0)
    with clock.phase("briefs_read"):
        registry = sc.broadcast(load_registry(store).dumps())
    cores = sc.defaultParallelism

    def read(chunk: list[str]) -> list[tuple]:  # two queries a chunk, not two a story
        return [(row["id"], row["storyline"], row["last_seq"], articles)
                for row, articles in store.stories_with_articles(chunk)]

    def build(rows: list[tuple]) -> list:
        if not rows:
            return []
        with clock.phase("briefs_build"):  # the driver's part: pickling the rows, unpickling the briefs
            return sc.parallelize(rows, min(len(rows), 2 * cores)).mapPartitions(
                lambda part: _build(part, registry.value, worker_cpu)).collect()

    with clock.phase("briefs_read"):
        stale = store.stale_stories()
    chunks = [stale[i:i + STORIES_A_CHUNK] for i in range(0, len(stale), STORIES_A_CHUNK)]
    rebuilt = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-briefs") as pool:
        building = None
        for chunk in chunks:
            with clock.phase("briefs_read"):
                rows = read(chunk)  # while the workers build the previous chunk
            if building is not None:
                rebuilt += _save(store, building.result(), clock)
            building = pool.submit(build, rows)
        if building is not None:
            rebuilt += _save(store, building.result(), clock)
    registry.unpersist()
    clock.add("worker_cpu_briefs", worker_cpu.value)  # the workers' CPU, not the driver's
    return rebuilt


def _save(store: Store, built: list, clock: CpuClock) -> int:
    with clock.phase("briefs_save"):
        return store.save_briefs(built)  # one transaction a chunk
