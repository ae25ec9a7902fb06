from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from enhetschef_app.domain.calendar import (
    holiday_name,
    is_holiday_eve,
    is_public_holiday,
    is_red_day,
    iso_week_label,
    month_end,
    week_start,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 4, 4), "Påskafton"),
        (date(2026, 6, 19), "Midsommarafton"),
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2027, 3, 27), "Påskafton"),
    ],
)
def test_the_four_eves_count_as_holidays_under_ab(day: date, name: str) -> None:
    assert holiday_name(day) == name
    assert is_holiday_eve(day)
    assert not is_public_holiday(day)
    assert is_red_day(day)


def test_public_holidays_and_ordinary_days() -> None:
    assert is_public_holiday(date(2026, 6, 6))  # nationaldagen, a Saturday
    assert is_public_holiday(date(2026, 5, 14))  # Kristi himmelsfärd
    assert not is_red_day(date(2026, 11, 24))  # an ordinary Tuesday
    assert is_red_day(date(2026, 11, 22))  # a Sunday


def test_iso_weeks_and_month_ends() -> None:
    assert iso_week_label(date(2026, 11, 22)) == "v. 47"
    assert iso_week_label(date(2026, 12, 31)) == "v. 53"  # 2026 has 53 weeks
    assert week_start(date(2026, 11, 22)) == date(2026, 11, 16)
    assert month_end(date(2026, 12, 5)) == date(2026, 12, 31)
    assert month_end(date(2028, 2, 1)) == date(2028, 2, 29)


def test_the_holiday_table_is_the_librarys_every_year() -> None:
    from enhetschef_app.devtools import HOLIDAY_YEARS, holiday_table_source
    from enhetschef_app.domain import holiday_table
    from enhetschef_app.domain.calendar import library_holidays_of

    assert list(holiday_table.HOLIDAYS) == list(HOLIDAY_YEARS)
    for year in HOLIDAY_YEARS:
        table = {date(year, m, d): name for m, d, name in holiday_table.HOLIDAYS[year]}
        assert table == library_holidays_of(year), (
            f"{year}: the table differs from the holidays library; write it anew with "
            "`python -m enhetschef_app.devtools holiday-table`"
        )
    written = Path(holiday_table.__file__).read_text(encoding="utf-8")
    assert written == holiday_table_source()


def test_a_year_outside_the_table_comes_from_the_library() -> None:
    assert holiday_name(date(2099, 12, 24)) == "Julafton"
    assert holiday_name(date(1999, 6, 25)) == "Midsommarafton"
    assert holiday_name(date(2099, 12, 23)) is None
