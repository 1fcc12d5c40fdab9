"""The trigger lexicon: which verbs and nouns code which CAMEO events.

Read from ``verbs.tsv`` (format in ``docs/lexicons.md``) into an immutable
:class:`TriggerLexicon`, passed explicitly to the event coder. User files come in
geopol's own format or as PETRARCH2 verb dictionaries (detected from their content,
converted by :mod:`geopol.dictionaries.verb_triggers`; ``docs/dictionaries.md``).
A user entry replaces a built-in (or earlier) entry with the same lemma, particle and
objects; when the codes differ the replacement is recorded in ``conflicts``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from geopol.dictionaries import read_verbs
from geopol.dictionaries.provenance import Conflict, scope_of
from geopol.dictionaries.verb_triggers import MappedTrigger, convert_verbs, is_petrarch_verb_file

FLAGS = frozenset({"mutual", "visit", "host", "intent", "light", "-"})


class TriggerLexiconError(ValueError):
    """A trigger file cannot be read."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One line of the trigger lexicon."""

    lemma: str
    particle: str
    objects: frozenset[str]
    pos: str
    code: str
    targets: tuple[str, ...]
    flags: frozenset[str]
    origin: str

    @property
    def mutual(self) -> bool:
        return "mutual" in self.flags

    @property
    def visit(self) -> bool:
        return "visit" in self.flags

    @property
    def host(self) -> bool:
        return "host" in self.flags


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: Mapping[str, tuple[Trigger, ...]]
    nouns: Mapping[str, tuple[Trigger, ...]]
    adjectives: Mapping[str, tuple[Trigger, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Attitude adjectives (``ADJ`` lines): "was *skeptical* over ..."."""
    problems: tuple[str, ...] = ()
    """Malformed lines, as ``"path:line: reason"``."""
    conflicts: tuple[Conflict, ...] = ()
    unmapped: tuple[str, ...] = ()
    """PETRARCH verbs and patterns that have no geopol trigger, as ``"path:line: reason"``."""
    forms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Inflected verb forms of PETRARCH dictionaries -> lemma (``met`` -> ``meet``), for look-ups."""

    def verb(self, lemma: str, particles: Sequence[str] = (), objects: Sequence[str] = ()) -> Trigger | None:
        """The most specific verb entry for a lemma with its particle and object lemmas."""
        return _best(self.verbs.get(lemma, ()), particles, objects)

    def noun(self, lemma: str, modifiers: Sequence[str] = ()) -> Trigger | None:
        """The entry for an event noun; multi-word entries ("phone call") need their modifiers."""
        return _best(self.nouns.get(lemma, ()), modifiers, ())

    def adjective(self, lemma: str) -> Trigger | None:
        """The entry for a predicate adjective of attitude ("was *skeptical* over ...")."""
        return _best(self.adjectives.get(lemma, ()), (), ())

    def entries_for(self, word: str) -> tuple[Trigger, ...]:
        """Every verb and noun entry of a lemma or (PETRARCH) verb form: ``"met"`` gives MEET's."""
        key = word.strip().lower()
        lemma = self.forms.get(key, key)
        return (*self.verbs.get(lemma, ()), *self.nouns.get(lemma, ()), *self.adjectives.get(lemma, ()))

    @classmethod
    def load(cls, extra: Sequence[Path] = (), builtin: bool = True) -> TriggerLexicon:
        """The built-in lexicon (unless ``builtin`` is False) and then the ``extra`` files, in order.

        ``extra`` files are geopol ``verbs.tsv`` files or PETRARCH verb dictionaries.
        Raises :class:`TriggerLexiconError` if a file cannot be read.
        """
        builtin_paths = [_builtin_path()] if builtin else []
        builder = _Builder(frozenset(str(p) for p in builtin_paths))
        for path in builtin_paths:
            builder.add(_read(path, builder.problems), user=False)
        for path in map(Path, extra):
            if _is_petrarch(path):
                builder.add(builder.petrarch(path), user=True)
            else:
                builder.add(_read(path, builder.problems), user=True)
        return builder.build(cls)


class _Builder:
    """Mutable state of one TriggerLexicon.load call (never shared)."""

    def __init__(self, builtin_paths: frozenset[str]) -> None:
        self.builtin_paths = builtin_paths
        self.verbs: dict[str, list[Trigger]] = {}
        self.nouns: dict[str, list[Trigger]] = {}
        self.adjectives: dict[str, list[Trigger]] = {}
        self.problems: list[str] = []
        self.unmapped: list[str] = []
        self.conflicts: list[Conflict] = []
        self.forms: dict[str, str] = {}

    def petrarch(self, path: Path) -> list[Trigger]:
        try:
            conversion = convert_verbs(read_verbs(path))
        except OSError as error:
            raise TriggerLexiconError(f"cannot read verb dictionary {path}: {error.strerror or error}") from error
        self.problems.extend(str(p) for p in conversion.problems)
        self.unmapped.extend(str(p) for p in conversion.unmapped)
        for form, lemma in conversion.forms:
            self.forms.setdefault(form, lemma)
        return [_from_mapped(t) for t in conversion.triggers]

    def add(self, triggers: Iterable[Trigger], user: bool) -> None:
        for trigger in triggers:
            table = {"VERB": self.verbs, "ADJ": self.adjectives}.get(trigger.pos, self.nouns)
            entries = table.setdefault(trigger.lemma, [])
            if user:
                for old in (e for e in entries if _same_key(e, trigger) and e.code != trigger.code):
                    scope = scope_of(old.origin, trigger.origin, self.builtin_paths)
                    self.conflicts.append(Conflict("verb", _key_text(trigger), trigger.code, trigger.origin,
                                                   old.code, old.origin, scope))
                entries[:] = [e for e in entries if not _same_key(e, trigger)]
            entries.append(trigger)

    def build(self, cls: type[TriggerLexicon]) -> TriggerLexicon:
        return cls(
            verbs=MappingProxyType({k: tuple(v) for k, v in self.verbs.items()}),
            nouns=MappingProxyType({k: tuple(v) for k, v in self.nouns.items()}),
            adjectives=MappingProxyType({k: tuple(v) for k, v in self.adjectives.items()}),
            problems=tuple(self.problems), conflicts=tuple(self.conflicts), unmapped=tuple(self.unmapped),
            forms=MappingProxyType(dict(self.forms)),
        )


def _is_petrarch(path: Path) -> bool:
    try:
        return is_petrarch_verb_file(path)
    except OSError as error:
        raise TriggerLexiconError(f"cannot read trigger lexicon {path}: {error.strerror or error}") from error


def _from_mapped(mapped: MappedTrigger) -> Trigger:
    return Trigger(lemma=mapped.lemma, particle=mapped.particle, objects=mapped.objects, pos="VERB",
                   code=mapped.code, targets=mapped.targets, flags=frozenset(), origin=str(mapped.origin))


def _key_text(trigger: Trigger) -> str:
    """``meet with``, ``sign+agreement|deal`` (the verbs.tsv spelling of a trigger's key)."""
    text = " ".join(w for w in (trigger.lemma, trigger.particle) if w)
    return text + ("+" + "|".join(sorted(trigger.objects)) if trigger.objects else "")


def _same_key(a: Trigger, b: Trigger) -> bool:
    return (a.lemma, a.pos, a.particle, a.objects) == (b.lemma, b.pos, b.particle, b.objects)


def _best(entries: Sequence[Trigger], particles: Sequence[str], objects: Sequence[str]) -> Trigger | None:
    best: Trigger | None = None
    best_score = -1
    for entry in entries:
        if entry.particle and entry.particle not in particles:
            continue
        if entry.objects and not entry.objects.intersection(objects):
            continue
        score = (2 if entry.particle else 0) + (1 if entry.objects else 0)
        if score > best_score:
            best, best_score = entry, score
    return best


def _builtin_path() -> Path:
    return Path(str(resources.files("geopol") / "data" / "verbs.tsv"))


def _read(path: Path, problems: list[str]) -> list[Trigger]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise TriggerLexiconError(f"cannot read trigger lexicon {path}: {error.strerror or error}") from error
    triggers = []
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            try:
                triggers.append(_parse(cells, f"{path}:{number}"))
            except ValueError as error:
                problems.append(f"{path}:{number}: skipped: {error}")
    return triggers


def _parse(cells: list[str], origin: str) -> Trigger:
    if len(cells) < 3:
        raise ValueError(f"expected at least 3 columns, found {len(cells)}")
    cells = [*cells, "-", "-"][:5]
    trigger, pos, code = cells[0].strip().lower(), cells[1].strip().upper(), cells[2].strip()
    if pos not in ("VERB", "NOUN", "ADJ"):
        raise ValueError(f"pos {pos!r} is not VERB, NOUN or ADJ")
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"code {code!r} is not a CAMEO code")
    head, _, objects = trigger.partition("+")
    words = head.split()
    if not words:
        raise ValueError("empty trigger")
    flags = frozenset(f.strip() for f in cells[4].split(",") if f.strip())
    unknown = flags - FLAGS
    if unknown:
        raise ValueError(f"unknown flags {sorted(unknown)}")
    targets = tuple(t.strip() for t in cells[3].split("|") if t.strip() and t.strip() != "-")
    if pos == "NOUN":  # "phone call": the head is the last word, the others must modify it
        words = [words[-1], *words[:-1]]
    return Trigger(
        lemma=words[0], particle=" ".join(words[1:]),
        objects=frozenset(o.strip() for o in objects.split("|") if o.strip()),
        pos=pos, code=code, targets=targets, flags=flags - {"-"}, origin=origin,
    )
