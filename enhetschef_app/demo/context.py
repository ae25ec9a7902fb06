"""What the demo's writing steps share. Its own module, so every step can name it without
importing the step runner (`unit.py`) that imports the steps."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WriteContext:
    """What the writing steps share: the unit, and the ids the saved employees got."""

    unit_id: int
    employee_ids: dict[int, int] = field(default_factory=dict)  # DemoPerson.index -> id
