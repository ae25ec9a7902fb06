"""Access by unit on a PostgreSQL server: who is a member of which unit, and row-level security
that the server itself enforces, so that an EC's login sees and writes only her units' rows and
a VC's login reads its units' rows and writes nothing but its comment, whatever tool the login
is used from (the program, psql, Excel over ODBC).

On SQLite the membership table is made (the models are the same on both dialects) and nothing
else: a file has one user, and its protection is the file's own permissions.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

EC_ROLE = "enhetschef_ec"
VC_ROLE = "enhetschef_vc"

# The units a login may read (any membership) and write (an EC membership). Invoker's rights
# and keyed on current_user: unit_members' own policy shows a login only its own rows, so the
# functions cannot be asked about someone else. The primary key (user_name, unit_id) is the
# index on user_name that makes the lookup one index scan.
_READ_UNITS = "(SELECT enhetschef_read_units())"
_WRITE_UNITS = "(SELECT enhetschef_write_units())"

_FUNCTIONS = (
    """
    CREATE FUNCTION enhetschef_read_units() RETURNS SETOF integer
    LANGUAGE sql STABLE AS $$
        SELECT unit_id FROM unit_members WHERE user_name = current_user
    $$
    """,
    """
    CREATE FUNCTION enhetschef_write_units() RETURNS SETOF integer
    LANGUAGE sql STABLE AS $$
        SELECT unit_id FROM unit_members WHERE user_name = current_user AND role = 'ec'
    $$
    """,
)

# Which unit a row belongs to, as a condition on the row with `{units}` standing for the set of
# unit ids allowed. Every table that holds a unit's or a person's data is here; a table added
# later must be added in its own migration (tests/integration/test_postgres_access.py fails for
# a table of the models without row-level security that is not listed as shared there).
_UNIT = "unit_id IN {units}"
_EMPLOYEE = "employee_id IN (SELECT id FROM employees WHERE unit_id IN {units})"
_ROW_UNITS: dict[str, str] = {
    "audit_log": _UNIT,
    "budget_months": _UNIT,
    "care_talk_snoozes": _UNIT,
    "care_talks": _UNIT,
    "employees": _UNIT,
    "gallring_runs": _UNIT,
    "import_batches": _UNIT,
    "incident_number_series": _UNIT,
    "incidents": _UNIT,
    "month_aggregates": _UNIT,
    "month_reports": _UNIT,
    "month_sync_jobs": _UNIT,
    "overtime_requests": _UNIT,
    "schedule_covers": _UNIT,
    "schedule_rows": _UNIT,
    "setting_changes": _UNIT,
    "shared_workbook_targets": _UNIT,
    "shift_types": _UNIT,
    "staffing_needs": _UNIT,
    "absences": _EMPLOYEE,
    "delegations": _EMPLOYEE,
    "exit_talks": _EMPLOYEE,
    "intro_checks": _EMPLOYEE,
    "review_talks": _EMPLOYEE,
    "salary_talks": _EMPLOYEE,
    "trainings": _EMPLOYEE,
    "import_batch_items": "batch_id IN (SELECT id FROM import_batches WHERE unit_id IN {units})",
    "incident_actions": "incident_id IN (SELECT id FROM incidents WHERE unit_id IN {units})",
    "incident_events": "incident_id IN (SELECT id FROM incidents WHERE unit_id IN {units})",
    "overtime_decisions": (
        "request_id IN (SELECT id FROM overtime_requests WHERE unit_id IN {units})"
    ),
    "review_goals": (
        "talk_id IN (SELECT t.id FROM review_talks t JOIN employees e ON e.id = t.employee_id "
        "WHERE e.unit_id IN {units})"
    ),
    "shift_type_competences": (
        "shift_type_id IN (SELECT id FROM shift_types WHERE unit_id IN {units})"
    ),
}

# Read by every login, written only by the owner: the units themselves (created by whoever
# runs the program as the owner), and the neighbour links, because a link opens a unit's staff
# availability to another unit: that is the förvaltning's decision, not one EC's.
_READ_ONLY_SHARED = ("units", "alembic_version")
# Catalogues every unit shares (training kinds, the introduction checklist, file layouts):
# nobody's personal data, and an EC adds to them from the program.
_SHARED_CATALOGUES = ("import_column_mappings", "intro_items", "training_kinds")

# A VC may change one column of a month report, its own comment. The column privilege covers a
# VC-only login; the trigger covers a login that is EC of one unit (and so holds UPDATE on the
# whole table) and VC of another.
_VC_COMMENT_ONLY = """
CREATE FUNCTION enhetschef_vc_comment_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM unit_members
        WHERE user_name = current_user AND unit_id = OLD.unit_id AND role = 'vc'
    ) AND (to_jsonb(NEW) - 'vc_comment') IS DISTINCT FROM (to_jsonb(OLD) - 'vc_comment') THEN
        RAISE EXCEPTION 'a VC may change only the VC comment of a month report'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$
"""

# Neighbour units' staff for the cover ranking: who works there, their shifts and what they
# are qualified for, and nothing else (no absences, talks or salaries). The views run with the
# owner's rights (the owner is exempt from the tables' policies) and so filter by themselves;
# security_barrier keeps a caller's own functions in a WHERE from seeing rows the filter drops.
_NEIGHBOUR_UNITS = (
    "(SELECT n.neighbour_id FROM unit_neighbours n "
    "WHERE n.unit_id IN (SELECT enhetschef_write_units()))"
)
_VIEWS = {
    "neighbour_staff": f"""
        SELECT e.id AS employee_id, e.name, e.unit_id, u.code AS unit_code
        FROM employees e JOIN units u ON u.id = e.unit_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
          AND (e.end_date IS NULL OR e.end_date >= current_date)
    """,
    "neighbour_shifts": f"""
        SELECT s.employee_id, s.unit_id, s.work_date, s.start_time, s.end_time
        FROM schedule_rows s
        WHERE s.employee_id IS NOT NULL AND s.unit_id IN {_NEIGHBOUR_UNITS}
    """,
    "neighbour_qualifications": f"""
        SELECT d.employee_id, d.task AS competence, d.valid_from,
               least(d.valid_to, d.ended_on) AS valid_to
        FROM delegations d JOIN employees e ON e.id = d.employee_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
        UNION ALL
        SELECT t.employee_id, k.name, t.completed_on, t.valid_until
        FROM trainings t JOIN employees e ON e.id = t.employee_id
        JOIN training_kinds k ON k.id = t.training_kind_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
    """,
}


def _create_group_roles() -> None:
    # Roles belong to the whole server, not one database: another database on the same server
    # may have made them already, perhaps at this very moment.
    for role in (EC_ROLE, VC_ROLE):
        op.execute(
            f"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """
        )


def _policies(table: str, rule: str) -> list[str]:
    read = rule.format(units=_READ_UNITS)
    write = rule.format(units=_WRITE_UNITS)
    if table == "audit_log":
        # Entries are only ever added (the triggers refuse the rest), and an entry's unit is
        # what it was written for.
        write_policy = (
            f"CREATE POLICY audit_log_ec_add ON audit_log FOR INSERT TO {EC_ROLE} "
            f"WITH CHECK ({write})"
        )
        gallring = (
            f"CREATE POLICY audit_log_ec_gallring ON audit_log FOR UPDATE TO {EC_ROLE} "
            f"USING ({write}) WITH CHECK ({write})"
        )
        extra = [gallring]
    else:
        write_policy = (
            f"CREATE POLICY {table}_ec_write ON {table} FOR ALL TO {EC_ROLE} "
            f"USING ({write}) WITH CHECK ({write})"
        )
        extra = []
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY {table}_read ON {table} FOR SELECT TO {EC_ROLE}, {VC_ROLE} USING ({read})",
        write_policy,
        *extra,
    ]


def _upgrade_postgresql() -> None:
    _create_group_roles()
    for function in _FUNCTIONS:
        op.execute(function)
    op.execute("ALTER TABLE unit_members ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY unit_members_own ON unit_members FOR SELECT TO {EC_ROLE}, {VC_ROLE} "
        "USING (user_name = current_user)"
    )
    op.execute(f"GRANT SELECT ON unit_members TO {EC_ROLE}, {VC_ROLE}")

    for table, rule in _ROW_UNITS.items():
        for statement in _policies(table, rule):
            op.execute(statement)
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {EC_ROLE}")
        op.execute(f"GRANT SELECT ON {table} TO {VC_ROLE}")
    op.execute(f"REVOKE UPDATE, DELETE ON audit_log FROM {EC_ROLE}")
    # Gallring's one change of an entry: the triggers of 0009 decide what may change.
    op.execute(f"GRANT UPDATE (before_json, after_json) ON audit_log TO {EC_ROLE}")

    # Neighbour links: read by the members of either unit of a link, written by the owner.
    op.execute("ALTER TABLE unit_neighbours ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY unit_neighbours_read ON unit_neighbours FOR SELECT "
        f"TO {EC_ROLE}, {VC_ROLE} "
        f"USING (unit_id IN {_READ_UNITS} OR neighbour_id IN {_READ_UNITS})"
    )
    for table in (*_READ_ONLY_SHARED, "unit_neighbours"):
        op.execute(f"GRANT SELECT ON {table} TO {EC_ROLE}, {VC_ROLE}")
    for table in _SHARED_CATALOGUES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {EC_ROLE}")
        op.execute(f"GRANT SELECT ON {table} TO {VC_ROLE}")

    # The global settings (no unit) are read by everyone; a unit's own only by its members.
    op.execute("DROP POLICY setting_changes_read ON setting_changes")
    op.execute(
        f"CREATE POLICY setting_changes_read ON setting_changes FOR SELECT "
        f"TO {EC_ROLE}, {VC_ROLE} USING (unit_id IS NULL OR unit_id IN {_READ_UNITS})"
    )

    op.execute(
        f"CREATE POLICY month_reports_vc_comment ON month_reports FOR UPDATE TO {VC_ROLE} "
        f"USING (unit_id IN {_READ_UNITS}) WITH CHECK (unit_id IN {_READ_UNITS})"
    )
    op.execute(f"GRANT UPDATE (vc_comment) ON month_reports TO {VC_ROLE}")
    op.execute(_VC_COMMENT_ONLY)
    op.execute(
        "CREATE TRIGGER month_reports_vc_comment_only BEFORE UPDATE ON month_reports "
        "FOR EACH ROW EXECUTE FUNCTION enhetschef_vc_comment_only()"
    )

    schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {EC_ROLE}')

    for name, query in _VIEWS.items():
        op.execute(f"CREATE VIEW {name} WITH (security_barrier) AS {query}")
        op.execute(f"GRANT SELECT ON {name} TO {EC_ROLE}")


def upgrade() -> None:
    op.create_table(
        "unit_members",
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(2), nullable=False),
        sa.CheckConstraint("role IN ('ec', 'vc')", name="ck_unit_members_role"),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_unit_members_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("user_name", "unit_id", name="pk_unit_members"),
    )
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()


def _downgrade_postgresql() -> None:
    for name in _VIEWS:
        op.execute(f"DROP VIEW {name}")
    op.execute("DROP TRIGGER month_reports_vc_comment_only ON month_reports")
    op.execute("DROP FUNCTION enhetschef_vc_comment_only()")
    tables = [*_ROW_UNITS, "unit_neighbours"]
    for table in tables:
        policies = op.get_bind().execute(
            sa.text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": table}
        )
        for (policy,) in policies.fetchall():
            op.execute(f"DROP POLICY {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
    # The group roles stay: other databases on the server may use them.
    for role in (EC_ROLE, VC_ROLE):
        op.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}')
        op.execute(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _downgrade_postgresql()
    op.drop_table("unit_members")
    if op.get_bind().dialect.name == "postgresql":
        for function in ("enhetschef_read_units", "enhetschef_write_units"):
            op.execute(f"DROP FUNCTION {function}()")
