"""Medarbetarsamtal och kompetens: talks and goals, lönesamtal, recurring trainings, delegations,
the introduction checklist, exit talks and the competences a shift type requires.

The recurring trainings and the checklist's items start with the defaults below; the EC edits
them in the program.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (name, validity in months): yearly brandskydd, HLR and hygiene, sekretess every other year.
DEFAULT_TRAININGS = (
    ("Brandskydd", 12),
    ("HLR", 12),
    ("Sekretess och tystnadsplikt", 24),
    ("Basala hygienrutiner", 12),
)

# (title, days after the first working day)
DEFAULT_INTRO_ITEMS = (
    ("Välkomstsamtal med enhetschef", 0),
    ("Nycklar, tagg och larm", 0),
    ("Tystnadsplikt och sekretess: genomgång och underskrift", 0),
    ("Basala hygienrutiner och arbetskläder", 1),
    ("Brandskydd och utrymningsvägar", 3),
    ("Introduktionspass med handledare", 5),
    ("Dokumentation och verksamhetssystem", 7),
    ("Läkemedel och delegering: genomgång med sjuksköterska", 14),
    ("Schema, frånvaroanmälan och lönesystem", 14),
    ("Uppföljningssamtal efter en månad", 30),
    ("Uppföljningssamtal efter sex månader", 180),
)


def _employee_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["employee_id"],
        ["employees.id"],
        ondelete="CASCADE",
        name=f"fk_{table}_employee_id_employees",
    )


def upgrade() -> None:
    op.create_table(
        "review_talks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("planned_time", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(200), nullable=True),
        sa.Column("booked_at", sa.DateTime(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("followed_up_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _employee_fk("review_talks"),
        sa.PrimaryKeyConstraint("id", name="pk_review_talks"),
    )
    op.create_index("ix_review_talks_employee_held", "review_talks", ["employee_id", "held_on"])
    op.create_table(
        "review_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("talk_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("how", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("followed_up_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["talk_id"],
            ["review_talks.id"],
            ondelete="CASCADE",
            name="fk_review_goals_talk_id_review_talks",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_goals"),
    )
    op.create_index("ix_review_goals_talk_id", "review_goals", ["talk_id"])
    op.create_table(
        "salary_talks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("talk_date", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        _employee_fk("salary_talks"),
        sa.PrimaryKeyConstraint("id", name="pk_salary_talks"),
    )
    op.create_index("ix_salary_talks_employee_id", "salary_talks", ["employee_id"])
    training_kinds = op.create_table(
        "training_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("validity_months", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_training_kinds"),
        sa.UniqueConstraint("name", name="uq_training_kinds_name"),
    )
    op.create_table(
        "trainings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("training_kind_id", sa.Integer(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _employee_fk("trainings"),
        sa.ForeignKeyConstraint(
            ["training_kind_id"],
            ["training_kinds.id"],
            ondelete="CASCADE",
            name="fk_trainings_training_kind_id_training_kinds",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_trainings"),
    )
    op.create_index("ix_trainings_employee_kind", "trainings", ["employee_id", "training_kind_id"])
    op.create_table(
        "delegations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(200), nullable=False),
        sa.Column("delegated_by", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _employee_fk("delegations"),
        sa.PrimaryKeyConstraint("id", name="pk_delegations"),
    )
    op.create_index("ix_delegations_employee_to", "delegations", ["employee_id", "valid_to"])
    intro_items = op.create_table(
        "intro_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("due_days", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_intro_items"),
    )
    op.create_table(
        "intro_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        _employee_fk("intro_checks"),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["intro_items.id"],
            ondelete="CASCADE",
            name="fk_intro_checks_item_id_intro_items",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_intro_checks"),
        sa.UniqueConstraint("employee_id", "item_id", name="uq_intro_checks_employee_id_item_id"),
    )
    op.create_table(
        "exit_talks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _employee_fk("exit_talks"),
        sa.PrimaryKeyConstraint("id", name="pk_exit_talks"),
        sa.UniqueConstraint("employee_id", name="uq_exit_talks_employee_id"),
    )
    op.create_table(
        "shift_type_competences",
        sa.Column("shift_type_id", sa.Integer(), nullable=False),
        sa.Column("competence", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_type_id"],
            ["shift_types.id"],
            ondelete="CASCADE",
            name="fk_shift_type_competences_shift_type_id_shift_types",
        ),
        sa.PrimaryKeyConstraint("shift_type_id", "competence", name="pk_shift_type_competences"),
    )
    op.bulk_insert(
        training_kinds,
        [
            {"name": name, "validity_months": months, "position": position, "active": True}
            for position, (name, months) in enumerate(DEFAULT_TRAININGS)
        ],
    )
    op.bulk_insert(
        intro_items,
        [
            {"title": title, "due_days": days, "position": position, "active": True}
            for position, (title, days) in enumerate(DEFAULT_INTRO_ITEMS)
        ],
    )


def downgrade() -> None:
    for table in (
        "shift_type_competences",
        "exit_talks",
        "intro_checks",
        "intro_items",
        "delegations",
        "trainings",
        "training_kinds",
        "salary_talks",
        "review_goals",
        "review_talks",
    ):
        op.drop_table(table)
