"""Write deduplicated events (and mentions) in the formats other event-data tools read.

======== ====================================================================================
format   what is written
======== ====================================================================================
csv      one row per event, the :class:`~geopol.store.StoredEvent` fields as columns, a header
jsonl    one JSON object per event, the same fields
parquet  one row per event, the fixed schema :data:`EVENT_SCHEMA` (dates as ``date32``)
gdelt    the GDELT 2.0 event table: 61 tab-separated columns :data:`GDELT_COLUMNS`, no header
plover   one PLOVER JSON record per line (:func:`plover_record`)
graphml  the actor network of :func:`geopol.analytics.network`, typed node and edge attributes
======== ====================================================================================

Mentions (every extraction, before grouping) can be written as csv, jsonl or parquet
(:data:`MENTION_SCHEMA`). Every writer takes an iterable and writes as it reads, so memory stays
bounded; Parquet holds one row group (:data:`PARQUET_BATCH` rows) at a time.

GDELT mapping (GDELT 2.0 event codebook names and order; empty where geopol has no such field):

* ``GlobalEventID``: the event id if it is all digits, else :func:`gdelt_event_id` (a stable
  63-bit integer hash of the id, since GDELT ids are integers);
* ``Day``/``MonthYear``/``Year``: the event date, else its first report (as GDELT, which dates
  undated events by publication); ``FractionDate`` is ``year + day_of_year / 365`` (4 decimals,
  as GDELT's files compute it);
* ``Actor1*`` / ``Actor2*`` from the source / target code: ``Actor1CountryCode`` is the 3-letter
  country prefix when it is a country, ``Actor1KnownGroupCode`` the organisation of an
  ``IGO``/``NGO``/``MNC`` code (``IGOUNO`` -> ``UNO``), ``Actor1Type1Code``.. the following
  3-letter role codes (``RUSGOVMIL`` -> ``GOV``, ``MIL``); the unknown target ``---`` leaves
  every ``Actor2`` column empty, as GDELT does;
* ``EventCode``/``EventBaseCode``/``EventRootCode``: the code, its first three digits, its root;
  ``QuadClass``, ``GoldsteinScale``; ``NumMentions``/``NumSources``/``NumArticles``: the event's
  mentions, outlets and documents;
* ``ActionGeo_FullName``: the place; ``ActionGeo_CountryCode``: its country as geopol codes it
  (CAMEO/ISO alpha-3, **not** GDELT's FIPS 10-4);
* ``DATEADDED``: the first report at midnight (``YYYYMMDD000000``); ``SOURCEURL``: the URL of the
  event's representative report (:attr:`StoredEvent.url <geopol.store.StoredEvent>`), else its
  document id;
* empty: ethnic and religion codes, ``IsRootEvent``, ``AvgTone``, every geo column but the two
  above.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from geopol.analytics import UNKNOWN_ACTOR, Network, event_period, network
from geopol.cameo import default_cameo_table
from geopol.records import EVENT_FIELDS, Event
from geopol.store.base import StoredEvent

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_SCHEMA",
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "MENTION_FORMATS",
    "MENTION_SCHEMA",
    "PARQUET_BATCH",
    "ExportFormat",
    "export_events",
    "export_mentions",
    "format_for_path",
    "gdelt_event_id",
    "gdelt_row",
    "plover_record",
    "write_csv",
    "write_gdelt",
    "write_graphml",
    "write_jsonl",
    "write_parquet",
    "write_plover",
]

ExportFormat = Literal["csv", "jsonl", "parquet", "gdelt", "plover", "graphml"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "parquet", "gdelt", "plover", "graphml")
MENTION_FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "parquet")
_SUFFIXES: dict[str, ExportFormat] = {
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".tsv": "gdelt",
    ".graphml": "graphml",
}

EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(StoredEvent))
"""Column order of the csv, jsonl and parquet exports of events."""

PARQUET_BATCH = 4096
"""Rows per Parquet row group: the rows held in memory at a time."""

_ROW = TypeVar("_ROW")

_ACTOR_PART = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO_PART = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{part}" for part in _ACTOR_PART),
    *(f"Actor2{part}" for part in _ACTOR_PART),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{part}" for part in _GEO_PART),
    *(f"Actor2Geo_{part}" for part in _GEO_PART),
    *(f"ActionGeo_{part}" for part in _GEO_PART),
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event-table row, in order (GDELT files carry no header)."""

_ORGANISATION_PREFIXES = frozenset({"IGO", "NGO", "MNC"})
_DATE_COLUMNS = frozenset({"date", "date_end", "first_report", "last_report", "doc_date"})


def format_for_path(path: str | os.PathLike[str]) -> ExportFormat:
    """The export format a file name asks for (``.csv``, ``.jsonl``, ``.parquet``, ``.tsv`` for
    GDELT, ``.graphml``); ``ValueError`` when the suffix says nothing (PLOVER needs ``format``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(f"cannot tell the export format from {os.fspath(path)!r}: "
                         f"give one of {', '.join(EXPORT_FORMATS)}")
    return _SUFFIXES[suffix]


# --- csv and json lines -------------------------------------------------------------------------


def _event_dict(event: StoredEvent) -> dict[str, Any]:
    return dict(zip(EVENT_COLUMNS, astuple(event), strict=True))


def write_csv(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    """Events as CSV with a header of :data:`EVENT_COLUMNS` (open ``stream`` with ``newline=""``)."""
    writer = csv.writer(stream)
    writer.writerow(EVENT_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(astuple(event))
        count += 1
    return count


def write_jsonl(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    """Events as JSON Lines, one object of :data:`EVENT_COLUMNS` per line."""
    count = 0
    for event in events:
        stream.write(json.dumps(_event_dict(event), ensure_ascii=False) + "\n")
        count += 1
    return count


# --- parquet ------------------------------------------------------------------------------------


_ARROW_TYPES: dict[str, Any] = {
    "goldstein": pa.float64(), "quad_class": pa.int8(), "mentions": pa.int32(), "documents": pa.int32(),
    "outlets": pa.int32(), "confidence": pa.float64(), "start": pa.int32(), "end": pa.int32(),
    **{name: pa.date32() for name in _DATE_COLUMNS},
}
_REQUIRED = frozenset({"id", "source", "target", "code", "root", "quad_class", "goldstein", "doc", "start", "end"})


def _schema(names: Sequence[str], version: str) -> Any:
    return pa.schema(
        [pa.field(name, _ARROW_TYPES.get(name, pa.string()), nullable=name not in _REQUIRED) for name in names],
        metadata={"geopol.schema": version},
    )


EVENT_SCHEMA = _schema(EVENT_COLUMNS, "events.v2")
"""The Parquet schema of events: the StoredEvent fields, dates as ``date32``, counts as integers."""
MENTION_SCHEMA = _schema(EVENT_FIELDS, "mentions.v1")
"""The Parquet schema of mentions: :data:`geopol.records.EVENT_FIELDS`, typed the same way."""


def _day(value: str | None) -> dt.date | None:
    """An ISO day, month (its first day) or year (January 1) as a date."""
    if not value:
        return None
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value[:10]
    return dt.date.fromisoformat(padded)


def _write_columns(
    rows: Iterable[_ROW], target: str | os.PathLike[str] | IO[bytes], schema: Any,
    values: Callable[[_ROW], Sequence[Any]], batch_size: int,
) -> int:
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    names = schema.names
    dates = [n for n, name in enumerate(names) if name in _DATE_COLUMNS]
    columns: list[list[Any]] = [[] for _ in names]
    count = 0
    with pq.ParquetWriter(target, schema) as writer:
        for row in rows:
            row_values = list(values(row))
            for n in dates:
                row_values[n] = _day(row_values[n])
            for column, value in zip(columns, row_values, strict=True):
                column.append(value)
            count += 1
            if len(columns[0]) >= batch_size:
                writer.write_batch(pa.record_batch(columns, schema=schema))
                columns = [[] for _ in names]
        if columns[0] or count == 0:
            writer.write_batch(pa.record_batch(columns, schema=schema))
    return count


def write_parquet(
    events: Iterable[StoredEvent], target: str | os.PathLike[str] | IO[bytes], *, batch_size: int = PARQUET_BATCH
) -> int:
    """Events as Parquet with the fixed :data:`EVENT_SCHEMA`, one row group per ``batch_size`` rows."""
    return _write_columns(events, target, EVENT_SCHEMA, astuple, batch_size)


def _mention_values(mention: Event) -> tuple[Any, ...]:
    return tuple(getattr(mention, name) for name in EVENT_FIELDS)


# --- gdelt --------------------------------------------------------------------------------------


def gdelt_event_id(event_id: str) -> int:
    """The integer GDELT ``GlobalEventID`` of an event id: the id itself if all digits, else the
    first 63 bits of its SHA-256 (stable across runs and machines)."""
    if event_id.isdigit():
        return int(event_id)
    return int.from_bytes(hashlib.sha256(event_id.encode("utf-8")).digest()[:8], "big") >> 1


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    text = (resources.files("geopol") / "data" / "countries.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0].strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _gdelt_actor(code: str, name: str) -> list[str]:
    """The ten Actor columns of one actor code."""
    if not code or code == UNKNOWN_ACTOR:
        return [""] * len(_ACTOR_PART)
    country = group = ""
    prefix = code[:3]
    if prefix in _ORGANISATION_PREFIXES:
        group, rest = code[3:6], prefix + code[6:]
    elif prefix in _country_codes():
        country, rest = prefix, code[3:]
    else:
        rest = code
    types = [rest[i : i + 3] for i in range(0, min(len(rest), 9), 3)]
    types += [""] * (3 - len(types))
    return [code, name, country, group, "", "", "", *types]


def _clean(value: object) -> str:
    """A field value with no tab or line break left in it (GDELT fields are never quoted)."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines()) if any(c in text for c in "\t\r\n") else text


def gdelt_row(event: StoredEvent) -> list[str]:
    """The 61 GDELT 2.0 fields of an event, as strings (see the module documentation)."""
    day = event_period(event, "day")
    dates = ["", "", "", ""]
    if day is not None:
        when = dt.date.fromisoformat(day)
        fraction = when.year + when.timetuple().tm_yday / 365
        dates = [when.strftime("%Y%m%d"), when.strftime("%Y%m"), f"{when.year:04d}", f"{fraction:.4f}"]
    geo_blank = [""] * len(_GEO_PART)
    action = ["", event.place or "", event.place_country or "", *[""] * (len(_GEO_PART) - 3)]
    added = event.first_report.replace("-", "")[:8] + "000000" if event.first_report else ""
    row = [
        str(gdelt_event_id(event.id)), *dates,
        *_gdelt_actor(event.source, event.source_name), *_gdelt_actor(event.target, event.target_name),
        "", event.code, event.code[:3], event.root, str(event.quad_class), f"{event.goldstein:g}",
        str(event.mentions), str(event.outlets), str(event.documents), "",
        *geo_blank, *geo_blank, *action, added, event.url or event.doc,
    ]
    return [_clean(value) for value in row]


def write_gdelt(events: Iterable[StoredEvent], stream: IO[str], *, header: bool = False) -> int:
    """Events in the GDELT 2.0 event-table layout: tab-separated, no header unless ``header``."""
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for event in events:
        stream.write("\t".join(gdelt_row(event)) + "\n")
        count += 1
    return count


# --- plover -------------------------------------------------------------------------------------


def _plover_actors(code: str, name: str) -> list[dict[str, str]]:
    if not code or code == UNKNOWN_ACTOR:
        return []
    country = code[:6] if code[:3] in _ORGANISATION_PREFIXES else code[:3]
    return [{"code": code, "name": name, "country": country}]


def plover_record(event: StoredEvent) -> dict[str, Any]:
    """An event as a PLOVER JSON record.

    PLOVER fields (PLOVER manual, "JSON Data Fields", with the ``event_type``/``event_date`` names of
    POLECAT): ``id``, ``event_date``, ``enddate``, ``event_type``, ``mode`` (the PLOVER mode of the
    CAMEO code, ``""`` when it has none), ``context`` (always ``[]``: geopol codes no context),
    ``quad_code``, ``event_scale`` (the Goldstein score), ``source`` and ``recipient`` (lists of
    actor objects ``{"code", "name", "country"}``; no recipient when the target is unknown),
    ``event_text`` (the evidence sentence), ``event_loc`` (``{"placename", "country"}`` or
    ``null``), ``cite_info`` and ``coder``. geopol's own fields follow under ``geopol``: the CAMEO
    code, mention, document and outlet counts, confidence, modality and first/last reports.
    """
    from geopol import __version__

    cameo = default_cameo_table()
    mode = cameo.get(event.code).plover_mode if event.code in cameo else ""
    location = {"placename": event.place, "country": event.place_country} if event.place else None
    return {
        "id": event.id,
        "event_date": event.date,
        "enddate": event.date_end,
        "event_type": event.plover,
        "mode": mode,
        "context": [],
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "source": _plover_actors(event.source, event.source_name),
        "recipient": _plover_actors(event.target, event.target_name),
        "event_text": event.sentence,
        "event_loc": location,
        "cite_info": {"doc": event.doc, "url": event.url, "pub_date": event.first_report},
        "coder": f"geopol {__version__}",
        "geopol": {
            "cameo_code": event.code, "cameo_root": event.root, "cameo_label": event.label,
            "mentions": event.mentions, "documents": event.documents, "outlets": event.outlets,
            "confidence": event.confidence, "modality": event.modality,
            "first_report": event.first_report, "last_report": event.last_report,
        },
    }


def write_plover(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    """Events as PLOVER JSON records, one a line. Events of the CAMEO roots PLOVER drops (01 make
    a statement, 02 appeal: no PLOVER type) are not written; the count returned is of records."""
    count = 0
    for event in events:
        if not event.plover:
            continue
        record = plover_record(event)
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- graphml ------------------------------------------------------------------------------------

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (("label", "string"), ("name", "string"), ("events", "int"))
_EDGE_KEYS = (("events", "int"), ("cooperation", "int"), ("conflict", "int"), ("goldstein_sum", "double"),
              ("weight", "double"), ("balance", "double"))


def _graphml_lines(graph: Network) -> Iterator[str]:
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield (f'<graphml xmlns="{_GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'xsi:schemaLocation="{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd">\n')
    keys = [("node", name, kind) for name, kind in _NODE_KEYS] + [("edge", name, kind) for name, kind in _EDGE_KEYS]
    for owner, name, kind in keys:
        key = ET.Element("key", {"id": f"{owner[0]}_{name}", "for": owner, "attr.name": name, "attr.type": kind})
        yield "  " + ET.tostring(key, encoding="unicode") + "\n"
    yield '  <graph id="geopol" edgedefault="directed">\n'
    for node in graph.nodes:
        element = ET.Element("node", {"id": node.code})
        for name, value in (("label", node.code), ("name", node.name), ("events", node.events)):
            ET.SubElement(element, "data", {"key": f"n_{name}"}).text = str(value)
        yield "    " + ET.tostring(element, encoding="unicode") + "\n"
    for number, edge in enumerate(graph.edges):
        element = ET.Element("edge", {"id": f"e{number}", "source": edge.source, "target": edge.target})
        for name, _ in _EDGE_KEYS:
            ET.SubElement(element, "data", {"key": f"e_{name}"}).text = repr(getattr(edge, name))
        yield "    " + ET.tostring(element, encoding="unicode") + "\n"
    yield "  </graph>\n</graphml>\n"


def write_graphml(graph: Network, stream: IO[str]) -> None:
    """The network as GraphML (Gephi, yEd, networkx): directed edges, typed attributes.

    Nodes carry ``label`` (the code, which Gephi shows), ``name`` and ``events`` (int); edges carry
    ``events``, ``cooperation``, ``conflict`` (int), ``goldstein_sum``, ``weight`` and ``balance``
    (double). Node ids are the actor codes.
    """
    for line in _graphml_lines(graph):
        stream.write(line)


# --- files --------------------------------------------------------------------------------------


def export_events(
    events: Iterable[StoredEvent],
    path: str | os.PathLike[str],
    fmt: ExportFormat | None = None,
    *,
    min_events: int = 1,
) -> int:
    """Write events to ``path`` in ``fmt`` (else the format its suffix names); returns the number
    of records written (for GraphML, of edges; ``min_events`` is the network's edge threshold)."""
    fmt = fmt or format_for_path(path)
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        return write_parquet(events, path)
    with open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as stream:
        if fmt == "csv":
            return write_csv(events, stream)
        if fmt == "jsonl":
            return write_jsonl(events, stream)
        if fmt == "gdelt":
            return write_gdelt(events, stream)
        if fmt == "plover":
            return write_plover(events, stream)
        graph = network(events, min_events=min_events)
        write_graphml(graph, stream)
        return len(graph.edges)


def export_mentions(
    mentions: Iterable[Event], path: str | os.PathLike[str], fmt: ExportFormat | None = None
) -> int:
    """Write mentions (coded extractions) to ``path`` as csv, jsonl or parquet (:data:`MENTION_SCHEMA`)."""
    from geopol.output import EventWriter

    fmt = fmt or format_for_path(path)
    if fmt not in MENTION_FORMATS:
        raise ValueError(f"mentions are exported as {', '.join(MENTION_FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        return _write_columns(mentions, path, MENTION_SCHEMA, _mention_values, PARQUET_BATCH)
    with open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as stream:
        writer = EventWriter(stream, fmt)
        for mention in mentions:
            writer.write(mention)
        return writer.count
