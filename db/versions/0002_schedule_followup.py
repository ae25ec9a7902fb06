"""Schema och dagsuppföljning (covers, remembered import mappings, ...)

Reserved for issue 4: that work fills in upgrade() and downgrade(). Until then the
revision changes nothing, so the chain of revisions stays whole.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
