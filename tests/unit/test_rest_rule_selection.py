"""Checking some rules only (the week grid leaves out the four-month average) finds exactly what
the full check finds for those rules."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.rest_rules import RestLimits, RestRule, check_rest_rules
from enhetschef_app.domain.shifts import Shift

START = date(2026, 10, 19)  # the week of the autumn clock change


@given(
    st.lists(
        st.tuples(st.integers(0, 27), st.integers(0, 23), st.integers(3, 13), st.booleans()),
        min_size=1,
        max_size=25,
    ),
    st.sets(st.sampled_from(list(RestRule)), min_size=1),
)
def test_a_selection_of_rules_is_the_full_check_filtered(
    plan: list[tuple[int, int, int, bool]], chosen: set[RestRule]
) -> None:
    shifts = [
        Shift("1", START + timedelta(days=d), time(h), time((h + n) % 24), 30 if rast else 0)
        for d, h, n, rast in plan
    ]
    first, last = START + timedelta(days=7), START + timedelta(days=20)
    limits = RestLimits()
    week_limits = {"1": timedelta(hours=38, minutes=15)}
    everything = check_rest_rules(shifts, first, last, limits, week_limits)
    some = check_rest_rules(shifts, first, last, limits, week_limits, rules=chosen)
    assert some == [b for b in everything if b.rule in chosen]
