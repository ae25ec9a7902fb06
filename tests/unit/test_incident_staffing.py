"""Staffing at the moment of an avvikelse: need against those present, empty rows, midnight."""

from __future__ import annotations

from datetime import time

from enhetschef_app.domain.incident_staffing import NeedOfDay, RowOfDay, staffing_at_event

DAY_BAND = NeedOfDay(time(7, 0), time(13, 30), 3)
EVENING_BAND = NeedOfDay(time(13, 30), time(21, 30), 2)
NIGHT_BAND = NeedOfDay(time(21, 30), time(7, 0), 1)
LAST_NIGHT_BAND = NeedOfDay(time(21, 30), time(7, 0), 2, from_yesterday=True)
NEEDS = [DAY_BAND, EVENING_BAND, NIGHT_BAND, LAST_NIGHT_BAND]


def row(
    start: str, end: str, name: str | None, absent: bool = False, yesterday: bool = False
) -> RowOfDay:
    return RowOfDay(
        time.fromisoformat(start), time.fromisoformat(end), "X", name, absent, yesterday
    )


ROWS = [
    row("07:00", "15:30", "Anna"),
    row("07:00", "15:30", "Britt", absent=True),
    row("07:00", "15:30", None),
    row("13:30", "21:30", "Cecilia"),
    row("13:30", "21:30", "David"),
    row("21:15", "07:15", "Eva"),
    row("21:15", "07:15", "Frida", yesterday=True),
]


def test_a_day_event_counts_those_present_against_the_band_that_holds_it() -> None:
    found = staffing_at_event(ROWS, NEEDS, time(10, 0))
    assert found.need_at_event == 3
    assert found.present_at_event == 1  # Britt is absent, the third row is vacant
    assert found.empty_at_event == 2
    assert found.understaffed is True
    assert found.empty_rows_of_day == 2  # the day's own rows, not last night's
    assert [(b.start, b.present, b.holds_event) for b in found.bands] == [
        (time(7, 0), 1, True),
        (time(13, 30), 2, False),
        (time(21, 30), 1, False),
    ]


def test_at_the_handover_both_shifts_are_there() -> None:
    found = staffing_at_event(ROWS, NEEDS, time(14, 0))
    assert found.need_at_event == 2
    assert found.present_at_event == 3  # Anna still, Cecilia and David already
    assert found.understaffed is False


def test_early_morning_belongs_to_last_nights_band_and_shift() -> None:
    found = staffing_at_event(ROWS, NEEDS, time(3, 0))
    assert [r.employee_name for r in found.rows_at_event] == ["Frida"]
    assert found.need_at_event == 2  # the night band of the day before
    assert found.understaffed is True
    assert found.bands[0].holds_event and found.bands[0].needed == 2


def test_an_event_in_the_evening_after_the_night_shift_starts() -> None:
    found = staffing_at_event(ROWS, NEEDS, time(22, 0))
    assert [r.employee_name for r in found.rows_at_event] == ["Eva"]
    assert found.need_at_event == 1 and found.understaffed is False
    assert LAST_NIGHT_BAND.holds(22 * 60) is False


def test_no_schedule_or_no_need_cannot_tell() -> None:
    assert staffing_at_event([], NEEDS, time(10, 0)).understaffed is None
    assert staffing_at_event(ROWS, [], time(10, 0)).understaffed is None
    only_last_night = [row("21:15", "07:15", "Frida", yesterday=True)]
    assert staffing_at_event(only_last_night, NEEDS, time(3, 0)).has_schedule is False
