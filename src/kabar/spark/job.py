"""The Spark job: an archive in, stories out, identical to ``kabar ingest`` on the same input.

1. Read (``inputs.py``): every item with its order key, split across the cluster.
2. Sort by key into contiguous slices of a few hundred items, more slices than cores; a few are
   in flight at once, one Spark job each, running the per-article stages
   (``kabar.pipeline.prepare``, the local pipeline's code) speculatively against a snapshot of
   the driver's confirmed state (``slices.py``, ``speculation.py``), and the index-independent
   half of clustering (``kabar.cluster.features.article_features``: profile, MinHash).
3. Meanwhile the driver takes the finished slices in input order, confirms each article against
   the true state (cheap; redoes the part of prepare a stale answer changed for the rare article
   whose state answers differ: only linking and quotes for a registry answer) and runs the
   online clustering (``StoryIndex``, given the workers' features) sequentially, exactly as the
   local pipeline does; batches
   go to a store.
4. Briefs are built on the workers (``briefs.py``); the export records are written to Parquet
   (``articles.parquet``, ``stories.parquet``).

The clustering on the driver is the simplest correct first version: it is the one stage that
sees every article in order, and on CLICK-ID it costs a few milliseconds an article (see
bench/results/scale.md). Per-time-block clustering merged across block edges would lift that
bound but cannot promise the same stories as ``kabar ingest``, which parity requires.

Run: ``spark-submit --master local[*] -m kabar.spark.job ARCHIVE --out DIR [--db URL]`` or
``python -m kabar.spark.job ...`` (``--master`` picks the cluster).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..clean import CleanError
from ..pipeline import BATCH_SIZE, IngestReport, Pipeline
from ..records import Article, RawDocument, Rejected
from ..store import Store
from .briefs import refresh_briefs_on_workers
from .clock import CpuClock
from .feed import SliceState, StateFeed
from .inputs import read_items
from .slices import in_order, slice_count
from .speculation import confirm


@dataclass
class JobReport(IngestReport):
    confirmed: int = 0  # worker results used as they were
    rerun: int = 0  # articles the driver had to prepare again, wholly or in part
    relinked: int = 0  # of those, articles whose entities and quotes only were redone
    rerun_unchanged: int = 0  # of those, articles that came out as the worker's after all
    # How many reruns each question caused (its first disagreement), "registry.resolve_short": n
    rerun_questions: dict[str, int] = field(default_factory=dict)
    features_from_workers: int = 0  # articles clustered with the features a worker computed
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (super().summary() + f"; {self.confirmed} worker results confirmed, {self.rerun} rerun on the driver "
                f"({self.relinked} only relinked, {self.rerun_unchanged} unchanged; by question "
                f"{json.dumps(dict(sorted(self.rerun_questions.items())))}), "
                f"{self.features_from_workers} clustered with the workers' features")


def run_job(spark, paths: list[str], out_dir: str | None = None, db_url: str | None = None,
            fmt: str | None = None, partitions: int | None = None, batch_size: int = BATCH_SIZE) -> JobReport:
    """Process ``paths`` into the store at ``db_url`` (a temporary SQLite file when None) and,
    with ``out_dir``, write ``articles.parquet`` and ``stories.parquet`` there."""
    from pyspark import StorageLevel

    report = JobReport()
    started, cpu_started, main_cpu_started = time.perf_counter(), time.process_time(), time.thread_time()
    clock = CpuClock()
    scratch = None
    if db_url is None:
        scratch = tempfile.TemporaryDirectory(prefix="kabar-spark-")
        db_url = f"sqlite:///{Path(scratch.name) / 'kabar.db'}"
    store = Store(db_url)
    sc = spark.sparkContext
    try:
        pipeline = Pipeline(store, batch_size)
        with store.ingest_lock(lambda: print("waiting for another ingest into this database", file=sys.stderr)):
            with clock.phase("load_state"):
                pipeline.load_state()
            _clock_driver_steps(pipeline, clock)
            cores = sc.defaultParallelism
            items = read_items(spark, paths, fmt, cores).persist(StorageLevel.MEMORY_AND_DISK)
            slices = slice_count(items.count(), cores, partitions)
            sorted_items = items.sortByKey(numPartitions=slices)
            slices = sorted_items.getNumPartitions()
            report.seconds["start"] = time.perf_counter() - started
            jvm_at = {"start": _jvm_cpu(sc)}  # the JVM's CPU at the end of each phase

            with clock.phase("snapshot"):
                feed = StateFeed(sc, pipeline.templates, pipeline.registry)

            def snapshot() -> SliceState:
                with clock.phase("snapshot"):
                    return feed.snapshot()

            # One slice more in flight than there are cores: a core never waits for the driver.
            for results in in_order(sc, sorted_items, slices, cores + 1, snapshot, report.seconds, clock):
                batch: list = []
                for _key, item, speculation in results:
                    if speculation is None:
                        report.rejected.append(item)
                        continue
                    batch.append((item, speculation))
                    if len(batch) >= batch_size:
                        _store_batch(pipeline, batch, report, clock, feed)
                        batch = []
                # Every slice ends its batch, so the next slice's snapshot has all of this one.
                if batch:
                    _store_batch(pipeline, batch, report, clock, feed)
            items.unpersist()
            feed.close()
            # Counts, not seconds, printed beside them: how the state reached the workers.
            report.seconds["checkpoints_sent"], report.seconds["changes_sent"] = feed.checkpoints, feed.changes
        report.seconds["ingest"] = time.perf_counter() - started - report.seconds["start"]
        jvm_at["ingest"] = _jvm_cpu(sc)
        mark = time.perf_counter()
        refresh_briefs_on_workers(sc, store, clock)
        report.seconds["briefs"] = time.perf_counter() - mark
        jvm_at["briefs"] = _jvm_cpu(sc)
        if out_dir is not None:
            mark = time.perf_counter()
            with clock.phase("parquet"):
                write_parquet(store, out_dir)
            report.seconds["parquet"] = time.perf_counter() - mark
        report.seconds["total"] = time.perf_counter() - started
        # CPU of the driver's process (all its threads, not the JVM's or the workers'): what a
        # busy machine inflates least, and what bounds the job when the driver is the bottleneck.
        report.seconds["driver_cpu"] = time.process_time() - cpu_started
        report.seconds["driver_cpu_main"] = time.thread_time() - main_cpu_started
        jvm = _jvm_cpu(sc)
        # Local mode: the JVM is the driver's and runs the executors too (None when not ours).
        if jvm is not None and None not in jvm_at.values():
            report.seconds["jvm_cpu"] = jvm
            previous = 0.0
            for phase, at in jvm_at.items():  # by phase: start (JVM start, read, sort), ingest, briefs
                report.seconds[f"jvm_cpu_{phase}"], previous = at - previous, at
        # The driver's CPU by phase ("cpu_confirm"), and the workers' ("worker_cpu_briefs").
        report.seconds.update({phase if phase.startswith("worker_") else f"cpu_{phase}": value
                               for phase, value in clock.seconds.items()})
        return report
    finally:
        store.close()
        if scratch is not None:
            scratch.cleanup()


def _jvm_cpu(sc) -> float | None:
    """CPU seconds of the JVM this driver started (None when it did not start one, or off Linux)."""
    import os

    process = getattr(getattr(sc, "_gateway", None), "proc", None)
    try:
        with open(f"/proc/{process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (AttributeError, OSError, ValueError, IndexError):
        return None


def _clock_driver_steps(pipeline: Pipeline, clock: CpuClock) -> None:
    """Time the in-order steps the pipeline's batch runs on the driver (clustering, store reads
    and writes) without changing them: the instances' methods are replaced by timed ones."""
    pipeline.index.add = clock.timing("cluster", pipeline.index.add)
    store = pipeline.store
    store.save_batch = clock.timing("store_write", store.save_batch)
    store.known_hashes = clock.timing("store_read", store.known_hashes)
    store.known_ids = clock.timing("store_read", store.known_ids)


def _store_batch(pipeline: Pipeline, batch: list, report: JobReport, clock: CpuClock, feed: StateFeed) -> None:
    """The local pipeline's batch step, with prepare's result confirmed from the workers'."""
    speculations = {id(doc): speculation for doc, speculation in batch}
    # Features the workers computed, for the very article objects they were computed from: an
    # article the driver prepared again differently gets none, and the index computes its own.
    worker_features: dict[str, tuple[Article, object]] = {}

    def confirmed(doc: RawDocument) -> Article:
        started = time.perf_counter()
        with clock.phase("confirm"):
            outcome = confirm(speculations[id(doc)], doc, pipeline.templates, pipeline.registry)
            feed.record(outcome.result.log)  # what it changed in the state, for the next slices
        seconds = time.perf_counter() - started
        report.seconds["confirm"] = report.seconds.get("confirm", 0.0) + seconds
        result = outcome.result
        if outcome.rerun is None:
            report.confirmed += 1
        else:
            report.rerun += 1
            report.relinked += outcome.rerun == "link"
            report.rerun_unchanged += outcome.same_article
            report.rerun_questions[outcome.question] = report.rerun_questions.get(outcome.question, 0) + 1
            report.seconds["rerun"] = report.seconds.get("rerun", 0.0) + seconds
        if result.article is None:
            raise CleanError(result.error or "could not process")
        if outcome.same_article and result.features is not None:
            worker_features[result.article.id] = (result.article, result.features)
        return result.article

    def features_of(article: Article):
        article_and_features = worker_features.get(article.id)
        if article_and_features is None or article_and_features[0] is not article:
            return None
        report.features_from_workers += 1
        return article_and_features[1]

    with clock.phase("batch"):  # all of it, the phases timed inside included
        pipeline.ingest_batch([doc for doc, _ in batch], report, prepare_document=confirmed, features_of=features_of)


def write_parquet(store: Store, out_dir: str) -> dict[str, int]:
    """The export records of CONTRACT.md, as ``kabar export --format parquet`` writes them."""
    from .. import export as exporting

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    articles = exporting.write_parquet((a.to_export() for a in store.iter_articles()),
                                       str(folder / "articles.parquet"), exporting.ARTICLE_SCHEMA)
    stories = exporting.write_parquet((s.to_export() for s in map(store.story, store.iter_story_ids()) if s is not None),
                                      str(folder / "stories.parquet"), exporting.STORY_SCHEMA)
    return {"articles": articles, "stories": stories}


def spark_session(master: str | None = None, app_name: str = "kabar"):
    import os

    from pyspark.sql import SparkSession

    # Workers must run this interpreter (the one kabar is installed in), not the system python.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.pyspark.python", sys.executable)
    builder = builder.config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kabar.spark.job", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders (local, hdfs://, s3a://, ...)")
    parser.add_argument("--out", help="folder for articles.parquet and stories.parquet")
    parser.add_argument("--db", help="store URL to write into (default: a temporary SQLite file)")
    parser.add_argument("--format", choices=("txt", "html", "jsonl", "warc", "parquet"))
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, help="slices of the input (default: about one per 250 items, at least two per core)")
    args = parser.parse_args(argv)
    if args.out is None and args.db is None:
        parser.error("give --out, --db or both: otherwise the results are thrown away")
    spark = spark_session(args.master)
    try:
        report = run_job(spark, args.paths, args.out, args.db, args.format, args.partitions)
    finally:
        spark.stop()
    for rejected in report.rejected:
        print(f"rejected {rejected.line()}", file=sys.stderr)
    # Where the time went (seconds), then the summary line, last as `kabar ingest` prints it.
    print("seconds " + json.dumps({k: round(v, 2) for k, v in report.seconds.items()}))
    print(report.summary())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
