"""Reading the trigger lexicon off the parse: the lemma a verb is known by, the entry of an event
noun, and where an action sits inside another trigger (the grounds of an accusation, the content of
a claim, the purpose of a protest), which decides whether it is an event of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geopol.events.codes import VIOLENT_ROOTS
from geopol.events.syntax import modifiers, object_lemmas, particles, regular_lemmas
from geopol.events.triggers import Trigger, TriggerLexicon

Token = Any

LIGHT_VERBS = frozenset({
    "have", "hold", "pay", "make", "conduct", "give", "express", "launch", "issue", "stage",
    "carry", "take", "attend", "join", "begin", "start", "continue", "resume", "open", "wrap",
    "convene", "host", "mount", "impose", "level", "lodge", "file", "extend", "offer", "deliver",
    "announce", "undertake", "embark", "perform", "engage", "sign", "reach", "conclude",
    "provide", "send", "supply", "present", "show", "voice", "register", "raise", "renew",
    "approve", "adopt", "unveil", "slap", "introduce", "order", "authorize", "authorise", "convey", "relay",
})
"""Verbs that carry little meaning of their own: their noun object names the event."""
IN_LIGHT_VERBS = frozenset({"engage", "participate", "take", "join", "involve", "take part"})
"""Verbs whose event noun follows "in": "engaged the troops in a firefight", "took part in talks"."""


@dataclass(frozen=True)
class TriggerLookup:
    """The trigger lexicon as seen from tokens of a parsed sentence."""

    triggers: TriggerLexicon

    def verb_lemma(self, verb: Token) -> str:
        """The verb's lemma, mended where the tagger's lemma is unknown but a regular form of the
        word is a trigger (en_core_web_sm lemmatises "staged" as "stag")."""
        lemma = str(verb.lemma_).lower()
        if lemma in self.triggers.verbs or lemma in LIGHT_VERBS:
            return lemma
        text = str(verb.lower_)
        for form in regular_lemmas(text):
            if form in self.triggers.verbs or form in LIGHT_VERBS:
                return form
        return lemma

    def is_trigger(self, verb: Token) -> bool:
        lemma = self.verb_lemma(verb)
        if lemma in LIGHT_VERBS and any(self.noun_entry(o)[1] for o in verb.children if o.dep_ == "dobj"):
            return True
        return self.triggers.verb(lemma, particles(verb),
                                  [o.lemma_.lower() for o in verb.children if o.dep_ == "dobj"]) is not None

    def noun_entry(self, noun: Token) -> tuple[Token, Trigger | None]:
        entry = self.triggers.noun(noun.lemma_.lower(), modifiers(noun))
        if entry is not None:
            return noun, entry
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.i < noun.i:
                entry = self.triggers.noun(child.lemma_.lower(), modifiers(child))
                if entry is not None:
                    return noun, entry
        return noun, None

    def outer_trigger(self, anchor: Token) -> Trigger | None:
        """The trigger verb whose prepositional complement holds ``anchor`` ("accused X *of violating*")."""
        node = anchor
        for _ in range(4):
            if node.head is node or node.dep_ not in ("pcomp", "pobj", "prep"):
                return None
            node = node.head
            if node.pos_ == "VERB":
                return self.triggers.verb(self.verb_lemma(node), particles(node), [])
        return None

    def verb_entry(self, verb: Token) -> Trigger | None:
        """The entry a verb stands for: its own, with its objects, or a light verb's event noun
        ("launched *an air strike*", "staged *a hunger strike*")."""
        lemma = self.verb_lemma(verb)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        entry = self.triggers.verb(lemma, particles(verb), object_lemmas(verb, objects))
        if entry is None and lemma in LIGHT_VERBS | IN_LIGHT_VERBS:
            entry = next((e for o in objects if (e := self.noun_entry(o)[1]) is not None), None)
        return entry

    def violent_trigger(self, verb: Token) -> bool:
        entry = self.verb_entry(verb)  # "launched an air strike, killing ..."
        return entry is not None and entry.code[:2] in VIOLENT_ROOTS

    def claimed(self, anchor: Token) -> bool:
        """Whether ``anchor`` is the content of a claim or allegation coded as an event of its own."""
        node = anchor
        for _ in range(3):
            if node.dep_ not in ("ccomp", "conj") or node.head is node:
                return False
            complement, node = node.dep_ == "ccomp", node.head
            if complement:  # "claimed that X attacked (and took) ..."
                entry = self.triggers.verb(self.verb_lemma(node), particles(node), [])
                return entry is not None and entry.code[:3] in ("112", "015")
        return False

    def purpose_of_protest(self, anchor: Token) -> bool:
        """Whether ``anchor`` is the purpose of a protest: the infinitive or participle of a protest
        verb or noun ("blocked roads *demanding* ...", "a hunger strike *to demand* ...")."""
        node = anchor
        for _ in range(4):
            if node.dep_ not in ("advcl", "acl", "xcomp", "pcomp", "prep", "pobj", "dobj", "conj") \
                    or node.head is node:
                return False
            node = node.head
            heads = [node, *(c for c in node.children if c.dep_ == "dobj")]
            for head in heads:
                entry = self.noun_entry(head)[1] if head.pos_ in ("NOUN", "PROPN") else self.verb_entry(head)
                if entry is not None and entry.code[:2] == "14":
                    return True
        return False
