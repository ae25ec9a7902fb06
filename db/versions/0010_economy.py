"""Personalekonomi: the unit's budget and booked utfall per month, and an hourly rate (timlön)
per employee.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _unit_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["unit_id"], ["units.id"], ondelete="CASCADE", name=f"fk_{table}_unit_id_units"
    )


def upgrade() -> None:
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("hourly_rate_ore", sa.Integer(), nullable=True))
    op.create_table(
        "budget_months",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("cost_ore", sa.Integer(), nullable=True),
        sa.Column("fte", sa.String(20), nullable=True),
        sa.Column("outcome_ore", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(100), nullable=False),
        _unit_fk("budget_months"),
        sa.PrimaryKeyConstraint("id", name="pk_budget_months"),
        sa.UniqueConstraint("unit_id", "month", name="uq_budget_months_unit_id_month"),
    )


def downgrade() -> None:
    op.drop_table("budget_months")
    with op.batch_alter_table("employees") as batch:
        batch.drop_column("hourly_rate_ore")
