"""Free text on its way out of the laptop, into a file others read (the VC's report and shared
workbook, the APT workbook): checked by the same detector as the forms.

A personnummer or samordningsnummer stops the export: the message names the field, and no file
is written. Health words stop it until the EC confirms (in the window a question, on the command
line `--allow-sensitive-words`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.sensitive_text import find_health_words, find_identity_numbers


@dataclass(frozen=True)
class OutgoingText:
    field: str  # the field as the EC knows it: "Kommentaren till månaden"
    text: str


class IdentityNumberInExport(UserError):
    """A personnummer or samordningsnummer in text bound for a shared file."""


class HealthWordsInExport(UserError):
    """Words that look like health details, in text bound for a shared file: the EC decides."""

    def __init__(self, message: str, words: Sequence[str]) -> None:
        super().__init__(message)
        self.words = tuple(words)


def check_outgoing(texts: Sequence[OutgoingText], *, allow_health_words: bool = False) -> None:
    """Raises when a text must not leave as it is; quiet when it may."""
    for item in texts:
        numbers = find_identity_numbers(item.text)
        if numbers:
            kinds = sorted({n.label for n in numbers})
            raise IdentityNumberInExport(
                f"{item.field} innehåller något som ser ut som ett {' och ett '.join(kinds)} "
                f"({numbers[0].text}). Det får inte lämna datorn i en delad fil: ta bort det och "
                "försök igen. Ingen fil har skrivits."
            )
    found = [(item.field, find_health_words(item.text)) for item in texts]
    found = [(field, words) for field, words in found if words]
    if found and not allow_health_words:
        words = sorted({w for _f, ws in found for w in ws})
        fields = ", ".join(field.lower() for field, _w in found)
        raise HealthWordsInExport(
            f"{fields[0].upper()}{fields[1:]} verkar innehålla hälsouppgifter "
            f"({', '.join(words)}). Delade filer ska bara ha enhetens siffror, aldrig "
            "sjukdomsdetaljer. Ändra texten, eller bekräfta att den får följa med "
            "(kommandoraden: --allow-sensitive-words). Ingen fil har skrivits.",
            words,
        )
