"""Workers and driver in step: slices of the input go out with the freshest state the driver has.

The input, sorted by its order key, is cut into many contiguous slices (more than the cores). A
few slices are in flight at once, one Spark job each, so every core has one to work on; the
driver consumes the finished slices strictly in input order while the next ones compute.

Each slice is speculated against a snapshot of the driver's *confirmed* state (templates, entity
registry) taken when the slice is sent out (``feed.py``: a broadcast checkpoint and the changes
confirmed since), not against the job's starting state: a worker then
misses only what the few slices still in flight will teach the state, so the driver confirms
nearly every article instead of preparing it again (speculation.py explains the confirmation).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from ..cluster.features import article_features
from ..records import Rejected
from .clock import CpuClock
from .feed import SliceState
from .speculation import speculate

# Articles a slice: small enough that the driver starts soon and the snapshot a worker gets is
# recent, large enough that a Spark job's fixed cost (~0.1 s here) stays a few percent of it.
SLICE_ITEMS = 250


def speculate_slice(items, state: SliceState, cpu: dict | None = None):
    """On a worker: prepare every document of one slice against the state the driver sent,
    and compute each article's clustering features. With ``cpu`` (Spark accumulators), the
    worker's CPU seconds go to ``cpu["state"]`` (rebuilding the state) and ``cpu["slices"]`` (all)."""
    started = time.process_time()
    templates, registry = state.rebuild()
    rebuilt = time.process_time()
    for key, item in items:
        if isinstance(item, Rejected):
            yield key, item, None
            continue
        speculation = speculate(item, templates, registry)
        if speculation.article is not None:
            # The index-independent half of clustering, off the driver's in-order path.
            speculation.features = article_features(speculation.article)
        yield key, item, speculation
    if cpu is not None:
        cpu["state"].add(rebuilt - started)
        cpu["slices"].add(time.process_time() - started)


def slice_count(total: int, cores: int, requested: int | None = None) -> int:
    """``requested`` when given; else enough slices of about SLICE_ITEMS to keep cores busy."""
    if requested:
        return max(1, requested)
    return max(2 * cores, -(-total // SLICE_ITEMS), 1)


def in_order(sc, sorted_items, slices: int, in_flight: int, snapshot: Callable[[], SliceState],
             seconds: dict[str, float], clock: CpuClock | None = None) -> Iterator[list]:
    """Yield each slice's speculated results, in input order, while later slices compute.

    ``snapshot()`` is called on this (the driver's) thread only, between yields, so it reads the
    state when no confirmation is changing it. Time spent waiting for workers goes to
    ``seconds["wait"]`` and taking snapshots to ``seconds["snapshot"]``; with ``clock``, the CPU
    the slice threads spend sending and taking back slices (mostly unpickling) to ``"results"``.
    """
    clock = clock or CpuClock()
    # The workers' CPU, summed by Spark: what the driver's CPU is to be weighed against.
    worker_cpu = {"state": sc.accumulator(0.0), "slices": sc.accumulator(0.0)}

    def run(index: int, state: SliceState) -> list:
        with clock.phase("results"):
            return sc.runJob(sorted_items, lambda it: speculate_slice(it, state, worker_cpu), [index])

    def send(index: int) -> None:
        started = time.perf_counter()
        state = snapshot()
        seconds["snapshot"] = seconds.get("snapshot", 0.0) + time.perf_counter() - started
        pending[index] = pool.submit(run, index, state)

    pending: dict[int, Future] = {}
    with ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="kabar-slice") as pool:
        try:
            for index in range(min(in_flight, slices)):
                send(index)
            for index in range(slices):
                started = time.perf_counter()
                results = pending.pop(index).result()
                seconds["wait"] = seconds.get("wait", 0.0) + time.perf_counter() - started
                yield results
                # Sent after this slice is confirmed, so its snapshot includes it.
                if index + in_flight < slices:
                    send(index + in_flight)
        finally:
            for future in pending.values():
                future.cancel()
            for name, accumulator in worker_cpu.items():
                seconds[f"worker_cpu_{name}"] = accumulator.value
