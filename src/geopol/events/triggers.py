"""The trigger lexicon: which verbs and nouns code which CAMEO events.

Read from ``verbs.tsv`` (format in ``docs/lexicons.md``) into an immutable
:class:`TriggerLexicon`, passed explicitly to the event coder.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

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
    problems: tuple[str, ...] = ()

    def verb(self, lemma: str, particles: Sequence[str] = (), objects: Sequence[str] = ()) -> Trigger | None:
        """The most specific verb entry for a lemma with its particle and object lemmas."""
        return _best(self.verbs.get(lemma, ()), particles, objects)

    def noun(self, lemma: str, modifiers: Sequence[str] = ()) -> Trigger | None:
        """The entry for an event noun; multi-word entries ("phone call") need their modifiers."""
        return _best(self.nouns.get(lemma, ()), modifiers, ())

    @classmethod
    def load(cls, extra: Sequence[Path] = (), builtin: bool = True) -> TriggerLexicon:
        verbs: dict[str, list[Trigger]] = {}
        nouns: dict[str, list[Trigger]] = {}
        problems: list[str] = []
        paths = [*([_builtin_path()] if builtin else []), *extra]
        for path in paths:
            for trigger in _read(Path(path), problems):
                table = verbs if trigger.pos == "VERB" else nouns
                entries = table.setdefault(trigger.lemma, [])
                if path in extra:
                    entries[:] = [e for e in entries if not _same_key(e, trigger)]
                entries.append(trigger)
        return cls(
            verbs=MappingProxyType({k: tuple(v) for k, v in verbs.items()}),
            nouns=MappingProxyType({k: tuple(v) for k, v in nouns.items()}),
            problems=tuple(problems),
        )


def _same_key(a: Trigger, b: Trigger) -> bool:
    return (a.lemma, a.particle, a.objects) == (b.lemma, b.particle, b.objects)


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
    if pos not in ("VERB", "NOUN"):
        raise ValueError(f"pos {pos!r} is not VERB or NOUN")
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
