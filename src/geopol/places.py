"""Where events happen: a gazetteer of cities and regions, matched in parsed text.

Countries and capitals are actors (``data/countries.tsv``); other places are not: "Aleppo" or
"Kharkiv" are only where something happened, or the place a visit, a protest or an attack was
aimed at, which CAMEO codes by the place's country. ``data/places.tsv`` (generated from GeoNames by
``scripts/build_places.py``) lists cities of 100,000 people or more, US states and a few
well-known regions, each with its country.

A name is taken as a place only where the parse agrees: a capitalised token sequence that spaCy
tagged as a place entity (GPE, LOC, FAC) or that follows a place preposition ("in", "at", "near").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

Doc = Any
T = TypeVar("T")

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "LANGUAGE"})
"""Entity labels a place name may carry: the small English model tags some cities it does not know
as LANGUAGE ("shelled Aleppo")."""
PLACE_WORDS = frozenset({"in", "at", "near", "outside", "around", "from", "to", "into", "across", "over"})


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A place name and the country (ISO alpha-3) it lies in."""

    name: str
    country: str
    population: int


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A gazetteer name found in a parsed text: tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    entry: PlaceEntry
    supported: bool = True
    """Whether the parse agrees it is a place (a place entity, or after "in", "at"...); unsupported
    matches are only used where the grammar wants a place ("shelled *Kharkiv*")."""


@dataclass(frozen=True)
class Gazetteer:
    """Place names keyed by their token sequence (case as written)."""

    names: Mapping[tuple[str, ...], PlaceEntry]
    max_tokens: int

    @classmethod
    def load(cls, tokenize: Callable[[str], list[str]], path: Path | None = None) -> Gazetteer:
        """Read a places file (``data/places.tsv`` by default): name, country, population."""
        text = path.read_text(encoding="utf-8") if path is not None else (
            resources.files("geopol") / "data" / "places.tsv").read_text(encoding="utf-8")
        names: dict[tuple[str, ...], PlaceEntry] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, country, population = [*line.split("\t"), "", "0"][:3]
            key = tuple(tokenize(name))
            if key and country:
                names[key] = PlaceEntry(name, country, int(population or 0))
        longest = max((len(k) for k in names), default=1)
        return cls(MappingProxyType(names), longest)

    def match(self, doc: Doc) -> dict[int, PlaceMatch]:
        """Longest place names in a parsed text, by every token they cover, each marked with whether
        the parse supports it."""
        tokens = [t.text for t in doc]

        def find(start: int, end: int) -> PlaceEntry | None:
            return self.names.get(tuple(tokens[start:end]))

        return {i: PlaceMatch(start, end, entry, _supported(doc, start, end))
                for start, end, entry in longest_matches(len(tokens), self.max_tokens, find)
                for i in range(start, end)}


def longest_matches(length: int, longest: int, find: Callable[[int, int], T | None]) -> list[tuple[int, int, T]]:
    """Greedy left-to-right longest matches over ``length`` tokens: ``find(start, end)`` returns what
    tokens ``start:end`` name, or None; spans are at most ``longest`` tokens and never overlap."""
    found: list[tuple[int, int, T]] = []
    i = 0
    while i < length:
        for size in range(min(longest, length - i), 0, -1):
            entry = find(i, i + size)
            if entry is not None:
                found.append((i, i + size, entry))
                i += size
                break
        else:
            i += 1
    return found


def _supported(doc: Doc, start: int, end: int) -> bool:
    """The parse agrees that tokens ``start:end`` name a place."""
    if any(doc[j].ent_type_ in PLACE_ENTITIES for j in range(start, end)):
        return True
    head = doc[end - 1]
    while head.dep_ in ("compound", "flat") and head.head is not head:
        head = head.head
    return bool(head.dep_ == "pobj" and head.head.lower_ in PLACE_WORDS)
