"""Two people, one unit: every record a form edits carries a version, who changed it last and
when. A save names the version its form read; a save over someone else's newer change is
refused ("Ändrad av NN kl. HH:MM — läs in igen") instead of writing over it. The ORM checks the
version in every UPDATE (mapper `version_id_col`), so no save can slip past.

The new columns sit on tables under row-level security (0011): a policy is per row, so the
policies and grants stay as they are.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The records the services' update functions write from a form (settings are not here: each
# change of a setting is a new row, never an update).
VERSIONED_TABLES = (
    "absences",
    "care_talks",
    "employees",
    "incidents",
    "month_reports",
    "overtime_requests",
    "review_talks",
    "staffing_needs",
)


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN on both dialects (batch mode that never copies the table): a
    # copy of `employees` would drop the old table, and SQLite's foreign keys would then empty
    # the absences (CASCADE) and the schedule's employees (SET NULL) that point at it.
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )
            batch.add_column(sa.Column("changed_by", sa.String(100), nullable=True))
            batch.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place since 3.35 (the table is never copied, as above).
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.drop_column("changed_at")
            batch.drop_column("changed_by")
            batch.drop_column("version")
