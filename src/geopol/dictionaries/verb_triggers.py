"""Turn a PETRARCH2 verb dictionary into entries of geopol's trigger lexicon.

geopol codes from the dependency parse with triggers of the shape *verb lemma,
optional particle, optional object lemmas, target slots* (``docs/lexicons.md``,
``verbs.tsv``). PETRARCH2 patterns are much richer; this module maps what fits:

* every verb of a block, with its own code or the block's (a multi-word verb
  ``MEET_WITH`` becomes the lemma ``meet`` with the particle ``with``);
* patterns of a block, applied to each single-word verb of the block, whose
  post-verb part is, after dropping ``$``/``+`` slots (``$`` allowed before the verb):

  ========================  ===========================================  ===================
  pattern                   trigger                                      example
  ========================  ===========================================  ===================
  ``* PRT``                 particle                                     ``* OFF``
  ``* NOUN`` / ``* &SET``   object lemma(s)                              ``* PAYMENT``
  ``* (PREP)``              particle = PREP, target in PREP's object     ``* (TO +)``
  ``* NOUN (PREP)``         object, target in PREP's object              ``* MESSAGE (AGAINST)``
  ``* (OF|FOR|ON NOUN)``    particle and object (geopol reads these      ``* (FOR HELP)``
                            prepositions' nouns as objects)
  ========================  ===========================================  ===================

  optionally after a particle (``* OFF (FOR)``). Single-word synset members only.

Everything else (words before the verb, multi-word noun phrases, nouns inside other
prepositional phrases, ``^``/``%`` slots, null ``---`` and passive-only ``:NNN`` codes, and
patterns whose geopol shape repeats an earlier one with another code) is *not mapped*
and listed with its file and line in :attr:`VerbConversion.unmapped`.
Within a file the first definition wins, as in PETRARCH2.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from ._common import DictionaryProblem, Origin
from .verb_patterns import PatternElement, VerbPattern
from .verbs import Synset, VerbBlock, VerbDictionary, VerbEntry

__all__ = ["MappedTrigger", "VerbConversion", "convert_verbs", "is_petrarch_verb_file"]

PARTICLES = frozenset({"up", "down", "off", "out", "back", "away", "over", "on", "forward", "together",
                       "around", "through", "aside", "along", "ahead"})
"""Words that, written bare right after the verb, are read as its particle (``* OFF``)."""
PREPOSITIONS = frozenset({"to", "with", "against", "for", "from", "at", "on", "into", "toward", "towards",
                          "about", "over", "by", "of", "in", "upon", "onto", "across", "through", "under",
                          "between", "among", "after", "behind", "beyond", "near", "within"})
"""Particles that take the target as their object (``meet with X``)."""
OBJECT_PREPS = frozenset({"of", "for", "on"})
"""Prepositions whose noun geopol's coder reads as the verb's object (``accused of war crimes``)."""
SNIFF_LINES = 50
"""Content lines read to tell a PETRARCH verb dictionary from a geopol ``verbs.tsv``."""


@dataclass(frozen=True, slots=True)
class MappedTrigger:
    """A trigger made from a verb or a pattern: the fields of :class:`geopol.events.triggers.Trigger`."""

    lemma: str
    particle: str
    objects: frozenset[str]
    code: str
    targets: tuple[str, ...]
    origin: Origin

    @property
    def key(self) -> tuple[str, str, frozenset[str]]:
        return self.lemma, self.particle, self.objects


@dataclass(frozen=True, slots=True)
class VerbConversion:
    """Triggers made from one verb dictionary, the verb forms seen, and what could not be mapped."""

    path: str
    triggers: tuple[MappedTrigger, ...]
    forms: tuple[tuple[str, str], ...]
    """(inflected form, lemma) pairs, lower case: ``("met", "meet")``."""
    unmapped: tuple[DictionaryProblem, ...]
    problems: tuple[DictionaryProblem, ...]
    """Malformed lines, as reported by the reader."""


@dataclass(frozen=True, slots=True)
class _Shape:
    particle: str
    objects: frozenset[str]
    targets: tuple[str, ...]


def is_petrarch_verb_file(path: str | os.PathLike[str]) -> bool:
    """True if the file looks like a PETRARCH verb dictionary rather than a geopol ``verbs.tsv``.

    The first content line decides: a tab-separated ``trigger<TAB>VERB|NOUN`` line is geopol's
    format; a block header (``--- NAME [CODE] ---``), synset label (``&NAME``), member or verb
    line (``+WORD``), pattern (``- ...``) or transformation (``~ ...``) is PETRARCH's.
    """
    seen = 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            text = line.strip()
            if not text or text.startswith(("#", "<!--", ";")):
                continue
            cells = line.split("\t")
            if len(cells) > 1 and cells[1].strip().upper() in ("VERB", "NOUN"):
                return False
            if text.startswith(("---", "&", "+", "~", "- ")):
                return True
            seen += 1
            if seen >= SNIFF_LINES:
                break
    return False


def convert_verbs(dictionary: VerbDictionary) -> VerbConversion:
    """Map the verbs and patterns of a read dictionary onto geopol triggers."""
    state = _Conversion(dictionary)
    for block in dictionary.blocks:
        state.block(block)
    return VerbConversion(
        dictionary.path, tuple(state.triggers.values()), tuple(state.forms.items()),
        tuple(sorted(state.unmapped, key=lambda p: p.line_no)), dictionary.problems,
    )


class _Conversion:
    """Mutable state of one convert_verbs call (never shared)."""

    def __init__(self, dictionary: VerbDictionary) -> None:
        self.dictionary = dictionary
        self.triggers: dict[tuple[str, str, frozenset[str]], MappedTrigger] = {}
        self.forms: dict[str, str] = {}
        self.unmapped: list[DictionaryProblem] = []

    def skip(self, origin: Origin, reason: str) -> None:
        self.unmapped.append(DictionaryProblem(origin.path, origin.line, reason))

    def add(self, trigger: MappedTrigger) -> str | None:
        """Keep a trigger unless its key is taken; returns the reason when it is shadowed."""
        old = self.triggers.get(trigger.key)
        if old is None:
            self.triggers[trigger.key] = trigger
            return None
        if old.code == trigger.code:
            return None
        return f"same geopol shape as line {old.origin.line} ([{old.code}]) with code [{trigger.code}]"

    def block(self, block: VerbBlock) -> None:
        owned = [verb for verb in block.verbs if self.dictionary.verb_for(verb.lemma) is verb]
        for verb in block.verbs:
            if verb not in owned:
                first = self.dictionary.verb_for(verb.lemma)
                where = f"line {first.origin.line}" if first is not None else "elsewhere"
                self.skip(verb.origin, f"verb {verb.lemma} already defined at {where}; first definition kept")
        singles = [verb for verb in owned if " " not in verb.lemma]
        for verb in owned:
            self.verb(block, verb)
        for pattern in block.patterns:
            self.pattern(pattern, singles)

    def verb(self, block: VerbBlock, verb: VerbEntry) -> None:
        code = verb.code if verb.code is not None else block.code
        words = verb.lemma.lower().split()
        if code.event_code is None:
            self.skip(verb.origin, f"verb {verb.lemma} has the null code [{code.raw}] (no event)")
            return
        if words[0] != verb.head.lower() or len(words) > 2:
            self.skip(verb.origin, f"multi-word verb {verb.lemma}: geopol triggers are a verb and one particle")
            return
        particle = words[1] if len(words) == 2 else ""
        targets = (particle, "dobj") if particle in PREPOSITIONS else ("dobj",)
        trigger = MappedTrigger(words[0], particle, frozenset(), code.event_code, targets, verb.origin)
        shadowed = self.add(trigger)
        if shadowed:
            self.skip(verb.origin, shadowed)
        for form in verb.forms:
            form_words = form.lower().split()
            if len(form_words) == len(words):
                self.forms.setdefault(form_words[0], words[0])

    def pattern(self, pattern: VerbPattern, verbs: list[VerbEntry]) -> None:
        code = pattern.code.event_code
        if code is None:
            kind = "null code (no event)" if pattern.code.primary else "passive-only code"
            self.skip(pattern.origin, f"{kind} [{pattern.code.raw}]: geopol has no trigger for it")
            return
        shape = _shape(pattern, self.dictionary.synsets)
        if isinstance(shape, str):
            self.skip(pattern.origin, shape)
            return
        if not verbs:
            self.skip(pattern.origin, "its block has no single-word verb to attach the pattern to")
            return
        reasons = [self.add(MappedTrigger(verb.lemma.lower(), shape.particle, shape.objects, code,
                                          shape.targets, pattern.origin)) for verb in verbs]
        shadowed = [r for r in reasons if r]
        if len(shadowed) == len(verbs):
            self.skip(pattern.origin, shadowed[0])


def _shape(pattern: VerbPattern, synsets: Mapping[str, Synset]) -> _Shape | str:
    """The trigger shape of a pattern, or the reason it has none."""
    if any(e.kind != "source" for e in pattern.before):
        return "words before the verb"
    elements = [e for e in pattern.after if e.kind not in ("target", "source")]
    if any(e.kind in ("skip", "compound") for e in elements):
        return "'^' or '%' slot"
    particle, objects = "", frozenset[str]()
    targets: tuple[str, ...] = ()
    if elements and elements[0].kind == "word" and elements[0].words[0].lower() in PARTICLES:
        particle, elements = elements[0].words[0].lower(), elements[1:]
    if elements and elements[0].kind in ("word", "synset", "phrase"):
        found = _nouns(elements[0], synsets)
        if isinstance(found, str):
            return found
        objects, elements = found, elements[1:]
    if elements and elements[0].kind == "prep":
        prep, elements = elements[0], elements[1:]
        word = prep.words[0].lower()
        children = [c for c in prep.children if c.kind not in ("target", "source")]
        if not children:
            targets = (word,)
            particle = particle or ("" if objects else word)
        elif len(children) == 1 and not objects and not particle and word in OBJECT_PREPS:
            found = _nouns(children[0], synsets)
            if isinstance(found, str):
                return found
            particle, objects, targets = word, found, ("dobj",)
        else:
            return f"noun inside a prepositional phrase '({word} ...)' (geopol reads nouns of of/for/on only)"
    if elements:
        return "more elements after the verb than a particle, one object and one preposition"
    if not particle and not objects and not targets:
        return "same shape as the bare verb"
    if not targets:
        targets = (particle, "dobj") if particle in PREPOSITIONS else ("dobj",)
    return _Shape(particle, objects, targets)


def _nouns(element: PatternElement, synsets: Mapping[str, Synset]) -> frozenset[str] | str:
    """Object lemmas of a noun or synset element, or the reason it cannot be an object."""
    if element.kind == "synset":
        synset = synsets.get(element.words[0])
        if synset is None:
            return f"undefined synset {element.words[0]}"
        words = [m for m in synset.members if " " not in m]
        if not words:
            return f"synset {synset.name} has no single-word member"
        return frozenset(w for m in words for w in _singulars(m.lower()))
    if element.kind == "word" and " " not in element.words[0]:
        return frozenset(_singulars(element.words[0].lower()))
    return "multi-word noun phrase as object"


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars it may have as a spaCy lemma (``charges`` -> ``charge``)."""
    if word.endswith("ies") and len(word) > 4:
        return word, word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word, word[:-2], word[:-1]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word, word[:-1]
    return (word,)
