"""The Spark job: an archive in, stories out, identical to ``kabar ingest`` on the same input.

1. Read (``inputs.py``): every item with its order key, split across the cluster.
2. Sort by key into contiguous slices, one a task; ``mapPartitions`` runs the per-article stages
   (``kabar.pipeline.prepare``, the local pipeline's code) speculatively on each slice
   (``speculation.py``). Results are persisted, so all slices compute in parallel.
3. The driver streams the results in input order, confirms each against the true state (cheap;
   reruns the rare article whose state answers differ) and runs the online clustering
   (``StoryIndex``) sequentially, exactly as the local pipeline does; batches go to a store.
4. Briefs are built and the export records written to Parquet (``articles.parquet``,
   ``stories.parquet``).

The clustering on the driver is the simplest correct first version: it is the one stage that
sees every article in order, and on CLICK-ID it costs a few milliseconds an article (see
bench/results/scale.md). Per-time-block clustering merged across block edges would lift that
bound but cannot promise the same stories as ``kabar ingest``, which parity requires.

Run: ``spark-submit --master local[*] -m kabar.spark.job ARCHIVE --out DIR [--db URL]`` or
``python -m kabar.spark.job ...`` (``--master`` picks the cluster).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..annotate.entities import EntityRegistry
from ..clean import CleanError, TemplateMemory
from ..pipeline import BATCH_SIZE, IngestReport, Pipeline, refresh_briefs
from ..records import Article, RawDocument, Rejected
from ..store import Store
from .inputs import read_items
from .speculation import confirm, speculate


@dataclass
class JobReport(IngestReport):
    confirmed: int = 0  # worker results used as they were
    rerun: int = 0  # articles the driver had to prepare again
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (super().summary() + f"; {self.confirmed} worker results confirmed, {self.rerun} rerun on the driver")


def _speculate_partition(items, blobs):
    templates = TemplateMemory() if blobs.get("templates") is None else TemplateMemory.loads(blobs["templates"])
    registry = EntityRegistry() if blobs.get("entities") is None else EntityRegistry.loads(blobs["entities"])
    for key, item in items:
        if isinstance(item, Rejected):
            yield key, item, None
        else:
            yield key, item, speculate(item, templates, registry)


def run_job(spark, paths: list[str], out_dir: str | None = None, db_url: str | None = None,
            fmt: str | None = None, partitions: int | None = None, batch_size: int = BATCH_SIZE) -> JobReport:
    """Process ``paths`` into the store at ``db_url`` (a temporary SQLite file when None) and,
    with ``out_dir``, write ``articles.parquet`` and ``stories.parquet`` there."""
    from pyspark import StorageLevel

    report = JobReport()
    started = time.perf_counter()
    scratch = None
    if db_url is None:
        scratch = tempfile.TemporaryDirectory(prefix="kabar-spark-")
        db_url = f"sqlite:///{Path(scratch.name) / 'kabar.db'}"
    store = Store(db_url)
    try:
        pipeline = Pipeline(store, batch_size)
        with store.ingest_lock(lambda: print("waiting for another ingest into this database", file=sys.stderr)):
            pipeline.load_state()
            shared = spark.sparkContext.broadcast({k: store.load_state(k) for k in ("templates", "entities")})
            partitions = partitions or spark.sparkContext.defaultParallelism
            items = read_items(spark, paths, fmt, partitions).sortByKey(numPartitions=partitions)
            speculated = items.mapPartitions(lambda it: _speculate_partition(it, shared.value))
            speculated = speculated.persist(StorageLevel.MEMORY_AND_DISK)
            speculated.count()
            report.seconds["workers"] = time.perf_counter() - started
            batch: list = []
            for _key, item, speculation in speculated.toLocalIterator():
                if speculation is None:
                    report.rejected.append(item)
                    continue
                batch.append((item, speculation))
                if len(batch) >= batch_size:
                    _store_batch(pipeline, batch, report)
                    batch = []
            if batch:
                _store_batch(pipeline, batch, report)
            speculated.unpersist()
        report.seconds["driver"] = time.perf_counter() - started - report.seconds["workers"]
        refresh_briefs(store)
        if out_dir is not None:
            write_parquet(store, out_dir)
        report.seconds["total"] = time.perf_counter() - started
        return report
    finally:
        store.close()
        if scratch is not None:
            scratch.cleanup()


def _store_batch(pipeline: Pipeline, batch: list, report: JobReport) -> None:
    """The local pipeline's batch step, with prepare's result confirmed from the workers'."""
    speculations = {id(doc): speculation for doc, speculation in batch}

    def confirmed(doc: RawDocument) -> Article:
        result, used = confirm(speculations[id(doc)], doc, pipeline.templates, pipeline.registry)
        report.confirmed += used
        report.rerun += not used
        if result.article is None:
            raise CleanError(result.error or "could not process")
        return result.article

    pipeline.ingest_batch([doc for doc, _ in batch], report, prepare_document=confirmed)


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
    parser.add_argument("--partitions", type=int, help="slices of the input (default: the cores)")
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
    print(report.summary())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
