"""Övertid och mertid: requests and the EC's decisions, decisions append-only.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_DECIDED = "EXISTS (SELECT 1 FROM overtime_decisions WHERE request_id = OLD.id)"
_TRIGGERS = {
    # A decision is never edited or deleted: a correction is a new decision.
    "overtime_decisions_no_update": (
        "BEFORE UPDATE ON overtime_decisions "
        "BEGIN SELECT RAISE(ABORT, 'overtime_decisions is append-only'); END"
    ),
    "overtime_decisions_no_delete": (
        "BEFORE DELETE ON overtime_decisions "
        "BEGIN SELECT RAISE(ABORT, 'overtime_decisions is append-only'); END"
    ),
    # A correction corrects a decision of the same request.
    "overtime_decisions_same_request": (
        "BEFORE INSERT ON overtime_decisions WHEN NEW.corrects_id IS NOT NULL AND "
        "(SELECT request_id FROM overtime_decisions WHERE id = NEW.corrects_id) "
        "IS NOT NEW.request_id "
        "BEGIN SELECT RAISE(ABORT, 'a correction must correct a decision of its request'); END"
    ),
    # What was decided on stays as it was: who, when and why the request was made.
    "overtime_requests_decided_no_update": (
        "BEFORE UPDATE OF unit_id, employee_id, work_date, start_time, end_time, break_start, "
        f"break_end, reason ON overtime_requests WHEN {_DECIDED} "
        "BEGIN SELECT RAISE(ABORT, 'a decided overtime request cannot change'); END"
    ),
    "overtime_requests_decided_no_delete": (
        f"BEFORE DELETE ON overtime_requests WHEN {_DECIDED} "
        "BEGIN SELECT RAISE(ABORT, 'a decided overtime request cannot be deleted'); END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "overtime_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("break_start", sa.Time(), nullable=True),
        sa.Column("break_end", sa.Time(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("compensation", sa.String(10), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("cover_id", sa.Integer(), nullable=True),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("absence_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_overtime_requests_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="CASCADE",
            name="fk_overtime_requests_employee_id_employees",
        ),
        sa.ForeignKeyConstraint(
            ["cover_id"],
            ["schedule_covers.id"],
            ondelete="SET NULL",
            name="fk_overtime_requests_cover_id_schedule_covers",
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["schedule_rows.id"],
            ondelete="SET NULL",
            name="fk_overtime_requests_row_id_schedule_rows",
        ),
        sa.ForeignKeyConstraint(
            ["absence_id"],
            ["absences.id"],
            ondelete="SET NULL",
            name="fk_overtime_requests_absence_id_absences",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_overtime_requests"),
        sa.UniqueConstraint("cover_id", name="uq_overtime_requests_cover_id"),
    )
    op.create_index("ix_overtime_requests_unit_day", "overtime_requests", ["unit_id", "work_date"])
    op.create_index(
        "ix_overtime_requests_employee_day", "overtime_requests", ["employee_id", "work_date"]
    )
    op.create_table(
        "overtime_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("over_limit_reason", sa.Text(), nullable=True),
        sa.Column("limits_passed", sa.String(100), nullable=False),
        sa.Column("decided_by", sa.String(100), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("compensation", sa.String(10), nullable=False),
        sa.Column("minutes_hourly", sa.Integer(), nullable=False),
        sa.Column("minutes_mertid", sa.Integer(), nullable=False),
        sa.Column("minutes_simple", sa.Integer(), nullable=False),
        sa.Column("minutes_qualified", sa.Integer(), nullable=False),
        sa.Column("cost_mertid_ore", sa.Integer(), nullable=False),
        sa.Column("cost_simple_ore", sa.Integer(), nullable=False),
        sa.Column("cost_qualified_ore", sa.Integer(), nullable=False),
        sa.Column("comp_hundredths", sa.Integer(), nullable=False),
        sa.Column("hourly_wage", sa.String(20), nullable=True),
        sa.Column("segments_json", sa.Text(), nullable=False),
        sa.Column("limits_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["overtime_requests.id"],
            ondelete="CASCADE",
            name="fk_overtime_decisions_request_id_overtime_requests",
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["overtime_decisions.id"],
            name="fk_overtime_decisions_corrects_id_overtime_decisions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_overtime_decisions"),
        sa.UniqueConstraint("corrects_id", name="uq_overtime_decisions_corrects_id"),
        sa.CheckConstraint(
            "verdict IN ('approved', 'rejected')", name="ck_overtime_decisions_verdict"
        ),
    )
    op.create_index("ix_overtime_decisions_request_id", "overtime_decisions", ["request_id"])
    # Only one first decision per request; every later one corrects its predecessor.
    op.create_index(
        "uq_overtime_decisions_first",
        "overtime_decisions",
        ["request_id"],
        unique=True,
        sqlite_where=sa.text("corrects_id IS NULL"),
        postgresql_where=sa.text("corrects_id IS NULL"),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRES_TRIGGERS:
            op.execute(statement)
        return
    for name, body in _TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


# The same rules on PostgreSQL: a trigger's WHEN there may not hold a subquery, so the
# functions look at the other rows themselves. Errors are integrity violations (SQLSTATE 23001),
# as SQLite's RAISE(ABORT) is a constraint error.
_POSTGRES_TRIGGERS = (
    "CREATE FUNCTION overtime_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'overtime_decisions is append-only' "
    "USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER overtime_decisions_no_update BEFORE UPDATE ON overtime_decisions "
    "FOR EACH ROW EXECUTE FUNCTION overtime_decisions_append_only()",
    "CREATE TRIGGER overtime_decisions_no_delete BEFORE DELETE ON overtime_decisions "
    "FOR EACH ROW EXECUTE FUNCTION overtime_decisions_append_only()",
    "CREATE TRIGGER overtime_decisions_no_truncate BEFORE TRUNCATE ON overtime_decisions "
    "FOR EACH STATEMENT EXECUTE FUNCTION overtime_decisions_append_only()",
    "CREATE FUNCTION overtime_decisions_same_request() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF (SELECT request_id FROM overtime_decisions WHERE id = NEW.corrects_id) "
    "IS DISTINCT FROM NEW.request_id THEN "
    "RAISE EXCEPTION 'a correction must correct a decision of its request' "
    "USING ERRCODE = 'restrict_violation'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER overtime_decisions_same_request BEFORE INSERT ON overtime_decisions "
    "FOR EACH ROW WHEN (NEW.corrects_id IS NOT NULL) "
    "EXECUTE FUNCTION overtime_decisions_same_request()",
    "CREATE FUNCTION overtime_requests_decided_unchanged() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ "
    "BEGIN IF EXISTS (SELECT 1 FROM overtime_decisions WHERE request_id = OLD.id) THEN "
    "IF TG_OP = 'DELETE' THEN "
    "RAISE EXCEPTION 'a decided overtime request cannot be deleted' "
    "USING ERRCODE = 'restrict_violation'; END IF; "
    "RAISE EXCEPTION 'a decided overtime request cannot change' "
    "USING ERRCODE = 'restrict_violation'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER overtime_requests_decided_no_update BEFORE UPDATE OF unit_id, employee_id, "
    "work_date, start_time, end_time, break_start, break_end, reason ON overtime_requests "
    "FOR EACH ROW EXECUTE FUNCTION overtime_requests_decided_unchanged()",
    "CREATE TRIGGER overtime_requests_decided_no_delete BEFORE DELETE ON overtime_requests "
    "FOR EACH ROW EXECUTE FUNCTION overtime_requests_decided_unchanged()",
)
_POSTGRES_FUNCTIONS = (
    "overtime_requests_decided_unchanged",
    "overtime_decisions_same_request",
    "overtime_decisions_append_only",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Dropping the functions with CASCADE drops the triggers that call them.
        for function in _POSTGRES_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}() CASCADE")
    else:
        for name in reversed(_TRIGGERS):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("uq_overtime_decisions_first", table_name="overtime_decisions")
    op.drop_index("ix_overtime_decisions_request_id", table_name="overtime_decisions")
    op.drop_table("overtime_decisions")
    op.drop_index("ix_overtime_requests_employee_day", table_name="overtime_requests")
    op.drop_index("ix_overtime_requests_unit_day", table_name="overtime_requests")
    op.drop_table("overtime_requests")
