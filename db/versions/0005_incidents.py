"""Avvikelser: reports, their actions, their timeline and the per-year number series.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_number_series",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            ondelete="CASCADE",
            name="fk_incident_number_series_unit_id_units",
        ),
        sa.PrimaryKeyConstraint("unit_id", "year", name="pk_incident_number_series"),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("occurred_at", sa.Time(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("reporter", sa.String(200), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("track", sa.String(20), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("immediate_action", sa.Text(), nullable=False),
        sa.Column("investigation_done_on", sa.Date(), nullable=True),
        sa.Column("investigation_note", sa.Text(), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=True),
        sa.Column("serious_decided_on", sa.Date(), nullable=True),
        sa.Column("reported_to_ivo_on", sa.Date(), nullable=True),
        sa.Column("handed_to_mas_on", sa.Date(), nullable=True),
        sa.Column("work_environment_kind", sa.String(20), nullable=True),
        sa.Column("reported_to_av_on", sa.Date(), nullable=True),
        sa.Column("reported_to_fk_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_incidents_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
        sa.UniqueConstraint(
            "unit_id", "year", "sequence", name="uq_incidents_unit_id_year_sequence"
        ),
    )
    op.create_index("ix_incidents_unit_occurred", "incidents", ["unit_id", "occurred_on"])
    op.create_index("ix_incidents_unit_state", "incidents", ["unit_id", "state"])
    op.create_table(
        "incident_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            ondelete="CASCADE",
            name="fk_incident_actions_incident_id_incidents",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incident_actions"),
    )
    op.create_index("ix_incident_actions_incident_id", "incident_actions", ["incident_id"])
    op.create_table(
        "incident_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("step", sa.String(40), nullable=True),
        sa.Column("old_value", sa.String(200), nullable=True),
        sa.Column("new_value", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            ondelete="CASCADE",
            name="fk_incident_events_incident_id_incidents",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incident_events"),
    )
    op.create_index("ix_incident_events_incident_at", "incident_events", ["incident_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_incident_events_incident_at", table_name="incident_events")
    op.drop_table("incident_events")
    op.drop_index("ix_incident_actions_incident_id", table_name="incident_actions")
    op.drop_table("incident_actions")
    op.drop_index("ix_incidents_unit_state", table_name="incidents")
    op.drop_index("ix_incidents_unit_occurred", table_name="incidents")
    op.drop_table("incidents")
    op.drop_table("incident_number_series")
