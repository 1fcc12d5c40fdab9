"""Shared pieces of the PETRARCH dictionary readers: records, line reading, phrases, dates.

The PETRARCH/TABARI dictionary files share their lexical conventions (see the PETRARCH2
documentation, "General Rules for dictionaries"):

* ``#`` starts a comment that runs to the end of the line (also in mid-line, with or
  without a blank before it); ``;`` does the same (legacy KEDS/TABARI rule);
* ``<!-- ... -->`` is an XML-style comment, possibly spanning several lines;
* blank lines and lines holding only whitespace are skipped.

Phrases are words separated by blanks or underscores; a trailing ``_`` (TABARI's
"whole word, no stemming" marker) carries no extra meaning once phrases are compared
word by word, so every phrase is normalised to upper-case words joined by one blank.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "DictionaryProblem",
    "EntryIndex",
    "Origin",
    "ProblemLog",
    "iter_content_lines",
    "normalise_key",
    "normalise_phrase",
    "parse_petrarch_date",
    "regular_plural",
]

_COMMENT_START = "<!--"
_COMMENT_END = "-->"
_VOWELS = frozenset("AEIOU")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a dictionary record was read: file path and 1-based line number."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class DictionaryProblem:
    """A line that could not be read (fully); the reader skipped or repaired it."""

    path: str
    line_no: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line_no}: {self.reason}"


_Entry = TypeVar("_Entry")


class EntryIndex(Generic[_Entry]):
    """The lookups of a dictionary of phrase entries: ``_entries`` in file order, and ``_index``
    from a case-folded phrase to the position of the entry it names (both set by the subclass)."""

    __slots__ = ()
    _entries: tuple[_Entry, ...]
    _index: Mapping[str, int]

    def entries(self) -> tuple[_Entry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[_Entry]:
        return iter(self._entries)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and normalise_key(phrase) in self._index

    def entry_for(self, phrase: str) -> _Entry | None:
        position = self._index.get(normalise_key(phrase))
        return None if position is None else self._entries[position]


class ProblemLog:
    """Collects problems while one file is read (local to a single read call)."""

    __slots__ = ("_items", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self._items: list[DictionaryProblem] = []

    def add(self, line_no: int, reason: str) -> None:
        self._items.append(DictionaryProblem(self.path, line_no, reason))

    def freeze(self) -> tuple[DictionaryProblem, ...]:
        return tuple(self._items)


def _decode_lines(raw: bytes, log: ProblemLog) -> list[str]:
    try:
        return raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        pass
    lines: list[str] = []
    for number, chunk in enumerate(raw.splitlines(), start=1):
        try:
            lines.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            log.add(number, "line is not valid UTF-8; decoded as Latin-1")
            lines.append(chunk.decode("latin-1"))
    return lines


def _strip_inline_comments(text: str) -> str:
    cut = len(text)
    for marker in ("#", ";"):
        found = text.find(marker)
        if 0 <= found < cut:
            cut = found
    return text[:cut]


def iter_content_lines(path: str | os.PathLike[str], log: ProblemLog) -> Iterator[tuple[int, str]]:
    """Yield ``(line_no, text)`` for each line with content once comments are removed.

    ``text`` keeps its leading whitespace (some formats use a leading tab) but has its
    trailing whitespace removed. Raises ``OSError`` if the file cannot be read.
    """
    with open(path, "rb") as handle:
        raw = handle.read()
    in_comment_since = 0
    for number, line in enumerate(_decode_lines(raw, log), start=1):
        if in_comment_since:
            end = line.find(_COMMENT_END)
            if end < 0:
                continue
            line = line[end + len(_COMMENT_END) :]
            in_comment_since = 0
        while _COMMENT_START in line:
            head, _, tail = line.partition(_COMMENT_START)
            end = tail.find(_COMMENT_END)
            if end < 0:
                line = head
                in_comment_since = number
                break
            line = head + " " + tail[end + len(_COMMENT_END) :]
        text = _strip_inline_comments(line).rstrip()
        if text.strip():
            yield number, text
    if in_comment_since:
        log.add(in_comment_since, "'<!--' comment is never closed; rest of file ignored")


def normalise_phrase(text: str) -> str:
    """``"Vladimir_V._Putin_"`` -> ``"VLADIMIR V. PUTIN"`` (upper case, one blank between words)."""
    return " ".join(text.replace("_", " ").split()).upper()


def normalise_key(text: str) -> str:
    """Case-insensitive lookup key of a phrase (``str.casefold`` of the normalised phrase)."""
    return " ".join(text.replace("_", " ").split()).casefold()


def regular_plural(word: str) -> str:
    """Regular English plural of an upper-case word, following PETRARCH's rules.

    ``Y`` -> ``IES`` (but ``AY/EY/OY/UY`` -> ``+S``, where PETRARCH would write ``-IES``),
    ``S``/``X``/``Z``/``CH``/``SH`` -> ``+ES``, otherwise ``+S``.
    """
    if not word:
        return word
    upper = word.upper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in _VOWELS:
        return word[:-1] + "IES"
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


_DATE_DIGITS = re.compile(r"\d+")


def parse_petrarch_date(text: str) -> dt.date:
    """Parse a PETRARCH date: ``YYMMDD`` or ``YYYYMMDD``.

    Century rule (PETRARCH ``dstr_to_ordate``, inherited from KEDS/TABARI): two-digit
    years 00-30 are 20YY, 31-99 are 19YY. Raises ``ValueError`` on anything else.
    """
    if not _DATE_DIGITS.fullmatch(text):
        raise ValueError(f"date {text!r} is not all digits")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise ValueError(f"date {text!r} has {len(text)} digits; expected YYMMDD or YYYYMMDD")
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"date {text!r} is not a calendar date ({err})") from None
