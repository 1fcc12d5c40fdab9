"""Typed domain records that flow through the geopol pipeline.

Every stage takes and returns these frozen dataclasses, never nested dicts, so
that a batch can be pickled to a worker process (or a Dask worker) and back.

Flow::

    ingest  -> Article | Rejection
    clean   -> CleanDocument (Article + cleaned text + the lines removed, with why)
    extract -> Event (one coded event with its evidence)

Offsets (``start``/``end``) are character offsets into ``CleanDocument.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "intended", "negated", "hypothetical", "feared", "alleged"]
"""How the text presents an action. Only asserted, intended and alleged events are emitted
by default; negated, hypothetical and feared ones are kept for ``--all-modalities``."""

EMITTED_MODALITIES: frozenset[str] = frozenset({"asserted", "intended", "alleged"})


@dataclass(frozen=True, slots=True)
class Article:
    """One news document as read from the input, before cleaning."""

    id: str
    text: str
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""
    """Where it came from: a file path, ``path:line`` for JSON Lines, or ``<stdin>``."""
    date_origin: str = "none"
    """How ``date`` was found: ``record``, ``option`` (``--date``), ``metadata``, ``text`` or ``none``."""
    is_html: bool = False
    """True when ``text`` is raw HTML still to be reduced to its main text."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be turned into an Article, with the reason (which names the origin)."""

    origin: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line dropped by the cleaner, kept so the cleaning can be inspected."""

    line_no: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """An article whose text has been reduced to its body, paragraph by paragraph."""

    article: Article
    text: str
    removed: tuple[RemovedLine, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a CAMEO actor code and the text it was found as."""

    code: str
    name: str
    kind: str = "unknown"
    """``country``, ``organization``, ``person``, ``role``, ``group``, ``people`` (a people or the
    states of a region: "Iraqi Kurds", "African states") or ``unknown``."""

    @property
    def country(self) -> str:
        """The primary part of the code: IGO/NGO/MNC codes keep six letters, others three."""
        return self.code[:6] if self.code[:3] in {"IGO", "NGO", "MNC"} else self.code[:3]


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, when the text says so."""

    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event (a *mention* of a real-world event) with its evidence."""

    doc: str
    source: str
    source_name: str
    target: str
    target_name: str
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str
    date: str | None
    sentence: str
    start: int
    end: int
    trigger: str
    rule: str
    modality: str = "asserted"
    date_end: str | None = None
    date_text: str | None = None
    place: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    url: str | None = None
    doc_date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row.update(row.pop("extra"))
        return row


EVENT_FIELDS: tuple[str, ...] = (
    "doc", "source", "source_name", "target", "target_name", "code", "root", "label",
    "goldstein", "quad_class", "plover", "date", "date_end", "date_text", "modality",
    "place", "place_country", "sentence", "start", "end", "trigger", "rule", "outlet",
    "url", "doc_date",
)
"""Column order of tabular outputs (CSV, table, database)."""
