"""The sync lock: a small file beside the shared workbook that one Enhetschef at a time holds
while it writes, on a network share as well as on a local disk.

It is taken by creating the file exclusively (`O_CREAT | O_EXCL`, which SMB and NFS honour), and
holds who took it: user, computer, process, unit and when. A lock is *stale*, and is taken over,
when its process on this computer no longer runs, or when it is older than `STALE_AFTER` (a
sync takes seconds; a lock that old was left by a computer that went away). A record that
cannot be read is judged by the file's age alone. Taking over moves the stale file aside first,
so two who find the same stale lock cannot both take it.

The lock file is the app's own rather than `filelock`'s, because the owner record (who holds
the workbook, shown to the EC who has to wait) and the age rule must read the same whichever
filelock version is installed.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from enhetschef_app.domain.errors import BusyError

STALE_AFTER = timedelta(minutes=10)
LOCK_SUFFIX = ".enhetschef-lock"


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    unit: str
    since: str  # ISO time in UTC

    @classmethod
    def here(cls, user: str, unit: str) -> LockOwner:
        return cls(
            user=user,
            host=socket.gethostname(),
            pid=os.getpid(),
            unit=unit,
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def describe(self) -> str:
        started = self.since.replace("T", " ")[:16]
        return f"{self.user} ({self.unit}) på datorn {self.host}, sedan {started} UTC"


class SyncLockHeld(BusyError):
    def __init__(self, message: str, holder: LockOwner | None) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path_for(workbook: Path) -> Path:
    return workbook.with_name(workbook.name + LOCK_SUFFIX)


def read_owner(path: Path) -> LockOwner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(**{k: data[k] for k in ("user", "host", "pid", "unit", "since")})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _process_runs(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - windll is Windows only
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


CLOCK_TOLERANCE = timedelta(minutes=1)


def _age(path: Path, owner: LockOwner | None) -> timedelta:
    """The lock's age by the file and by its record; the younger counts, so one skewed clock
    cannot make a live lock look old. A record from the future (the other computer's clock is
    ahead) says nothing about age: then the file's own age decides, or a lock left by such a
    computer would never turn stale."""
    now = datetime.now(UTC)
    ages = []
    with contextlib.suppress(OSError):
        ages.append(now - datetime.fromtimestamp(path.stat().st_mtime, UTC))
    if owner is not None:
        with contextlib.suppress(ValueError, TypeError):
            since = datetime.fromisoformat(owner.since)
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            if since <= now + CLOCK_TOLERANCE or not ages:
                ages.append(now - since)
    return min(ages) if ages else timedelta(0)


def is_stale(path: Path, owner: LockOwner | None, stale_after: timedelta = STALE_AFTER) -> bool:
    if owner is not None and owner.host == socket.gethostname() and not _process_runs(owner.pid):
        return True
    return _age(path, owner) > stale_after


class SyncLock:
    def __init__(
        self, workbook: Path, owner: LockOwner, stale_after: timedelta = STALE_AFTER
    ) -> None:
        self.workbook = workbook
        self.path = lock_path_for(workbook)
        self.owner = owner
        self.stale_after = stale_after
        self.held = False
        self.took_over: LockOwner | None = None  # a stale holder this lock replaced

    def _try_create(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        except PermissionError:
            if self.path.exists():  # Windows says so for a file being deleted
                return False
            raise
        try:
            os.write(fd, json.dumps(asdict(self.owner), ensure_ascii=False).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        return True

    def _break_if_stale(self) -> bool:
        holder = read_owner(self.path)
        if not self.path.exists() or not is_stale(self.path, holder, self.stale_after):
            return False
        aside = self.path.with_name(f"{self.path.name}.inaktuell-{uuid.uuid4().hex[:8]}")
        try:
            self.path.replace(aside)
        except OSError:
            return False
        moved = read_owner(aside)
        if moved != holder:
            # Someone took the lock between our look and the move: give it back.
            with contextlib.suppress(OSError):
                if not self.path.exists():
                    aside.replace(self.path)
            return False
        with contextlib.suppress(OSError):
            aside.unlink()
        self.took_over = holder
        return True

    def acquire(self, wait_seconds: float = 0.0) -> None:
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        while True:
            if self._try_create():
                self.held = True
                return
            if self._break_if_stale():
                continue
            if time.monotonic() >= deadline:
                holder = read_owner(self.path)
                who = holder.describe() if holder else "en annan Enhetschef"
                raise SyncLockHeld(
                    f"Arbetsboken {self.workbook.name} synkas just nu av {who}. Synken väntar i "
                    "kön och försöks igen om en stund.",
                    holder,
                )
            time.sleep(random.uniform(0.05, 0.2))

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        if read_owner(self.path) == self.owner:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> SyncLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
