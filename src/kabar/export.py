"""Export records (CONTRACT.md) as JSONL, CSV or Parquet, streaming so any size fits in memory."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("jsonl", "csv", "parquet")
_PARQUET_BATCH = 1000

_STR = pa.string()
_STRS = pa.list_(_STR)
ARTICLE_SCHEMA = pa.schema([
    ("id", _STR), ("outlet", _STR), ("url", _STR), ("language", _STR), ("title", _STR),
    ("dateline", _STR), ("published", _STR), ("authors", _STRS), ("cited_sources", _STRS),
    ("body", _STRS),
    ("removed", pa.list_(pa.struct([("text", _STR), ("kind", _STR)]))),
    ("entities", pa.list_(pa.struct([("id", _STR), ("name", _STR), ("type", _STR),
                                     ("mentions", _STRS), ("role", _STR)]))),
    ("dates", pa.list_(pa.struct([("text", _STR), ("date", _STR), ("inferred", pa.bool_()),
                                  ("background", pa.bool_())]))),
    ("quotes", pa.list_(pa.struct([("text", _STR), ("speaker", _STR), ("speaker_id", _STR),
                                   ("cue", _STR), ("direct", pa.bool_())]))),
    ("story", _STR), ("storyline", _STR), ("duplicate_of", _STR),
])
STORY_SCHEMA = pa.schema([
    ("id", _STR), ("title", _STR), ("storyline", _STR), ("articles", _STRS), ("outlets", _STRS),
    ("start", _STR), ("end", _STR), ("summary", _STRS), ("summary_sources", pa.list_(_STRS)),
    ("timeline", pa.list_(pa.struct([("date", _STR), ("text", _STR), ("articles", _STRS),
                                     ("background", pa.bool_())]))),
    ("quotes", pa.list_(pa.struct([("speaker", _STR), ("speaker_id", _STR), ("text", _STR),
                                   ("articles", _STRS), ("direct", pa.bool_())]))),
    ("coverage", pa.list_(pa.struct([("outlet", _STR), ("articles", _STRS), ("unique", _STRS),
                                     ("cited_sources", _STRS)]))),
])


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One row a record; lists and objects as JSON text in their cell."""
    writer = None
    count = 0
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record))
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in record.items()})
        count += 1
    return count


def write_parquet(records: Iterable[dict[str, Any]], path: str, schema: pa.Schema) -> int:
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunked(records, _PARQUET_BATCH):
            rows = [{name: record.get(name) for name in schema.names} for record in chunk]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


def _chunked(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
