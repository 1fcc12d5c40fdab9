"""Reader for PETRARCH/TABARI actor dictionaries (``*.actors.txt``).

Format (PETRARCH2 documentation, "Actor Dictionary")::

    PRIMARY_PHRASE_  [CODE]          # optional default code on the primary line
    +SYNONYM_PHRASE                  # any number of synonyms
        [CODE 700101-990809]         # date restrictions, usually on tab-indented lines
        [CODE >080508]               # after (or on) the date
        [CODE <061231]               # before (or on) the date
        [CODE]                       # undated: the default code

Several ``[...]`` groups may share one line. Range limits are inclusive. Dates are
``YYMMDD`` (00-30 -> 20YY, else 19YY) or ``YYYYMMDD``. An entry ends where the next
primary phrase (a line not starting with ``+`` or ``[``) begins.

Resolution on a date: the first dated restriction (in file order) covering the date,
else the entry's first undated code, else ``None``. When a phrase is defined by more
than one entry, the later definition wins (as in PETRARCH, whose lookup tree is
overwritten); the shadowed definitions stay available through :meth:`ActorDictionary.entries`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ._common import (
    DictionaryProblem,
    EntryIndex,
    Origin,
    ProblemLog,
    iter_content_lines,
    normalise_phrase,
    parse_petrarch_date,
)

__all__ = ["ActorDictionary", "ActorEntry", "CodeRestriction", "read_actors"]

_BRACKET = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class CodeRestriction:
    """One ``[CODE ...]`` group. ``start``/``end`` are inclusive; both ``None`` = default."""

    code: str
    start: dt.date | None
    end: dt.date | None
    origin: Origin

    @property
    def is_default(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, on: dt.date) -> bool:
        """True if this is a dated restriction whose range contains ``on``."""
        if self.is_default:
            return False
        if self.start is not None and on < self.start:
            return False
        return not (self.end is not None and on > self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A primary phrase, its synonyms and its (dated) codes."""

    name: str
    synonyms: tuple[str, ...]
    codes: tuple[CodeRestriction, ...]
    origin: Origin

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)

    @property
    def default_code(self) -> str | None:
        for restriction in self.codes:
            if restriction.is_default:
                return restriction.code
        return None

    def code_on(self, on: dt.date | None) -> str | None:
        """Code valid on ``on``; the undated default if no range covers it (or ``on`` is None)."""
        if on is not None:
            day = on.date() if isinstance(on, dt.datetime) else on
            for restriction in self.codes:
                if restriction.covers(day):
                    return restriction.code
        return self.default_code


@dataclass(frozen=True, slots=True, eq=False)
class ActorDictionary(EntryIndex[ActorEntry]):
    """Actor entries of one file, indexed by normalised, case-folded phrase."""

    path: str
    _entries: tuple[ActorEntry, ...]
    _index: Mapping[str, int] = field(repr=False)
    problems: tuple[DictionaryProblem, ...]

    def phrases(self) -> Iterable[str]:
        """All case-folded lookup keys."""
        return self._index.keys()

    def lookup(self, phrase: str, on: dt.date | None = None) -> str | None:
        """Code of ``phrase`` on date ``on`` (default code if ``on`` is None or no range covers it)."""
        entry = self.entry_for(phrase)
        return None if entry is None else entry.code_on(on)


def _parse_restriction(body: str, origin: Origin, log: ProblemLog) -> CodeRestriction | None:
    parts = body.split()
    if not parts:
        log.add(origin.line, "empty code brackets '[]'")
        return None
    code, spec = parts[0], "".join(parts[1:])
    try:
        if not spec:
            return CodeRestriction(code, None, None, origin)
        if spec[0] == "<":
            return CodeRestriction(code, None, parse_petrarch_date(spec[1:]), origin)
        if spec[0] == ">":
            return CodeRestriction(code, parse_petrarch_date(spec[1:]), None, origin)
        first, dash, second = spec.partition("-")
        if not dash:
            log.add(origin.line, f"[{body}]: date without '<', '>' or a range; restriction skipped")
            return None
        start, end = parse_petrarch_date(first), parse_petrarch_date(second)
    except ValueError as err:
        log.add(origin.line, f"[{body}]: {err}; restriction skipped")
        return None
    if start > end:
        log.add(origin.line, f"[{body}]: range ends before it starts; restriction skipped")
        return None
    return CodeRestriction(code, start, end, origin)


def _split_codes(text: str, line_no: int, log: ProblemLog) -> tuple[str, list[str]]:
    """Split ``PHRASE [A] [B 1-2]`` into the phrase before the first ``[`` and the bracket bodies."""
    head, bracket, _ = text.partition("[")
    if not bracket:
        return text, []
    rest = text[len(head) :]
    bodies = _BRACKET.findall(rest)
    leftover = _BRACKET.sub("", rest).strip()
    if leftover:
        log.add(line_no, f"unexpected text {leftover!r} around code brackets; ignored")
    return head, bodies


class _ActorBuilder:
    """Mutable state of one read_actors call (never shared)."""

    def __init__(self, path: str, log: ProblemLog) -> None:
        self.path = path
        self.log = log
        self.entries: list[ActorEntry] = []
        self.index: dict[str, int] = {}
        self._name: str | None = None
        self._origin = Origin(path, 0)
        self._synonyms: list[str] = []
        self._codes: list[CodeRestriction] = []

    def start(self, phrase: str, line_no: int) -> None:
        self.finish()
        self._name = phrase
        self._origin = Origin(self.path, line_no)

    def synonym(self, phrase: str, line_no: int) -> None:
        if self._name is None:
            self.log.add(line_no, f"synonym '+{phrase}' before any primary phrase; skipped")
        else:
            self._synonyms.append(phrase)

    def codes(self, bodies: list[str], line_no: int) -> None:
        if self._name is None:
            self.log.add(line_no, "code restriction before any primary phrase; skipped")
            return
        for body in bodies:
            restriction = _parse_restriction(body, Origin(self.path, line_no), self.log)
            if restriction is not None:
                self._codes.append(restriction)

    def finish(self) -> None:
        if self._name is None:
            return
        phrases = list(dict.fromkeys([self._name, *self._synonyms]))
        entry = ActorEntry(phrases[0], tuple(phrases[1:]), tuple(self._codes), self._origin)
        if not entry.codes:
            self.log.add(entry.origin.line, f"actor {entry.name!r} has no code")
        position = len(self.entries)
        self.entries.append(entry)
        for phrase in phrases:
            self.index[phrase.casefold()] = position
        self._name, self._synonyms, self._codes = None, [], []


def _read_actor_line(builder: _ActorBuilder, line_no: int, text: str) -> None:
    stripped = text.strip()
    if stripped.count("[") != stripped.count("]"):
        builder.log.add(line_no, "unbalanced '[' ']'; line skipped")
        return
    if stripped.startswith("["):
        _, bodies = _split_codes(stripped, line_no, builder.log)
        builder.codes(bodies, line_no)
        return
    is_synonym = stripped.startswith("+")
    phrase_text, bodies = _split_codes(stripped[1:] if is_synonym else stripped, line_no, builder.log)
    phrase = normalise_phrase(phrase_text)
    if not phrase:
        builder.log.add(line_no, "missing phrase; line skipped")
        return
    if is_synonym:
        builder.synonym(phrase, line_no)
    else:
        builder.start(phrase, line_no)
    if bodies:
        builder.codes(bodies, line_no)


def read_actors(path: str | os.PathLike[str]) -> ActorDictionary:
    """Read a PETRARCH actor dictionary. Malformed lines are reported in ``.problems``.

    Raises ``OSError`` only if the file itself cannot be opened or read.
    """
    name = os.fspath(path)
    log = ProblemLog(name)
    builder = _ActorBuilder(name, log)
    for line_no, text in iter_content_lines(name, log):
        _read_actor_line(builder, line_no, text)
    builder.finish()
    return ActorDictionary(name, tuple(builder.entries), MappingProxyType(builder.index), log.freeze())
