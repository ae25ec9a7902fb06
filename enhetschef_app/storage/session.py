"""The handle a unit of work reads and writes through, as the layers above storage name it.

Services and the demo pass it on to storage's functions and never build SQL with it; naming
the type here keeps SQLAlchemy's import inside storage (ruff's banned-api rule) while
the signatures keep their types.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["Session"]
