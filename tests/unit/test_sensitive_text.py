from __future__ import annotations

import pytest

from enhetschef_app.domain.sensitive_text import (
    find_health_words,
    find_identity_numbers,
    luhn_ok,
    privacy_warnings,
)


@pytest.mark.parametrize(
    "text",
    [
        "Brukaren 811218-9876 föll",
        "pnr 8112189876 i journalen",
        "född 19811218-9876",
        "198112189876",
        "en äldre 121212+1212 (över hundra)",
    ],
)
def test_valid_personnummer_in_any_form_are_found(text: str) -> None:
    (found,) = find_identity_numbers(text)
    assert not found.coordination
    assert "personnummer" in privacy_warnings(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "811218-9875",  # checksum wrong
        "811318-9876",  # month 13
        "ring 070-123 45 67",  # a phone number
        "order 2026-11-24 kl 0930",  # a date and a time
        "konto 12345678901234",  # a longer number
        "",
    ],
)
def test_lookalikes_are_not_found(text: str) -> None:
    assert find_identity_numbers(text) == []


def test_a_samordningsnummer_is_named_as_such() -> None:
    # Born the 18th: day 78. Check digit chosen so that Luhn holds.
    digits = "811278987"
    check = next(d for d in "0123456789" if luhn_ok(digits + d))
    (found,) = find_identity_numbers(f"samordningsnr 811278-987{check}")
    assert found.coordination
    assert "samordningsnummer" in privacy_warnings(found.text)[0]


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


def test_health_words_are_found_without_accents_or_case() -> None:
    assert find_health_words("Hon har Ångest och en DIAGNOS") == ["angest", "diagnos"]
    assert find_health_words("Vi kom överens om anpassade arbetstider") == []
    assert privacy_warnings("Vi kom överens om anpassade arbetstider") == []


def _with_check_digit(nine: str) -> str:
    return nine + next(d for d in "0123456789" if luhn_ok(nine + d))


@pytest.mark.parametrize(
    "shape",
    ["{yy}{mm}{dd}-{tail}", "{yy}{mm}{dd}{tail}", "19{yy}{mm}{dd}-{tail}", "19{yy}{mm}{dd}{tail}"],
)
def test_a_samordningsnummer_is_found_in_10_and_12_digits(shape: str) -> None:
    digits = _with_check_digit("450371234")  # born 1945-03-11: day 71
    text = shape.format(yy=digits[:2], mm=digits[2:4], dd=digits[4:6], tail=digits[6:])
    (found,) = find_identity_numbers(f"Avvikelse för brukare {text}, se journal.")
    assert found.coordination
    assert found.text == text


def _wrong_check_digit(ten: str) -> str:
    return ten[:-1] + str((int(ten[-1]) + 1) % 10)


@pytest.mark.parametrize(
    "text",
    [
        "19811218-9875",  # 12 digits, checksum wrong
        "198112189875",
        _wrong_check_digit(_with_check_digit("450371234")),  # samordningsnummer, 10 digits
        "19" + _wrong_check_digit(_with_check_digit("450371234")),  # and 12 digits
    ],
)
def test_wrong_checksums_are_not_found_in_any_length(text: str) -> None:
    assert find_identity_numbers(text) == []


def test_a_personnummer_in_an_incident_text_warns_once_per_number() -> None:
    text = "Brukaren (811218-9876) fick fel dos; anhörig 121212-1212 informerad."
    found = find_identity_numbers(text)
    assert [n.text for n in found] == ["811218-9876", "121212-1212"]
    assert sum("personnummer" in w for w in privacy_warnings(text)) == 2
