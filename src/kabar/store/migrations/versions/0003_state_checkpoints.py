"""State checkpoints and their change logs: a batch saves what it changed, not every stage's
whole state.

``state.article_seq`` is the last article stored when a checkpoint was saved (the story index
replays the stored articles after it); ``state_log`` holds each batch's changes to the stages
that cannot be rebuilt from stored articles (entity registry, outlet templates).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("state") as batch:
        batch.add_column(sa.Column("article_seq", sa.Integer))
    # Before this revision every batch saved every state whole: each covers all stored articles.
    op.execute("UPDATE state SET article_seq = (SELECT max(seq) FROM articles)")
    op.create_table(
        "state_log",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("state_log")
    with op.batch_alter_table("state") as batch:
        batch.drop_column("article_seq")
