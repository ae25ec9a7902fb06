"""Excel tables (Infoga → Tabell) on the shared sheet: a row appended right below a table, or a
column added right beside it, becomes part of it, as it would when typed in Excel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from enhetschef_app.excel.sheet_xml import attributes, column_index, column_letter
from enhetschef_app.excel.xlsx_package import TABLE, XlsxPackage

_RANGE = re.compile(r"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)")


@dataclass(frozen=True)
class CellRange:
    first_column: int
    first_row: int
    last_column: int
    last_row: int

    @classmethod
    def parse(cls, text: str) -> CellRange | None:
        found = _RANGE.fullmatch(text.replace("$", ""))
        if found is None:
            return None
        return cls(
            column_index(found.group(1)),
            int(found.group(2)),
            column_index(found.group(3)),
            int(found.group(4)),
        )

    def __str__(self) -> str:
        return (
            f"{column_letter(self.first_column)}{self.first_row}:"
            f"{column_letter(self.last_column)}{self.last_row}"
        )


def grown_tables(
    package: XlsxPackage,
    sheet_part: str,
    header_row: int,
    new_row: int | None,
    new_columns: dict[int, str],
) -> dict[str, bytes]:
    """The sheet's table parts that must grow to take in `new_row` and `new_columns`
    ({column: header}); tables that stay as they are are not returned."""
    changed: dict[str, bytes] = {}
    for rel in package.relationships(sheet_part):
        if rel.type != TABLE or rel.part not in package.parts:
            continue
        xml = package.text(rel.part)
        opening = re.search(r"<(\w+:)?table\b[^>]*>", xml)
        if opening is None:
            continue
        prefix = opening.group(1) or ""
        attrs = attributes(opening.group(0))
        area = CellRange.parse(attrs.get("ref", ""))
        if area is None or area.first_row != header_row or attrs.get("headerRowCount") == "0":
            continue
        last_row = area.last_row
        if new_row == area.last_row + 1 and int(attrs.get("totalsRowCount", "0") or 0) == 0:
            last_row = new_row
        last_column = area.last_column
        added: list[str] = []
        for column in sorted(new_columns):
            if column == last_column + 1:
                last_column = column
                added.append(new_columns[column])
        grown = CellRange(area.first_column, area.first_row, last_column, last_row)
        if grown == area:
            continue
        xml = _with_ref(xml, str(area), str(grown))
        if added:
            xml = _with_columns(xml, prefix, added)
        changed[rel.part] = xml.encode("utf-8")
    return changed


def _with_ref(xml: str, old: str, new: str) -> str:
    """The table's and its filter's range moved from `old` to `new`."""
    return re.sub(
        r'(<(?:\w+:)?(?:table|autoFilter)\b[^>]*\bref=")([^"]*)(")',
        lambda m: m.group(1) + (new if m.group(2) == old else m.group(2)) + m.group(3),
        xml,
    )


def _with_columns(xml: str, prefix: str, names: list[str]) -> str:
    ids = [int(i) for i in re.findall(r'<(?:\w+:)?tableColumn\b[^>]*\bid="(\d+)"', xml)]
    taken = {
        attributes(m).get("name", "") for m in re.findall(r"<(?:\w+:)?tableColumn\b[^>]*", xml)
    }
    next_id = max(ids, default=0) + 1
    new: list[str] = []
    for name in names:
        unique = name
        while unique in taken:
            unique += " 2"
        taken.add(unique)
        new.append(f'<{prefix}tableColumn id="{next_id}" name={quoteattr(unique)}/>')
        next_id += 1
    count = len(ids) + len(names)
    xml = re.sub(
        r'(<(?:\w+:)?tableColumns\b[^>]*\bcount=")\d+(")',
        lambda m: f"{m.group(1)}{count}{m.group(2)}",
        xml,
        count=1,
    )
    close = f"</{prefix}tableColumns>"
    return xml.replace(close, "".join(new) + close, 1)
