"""The status bar's word on the month report: the last month synced to the VC's workbook, and
whether syncs wait in the queue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.sync import last_sync, waiting_syncs


def show_sync_status(label: QLabel, workspace: Workspace) -> None:
    try:
        synced = last_sync(workspace)
        waiting = waiting_syncs(workspace)
    except UserError:
        return
    if synced is None:
        text = QCoreApplication.translate("MonthStatus", "Månadsrapport: ej synkad")
    else:
        when = synced.at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = QCoreApplication.translate(
            "MonthStatus", "Månadsrapport {month} synkad {when}"
        ).format(month=synced.month, when=when)
        label.setToolTip(synced.workbook)
    if waiting:
        text += QCoreApplication.translate("MonthStatus", " · {0} i synkkön").format(waiting)
    label.setText(text)
