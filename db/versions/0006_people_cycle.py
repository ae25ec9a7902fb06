"""Medarbetarsamtal och kompetens (talks, goals, trainings, delegations, exit talks, ...)

Reserved for issue 8: that work fills in upgrade() and downgrade(). Until then the
revision changes nothing, so the chain of revisions stays whole.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
