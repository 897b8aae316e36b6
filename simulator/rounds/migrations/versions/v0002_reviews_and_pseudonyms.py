"""A trainer's review and pseudonyms: comments pinned to turns, released grades, the gradebook's secret.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

    settings        key, value            the gradebook's own settings: its pseudonym secret
    comments        id, conversation_id, turn, text, written_at
                                          a trainer's comment on a turn (turn NULL: on the whole conversation)
    conversations   + released_at         when the trainer released the conversation's grade

The secret is made here, once per gradebook, so every gradebook at this revision has one and
a read-only opening never needs to write it.
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the settings and comments tables, the released_at column, and the pseudonym secret."""
    settings = op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(settings, [{"key": "pseudonym_secret", "value": secrets.token_hex(32)}])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), nullable=False),
        sa.Column("turn", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("written_at", sa.String(40), nullable=False),
    )
    op.create_index("comments_by_conversation", "comments", ["conversation_id", "turn"])
    op.add_column("conversations", sa.Column("released_at", sa.String(40)))


def downgrade() -> None:
    """Drop what the upgrade added (the secret with it: pseudonyms made from it cannot be made again)."""
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("released_at")
    op.drop_index("comments_by_conversation", "comments")
    op.drop_table("comments")
    op.drop_table("settings")
