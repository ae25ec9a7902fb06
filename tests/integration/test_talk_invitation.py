"""The .ics invitation, written to a real file and parsed back: neutral, local time with its
VTIMEZONE, one UID per talk and a growing SEQUENCE."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from absence_helpers import absence, employee

from enhetschef_app.domain.care_talks import TalkState, TalkStep
from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.absence.care_talks import apply_talk_step
from enhetschef_app.services.absence.talk_invitation import save_invitation
from enhetschef_app.services.core.workspace import Workspace

DAY = date(2026, 6, 10)


def invite(workspace: Workspace, person: int, on: date, at: time, place: str) -> int:
    step = TalkStep(TalkState.INVITED, on, at, place, minutes=45)
    return apply_talk_step(workspace, person, step, as_of=DAY, today=DAY).id


@pytest.fixture
def person(workspace: Workspace) -> int:
    anna = employee(workspace, "1001", "Anna Ålund")
    for start in ("2026-02-02", "2026-03-02", "2026-05-11"):
        absence(workspace, anna, start, start)
    return anna


def event_of(path: Path) -> tuple[icalendar.Calendar, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert isinstance(event, icalendar.Event)
    return calendar, event


def test_the_invitation_says_only_time_place_and_a_neutral_title(
    workspace: Workspace, person: int, tmp_path: Path
) -> None:
    talk = invite(workspace, person, date(2026, 6, 16), time(9, 30), "Chefens kontor")
    path = save_invitation(workspace, talk, tmp_path / "samtal")
    assert path.name == "samtal.ics"
    calendar, event = event_of(path)
    assert str(event["SUMMARY"]) == "Samtal med din chef"
    assert str(event["LOCATION"]) == "Chefens kontor"
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 6, 16, 9, 30, tzinfo=start.tzinfo)
    assert start.utcoffset() == timedelta(hours=2)  # summer time in Stockholm
    assert event.decoded("DTEND") - start == timedelta(minutes=45)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    (zone,) = calendar.walk("VTIMEZONE")
    assert isinstance(zone, icalendar.Timezone)
    assert str(zone["TZID"]) == "Europe/Stockholm"
    tz = zone.to_tz()
    assert datetime(2026, 12, 1, 12, tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert datetime(2026, 7, 1, 12, tzinfo=tz).utcoffset() == timedelta(hours=2)
    text = path.read_text(encoding="utf-8").lower()
    for word in ("sjuk", "frånvaro", "franvaro", "omtanke", "tillfälle", "anna", "ålund", "1001"):
        assert word not in text


def test_a_new_time_keeps_the_uid_and_raises_the_sequence(
    workspace: Workspace, person: int, tmp_path: Path
) -> None:
    first = invite(workspace, person, date(2026, 6, 16), time(9, 30), "Chefens kontor")
    _cal, before = event_of(save_invitation(workspace, first, tmp_path / "a.ics"))
    again = invite(workspace, person, date(2026, 10, 27), time(13, 0), "Samtalsrummet")
    assert again == first
    _cal, after = event_of(save_invitation(workspace, again, tmp_path / "b.ics"))
    assert str(after["UID"]) == str(before["UID"])
    assert (str(before["SEQUENCE"]), str(after["SEQUENCE"])) == ("0", "1")
    start = after.decoded("DTSTART")
    assert (start.hour, start.utcoffset()) == (13, timedelta(hours=1))  # winter time again


def test_there_is_no_invitation_before_the_talk_is_booked(
    workspace: Workspace, person: int, tmp_path: Path
) -> None:
    talk = apply_talk_step(
        workspace,
        person,
        TalkStep(TalkState.NOT_NEEDED, DAY, text="Känd orsak"),
        as_of=DAY,
        today=DAY,
    )
    with pytest.raises(UserError, match="bjud in"):
        save_invitation(workspace, talk.id, tmp_path / "x.ics")
    assert not (tmp_path / "x.ics").exists()
