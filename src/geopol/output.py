"""Writers for coded events: JSON Lines, CSV and a plain-text table.

Each writer takes events one at a time, so output streams with the input.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from geopol.records import EVENT_FIELDS, Event

FORMATS = ("jsonl", "csv", "table")
TABLE_COLUMNS = (("date", 10), ("source", 10), ("code", 4), ("label", 30), ("target", 10), ("doc", 20))


def event_row(event: Event) -> dict[str, Any]:
    """The event as a flat dict in the documented field order."""
    data = event.to_dict()
    row = {name: data.get(name) for name in EVENT_FIELDS}
    row.update({k: v for k, v in data.items() if k not in row})
    return row


class EventWriter:
    """Writes events to a text stream in one of :data:`FORMATS`."""

    def __init__(self, stream: IO[str], fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        self.stream = stream
        self.format = fmt
        self.count = 0
        self._csv: csv.DictWriter[str] | None = None
        if fmt == "table":
            self.stream.write(_table_line({name: name.upper() for name, _ in TABLE_COLUMNS}) + "\n")

    def write(self, event: Event) -> None:
        if self.format == "jsonl":
            self.stream.write(json.dumps(event_row(event), ensure_ascii=False) + "\n")
        elif self.format == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=list(EVENT_FIELDS), extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow(event_row(event))
        else:
            row = {name: str(getattr(event, name) or "-") for name, _ in TABLE_COLUMNS}
            self.stream.write(_table_line(row) + "\n")
            self.stream.write(f"{'':12}“{_shorten(event.sentence, 140)}”\n")
        self.count += 1


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table_line(row: dict[str, str]) -> str:
    return "  ".join(str(row[name])[:width].ljust(width) for name, width in TABLE_COLUMNS).rstrip()
