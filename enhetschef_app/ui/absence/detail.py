"""One person's absence picture in words: the signal and why, the occasions with the records
that joined and how, what was not counted and why, the talks, a snooze, and the rehab
milestones. Shown beside the signals and on the person view of Frånvaro och omtanke."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from enhetschef_app.domain.absence_occasions import AbsenceRecord, Occasion
from enhetschef_app.domain.absences import describe_period, kind_label
from enhetschef_app.domain.care_talks import SignalStatus
from enhetschef_app.domain.rehab_milestones import Milestone
from enhetschef_app.services.absence.care_talks import TalkView
from enhetschef_app.services.absence.person import OccasionStatus, PersonAbsenceDetail
from enhetschef_app.ui.shell.formatting import clock


def _cell(text: str, nowrap: bool = False) -> str:
    return f"<td{' nowrap' if nowrap else ''}>{escape(text)}</td>"


def _table(headers: list[str], rows: list[list[str]], nowrap: frozenset[int] = frozenset()) -> str:
    """A plain bordered table; the columns in `nowrap` (dates, numbers) never break."""
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(_cell(c, i in nowrap) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{body}</table>"


class PersonDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("Frånvaro och omtankessamtal för medarbetaren"))
        self.detail: PersonAbsenceDetail | None = None

    def show_empty(self, text: str) -> None:
        self.detail = None
        self.setHtml(f"<p>{escape(text)}</p>")

    def show_detail(self, detail: PersonAbsenceDetail) -> None:
        self.detail = detail
        parts = [
            f"<h3>{escape(detail.name)} ({escape(detail.employee_no)})</h3>",
            self._signal(detail),
            self._occasions(detail),
            self._left_out(detail),
            self._talks(detail),
            self._milestones(detail),
        ]
        self.setHtml("".join(parts))

    # -- sections ------------------------------------------------------------------------------

    def _signal(self, d: PersonAbsenceDetail) -> str:
        counted = len(d.count.counted)
        window = self.tr("{count} tillfällen (gräns {threshold}) {first}–{last}").format(
            count=counted,
            threshold=d.threshold,
            first=d.window_start.isoformat(),
            last=d.as_of.isoformat(),
        )
        verdict = d.verdict
        if verdict is None:
            head = self.tr("Under gränsen för omtankessamtal")
        elif verdict.status is SignalStatus.DUE:
            head = self.tr("Ska erbjudas omtankessamtal")
        elif verdict.status is SignalStatus.SNOOZED:
            head = self.tr("Signalen vilar")
        elif verdict.status is SignalStatus.INVITED:
            head = self.tr("Inbjuden till omtankessamtal")
        else:
            head = self.tr("Hanterad – inget nytt tillfälle sedan samtalet")
        lines = [f"<p><b>{escape(head)}</b><br>{escape(window)}"]
        if verdict is not None and verdict.status is not SignalStatus.DUE:
            lines.append(f"<br>{escape(verdict.why)}")
        for note in d.count.notes:
            lines.append(f"<br>{escape(note)}")
        lines.append("</p>")
        return "".join(lines)

    def _record_text(self, record: AbsenceRecord) -> str:
        extent = "" if record.extent_percent == 100 else f" {record.extent_percent} %"
        return f"{kind_label(record.kind)} {describe_period(record.start, record.end)}{extent}"

    def _records(self, occasion: Occasion) -> str:
        """One record: its kind; several: each, and why it joined the one before."""
        first = occasion.records[0]
        if len(occasion.records) == 1:
            extent = "" if first.extent_percent == 100 else f" {first.extent_percent} %"
            return f"{kind_label(first.kind)}{extent}"
        parts = [self._record_text(first)]
        for record, why in zip(occasion.records[1:], occasion.joins, strict=False):
            parts.append(f"+ {self._record_text(record)} ({why})")
        return "; ".join(parts)

    def _occasion_status(self, status: str) -> str:
        if status == OccasionStatus.COUNTED:
            return self.tr("räknas")
        if status == OccasionStatus.BEFORE_TALK:
            return self.tr("före senaste samtalet – räknas inte igen")
        return self.tr("började före perioden – räknas inte")

    def _occasions(self, d: PersonAbsenceDetail) -> str:
        title = f"<h4>{escape(self.tr('Frånvarotillfällen'))}</h4>"
        if not d.occasions:
            return title + f"<p>{escape(self.tr('Inga tillfällen av de typer som räknas.'))}</p>"
        rows = []
        for line in d.occasions:
            occasion = line.occasion
            end = occasion.end.isoformat() if occasion.end else self.tr("pågår")
            rows.append(
                [
                    occasion.start.isoformat(),
                    end,
                    str(occasion.days(d.as_of)),
                    self._records(occasion),
                    self._occasion_status(line.status),
                ]
            )
        headers = [
            self.tr("Från"),
            self.tr("Till"),
            self.tr("Dagar"),
            self.tr("Poster och hur de hänger ihop"),
            self.tr("Räknas"),
        ]
        return title + _table(headers, rows, frozenset({0, 1, 2}))

    def _left_out(self, d: PersonAbsenceDetail) -> str:
        if not d.left_out:
            return ""
        title = f"<h4>{escape(self.tr('Räknades inte'))}</h4>"
        groups: dict[tuple[str, str], list[str]] = {}
        for line in d.left_out:
            record = line.record
            groups.setdefault((kind_label(record.kind), line.reason), []).append(
                describe_period(record.start, record.end)
            )
        items = "".join(
            f"<li>{escape(kind)} ({len(periods)}): {escape(', '.join(periods))} – "
            f"{escape(reason)}</li>"
            for (kind, reason), periods in groups.items()
        )
        return f"{title}<ul>{items}</ul>"

    def _talk_text(self, talk: TalkView) -> str:
        parts = [
            self.tr("{state} (signal {signal}, {count} tillfällen)").format(
                state=talk.state.label,
                signal=talk.signal_date.isoformat(),
                count=talk.occasions,
            )
        ]
        if talk.invited_date is not None and talk.held_on is None:
            at = f" {clock(talk.invited_time)}" if talk.invited_time else ""
            parts.append(
                self.tr("inbjuden till {date}{at}, {place}").format(
                    date=talk.invited_date.isoformat(), at=at, place=talk.place or ""
                )
            )
        if talk.held_on is not None:
            parts.append(self.tr("genomfört {0}").format(talk.held_on.isoformat()))
        if talk.support_text:
            parts.append(self.tr("stöd: {0}").format(talk.support_text))
        if talk.follow_up_date is not None:
            parts.append(self.tr("uppföljning {0}").format(talk.follow_up_date.isoformat()))
        if talk.followed_up_on is not None:
            note = f" – {talk.follow_up_note}" if talk.follow_up_note else ""
            parts.append(self.tr("uppföljd {0}").format(talk.followed_up_on.isoformat()) + note)
        if talk.closed_on is not None:
            parts.append(self.tr("avslutad {0}").format(talk.closed_on.isoformat()))
        if talk.reason:
            parts.append(self.tr("skäl: {0}").format(talk.reason))
        return "; ".join(parts)

    def _talks(self, d: PersonAbsenceDetail) -> str:
        title = f"<h4>{escape(self.tr('Omtankessamtal'))}</h4>"
        items = [f"<li>{escape(self._talk_text(t))}</li>" for t in reversed(d.talks)]
        if d.active_snooze is not None:
            snooze = d.active_snooze
            text = self.tr("Signalen vilar till {until} (sedan {made}): {reason}").format(
                until=snooze.until.isoformat(),
                made=snooze.made_on.isoformat(),
                reason=snooze.reason,
            )
            items.insert(0, f"<li>{escape(text)}</li>")
        if not items:
            return title + f"<p>{escape(self.tr('Inga samtal än.'))}</p>"
        return title + "<ul>" + "".join(items) + "</ul>"

    def _milestone_state(self, milestone: Milestone, today: date) -> str:
        monday = today - timedelta(days=today.weekday())
        if milestone.due < monday:
            return self.tr("passerad")
        if milestone.in_week_of(today):
            return self.tr("denna vecka")
        return self.tr("kommande")

    def _milestones(self, d: PersonAbsenceDetail) -> str:
        title = f"<h4>{escape(self.tr('Rehabkedjan'))}</h4>"
        if not d.milestones:
            return title + f"<p>{escape(self.tr('Ingen sjukperiod på 8 dagar eller mer.'))}</p>"
        spells: dict[date, list[Milestone]] = {}
        for milestone in d.milestones:
            spells.setdefault(milestone.spell_start, []).append(milestone)
        parts = [title]
        for start in sorted(spells, reverse=True):
            parts.append(
                f"<p>{escape(self.tr('Sjukperiod från {0}').format(start.isoformat()))}</p>"
            )
            rows = []
            for m in spells[start]:
                what = m.title
                if m.latest is not None:
                    what += self.tr(" (senast {0})").format(m.latest.isoformat())
                if m.conditional:
                    what += self.tr(" – om sjukskrivningen väntas pågå mer än 60 dagar")
                rows.append(
                    [
                        self.tr("dag {0}").format(m.day),
                        m.due.isoformat(),
                        what,
                        self._milestone_state(m, d.as_of),
                    ]
                )
            headers = [self.tr("Dag"), self.tr("Datum"), self.tr("Vad"), self.tr("Läge")]
            parts.append(_table(headers, rows, frozenset({0, 1, 3})))
        return "".join(parts)
