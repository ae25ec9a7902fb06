"""What a schedule import removed and changed, kept so the last import can be undone
(Arkiv → Ångra senaste import, `enhetschef undo-import`; the use cases are in
services/core/import_undo.py).

Every import that changes rows leaves a batch: the rows it created (as it wrote them), the rows
it updated (before and after) and the rows it removed (before, with the cover recorded on the
row and the overtime requests and covers that pointed at it). Undoing the unit's last batch
removes the created rows, puts the updated ones back and inserts the removed ones again under
their own ids, with their covers and links. A row changed since the import (other values, a
cover recorded on a created row, its id taken) is not overwritten: the undo is refused, naming
those rows, and nothing is rolled back. Employees and shift types the import created stay.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from enhetschef_app.domain.schedule_import import UndoRefused
from enhetschef_app.domain.schedule_merge import RowValues
from enhetschef_app.storage import audit
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import Employee, ScheduleRow, utc_now
from enhetschef_app.storage.models_imports import ImportBatch, ImportBatchItem
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.queries.schedule_rows import row_columns

KIND_SCHEDULE = "schema"
_CHUNK = 900
MAX_NAMED = 10


@dataclass(frozen=True)
class RowLinks:
    """What hangs on stored rows: covers on them, overtime requests and covers pointing at
    them or at their covers."""

    covers: dict[int, dict[str, Any]]  # row id -> the cover's columns
    requests_by_row: dict[int, list[int]]  # row id -> overtime request ids
    requests_by_cover: dict[int, list[int]]  # cover id -> overtime request ids
    released_by: dict[int, list[int]]  # row id -> ids of covers that released it
    approved: set[int]  # overtime request ids whose decision in force is an approval

    def approved_links(self, row_ids: Iterable[int]) -> int:
        found: set[int] = set()
        for row_id in row_ids:
            found.update(self.requests_by_row.get(row_id, ()))
            cover = self.covers.get(row_id)
            if cover is not None:
                found.update(self.requests_by_cover.get(cover["id"], ()))
        return len(found & self.approved)


def _chunks(ids: Collection[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for at in range(0, len(ordered), _CHUNK):
        yield ordered[at : at + _CHUNK]


def links_of_rows(session: Session, row_ids: Collection[int]) -> RowLinks:
    links = RowLinks({}, {}, {}, {}, set())
    if not row_ids:
        return links
    columns = ScheduleCover.__table__.columns
    for chunk in _chunks(row_ids):
        for cover in session.execute(select(*columns).where(ScheduleCover.row_id.in_(chunk))):
            links.covers[cover.row_id] = dict(cover._mapping)
        for cover_id, released in session.execute(
            select(ScheduleCover.id, ScheduleCover.released_row_id).where(
                ScheduleCover.released_row_id.in_(chunk)
            )
        ):
            if released is not None:
                links.released_by.setdefault(released, []).append(cover_id)
        for request_id, row_id in session.execute(
            select(OvertimeRequest.id, OvertimeRequest.row_id).where(
                OvertimeRequest.row_id.in_(chunk)
            )
        ):
            if row_id is not None:
                links.requests_by_row.setdefault(row_id, []).append(request_id)
    cover_ids = [c["id"] for c in links.covers.values()]
    for chunk in _chunks(cover_ids):
        for request_id, by_cover in session.execute(
            select(OvertimeRequest.id, OvertimeRequest.cover_id).where(
                OvertimeRequest.cover_id.in_(chunk)
            )
        ):
            if by_cover is not None:
                links.requests_by_cover.setdefault(by_cover, []).append(request_id)
    requests = {r for ids in links.requests_by_row.values() for r in ids}
    requests |= {r for ids in links.requests_by_cover.values() for r in ids}
    links.approved.update(_approved(session, requests))
    return links


def _approved(session: Session, request_ids: Collection[int]) -> set[int]:
    """The requests whose decision in force (the one no later decision corrects) approves."""
    decisions: list[tuple[int, int, int | None, str]] = []
    for chunk in _chunks(request_ids):
        decisions += [
            (d.id, d.request_id, d.corrects_id, d.verdict)
            for d in session.execute(
                select(
                    OvertimeDecision.id,
                    OvertimeDecision.request_id,
                    OvertimeDecision.corrects_id,
                    OvertimeDecision.verdict,
                ).where(OvertimeDecision.request_id.in_(chunk))
            )
        ]
    corrected = {corrects for _id, _request, corrects, _verdict in decisions if corrects}
    return {
        request
        for decision_id, request, _corrects, verdict in decisions
        if decision_id not in corrected and verdict == "approved"
    }


def _values_json(values: RowValues) -> dict[str, Any]:
    return {
        "work_date": values.work_date.isoformat(),
        "start": values.start.isoformat(),
        "end": values.end.isoformat(),
        "break_minutes": values.break_minutes,
        "shift_code": values.shift_code,
        "employee_id": values.employee_id,
    }


def _values_of(data: Mapping[str, Any]) -> RowValues:
    return RowValues(
        date.fromisoformat(data["work_date"]),
        time.fromisoformat(data["start"]),
        time.fromisoformat(data["end"]),
        int(data["break_minutes"]),
        data["shift_code"],
        data["employee_id"],
    )


def record_batch(
    session: Session,
    *,
    unit_id: int,
    actor: str,
    file: str,
    backup: str | None,
    created: Sequence[tuple[int, RowValues]],
    updated: Sequence[tuple[int, RowValues, RowValues]],
    removed: Sequence[tuple[int, RowValues]],
    links: RowLinks,
) -> int:
    """Stores what the import did; returns the batch's id."""
    batch = ImportBatch(
        unit_id=unit_id, kind=KIND_SCHEDULE, file=file, backup=backup, imported_by=actor
    )
    session.add(batch)
    session.flush()
    items: list[dict[str, Any]] = []
    for row_id, after in created:
        items.append(_item(batch.id, row_id, "created", None, _values_json(after)))
    for row_id, before, after in updated:
        cover = links.covers.get(row_id)
        after_image = {**_values_json(after), "cover_id": None if cover is None else cover["id"]}
        items.append(_item(batch.id, row_id, "updated", _values_json(before), after_image))
    for row_id, before in removed:
        image: dict[str, Any] = {**_values_json(before)}
        cover = links.covers.get(row_id)
        if cover is not None:
            image["cover"] = cover
            image["cover_requests"] = links.requests_by_cover.get(cover["id"], [])
        image["requests"] = links.requests_by_row.get(row_id, [])
        image["released_by"] = links.released_by.get(row_id, [])
        items.append(_item(batch.id, row_id, "removed", image, None))
    insert_rows(session, ImportBatchItem, items)
    return batch.id


def _item(
    batch_id: int,
    row_id: int,
    change: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> dict[str, Any]:
    return {
        "batch_id": batch_id,
        "row_id": row_id,
        "change": change,
        "before_json": audit.to_json(before),
        "after_json": audit.to_json(after),
    }


def last_batch(session: Session, unit_id: int) -> ImportBatch | None:
    """The unit's last schedule import, unless it has been undone."""
    batch = session.scalars(
        select(ImportBatch)
        .where(ImportBatch.unit_id == unit_id, ImportBatch.kind == KIND_SCHEDULE)
        .order_by(ImportBatch.id.desc())
        .limit(1)
    ).first()
    return None if batch is None or batch.undone_at is not None else batch


def undo_batch(session: Session, unit_id: int, actor: str, batch: ImportBatch) -> dict[str, int]:
    """Puts back what the batch changed, or refuses (`UndoRefused`) where a later change touched
    the same rows; marks the batch undone and records the decision. Returns the counts."""
    items = list(
        session.execute(
            select(
                ImportBatchItem.row_id,
                ImportBatchItem.change,
                ImportBatchItem.before_json,
                ImportBatchItem.after_json,
            ).where(ImportBatchItem.batch_id == batch.id)
        )
    )
    undo = _Undo(session, unit_id, actor, batch.file)
    undo.check(items)
    summary = undo.apply(items)
    batch.undone_at = utc_now()
    batch.undone_by = actor
    audit.record(
        session,
        actor=actor,
        action="angra_schemaimport",
        entity="schema",
        entity_id=batch.id,
        unit_id=unit_id,
        after={"file": batch.file, **summary},
    )
    return summary


_Item = Any  # a row of (row_id, change, before_json, after_json)


class _Undo:
    def __init__(self, session: Session, unit_id: int, actor: str, file: str) -> None:
        self.session = session
        self.unit_id = unit_id
        self.actor = actor
        self.file = file

    def _current(self, row_ids: Collection[int]) -> dict[int, RowValues]:
        found: dict[int, RowValues] = {}
        for chunk in _chunks(row_ids):
            for r in self.session.execute(
                select(
                    ScheduleRow.id,
                    ScheduleRow.work_date,
                    ScheduleRow.start_time,
                    ScheduleRow.end_time,
                    ScheduleRow.break_minutes,
                    ScheduleRow.shift_code,
                    ScheduleRow.employee_id,
                ).where(ScheduleRow.id.in_(chunk))
            ):
                found[r[0]] = RowValues(*r[1:])
        return found

    def check(self, items: Sequence[_Item]) -> None:
        """Refuses, naming the rows, when a later change touched a row of the import."""
        present = [i.row_id for i in items if i.change != "removed"]
        gone = [i.row_id for i in items if i.change == "removed"]
        current = self._current([*present, *gone])
        links = links_of_rows(self.session, present)
        touched: list[str] = []
        for item in items:
            if item.change == "removed":
                if item.row_id in current:
                    touched.append(self._name(_values_of(json.loads(item.before_json)), "finns"))
                continue
            after = _values_of(json.loads(item.after_json))
            now = current.get(item.row_id)
            if now is None:
                touched.append(self._name(after, "togs bort"))
            elif now != after:
                touched.append(self._name(after, "ändrades"))
            elif item.change == "created" and (
                item.row_id in links.covers or item.row_id in links.requests_by_row
            ):
                touched.append(self._name(after, "fick en ersättare eller övertid"))
            elif item.change == "updated" and _cover_id(links, item.row_id) != json.loads(
                item.after_json
            ).get("cover_id"):
                touched.append(self._name(after, "fick en annan ersättare"))
        if not touched:
            return
        shown = touched[:MAX_NAMED]
        more = f" … och {len(touched) - MAX_NAMED} till" if len(touched) > MAX_NAMED else ""
        raise UndoRefused(
            f"Importen av {self.file} ångrades inte: {len(touched)} av dess pass har ändrats "
            f"efter importen ({'; '.join(shown)}{more}). Inget har ändrats.",
            touched,
        )

    def _name(self, values: RowValues, what: str) -> str:
        who = "vakant"
        if values.employee_id is not None:
            number = self.session.scalar(
                select(Employee.employee_no).where(Employee.id == values.employee_id)
            )
            who = number or "okänd"
        return (
            f"{values.work_date.isoformat()} {values.start:%H:%M}–{values.end:%H:%M} {who} "
            f"{what} efter importen"
        )

    def apply(self, items: Sequence[_Item]) -> dict[str, int]:
        session = self.session
        created = [i.row_id for i in items if i.change == "created"]
        for chunk in _chunks(created):
            session.execute(delete(ScheduleRow).where(ScheduleRow.id.in_(chunk)))
        restored = 0
        for item in items:
            if item.change != "updated":
                continue
            before = _values_of(json.loads(item.before_json))
            session.execute(
                update(ScheduleRow)
                .where(ScheduleRow.id == item.row_id)
                .values(**row_columns(before))
            )
            restored += 1
        reinserted = covers = 0
        for item in items:
            if item.change != "removed":
                continue
            image = json.loads(item.before_json)
            values = _values_of(image)
            session.execute(
                insert(ScheduleRow).values(
                    id=item.row_id, unit_id=self.unit_id, source="import", **row_columns(values)
                )
            )
            reinserted += 1
            covers += self._restore_links(item.row_id, image)
        audit.record(
            session,
            actor=self.actor,
            action="angra_schemaimport_rader",
            entity="schema",
            unit_id=self.unit_id,
            after={"created_removed": created[:1000], "file": self.file},
        )
        return {
            "removed": len(created),
            "restored": restored,
            "reinserted": reinserted,
            "covers_restored": covers,
        }

    def _restore_links(self, row_id: int, image: Mapping[str, Any]) -> int:
        session = self.session
        restored = 0
        cover = image.get("cover")
        if cover is not None:
            values = dict(cover)
            values["recorded_at"] = datetime.fromisoformat(values["recorded_at"])
            released = values.get("released_row_id")
            if released is not None and session.get(ScheduleRow, released) is None:
                values["released_row_id"] = None
            employee = session.get(Employee, values["employee_id"])
            if employee is not None and session.get(ScheduleCover, values["id"]) is None:
                session.execute(insert(ScheduleCover).values(**values))
                restored = 1
                for request_id in image.get("cover_requests", []):
                    session.execute(
                        update(OvertimeRequest)
                        .where(OvertimeRequest.id == request_id, OvertimeRequest.cover_id.is_(None))
                        .values(cover_id=values["id"])
                    )
        for request_id in image.get("requests", []):
            session.execute(
                update(OvertimeRequest)
                .where(OvertimeRequest.id == request_id, OvertimeRequest.row_id.is_(None))
                .values(row_id=row_id)
            )
        for cover_id in image.get("released_by", []):
            session.execute(
                update(ScheduleCover)
                .where(ScheduleCover.id == cover_id, ScheduleCover.released_row_id.is_(None))
                .values(released_row_id=row_id)
            )
        return restored


def _cover_id(links: RowLinks, row_id: int) -> int | None:
    cover = links.covers.get(row_id)
    return None if cover is None else int(cover["id"])
