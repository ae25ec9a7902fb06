"""The error report a person copies from the dialog of an unexpected error and sends to support.

It carries what is needed to find the bug and nothing about the people in the database: the
program's version, the platform, the kind of error and where in the code it happened, and the
last lines of the log with names of files and folders, quoted values, numbers that could be a
personnummer or an employee number, and e-mail addresses taken out. The error's own message is
left out: a database error quotes the values it was given.
"""

from __future__ import annotations

import getpass
import platform
import re
import sys
import traceback
from pathlib import Path

from enhetschef_app import __version__

LOG_LINES = 40

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_NUMBER = re.compile(r"(?<![\w.:])\d[\d -]{4,}\d(?![\w.])")
_PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s'\"()]+")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}")


def scrub(line: str) -> str:
    """A log line without what could point at a person: paths, quoted values, long numbers,
    e-mail addresses, the user's name."""
    stamp = _TIMESTAMP.match(line)
    head, rest = (stamp.group(0), line[stamp.end() :]) if stamp else ("", line)
    rest = _EMAIL.sub("<e-post>", rest)
    rest = _QUOTED.sub("'…'", rest)
    rest = _PATH.sub(lambda m: "<sökväg>/" + Path(m.group(0)).suffix.lstrip("."), rest)
    rest = _NUMBER.sub("<tal>", rest)
    with_user = _user_name()
    if with_user and len(with_user) > 2:
        rest = re.sub(re.escape(with_user), "<användare>", rest, flags=re.IGNORECASE)
    return head + rest


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _code_locations(error: BaseException) -> list[str]:
    """Where in the program the error passed, as module file, line and function only."""
    lines: list[str] = []
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} i {frame.name}")
    return lines


def _last_log_lines(log_file: Path, count: int) -> list[str]:
    try:
        with log_file.open(encoding="utf-8", errors="replace") as handle:
            tail = handle.read().splitlines()[-count:]
    except OSError:
        return ["(loggfilen kunde inte läsas)"]
    return [scrub(line) for line in tail]


def error_report(
    error: BaseException, log_file: Path, *, extra: dict[str, str] | None = None
) -> str:
    """The text of the report; `extra` adds facts the front end knows (the Qt version)."""
    facts = {
        "Program": f"Enhetschef {__version__}",
        "Plattform": platform.platform(),
        "Python": sys.version.split()[0],
        **(extra or {}),
        "Fel": type(error).__module__ + "." + type(error).__qualname__,
    }
    lines = ["Felrapport från Enhetschef", *(f"{key}: {value}" for key, value in facts.items())]
    cause = error.__cause__ or error.__context__
    if cause is not None:
        lines.append(f"Orsak: {type(cause).__module__}.{type(cause).__qualname__}")
    lines += ["Var i programmet:", *(_code_locations(error) or ["  (okänt)"])]
    lines += [f"Loggens sista rader ({log_file.name}):", *_last_log_lines(log_file, LOG_LINES)]
    return "\n".join(lines) + "\n"
