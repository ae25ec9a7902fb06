"""Names that become file names, made safe in one place, and the unit code that many of them
carry.

A unit code, a person's identifier or a month ends up in the name of a backup, a lock or a
suggested export; a `/` in it makes a path that does not exist, and on Windows so do
`\\ : * ? " < > |`, control characters, a trailing dot or space, and the reserved device names
(CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with or without an extension). Every such name is
built by `safe_file_name`, so a code created before codes were checked still makes a valid file.
"""

from __future__ import annotations

import re
import unicodedata

from enhetschef_app.domain.errors import UserError

UNIT_CODE_MAX = 20
_UNIT_CODE = re.compile(r"[A-ZÅÄÖ0-9_-]+")

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)
NAME_MAX = 120  # characters before the suffix; leaves room for a folder within Windows' 260


def normalise_unit_code(text: str) -> str:
    """The unit code as stored: trimmed and in capitals. Raises a UserError naming what is
    allowed: letters A–Ö, digits, '-' and '_', at most 20."""
    code = unicodedata.normalize("NFC", text).strip().upper()
    if not code:
        raise UserError("Enhetskoden får inte vara tom.")
    if len(code) > UNIT_CODE_MAX or _UNIT_CODE.fullmatch(code) is None:
        raise UserError(
            f"Enhetskoden '{text}' går inte att använda: den får bara innehålla bokstäverna "
            f"A–Ö, siffror, '-' och '_', högst {UNIT_CODE_MAX} tecken."
        )
    return code


def safe_file_name(*parts: str, suffix: str = "") -> str:
    """The parts joined by '-' as a file name valid on Windows, macOS and Linux: forbidden
    characters become '_', a reserved device name gets a '_' in front, and the name is cut to
    `NAME_MAX` characters. `suffix` ('.xlsx') is kept as it is."""
    text = "-".join(unicodedata.normalize("NFC", part) for part in parts if part)
    text = _FORBIDDEN.sub("_", text).strip()
    text = text.rstrip(". ") or "_"
    text = text[:NAME_MAX].rstrip(". ") or "_"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text + suffix
