"""Actor lexicons: countries, groups, people with dated offices, role titles.

The files and their format are described in ``docs/lexicons.md``. They are read
once into an immutable :class:`ActorLexicon` that is passed explicitly to the
stages that need it, so worker processes build the same one from the same files.

Users add geopol-format files and PETRARCH actor and agent dictionaries
(``docs/dictionaries.md``). Their entries override the built-in ones; every
override that changes a code is kept in :attr:`ActorLexicon.conflicts`, and every
entry keeps its origin (``path:line``) so ``geopol lexicon show`` can tell where a
coding comes from.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from geopol.dictionaries import ActorDictionary, ActorEntry, AgentDictionary, read_actors, read_agents
from geopol.dictionaries.provenance import Conflict, scope_of
from geopol.records import Actor

NAME_KINDS = ("country", "organization", "group", "person", "seat", "capital", "adjective")
"""Kinds of name entries, in order of precedence when two files give the same name."""

ROLE_CODES = frozenset({
    "GOV", "MIL", "LEG", "JUD", "BUS", "MED", "EDU", "OPP", "REB", "CVL", "COP", "SPY",
    "ELI", "REF", "LAB", "HLH", "REL", "AGR", "CRM", "ENV", "HRI", "IGO", "NGO", "MNC",
    "PTY", "SET", "UAF", "IMG", "DEV", "PPL", "MOD", "RAD", "INS", "TOP", "MID", "LOC",
})
ORGANIZATION_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
"""PETRARCH codes of organisations (an undated code starting with one of these)."""
_AGENT_CODE = re.compile(r"(?:[A-Z]{3})+")
_D = TypeVar("_D")


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
    conflicts: tuple[Conflict, ...] = field(default=())
    """User entries that replaced an entry with another code (built-in, other user file, same file)."""

    @cached_property
    def max_name_tokens(self) -> int:
        """The longest name in tokens (computed once: the lexicon does not change)."""
        return max((len(k) for k in (*self.names, *self.exact)), default=1)

    @cached_property
    def regions(self) -> frozenset[str]:
        """The codes of regions and groups of states (``WAF``, ``EUR``, ``WST``)."""
        return frozenset(e.code for e in self.names.values() if e.kind == "group" and len(e.code) == 3)

    @cached_property
    def max_role_tokens(self) -> int:
        return max((len(k) for k in self.roles), default=1)

    def country_name(self, code: str) -> str:
        return self.country_names.get(code[:3], code)

    def country(self, code: str) -> Actor:
        """The country ``code`` as a whole (``RUS``, "Russia"): a host, a place's country."""
        return Actor(code, self.country_name(code), "country")

    @cached_property
    def _capital_names(self) -> Mapping[str, str]:
        names: dict[str, str] = {}
        for name, code in self.capitals.items():
            names.setdefault(code, name.title())
        return names

    def capital_of(self, code: str) -> str | None:
        """The (first listed) capital of country ``code``, title-cased, or None."""
        return self._capital_names.get(code[:3])

    def find_person(self, name: str) -> NameEntry | None:
        entry = self.names.get(tuple(name.lower().split()))
        return entry if entry is not None and entry.kind == "person" else None

    def lookup(self, tokens: Sequence[str]) -> NameEntry | None:
        """The entry a tokenized phrase matches as a whole (acronyms as written, other names in any case)."""
        return self.exact.get(tuple(tokens)) or self.names.get(tuple(t.lower() for t in tokens))

    @classmethod
    def load(cls, extra: Sequence[Path] = (), builtin: bool = True, tokenize: Any = None, *,
             actors: Sequence[Path] = (), agents: Sequence[Path] = ()) -> ActorLexicon:
        """Read the built-in lexicons (unless ``builtin`` is False), ``extra`` geopol files, and
        then PETRARCH ``actors`` and ``agents`` dictionaries, each overriding what came before.

        ``tokenize`` splits a phrase into the tokens spaCy will produce (default: the
        English tokenizer of ``spacy.blank("en")``). Raises :class:`LexiconError` if a
        file cannot be read; bad lines are reported in ``problems``.
        """
        tokenize = tokenize or default_tokenizer()
        builtins = builtin_files() if builtin else []
        builder = _Builder(tokenize, frozenset(str(p) for p in builtins))
        for path in builtins:
            builder.read(Path(path), user=False)
        for path in extra:
            builder.read(Path(path), user=True)
        for path in actors:
            builder.petrarch_actors(_read_dictionary(read_actors, Path(path)))
        for path in agents:
            builder.petrarch_agents(_read_dictionary(read_agents, Path(path)))
        return builder.build()


def builtin_files() -> list[Path]:
    """The lexicon files shipped in ``geopol/data``, in load order."""
    root = resources.files("geopol") / "data"
    names = sorted(p.name for p in root.iterdir() if p.name.endswith(".tsv"))
    order = ("countries", "groups", "roles", "people")
    chosen = [n for prefix in order for n in names if n.startswith(prefix)]
    return [Path(str(root / n)) for n in chosen]


def _read_dictionary(reader: Callable[[Path], _D], path: Path) -> _D:
    try:
        return reader(path)
    except OSError as error:
        raise LexiconError(f"cannot read dictionary {path}: {error.strerror or error}") from error


def default_tokenizer() -> Any:
    """A ``str -> list[str]`` function with spaCy's English tokenizer (``spacy.blank("en")``)."""
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

    def __init__(self, tokenize: Any, builtin_paths: frozenset[str] = frozenset()) -> None:
        self.tokenize = tokenize
        self.builtin_paths = builtin_paths
        self.conflicts: list[Conflict] = []
        self.dictionaries: list[ActorDictionary] = []
        self.word_tokens: dict[str, tuple[str, ...]] = {}
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
        self.add_role(key, Role(term, role, kind, origin))

    def add_role(self, key: tuple[str, ...], role: Role) -> None:
        """Add a user role, recording the conflict if it replaces one with another code."""
        old = self.roles.get(key)
        if old is not None and old.role != role.role:
            scope = scope_of(old.origin, role.origin, self.builtin_paths)
            self.conflicts.append(Conflict("role", role.term, role.role, role.origin, old.role, old.origin, scope))
        self.roles[key] = role

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
            self.store(self.exact, tuple(self.tokenize(name)), entry, user)
        else:
            self.store(self.names, tuple(t.lower() for t in self.tokenize(name)), entry, user)

    def store(self, table: dict[tuple[str, ...], NameEntry], key: tuple[str, ...], entry: NameEntry,
              user: bool) -> None:
        """Put an entry in a table: a user entry always, a built-in one by kind precedence."""
        old = table.get(key)
        if old is not None and not (user or _outranks(entry, old)):
            if _codes(old) != _codes(entry) and old.kind == entry.kind == "person":
                self.problems.append(LexiconProblem(
                    entry.origin, f"{entry.name!r} is ambiguous ({old.code}, {entry.code}): kept {old.code}"))
            return
        if old is not None and _codes(old) != _codes(entry):
            if user:
                scope = scope_of(old.origin, entry.origin, self.builtin_paths)
                self.conflicts.append(Conflict("actor", entry.name, "|".join(_codes(entry)), entry.origin,
                                               "|".join(_codes(old)), old.origin, scope))
            elif not old.origin.startswith(entry.origin.rsplit(":", 1)[0]):
                self.problems.append(LexiconProblem(
                    entry.origin, f"{entry.name!r}: {entry.code} replaces {old.code} ({old.origin})"))
        table[key] = entry

    def key_of(self, phrase: str) -> tuple[str, ...]:
        """Lower-cased tokens of a dictionary phrase, tokenizing each distinct word once."""
        tokens: list[str] = []
        for word in phrase.split():
            found = self.word_tokens.get(word)
            if found is None:
                found = self.word_tokens[word] = tuple(t.lower() for t in self.tokenize(word.title()))
            tokens.extend(found)
        return tuple(tokens)

    def petrarch_actors(self, dictionary: ActorDictionary) -> None:
        """Keep a PETRARCH actor dictionary for :meth:`build` (after the people of geopol files)."""
        self.problems.extend(LexiconProblem(f"{p.path}:{p.line_no}", p.reason) for p in dictionary.problems)
        self.dictionaries.append(dictionary)

    def petrarch_agents(self, dictionary: AgentDictionary) -> None:
        """Add the agents of a PETRARCH dictionary as roles (``MINISTER [~GOV]`` -> minister: GOV)."""
        self.problems.extend(LexiconProblem(f"{p.path}:{p.line_no}", p.reason) for p in dictionary.problems)
        for agent in dictionary:
            origin = str(agent.origin)
            if not _AGENT_CODE.fullmatch(agent.code):
                self.problems.append(LexiconProblem(origin, f"agent code [{agent.raw_code}] is not made of "
                                                            "three-letter codes; skipped"))
                continue
            if agent.placement == "before":
                self.problems.append(LexiconProblem(origin, f"agent code [{agent.raw_code}] goes before the "
                                                            f"actor code; geopol appends roles: coded ~{agent.code}"))
            for form in agent.forms:
                self.add_role(self.key_of(form), Role(form.lower(), agent.code, "noun", origin))

    def apply_dictionary(self, dictionary: ActorDictionary) -> None:
        """Add every phrase of every entry as a user name; a case-insensitive phrase hides an acronym."""
        acronyms = {tuple(t.lower() for t in key): key for key in self.exact}
        for actor in dictionary:
            if not actor.codes:
                continue  # reported by the reader
            kind = _petrarch_kind(actor)
            offices = tuple(Office(r.code, r.start, r.end, "", str(r.origin)) for r in actor.codes)
            code = actor.default_code or actor.codes[0].code
            for phrase in actor.phrases:
                key = self.key_of(phrase)
                hidden = acronyms.pop(key, None)
                if hidden is not None:
                    self.names.setdefault(key, self.exact.pop(hidden))
                entry = NameEntry(phrase, code, kind, str(actor.origin), offices if kind == "person" else ())
                self.store(self.names, key, entry, user=True)

    def build(self) -> ActorLexicon:
        ambiguous = _ambiguous_aliases(self.person_names)
        for name, offices in self.people.items():
            origin = offices[0].origin
            for alias in self.person_names[name]:
                if alias.lower() in ambiguous and alias != name:
                    continue
                self.add_name(alias, offices[0].code, "person", origin, name in self.person_user, tuple(offices))
        for dictionary in self.dictionaries:
            self.apply_dictionary(dictionary)
        for alias, owners in ambiguous.items():
            self.problems.append(LexiconProblem("people", f"alias {alias!r} names {', '.join(owners)}: not used alone"))
        return ActorLexicon(
            names=MappingProxyType(self.names), exact=MappingProxyType(self.exact),
            roles=MappingProxyType(self.roles), country_names=MappingProxyType(self.country_names),
            capitals=MappingProxyType(self.capitals), problems=tuple(self.problems),
            conflicts=tuple(self.conflicts),
        )


def _codes(entry: NameEntry) -> tuple[str, ...]:
    """The codes an entry can give, in order (its offices', else its own)."""
    return tuple(dict.fromkeys(o.code for o in entry.offices)) or (entry.code,)


def _petrarch_kind(actor: ActorEntry) -> str:
    """A dated entry is a person; else a bare three-letter code is a country, IGO/NGO/MNC/IMG
    codes are organisations, and other codes (``AFGREB``) groups."""
    if any(not r.is_default for r in actor.codes):
        return "person"
    code = actor.default_code or actor.codes[0].code
    if len(code) == 3 and code.isalpha():
        return "country"
    return "organization" if code.startswith(ORGANIZATION_PREFIXES) else "group"


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
