"""Schema och dagsuppföljning: covers of empty rows and remembered import column mappings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedule_covers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("released_row_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_schedule_covers_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["schedule_rows.id"],
            ondelete="CASCADE",
            name="fk_schedule_covers_row_id_schedule_rows",
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="CASCADE",
            name="fk_schedule_covers_employee_id_employees",
        ),
        sa.ForeignKeyConstraint(
            ["released_row_id"],
            ["schedule_rows.id"],
            ondelete="SET NULL",
            name="fk_schedule_covers_released_row_id_schedule_rows",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_schedule_covers"),
        sa.UniqueConstraint("row_id", name="uq_schedule_covers_row_id"),
    )
    op.create_index("ix_schedule_covers_employee_id", "schedule_covers", ["employee_id"])
    op.create_index("ix_schedule_covers_unit_id", "schedule_covers", ["unit_id"])
    op.create_table(
        "import_column_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("layout_key", sa.String(64), nullable=False),
        sa.Column("headers_json", sa.Text(), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        sa.Column("saved_by", sa.String(100), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_column_mappings"),
        sa.UniqueConstraint("kind", "layout_key", name="uq_import_column_mappings_kind_layout_key"),
    )


def downgrade() -> None:
    op.drop_table("import_column_mappings")
    op.drop_index("ix_schedule_covers_unit_id", table_name="schedule_covers")
    op.drop_index("ix_schedule_covers_employee_id", table_name="schedule_covers")
    op.drop_table("schedule_covers")
