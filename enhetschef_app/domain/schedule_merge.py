"""Matching an imported schedule against the rows stored for the same period.

An import replaces the period the file covers, but a row that is still there keeps its id, so
what hangs on it (a cover recorded on it, its history) survives a re-import. Rows are matched in
passes, each only among what earlier passes left over, the file's rows in file order:

1. the same row exactly: unchanged;
2. the same day and the same person: updated (new times or code);
3. the same day, times and code: updated (another person, or a vacancy filled or opened).

File rows left over are created; stored rows left over are removed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import NamedTuple


class RowValues(NamedTuple):
    """One row's values; a tuple, so that thousands of them hash and compare fast."""

    work_date: date
    start: time
    end: time
    break_minutes: int
    shift_code: str | None
    employee_id: int | None  # None: a vacant row


@dataclass
class MergePlan:
    unchanged: list[tuple[int, int]] = field(default_factory=list)  # (stored id, file index)
    updated: list[tuple[int, int]] = field(default_factory=list)
    created: list[int] = field(default_factory=list)  # file indexes
    removed: list[int] = field(default_factory=list)  # stored ids

    @property
    def changes(self) -> int:
        return len(self.updated) + len(self.created) + len(self.removed)


_Key = Callable[[RowValues], Hashable | None]


def _exact(row: RowValues) -> Hashable:
    return row


def _same_person(row: RowValues) -> Hashable | None:
    return None if row.employee_id is None else (row.work_date, row.employee_id)


def _same_slot(row: RowValues) -> Hashable:
    return (row.work_date, row.start, row.end, row.shift_code)


PASSES: tuple[_Key, ...] = (_exact, _same_person, _same_slot)


def merge_rows(stored: Sequence[tuple[int, RowValues]], incoming: Sequence[RowValues]) -> MergePlan:
    plan = MergePlan()
    left_stored = dict(stored)  # id -> values, in id order
    left_incoming = list(range(len(incoming)))
    for number, key in enumerate(PASSES):
        if not left_stored or not left_incoming:
            break
        pool: dict[Hashable, list[int]] = defaultdict(list)
        for row_id in sorted(left_stored):
            found = key(left_stored[row_id])
            if found is not None:
                pool[found].append(row_id)
        still_left: list[int] = []
        for index in left_incoming:
            found = key(incoming[index])
            match = pool.get(found) if found is not None else None
            if not match:
                still_left.append(index)
                continue
            row_id = match.pop(0)
            del left_stored[row_id]
            (plan.unchanged if number == 0 else plan.updated).append((row_id, index))
        left_incoming = still_left
    plan.created = left_incoming
    plan.removed = sorted(left_stored)
    return plan
