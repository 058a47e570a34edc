"""The first schema: articles, stories, entities, the full-text index and the pipeline's state.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(512), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("dateline", sa.String(200)),
        sa.Column("published", sa.String(10)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("cited_sources", sa.JSON, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("dates", sa.JSON, nullable=False),
        sa.Column("quotes", sa.JSON, nullable=False),
        sa.Column("story", sa.String(64)),
        sa.Column("duplicate_of", sa.String(512)),
    )
    op.create_index("ix_articles_story", "articles", ["story"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("storyline", sa.String(64)),
        sa.Column("start", sa.String(10)),
        sa.Column("end", sa.String(10)),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("brief", sa.JSON),
        sa.Column("brief_seq", sa.Integer),
    )
    op.create_index("ix_stories_end", "stories", ["end"])
    op.create_index("ix_stories_storyline", "stories", ["storyline"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
    )
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.String(512), primary_key=True),
        sa.Column("entity_id", sa.String(200), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_index("ix_article_entities_entity", "article_entities", ["entity_id"])
    op.create_table(
        "state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # unicode61 with diacritics removed: "Kemenkes" and "kemenkés" match alike.
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        # Indonesian has no built-in text-search configuration: 'simple' (lower-case, no stemming)
        # is right for it and acceptable for English; the search vector is kept in the row.
        op.add_column("articles", sa.Column("search_vector", sa.dialects.postgresql.TSVECTOR))
        op.execute("CREATE INDEX ix_articles_search ON articles USING GIN (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("state", "article_entities", "entities", "stories", "articles"):
        op.drop_table(table)
