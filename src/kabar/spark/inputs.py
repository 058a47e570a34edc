"""Input for the Spark job: the same documents, in the same order, as ``kabar.read.read_paths``.

Each item gets an order key (file rank, position in the file). JSONL and Parquet are split by line
or row across the cluster; whole-file formats (txt, html, warc) are read one file a task with
kabar's own readers. Local paths are listed exactly as ``read_paths`` lists them; other URLs
(``s3a://``, ``hdfs://``, ...) through Hadoop's file system, in path order.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..read import format_of, parse_record, read_file
from ..read.jsonl import MAX_LINE_BYTES, parse_json_line
from ..records import Rejected

FORMATS = ("txt", "html", "jsonl", "warc", "parquet")


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def list_inputs(spark, paths: list[str], fmt: str | None = None) -> list[tuple[str, str | None]]:
    """(file, format) in read_paths order; format None means the file is rejected as unknown."""
    found: list[tuple[str, str | None]] = []
    for given in paths:
        if _is_remote(given):
            jvm = spark.sparkContext._jvm
            hadoop_path = jvm.org.apache.hadoop.fs.Path(given)
            fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
            listing, files = fs.listFiles(hadoop_path, True), []
            while listing.hasNext():
                files.append(listing.next().getPath().toString())
            for file in sorted(files):
                kind = fmt or _format(file)
                if kind is not None:
                    found.append((file, kind))
            continue
        path = Path(given.removeprefix("file://"))
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            found += [(str(f), fmt or _format(str(f))) for f in files if (fmt or _format(str(f)))]
        else:
            found.append((str(path), fmt or _format(str(path))))
    return found


def _format(file: str) -> str | None:
    if file.lower().endswith(".parquet"):
        return "parquet"
    return format_of(Path(file))


def read_items(spark, paths: list[str], fmt: str | None = None, partitions: int | None = None):
    """An RDD of ((file rank, position), RawDocument | Rejected) over every input item."""
    sc = spark.sparkContext
    partitions = partitions or sc.defaultParallelism
    parts = []
    whole_files = []
    for rank, (file, kind) in enumerate(list_inputs(spark, paths, fmt)):
        if kind == "jsonl":
            lines = sc.textFile(file, minPartitions=partitions).zipWithIndex()
            parts.append(lines.filter(lambda pair: pair[0].strip())
                         .map(lambda pair, f=file, r=rank: ((r, pair[1]), _jsonl_item(pair[0], f, pair[1] + 1))))
        elif kind == "parquet":
            rows = spark.read.parquet(file).rdd.zipWithIndex()
            parts.append(rows.map(lambda pair, f=file, r=rank: ((r, pair[1]), parse_record(pair[0].asDict(), f"{f}#{pair[1]}"))))
        elif _is_remote(file) and kind is not None:
            parts.append(sc.binaryFiles(file).flatMap(
                lambda pair, r=rank, k=kind: _bytes_items(r, pair[0], pair[1], k)))
        else:
            whole_files.append((rank, file, kind))
    if whole_files:
        listed = sc.parallelize(whole_files, max(1, min(len(whole_files), partitions * 4)))
        parts.append(listed.flatMap(_whole_file_items))
    if not parts:
        return sc.parallelize([], 1)
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _jsonl_item(line: str, file: str, number: int):
    where = f"{file}:{number}"
    if len(line.encode("utf-8")) > MAX_LINE_BYTES:
        return Rejected(where, f"line too long ({len(line)} bytes)")
    return parse_json_line(line, where)


def _whole_file_items(job: tuple[int, str, str | None]):
    rank, file, kind = job
    if kind is None:
        suffix = Path(file).suffix
        yield (rank, 0), Rejected(file, f"unknown format (extension {suffix or 'none'}); use --format {'|'.join(FORMATS)}")
        return
    for position, item in enumerate(read_file(Path(file.removeprefix("file://")), kind)):
        yield (rank, position), item


def _bytes_items(rank: int, uri: str, data: bytes, kind: str):
    """Object storage: kabar's reader gets a local copy of the file under the same name."""
    with tempfile.TemporaryDirectory() as folder:
        local = Path(folder) / os.path.basename(uri)
        local.write_bytes(data)
        for position, item in enumerate(read_file(local, kind)):
            yield (rank, position), _with_source(item, str(local), uri)


def _with_source(item, local: str, original: str):
    from dataclasses import replace

    return replace(item, source=item.source.replace(local, original))
