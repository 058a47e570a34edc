"""One writer at a time per database for what must not interleave: an ingest (the clusterer's
state is read at its start and written after each batch) and a schema migration (two processes
opening a new database at once would both create its tables).

SQLite: an exclusive lock on a file beside the database (released by the OS if the process
dies). PostgreSQL: a session-level advisory lock (released when the connection closes).
Readers (the web server) never take it.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

@contextmanager
def exclusive(engine: Engine, purpose: str, on_wait=None) -> Iterator[None]:
    """Hold the database's lock for ``purpose`` ("ingest", "migrate"); call on_wait if we must wait."""
    key = zlib.crc32(f"kabar-{purpose}".encode())
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with open(Path(database).with_name(f"{Path(database).name}.{purpose}-lock"), "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait()
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    elif engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            if not got:
                if on_wait:
                    on_wait()
                connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                connection.commit()
    else:
        yield
