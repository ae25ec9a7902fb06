"""File names made from codes, identifiers and months are valid everywhere, and unit codes are
checked where they are made."""

from __future__ import annotations

import pytest

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.file_names import normalise_unit_code, safe_file_name


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Manadsrapport", "HT-NORR", "2026-11"), "Manadsrapport-HT-NORR-2026-11.xlsx"),
        (("Manadsrapport", "A/B", "2026-11"), "Manadsrapport-A_B-2026-11.xlsx"),
        (("x", 'a\\b:c*d?e"f<g>h|i'), "x-a_b_c_d_e_f_g_h_i.xlsx"),
        (("CON",), "_CON.xlsx"),
        (("com1",), "_com1.xlsx"),
        (("LPT9",), "_LPT9.xlsx"),
        (("NUL.backup",), "_NUL.backup.xlsx"),
        (("CONSOLE",), "CONSOLE.xlsx"),
        (("slut. ",), "slut.xlsx"),
        (("..",), "_.xlsx"),
        (("rad\nbrytning\x00",), "rad_brytning_.xlsx"),
        (("ÅÄÖ-enhet",), "ÅÄÖ-enhet.xlsx"),
    ],
)
def test_names_are_safe_on_windows_and_everywhere(parts: tuple[str, ...], expected: str) -> None:
    assert safe_file_name(*parts, suffix=".xlsx") == expected


def test_a_long_name_is_cut_before_the_suffix() -> None:
    name = safe_file_name("x" * 500, suffix=".xlsx")
    assert len(name) == 125 and name.endswith("x.xlsx")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("ht-norr", "HT-NORR"), (" Åsen_2 ", "ÅSEN_2"), ("VÄSTRA-ÖSTRA-123", "VÄSTRA-ÖSTRA-123")],
)
def test_good_unit_codes_are_stored_in_capitals(typed: str, stored: str) -> None:
    assert normalise_unit_code(typed) == stored


@pytest.mark.parametrize(
    "typed", ["A/B", "A\\B", "HT:NORR", "HT NORR", "HT*", "", "   ", "X" * 21, "ÉTAGE", "A.B"]
)
def test_unit_codes_that_could_not_be_file_names_are_refused(typed: str) -> None:
    with pytest.raises(UserError, match="Enhetskoden"):
        normalise_unit_code(typed)
