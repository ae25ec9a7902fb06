"""Övertid och mertid (requests, decisions, ...)

Reserved for issue 6: that work fills in upgrade() and downgrade(). Until then the
revision changes nothing, so the chain of revisions stays whole.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
