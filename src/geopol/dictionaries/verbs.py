"""Reader for the PETRARCH2 verb dictionary (``CAMEO.2.0.txt``).

Structure (PETRARCH2 ``read_verb_dictionary`` documentation)::

    &CURRENCY                 # synset label; '&NAME_' = no plurals for its members
    +DOLLAR                   # member (plural DOLLARS generated)
    +CASH_                    # member without plural

    ---  MEET_PEOPLE   [040]  ---                  # block header, with the block's code
    +MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }   # multi-word verb, '+' marks the verb
    MEET {MEETS MET MEETING}  # irregular forms: ALL forms are listed
    CONTACT                   # regular forms generated (CONTACTS CONTACTED CONTACTING)
    COME {CAME COMES COMING} [---]              # verb-specific code
    - * (WITH LEADERS)        [036:036]         # pattern: see :mod:`.verb_patterns`

    ~ a (a b ATTACK) SAY = a b 015              # verb transformation (kept verbatim)

Inside a block a ``+`` line is a multi-word verb; after a ``&`` label it is a synset
member. Patterns using an undefined synset are skipped (and reported), as in PETRARCH.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ._common import (
    DictionaryProblem,
    Origin,
    ProblemLog,
    iter_content_lines,
    normalise_key,
    normalise_phrase,
    regular_plural,
)
from .verb_patterns import (
    NULL_CODE,
    PatternElement,
    VerbCode,
    VerbPattern,
    parse_code,
    parse_side,
    synset_key,
)

__all__ = ["Synset", "VerbBlock", "VerbDictionary", "VerbEntry", "VerbTransformation", "read_verbs"]

_HEADER = re.compile(r"^---\s*(?P<name>[^\s\[]+)?\s*(?:\[(?P<code>[^\[\]]*)\])?[\s-]*$")
_VERB = re.compile(r"^(?P<verb>[^\s{\[]+)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?$")
_PATTERN_CODE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
_VERB_MARK = re.compile(r"\*+")


@dataclass(frozen=True, slots=True)
class Synset:
    """``&NAME`` and its member phrases; ``members`` includes generated plurals."""

    name: str
    phrases: tuple[str, ...]
    members: tuple[str, ...]
    plurals: bool
    origin: Origin


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (or multi-word verb) of a block, with all its inflected forms."""

    lemma: str
    head: str
    forms: tuple[str, ...]
    code: VerbCode | None
    block: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: synonymous verbs sharing a pattern list."""

    name: str
    code: VerbCode
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[VerbPattern, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class VerbTransformation:
    """``~ PATTERN = RESULT`` line, kept verbatim (PETRARCH2 verb-interaction rules)."""

    pattern: str
    result: str
    origin: Origin


@dataclass(frozen=True, slots=True, eq=False)
class VerbDictionary:
    """Blocks, synsets and transformations of a verb dictionary, indexed by verb form."""

    path: str
    blocks: tuple[VerbBlock, ...]
    synsets: Mapping[str, Synset]
    transformations: tuple[VerbTransformation, ...]
    _forms: Mapping[str, tuple[int, int]] = field(repr=False)
    problems: tuple[DictionaryProblem, ...]

    def __len__(self) -> int:
        return sum(len(block.verbs) for block in self.blocks)

    def __iter__(self) -> Iterator[VerbEntry]:
        return (verb for block in self.blocks for verb in block.verbs)

    def _locate(self, word: str) -> tuple[VerbBlock, VerbEntry] | None:
        where = self._forms.get(normalise_key(word))
        if where is None:
            return None
        block = self.blocks[where[0]]
        return block, block.verbs[where[1]]

    def verb_for(self, word: str) -> VerbEntry | None:
        """The verb entry of a lemma or inflected form (``"met"`` -> MEET)."""
        found = self._locate(word)
        return None if found is None else found[1]

    def block_for(self, word: str) -> VerbBlock | None:
        found = self._locate(word)
        return None if found is None else found[0]

    def codes_for(self, lemma: str) -> list[tuple[VerbPattern, str]]:
        """All patterns of the verb's block with their codes as written, in file order."""
        block = self.block_for(lemma)
        return [] if block is None else [(pattern, pattern.code.raw) for pattern in block.patterns]

    def verb_code(self, lemma: str) -> VerbCode | None:
        """Code of the isolated verb: its own code, else its block's."""
        found = self._locate(lemma)
        if found is None:
            return None
        block, verb = found
        return verb.code if verb.code is not None else block.code

    def match_object(self, lemma: str, object_lemma: str) -> VerbPattern | None:
        """Best pattern of the verb whose post-verb noun is ``object_lemma`` (or its plural).

        Only patterns with no words before the verb (``$``/``+`` slots allowed) are
        considered; a pattern whose post-verb words are the object alone beats longer
        patterns; file order breaks ties.
        """
        block = self.block_for(lemma)
        if block is None:
            return None
        key = normalise_phrase(object_lemma)
        wanted = {key, *(() if not key else (regular_plural(key),))}
        fallback: VerbPattern | None = None
        for pattern in block.patterns:
            if _content(pattern.before) or not (wanted & pattern.object_words):
                continue
            if len(_content(pattern.after)) == 1:
                return pattern
            fallback = fallback or pattern
        return fallback

    def lookup(self, lemma: str, object_lemma: str | None = None) -> str | None:
        """CAMEO code of the verb alone, or of the verb with a direct object named in a pattern.

        Falls back to the verb's own code when no pattern names the object. Returns None
        for unknown verbs and for null codes (``---``: no event).
        """
        if object_lemma:
            pattern = self.match_object(lemma, object_lemma)
            if pattern is not None:
                return pattern.code.event_code
        code = self.verb_code(lemma)
        return None if code is None else code.event_code


def _content(elements: tuple[PatternElement, ...]) -> list[PatternElement]:
    """Elements other than the ``$ + ^ %`` slots."""
    return [e for e in elements if e.kind in ("word", "phrase", "synset", "prep")]


def _inflect(word: str) -> tuple[str, str, str]:
    """Regular third-person, past and -ing forms of an upper-case verb."""
    third = regular_plural(word)
    if word.endswith("E"):
        past = word + "D"
        ing = word + "ING" if word.endswith(("EE", "YE", "OE")) else word[:-1] + "ING"
    elif word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        past, ing = word[:-1] + "IED", word + "ING"
    else:
        past, ing = word + "ED", word + "ING"
    return third, past, ing


@dataclass
class _PendingBlock:
    name: str
    code: VerbCode
    origin: Origin
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[tuple[str, str, str, VerbCode, Origin]] = field(default_factory=list)


@dataclass
class _PendingSynset:
    name: str
    plurals: bool
    origin: Origin
    phrases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


class _VerbBuilder:
    """Mutable state of one read_verbs call (never shared)."""

    def __init__(self, path: str, log: ProblemLog) -> None:
        self.path = path
        self.log = log
        self.blocks: list[_PendingBlock] = []
        self.synsets: dict[str, _PendingSynset] = {}
        self.transformations: list[VerbTransformation] = []
        self.current: _PendingBlock | _PendingSynset | None = None

    def origin(self, line_no: int) -> Origin:
        return Origin(self.path, line_no)

    def header(self, text: str, line_no: int) -> None:
        match = _HEADER.match(text)
        if match is None or not match.group("name"):
            self.log.add(line_no, "malformed block header '--- NAME [CODE] ---'; block skipped")
            self.current = None
            return
        code = parse_code(NULL_CODE)
        if match.group("code") is not None:
            try:
                code = parse_code(match.group("code"))
            except ValueError as err:
                self.log.add(line_no, f"{err} in block header; using null code")
        self.current = _PendingBlock(match.group("name").upper(), code, self.origin(line_no))
        self.blocks.append(self.current)

    def synset(self, text: str, line_no: int) -> None:
        label = text.split()[0]
        name = synset_key(label)
        if name == "&" or len(text.split()) > 1:
            self.log.add(line_no, f"malformed synset label {text!r}; skipped")
            self.current = None
            return
        if name in self.synsets:
            self.log.add(line_no, f"synset {name} defined twice; members merged")
        pending = self.synsets.setdefault(
            name, _PendingSynset(name, not label.endswith("_"), self.origin(line_no))
        )
        self.current = pending

    def member(self, synset: _PendingSynset, text: str, line_no: int) -> None:
        raw = text[1:].strip()
        phrase = normalise_phrase(raw)
        if not phrase or any(c in phrase for c in "[]{}()&$^%*"):
            self.log.add(line_no, f"malformed synset member {text!r}; skipped")
            return
        synset.phrases.append(phrase)
        synset.members.append(phrase)
        if synset.plurals and not raw.endswith("_"):
            words = phrase.split()
            synset.members.append(" ".join([*words[:-1], regular_plural(words[-1])]))

    def verb(self, block: _PendingBlock, text: str, line_no: int) -> None:
        match = _VERB.match(text)
        if match is None:
            self.log.add(line_no, f"cannot parse verb line {text!r}; skipped")
            return
        code: VerbCode | None = None
        if match.group("code") is not None:
            try:
                code = parse_code(match.group("code"))
            except ValueError as err:
                self.log.add(line_no, f"{err}; verb uses its block's code")
        words = match.group("verb").split("_")
        marked = [i for i, word in enumerate(words) if word.startswith("+")]
        if len(words) > 1 and len(marked) != 1:
            self.log.add(line_no, f"multi-word verb {match.group('verb')!r} needs one '+' on its verb word")
        head_at = marked[0] if marked else 0
        lemma = normalise_phrase(match.group("verb").replace("+", ""))
        head = lemma.split()[head_at]
        if match.group("forms") is not None:
            forms = [normalise_phrase(form.replace("+", "")) for form in match.group("forms").split()]
        else:
            forms = [
                " ".join([*words[:head_at], form, *words[head_at + 1 :]]).replace("+", "")
                for form in _inflect(head)
            ]
            forms = [normalise_phrase(form) for form in forms]
        unique = tuple(dict.fromkeys(f for f in forms if f and f != lemma))
        block.verbs.append(VerbEntry(lemma, head, unique, code, block.name, self.origin(line_no)))

    def pattern(self, block: _PendingBlock, text: str, line_no: int) -> None:
        body = text.strip()[1:]
        code_match = _PATTERN_CODE.search(body)
        if code_match is None:
            self.log.add(line_no, "pattern has no [code] at its end; skipped")
            return
        try:
            code = parse_code(code_match.group("code"))
        except ValueError as err:
            self.log.add(line_no, f"{err}; pattern skipped")
            return
        sides = _VERB_MARK.split(body[: code_match.start()])
        if len(sides) != 2:
            self.log.add(line_no, "pattern must contain exactly one '*' (the verb); skipped")
            return
        block.patterns.append((" ".join(body.split()), sides[0], sides[1], code, self.origin(line_no)))

    def transformation(self, text: str, line_no: int) -> None:
        pattern, equals, result = text.strip()[1:].partition("=")
        if not equals or not pattern.strip() or not result.strip():
            self.log.add(line_no, "transformation must read '~ PATTERN = RESULT'; skipped")
            return
        self.transformations.append(VerbTransformation(pattern.strip(), result.strip(), self.origin(line_no)))

    def line(self, text: str, line_no: int) -> None:
        stripped = text.strip()
        if stripped.startswith("---"):
            self.header(stripped, line_no)
        elif stripped.startswith("&"):
            self.synset(stripped, line_no)
        elif stripped.startswith("~"):
            self.transformation(stripped, line_no)
        elif isinstance(self.current, _PendingSynset) and stripped.startswith("+"):
            self.member(self.current, stripped, line_no)
        elif isinstance(self.current, _PendingBlock):
            if stripped.startswith("-"):
                self.pattern(self.current, stripped, line_no)
            else:
                self.verb(self.current, stripped, line_no)
        else:
            self.log.add(line_no, "line outside any verb block or synset; skipped")


def _object_words(elements: tuple[PatternElement, ...], synsets: Mapping[str, Synset]) -> frozenset[str]:
    """Nouns that can fill the direct-object position (post-verb, outside prepositional phrases).

    Holds the head words, their regular plurals and whole noun phrases / synset members.
    """
    found: set[str] = set()
    for element in elements:
        head = element.head
        if head is None:
            continue
        if head.startswith("&"):
            members = synsets[head].members if head in synsets else ()
            found.update(members)
            found.update(member.split()[-1] for member in members)
        else:
            last = head.split()[-1]
            found.update((head, last, regular_plural(last)))
            if element.kind == "phrase":
                found.add(" ".join(element.words))
    return frozenset(found)


def _finish_pattern(
    raw: tuple[str, str, str, VerbCode, Origin], synsets: Mapping[str, Synset], log: ProblemLog
) -> VerbPattern | None:
    text, before_text, after_text, code, origin = raw
    try:
        before, after = parse_side(before_text), parse_side(after_text)
    except ValueError as err:
        log.add(origin.line, f"{err}; pattern skipped")
        return None
    pattern = VerbPattern(text, before, after, code, origin, frozenset())
    missing = [name for name in pattern.synsets() if name not in synsets]
    if missing:
        log.add(origin.line, f"undefined synset {', '.join(missing)}; pattern skipped")
        return None
    return VerbPattern(text, before, after, code, origin, _object_words(after, synsets))


def _index_forms(blocks: tuple[VerbBlock, ...]) -> dict[str, tuple[int, int]]:
    """Lemmas first, then inflected forms; the first definition wins (as in PETRARCH2)."""
    index: dict[str, tuple[int, int]] = {}
    for b, block in enumerate(blocks):
        for v, verb in enumerate(block.verbs):
            index.setdefault(verb.lemma.casefold(), (b, v))
    for b, block in enumerate(blocks):
        for v, verb in enumerate(block.verbs):
            for form in verb.forms:
                index.setdefault(form.casefold(), (b, v))
    return index


def _finish(builder: _VerbBuilder) -> VerbDictionary:
    synsets = {
        name: Synset(name, tuple(s.phrases), tuple(dict.fromkeys(s.members)), s.plurals, s.origin)
        for name, s in builder.synsets.items()
    }
    blocks: list[VerbBlock] = []
    for pending in builder.blocks:
        patterns = (_finish_pattern(raw, synsets, builder.log) for raw in pending.patterns)
        kept = tuple(p for p in patterns if p is not None)
        blocks.append(VerbBlock(pending.name, pending.code, tuple(pending.verbs), kept, pending.origin))
    frozen_blocks = tuple(blocks)
    index = _index_forms(frozen_blocks)
    problems = tuple(sorted(builder.log.freeze(), key=lambda p: p.line_no))
    return VerbDictionary(
        builder.path,
        frozen_blocks,
        MappingProxyType(synsets),
        tuple(builder.transformations),
        MappingProxyType(index),
        problems,
    )


def read_verbs(path: str | os.PathLike[str]) -> VerbDictionary:
    """Read a PETRARCH2 verb dictionary. Malformed lines are reported in ``.problems``.

    Raises ``OSError`` only if the file itself cannot be opened or read.
    """
    name = os.fspath(path)
    log = ProblemLog(name)
    builder = _VerbBuilder(name, log)
    for line_no, text in iter_content_lines(name, log):
        builder.line(text, line_no)
    return _finish(builder)
