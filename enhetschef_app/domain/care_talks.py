"""The omtankessamtal: its states, the steps between them, and who is due (DOMAIN.md: Absence,
occasions and omtankessamtal).

    due → inbjuden → genomförd → uppföljd → avslutad
      ↘ avböjd / ej aktuell (with a reason, from due or inbjuden)

"Due" is not stored: it is what the trigger says about a person with no talk under way. A talk
is stored from its first step on and remembers the occasions it was raised for (`covers_through`,
the start of the newest of them), so that a person whose talk is invited or decided for these
occasions is not due again until a new occasion comes. A snoozed signal is not due until its date.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from enhetschef_app.domain.absence_occasions import OccasionCount
from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.domain.settings_catalog import RuleSettings

MAX_NOTE_CHARS = 500  # short notes: agreed support, never a diagnosis
MAX_REASON_CHARS = 300
MAX_PLACE_CHARS = 120
TALK_MINUTES = (15, 240)


class TalkState(enum.StrEnum):
    DUE = "aktuellt"
    INVITED = "inbjuden"
    HELD = "genomford"
    FOLLOWED_UP = "uppfoljd"
    CLOSED = "avslutad"
    DECLINED = "avbojd"
    NOT_NEEDED = "ej_aktuell"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


STATE_LABELS: dict[TalkState, str] = {
    TalkState.DUE: "Ska erbjudas",
    TalkState.INVITED: "Inbjuden",
    TalkState.HELD: "Genomförd",
    TalkState.FOLLOWED_UP: "Uppföljd",
    TalkState.CLOSED: "Avslutad",
    TalkState.DECLINED: "Avböjd",
    TalkState.NOT_NEEDED: "Ej aktuell",
}

FINAL_STATES = frozenset({TalkState.CLOSED, TalkState.DECLINED, TalkState.NOT_NEEDED})
OPEN_STATES = (TalkState.INVITED, TalkState.HELD, TalkState.FOLLOWED_UP)  # a talk under way

# The steps the workflow allows. INVITED → INVITED is a new time or place for the talk.
TRANSITIONS: dict[TalkState, tuple[TalkState, ...]] = {
    TalkState.DUE: (TalkState.INVITED, TalkState.DECLINED, TalkState.NOT_NEEDED),
    TalkState.INVITED: (
        TalkState.INVITED,
        TalkState.HELD,
        TalkState.DECLINED,
        TalkState.NOT_NEEDED,
    ),
    TalkState.HELD: (TalkState.FOLLOWED_UP,),
    TalkState.FOLLOWED_UP: (TalkState.CLOSED,),
    TalkState.CLOSED: (),
    TalkState.DECLINED: (),
    TalkState.NOT_NEEDED: (),
}

# What to do instead, for the wrong steps an EC is most likely to try.
_INSTEAD: dict[tuple[TalkState, TalkState], str] = {
    (TalkState.DUE, TalkState.HELD): "Bjud in till samtalet först; registrera sedan att det är "
    "genomfört.",
    (TalkState.INVITED, TalkState.FOLLOWED_UP): "Registrera först att samtalet är genomfört.",
    (TalkState.INVITED, TalkState.CLOSED): "Registrera först att samtalet är genomfört och "
    "följ upp det.",
    (TalkState.HELD, TalkState.CLOSED): "Följ upp samtalet på uppföljningsdagen innan det "
    "avslutas.",
    (TalkState.HELD, TalkState.DECLINED): "Samtalet är redan genomfört och kan inte avböjas.",
    (TalkState.HELD, TalkState.NOT_NEEDED): "Samtalet är redan genomfört; följ upp det i stället.",
}


def allowed_steps(state: TalkState) -> tuple[TalkState, ...]:
    return TRANSITIONS[state]


def check_transition(current: TalkState, target: TalkState) -> None:
    """Raises RuleViolation in Swedish when the workflow does not allow the step."""
    if target in TRANSITIONS[current]:
        return
    head = f"Omtankessamtalet är {current.label.lower()} och kan inte bli {target.label.lower()}."
    if current.is_final:
        raise RuleViolation(f"{head} Det är avslutat; ett nytt samtal börjar med en ny signal.")
    advice = _INSTEAD.get((current, target))
    if advice is None:
        steps = ", ".join(step.label.lower() for step in TRANSITIONS[current] if step != current)
        advice = f"Nästa steg kan vara: {steps}."
    raise RuleViolation(f"{head} {advice}")


@dataclass(frozen=True)
class TalkFacts:
    """What a stored talk already holds, as the step rules need it."""

    state: TalkState
    signal_date: date
    invited_date: date | None = None
    held_on: date | None = None
    follow_up_date: date | None = None
    followed_up_on: date | None = None


@dataclass(frozen=True)
class TalkIntervals:
    """The dates the talk dialogs suggest, from the settings (the EC can change each date)."""

    invite_after_days: int
    follow_up_weeks: int
    snooze_days: int

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> TalkIntervals:
        return cls(
            invite_after_days=settings.integer("absence.care_talk_invite_days"),
            follow_up_weeks=settings.integer("absence.care_talk_follow_up_weeks"),
            snooze_days=settings.integer("absence.care_talk_snooze_days"),
        )

    @classmethod
    def defaults(cls) -> TalkIntervals:
        """The catalogue's defaults, for a dialog opened without the unit's settings."""
        return cls.from_settings(RuleSettings())

    def invitation_date(self, today: date, signal_date: date) -> date:
        """A talk a few days after the signal, never in the past."""
        return max(today, signal_date) + timedelta(days=self.invite_after_days)

    def follow_up_date(self, held_on: date) -> date:
        return held_on + timedelta(weeks=self.follow_up_weeks)

    def snooze_until(self, as_of: date) -> date:
        return as_of + timedelta(days=self.snooze_days)


@dataclass(frozen=True)
class TalkStep:
    """One step of the workflow with what the EC filled in for it.

    `on` is the step's own date: the day of the talk for INVITED, the day it was held for HELD,
    the day of the follow-up, of closing, or of the decision to decline or drop it."""

    target: TalkState
    on: date | None
    at: time | None = None  # INVITED: time of day
    place: str = ""  # INVITED
    minutes: int = 45  # INVITED: length of the talk
    text: str = ""  # HELD: agreed support; FOLLOWED_UP: note; DECLINED/NOT_NEEDED: reason
    follow_up: date | None = None  # HELD: the day to follow up


STEP_FIELD_LABELS = {
    "on": "Datum",
    "at": "Tid",
    "place": "Plats",
    "minutes": "Längd",
    "text": "Text",
    "follow_up": "Uppföljning",
}


def validate_step(facts: TalkFacts, step: TalkStep, today: date) -> dict[str, str]:
    """Every problem of the step's fields, in Swedish; empty when it may be saved.

    The transition itself is `check_transition`'s; this is about what was filled in."""
    problems: dict[str, str] = {}
    target = step.target
    if step.on is None:
        problems["on"] = "Datum saknas."
    text = step.text.strip()
    if target is TalkState.INVITED:
        if step.at is None:
            problems["at"] = "Tid saknas; skriv t.ex. 09:30."
        if not step.place.strip():
            problems["place"] = "Plats saknas, t.ex. Chefens kontor."
        elif len(step.place.strip()) > MAX_PLACE_CHARS:
            problems["place"] = f"Högst {MAX_PLACE_CHARS} tecken."
        low, high = TALK_MINUTES
        if not low <= step.minutes <= high:
            problems["minutes"] = f"Samtalet ska vara mellan {low} och {high} minuter."
        if step.on is not None and step.on < facts.signal_date:
            problems["on"] = (
                f"Samtalet kan inte ligga före signalen {facts.signal_date.isoformat()}."
            )
    elif target is TalkState.HELD:
        if step.on is not None:
            if step.on > today:
                problems["on"] = "Ett genomfört samtal kan inte ha ett datum efter idag."
            elif step.on < facts.signal_date:
                problems["on"] = (
                    f"Samtalet kan inte vara hållet före signalen {facts.signal_date.isoformat()}."
                )
        if not text:
            problems["text"] = "Skriv kort vilket stöd ni kom överens om (eller 'inget särskilt')."
        if step.follow_up is None:
            problems["follow_up"] = "Ange när samtalet ska följas upp."
        elif step.on is not None and step.follow_up <= step.on:
            problems["follow_up"] = "Uppföljningen ska ligga efter samtalet."
    elif target is TalkState.FOLLOWED_UP:
        if step.on is not None:
            if step.on > today:
                problems["on"] = "En uppföljning kan inte registreras före den har skett."
            elif facts.held_on is not None and step.on < facts.held_on:
                problems["on"] = f"Uppföljningen kan inte ligga före samtalet {facts.held_on}."
    elif target is TalkState.CLOSED:
        done = facts.followed_up_on
        if step.on is not None and done is not None and step.on < done:
            problems["on"] = f"Kan inte avslutas före uppföljningen {done.isoformat()}."
    elif target in (TalkState.DECLINED, TalkState.NOT_NEEDED):
        if not text:
            problems["text"] = "Skriv skälet."
        if step.on is not None and step.on < facts.signal_date:
            problems["on"] = f"Datumet kan inte ligga före signalen {facts.signal_date}."
    limit = (
        MAX_REASON_CHARS
        if target in (TalkState.DECLINED, TalkState.NOT_NEEDED)
        else (MAX_NOTE_CHARS)
    )
    if len(text) > limit and "text" not in problems:
        problems["text"] = f"Högst {limit} tecken: skriv kort, bara det som överenskommits."
    return problems


def step_warnings(step: TalkStep) -> list[str]:
    """Privacy warnings on the free text of a step (shown before saving; the EC decides)."""
    return privacy_warnings(f"{step.place}\n{step.text}")


# -- who is due ---------------------------------------------------------------------------------


class SignalStatus(enum.StrEnum):
    DUE = "due"  # reached the threshold, nothing under way: offer a talk
    SNOOZED = "snoozed"  # the EC waits until a date
    INVITED = "invited"  # a talk is booked
    HANDLED = "handled"  # a talk was held, declined or dropped for these occasions

    @property
    def label(self) -> str:
        return {
            SignalStatus.DUE: "Ska erbjudas samtal",
            SignalStatus.SNOOZED: "Vilande",
            SignalStatus.INVITED: "Inbjuden",
            SignalStatus.HANDLED: "Hanterad",
        }[self]


@dataclass(frozen=True)
class TalkRecord:
    """A stored talk as the trigger needs it."""

    id: int
    state: TalkState
    signal_date: date
    covers_through: date  # start of the newest occasion the talk was raised for
    invited_date: date | None = None
    held_on: date | None = None


@dataclass(frozen=True)
class Snooze:
    id: int
    made_on: date
    until: date  # due again on this day
    reason: str


@dataclass(frozen=True)
class SignalVerdict:
    status: SignalStatus
    why: str
    talk: TalkRecord | None = None
    snooze: Snooze | None = None


def last_held_talk(talks: Iterable[TalkRecord]) -> date | None:
    """The day of the newest talk that was held: counting restarts there (a setting)."""
    held = [t.held_on for t in talks if t.held_on is not None]
    return max(held) if held else None


def active_snooze(snoozes: Iterable[Snooze], as_of: date) -> Snooze | None:
    """The snooze in force on `as_of`: made on or before it, and not yet at its date."""
    live = [s for s in snoozes if s.made_on <= as_of < s.until]
    return max(live, key=lambda s: (s.until, s.id)) if live else None


def judge_signal(
    count: OccasionCount, talks: Iterable[TalkRecord], snoozes: Iterable[Snooze]
) -> SignalVerdict | None:
    """What the trigger says about one person on `count.as_of`; None below the threshold."""
    if not count.reached or not count.counted:
        return None
    as_of = count.as_of
    known = [t for t in talks if t.signal_date <= as_of]
    invited = [t for t in known if t.state is TalkState.INVITED]
    if invited:
        talk = max(invited, key=lambda t: (t.signal_date, t.id))
        when = talk.invited_date.isoformat() if talk.invited_date else "ett bokat datum"
        return SignalVerdict(
            SignalStatus.INVITED, f"Inbjuden till samtal {when}; inte aktuell igen förrän då.", talk
        )
    newest = max(o.start for o in count.counted)
    covering = [t for t in known if t.state is not TalkState.DUE and t.covers_through >= newest]
    if covering:
        talk = max(covering, key=lambda t: (t.signal_date, t.id))
        return SignalVerdict(
            SignalStatus.HANDLED,
            f"Samtalet {talk.signal_date.isoformat()} ({talk.state.label.lower()}) gäller "
            "de här tillfällena; ny signal först vid ett nytt tillfälle.",
            talk,
        )
    snooze = active_snooze(snoozes, as_of)
    if snooze is not None:
        return SignalVerdict(
            SignalStatus.SNOOZED,
            f"Vilande till {snooze.until.isoformat()}: {snooze.reason}",
            snooze=snooze,
        )
    return SignalVerdict(
        SignalStatus.DUE,
        f"{len(count.counted)} frånvarotillfällen sedan {count.window_start.isoformat()}.",
    )


def validate_snooze(until: date | None, reason: str, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if until is None:
        problems["until"] = "Ange till vilket datum signalen ska vila."
    elif until <= today:
        problems["until"] = "Datumet ska ligga efter idag."
    elif (until - today).days > 366:
        problems["until"] = "Högst ett år framåt."
    if not reason.strip():
        problems["reason"] = "Skriv skälet."
    elif len(reason.strip()) > MAX_REASON_CHARS:
        problems["reason"] = f"Högst {MAX_REASON_CHARS} tecken."
    return problems
