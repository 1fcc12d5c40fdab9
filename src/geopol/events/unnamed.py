"""Who acted when the text does not name them, and where an unplaced actor belongs: the author of
the attack victims fell in, ``---`` for violence by an unnamed hand or an organisation the lexicons
cannot place, and the country of an unplaced lawmaker or opposition actor in a story about a
government (:func:`placed`)."""

from __future__ import annotations

from typing import Any

from geopol.events.arguments import Arguments
from geopol.events.codes import VIOLENT_ROOTS
from geopol.events.lookup import TriggerLookup
from geopol.events.syntax import lemma_of, particles, pobjs
from geopol.events.triggers import Trigger
from geopol.records import Actor

Token = Any

UNKNOWN = Actor("---", "", "unknown")
AGENT_NOUNS = frozenset({
    "agency", "group", "organization", "organisation", "committee", "forum", "union", "association",
    "network", "movement", "coalition", "front", "body", "commission", "federation", "society",
    "foundation", "charity", "gunman", "attacker", "assailant", "bomber", "kidnapper", "hijacker",
    "militia", "faction", "wing", "cell", "brigade", "campaigner", "watchdog", "monitor"})
"""Nouns that name an actor even when the resolver cannot place it: "an aid agency appealed to
X" is an appeal by ``---``."""
ATTACK_ENTS = frozenset({"ORG", "NORP"})
DOCUMENT_NOUNS = frozenset({"report", "study", "document", "dossier", "paper", "white paper", "statement",
                            "communique", "communiqué", "declaration", "resolution", "memo", "letter"})
PUBLISHING_VERBS = frozenset({"release", "publish", "issue", "present", "unveil", "circulate", "adopt"})
"""A document with no named author "released in Kigali" speaks for the country it was released in."""
WEAPON_WORDS = frozenset({"bomb", "explosion", "blast", "mine", "rocket", "missile", "shell", "grenade",
                          "drone", "device", "mortar", "shelling", "fire", "gunfire", "sniper", "bullet"})
"""Inanimate means of violence as subjects: "a roadside bomb killed two soldiers" (by ``---``)."""
WEAPON_CODES = {**dict.fromkeys(("aircraft", "warplane", "jet", "plane", "helicopter", "gunship", "drone",
                                  "airstrike"), "195"),
                **dict.fromkeys(("tank", "artillery", "howitzer", "mortar", "shell", "shelling", "rocket",
                                 "missile"), "194")}
"""The means of an attack named as its subject or instrument give CAMEO's kind of force (195 aerial
weapons, 194 artillery and tanks)."""
DOMESTIC_ROLES = frozenset({"LEG", "OPP", "JUD", "MED", "EDU", "PTY"})
"""Roles that, unplaced, belong to the country of the government they act on or with: a senator
accusing a president, an opposition party criticising a government, a court ruling against it."""


def placed(actor: Actor, other: Actor) -> Actor:
    """``actor`` placed in the country of ``other``, a government, when it has a domestic role and
    no country of its own."""
    if actor.country != "---" or actor.code[3:6] not in DOMESTIC_ROLES or not other.code.endswith("GOV") \
            or not other.code[:3].isalpha() or other.code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return actor
    return Actor(other.country + actor.code[3:], actor.name, actor.kind)


def unnamed_sources(lookup: TriggerLookup, args: Arguments, code: str, verb: Token) -> tuple[list[Actor], str]:
    """Who acted when the clause names no actor as the subject: the author of the attack the
    victims fell in ("were killed *in an Israeli air strike*": ISR, and the strike's code), or
    ``---`` for violence by an unnamed hand ("were killed", "a roadside bomb killed") and for
    an actor the lexicons cannot place ("an aid agency appealed to ...")."""
    violent = code[:2] in VIOLENT_ROOTS
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        if not violent or any(c.dep_ == "agent" for c in verb.children):
            return [], code
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "by"):
                for noun in pobjs(prep):
                    attack = _attack(lookup, args, noun, code) or _national_means(lookup, args, noun, verb, code)
                    if attack is not None:
                        return attack
        launched = args.resolve_places(o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                            for o in pobjs(c))  # "rockets were fired *from Gaza*"
        return (launched or [UNKNOWN]), code
    subjects = args.subjects(verb)
    if not subjects or any(s.pos_ not in ("NOUN", "PROPN") for s in subjects):
        return [], code
    published = _publisher(args, subjects)
    if published:
        return published, code
    for subject in subjects:
        attack = _attack(lookup, args, subject, code) if violent else None
        if attack is not None:
            return attack
        agent = lemma_of(subject) in AGENT_NOUNS or (subject.ent_type_ in ATTACK_ENTS and subject.ent_iob_ == "I")
        if not agent and not (violent and lookup.triggers.noun(lemma_of(subject), ()) is None
                              and subject.pos_ == "NOUN" and lemma_of(subject) in WEAPON_WORDS):
            return [], code
    return [UNKNOWN], code


def _attack(lookup: TriggerLookup, args: Arguments, noun: Token, code: str) -> tuple[list[Actor], str] | None:
    """An attack noun as the means of a violent act: its author (or ``---``) and its code."""
    entry = _violent_entry(lookup, noun)
    if entry is None:
        return None
    sources = args.noun_arguments(entry, noun)[0]
    return (sources or [UNKNOWN]), (entry.code if code.endswith("0") else code)


def _national_means(lookup: TriggerLookup, args: Arguments, noun: Token, verb: Token,
                    code: str) -> tuple[list[Actor], str] | None:
    """A nation or its weapon as the means of a passive violent act, when the parser split the attack
    noun from it: "killed in Israeli tank shelling" read as "killed in *Israeli tank*, shelling"."""
    weapon = lemma_of(noun) in WEAPON_CODES
    if not weapon and noun.ent_type_ != "NORP":
        return None
    authors = args.resolve_all([noun])
    if not authors or any(a.country == "---" for a in authors):
        return None
    specific = WEAPON_CODES.get(lemma_of(noun))
    for clause in verb.children:  # the attack noun the parser left beside it ("..., shelling")
        if clause.dep_ == "advcl" and clause.tag_ in ("VBG", "NN"):
            entry = _violent_entry(lookup, clause)
            if entry is not None:
                specific = specific or entry.code
    if specific is None and not weapon:
        return None  # "killed in Israeli custody" names no attack
    return authors, (specific if code.endswith("0") and specific else code)


def _publisher(args: Arguments, subjects: list[Token]) -> list[Actor]:
    """The author of a document that is the subject ("a report *by Amnesty* accused ..."), or, when the
    text names none, the country where it was made public: "a report *released in the Rwandan capital*
    alleged ..." is Rwanda's allegation."""
    for subject in subjects:
        if lemma_of(subject) not in DOCUMENT_NOUNS or any(c.dep_ == "poss" for c in subject.children):
            continue
        authors = args.resolve_all(o for h in (subject, *(c for c in subject.children if c.dep_ == "acl"))
                                   for c in h.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                                   for o in pobjs(c))
        if authors:  # "a report *by Amnesty*", "a study published *by the institute*"
            return authors
        for participle in subject.children:
            if participle.dep_ == "acl" and lemma_of(participle) in PUBLISHING_VERBS:
                countries = [p.country for c in participle.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                             for o in pobjs(c) if (p := args.as_place(o)) is not None and p.country]
                if countries:
                    return [args.actors.lexicon.country(countries[0])]
    return []


def _violent_entry(lookup: TriggerLookup, noun: Token) -> Trigger | None:
    """The violent trigger an attack noun, or a gerund the parser took for a verb, stands for
    ("killed in Israeli tank *shelling*")."""
    entry = lookup.noun_entry(noun)[1]
    if entry is None and noun.tag_ == "VBG":
        entry = lookup.triggers.verb(lookup.verb_lemma(noun), particles(noun), [])
    return entry if entry is not None and entry.code[:2] in VIOLENT_ROOTS else None
