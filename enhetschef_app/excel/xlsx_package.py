"""An .xlsx file as the parts of its zip: read them, find the sheets, number formats and shared
strings, and write the file again with some parts replaced and every other part exactly as it
was.

This is how the shared workbook is changed without a round trip through a library's object
model: charts, comments, validation, conditional formats and anything else the app does not
understand stay byte for byte as the VC's Excel saved them.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from xml.etree import ElementTree

from enhetschef_app.domain.errors import UserError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = DOC_REL + "/officeDocument"
WORKSHEET = DOC_REL + "/worksheet"
SHARED_STRINGS = DOC_REL + "/sharedStrings"
STYLES = DOC_REL + "/styles"
TABLE = DOC_REL + "/table"

# Number formats Excel knows by id without writing them down.
_BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, *range(27, 37)})
_BUILTIN_PERCENT_IDS = frozenset({9, 10})
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class NotAWorkbook(UserError):
    pass


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    part: str  # the target as a part name ('xl/worksheets/sheet1.xml')
    external: bool = False


@dataclass(frozen=True)
class SheetRef:
    name: str
    part: str


def unescape_ooxml(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text_of(element: ElementTree.Element) -> str:
    """The text of a string item: its runs' <t>, without phonetic guides (<rPh>)."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return unescape_ooxml("".join(parts))


def number_format_kind(code: str) -> str:
    """'percent', 'date' or 'number' for a number format code."""
    plain = _QUOTED.sub("", code).replace("General", "")
    if "%" in plain:
        return "percent"
    if re.search(r"[yYdDhHsS]", plain) or re.search(r"[mM]", plain):
        return "date"
    return "number"


@dataclass
class XlsxPackage:
    name: str  # the file's name, for messages
    parts: dict[str, bytes]
    infos: dict[str, zipfile.ZipInfo] = field(repr=False)

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> XlsxPackage:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = {info.filename: info for info in archive.infolist()}
                parts = {n: archive.read(n) for n in infos}
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise NotAWorkbook(
                f"{name} är inte en Excel-arbetsbok (.xlsx) eller är skadad: {exc}."
            ) from exc
        package = cls(name=name, parts=parts, infos=infos)
        if package.workbook_part not in parts:
            raise NotAWorkbook(
                f"{name} är inte en Excel-arbetsbok (.xlsx): arbetsboksdelen saknas."
            )
        return package

    @classmethod
    def read(cls, path: Path) -> XlsxPackage:
        return cls.from_bytes(path.read_bytes(), path.name)

    def text(self, part: str) -> str:
        return self.parts[part].decode("utf-8")

    def relationships(self, part: str) -> list[Relationship]:
        folder, file_name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", file_name + ".rels")
        if rels_part not in self.parts:
            return []
        root = ElementTree.fromstring(self.parts[rels_part])
        found: list[Relationship] = []
        for rel in root:
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if external:
                resolved = target
            elif target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), resolved, external))
        return found

    @cached_property
    def workbook_part(self) -> str:
        for rel in self.relationships(""):
            if rel.type == OFFICE_DOCUMENT:
                return rel.part
        return "xl/workbook.xml"

    @cached_property
    def _workbook_root(self) -> ElementTree.Element:
        return ElementTree.fromstring(self.parts[self.workbook_part])

    @cached_property
    def sheets(self) -> list[SheetRef]:
        by_id = {r.id: r for r in self.relationships(self.workbook_part)}
        found: list[SheetRef] = []
        for sheet in self._workbook_root.iter(f"{{{MAIN}}}sheet"):
            rel = by_id.get(sheet.get(f"{{{DOC_REL}}}id", ""))
            if rel is not None and rel.type == WORKSHEET:
                found.append(SheetRef(sheet.get("name", ""), rel.part))
        return found

    @cached_property
    def date1904(self) -> bool:
        props = self._workbook_root.find(f"{{{MAIN}}}workbookPr")
        return props is not None and props.get("date1904", "0") in {"1", "true"}

    def _part_of_type(self, rel_type: str) -> str | None:
        for rel in self.relationships(self.workbook_part):
            if rel.type == rel_type and rel.part in self.parts:
                return rel.part
        return None

    @cached_property
    def shared_strings(self) -> list[str]:
        part = self._part_of_type(SHARED_STRINGS)
        if part is None:
            return []
        root = ElementTree.fromstring(self.parts[part])
        return [_text_of(item) for item in root.iter(f"{{{MAIN}}}si")]

    @cached_property
    def style_kinds(self) -> list[str]:
        """For each cell style index (a cell's s=): 'percent', 'date' or 'number'."""
        part = self._part_of_type(STYLES)
        if part is None:
            return []
        root = ElementTree.fromstring(self.parts[part])
        custom = {
            int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "")
            for fmt in root.iter(f"{{{MAIN}}}numFmt")
        }
        kinds: list[str] = []
        xfs = root.find(f"{{{MAIN}}}cellXfs")
        for xf in [] if xfs is None else list(xfs):
            number = int(xf.get("numFmtId", "0"))
            if number in custom:
                kinds.append(number_format_kind(custom[number]))
            elif number in _BUILTIN_PERCENT_IDS:
                kinds.append("percent")
            elif number in _BUILTIN_DATE_IDS:
                kinds.append("date")
            else:
                kinds.append("number")
        return kinds

    def style_kind(self, style: int | None) -> str:
        kinds = self.style_kinds
        if style is None or not 0 <= style < len(kinds):
            return "number"
        return kinds[style]

    def excel_date(self, serial: float) -> date:
        # Excel's day 1 is 1900-01-01 (its 1900 leap day makes 1899-12-30 day 0 after February).
        base = date(1904, 1, 1) if self.date1904 else date(1899, 12, 30)
        return base + timedelta(days=int(serial))

    def write(self, path: Path, replaced: Mapping[str, bytes]) -> None:
        """Writes the package to `path` with `replaced` parts; every other part as it was."""
        unknown = set(replaced) - set(self.parts)
        if unknown:
            raise ValueError(f"unknown parts {sorted(unknown)}")
        with zipfile.ZipFile(path, "w") as archive:
            for part, info in self.infos.items():
                copy = zipfile.ZipInfo(part, date_time=info.date_time)
                copy.compress_type = zipfile.ZIP_DEFLATED
                copy.external_attr = info.external_attr
                archive.writestr(copy, replaced.get(part, self.parts[part]))
