"""The first gradebook: rounds, conversations and the trainee's lines.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables."""
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("spec_sha256", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.String(64), sa.ForeignKey("rounds.id"), nullable=False),
        sa.Column("trainee", sa.Text, nullable=False),
        sa.Column("scenario_id", sa.String(64), nullable=False),
        sa.Column("scenario_source", sa.Text, nullable=False),
        sa.Column("scenario_sha256", sa.String(64), nullable=False),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("turn_limit", sa.Integer, nullable=False),
        sa.Column("engine", sa.String(40), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("ended_at", sa.String(40)),
        sa.Column("end_reason", sa.String(20)),
        sa.Column("recorded_final_state", sa.String(20)),
        sa.Column("recorded_peak_state", sa.String(20)),
        sa.UniqueConstraint("round_id", "trainee", "scenario_id", name="one_conversation_per_scenario"),
    )
    op.create_index("conversations_by_round", "conversations", ["round_id", "trainee"])
    op.create_table(
        "turns",
        sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("trainee_line", sa.Text, nullable=False),
        sa.Column("recorded_state_after", sa.String(20), nullable=False),
        sa.Column("recorded_openness_after", sa.Float, nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("turns")
    op.drop_index("conversations_by_round", "conversations")
    op.drop_table("conversations")
    op.drop_table("rounds")
