"""Import batches: what each schedule import created, changed and removed, to undo the last.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("backup", sa.Text(), nullable=True),
        sa.Column("imported_by", sa.String(100), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("undone_by", sa.String(100), nullable=True),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_import_batches_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_batches"),
    )
    op.create_index("ix_import_batches_unit_kind", "import_batches", ["unit_id", "kind"])
    op.create_table(
        "import_batch_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(10), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            ondelete="CASCADE",
            name="fk_import_batch_items_batch_id_import_batches",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_batch_items"),
    )
    op.create_index("ix_import_batch_items_batch_id", "import_batch_items", ["batch_id"])


def downgrade() -> None:
    op.drop_index("ix_import_batch_items_batch_id", table_name="import_batch_items")
    op.drop_table("import_batch_items")
    op.drop_index("ix_import_batches_unit_kind", table_name="import_batches")
    op.drop_table("import_batches")
