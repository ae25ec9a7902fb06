"""Saving a workbook safely: written beside the target first and moved into place, so a failed
save never leaves half a file, and a file held open by Excel is reported as busy."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from enhetschef_app.domain.errors import BusyError, UserError


def save_workbook(workbook: Any, path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Spara som en .xlsx-fil: {path.name} har fel filändelse.")
    if not path.parent.is_dir():
        raise UserError(f"Mappen {path.parent} finns inte. Välj en annan plats.")
    partial = path.with_name(f".{path.stem}.sparas.xlsx")
    try:
        workbook.save(partial)
        partial.replace(path)
    except PermissionError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BusyError(
            f"Filen {path} kan inte skrivas: den är öppen i ett annat program eller skrivskyddad. "
            "Stäng den och försök igen."
        ) from exc
    return path
