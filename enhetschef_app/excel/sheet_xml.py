"""A worksheet's XML, read and changed as text: the rows of `<sheetData>`, their cells and
values, and a new document in which only the rows that were rewritten differ.

Every row the app does not touch keeps its exact bytes, and so does everything outside
`<sheetData>` (column widths, frozen panes, conditional formats, validation, comments' anchors,
page setup, extensions) except the `<dimension>` reference. Cells the app writes are typed:
numbers as numbers, text as an inline string, never as a formula.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from enhetschef_app.excel.xlsx_package import unescape_ooxml

_ATTR = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
# Characters XML 1.0 cannot hold, which OOXML writes as _xHHHH_; an underscore that starts
# such a sequence in the text itself is escaped too, so it reads back as written.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")

CellValue = str | float | bool | None


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - ord("A") + 1
    return index


def xml_unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _ENTITIES[name]

    return _ENTITY.sub(one, text)


def attributes(tag_text: str) -> dict[str, str]:
    return {name: xml_unescape(a if a else b) for name, a, b in _ATTR.findall(tag_text)}


@dataclass(frozen=True)
class Cell:
    column: int
    xml: str  # the element as it stands in the file
    attrs: dict[str, str]
    body: str  # what is between <c> and </c>; empty for <c/>

    @property
    def style(self) -> int | None:
        value = self.attrs.get("s")
        return int(value) if value and value.isdigit() else None

    @property
    def has_formula(self) -> bool:
        return "<" in self.body and re.search(r"<(\w+:)?f\b", self.body) is not None

    @property
    def has_value(self) -> bool:
        return re.search(r"<(\w+:)?(v|is|f)\b", self.body) is not None


@dataclass(frozen=True)
class Row:
    number: int
    start: int  # offsets of the element in the sheet's text
    end: int
    open_tag: str  # '<row r="2" spans="1:10">' (or the whole '<row .../>')
    body: str
    self_closing: bool


class Worksheet:
    """The rows of one worksheet part, found once; cells are read when asked for."""

    def __init__(self, xml: str) -> None:
        self.xml = xml
        found = re.search(r"<(\w+:)?sheetData\b[^>]*?(/?)>", xml)
        if found is None:
            raise ValueError("the worksheet has no sheetData")
        self.prefix = found.group(1) or ""
        self._data_open_start = found.start()
        self._data_open_end = found.end()
        self.data_self_closing = found.group(2) == "/"
        if self.data_self_closing:
            self._data_close = found.end()
            self.rows: list[Row] = []
        else:
            close = xml.find(f"</{self.prefix}sheetData>", found.end())
            if close < 0:
                raise ValueError("the worksheet's sheetData is not closed")
            self._data_close = close
            self.rows = self._find_rows(found.end(), close)
        self.by_number = {row.number: row for row in self.rows}
        p = re.escape(self.prefix)
        self._cell = re.compile(rf"<{p}c\b([^>]*?)(/>|>(.*?)</{p}c>)", re.S)
        self._unreferenced = re.compile(rf"<{p}c(?![^>]*\sr=)[\s/>]")

    def _find_rows(self, start: int, end: int) -> list[Row]:
        p = re.escape(self.prefix)
        pattern = re.compile(rf"<{p}row\b([^>]*?)(/>|>(.*?)</{p}row>)", re.S)
        rows: list[Row] = []
        previous = 0
        for match in pattern.finditer(self.xml, start, end):
            attrs = attributes(match.group(1))
            number = int(attrs["r"]) if attrs.get("r", "").isdigit() else previous + 1
            previous = number
            self_closing = match.group(2) == "/>"
            open_tag = (
                match.group(0)
                if self_closing
                else match.group(0)[: match.start(2) - match.start(0) + 1]
            )
            rows.append(
                Row(
                    number=number,
                    start=match.start(),
                    end=match.end(),
                    open_tag=open_tag,
                    body="" if self_closing else match.group(3),
                    self_closing=self_closing,
                )
            )
        return rows

    def row_xml(self, row: Row) -> str:
        return self.xml[row.start : row.end]

    def cells(self, row: Row) -> list[Cell]:
        found: list[Cell] = []
        previous = 0
        for match in self._cell.finditer(row.body):
            attrs = attributes(match.group(1))
            ref = _REF.fullmatch(attrs.get("r", ""))
            column = column_index(ref.group(1)) if ref else previous + 1
            previous = column
            found.append(Cell(column, match.group(0), attrs, match.group(3) or ""))
        return found

    def cell_at(self, row: Row, column: int) -> Cell | None:
        """The row's cell in `column`, found by its reference without reading the whole row."""
        if "r='" in row.body or self._unreferenced.search(row.body):
            return self.cells_by_column(row).get(column)
        at = row.body.find(f'r="{column_letter(column)}{row.number}"')
        if at < 0:
            return None
        start = row.body.rfind(f"<{self.prefix}c", 0, at)
        match = self._cell.match(row.body, start)
        if match is None:
            return None
        return Cell(column, match.group(0), attributes(match.group(1)), match.group(3) or "")

    def cells_by_column(self, row: Row) -> dict[int, Cell]:
        return {cell.column: cell for cell in self.cells(row)}

    def last_column(self, row: Row) -> int:
        cells = self.cells(row)
        return max((c.column for c in cells), default=0)

    def value(self, cell: Cell, shared_strings: Sequence[str]) -> CellValue:
        """The cell's value as Excel shows it before formatting: text, number, bool or None."""
        kind = cell.attrs.get("t", "n")
        p = re.escape(self.prefix)
        if kind == "inlineStr":
            texts = re.findall(rf"<{p}t\b[^>]*>(.*?)</{p}t>", _without_phonetic(cell.body, p), re.S)
            return unescape_ooxml(xml_unescape("".join(texts)))
        found = re.search(rf"<{p}v\b[^>]*>(.*?)</{p}v>", cell.body, re.S)
        if found is None:
            return None
        raw = xml_unescape(found.group(1))
        if kind == "s":
            index = int(raw)
            return shared_strings[index] if 0 <= index < len(shared_strings) else None
        if kind in {"str", "d", "e"}:
            return unescape_ooxml(raw)
        if kind == "b":
            return raw.strip() in {"1", "true"}
        try:
            return float(raw)
        except ValueError:
            return raw

    def last_row_with_values(self) -> int:
        """The number of the last row holding any value or formula (0 for an empty sheet)."""
        for row in reversed(self.rows):
            if any(cell.has_value for cell in self.cells(row)):
                return row.number
        return 0

    def render(
        self,
        rewritten: Mapping[int, str],
        dimension: str | None = None,
    ) -> str:
        """The sheet with the rows in `rewritten` (by number) replaced or, when the sheet has no
        such row yet, inserted in order; every other byte as it was."""
        pieces: list[str] = []
        position = self._data_open_end
        pending = dict(sorted(rewritten.items()))
        if self.data_self_closing:
            head = self.xml[: self._data_open_start]
            open_tag = self.xml[self._data_open_start : self._data_open_end]
            body = "".join(pending.values())
            text = f"{head}{open_tag[:-2].rstrip()}>{body}</{self.prefix}sheetData>"
            text += self.xml[self._data_open_end :]
            return _with_dimension(text, dimension)
        pieces.append(self.xml[: self._data_open_end])
        for row in self.rows:
            for number in [n for n in pending if n < row.number]:
                pieces.append(self.xml[position : row.start])
                position = row.start
                pieces.append(pending.pop(number))
            if row.number in pending:
                pieces.append(self.xml[position : row.start])
                pieces.append(pending.pop(row.number))
                position = row.end
        pieces.append(self.xml[position : self._data_close])
        pieces.extend(pending.values())
        pieces.append(self.xml[self._data_close :])
        return _with_dimension("".join(pieces), dimension)

    def dimension(self) -> str | None:
        found = re.search(rf'<{re.escape(self.prefix)}dimension\b[^>]*\bref="([^"]*)"', self.xml)
        return found.group(1) if found else None

    def column_styles(self) -> dict[int, int]:
        """The default cell style of each column from <cols> (a column formatted as a whole)."""
        styles: dict[int, int] = {}
        p = re.escape(self.prefix)
        cols = re.search(
            rf"<{p}cols\b[^>]*>(.*?)</{p}cols>", self.xml[: self._data_open_start], re.S
        )
        if cols is None:
            return styles
        for tag in re.findall(rf"<{p}col\b([^>]*?)/?>", cols.group(1)):
            attrs = attributes(tag)
            if not attrs.get("style", "").isdigit():
                continue
            for column in range(int(attrs.get("min", "0")), int(attrs.get("max", "0")) + 1):
                styles[column] = int(attrs["style"])
        return styles


def _without_phonetic(body: str, prefix: str) -> str:
    return re.sub(rf"<{prefix}rPh\b.*?</{prefix}rPh>", "", body, flags=re.S)


def _with_dimension(text: str, dimension: str | None) -> str:
    if dimension is None:
        return text
    return re.sub(
        r'(<(?:\w+:)?dimension\b[^>]*\bref=")[^"]*(")',
        lambda m: m.group(1) + dimension + m.group(2),
        text,
        count=1,
    )


def _xml_text(text: str) -> str:
    text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)
    text = _NOT_XML.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    return escape(text)


def _style_attr(style: int | None) -> str:
    return "" if style is None else f' s="{style}"'


def text_cell(prefix: str, ref: str, style: int | None, text: str) -> str:
    """Text as an inline string: typed as text, so '=SUMMA(...)' stays the letters it is."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    p = prefix
    return (
        f'<{p}c r="{ref}"{_style_attr(style)} t="inlineStr">'
        f"<{p}is><{p}t{space}>{_xml_text(text)}</{p}t></{p}is></{p}c>"
    )


def number_text(value: Decimal | int | float) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, int):
        return str(value)
    return repr(value)


def number_cell(prefix: str, ref: str, style: int | None, value: Decimal | int | float) -> str:
    p = prefix
    return f'<{p}c r="{ref}"{_style_attr(style)}><{p}v>{number_text(value)}</{p}v></{p}c>'


def empty_cell(prefix: str, ref: str, style: int | None) -> str:
    """A cell without a value; only written when it carries a style worth keeping."""
    return "" if style is None else f'<{prefix}c r="{ref}" s="{style}"/>'


def row_xml(prefix: str, number: int, open_tag: str | None, cells: Sequence[str], tail: str) -> str:
    """A row with the given cells (in column order). `open_tag` keeps the row's own attributes
    (height, style, hidden) but not its `spans`, a hint that may no longer hold."""
    if open_tag is None:
        tag = f'<{prefix}row r="{number}">'
    else:
        tag = re.sub(r'\s+spans="[^"]*"', "", open_tag)
        tag = tag[:-2].rstrip() + ">" if tag.endswith("/>") else tag
        if "r" not in attributes(tag):
            tag = re.sub(rf"^<{re.escape(prefix)}row\b", f'<{prefix}row r="{number}"', tag)
    return f"{tag}{''.join(cells)}{tail}</{prefix}row>"
