"""Story briefs built on the workers: the driver only reads the stories' articles and saves.

A brief is a pure function of its story's articles and the entity registry
(``kabar.pipeline.brief_of``, as on one machine), and building it costs several
times more than reading its articles, so after the ingest the driver reads the stale stories a
chunk at a time and the workers build their briefs while the driver reads the next chunk.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from ..annotate.entities import EntityRegistry
from ..pipeline import brief_of, load_registry
from ..store import Store

STORIES_A_CHUNK = 200


def _build(rows: Iterator[tuple], registry_blob: bytes | None):
    registry = EntityRegistry() if registry_blob is None else EntityRegistry.loads(registry_blob)
    for story_id, storyline, version, articles in rows:
        yield brief_of(story_id, articles, storyline, registry), version


def refresh_briefs_on_workers(sc, store: Store) -> int:
    """Rebuild every stale brief in ``store`` as ``kabar.pipeline.refresh_briefs`` would."""
    registry = sc.broadcast(load_registry(store).dumps())
    cores = sc.defaultParallelism

    def read(chunk: list[str]) -> list[tuple]:
        rows = []
        for story_id in chunk:
            row = store.story_row(story_id)
            if row is not None:
                rows.append((story_id, row["storyline"], row["last_seq"], store.story_articles(story_id)))
        return rows

    def build(rows: list[tuple]) -> list:
        if not rows:
            return []
        return sc.parallelize(rows, min(len(rows), 2 * cores)).mapPartitions(
            lambda part: _build(part, registry.value)).collect()

    stale = store.stale_stories()
    chunks = [stale[i:i + STORIES_A_CHUNK] for i in range(0, len(stale), STORIES_A_CHUNK)]
    rebuilt = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-briefs") as pool:
        building = None
        for chunk in chunks:
            rows = read(chunk)  # while the workers build the previous chunk
            if building is not None:
                rebuilt += _save(store, building.result())
            building = pool.submit(build, rows)
        if building is not None:
            rebuilt += _save(store, building.result())
    registry.unpersist()
    return rebuilt


def _save(store: Store, built: list) -> int:
    for story, version in built:
        store.save_brief(story, version)
    return len(built)
