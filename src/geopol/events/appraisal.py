"""Appraisals: "X called the veto *shameful*", "described the talks *as productive*".

A verb of naming (call, describe, label, brand, dub) with an object and a predicate says what the
speaker thinks of the object: praise (051) when the predicate is approving, criticism (111) when it
is disapproving, nothing when it is neither ("called the meeting a first step")."""

from __future__ import annotations

from typing import Any

from geopol.events.syntax import lemma_of

Token = Any

NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "term", "characterize", "characterise"})
"""Verbs that name their object as something ("called X Y", "described X as Y")."""

APPROVING = frozenset({
    "productive", "constructive", "historic", "successful", "success", "fruitful", "positive", "important",
    "significant", "milestone", "breakthrough", "excellent", "friendly", "cordial", "valuable", "great",
    "good", "landmark", "model", "partner", "friend", "ally", "brother", "turning", "useful", "encouraging",
    "welcome", "timely", "wise", "courageous", "responsible", "remarkable", "outstanding", "strong", "solid",
})
DISAPPROVING = frozenset({
    "shameful", "unacceptable", "irresponsible", "provocative", "provocation", "dangerous", "illegal",
    "illegitimate", "violation", "outrageous", "disgraceful", "reckless", "aggressive", "aggression", "hostile",
    "absurd", "baseless", "groundless", "lie", "farce", "sham", "threat", "crime", "criminal", "terrorist",
    "terrorism", "invasion", "rehearsal", "blackmail", "hypocritical", "hypocrisy", "destabilizing",
    "destabilising", "deplorable", "regrettable", "unjustified", "unfounded", "interference", "meddling",
    "escalation", "mistake", "error", "corrupt", "dictator", "fascist", "racist", "fake", "insult", "betrayal",
    "disaster", "catastrophic", "appalling", "cowardly", "barbaric", "cruel", "brutal", "heinous", "senseless",
    "unprovoked", "unlawful", "piracy", "theft", "robbery", "genocide", "atrocity", "war crime", "slap",
    "affront", "attack", "blow", "setback", "failure", "disgrace", "travesty", "nonsense", "propaganda",
})
"""Words of a predicate that approve or disapprove of what is named (lemmas; "blow" as in "a blow
to peace")."""


def appraisal(verb: Token) -> str | None:
    """The CAMEO code of an appraisal by ``verb`` of its object: 051, 111, or None."""
    if lemma_of(verb) not in NAMING_VERBS or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
    predicates += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]  # "described X as Y"
    words = {lemma_of(t) for p in predicates for t in p.subtree}
    if not words or any(c.dep_ == "neg" for p in predicates for c in p.children):
        return None
    if words & DISAPPROVING:
        return "111"
    if words & APPROVING:
        return "051"
    return None


def has_predicate(verb: Token) -> bool:
    """Whether a naming verb names its object as something ("called X Y"): then it is never a
    phone call or a visit, whatever the predicate says."""
    return lemma_of(verb) in NAMING_VERBS and any(c.dep_ == "oprd" for c in verb.children)
