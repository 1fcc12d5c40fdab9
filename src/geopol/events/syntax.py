"""Small readings of the dependency parse shared by the coder: prepositional objects, particles,
modifiers, object lemmas and regular verb lemmas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Token = Any


def object_lemmas(verb: Token, objects: Sequence[Token]) -> list[str]:
    """Lemmas that can specialise a verb: its objects, their compounds, the "of" phrases of its
    objects ("5,000 tons *of aid*") and its own "of"/"for" objects ("accused of war crimes")."""
    preps = ("of", "for", "on", "by", "to")
    heads = [*objects, *of_objects(objects),
             *(o for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for o in pobjs(c))]
    lemmas = [t.lemma_.lower() for h in heads for t in (h, *h.children) if t is h or t.dep_ == "compound"]
    return lemmas + [c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"]  # "declined to *comment*"


def lemma_of(token: Token) -> str:
    return str(token.lemma_).lower()


def regular_lemmas(word: str) -> list[str]:
    """Candidate lemmas of a regularly inflected English verb form."""
    forms = []
    if word.endswith("ied"):
        forms.append(word[:-3] + "y")
    if word.endswith("ed"):
        forms += [word[:-1], word[:-2], word[:-3]]  # staged, halted, planned
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def of_objects(objects: Sequence[Token]) -> list[Token]:
    return [o for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]


def particles(verb: Token) -> list[str]:
    """Particles and prepositions of a verb, either of which can complete a phrasal verb ("call on")."""
    return [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]


def modifiers(noun: Token) -> list[str]:
    """The compound and adjective modifiers of a noun, as lemma sequences ("phone" in "phone call")."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return [*words, " ".join(words)] if len(words) > 1 else words


def pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
