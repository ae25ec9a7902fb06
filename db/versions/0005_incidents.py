"""Avvikelser (reports, actions, ...)

Reserved for issue 7: that work fills in upgrade() and downgrade(). Until then the
revision changes nothing, so the chain of revisions stays whole.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
