"""The VC's comment on a unit's month goes into the audit log, as the EC's does.

Under 0011 a VC login writes one thing, the VC comment of a month report, and may add nothing
to the audit log (its insert policy is for EC logins). A decision the VC writes into a unit's
month must be traceable like the EC's, so a VC may add exactly one kind of entry: action
'vc_kommentar' for a unit she is a member of. The entry holds the comment's length, not its
text, as the EC's comment's entry does.

On SQLite nothing changes: a file has one user.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

VC_ROLE = "enhetschef_vc"
VC_COMMENT_ACTION = "vc_kommentar"


def _sequence() -> str | None:
    found = op.get_bind().execute(sa.text("SELECT pg_get_serial_sequence('audit_log', 'id')"))
    return found.scalar_one_or_none()


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE POLICY audit_log_vc_comment ON audit_log FOR INSERT TO {VC_ROLE} "
        f"WITH CHECK (action = '{VC_COMMENT_ACTION}' "
        "AND unit_id IN (SELECT enhetschef_read_units()))"
    )
    op.execute(f"GRANT INSERT ON audit_log TO {VC_ROLE}")
    sequence = _sequence()
    if sequence is not None:
        op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {VC_ROLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    sequence = _sequence()
    if sequence is not None:
        op.execute(f"REVOKE USAGE ON SEQUENCE {sequence} FROM {VC_ROLE}")
    op.execute(f"REVOKE INSERT ON audit_log FROM {VC_ROLE}")
    op.execute("DROP POLICY audit_log_vc_comment ON audit_log")
