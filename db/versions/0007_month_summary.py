"""Månadsrapport: the EC's comments, months marked klar with their figures, the sync queue.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _unit_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["unit_id"], ["units.id"], ondelete="CASCADE", name=f"fk_{table}_unit_id_units"
    )


def upgrade() -> None:
    op.create_table(
        "month_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("ec_comment", sa.Text(), nullable=False),
        sa.Column("comment_changed_at", sa.DateTime(), nullable=True),
        sa.Column("comment_changed_by", sa.String(100), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.Column("reported_json", sa.Text(), nullable=True),
        sa.Column("vc_comment", sa.Text(), nullable=True),
        sa.Column("vc_comment_read_at", sa.DateTime(), nullable=True),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.Column("synced_to", sa.Text(), nullable=True),
        sa.Column("synced_json", sa.Text(), nullable=True),
        _unit_fk("month_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_month_reports"),
        sa.UniqueConstraint("unit_id", "month", name="uq_month_reports_unit_id_month"),
    )
    op.create_table(
        "month_sync_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("workbook", sa.Text(), nullable=False),
        sa.Column("sheet", sa.String(31), nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        _unit_fk("month_sync_jobs"),
        sa.PrimaryKeyConstraint("id", name="pk_month_sync_jobs"),
    )
    op.create_index("ix_month_sync_jobs_unit_state", "month_sync_jobs", ["unit_id", "state"])
    op.create_table(
        "shared_workbook_targets",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("workbook", sa.Text(), nullable=False),
        sa.Column("sheet", sa.String(31), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(100), nullable=False),
        _unit_fk("shared_workbook_targets"),
        sa.PrimaryKeyConstraint("unit_id", name="pk_shared_workbook_targets"),
    )


def downgrade() -> None:
    op.drop_table("shared_workbook_targets")
    op.drop_index("ix_month_sync_jobs_unit_state", table_name="month_sync_jobs")
    op.drop_table("month_sync_jobs")
    op.drop_table("month_reports")
