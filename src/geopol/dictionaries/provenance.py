"""Where lexicon entries come from, and what happens when two sources disagree.

Every entry of geopol's lexicons carries its origin as ``"path:line"``. When a user
entry (a geopol TSV given with ``--lexicon``/``--verbs`` or a PETRARCH dictionary given
with ``--actors``/``--agents``/``--verbs``) replaces an entry with the same key and a
different code, the replacement is kept and recorded as a :class:`Conflict`, so the
command line can report it instead of resolving it silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Conflict", "ConflictScope", "origin_path", "scope_of"]

ConflictScope = Literal["builtin", "user", "file"]
"""What the replaced entry was: a built-in entry, another user file's, or an earlier line of the same file."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """``key`` is coded ``code`` by ``origin`` (kept) and ``other_code`` by ``other_origin`` (replaced)."""

    table: Literal["actor", "role", "verb"]
    key: str
    code: str
    origin: str
    other_code: str
    other_origin: str
    scope: ConflictScope

    def __str__(self) -> str:
        replaced = {"builtin": "built-in", "user": "user", "file": "same-file"}[self.scope]
        return (f"{self.table} {self.key!r}: {self.code} ({self.origin}) overrides "
                f"{replaced} {self.other_code} ({self.other_origin})")


def origin_path(origin: str) -> str:
    """``"/a/b.tsv:12"`` -> ``"/a/b.tsv"`` (an origin without a line number is returned whole)."""
    path, colon, line = origin.rpartition(":")
    return path if colon and line.isdigit() else origin


def scope_of(other_origin: str, origin: str, builtin_paths: frozenset[str]) -> ConflictScope:
    """The scope of a conflict between the replaced entry's origin and the new one's."""
    other = origin_path(other_origin)
    if other in builtin_paths:
        return "builtin"
    return "file" if other == origin_path(origin) else "user"
