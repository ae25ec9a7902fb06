"""The invitation to an omtankessamtal as an .ics file that Outlook opens.

It says only what any meeting says: a neutral title ("Samtal med din chef"), the time and the
place. No word of absence, health or omtankessamtal, not even in the UID. The time is local
Stockholm time with its VTIMEZONE, so the talk stays at 09:30 across a DST change. The UID is
fixed per talk and SEQUENCE grows with each new time, so a moved talk replaces the old entry.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.care_talks import TalkState
from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.absence.care_talks import TalkView, list_talks
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage import audit

INVITATION_TITLE = "Samtal med din chef"
INVITATION_TEXT = "Välkommen till ett samtal med din chef."
PRODUCT_ID = "-//Enhetschef//Enhetschef//SV"
DEFAULT_MINUTES = 45


def invitation_uid(unit_code: str, talk_id: int) -> str:
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'enhetschef:{unit_code}:samtal:{talk_id}')}"


def invitation_ics(talk: TalkView, unit_code: str, stamp: datetime) -> bytes:
    """The calendar file of an invited talk; `stamp` is DTSTAMP (when it was made)."""
    from icalendar import Calendar, Event

    if (
        talk.state is not TalkState.INVITED
        or talk.invited_date is None
        or talk.invited_time is None
    ):
        raise UserError(
            "Det finns ingen inbjudan att spara: bjud in till samtalet först (datum, tid, plats)."
        )
    start = datetime.combine(talk.invited_date, talk.invited_time, tzinfo=STOCKHOLM)
    end = start + timedelta(minutes=talk.duration_minutes or DEFAULT_MINUTES)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", invitation_uid(unit_code, talk.id))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", max(0, talk.invitations - 1))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", INVITATION_TITLE)
    event.add("description", INVITATION_TEXT)
    if talk.place:
        event.add("location", talk.place)
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    event.add("status", "CONFIRMED")
    calendar.add_component(stockholm_timezone())
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def stockholm_timezone() -> Any:
    """Europe/Stockholm as Outlook writes it: EU summer time by rule (since 1996, the last
    Sunday of March 02:00 to the last Sunday of October 03:00) rather than a list of dates."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", STOCKHOLM.key)
    # The onsets are local wall-clock times without a zone, as RFC 5545 (3.6.5) defines them.
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1996, 10, 27, 3, 0))  # noqa: DTZ001
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("tzname", "CET")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", datetime(1981, 3, 29, 2, 0))  # noqa: DTZ001
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("tzname", "CEST")
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def default_file_name(talk: TalkView) -> str:
    day = talk.invited_date.isoformat() if talk.invited_date else "samtal"
    return f"samtal-{day}.ics"


def save_invitation(workspace: Workspace, talk_id: int, path: Path) -> Path:
    """Writes the invitation where the EC chose; the audit log notes that it was made."""
    unit = workspace.require_unit()
    talk = next((t for t in list_talks(workspace) if t.id == talk_id), None)
    if talk is None:
        raise UserError("Samtalet finns inte längre. Uppdatera listan (F5).")
    data = invitation_ics(talk, unit.code, datetime.now(UTC))
    path = Path(path)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        path.write_bytes(data)
    except PermissionError:
        raise UserError(f"Filen {path} går inte att skriva: den kan vara öppen.") from None
    except OSError as exc:
        raise UserError(f"Filen {path} kunde inte sparas ({exc.strerror}).") from exc
    with workspace.transaction() as session:
        audit.record(
            session,
            actor=workspace.actor,
            action="spara_inbjudan",
            entity="omtankessamtal",
            entity_id=talk.id,
            unit_id=unit.id,
            after={"invited_date": talk.invited_date, "file": path.name},
        )
    return path
