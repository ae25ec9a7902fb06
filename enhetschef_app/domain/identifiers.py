"""Identifiers and names as people mean them, whatever the keyboard or the export made of them.

`１００１` (full-width digits) and `10<zero-width space>01` look like 1001 and must be 1001: every
import and form reads an employee number, a code or a name through these functions. NFKC folds
the compatibility forms (full-width, ligatures, superscripts) into the plain ones, and the
invisible format characters (zero-width spaces and joiners, the byte-order mark, soft hyphens,
direction marks) are dropped. The length limits are the domain's: a row or field past them is
an error, never cut short silently.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 20

# Unicode's format characters (category Cf) and the invisible separators people paste with them.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]"
)


def normalise_text(text: str) -> str:
    """NFKC, invisible characters removed, runs of white space made one space, ends trimmed."""
    if text.isascii():
        return " ".join(text.split()) if "  " in text or text != text.strip() else text
    plain = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    plain = "".join(ch for ch in plain if unicodedata.category(ch) != "Cf")
    return " ".join(plain.split())


def normalise_identifier(text: str) -> str:
    """An employee number or a code. A space inside is kept (some systems write "HT 12"): only
    what cannot be seen or is a look-alike changes."""
    return normalise_text(text)


def length_problem(text: str, limit: int, what: str) -> str | None:
    """The Swedish message for `text` longer than `limit`, or None."""
    if len(text) <= limit:
        return None
    return f"{what} är längre än {limit} tecken ({len(text)})."
