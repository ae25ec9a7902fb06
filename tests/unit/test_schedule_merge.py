"""Matching an imported schedule against the stored period: ids kept where rows match."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.schedule_merge import RowValues, merge_rows

DAY = date(2026, 11, 16)


def values(employee: int | None, start: int = 7, day: int = 0, code: str = "D") -> RowValues:
    return RowValues(
        date(2026, 11, 16 + day), time(start), time((start + 8) % 24), 30, code, employee
    )


def test_the_same_rows_are_unchanged_whatever_their_order() -> None:
    stored = [(10, values(1)), (11, values(None)), (12, values(2, 13, code="K"))]
    plan = merge_rows(stored, [values(2, 13, code="K"), values(None), values(1)])
    assert sorted(plan.unchanged) == [(10, 2), (11, 1), (12, 0)]
    assert plan.changes == 0


def test_new_times_for_the_same_person_and_day_update_the_row_in_place() -> None:
    plan = merge_rows([(10, values(1, 7))], [values(1, 13, code="K")])
    assert plan.updated == [(10, 0)] and not plan.created and not plan.removed


def test_a_vacancy_filled_updates_the_vacant_row() -> None:
    plan = merge_rows([(10, values(None)), (11, values(2))], [values(3), values(2)])
    assert plan.unchanged == [(11, 1)]
    assert plan.updated == [(10, 0)]


def test_rows_no_longer_in_the_file_are_removed_and_new_ones_created() -> None:
    plan = merge_rows([(10, values(1)), (11, values(2, day=1))], [values(1), values(3, day=2)])
    assert plan.unchanged == [(10, 0)]
    assert plan.created == [1]
    assert plan.removed == [11]


rows = st.builds(
    values,
    st.one_of(st.none(), st.integers(1, 4)),
    st.sampled_from([7, 13, 21]),
    st.integers(0, 2),
    st.sampled_from(["D", "K", "N"]),
)


@given(st.lists(rows, max_size=12), st.lists(rows, max_size=12))
def test_every_stored_row_and_file_row_is_accounted_for_exactly_once(
    stored_values: list[RowValues], incoming: list[RowValues]
) -> None:
    stored = list(enumerate(stored_values, start=100))
    plan = merge_rows(stored, incoming)
    used_ids = [i for i, _ in plan.unchanged + plan.updated] + plan.removed
    used_rows = [j for _, j in plan.unchanged + plan.updated] + plan.created
    assert sorted(used_ids) == [i for i, _ in stored]
    assert sorted(used_rows) == list(range(len(incoming)))
    by_id = dict(stored)
    assert all(by_id[i] == incoming[j] for i, j in plan.unchanged)


@given(st.lists(rows, max_size=15))
def test_importing_the_stored_rows_again_changes_nothing(stored_values: list[RowValues]) -> None:
    stored = list(enumerate(stored_values, start=1))
    assert merge_rows(stored, stored_values).changes == 0
