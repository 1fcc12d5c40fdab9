"""Writers for coded events (mentions) and deduplicated events: JSON Lines, CSV and a text table.

Each writer takes records one at a time, so output streams with the input.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from typing import IO, Any

from geopol.records import EVENT_FIELDS, Event
from geopol.store.base import StoredEvent

FORMATS = ("jsonl", "csv", "table")
TABLE_COLUMNS = (("date", 10), ("source", 10), ("code", 4), ("label", 30), ("target", 10), ("doc", 20))
STORED_EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(StoredEvent))
"""Column order of deduplicated events in CSV and JSON Lines."""
STORED_EVENT_TABLE_COLUMNS = (
    ("date", 12), ("source", 10), ("event", 34), ("target", 10), ("reports", 7), ("outlets", 7), ("id", 20),
)  # fmt: skip


def event_row(event: Event) -> dict[str, Any]:
    """The event as a flat dict in the documented field order."""
    data = event.to_dict()
    row = {name: data.get(name) for name in EVENT_FIELDS}
    row.update({k: v for k, v in data.items() if k not in row})
    return row


def stored_event_row(event: StoredEvent) -> dict[str, Any]:
    """The deduplicated event as a flat dict in :data:`STORED_EVENT_FIELDS` order."""
    return dataclasses.asdict(event)


class _Writer:
    """Shared by the writers: the format, the CSV writer made at the first row, the count."""

    columns: tuple[tuple[str, int], ...] = ()
    fields: tuple[str, ...] = ()

    def __init__(self, stream: IO[str], fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        self.stream = stream
        self.format = fmt
        self.count = 0
        self._csv: csv.DictWriter[str] | None = None
        if fmt == "table":
            self.stream.write(_table_line({name: name.upper() for name, _ in self.columns}, self.columns) + "\n")

    def _write_row(self, row: dict[str, Any], table: dict[str, str], sentence: str) -> None:
        if self.format == "jsonl":
            self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.format == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=list(self.fields), extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow(row)
        else:
            self.stream.write(_table_line(table, self.columns) + "\n")
            self.stream.write(f"{'':12}“{_shorten(sentence, 140)}”\n")
        self.count += 1


class EventWriter(_Writer):
    """Writes coded events (mentions) to a text stream in one of :data:`FORMATS`."""

    columns = TABLE_COLUMNS
    fields = EVENT_FIELDS

    def write(self, event: Event) -> None:
        table = {name: str(getattr(event, name) or "-") for name, _ in self.columns}
        self._write_row(event_row(event), table, event.sentence)


class StoredEventWriter(_Writer):
    """Writes deduplicated events to a text stream in one of :data:`FORMATS`.

    The table shows the event date (else its first report, in brackets), the actors, the code and
    its label, how many reports (mentions) and outlets it has, and its id; then the evidence (the
    representative sentence, or ``sentence`` when given: the one a search matched).
    """

    columns = STORED_EVENT_TABLE_COLUMNS
    fields = STORED_EVENT_FIELDS

    def write(self, event: StoredEvent, sentence: str | None = None) -> None:
        row = stored_event_row(event)
        if sentence is not None:
            row["matched_sentence"] = sentence
        when = event.date or (f"({event.first_report})" if event.first_report else "-")
        table = {
            "date": when, "source": event.source, "event": f"{event.code} {event.label}", "target": event.target,
            "reports": str(event.mentions), "outlets": str(event.outlets), "id": event.id,
        }  # fmt: skip
        self._write_row(row, table, event.sentence if sentence is None else sentence)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table_line(row: dict[str, str], columns: tuple[tuple[str, int], ...]) -> str:
    return "  ".join(str(row[name])[:width].ljust(width) for name, width in columns).rstrip()
