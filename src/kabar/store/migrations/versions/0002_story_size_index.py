"""Index the story size, for the story list sorted largest first.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stories_size", "stories", ["n_articles"])


def downgrade() -> None:
    op.drop_index("ix_stories_size", "stories")
