"""Covers across units on a PostgreSQL server (Sambandscentral, issue 22 point 2).

1. A cover lent across units shows in both units. The cover row and the covered schedule row
   belong to the unit whose row was empty (A); the person who covers belongs to another (B).
   Under 0011 the members of B could read neither, so B's dagsuppföljning and week did not
   show the shift its person works in A. Two narrow read policies add exactly that: members
   of B read the covers whose covering employee is one of B's (the employees' own policy
   decides which those are), and the schedule rows those covers are of.

2. The cover ranking across the server. An EC of A only ranks B's staff (a neighbour unit) for
   A's empty rows; row-level security hides B's tables from her, and 0011's neighbour views
   give name, planned times and qualifications but not what the ranking needs to put a person
   in the right place. Four more owner-rights views, filtered like 0011's (the neighbours of
   the units the login is EC of), give it and nothing more:
   - neighbour_staff_terms: employee number, employment form, employment degree, own
     full-time week and employment dates (the cost order: resurspass, mertid, timavlönad,
     övertid);
   - neighbour_work: the shifts the neighbours' staff work with rast, shift code and whether
     it is a resurspass, their covers in any unit included (dygnsvila, veckovila, overlap);
   - neighbour_extra_work: their approved övertid and mertid that is not a cover (worked
     time as it turned out, which the rest rules count);
   - neighbour_unavailable: the dates a neighbour's employee is away, without kind or extent
     (an absent person must not be offered; why she is away stays in her own unit).

On SQLite nothing changes: a file has one user, who reads every unit.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

EC_ROLE = "enhetschef_ec"
VC_ROLE = "enhetschef_vc"

_READ_UNITS = "(SELECT enhetschef_read_units())"
_OWN_EMPLOYEES = f"(SELECT id FROM employees WHERE unit_id IN {_READ_UNITS})"

_POLICIES = {
    "schedule_covers_lent_read": (
        "schedule_covers",
        f"employee_id IN {_OWN_EMPLOYEES}",
    ),
    "schedule_rows_lent_read": (
        "schedule_rows",
        f"id IN (SELECT c.row_id FROM schedule_covers c WHERE c.employee_id IN {_OWN_EMPLOYEES})",
    ),
}

_NEIGHBOUR_UNITS = (
    "(SELECT n.neighbour_id FROM unit_neighbours n "
    "WHERE n.unit_id IN (SELECT enhetschef_write_units()))"
)
_VIEWS = {
    "neighbour_staff_terms": f"""
        SELECT e.id AS employee_id, e.unit_id, e.employee_no, e.employment_form,
               e.grade_percent, e.fulltime_week_minutes, e.start_date, e.end_date
        FROM employees e
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
          AND (e.end_date IS NULL OR e.end_date >= current_date)
    """,
    "neighbour_work": f"""
        SELECT s.id AS row_id, s.employee_id, s.work_date, s.start_time, s.end_time,
               s.break_minutes, s.shift_code,
               EXISTS (SELECT 1 FROM shift_types t WHERE t.unit_id = s.unit_id
                       AND t.code = s.shift_code AND t.kind = 'resurs') AS is_resurspass
        FROM schedule_rows s JOIN employees e ON e.id = s.employee_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
        UNION ALL
        SELECT s.id, c.employee_id, s.work_date, s.start_time, s.end_time,
               s.break_minutes, s.shift_code, false
        FROM schedule_covers c JOIN schedule_rows s ON s.id = c.row_id
        JOIN employees e ON e.id = c.employee_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
    """,
    "neighbour_extra_work": f"""
        SELECT r.employee_id, r.work_date, r.start_time, r.end_time, r.break_start,
               r.break_end, (d.minutes_simple + d.minutes_qualified) > 0 AS is_overtime
        FROM overtime_requests r JOIN overtime_decisions d ON d.request_id = r.id
        JOIN employees e ON e.id = r.employee_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
          AND r.cover_id IS NULL AND d.verdict = 'approved'
          AND NOT EXISTS (SELECT 1 FROM overtime_decisions later
                          WHERE later.request_id = d.request_id AND later.id > d.id)
    """,
    "neighbour_unavailable": f"""
        SELECT a.employee_id, a.start_date, a.end_date
        FROM absences a JOIN employees e ON e.id = a.employee_id
        WHERE e.unit_id IN {_NEIGHBOUR_UNITS}
    """,
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (table, rule) in _POLICIES.items():
        op.execute(
            f"CREATE POLICY {name} ON {table} FOR SELECT TO {EC_ROLE}, {VC_ROLE} USING ({rule})"
        )
    for name, query in _VIEWS.items():
        op.execute(f"CREATE VIEW {name} WITH (security_barrier) AS {query}")
        op.execute(f"GRANT SELECT ON {name} TO {EC_ROLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in _VIEWS:
        op.execute(f"DROP VIEW {name}")
    for name, (table, _rule) in _POLICIES.items():
        op.execute(f"DROP POLICY {name} ON {table}")
