"""The look at a database file that comes before opening it. It loads neither SQLAlchemy nor
Alembic, so the window can refuse a file (newer, damaged, someone else's) before it shows."""

from __future__ import annotations

from pathlib import Path


def check_database_file(path: Path, unit_code: str | None = None) -> None:
    """Raises the UserError that explains why the file cannot be opened, or lacks the unit
    asked for; quiet when it can be opened (also when it does not exist yet: opening creates
    it)."""
    from enhetschef_app.storage.file_check import refusal

    refusal(path.expanduser().resolve(), unit_code)


# Folder names of the sync clients people have on their laptops; a database there is copied to
# the cloud (and a synced copy may be opened on two machines at once).
SYNCED_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("iclouddrive", "iCloud"),
    ("mobile documents", "iCloud"),
    ("nextcloud", "Nextcloud"),
)
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "davfs", "fuse.davfs2", "afs", "9p"}
)


def _linux_mount_type(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The file system type of the mount that holds `path` (the longest mount point)."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    target = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    return None if best is None else best[1]


def _windows_network_drive(path: Path) -> bool:
    import ctypes

    drive = path.drive
    if drive.startswith("\\\\"):
        return True
    if not drive:
        return False
    drive_remote = 4
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    return bool(windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)


def storage_location_warning(path: Path, *, mounts: Path = Path("/proc/mounts")) -> str | None:
    """A Swedish warning when the database lies in a synced folder or on a network share, where
    others (or the cloud) get a copy of the personal data; None when it is on the laptop."""
    import sys

    full = path.expanduser().absolute()
    where: str | None = None
    for part in full.parts:
        folded = part.casefold()
        for needle, name in SYNCED_FOLDERS:
            if needle in folded:
                where = f"en mapp som synkas med {name} ({part})"
                break
        if where:
            break
    if where is None:
        if str(full).startswith("\\\\") or (
            sys.platform == "win32" and _windows_network_drive(full)
        ):
            where = "en nätverksenhet"
        elif sys.platform.startswith("linux"):
            kind = _linux_mount_type(full, mounts)
            if kind in NETWORK_FILE_SYSTEMS:
                where = f"en nätverksenhet ({kind})"
    if where is None:
        return None
    return (
        f"Databasen ligger i {where}: {full}. Den innehåller personuppgifter (frånvaro, "
        "samtalsanteckningar) och ska ligga på den här datorn, i din egen användarmapp, inte "
        "på en delad enhet eller i en molnmapp. Flytta filen och öppna den med --db."
    )
