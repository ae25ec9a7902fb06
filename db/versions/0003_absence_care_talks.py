"""Frånvaro och omtankessamtal (talks, snoozes, ...)

Reserved for issue 5: that work fills in upgrade() and downgrade(). Until then the
revision changes nothing, so the chain of revisions stays whole.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
