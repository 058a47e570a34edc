"""Store: the only place that knows SQL. SQLite by default (WAL, FTS5), PostgreSQL by URL.

Everything an ingest batch produces (articles, entity links, story rows and the pipeline's state:
a checkpoint now and then, the batch's changes otherwise) is written in one transaction, so a
crash leaves either the whole batch or none of it.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Connection, Text, bindparam, create_engine, event, func, literal, null, select, text, union_all, update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from ..records import Article, Story
from . import schema as t
from .convert import article_to_row, entity_rows, merge_entities, row_to_article, story_from_json
from .lock import exclusive

DEFAULT_URL = "sqlite:///kabar.db"
_MIGRATIONS = Path(__file__).parent / "migrations"
# Writers queue behind each other (an ingest's batch may take seconds); a reader caching a
# brief it has already built gives up almost at once instead.
SQLITE_BUSY_TIMEOUT_MS = 60_000
BRIEF_LOCK_WAIT_MS = 100


class SearchQueryError(ValueError):
    """The user's full-text query is not valid search syntax."""


class StoreError(RuntimeError):
    """The database cannot be opened or used (bad URL, unreachable server, not a kabar file)."""


def database_url(given: str | None = None) -> str:
    return given or os.environ.get("KABAR_DB") or DEFAULT_URL


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None


def open_store(url: str | None = None) -> "Store":
    return Store(database_url(url))


class Store:
    def __init__(self, url: str):
        self.url = url
        try:
            self.engine = _engine(url)
            self.dialect = self.engine.dialect.name
            self._migrate()
        except OperationalError as error:
            raise StoreError(f"cannot open database {url}: {error.orig}") from error

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with exclusive(self.engine, "migrate"), self.engine.begin() as connection:
            if self.dialect == "sqlite":
                # Python's sqlite3 runs DDL outside any transaction (it opens one only before
                # INSERT/UPDATE/DELETE): a process killed while creating the schema left tables
                # without their alembic_version row, and the file could never be opened again
                # ("table articles already exists"). An explicit BEGIN makes the whole migration
                # one transaction, as it is on PostgreSQL; the commit of engine.begin() ends it.
                connection.exec_driver_sql("BEGIN")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    def ingest_lock(self, on_wait=None):
        """Held for a whole ingest: writers into one database take turns (see lock.py)."""
        return exclusive(self.engine, "ingest", on_wait)

    # -- ingest -------------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """Of these content hashes, the ones already stored, each with the id it is stored under."""
        hashes = list(set(hashes))
        found: dict[str, str] = {}
        a = t.articles.c
        with self.engine.connect() as c:
            for chunk in _chunks(hashes, 500):
                found.update((h, i) for h, i in c.execute(select(a.content_hash, a.id).where(a.content_hash.in_(chunk))))
        return found

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        found: set[str] = set()
        with self.engine.connect() as c:
            for chunk in _chunks(ids, 500):
                found.update(c.scalars(select(t.articles.c.id).where(t.articles.c.id.in_(chunk))))
        return found

    def load_state_log(self, key: str) -> tuple[bytes | None, int | None, list[bytes]]:
        """A stage's last checkpoint, the seq of the last article stored with it, and the
        changes logged after it in order: read in one statement, so one snapshot of the
        database even while an ingest writes a new checkpoint (a reader builds a brief)."""
        s, log = t.state.c, t.state_log.c
        query = union_all(
            select(literal(0).label("position"), s.value, s.article_seq).where(s.key == key),
            select(log.position, log.value, null()).where(log.key == key),
        )
        with self.engine.connect() as c:
            rows = sorted(c.execute(query).all(), key=lambda row: row[0])
        if rows and rows[0][0] == 0:
            return bytes(rows[0][1]), rows[0][2], [bytes(r[1]) for r in rows[1:]]
        return None, None, [bytes(r[1]) for r in rows]

    def state_mark(self) -> tuple:
        """What changes whenever an ingest stores anything: the newest article, the logged
        changes and the checkpoints. A process that still holds the state it saved can tell
        from it that no other process has written since, and skip reading the state again."""
        s, log = t.state.c, t.state_log.c
        with self.engine.connect() as c:
            newest = c.scalar(select(func.max(t.articles.c.seq)))
            logged = tuple(c.execute(select(func.count(), func.max(log.position))).one())
            checkpoints = tuple(sorted((k, seq) for k, seq in c.execute(select(s.key, s.article_seq))))
        return newest, logged, checkpoints

    def save_batch(self, batch: Sequence[Article], storylines: dict[str, str | None],
                   states: dict[str, bytes], logs: dict[str, bytes] | None = None) -> set[str]:
        """Store a batch of clustered articles and the pipeline state after it, atomically.

        ``storylines`` maps each story touched to its current storyline. ``states`` are
        checkpoints (whole states, replacing the key's checkpoint and its logged changes),
        ``logs`` the batch's changes to a state since its checkpoint. Returns the ids of the
        stories whose content changed (their cached briefs are now stale).
        """
        changed = {a.story for a in batch if a.story}
        # Each kind of row goes in one executemany (SQLAlchemy Core with a list of parameter
        # sets): the same rows as one statement a row, with far fewer round trips to the driver.
        with self.engine.begin() as c:
            self._insert_articles(c, batch)
            links = [{"article_id": article.id, "entity_id": entity.id, "mentions": entity.count}
                     for article in batch for entity in article.entities]
            if links:
                c.execute(t.article_entities.insert(), links)
            self._upsert_entities(c, batch)
            self._refresh_stories(c, changed, storylines)
            # Older stories that joined a storyline: their cached briefs name the old one.
            joined = [{"story_id": story_id, "storyline": storylines[story_id]}
                      for story_id in sorted(storylines.keys() - changed)]
            if joined:
                c.execute(update(t.stories).where(t.stories.c.id == bindparam("story_id"))
                          .values(storyline=bindparam("storyline"), brief_seq=None), joined)
            if states:
                article_seq = c.scalar(select(func.max(t.articles.c.seq)))
                for key, value in states.items():
                    self._put_state(c, key, value, article_seq)
                    c.execute(t.state_log.delete().where(t.state_log.c.key == key))
            for key, value in (logs or {}).items():
                position = c.scalar(select(func.coalesce(func.max(t.state_log.c.position), 0))
                                    .where(t.state_log.c.key == key)) + 1
                c.execute(t.state_log.insert().values(key=key, position=position, value=value))
        return changed

    def _insert_articles(self, c: Connection, batch: Sequence[Article]) -> None:
        """All of the batch's article rows in arrival order (an executemany keeps the list's
        order, so ``seq`` numbers them as they came), with their full-text entries."""
        if not batch:
            return
        rows = [article_to_row(article) for article in batch]
        if self.dialect == "postgresql":
            # The search vector is computed in the same INSERT from one extra parameter.
            for row, article in zip(rows, batch):
                row["search_text"] = f"{article.title or ''}\n{article.text}"
            c.execute(t.postgres_articles.insert().values(
                search_vector=func.to_tsvector("simple", bindparam("search_text", type_=Text))), rows)
            return
        c.execute(t.articles.insert(), rows)
        if self.dialect == "sqlite":
            c.execute(text("INSERT INTO articles_fts(article_id, title, body) VALUES (:id, :title, :body)"),
                      [{"id": a.id, "title": a.title or "", "body": a.text} for a in batch])

    def _upsert_entities(self, c: Connection, batch: Sequence[Article]) -> None:
        merged = merge_entities(batch)
        if not merged:
            return
        existing = {r.id: r._mapping for chunk in _chunks(list(merged), 500)
                    for r in c.execute(select(t.entities).where(t.entities.c.id.in_(chunk)))}
        new, seen = entity_rows(merged, existing)
        if new:
            c.execute(t.entities.insert(), new)
        if seen:
            c.execute(update(t.entities).where(t.entities.c.id == bindparam("entity_id")), seen)

    def _refresh_stories(self, c: Connection, story_ids: set[str], storylines: dict[str, str | None]) -> None:
        """Each touched story's size, dates, outlets and version from its stored articles: one
        grouped query of each kind over all of them, then one executemany update (and insert)."""
        if not story_ids:
            return
        a = t.articles.c
        ids = sorted(story_ids)
        values: dict[str, dict[str, Any]] = {}
        outlets: dict[str, set[str]] = {story_id: set() for story_id in ids}
        existing: set[str] = set()
        for chunk in _chunks(ids, 500):
            for story_id, n, start, end, last_seq in c.execute(
                    select(a.story, func.count(), func.min(a.published), func.max(a.published), func.max(a.seq))
                    .where(a.story.in_(chunk)).group_by(a.story)):
                values[story_id] = {"n_articles": n, "start": start, "end": end, "last_seq": last_seq,
                                    "storyline": storylines.get(story_id)}
            for story_id, outlet in c.execute(select(a.story, a.outlet).where(a.story.in_(chunk)).distinct()):
                if outlet:
                    outlets[story_id].add(outlet)
            existing.update(c.scalars(select(t.stories.c.id).where(t.stories.c.id.in_(chunk))))
        for story_id in ids:
            values[story_id]["outlets"] = sorted(outlets[story_id])
        if existing:
            c.execute(update(t.stories).where(t.stories.c.id == bindparam("story_id")),
                      [{"story_id": story_id, **values[story_id]} for story_id in ids if story_id in existing])
        new = [story_id for story_id in ids if story_id not in existing]
        if new:
            titles = self._first_titles(c, new)
            c.execute(t.stories.insert(), [{"id": story_id, "title": titles.get(story_id) or "", **values[story_id]}
                                           for story_id in new])

    @staticmethod
    def _first_titles(c: Connection, story_ids: list[str]) -> dict[str, str]:
        """Each story's title: that of its first stored article with one."""
        a = t.articles.c
        titles: dict[str, str] = {}
        for chunk in _chunks(story_ids, 500):
            first = (select(func.min(a.seq).label("seq")).where(a.story.in_(chunk), a.title.is_not(None))
                     .group_by(a.story).subquery())
            titles.update(c.execute(select(a.story, a.title).join(first, a.seq == first.c.seq)).all())
        return titles

    def _put_state(self, c: Connection, key: str, value: bytes, article_seq: int | None) -> None:
        values = {"value": value, "article_seq": article_seq}
        done = c.execute(update(t.state).where(t.state.c.key == key).values(**values))
        if done.rowcount == 0:
            c.execute(t.state.insert().values(key=key, **values))

    # -- briefs -------------------------------------------------------------------------------
    def stale_stories(self) -> list[str]:
        s = t.stories.c
        with self.engine.connect() as c:
            return list(c.scalars(select(s.id).where((s.brief_seq.is_(None)) | (s.brief_seq < s.last_seq))
                                  .order_by(s.last_seq)))

    def save_brief(self, story: Story, version: int) -> None:
        self.save_briefs([(story, version)])

    def try_save_brief(self, story: Story, version: int) -> bool:
        """Cache a brief unless a writer (an ingest's batch transaction) holds the lock: a reader
        that built a brief should answer with it now, not queue behind the ingest to cache it
        (the next reader builds it again or finds it cached). False when the lock was busy."""
        with self.engine.connect() as c:
            sqlite = c.dialect.name == "sqlite"
            if sqlite:
                c.exec_driver_sql(f"PRAGMA busy_timeout={BRIEF_LOCK_WAIT_MS}")
                c.commit()
            try:
                if not sqlite:
                    c.exec_driver_sql(f"SET LOCAL lock_timeout = '{BRIEF_LOCK_WAIT_MS}ms'")
                self._write_briefs(c, [(story, version)])
                c.commit()
                return True
            except OperationalError as error:
                c.rollback()
                if _lock_busy(error):
                    return False
                raise
            finally:
                if sqlite:  # pooled connections keep their pragmas
                    c.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
                    c.commit()

    def save_briefs(self, briefs: Iterable[tuple[Story, int]]) -> int:
        """``save_brief`` for many (brief, version) pairs, in one transaction and one executemany."""
        briefs = list(briefs)
        if briefs:
            with self.engine.begin() as c:
                self._write_briefs(c, briefs)
        return len(briefs)

    @staticmethod
    def _write_briefs(c: Connection, briefs: Sequence[tuple[Story, int]]) -> None:
        """Each (brief, version) into its story's row, in one executemany."""
        # Parameter names differ from the columns': SQLAlchemy reserves those for its own.
        rows = [{"story_id": story.id, "new_brief": story.to_export(), "new_seq": version, "new_title": story.title,
                 "new_start": story.start, "new_end": story.end} for story, version in briefs]
        c.execute(update(t.stories).where(t.stories.c.id == bindparam("story_id")).values(
            brief=bindparam("new_brief"), brief_seq=bindparam("new_seq"), title=bindparam("new_title"),
            start=bindparam("new_start"), end=bindparam("new_end")), rows)

    # -- reading ------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as c:
            row = c.execute(self._article_select().where(t.articles.c.id == article_id)).first()
        return None if row is None else row_to_article(row, row.story_storyline)

    def story_articles(self, story_id: str) -> list[Article]:
        with self.engine.connect() as c:
            rows = c.execute(self._article_select().where(t.articles.c.story == story_id).order_by(t.articles.c.seq))
            return [row_to_article(r, r.story_storyline) for r in rows]

    def stories_with_articles(self, story_ids: Sequence[str]) -> list[tuple[dict[str, Any], list[Article]]]:
        """Each stored story of ``story_ids`` (in that order; others left out) as ``story_row``
        gives it, with its articles as ``story_articles`` gives them: two queries for many stories."""
        ids = list(dict.fromkeys(story_ids))
        rows: dict[str, dict[str, Any]] = {}
        articles: dict[str, list[Article]] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(ids, 500):
                for row in c.execute(select(t.stories).where(t.stories.c.id.in_(chunk))):
                    rows[row.id] = dict(row._mapping)
                for r in c.execute(self._article_select().where(t.articles.c.story.in_(chunk))
                                   .order_by(t.articles.c.seq)):
                    articles.setdefault(r.story, []).append(row_to_article(r, r.story_storyline))
        return [(rows[i], articles.get(i, [])) for i in ids if i in rows]

    def iter_articles(self, batch_size: int = 500, after: int = 0) -> Iterator[Article]:
        """Stored articles in arrival order; ``after``: only those stored after that seq."""
        last = after
        while True:
            with self.engine.connect() as c:
                rows = c.execute(self._article_select().where(t.articles.c.seq > last)
                                 .order_by(t.articles.c.seq).limit(batch_size)).all()
            if not rows:
                return
            for r in rows:
                yield row_to_article(r, r.story_storyline)
            last = rows[-1].seq

    def _article_select(self):
        return (select(t.articles, t.stories.c.storyline.label("story_storyline"))
                .select_from(t.articles.outerjoin(t.stories, t.stories.c.id == t.articles.c.story)))

    def story_row(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = c.execute(select(t.stories).where(t.stories.c.id == story_id)).first()
        return None if row is None else dict(row._mapping)

    def story(self, story_id: str) -> Story | None:
        row = self.story_row(story_id)
        if row is None or row["brief"] is None:
            return None
        return story_from_json(row["brief"])

    def iter_story_ids(self) -> Iterator[str]:
        with self.engine.connect() as c:
            ids = list(c.scalars(select(t.stories.c.id).order_by(t.stories.c.end.desc().nulls_last(), t.stories.c.id)))
        yield from ids

    def list_stories(self, limit: int = 50, cursor: str | None = None, outlet: str | None = None,
                     entity: str | None = None, since: str | None = None, until: str | None = None,
                     storyline: str | None = None, sort: str = "newest", language: str | None = None) -> Page:
        """Stories newest first (by their last date), or with ``sort="size"`` largest first."""
        s = t.stories.c
        query = select(s.id, s.title, s.storyline, s.start, s.end, s.n_articles, s.outlets)
        if since:
            query = query.where(s.end >= since)
        if until:
            query = query.where(s.start <= until)
        if storyline:
            query = query.where(s.storyline == storyline)
        if outlet or entity or language:
            members = select(t.articles.c.story).where(t.articles.c.story.is_not(None))
            if outlet:
                members = members.where(t.articles.c.outlet == outlet)
            if language:
                members = members.where(t.articles.c.language == language)
            if entity:
                members = members.where(t.articles.c.id.in_(
                    select(t.article_entities.c.article_id).where(t.article_entities.c.entity_id == entity)))
            query = query.where(s.id.in_(members))
        # Keyset pagination on (key, id): stable under concurrent inserts, fast at any depth,
        # and ordered on the bare indexed column so the database walks its index.
        if sort == "size":
            if cursor:
                last_size, last_id = _decode_cursor(cursor)
                size = int(last_size)
                query = query.where((s.n_articles < size) | ((s.n_articles == size) & (s.id > last_id)))
            query = query.order_by(s.n_articles.desc(), s.id)
            key_of = lambda row: str(row["n_articles"])  # noqa: E731
        else:  # newest first; stories without any date last
            if cursor:
                last_end, last_id = _decode_cursor(cursor)
                if last_end:
                    query = query.where((s.end < last_end) | ((s.end == last_end) & (s.id > last_id))
                                        | s.end.is_(None))
                else:
                    query = query.where(s.end.is_(None) & (s.id > last_id))
            query = query.order_by(s.end.desc().nulls_last(), s.id)
            key_of = lambda row: row["end"] or ""  # noqa: E731
        query = query.limit(limit + 1)
        with self.engine.connect() as c:
            rows = [dict(r._mapping) for r in c.execute(query)]
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = _encode_cursor(key_of(rows[-1]), rows[-1]["id"]) if more else None
        return Page(rows, next_cursor)

    def list_articles(self, limit: int = 50, cursor: str | None = None, story: str | None = None,
                      outlet: str | None = None, entity: str | None = None) -> Page:
        a = t.articles.c
        query = select(a.seq, a.id, a.title, a.outlet, a.published, a.language, a.story, a.url, a.duplicate_of)
        if story:
            query = query.where(a.story == story)
        if outlet:
            query = query.where(a.outlet == outlet)
        if entity:
            query = query.where(a.id.in_(select(t.article_entities.c.article_id)
                                         .where(t.article_entities.c.entity_id == entity)))
        if cursor:
            query = query.where(a.seq < int(_decode_cursor(cursor)[0]))
        query = query.order_by(a.seq.desc()).limit(limit + 1)
        with self.engine.connect() as c:
            rows = [dict(r._mapping) for r in c.execute(query)]
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = _encode_cursor(str(rows[-1]["seq"]), "") if more else None
        for row in rows:
            row.pop("seq")
        return Page(rows, next_cursor)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = c.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
        return None if row is None else dict(row._mapping)

    def entity_quotes(self, entity_id: str, limit: int = 100) -> list[dict[str, Any]]:
        a = t.articles.c
        found: list[dict[str, Any]] = []
        with self.engine.connect() as c:
            rows = c.execute(select(a.id, a.quotes, a.published).where(a.id.in_(
                select(t.article_entities.c.article_id).where(t.article_entities.c.entity_id == entity_id)))
                .order_by(a.seq.desc()).limit(500))
            for row in rows:
                for q in row.quotes:
                    if q.get("speaker_id") == entity_id:
                        found.append({"article": row.id, "published": row.published, **q})
        return found[:limit]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                "articles": c.scalar(select(func.count()).select_from(t.articles)) or 0,
                "stories": c.scalar(select(func.count()).select_from(t.stories)) or 0,
                "entities": c.scalar(select(func.count()).select_from(t.entities)) or 0,
            }

    # -- search -------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, cursor: str | None = None, entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None) -> Page:
        query = query.strip()
        if not query:
            raise SearchQueryError("empty search query")
        offset = int(_decode_cursor(cursor)[0]) if cursor else 0
        filters, params = [], {"q": query, "limit": limit + 1, "offset": offset}
        if entity:
            filters.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id = :entity)")
            params["entity"] = entity
        if outlet:
            filters.append("a.outlet = :outlet")
            params["outlet"] = outlet
        if since:
            filters.append("a.published >= :since")
            params["since"] = since
        if until:
            filters.append("a.published <= :until")
            params["until"] = until
        where = "".join(f" AND {f}" for f in filters)
        if self.dialect == "sqlite":
            sql = ("SELECT a.id, a.title, a.outlet, a.published, a.story, "
                   "snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet "
                   "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
                   f"WHERE articles_fts MATCH :q{where} ORDER BY rank LIMIT :limit OFFSET :offset")
        else:
            # websearch_to_tsquery accepts any text (quotes, "or", "-word"), so there is no
            # syntax error to report on PostgreSQL; the snippet comes from the body, like FTS5's.
            sql = ("SELECT a.id, a.title, a.outlet, a.published, a.story, "
                   "ts_headline('simple', array_to_string(ARRAY(SELECT json_array_elements_text(a.body)), ' '), "
                   "websearch_to_tsquery('simple', :q), "
                   "'StartSel=[, StopSel=], MaxWords=16, MinWords=6, FragmentDelimiter=…, MaxFragments=1') AS snippet "
                   "FROM articles a WHERE a.search_vector @@ websearch_to_tsquery('simple', :q)"
                   f"{where} ORDER BY ts_rank(a.search_vector, websearch_to_tsquery('simple', :q)) DESC, a.seq "
                   "LIMIT :limit OFFSET :offset")
        try:
            with self.engine.connect() as c:
                rows = [dict(r._mapping) for r in c.execute(text(sql), params)]
        except OperationalError as error:
            message = str(error.orig)
            # The query text is the only user input in this statement: anything but a problem of
            # the database itself ("database is locked", a missing table) is a query error.
            if any(word in message for word in ("locked", "no such table", "disk", "unable to open")):
                raise
            raise SearchQueryError(f"invalid search query {query!r}: {message}") from None
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, _encode_cursor(str(offset + limit), "") if more else None)

    # -- web reads ----------------------------------------------------------------------------
    def story_outlet_counts(self, story_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Articles per outlet of each story, in one query (the story list's coverage bars)."""
        a = t.articles.c
        counts: dict[str, dict[str, int]] = {story_id: {} for story_id in story_ids}
        with self.engine.connect() as c:
            for chunk in _chunks(list(story_ids), 500):
                rows = c.execute(select(a.story, a.outlet, func.count()).where(a.story.in_(chunk))
                                 .group_by(a.story, a.outlet))
                for story, outlet, n in rows:
                    counts[story][outlet or ""] = n
        return counts


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
            cursor = dbapi_connection.cursor()
            # WAL lets readers (the web server) go on while an ingest writes; NORMAL is durable
            # across application crashes, which is what the one-transaction batches rely on.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.close()

        return engine
    return create_engine(postgres_driver_url(url), pool_pre_ping=True)


def _lock_busy(error: OperationalError) -> bool:
    """SQLite's "database is locked" or PostgreSQL's lock_not_available (55P03)."""
    return "database is locked" in str(error.orig) or getattr(error.orig, "sqlstate", None) == "55P03"


def postgres_driver_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` URLs use psycopg 3, the driver kabar[postgres] installs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _encode_cursor(first: str, second: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([first, second]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        first, second = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if isinstance(first, str) and isinstance(second, str):
            return first, second
    except (ValueError, TypeError):
        pass
    raise ValueError(f"invalid cursor {cursor!r}")


__all__ = ["DEFAULT_URL", "Page", "SearchQueryError", "Store", "StoreError", "database_url", "open_store",
           "postgres_driver_url"]
