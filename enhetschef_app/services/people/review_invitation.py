"""Booking a medarbetarsamtal: the invitation as an .ics file (RFC 5545) that Outlook and other
calendars open. The title is neutral and nothing from the talk's notes or goals goes in it."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.errors import FieldProblems, RuleViolation, UserError
from enhetschef_app.domain.file_names import safe_file_name
from enhetschef_app.domain.review_talks import (
    DEFAULT_DURATION_MINUTES,
    TalkPlanDraft,
    validate_plan,
)
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.people.common import record_audit
from enhetschef_app.services.people.reviews import TalkDetail, require_talk, talk_snapshot
from enhetschef_app.storage.models import utc_now

INVITATION_TITLE = "Medarbetarsamtal"
INVITATION_TEXT = (
    "Välkommen till ditt medarbetarsamtal. Vi pratar om hur du har det i arbetet, din "
    "utveckling och dina mål för året som kommer. Fundera gärna i förväg på vad du vill ta upp."
)
PRODUCT_ID = "-//Enhetschef//Medarbetarsamtal//SV"


@dataclass(frozen=True)
class Invitation:
    talk_id: int
    unit_code: str
    start: datetime  # aware, Europe/Stockholm
    minutes: int
    place: str
    stamp: datetime  # aware UTC: when the invitation was made

    @property
    def uid(self) -> str:
        # The same talk keeps its UID, so a calendar updates the event when it is booked anew.
        return f"medarbetarsamtal-{self.unit_code.lower()}-{self.talk_id}@enhetschef"

    @property
    def sequence(self) -> int:
        # Each booking is later than the last, so its second count orders the versions.
        return int(self.stamp.timestamp())


def invitation_ics(invitation: Invitation) -> bytes:
    """The calendar file: one event with a neutral title, time zone Europe/Stockholm."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", invitation.uid)
    event.add("dtstamp", invitation.stamp.astimezone(UTC))
    event.add("sequence", invitation.sequence)
    event.add("dtstart", invitation.start)
    event.add("dtend", invitation.start + timedelta(minutes=invitation.minutes))
    event.add("summary", INVITATION_TITLE)
    event.add("description", INVITATION_TEXT)
    if invitation.place:
        event.add("location", invitation.place)
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def default_file_name(detail: TalkDetail) -> str:
    day = detail.planned_on.isoformat() if detail.planned_on else "odaterat"
    return safe_file_name("medarbetarsamtal", detail.employee_no, day, suffix=".ics")


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".ics", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def book_talk(workspace: Workspace, talk_id: int, out_path: Path) -> Path:
    """Writes the invitation for a planned talk to `out_path` and marks the talk bokat."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        talk = require_talk(session, unit.id, talk_id)
        if talk.held_on is not None:
            raise RuleViolation("Samtalet är redan genomfört; det behövs ingen inbjudan.")
        draft = TalkPlanDraft(
            planned_on=talk.planned_on,
            planned_time=talk.planned_time,
            duration_minutes=talk.duration_minutes or DEFAULT_DURATION_MINUTES,
            place=talk.place or "",
        )
        problems = validate_plan(draft, for_booking=True)
        if problems:
            raise FieldProblems("Inbjudan sparades inte.", problems)
        assert draft.planned_on is not None and draft.planned_time is not None
        before = talk_snapshot(talk)
        stamp = utc_now()
        invitation = Invitation(
            talk_id=talk.id,
            unit_code=unit.code,
            start=datetime.combine(draft.planned_on, draft.planned_time, tzinfo=STOCKHOLM),
            minutes=draft.duration_minutes,
            place=draft.place,
            stamp=stamp,
        )
        try:
            _write_atomically(out_path, invitation_ics(invitation))
        except OSError as exc:
            raise UserError(
                f"Inbjudan kunde inte sparas i {out_path}: {exc.strerror or exc}. "
                "Välj en annan mapp."
            ) from exc
        talk.booked_at = stamp
        talk.duration_minutes = draft.duration_minutes
        record_audit(
            workspace,
            session,
            "boka_medarbetarsamtal",
            "medarbetarsamtal",
            talk.id,
            before,
            {**talk_snapshot(talk), "invitation": out_path.name},
        )
    return out_path
