"""Move a whole database between stores (SQLite <-> PostgreSQL) or through a dump file, losslessly.

Every table is copied row for row, arrival order (``seq``) included, so a copy resumes ingesting
exactly where the original stopped: articles with all their fields, stories with their cached
briefs, entities, entity links and the pipeline's state (checkpoints with their article seq, and
the changes logged after them). The full-text index is not copied
but rebuilt in the target's own kind (FTS5 or tsvector) from the same text the store indexes.

A dump file is gzip'd JSON lines: a header, then ``{"table": name, "row": {...}}`` a row, with
binary values as ``{"$bytes": base64}``.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select, text

from . import schema as t
from .convert import row_to_article

DUMP_FORMAT = "kabar-dump"
DUMP_VERSION = 1
_TABLES = (t.articles, t.stories, t.entities, t.article_entities, t.state, t.state_log)
_ORDER = {"articles": "seq", "stories": "id", "entities": "id", "article_entities": ("article_id", "entity_id"),
          "state": "key", "state_log": ("key", "position")}
_BATCH = 500


class TransferError(RuntimeError):
    """The target is not empty, or a dump file is not a kabar dump."""


def iter_rows(store) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of every table, in a stable order, as plain dicts (keyset-paged: any size)."""
    for table in _TABLES:
        order = _ORDER[table.name]
        keys = [order] if isinstance(order, str) else list(order)
        columns = [table.c[k] for k in keys]
        last: tuple | None = None
        while True:
            query = select(table).order_by(*columns).limit(_BATCH)
            if last is not None:
                query = query.where(_after(columns, last))
            with store.engine.connect() as c:
                rows = [dict(r._mapping) for r in c.execute(query)]
            if not rows:
                break
            for row in rows:
                yield table.name, row
            last = tuple(rows[-1][k] for k in keys)


def _after(columns, last: tuple):
    from sqlalchemy import tuple_

    return columns[0] > last[0] if len(columns) == 1 else tuple_(*columns) > tuple_(*last)


def load_rows(store, rows: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, int]:
    """Write rows (from ``iter_rows`` or a dump) into an empty store, in one transaction."""
    counts = store.counts()
    if any(counts.values()):
        raise TransferError(f"the target database {store.url} is not empty ({counts['articles']} articles, "
                            f"{counts['stories']} stories): import only into a new database")
    written = {table.name: 0 for table in _TABLES}
    pending: dict[str, list[dict[str, Any]]] = {table.name: [] for table in _TABLES}
    with store.engine.begin() as c:
        for name, row in rows:
            if name not in pending:
                raise TransferError(f"unknown table {name!r} in the input")
            pending[name].append(row)
            if len(pending[name]) >= _BATCH:
                _flush(store, c, name, pending[name])
                written[name] += len(pending[name])
                pending[name] = []
        for name, batch in pending.items():
            if batch:
                _flush(store, c, name, batch)
                written[name] += len(batch)
        if store.dialect == "postgresql" and written["articles"]:
            # Rows came with their seq: move the sequence past them so new articles follow on.
            c.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'seq'), (SELECT max(seq) FROM articles))"))
    return written


def _flush(store, c, name: str, batch: list[dict[str, Any]]) -> None:
    table = next(tb for tb in _TABLES if tb.name == name)
    if name == "state":
        c.execute(table.delete().where(table.c.key.in_([row["key"] for row in batch])))
    if name != "articles":
        c.execute(table.insert(), batch)
        return
    documents = [_document(row) for row in batch]
    if store.dialect == "postgresql":
        statement = t.postgres_articles.insert().values(
            search_vector=func.to_tsvector("simple", bindparam("search_document")))
        c.execute(statement, [{**row, "search_document": f"{title}\n{body}"} for row, (title, body) in zip(batch, documents)])
        return
    c.execute(table.insert(), batch)
    if store.dialect == "sqlite":
        c.execute(text("INSERT INTO articles_fts(article_id, title, body) VALUES (:id, :title, :body)"),
                  [{"id": row["id"], "title": title, "body": body} for row, (title, body) in zip(batch, documents)])


def _document(row: dict[str, Any]) -> tuple[str, str]:
    """What the store indexes for an article: the same as at ingest (Store._insert_article)."""
    article = row_to_article(row)
    return article.title or "", article.text


def copy_database(source, target) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target`` store; returns rows per table."""
    return load_rows(target, iter_rows(source))


def dump_database(store, path: str | Path) -> dict[str, int]:
    """Write every row of ``store`` to a gzip'd JSON-lines dump file; returns rows per table."""
    counts = {table.name: 0 for table in _TABLES}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"format": DUMP_FORMAT, "version": DUMP_VERSION}) + "\n")
        for name, row in iter_rows(store):
            handle.write(json.dumps({"table": name, "row": _encode(row)}, ensure_ascii=False) + "\n")
            counts[name] += 1
    return counts


def read_dump(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        try:
            header = json.loads(handle.readline() or "null")
        except (json.JSONDecodeError, OSError, EOFError) as error:
            raise TransferError(f"{path}: not a kabar dump ({error})") from None
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise TransferError(f"{path}: not a kabar dump (no {DUMP_FORMAT} header)")
        for number, line in enumerate(handle, start=2):
            try:
                item = json.loads(line)
                yield item["table"], _decode(item["row"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise TransferError(f"{path}:{number}: broken dump line ({error})") from None


def load_dump(store, path: str | Path) -> dict[str, int]:
    return load_rows(store, read_dump(path))


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: {"$bytes": base64.b64encode(v).decode()} if isinstance(v, (bytes, memoryview)) else v
            for k, v in row.items()}


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: base64.b64decode(v["$bytes"]) if isinstance(v, dict) and set(v) == {"$bytes"} else v
            for k, v in row.items()}
