"""Records and parsing of PETRARCH2 verb patterns and codes (used by :mod:`.verbs`).

A pattern line reads ``- PRE * POST [CODE]``: ``*`` stands for the verb; on either side

* ``WORD`` is a noun (the head of its phrase); ``A_B`` is a consecutive phrase,
* ``{A B C}`` is a longer noun phrase whose head is the last word,
* ``(PREP A {B C})`` is a prepositional phrase: the preposition, then its nouns,
* ``&NAME`` is a synset, ``$`` the source, ``+`` the target, ``^`` a skipped word,
  ``%`` a compound actor.

Codes are ``NNN``, ``NNNN``, ``---`` (null: no event) or ``A:B`` pairs such as
``042:043`` or ``:173`` (PETRARCH2's combined codes; the part after ``:`` is kept as
:attr:`VerbCode.secondary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ._common import Origin, normalise_phrase

__all__ = ["ElementKind", "PatternElement", "VerbCode", "VerbPattern", "parse_code", "parse_side"]

ElementKind = Literal["word", "phrase", "synset", "prep", "source", "target", "skip", "compound"]

_SLOTS: dict[str, ElementKind] = {"$": "source", "+": "target", "^": "skip", "%": "compound"}
_CODE_PART = r"(?:\d{2,4}|---)"
_CODE = re.compile(rf"^(?P<primary>{_CODE_PART})?(?::(?P<secondary>{_CODE_PART})?)?$")
NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class VerbCode:
    """A CAMEO code as written (``"036"``, ``"042:043"``, ``":173"``, ``"---"``)."""

    raw: str
    primary: str | None
    secondary: str | None

    @property
    def event_code(self) -> str | None:
        """The code of the event this generates, or None for the null code / an empty primary."""
        return None if self.primary in (None, NULL_CODE) else self.primary

    def __str__(self) -> str:
        return self.raw


def parse_code(raw: str) -> VerbCode:
    """Parse a bracketed code body; raises ValueError if it is not a CAMEO code."""
    text = raw.strip()
    match = _CODE.match(text)
    if match is None or not text:
        raise ValueError(f"malformed code [{raw}]")
    return VerbCode(text, match.group("primary"), match.group("secondary"))


@dataclass(frozen=True, slots=True)
class PatternElement:
    """One element of a pattern side; ``children`` holds the nouns of a prepositional phrase."""

    kind: ElementKind
    text: str
    words: tuple[str, ...]
    children: tuple[PatternElement, ...] = ()

    @property
    def head(self) -> str | None:
        """Head word (or synset name) of a word/phrase/synset element, else None."""
        if self.kind in ("word", "phrase", "synset") and self.words:
            return self.words[-1]
        return None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``- PRE * POST [CODE]``: the elements before and after the verb, and the code."""

    text: str
    before: tuple[PatternElement, ...]
    after: tuple[PatternElement, ...]
    code: VerbCode
    origin: Origin
    object_words: frozenset[str]

    def synsets(self) -> tuple[str, ...]:
        """Names of the synsets the pattern refers to (with their ``&``)."""
        found: list[str] = []
        for element in (*self.before, *self.after):
            found.extend(_synsets_in(element))
        return tuple(dict.fromkeys(found))


def _synsets_in(element: PatternElement) -> list[str]:
    if element.kind == "synset":
        return [element.words[0]]
    if element.kind in ("phrase", "prep"):
        names = [word for word in element.words if word.startswith("&")]
        for child in element.children:
            names.extend(_synsets_in(child))
        return names
    return []


def _word_element(token: str) -> PatternElement:
    if token in _SLOTS:
        return PatternElement(_SLOTS[token], token, ())
    if token.startswith("&"):
        return PatternElement("synset", token, (synset_key(token),))
    return PatternElement("word", token, (normalise_phrase(token),))


def synset_key(token: str) -> str:
    """``&AUXVERB1_`` -> ``&AUXVERB1`` (a trailing ``_`` only marks "no plurals")."""
    return token.upper().rstrip("_")


def _group_end(tokens: list[str], start: int, closer: str) -> int:
    for position in range(start, len(tokens)):
        if tokens[position].endswith(closer):
            return position
    raise ValueError(f"{tokens[start]!r} is never closed by {closer!r}")


def _phrase_element(tokens: list[str]) -> PatternElement:
    inner = " ".join(tokens)[1:-1].split()
    if not inner or any(t[0] in "{}()" or t[-1] in "{}()" for t in inner):
        raise ValueError(f"malformed noun phrase {' '.join(tokens)!r}")
    words = tuple(synset_key(t) if t.startswith("&") else normalise_phrase(t) for t in inner)
    return PatternElement("phrase", " ".join(tokens), words)


def _prep_element(tokens: list[str]) -> PatternElement:
    inner = " ".join(tokens)[1:-1].split()
    if not inner or inner[0][0] in "{}()":
        raise ValueError(f"malformed prepositional phrase {' '.join(tokens)!r}")
    children = parse_side(" ".join(inner[1:]))
    if any(child.kind == "prep" for child in children):
        raise ValueError(f"nested prepositional phrase in {' '.join(tokens)!r}")
    return PatternElement("prep", " ".join(tokens), (inner[0].upper(),), children)


def parse_side(text: str) -> tuple[PatternElement, ...]:
    """Parse one side of a pattern into elements; raises ValueError on unbalanced groups."""
    tokens = text.split()
    elements: list[PatternElement] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.startswith(("(", "{")):
            closer = ")" if token[0] == "(" else "}"
            end = _group_end(tokens, position, closer)
            group = tokens[position : end + 1]
            elements.append(_prep_element(group) if closer == ")" else _phrase_element(group))
            position = end + 1
            continue
        if token[0] in ")}" or token[-1] in ")}":
            raise ValueError(f"unexpected closing bracket in {token!r}")
        elements.append(_word_element(token))
        position += 1
    return tuple(elements)
