"""Keeping Python's cyclic garbage collector off the window's back.

A full collection walks every object the program holds; with a few pages of data loaded that walk
held the interpreter, and so the window, for 0.1 s and more at a time (bench/ui_stall.py logged
them). Objects that live on — the pages, and the data a page has just shown — are frozen out of
the collector: it then walks only what was made since, and such a walk takes a few milliseconds.
Frozen objects are still freed the ordinary way when nothing refers to them; only a reference
cycle among them would stay, and the rows the pages show hold none.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

_pending = False


def freeze_what_lives(*, collect: bool = True) -> None:
    """Collect what is garbage now, then freeze the rest out of later collections. Without
    `collect` (a page just built, at start-up, where a first full walk would cost what this
    saves) garbage made so far is frozen with the rest: a few objects, once per page."""
    global _pending
    _pending = False
    if collect:
        gc.collect()
    gc.freeze()


def freeze_soon() -> None:
    """As `freeze_what_lives`, on the event loop's next turn: the data just shown is then in
    place, and the short collection is not added to the turn that showed it."""
    global _pending
    if not _pending:
        _pending = True
        QTimer.singleShot(0, freeze_what_lives)
