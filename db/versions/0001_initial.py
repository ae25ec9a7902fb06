"""Units, staff, shift types, staffing need, schedule, absences, settings and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("code", name="uq_units_code"),
    )
    op.create_table(
        "unit_neighbours",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("neighbour_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_unit_neighbours_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["neighbour_id"],
            ["units.id"],
            ondelete="CASCADE",
            name="fk_unit_neighbours_neighbour_id_units",
        ),
        sa.PrimaryKeyConstraint("unit_id", "neighbour_id", name="pk_unit_neighbours"),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_no", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("employment_form", sa.String(20), nullable=False),
        sa.Column("grade_percent", sa.String(20), nullable=True),
        sa.Column("fulltime_week_minutes", sa.Integer(), nullable=True),
        sa.Column("monthly_salary", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(40), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_employees_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_employees"),
        sa.UniqueConstraint("unit_id", "employee_no", name="uq_employees_unit_id_employee_no"),
    )
    op.create_index("ix_employees_unit_id", "employees", ["unit_id"])
    op.create_table(
        "shift_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(10), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_shift_types_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shift_types"),
        sa.UniqueConstraint("unit_id", "code", name="uq_shift_types_unit_id_code"),
    )
    op.create_index("ix_shift_types_unit_id", "shift_types", ["unit_id"])
    op.create_table(
        "staffing_needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("band_start", sa.Time(), nullable=False),
        sa.Column("band_end", sa.Time(), nullable=False),
        sa.Column("staff_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_staffing_needs_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_staffing_needs"),
        sa.UniqueConstraint(
            "unit_id", "weekday", "band_start", name="uq_staffing_needs_unit_id_weekday_band_start"
        ),
    )
    op.create_index("ix_staffing_needs_unit_id", "staffing_needs", ["unit_id"])
    op.create_table(
        "schedule_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("shift_code", sa.String(10), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_schedule_rows_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="SET NULL",
            name="fk_schedule_rows_employee_id_employees",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_schedule_rows"),
    )
    op.create_index("ix_schedule_rows_unit_day", "schedule_rows", ["unit_id", "work_date"])
    op.create_index("ix_schedule_rows_employee_day", "schedule_rows", ["employee_id", "work_date"])
    op.create_table(
        "absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("extent_percent", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            ondelete="CASCADE",
            name="fk_absences_employee_id_employees",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_absences"),
    )
    op.create_index("ix_absences_employee_start", "absences", ["employee_id", "start_date"])
    op.create_table(
        "setting_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_setting_changes_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_setting_changes"),
    )
    op.create_index("ix_setting_changes_key", "setting_changes", ["unit_id", "key", "changed_at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_id", sa.String(60), nullable=True),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="SET NULL", name="fk_audit_log_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    # The audit log is append-only: the database itself refuses to rewrite history.
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRES_APPEND_ONLY:
            op.execute(statement)
        return
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


# PostgreSQL's triggers call a function; its error is an integrity violation (SQLSTATE 23001),
# as SQLite's RAISE(ABORT) is a constraint error. TRUNCATE, which SQLite does not have, is
# refused too: it would empty the log without a DELETE trigger firing.
_POSTGRES_APPEND_ONLY = (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation'; "
    "END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in ("audit_log_no_truncate", "audit_log_no_delete", "audit_log_no_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    for table in (
        "audit_log",
        "setting_changes",
        "absences",
        "schedule_rows",
        "staffing_needs",
        "shift_types",
        "employees",
        "unit_neighbours",
        "units",
    ):
        op.drop_table(table)
