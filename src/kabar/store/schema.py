"""The database schema (SQLAlchemy Core). Changes go through a migration in migrations/versions."""

from __future__ import annotations

from sqlalchemy import (
    JSON, Boolean, Column, Index, Integer, LargeBinary, MetaData, String, Table, Text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # arrival order
    Column("id", String(512), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("language", String(16), nullable=False),
    Column("title", Text),
    Column("dateline", String(200)),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("authors", JSON, nullable=False),
    Column("cited_sources", JSON, nullable=False),
    Column("body", JSON, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("dates", JSON, nullable=False),
    Column("quotes", JSON, nullable=False),
    Column("story", String(64)),
    Column("duplicate_of", String(512)),
    Index("ix_articles_story", "story"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("storyline", String(64)),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("n_articles", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("last_seq", Integer, nullable=False),  # seq of the newest article: the story's version
    Column("brief", JSON),
    Column("brief_seq", Integer),  # last_seq the cached brief was built at
    Index("ix_stories_end", "end"),
    Index("ix_stories_storyline", "storyline"),
    Index("ix_stories_size", "n_articles"),
)

entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("role", Text),
    Column("aliases", JSON, nullable=False),
    Column("n_articles", Integer, nullable=False),
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(512), primary_key=True),
    Column("entity_id", String(200), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Index("ix_article_entities_entity", "entity_id"),
)

# A stage's checkpoint: its whole state when the articles up to ``article_seq`` were stored.
state = Table(
    "state", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", LargeBinary, nullable=False),
    Column("article_seq", Integer),
)

# What changed in a stage's state since its checkpoint, one row a batch, in ``position`` order
# (the story index needs none: the stored articles with their stories are its changes).
state_log = Table(
    "state_log", metadata,
    Column("key", String(64), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("value", LargeBinary, nullable=False),
)

# PostgreSQL keeps the full-text search vector in the article row (migration 0001 adds it there
# only); SQLite keeps its FTS5 index in a separate virtual table. The shared ``articles`` table
# above therefore leaves the column out, and PostgreSQL code writes through this copy of it.
postgres_metadata = MetaData()
postgres_articles = articles.to_metadata(postgres_metadata)
postgres_articles.append_column(Column("search_vector", TSVECTOR))
