"""The areas of the program a piece of work changed, for the window to refresh what shows them.

The window's worker runs a service call inside `collect_changes()`; each unit of work that
commits in that thread adds the areas its statements wrote to (see storage/areas.py).
"""

from __future__ import annotations

from enhetschef_app.storage.unit_of_work import collect_changes

__all__ = ["collect_changes"]
