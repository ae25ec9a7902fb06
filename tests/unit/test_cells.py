"""Cell text as Swedish files write it: numbers, percentages, dates and times."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.excel.cells import (
    optional,
    parse_date,
    parse_decimal,
    parse_hours,
    parse_int,
    parse_kronor,
    parse_percent,
    parse_time,
)


def swedish(value: Decimal, separator: str = " ") -> str:
    """How a Swedish HR export writes a number: decimal comma, spaces between thousands."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    text = separator.join([whole, *groups])
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("38,25", Decimal("38.25")),
        ("38.25", Decimal("38.25")),
        ("31 500", Decimal("31500")),
        ("31\u00a0500", Decimal("31500")),
        ("1\u202f234\u202f567,5", Decimal("1234567.5")),
        (" 42 ", Decimal("42")),
        ("-2,5", Decimal("-2.5")),
        ("\u22122,5", Decimal("-2.5")),
        (",5", Decimal("0.5")),
        ("38,250", Decimal("38.25")),
        ("75,00", Decimal("75")),
    ],
)
def test_decimals_in_swedish_and_excel_spelling(text: str, expected: Decimal) -> None:
    value = parse_decimal(text)
    assert value == expected
    assert str(value) == str(expected)  # stored as the same text every time


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "Inte ett tal"),
        ("1,234.5", "Otydligt tal"),
        ("1.234,5", "Otydligt tal"),
        ("3 1500", "Inte ett tal"),  # a space that is not a thousands separator
        ("38 25", "Inte ett tal"),
        ("", "Inte ett tal"),
        ("-", "Inte ett tal"),
        ("1" * 30, "för många siffror"),
    ],
)
def test_text_that_is_not_a_number_says_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_decimal(text)


def test_integers_and_kronor() -> None:
    assert parse_int("1001") == 1001
    assert parse_int("1001.0") == 1001
    with pytest.raises(ValueError, match="heltal"):
        parse_int("10,5")
    assert parse_kronor("31 500") == 31500
    assert parse_kronor("31 500 kr") == 31500
    assert parse_kronor("31500:-") == 31500
    assert parse_kronor("31 500,00") == 31500
    with pytest.raises(ValueError, match="hela kronor"):
        parse_kronor("31.5")  # a point used for thousands would silently lose money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75", Decimal("75")),
        ("75 %", Decimal("75")),
        ("75%", Decimal("75")),
        ("87,5", Decimal("87.5")),
        ("0,75", Decimal("75")),  # Excel stores a cell formatted as 75 % as 0.75
        ("0.875", Decimal("87.5")),
        ("1 %", Decimal("1")),
        ("100", Decimal("100")),
        ("0", Decimal("0")),
        ("130", Decimal("130")),  # a range is the domain's rule, not the parser's
    ],
)
def test_percentages(text: str, expected: Decimal) -> None:
    value = parse_percent(text)
    assert value == expected
    assert str(value) == str(expected)


def test_a_bare_one_is_refused_as_ambiguous() -> None:
    with pytest.raises(ValueError, match="1 % eller 100 %"):
        parse_percent("1")
    with pytest.raises(ValueError, match="negativ"):
        parse_percent("-5 %")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("38,25", Decimal("38.25")),
        ("38.25 h", Decimal("38.25")),
        ("40", Decimal("40")),
        ("38:15", Decimal("38.25")),
        ("34:20", Decimal("34.33")),
        ("34,33 tim", Decimal("34.33")),
    ],
)
def test_hours(text: str, expected: Decimal) -> None:
    assert parse_hours(text) == expected


def test_hours_with_impossible_minutes() -> None:
    with pytest.raises(ValueError, match="00–59"):
        parse_hours("38:75")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-22", date(2026, 11, 22)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026-11-22 00:00:00", date(2026, 11, 22)),  # an Excel date as pandas writes it
        ("2026-11-22T00:00", date(2026, 11, 22)),
        ("22/11/2026", date(2026, 11, 22)),
        ("5/1/2026", date(2026, 1, 5)),  # day first, as in Sweden
        ("20261122", date(2026, 11, 22)),
        ("2028-02-29", date(2028, 2, 29)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-02-30", "finns inte"),
        ("31/11/2026", "finns inte"),
        ("2027-02-29", "finns inte"),
        ("22 nov 2026", "Inte ett datum"),
        ("2026-11-22 07:30", "Inte ett datum"),  # a moment is not a date
        ("11/22/26", "Inte ett datum"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:00", time(7, 0)),
        ("07:00", time(7, 0)),
        ("07:00:00", time(7, 0)),
        ("07.00", time(7, 0)),
        ("0700", time(7, 0)),
        ("700", time(7, 0)),
        ("7", time(7, 0)),
        ("1530", time(15, 30)),
        ("21:45", time(21, 45)),
        ("0", time(0, 0)),
        ("24:00", time(0, 0)),  # a shift that ends at midnight
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "7:60", "7:5", "2400x", "kväll", "7,30", "24:30", ""])
def test_bad_times(text: str) -> None:
    with pytest.raises(ValueError, match=r"[Kk]lockslag"):
        parse_time(text)


def test_optional_reads_an_empty_cell_as_none() -> None:
    assert optional(parse_date, "  ") is None
    assert optional(parse_date, "2026-11-22") == date(2026, 11, 22)


# --- round trips --------------------------------------------------------------------------------

decimals = st.decimals(
    min_value=Decimal("-999999999"),
    max_value=Decimal("999999999"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(decimals, st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_a_number_written_the_swedish_way_reads_back(value: Decimal, separator: str) -> None:
    assert parse_decimal(swedish(value, separator)) == value


@given(decimals)
def test_a_number_written_the_excel_way_reads_back(value: Decimal) -> None:
    assert parse_decimal(f"{value:f}") == value


@given(st.decimals(min_value=Decimal("1.01"), max_value=Decimal("100"), places=2))
def test_a_percentage_reads_back_with_or_without_the_sign(value: Decimal) -> None:
    assert parse_percent(swedish(value)) == value
    assert parse_percent(swedish(value) + " %") == value


@given(st.integers(min_value=0, max_value=10_000_000))
def test_whole_kronor_read_back(amount: int) -> None:
    assert parse_kronor(swedish(Decimal(amount))) == amount
    assert parse_kronor(f"{swedish(Decimal(amount))} kr") == amount


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_reads_back_in_every_accepted_spelling(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.isoformat()} 00:00:00") == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_date(day.strftime("%Y%m%d")) == day


@pytest.mark.parametrize(
    "text", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "31/12/9999"]
)
def test_a_date_outside_1900_to_2100_is_refused_as_a_typo(text: str) -> None:
    with pytest.raises(ValueError, match="mellan 1900 och 2100"):
        parse_date(text)


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_a_time_reads_back_in_every_accepted_spelling(moment: time) -> None:
    assert parse_time(moment.strftime("%H:%M")) == moment
    assert parse_time(f"{moment.hour}:{moment.minute:02d}") == moment
    assert parse_time(moment.strftime("%H.%M")) == moment
    assert parse_time(moment.strftime("%H%M")) == moment
    assert parse_time(moment.strftime("%H:%M:%S")) == moment
