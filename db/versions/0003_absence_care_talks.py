"""Frånvaro och omtankessamtal: the talks and the snoozed signals.

Absences themselves are in 0001's `absences`; this adds what the omtankessamtal workflow keeps.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "care_talks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("signal_date", sa.Date(), nullable=False),
        sa.Column("occasions", sa.Integer(), nullable=False),
        sa.Column("covers_from", sa.Date(), nullable=True),
        sa.Column("covers_through", sa.Date(), nullable=False),
        sa.Column("invited_date", sa.Date(), nullable=True),
        sa.Column("invited_time", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(120), nullable=True),
        sa.Column("invitations", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("support_text", sa.Text(), nullable=True),
        sa.Column("follow_up_date", sa.Date(), nullable=True),
        sa.Column("followed_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_note", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_care_talks_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="CASCADE",
            name="fk_care_talks_employee_id_employees",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_care_talks"),
    )
    op.create_index("ix_care_talks_unit_employee", "care_talks", ["unit_id", "employee_id"])
    op.create_table(
        "care_talk_snoozes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            ondelete="CASCADE",
            name="fk_care_talk_snoozes_unit_id_units",
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="CASCADE",
            name="fk_care_talk_snoozes_employee_id_employees",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_care_talk_snoozes"),
    )
    op.create_index(
        "ix_care_talk_snoozes_unit_employee", "care_talk_snoozes", ["unit_id", "employee_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_care_talk_snoozes_unit_employee", table_name="care_talk_snoozes")
    op.drop_table("care_talk_snoozes")
    op.drop_index("ix_care_talks_unit_employee", table_name="care_talks")
    op.drop_table("care_talks")
