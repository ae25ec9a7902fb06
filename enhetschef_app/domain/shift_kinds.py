"""Kinds of shift (dag, kväll, natt, långpass, resurspass): what the week grid colours by and
what tells a resurspass from a fixed place."""

from __future__ import annotations

import enum
from datetime import time


class ShiftKind(enum.StrEnum):
    DAY = "dag"
    EVENING = "kvall"
    NIGHT = "natt"
    LONG = "lang"
    RESOURCE = "resurs"
    OTHER = "ovrigt"

    @property
    def label(self) -> str:
        return SHIFT_KIND_LABELS[self]


SHIFT_KIND_LABELS = {
    ShiftKind.DAY: "Dag",
    ShiftKind.EVENING: "Kväll",
    ShiftKind.NIGHT: "Natt",
    ShiftKind.LONG: "Långpass",
    ShiftKind.RESOURCE: "Resurspass",
    ShiftKind.OTHER: "Övrigt",
}

# The codes DOMAIN.md names; a scheduling system's other codes are judged by their times.
_BY_CODE = {
    "D": ShiftKind.DAY,
    "K": ShiftKind.EVENING,
    "N": ShiftKind.NIGHT,
    "L": ShiftKind.LONG,
    "R": ShiftKind.RESOURCE,
}


def parse_shift_kind(value: str | None) -> ShiftKind:
    try:
        return ShiftKind(value or "")
    except ValueError:
        return ShiftKind.OTHER


def guess_shift_kind(code: str | None, start: time, end: time) -> ShiftKind:
    """The kind of a shift code seen for the first time, from its letter or else its times."""
    known = _BY_CODE.get((code or "").strip().upper())
    if known is not None:
        return known
    start_minute = start.hour * 60 + start.minute
    end_minute = end.hour * 60 + end.minute
    length = (end_minute - start_minute) % (24 * 60) or 24 * 60
    if start_minute >= 20 * 60 or (end_minute <= start_minute and start_minute >= 18 * 60):
        return ShiftKind.NIGHT
    if length >= 11 * 60:
        return ShiftKind.LONG
    if start_minute >= 12 * 60:
        return ShiftKind.EVENING
    return ShiftKind.DAY
