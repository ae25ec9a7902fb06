"""Imports every module that declares ORM models, so `Base.metadata` knows all tables.

Each area keeps its models in its own module (`models.py` for the core, `models_<area>.py`
for the rest); add one import line here when an area adds a module.
"""

from __future__ import annotations

from enhetschef_app.storage import models
from enhetschef_app.storage import models_absence as models_absence
from enhetschef_app.storage import models_access as models_access
from enhetschef_app.storage import models_economy as models_economy
from enhetschef_app.storage import models_imports as models_imports
from enhetschef_app.storage import models_incidents as models_incidents
from enhetschef_app.storage import models_month as models_month
from enhetschef_app.storage import models_overtime as models_overtime
from enhetschef_app.storage import models_people as models_people
from enhetschef_app.storage import models_privacy as models_privacy
from enhetschef_app.storage import models_schedule as models_schedule
from enhetschef_app.storage.models import Base

metadata = Base.metadata

__all__ = ["metadata", "models"]
