"""PostgreSQL's errors that a person can act on: a server that cannot be reached, a login that
is refused, a row held by someone else past the wait. Recognised by libpq's SQLSTATE codes and
psycopg's class names, so that nothing here imports the driver (an installation without the
`server` extra still opens files)."""

from __future__ import annotations

from enhetschef_app.domain.errors import UserError
from enhetschef_app.storage.errors import (
    DatabaseBusyError,
    ServerConnectionLostError,
    ServerLoginRefusedError,
    ServerPermissionError,
    ServerUnreachableError,
)
from enhetschef_app.storage.location import ServerAddress

# https://www.postgresql.org/docs/current/errcodes-appendix.html
_LOGIN_REFUSED = {"28000", "28P01"}  # invalid authorization, invalid password
_BUSY = {"40001", "40P01", "55P03", "57014"}  # serialization, deadlock, lock wait, timeout
_GONE = {"57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004"}
# The connection was there and broke: the server ended the session (an administrator, a
# restart, a crash of the backend) or the network dropped it mid-statement.
_LOST = {"57P01", "57P02", "08003", "08006", "08007"}
_LOST_TEXTS = (
    "terminating connection",
    "server closed the connection unexpectedly",
    "consuming input failed",
    "the connection is closed",
    "connection is lost",
    "ssl syscall error",
)
_PERMISSION = {"42501"}  # insufficient privilege: a grant missing, or access by unit (0011)


def from_server(error: BaseException, address: ServerAddress) -> UserError | None:
    if type(error).__module__.split(".")[0] != "psycopg":
        return None
    state = getattr(error, "sqlstate", None)
    if state in _LOGIN_REFUSED:
        return ServerLoginRefusedError(address)
    if state in _BUSY:
        return DatabaseBusyError(address)
    message = str(error)
    if state in _PERMISSION:
        return ServerPermissionError(address)
    if state in _LOST or any(text in message.lower() for text in _LOST_TEXTS):
        return ServerConnectionLostError(address)
    # A connection that never came up carries no SQLSTATE: libpq's text says why.
    if "password authentication failed" in message or "no password supplied" in message:
        return ServerLoginRefusedError(address)
    if state in _GONE or type(error).__name__ == "OperationalError":
        return ServerUnreachableError(address, _first_line(message))
    return None


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[-1] if lines else "okänt fel"
