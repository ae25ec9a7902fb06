"""Personuppgifter: who changed what from which machine, gallring runs and the month figures
kept as recorded aggregates once the rows behind them are culled.

The audit log stays append-only. Its update trigger now lets one change through: replacing the
before/after details of an entry with the gallring marker while a gallring run is open (a row
of `gallring_runs` without `finished_at`, opened and closed in the same transaction).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The text that replaces the details of a culled record; storage/audit_culling.py writes it.
MARKER = '{"gallrad": true}'

_APPEND_ONLY = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)

_APPEND_ONLY_BUT_CULLING = f"""
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    EXISTS (SELECT 1 FROM gallring_runs WHERE finished_at IS NULL)
    AND NEW.id = OLD.id
    AND NEW.at IS OLD.at
    AND NEW.actor IS OLD.actor
    AND NEW.unit_id IS OLD.unit_id
    AND NEW.action IS OLD.action
    AND NEW.entity IS OLD.entity
    AND NEW.entity_id IS OLD.entity_id
    AND NEW.os_user IS OLD.os_user
    AND NEW.machine IS OLD.machine
    AND (NEW.employee_id IS OLD.employee_id OR NEW.employee_id IS NULL)
    AND NEW.before_json IS (CASE WHEN OLD.before_json IS NULL THEN NULL ELSE '{MARKER}' END)
    AND NEW.after_json IS (CASE WHEN OLD.after_json IS NULL THEN NULL ELSE '{MARKER}' END)
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
"""


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("os_user", sa.String(100), nullable=True))
    op.add_column("audit_log", sa.Column("machine", sa.String(200), nullable=True))
    op.add_column("audit_log", sa.Column("employee_id", sa.Integer(), nullable=True))
    op.create_index("ix_audit_log_employee_id", "audit_log", ["employee_id"])
    op.create_table(
        "gallring_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_gallring_runs_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_gallring_runs"),
    )
    op.create_table(
        "month_aggregates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_month_aggregates_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_month_aggregates"),
        sa.UniqueConstraint("unit_id", "month", name="uq_month_aggregates_unit_id_month"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_update ON audit_log")
        op.execute(_POSTGRES_CULLING_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_only_culled()"
        )
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute(_APPEND_ONLY_BUT_CULLING)


# The same exception on PostgreSQL, where `IS NOT DISTINCT FROM` is SQLite's `IS`; anything
# else is refused as before (audit_log_append_only() of 0001, SQLSTATE 23001).
_POSTGRES_CULLING_FUNCTION = f"""
CREATE FUNCTION audit_log_only_culled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM gallring_runs WHERE finished_at IS NULL)
        AND NEW.id = OLD.id
        AND NEW.at IS NOT DISTINCT FROM OLD.at
        AND NEW.actor IS NOT DISTINCT FROM OLD.actor
        AND NEW.unit_id IS NOT DISTINCT FROM OLD.unit_id
        AND NEW.action IS NOT DISTINCT FROM OLD.action
        AND NEW.entity IS NOT DISTINCT FROM OLD.entity
        AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
        AND NEW.os_user IS NOT DISTINCT FROM OLD.os_user
        AND NEW.machine IS NOT DISTINCT FROM OLD.machine
        AND (NEW.employee_id IS NOT DISTINCT FROM OLD.employee_id OR NEW.employee_id IS NULL)
        AND NEW.before_json IS NOT DISTINCT FROM
            (CASE WHEN OLD.before_json IS NULL THEN NULL ELSE '{MARKER}' END)
        AND NEW.after_json IS NOT DISTINCT FROM
            (CASE WHEN OLD.after_json IS NULL THEN NULL ELSE '{MARKER}' END)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
END $$
"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_update ON audit_log")
        op.execute("DROP FUNCTION audit_log_only_culled()")
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute(_APPEND_ONLY)
    op.drop_table("month_aggregates")
    op.drop_table("gallring_runs")
    op.drop_index("ix_audit_log_employee_id", table_name="audit_log")
    with op.batch_alter_table("audit_log", recreate="never") as batch:
        batch.drop_column("employee_id")
        batch.drop_column("machine")
        batch.drop_column("os_user")
