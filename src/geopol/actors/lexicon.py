"""Actor lexicons: countries, groups, people with dated offices, role titles.

The files and their format are described in ``docs/lexicons.md``. They are read
once into an immutable :class:`ActorLexicon` that is passed explicitly to the
stages that need it, so worker processes build the same one from the same files.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

NAME_KINDS = ("country", "organization", "group", "person", "seat", "capital", "adjective")
"""Kinds of name entries, in order of precedence when two files give the same name."""

ROLE_CODES = frozenset({
    "GOV", "MIL", "LEG", "JUD", "BUS", "MED", "EDU", "OPP", "REB", "CVL", "COP", "SPY",
    "ELI", "REF", "LAB", "HLH", "REL", "AGR", "CRM", "ENV", "HRI", "IGO", "NGO", "MNC",
    "PTY", "SET", "UAF", "IMG", "DEV", "PPL", "MOD", "RAD", "INS", "TOP", "MID", "LOC",
})


class LexiconError(ValueError):
    """A lexicon file cannot be read at all (a bad line is a LexiconProblem instead)."""


@dataclass(frozen=True, slots=True)
class LexiconProblem:
    """A line that was skipped or a conflict that was resolved, with where and why."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Office:
    """An office held by a person: its actor code and the dates it covers (inclusive)."""

    code: str
    start: dt.date | None
    end: dt.date | None
    title: str = ""
    origin: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: dt.date) -> int:
        if self.covers(day):
            return 0
        if self.start is not None and day < self.start:
            return (self.start - day).days
        assert self.end is not None
        return (day - self.end).days


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A name (or adjective, capital...) and what it stands for."""

    name: str
    code: str
    kind: str
    origin: str
    offices: tuple[Office, ...] = ()

    def code_on(self, day: dt.date | None) -> str:
        """The code for this name on a day: the office held then, else the nearest one."""
        if not self.offices:
            return self.code
        dated = [o for o in self.offices if o.start is not None or o.end is not None]
        if not dated:
            return self.offices[0].code
        if day is None:
            return max(dated, key=lambda o: (o.end or dt.date.max, o.start or dt.date.min)).code
        covering = [o for o in dated if o.covers(day)]
        if covering:
            return max(covering, key=lambda o: o.start or dt.date.min).code
        undated = [o for o in self.offices if o.start is None and o.end is None]
        if undated:
            return undated[0].code
        return min(dated, key=lambda o: o.distance(day)).code

    def office_on(self, day: dt.date | None) -> Office | None:
        code = self.code_on(day)
        return next((o for o in self.offices if o.code == code), None)


@dataclass(frozen=True, slots=True)
class Role:
    """A title or role noun and the CAMEO role code it carries."""

    term: str
    role: str
    kind: str
    origin: str


@dataclass(frozen=True)
class ActorLexicon:
    """All actor names and roles, keyed by token tuples for fast longest-match lookup."""

    names: Mapping[tuple[str, ...], NameEntry]
    """Case-insensitive names, keyed by lower-cased tokens."""
    exact: Mapping[tuple[str, ...], NameEntry]
    """Acronyms matched only as written (``UN``, ``US``)."""
    roles: Mapping[tuple[str, ...], Role]
    country_names: Mapping[str, str]
    capitals: Mapping[str, str]
    """Lower-cased capital or city name -> country code (for places)."""
    problems: tuple[LexiconProblem, ...] = field(default=())

    @property
    def max_name_tokens(self) -> int:
        return max((len(k) for k in (*self.names, *self.exact)), default=1)

    @property
    def max_role_tokens(self) -> int:
        return max((len(k) for k in self.roles), default=1)

    def country_name(self, code: str) -> str:
        return self.country_names.get(code[:3], code)

    def find_person(self, name: str) -> NameEntry | None:
        entry = self.names.get(tuple(name.lower().split()))
        return entry if entry is not None and entry.kind == "person" else None

    @classmethod
    def load(cls, extra: Sequence[Path] = (), builtin: bool = True,
             tokenize: Any = None) -> ActorLexicon:
        """Read the built-in lexicons (unless ``builtin`` is False) and then ``extra`` files.

        ``tokenize`` splits a phrase into the tokens spaCy will produce (default: the
        English tokenizer of ``spacy.blank("en")``).
        """
        tokenize = tokenize or _default_tokenizer()
        builder = _Builder(tokenize)
        paths = [*(builtin_files() if builtin else ()), *extra]
        for path in paths:
            builder.read(Path(path), user=path in extra)
        return builder.build()


def builtin_files() -> list[Path]:
    """The lexicon files shipped in ``geopol/data``, in load order."""
    root = resources.files("geopol") / "data"
    names = sorted(p.name for p in root.iterdir() if p.name.endswith(".tsv"))
    order = ("countries", "groups", "roles", "people")
    chosen = [n for prefix in order for n in names if n.startswith(prefix)]
    return [Path(str(root / n)) for n in chosen]


def _default_tokenizer() -> Any:
    import spacy

    tokenizer = spacy.blank("en").tokenizer

    def tokenize(text: str) -> list[str]:
        return [t.text for t in tokenizer(text)]

    return tokenize


def parse_day(text: str, last: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``last`` gives the last day of a year or month."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not last:
            return dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], parts[1], parts[2])


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise LexiconError(f"cannot read lexicon {path}: {error.strerror or error}") from error
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip() and v.strip() != "-"]


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name


class _Builder:
    """Accumulates entries from files; resolves clashes by precedence and reports them."""

    def __init__(self, tokenize: Any) -> None:
        self.tokenize = tokenize
        self.names: dict[tuple[str, ...], NameEntry] = {}
        self.exact: dict[tuple[str, ...], NameEntry] = {}
        self.roles: dict[tuple[str, ...], Role] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.people: dict[str, list[Office]] = {}
        self.person_names: dict[str, list[str]] = {}
        self.person_user: set[str] = set()
        self.problems: list[LexiconProblem] = []

    def read(self, path: Path, user: bool) -> None:
        kind = _file_kind(path)
        for number, cells in _rows(path):
            origin = f"{path}:{number}"
            try:
                getattr(self, f"_{kind}")(cells, origin, user)
            except (ValueError, IndexError) as error:
                self.problems.append(LexiconProblem(origin, f"skipped: {error}"))

    def _countries(self, cells: list[str], origin: str, user: bool) -> None:
        code = cells[0].strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValueError(f"country code {code!r} is not three letters")
        cells = [*cells, "", "", "", ""][:5]
        names = _split(cells[1])
        if names:
            self.country_names.setdefault(code, names[0])
        for name in names:
            self.add_name(name, code, "country", origin, user)
        for name in _split(cells[2]):
            self.add_name(name, code, "adjective", origin, user)
        for name in _split(cells[3]):
            self.capitals[name.lower()] = code
            self.add_name(name, code + "GOV", "capital", origin, user)
        for name in _split(cells[4]):
            self.add_name(name, code + "GOV", "seat", origin, user)

    def _groups(self, cells: list[str], origin: str, user: bool) -> None:
        code, names = cells[0].strip().upper(), _split(cells[1])
        kind = cells[2].strip() if len(cells) > 2 and cells[2].strip() else "organization"
        if kind not in ("organization", "group"):
            raise ValueError(f"kind {kind!r} is not organization or group")
        if names:
            self.country_names.setdefault(code, names[0])
        for name in names:
            self.add_name(name, code, kind, origin, user)

    def _roles(self, cells: list[str], origin: str, user: bool) -> None:
        term, role = cells[0].strip().lower(), cells[1].strip().upper()
        kind = cells[2].strip() if len(cells) > 2 and cells[2].strip() else "noun"
        if role not in ROLE_CODES:
            raise ValueError(f"unknown role code {role!r}")
        key = tuple(t.lower() for t in self.tokenize(term))
        if key in self.roles and not user:
            return
        self.roles[key] = Role(term, role, kind, origin)

    def _people(self, cells: list[str], origin: str, user: bool) -> None:
        cells = [*cells, "", "", "", "", ""][:6]
        name, code = cells[0].strip(), cells[2].strip().upper()
        if not name or len(code) < 3:
            raise ValueError("a person line needs a name and a code")
        start, end = parse_day(cells[3]), parse_day(cells[4], last=True)
        if start and end and end < start:
            raise ValueError(f"office ends ({end}) before it starts ({start})")
        if user and name not in self.person_user:
            self.people.pop(name, None)
            self.person_user.add(name)
        self.people.setdefault(name, []).append(Office(code, start, end, cells[5].strip(), origin))
        aliases = self.person_names.setdefault(name, [name])
        aliases.extend(a for a in _split(cells[1]) if a not in aliases)

    def add_name(self, name: str, code: str, kind: str, origin: str, user: bool,
                 offices: tuple[Office, ...] = ()) -> None:
        entry = NameEntry(name, code, kind, origin, offices)
        if _is_acronym(name):
            table, key = self.exact, tuple(self.tokenize(name))
        else:
            table, key = self.names, tuple(t.lower() for t in self.tokenize(name))
        old = table.get(key)
        if old is None or user or _outranks(entry, old):
            if old is not None and old.code != code and not old.origin.startswith(origin.rsplit(":", 1)[0]):
                self.problems.append(LexiconProblem(origin, f"{name!r}: {code} replaces {old.code} ({old.origin})"))
            table[key] = entry
        elif old.code != code and old.kind == kind == "person":
            self.problems.append(LexiconProblem(origin, f"{name!r} is ambiguous ({old.code}, {code}): kept {old.code}"))

    def build(self) -> ActorLexicon:
        ambiguous = _ambiguous_aliases(self.person_names)
        for name, offices in self.people.items():
            origin = offices[0].origin
            for alias in self.person_names[name]:
                if alias.lower() in ambiguous and alias != name:
                    continue
                self.add_name(alias, offices[0].code, "person", origin, name in self.person_user, tuple(offices))
        for alias, owners in ambiguous.items():
            self.problems.append(LexiconProblem("people", f"alias {alias!r} names {', '.join(owners)}: not used alone"))
        return ActorLexicon(
            names=MappingProxyType(self.names), exact=MappingProxyType(self.exact),
            roles=MappingProxyType(self.roles), country_names=MappingProxyType(self.country_names),
            capitals=MappingProxyType(self.capitals), problems=tuple(self.problems),
        )


def _outranks(new: NameEntry, old: NameEntry) -> bool:
    rank = {kind: i for i, kind in enumerate(NAME_KINDS)}
    return rank.get(new.kind, 99) < rank.get(old.kind, 99)


def _ambiguous_aliases(person_names: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for name, aliases in person_names.items():
        for alias in {a.lower() for a in aliases}:
            owners.setdefault(alias, []).append(name)
    return {alias: names for alias, names in owners.items() if len(names) > 1}


def _file_kind(path: Path) -> str:
    stem = path.stem.lower()
    for kind in ("countries", "groups", "roles", "people"):
        if stem.startswith(kind):
            return kind
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") and "kind:" in line:
                declared = line.split("kind:", 1)[1].strip().split()[0]
                if declared in ("countries", "groups", "roles", "people"):
                    return declared
    raise LexiconError(
        f"{path}: cannot tell which lexicon this is: name it countries*.tsv, groups*.tsv, "
        f"roles*.tsv or people*.tsv, or start it with a line '# kind: people'"
    )
