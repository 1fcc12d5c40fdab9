"""Reader for PETRARCH agent dictionaries (``*.agents.txt``).

Format (PETRARCH2 documentation, "Agent Dictionary")::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # substitution marker definition
    MINISTER [~GOV]                               # regular plural MINISTERS generated
    POLICE {} [~COP]                              # {} : no plural
    THIEF {THIEVES} [~CRM]                        # irregular plural
    CONGRESS!PERSON! [~LEG]                       # one phrase per marker value, no plurals
    HUMAN_RIGHTS_BODY [NGO~]                      # code placed before the actor code

``~CODE`` means the agent code is appended after the actor code, ``CODE~`` that it is
put before it. Regular plurals pluralise the last word: ``Y`` -> ``IES``, ``S`` -> ``ES``,
otherwise ``+S`` (see :func:`geopol.dictionaries._common.regular_plural`). When a phrase
is defined twice, the later definition wins, as in PETRARCH.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from ._common import (
    DictionaryProblem,
    EntryIndex,
    Origin,
    ProblemLog,
    iter_content_lines,
    normalise_phrase,
    regular_plural,
)

__all__ = ["AgentDictionary", "AgentEntry", "read_agents"]

_MARKER_DEFINITION = re.compile(r"^\s*!([^!\s]+)!\s*=\s*(.*)$")
_MARKER_USE = re.compile(r"!([^!\s]*)!")
_AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{]*?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent phrase with the plural forms generated or declared for it."""

    phrase: str
    plurals: tuple[str, ...]
    code: str
    placement: Literal["after", "before"]
    origin: Origin

    @property
    def raw_code(self) -> str:
        """The code as written in the file (``~GOV`` or ``NGO~``)."""
        return f"~{self.code}" if self.placement == "after" else f"{self.code}~"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.phrase, *self.plurals)


@dataclass(frozen=True, slots=True, eq=False)
class AgentDictionary(EntryIndex[AgentEntry]):
    """Agent entries of one file, indexed by every singular and plural form."""

    path: str
    _entries: tuple[AgentEntry, ...]
    _index: Mapping[str, int] = field(repr=False)
    markers: Mapping[str, tuple[str, ...]]
    problems: tuple[DictionaryProblem, ...]

    def lookup(self, term: str) -> str | None:
        """Role code (``"GOV"`` for ``"minister"`` or ``"ministers"``), or None if unknown."""
        entry = self.entry_for(term)
        return None if entry is None else entry.code


def _parse_code(raw: str) -> tuple[str, Literal["after", "before"]] | None:
    code = raw.strip()
    if len(code) > 1 and code.startswith("~") and "~" not in code[1:]:
        return code[1:], "after"
    if len(code) > 1 and code.endswith("~") and "~" not in code[:-1]:
        return code[:-1], "before"
    return None


def _plural_of(phrase: str) -> str:
    words = phrase.split()
    return " ".join([*words[:-1], regular_plural(words[-1])])


class _AgentBuilder:
    """Mutable state of one read_agents call (never shared)."""

    def __init__(self, path: str, log: ProblemLog) -> None:
        self.path = path
        self.log = log
        self.entries: list[AgentEntry] = []
        self.index: dict[str, int] = {}
        self.markers: dict[str, tuple[str, ...]] = {}

    def define_marker(self, name: str, values: str, line_no: int) -> None:
        items = tuple(normalise_phrase(item) for item in values.split(","))
        if not all(items):
            self.log.add(line_no, f"substitution marker !{name}! has an empty value; line skipped")
            return
        self.markers[name] = items

    def add(
        self,
        phrase: str,
        plurals: tuple[str, ...],
        code: tuple[str, Literal["after", "before"]],
        line_no: int,
    ) -> None:
        entry = AgentEntry(phrase, plurals, code[0], code[1], Origin(self.path, line_no))
        position = len(self.entries)
        self.entries.append(entry)
        for form in entry.forms:
            self.index[form.casefold()] = position

    def expand_markers(self, phrase_text: str, line_no: int) -> list[str] | None:
        """Substitute each ``!MARKER!`` by each of its values (no plurals), or None if undefined."""
        phrases = [phrase_text]
        for name in _MARKER_USE.findall(phrase_text):
            values = self.markers.get(name)
            if values is None:
                self.log.add(line_no, f"substitution marker !{name}! is not defined; line skipped")
                return None
            phrases = [p.replace(f"!{name}!", value, 1) for p in phrases for value in values]
        return phrases


def _read_agent_line(builder: _AgentBuilder, line_no: int, text: str) -> None:
    definition = _MARKER_DEFINITION.match(text)
    if definition:
        builder.define_marker(definition.group(1), definition.group(2), line_no)
        return
    match = _AGENT_LINE.match(text.strip())
    if match is None:
        reason = "agent has no [code]" if "[" not in text else "cannot parse agent line"
        builder.log.add(line_no, f"{reason}; line skipped")
        return
    code = _parse_code(match.group("code"))
    if code is None:
        builder.log.add(line_no, f"agent code [{match.group('code')}] must be ~CODE or CODE~; skipped")
        return
    phrase_text, plural_text = match.group("phrase"), match.group("plural")
    if text.count("!") % 2:
        builder.log.add(line_no, "unpaired '!' in substitution marker; line skipped")
        return
    if "!" in phrase_text:
        for expanded in builder.expand_markers(phrase_text, line_no) or []:
            builder.add(normalise_phrase(expanded), (), code, line_no)
        return
    phrase = normalise_phrase(phrase_text)
    if not phrase:
        builder.log.add(line_no, "agent line has no phrase; skipped")
        return
    if plural_text is None:
        plurals: tuple[str, ...] = (_plural_of(phrase),)
    else:
        plural = normalise_phrase(plural_text)
        plurals = (plural,) if plural else ()
    builder.add(phrase, plurals, code, line_no)


def read_agents(path: str | os.PathLike[str]) -> AgentDictionary:
    """Read a PETRARCH agent dictionary. Malformed lines are reported in ``.problems``.

    Raises ``OSError`` only if the file itself cannot be opened or read.
    """
    name = os.fspath(path)
    log = ProblemLog(name)
    builder = _AgentBuilder(name, log)
    for line_no, text in iter_content_lines(name, log):
        _read_agent_line(builder, line_no, text)
    return AgentDictionary(
        name,
        tuple(builder.entries),
        MappingProxyType(builder.index),
        MappingProxyType(dict(builder.markers)),
        log.freeze(),
    )
