"""What must stop a write to the shared workbook before it starts: the file open in Excel or
LibreOffice, or content that could not be trusted to survive being saved by anything but Excel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from enhetschef_app.domain.errors import BusyError, UserError
from enhetschef_app.excel.xlsx_package import XlsxPackage


class WorkbookOpenElsewhere(BusyError):
    """Excel or LibreOffice has the workbook open: its owner file lies beside it."""


class WorkbookContentRefused(UserError):
    """The workbook holds content that would be lost or broken by the app's write."""


def office_lock_files(workbook: Path) -> list[Path]:
    """The owner files Excel (~$name.xlsx) and LibreOffice (.~lock.name.xlsx#) keep beside a
    workbook while it is open."""
    return [
        workbook.with_name("~$" + workbook.name),
        workbook.with_name(f".~lock.{workbook.name}#"),
    ]


def _owner_name(lock: Path) -> str:
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        # LibreOffice: "user,host,user dir,date,..." as one line of text.
        return data.decode("utf-8", "replace").split(",", 1)[0].strip()
    # Excel: one byte with the length of the user's name, then the name.
    if data and 0 < data[0] < len(data):
        return data[1 : 1 + data[0]].decode("cp1252", "replace").strip()
    return ""


def refuse_if_open_elsewhere(workbook: Path) -> None:
    for lock in office_lock_files(workbook):
        if lock.exists():
            program = "LibreOffice" if lock.name.startswith(".~lock.") else "Excel"
            who = _owner_name(lock)
            by = f" av {who}" if who else ""
            raise WorkbookOpenElsewhere(
                f"Arbetsboken {workbook.name} är öppen i {program}{by} ({lock.name} finns "
                "bredvid den). Den skrivs inte medan den är öppen; synken väntar i kön och "
                "försöks igen när arbetsboken är stängd."
            )


@dataclass(frozen=True)
class LossyContent:
    what: str  # Swedish, as the EC and the VC call it
    parts: tuple[str, ...]


_SHAPE = re.compile(rb"<(\w+:)?(sp|grpSp|cxnSp)\b")
_SPARKLINES = re.compile(rb"<(\w+:)?sparklineGroups\b")
_VML_CONTROL = re.compile(rb"ObjectType=\"(?!Note\")")


def content_that_would_be_lost(package: XlsxPackage) -> list[LossyContent]:
    """Content the ordinary Excel libraries (openpyxl) drop or break when they save a file:
    pivot tables, shapes and text boxes, sparklines, macros, external links, slicers, form
    controls and embedded objects."""
    names = list(package.parts)

    def under(*folders: str) -> tuple[str, ...]:
        return tuple(n for n in names if any(n.startswith(f) for f in folders))

    found: list[LossyContent] = []
    checks: list[tuple[str, tuple[str, ...]]] = [
        ("pivottabeller", under("xl/pivotTables/", "xl/pivotCache/")),
        (
            "former eller textrutor",
            tuple(
                n
                for n in under("xl/drawings/")
                if n.endswith(".xml") and _SHAPE.search(package.parts[n])
            )
            + tuple(
                n
                for n in under("xl/drawings/")
                if n.endswith(".vml") and _VML_CONTROL.search(package.parts[n])
            ),
        ),
        (
            "miniatyrdiagram (sparklines)",
            tuple(
                n
                for n in under("xl/worksheets/")
                if n.endswith(".xml") and _SPARKLINES.search(package.parts[n])
            ),
        ),
        (
            "makron (VBA)",
            tuple(n for n in names if n.lower().endswith("vbaproject.bin"))
            + tuple(
                n
                for n in ("[Content_Types].xml",)
                if n in package.parts and b"macroEnabled" in package.parts[n]
            ),
        ),
        ("externa länkar till andra arbetsböcker", under("xl/externalLinks/")),
        ("utsnitt eller tidslinjer", under("xl/slicers/", "xl/slicerCaches/", "xl/timeline")),
        ("formulärkontroller", under("xl/ctrlProps/", "xl/activeX/")),
        ("inbäddade objekt", under("xl/embeddings/")),
    ]
    for what, parts in checks:
        if parts:
            found.append(LossyContent(what, parts))
    return found


def refuse_lossy_content(package: XlsxPackage) -> None:
    found = content_that_would_be_lost(package)
    if not found:
        return
    listed = "; ".join(f"{c.what} ({', '.join(c.parts[:3])})" for c in found)
    raise WorkbookContentRefused(
        f"Arbetsboken {package.name} innehåller {listed}. Sådant innehåll kan gå förlorat eller "
        "bli fel när arbetsboken sparas av ett annat program än Excel, så Enhetschef skriver "
        "inte i den. Be verksamhetschefen flytta det till en egen arbetsbok (eller spara en "
        "kopia utan det) och synka sedan igen."
    )


def refuse_macro_file(workbook: Path) -> None:
    if workbook.suffix.lower() in {".xlsm", ".xlsb", ".xls", ".xltm"}:
        raise WorkbookContentRefused(
            f"{workbook.name} är inte en vanlig .xlsx-arbetsbok ({workbook.suffix}): den kan "
            "innehålla makron eller ett format som Enhetschef inte skriver i. Använd en .xlsx-fil."
        )
