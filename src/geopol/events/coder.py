"""Code events from a dependency parse: who (subject) did what (trigger) to whom (object).

For each sentence the coder looks at every verb and event noun:

* a verb in the trigger lexicon codes an event from its subject to its object
  (or to the object of the preposition the lexicon names: "met *with* X");
* a light verb ("hold", "pay", "have", "express"...) takes its code from its
  noun object ("held talks", "paid a visit");
* an event noun codes on its own from its possessor, "by"-phrase or
  "between X and Y" ("Xi's visit to Moscow", "a meeting between X and Y");
* passives swap the roles ("was accused ... by prosecutors");
* mutual events (meetings, talks, agreements) are coded in both directions and
  among all members of a compound subject ("Putin and Xi held talks");
* the modality decides what is emitted; plans and promises become CAMEO's
  "express intent" codes (03x).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import permutations
from typing import Any

from geopol.actors.resolver import SentenceActors
from geopol.events.modality import (
    REPORTING,
    has_future_aux,
    is_headline_infinitive,
    is_obligation,
    is_refusal,
    modality,
)
from geopol.events.triggers import Trigger, TriggerLexicon
from geopol.places import Gazetteer
from geopol.records import Actor, Place

Token = Any
Span = Any

LIGHT_VERBS = frozenset({
    "have", "hold", "pay", "make", "conduct", "give", "express", "launch", "issue", "stage",
    "carry", "take", "attend", "join", "begin", "start", "continue", "resume", "open", "wrap",
    "convene", "host", "mount", "impose", "level", "lodge", "file", "extend", "offer", "deliver",
    "announce", "undertake", "embark", "perform", "engage", "sign", "reach", "conclude",
    "provide", "send", "supply", "present", "show", "voice", "register", "raise", "renew",
})
"""Verbs that carry little meaning of their own: their noun object names the event."""

RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept", "win", "secure", "gain"})
"""Verbs whose object comes *from* someone: "received weapons from Y" is Y giving weapons."""
NO_UNKNOWN_TARGET_ROOTS = frozenset({"01", "02"})
"""Statements and appeals are events only with a clear target (GUIDELINES.md, "Event codes")."""
DEMAND_REPORTING = REPORTING | frozenset({"declare", "insist", "reiterate", "stress", "repeat", "conclude"})
"""Reporting verbs whose "X must do Y" clause is a demand on X (CAMEO 10x)."""
OBJECT_APPEALS = frozenset({"want", "ask", "expect"})
"""Verbs that are appeals only with someone to act ("asked Iran to ..."); alone they state a wish."""
ACCORD_VERBS = frozenset({"agree", "concur"})
"""Verbs of agreement: with a "that" clause they agree on a view (019), with "to" they promise."""
MILITARY_SUBJECT_CODES = {"withdraw": "087", "leave": "087"}
"""Intransitive verbs whose meaning depends on a military subject: "the troops withdrew" is a
military de-escalation (087), "the ambassador withdrew" is not."""
DEFAULT_TARGETS = ("dobj",)
TARGET_PREPS = frozenset({"with", "to", "on", "against", "from"})
"""Prepositions whose object is the target of an infinitive ("refused to meet *with* X")."""
IN_LIGHT_VERBS = frozenset({"engage", "participate", "take", "join", "involve", "take part"})
"""Verbs whose event noun follows "in": "engaged the troops in a firefight", "took part in talks"."""
PLACE_PREPS = frozenset({"in", "at"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
WH_WORDS = frozenset({"who", "which", "that", "whom"})
UNKNOWN = Actor("---", "", "unknown")
MULTILATERAL = frozenset({"trilateral", "multilateral", "three-way", "four-way", "quadrilateral", "joint"})
OWNER_PREPS = frozenset({"of", "to", "with", "against", "on", "from", "for", "by", "toward", "towards"})

INTENT_BY_ROOT = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035",
                  "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
INTENT_SPECIFIC = {"061": "0311", "062": "0312", "063": "0313", "064": "0314",
                   "071": "0331", "072": "0332", "073": "0333", "074": "0334",
                   "081": "0351", "083": "0353", "085": "0354", "086": "0355", "087": "0356",
                   "163": "1312", "161": "1313", "195": "1384", "190": "1384"}

REQUEST_SUFFIXES = {"061": "11", "062": "12", "063": "13", "064": "14", "06": "1", "05": "2",
                    "071": "31", "072": "32", "073": "33", "074": "34", "07": "3",
                    "0831": "41", "0832": "42", "0833": "43", "0834": "44", "083": "4",
                    "081": "51", "082": "52", "084": "53", "085": "54", "086": "55", "087": "56", "08": "5",
                    "04": "6", "036": "6", "045": "8", "038": "8", "057": "7", "037": "7"}
"""Appeals (02x) and demands (10x) share one layout: the requested action picks the sub-code
("urged X to send troops": 0234 appeal for military protection; "demanded the release of": 1053)."""
REJECT_SUFFIXES = {"061": "11", "062": "12", "063": "13", "06": "1", "071": "21", "072": "22", "073": "23",
                   "074": "24", "07": "2", "0831": "31", "0832": "32", "0833": "33", "0834": "34", "083": "3",
                   "081": "41", "082": "42", "084": "43", "085": "44", "086": "45", "087": "46", "08": "4",
                   "04": "5", "036": "5", "045": "6", "038": "6", "057": "7", "037": "7"}
"""Rejections (12x): what is refused picks the sub-code ("refused to release": 1243)."""
THREAT_SUFFIXES = {"16": "1", "161": "13", "162": "11", "163": "12", "164": "4", "165": "5", "166": "6",
                   "172": "2", "1721": "21", "1722": "22", "1723": "23", "1724": "24", "17": "7", "14": "3",
                   "18": "83", "19": "8", "191": "81", "192": "82", "193": "84", "194": "84", "195": "84", "20": "85"}
"""Threats (13x): what is threatened picks the sub-code ("threatened to impose sanctions": 1312)."""
SPECIALISED_BY_ACTION = {"02": REQUEST_SUFFIXES, "10": REQUEST_SUFFIXES, "12": REJECT_SUFFIXES,
                         "13": THREAT_SUFFIXES}
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "17", "18", "19", "20"})
"""Protests, shows of force and attacks with no actor as target are aimed at the country of the
place they happen in ("protested in Beijing", "shelled Kharkiv", "exercises near Alaska")."""
HOSTILE_ROOTS = frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
"""Conflictual roots: an event noun of these with a national adjective is an event by that nation
("Israeli air strikes"); cooperative nouns so modified are often background ("Chinese investments")."""
PLACE_TARGET_PREPS = frozenset({"in", "at", "on", "near", "against", "into", "across", "over", "outside"})


def action_code(root: str, action: str) -> str | None:
    """The code of an appeal, demand, rejection or threat (``root``) of an action coded ``action``."""
    table = SPECIALISED_BY_ACTION[root]
    for size in (4, 3, 2):
        suffix = table.get(action[:size])
        if suffix is not None:
            return root + suffix
    return None


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """An event found in a sentence, before dates are resolved and CAMEO details added."""

    source: Actor
    target: Actor
    code: str
    trigger: str
    trigger_index: int
    rule: str
    modality: str
    date_texts: tuple[str, ...]
    """Date expressions attached to the trigger, nearest first."""
    future: bool
    place: Place | None


def intent_code(code: str) -> str | None:
    """The CAMEO 'express intent' code for a planned action, or None when there is none."""
    if code[:2] in ("01", "02", "03"):
        return code
    if code in INTENT_SPECIFIC:
        return INTENT_SPECIFIC[code]
    return INTENT_BY_ROOT.get(code[:2])


@dataclass
class SentenceCoder:
    """Codes the events of one sentence; built per sentence by :class:`EventCoder`."""

    triggers: TriggerLexicon
    actors: SentenceActors
    sentence: Span
    unknown_targets: bool = True
    """Code an action with target ``---`` when the sentence names no other actor."""
    demanded: set[int] = field(default_factory=set)
    """Clauses that another actor demands ("X said Y must ..."): their actions are not Y's intents."""

    def events(self) -> Iterator[CodedEvent]:
        demands = [d for token in self.sentence if token.pos_ == "VERB"
                   and self._verb_lemma(token) in DEMAND_REPORTING for d in self._reported_obligations(token)]
        self.demanded.update(clause.i for clause, _ in demands)
        used: set[int] = set()
        for token in self.sentence:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
                yield from self._verb(token, used)
        for token in self.sentence:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in used:
                yield from self._noun(token)
            elif token.pos_ == "ADJ" and token.dep_ == "acomp":
                yield from self._adjective(token)
        for _, event in demands:
            yield from event

    def _reported_obligations(self, verb: Token) -> Iterator[tuple[Token, Iterator[CodedEvent]]]:
        """ "X said (that) Y must/should/needs to do Z": X demands Z of Y (10x, by Z's code); not
        when X is among those who should act ("we should strengthen ties" is an intention)."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not is_obligation(clause):
                continue
            sources = self._resolve_all(self._subjects(verb))
            targets = self._resolve_all(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
            if not sources or not targets or {t.country for t in targets} & {s.country for s in sources}:
                continue
            action = self._action_of(clause, 0)
            if clause.lemma_ == "need":
                action = next((a for c in clause.children if c.dep_ == "xcomp"
                               if (a := self._action_of(c, 0)) is not None), None)
            code = (action_code("10", action) if action else None) or "100"
            entry = Trigger(verb.lemma_.lower(), "", frozenset(), "VERB", code, (), frozenset(), "grammar")
            yield clause, self._emit(entry, verb, verb, "reported-obligation", (sources, targets))

    # -- verbs ---------------------------------------------------------------
    def _verb(self, verb: Token, used: set[int]) -> Iterator[CodedEvent]:
        lemma = self._verb_lemma(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if lemma in RECEIVE_VERBS:
            received = self._received(verb, objects, used)
            if received is not None:
                yield from received
                return
        if lemma in LIGHT_VERBS:
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "talks were held"
            for obj in (*objects, *_of_objects(objects), *passive):  # "held *a round of talks*", "gave $5m *of aid*"
                noun, entry = self._noun_entry(obj)
                if entry is not None:
                    used.update((obj.i, noun.i))
                    yield from self._emit(entry, noun, verb, "light-verb")
                    return
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and lemma in IN_LIGHT_VERBS:
                for obj in _pobjs(prep):
                    noun, entry = self._noun_entry(obj)
                    if entry is not None:
                        used.update((obj.i, noun.i))
                        sources, targets = self._arguments(entry, noun, verb)
                        # "engaged *the peacekeepers* in a firefight": the object is the other party
                        engaged = self._resolve_all(c for c in verb.children if c.dep_ == "dobj")
                        if engaged and not targets:  # one side attacks the other: not mutual
                            entry, targets = replace(entry, flags=entry.flags - {"mutual"}), engaged
                        yield from self._emit(entry, noun, verb, "light-verb-in", (sources, targets))
                        return
        particles = _particles(verb)
        object_lemmas = _object_lemmas(verb, objects)
        entry = self.triggers.verb(lemma, particles, object_lemmas)
        if entry is None:
            return
        if "intent" in entry.flags and any(self._is_trigger(c) for c in verb.children if c.dep_ == "xcomp"):
            return
        addressee = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
            s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
        if lemma in OBJECT_APPEALS and not addressee:
            return  # "wants to attack" is a plan (coded on "attack"), "wants X to attack" an appeal
        used.update(o.i for o in objects if entry.objects)
        yield from self._emit(entry, verb, verb, "verb")

    def _received(self, verb: Token, objects: Sequence[Token], used: set[int]) -> Iterator[CodedEvent] | None:
        """ "Y received X from Z": Z did X to Y (the code of the noun X)."""
        givers = [o for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for o in _pobjs(c)]
        if not givers or not objects:
            return None
        noun, entry = self._noun_entry(objects[0])
        sources = self._resolve_all(givers)
        targets = self._resolve_all(self._subjects(verb))
        if entry is None or not sources or not targets:
            return None
        used.update((objects[0].i, noun.i))
        return self._emit(entry, noun, verb, "received-from", (sources, targets))

    def _verb_lemma(self, verb: Token) -> str:
        """The verb's lemma, mended where the tagger's lemma is unknown but a regular form of the
        word is a trigger (en_core_web_sm lemmatises "staged" as "stag")."""
        lemma = str(verb.lemma_).lower()
        if lemma in self.triggers.verbs or lemma in LIGHT_VERBS:
            return lemma
        text = str(verb.lower_)
        for form in _regular_lemmas(text):
            if form in self.triggers.verbs or form in LIGHT_VERBS:
                return form
        return lemma

    def _is_trigger(self, verb: Token) -> bool:
        lemma = self._verb_lemma(verb)
        if lemma in LIGHT_VERBS and any(self._noun_entry(o)[1] for o in verb.children if o.dep_ == "dobj"):
            return True
        return self.triggers.verb(lemma, _particles(verb),
                                  [o.lemma_.lower() for o in verb.children if o.dep_ == "dobj"]) is not None

    def _noun_entry(self, noun: Token) -> tuple[Token, Trigger | None]:
        entry = self.triggers.noun(noun.lemma_.lower(), _modifiers(noun))
        if entry is not None:
            return noun, entry
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.i < noun.i:
                entry = self.triggers.noun(child.lemma_.lower(), _modifiers(child))
                if entry is not None:
                    return noun, entry
        return noun, None

    # -- nouns ---------------------------------------------------------------
    def _noun(self, noun: Token) -> Iterator[CodedEvent]:
        entry = self.triggers.noun(noun.lemma_.lower(), _modifiers(noun))
        if entry is None:
            return
        national = entry.code[:2] in HOSTILE_ROOTS and any(
            c.dep_ in ("amod", "compound") and c.i < noun.i and self._is_country_word(c) for c in noun.children)
        if "light" in entry.flags and not self._has_own_actors(noun) and not national:
            return
        yield from self._emit(entry, noun, None, "noun")

    def _adjective(self, adjective: Token) -> Iterator[CodedEvent]:
        """ "X was *skeptical over* Y's intentions", "X is *confident that* Y will ...": an attitude
        towards Y (01x), from the subject of the copula."""
        entry = self.triggers.adjective(adjective.lemma_.lower())
        if entry is None:
            return
        copula = adjective.head
        sources = self._resolve_all(self._subjects(copula))
        targets = self._targets(entry, [adjective]) or self._embedded_targets(adjective)
        targets = [t for t in targets if t.country not in {s.country for s in sources}]
        yield from self._emit(entry, adjective, copula, "adjective", (sources, targets))

    def _is_country_word(self, token: Token) -> bool:
        """ "*Israeli* air strikes", "*Palestinian* riots": a national adjective names who acts."""
        match = self.actors.names.get(token.i)
        return match is not None and match.entry.kind in ("adjective", "country")

    def _has_own_actors(self, noun: Token) -> bool:
        return any(c.dep_ in ("poss",) or (c.dep_ == "prep" and c.lower_ in ("between", "by"))
                   for c in noun.children)

    # -- arguments -----------------------------------------------------------
    def _emit(self, entry: Trigger, trigger: Token, verb: Token | None, rule: str,
              arguments: tuple[list[Actor], list[Actor]] | None = None) -> Iterator[CodedEvent]:
        sources, targets = arguments if arguments is not None else self._arguments(entry, trigger, verb)
        anchor = verb if verb is not None else trigger
        outer = self._outer_trigger(anchor) if verb is not None else None
        if outer is not None and outer.code.startswith("112"):
            return  # "accused X of violating the ceasefire": the accusation is the event
        state = modality(anchor)
        if state == "asserted" and trigger is not anchor:
            state = modality(trigger)
        code = entry.code
        if code[:2] in SPECIALISED_BY_ACTION and code.endswith("0") and len(code) == 3:
            action = self._embedded_action(trigger, verb, depth=0)
            code = (action_code(code[:2], action) if action else None) or code
        if verb is trigger and verb is not None:
            code = self._refined(code, verb)
            military = MILITARY_SUBJECT_CODES.get(entry.lemma)
            if military and not entry.objects and any(self._is_military(t) for t in self._subjects(verb)):
                code = military
        if "intent" in entry.flags and code == entry.code:
            # "pledged *support*", "agreed *to a ceasefire*": the promise of that action (03x)
            action = self._embedded_action(trigger, verb, depth=0)
            code = (intent_code(action) if action and action[:2] != "03" else None) or code
        if entry.lemma in ACCORD_VERBS and verb is not None and code == entry.code \
                and any(c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ == "xcomp" for c in verb.children):
            code = "019"  # "agreed (that) there was a need for ...": an accord of views, not a promise
        if code == "112" and verb is not None and not targets:
            claimed = self._self_claim(verb, sources)
            if claimed:  # "the US claimed that they had attacked Iraq": a claim of responsibility
                code, targets = "015", claimed
        if (code[:2] in SPECIALISED_BY_ACTION or code[:2] == "11") and not targets:
            # "demanded that *Togo* release", "alleged that *Paris* played a role"
            targets = self._embedded_targets(verb if verb is not None else trigger)
        if code[:2] in PLACE_TARGET_ROOTS and not targets:
            targets = self._place_targets(trigger, verb)
        if state == "negated" and code[:2] in COOPERATIVE_ROOTS and is_refusal(anchor) and targets:
            code, state = action_code("12", code) or "120", "asserted"
        if state == "intended" and self._inside_demand(anchor):
            return
        if state == "intended" and "intent" not in entry.flags:
            intended = intent_code(code)
            if intended is None:
                return
            code = intended
        date_texts = self._dates(trigger, verb)
        place = self._place(trigger, verb)
        future = state == "intended" or has_future_aux(anchor)
        multilateral = any(c.lower_ in MULTILATERAL for c in trigger.children if c.dep_ in ("amod", "compound"))
        for source, target in self._pairs(entry, sources, targets, multilateral, anchor):
            if target is UNKNOWN and (code[:2] in NO_UNKNOWN_TARGET_ROOTS or "intent" in entry.flags
                                      or self._nested_in_same_root(anchor, code)):
                continue
            yield CodedEvent(source, target, code, trigger.text, trigger.i, f"{rule}:{entry.origin.rsplit('/', 1)[-1]}",
                             state, date_texts, future, place)

    def _refined(self, code: str, verb: Token) -> str:
        """A verb coded from its object takes the object's more specific code of the same root
        ("sent *humanitarian aid*": 073 rather than 070)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for noun in (*objects, *_of_objects(objects)):
            entry = self._noun_entry(noun)[1]
            if entry is None:
                continue
            if entry.code[:2] == code[:2] and entry.code.startswith(code.rstrip("0")) \
                    and len(entry.code.rstrip("0")) > len(code.rstrip("0")):
                return entry.code
            if code == "050" and entry.code[:2] == "06" and entry.code != "060":
                return entry.code  # "expanded *nuclear cooperation*": material, not only diplomatic
            domain = _cooperation_domain(noun)
            if code in ("050", "060") and domain is not None:
                return domain  # "expand cooperation *in civil nuclear programs*"
        return code

    def _self_claim(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """The targets of a clause whose subject is the claimant itself, if the clause is an action."""
        countries = {s.country for s in sources}
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            subjects = self._resolve_all(c for c in clause.children if c.dep_ == "nsubj")
            if subjects and {a.country for a in subjects} <= countries and self._action_of(clause, 0):
                return [t for t in self._resolve_all(c for c in clause.children if c.dep_ == "dobj")
                        if t.country not in countries]
        return []

    def _embedded_targets(self, head: Token) -> list[Actor]:
        """Who an appeal, demand or refusal is aimed at when it has no object of its own: the
        subject of its clause ("demanded that *Togo* release") or the object of its infinitive
        ("refused to meet *Belarus*")."""
        for child in head.children:
            if child.dep_ == "ccomp":
                own = {a.country for a in self._resolve_all(c for c in head.children if c.dep_ == "nsubj")}
                found = [a for a in self._resolve_all(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
                         if a.country not in own]
                if found:
                    return found
            if child.dep_ == "xcomp":
                objects = [c for c in child.children if c.dep_ in ("dobj", "dative")]
                objects += [o for c in child.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                            for o in _pobjs(c)]
                found = self._resolve_all(objects) or self._resolve_all(self._owners(objects))
                if not found:  # "threatened to ban voting *in East Jerusalem*"
                    found = self._place_targets(child, None)
                if found:
                    return found
        # "demanded *the release of* X", "called *for the withdrawal of* Syrian forces"
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for o in _pobjs(c)]
        return self._resolve_all(self._owners(objects))

    def _is_military(self, token: Token) -> bool:
        role = self.actors.role_of(token)
        if role is None and _lemma_of(token) in COLLECTIVE_HEADS:  # "hundreds of UN troops"
            return any(self._is_military(o) for c in token.children if c.dep_ == "prep" for o in _pobjs(c))
        return role is not None and role.role == "MIL"

    def _nested_in_same_root(self, anchor: Token, code: str) -> bool:
        """An action inside the complement of another trigger of its root ("criticised Y for making
        critical remarks"): the outer trigger already codes it."""
        outer = self._outer_trigger(anchor)
        return outer is not None and outer.code[:2] == code[:2] and "intent" not in outer.flags

    def _outer_trigger(self, anchor: Token) -> Trigger | None:
        """The trigger verb whose prepositional complement holds ``anchor`` ("accused X *of violating*")."""
        node = anchor
        for _ in range(4):
            if node.head is node or node.dep_ not in ("pcomp", "pobj", "prep"):
                return None
            node = node.head
            if node.pos_ == "VERB":
                return self.triggers.verb(self._verb_lemma(node), _particles(node), [])
        return None

    def _inside_demand(self, token: Token) -> bool:
        for _ in range(4):
            if token.i in self.demanded:
                return True
            if token.head is token:
                return False
            token = token.head
        return False

    def _embedded_action(self, trigger: Token, verb: Token | None, depth: int) -> str | None:
        """The code of the action an appeal, demand, refusal or promise is about: its infinitive or
        clause ("urged X *to send* troops"), its "for"/"to" object ("called *for talks*") or its
        object noun ("demanded *the release*")."""
        heads = [verb, trigger] if verb is not None and verb is not trigger else [trigger]
        for dependency in (("xcomp", "ccomp"), ("prep",), ("dobj",)):
            for head in heads:
                for child in head.children:
                    if child.dep_ not in dependency:
                        continue
                    if child.dep_ == "prep" and child.lower_ not in ("for", "to", "on"):
                        continue
                    found = self._action_of(child, depth)
                    if found is not None:
                        return found
        return None

    def _action_of(self, token: Token, depth: int) -> str | None:
        if token.dep_ == "prep":
            return next((c for o in _pobjs(token) if (c := self._action_of(o, depth)) is not None), None)
        if token.pos_ in ("NOUN", "PROPN"):
            entry = self._noun_entry(token)[1]
            if entry is None:  # "pledged 50 billion euros *in aid*", "$5m *of aid*"
                inner = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for o in _pobjs(c)]
                entry = next((e for o in inner if (e := self._noun_entry(o)[1]) is not None), None)
            return entry.code if entry is not None else None
        if token.pos_ not in ("VERB", "AUX"):
            return None
        lemma = self._verb_lemma(token)
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if lemma in LIGHT_VERBS:
            entry = next((e for o in objects if (e := self._noun_entry(o)[1]) is not None), None)
            if entry is not None:
                return entry.code
        entry = self.triggers.verb(lemma, _particles(token), _object_lemmas(token, objects))
        if entry is not None and "intent" in entry.flags and depth < 2:
            return self._embedded_action(token, token, depth + 1) or entry.code
        return self._refined(entry.code, token) if entry is not None else None

    def _pairs(self, entry: Trigger, sources: list[Actor], targets: list[Actor],
               multilateral: bool, anchor: Token) -> Iterator[tuple[Actor, Actor]]:
        seen: set[tuple[str, str]] = set()
        countries = {s.country for s in sources}
        reciprocal = len(sources) >= 2 and bool(targets) and {t.country for t in targets} <= countries
        if targets and entry.mutual and multilateral:
            candidates: Iterable[tuple[Actor, Actor]] = permutations([*sources, *targets], 2)
        elif reciprocal:  # "India and China agreed to disengage troops along *their* border"
            candidates = permutations(sources, 2)
        elif targets:
            candidates = [(s, t) for s in sources for t in targets]
            if entry.mutual:
                candidates = [*candidates, *((t, s) for s in sources for t in targets)]
        elif entry.mutual and len(sources) >= 2:
            candidates = permutations(sources, 2)
        elif not entry.mutual and not entry.visit and self._alone(sources, anchor):
            candidates = [(s, UNKNOWN) for s in sources]
        else:
            candidates = []
        for source, target in candidates:
            key = (source.code, target.code)
            if source.code == target.code or key in seen or (entry.visit and source.country == target.country):
                continue
            seen.add(key)
            yield source, target

    def _arguments(self, entry: Trigger, trigger: Token, verb: Token | None) -> tuple[list[Actor], list[Actor]]:
        if verb is None:
            return self._noun_arguments(entry, trigger)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb is trigger and verb.dep_ == "acl" and verb.tag_ == "VBN":
            passive = [verb.head]  # "officials *accused* of ...": the noun is the one acted upon
        if passive:
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if not agents:
                agents = [o for t in verb.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"
                          for o in _pobjs(t)]
            if verb is trigger:
                targets = self._resolve_all(passive) or self._resolve_all(self._owners(passive))
                return self._resolve_all(agents), targets
            if trigger in passive:  # "evidence against X was presented by Y": the event noun is the subject
                return self._resolve_all(agents), self._targets(entry, [trigger])
        sources = self._resolve_all(self._subjects(verb))
        heads = [verb] if verb is trigger else [verb, trigger]
        targets = self._targets(entry, heads)
        if not sources and trigger is not verb:
            sources = self._noun_arguments(entry, trigger)[0]
        return sources, targets

    def _noun_arguments(self, entry: Trigger, noun: Token) -> tuple[list[Actor], list[Actor]]:
        sources: list[Actor] = []
        between: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "poss":
                sources.extend(self._resolve_all([child]))
            elif child.dep_ == "prep" and child.lower_ == "by":
                sources.extend(self._resolve_all(_pobjs(child)))
            elif child.dep_ == "prep" and child.lower_ in ("between", "among"):
                between.extend(self._resolve_all(_pobjs(child)))
            elif child.dep_ == "prep" and child.lower_ == "of" and entry.visit:
                sources.extend(self._resolve_all(_pobjs(child)))
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                sources.extend(self._resolve_all([child]))
        if between:
            return between, []
        return sources, self._targets(entry, [noun])

    def _subjects(self, verb: Token) -> list[Token]:
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
            if subjects:
                if subjects[0].lower_ in WH_WORDS and verb.dep_ == "relcl":
                    return [verb.head]
                return subjects
            if verb.dep_ == "relcl" or (verb.dep_ != "ROOT" and is_headline_infinitive(verb)):
                return [verb.head]  # "... the country that signed", "Putin and Xi to discuss ..."
            controller = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if verb.dep_ == "xcomp" and controller:  # "invited the president to visit": the object acts
                return controller
            outer = [c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "against") and outer:
                return outer  # "jailed a student *for helping* militants": the student helped
            if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") or (verb.dep_ == "pcomp"):
                verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
                continue
            if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
                return [verb.head]
            return []
        return []

    def _targets(self, entry: Trigger, heads: Sequence[Token]) -> list[Actor]:
        objects = [c for h in heads for c in h.children if c.dep_ == "dobj"]
        objects += [o for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                    for o in _pobjs(c)]  # "pledged 50 billion euros in aid *to Ukraine*"
        for spec in entry.targets or DEFAULT_TARGETS:
            tokens: list[Token] = []
            for head in (*heads, *(objects if spec != "dobj" else ())):
                if spec == "dobj":
                    tokens.extend(c for c in head.children if c.dep_ in ("dobj", "dative"))
                else:
                    tokens.extend(o for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == spec
                                  for o in _pobjs(c))
            places = entry.visit or spec in PLACE_PREPS
            actors = self._resolve_places(tokens) if places else self._resolve_all(tokens)
            if not actors and not places:
                actors = self._resolve_all(self._owners(tokens))
            if actors:
                return actors
        return []

    def _alone(self, sources: list[Actor], anchor: Token) -> bool:
        """No actor but the sources is named in the trigger's clause: the action has no known target.

        Actors of a clause above it ("..., officials in Seoul said") are not candidates."""
        countries = {s.country for s in sources}
        for token in anchor.subtree:
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ == "compound":
                continue
            if any(a.country not in countries for a in self.actors.resolve(token, remember=False)):
                return False
        return self.unknown_targets

    def _owners(self, tokens: Sequence[Token]) -> list[Token]:
        """When the object is not an actor ("called for the withdrawal of Syrian forces"), the nearest
        actor-like phrase inside it: its possessor or compound first, then its prepositional phrases."""
        level = list(tokens)
        for _ in range(3):
            modifiers = [c for t in level for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            found = [c for c in modifiers if self.actors.resolve(c, remember=False)]
            if found:
                return found
            level = [o for t in level for c in t.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
                     for o in _pobjs(c)] + [  # "blocs *spearheaded by the US*"
                     o for t in level for c in t.children if c.dep_ == "acl" for a in c.children
                     if a.dep_ == "agent" for o in _pobjs(a)]
            found = [o for o in level if self.actors.resolve(o, remember=False)]
            if found:
                return found
        return []

    def _resolve_all(self, heads: Iterable[Token]) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            for token in self.actors.expand(head):
                for actor in self.actors.resolve(token):
                    if actor not in actors:
                        actors.append(actor)
        return actors

    def _resolve_places(self, heads: Iterable[Token]) -> list[Actor]:
        """The countries of places ("visited Moscow" -> RUS, "in Aleppo" -> SYR)."""
        places: list[Actor] = []
        for head in heads:
            codes = [a.country for a in self._resolve_all([head])] or self._place_countries(head, 0)
            for code in codes:
                actor = Actor(code, self.actors.lexicon.country_name(code), "country")
                if code != "---" and actor not in places:
                    places.append(actor)
        return places

    def _place_countries(self, token: Token, depth: int) -> list[str]:
        """The country of a gazetteer place named by a phrase: its head, a name beside it ("Syria's
        second city Aleppo") or its "of" phrase ("the city of Mosul")."""
        match = self.actors.places.get(token.i)
        if match is not None:
            return [match.entry.country]
        if depth > 2:
            return []
        for child in token.children:
            inner = [child] if child.dep_ in ("compound", "appos", "amod", "poss", "nmod") else []
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = _pobjs(child)
            for item in inner:
                found = [a.country for a in self.actors.resolve(item, remember=False)] or \
                    self._place_countries(item, depth + 1)
                if found:
                    return found
        return []

    def _place_targets(self, trigger: Token, verb: Token | None) -> list[Actor]:
        heads = [trigger] if verb is None or verb is trigger else [trigger, verb]
        tokens = [c for h in heads for c in h.children if c.dep_ == "dobj"]  # "shelled Kharkiv"
        tokens += [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_TARGET_PREPS
                   for o in _pobjs(c)]
        return self._resolve_places(tokens)

    # -- circumstances -------------------------------------------------------
    def _dates(self, trigger: Token, verb: Token | None) -> tuple[str, ...]:
        """DATE entities whose path up the tree reaches the trigger before any other verb; for an
        event noun in a phrase that frames the clause ("*In his meeting* with Wang on Wednesday,
        Putin said"), failing its own, those of the clause's verb."""
        own = self._dates_at({trigger.i} | ({verb.i} if verb is not None else set()))
        if own or verb is not None:
            return own
        node = trigger
        while node.dep_ in ("pobj", "prep") and node.head is not node:
            node = node.head
        framed = node is not trigger and node.pos_ in ("VERB", "AUX") and trigger.i < node.i
        return self._dates_at({node.i}) if framed else own

    def _dates_at(self, anchors: set[int]) -> tuple[str, ...]:
        found: list[tuple[int, str]] = []
        for ent in self.sentence.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            node = ent.root
            for steps in range(8):
                if node.i in anchors:
                    found.append((steps, str(ent.text)))
                    break
                if node.head is node or (node.pos_ in ("VERB", "AUX") and node is not ent.root):
                    break
                node = node.head
        return tuple(text for _, text in sorted(found))

    def _place(self, trigger: Token, verb: Token | None) -> Place | None:
        """Where the event happened: an "in"/"at" place of the trigger, its verb or the verb's object
        ("signed an agreement *in Da Nang*")."""
        heads = [h for h in (trigger, verb) if h is not None]
        heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                    continue
                for obj in _pobjs(prep):
                    place = self._as_place(obj)
                    if place is not None:
                        return place
        return None

    def _as_place(self, token: Token) -> Place | None:
        found = self.actors.places.get(token.i)
        if found is not None and found.supported:
            return Place(str(token.doc[found.start:found.end].text), found.entry.country)
        match = self.actors.names.get(token.i)
        lexicon = self.actors.lexicon
        if match is not None and match.entry.kind in ("country", "capital", "seat"):
            name = token.doc[match.start:match.end].text
            if match.entry.kind == "seat":
                capitals = [c for c, code in lexicon.capitals.items() if code == match.entry.code[:3]]
                name = capitals[0].title() if capitals else name
            return Place(name, match.entry.code[:3])
        if token.ent_type_ in PLACE_ENTS:
            span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            text = str(span.text) if span is not None else str(token.text)
            country = None
            for child in token.children:
                inner = self.actors.names.get(child.i)
                if child.dep_ in ("appos", "npadvmod", "conj") and inner is not None:
                    country = inner.entry.code[:3]
            return Place(text, country or lexicon.capitals.get(text.lower()))
        return None


def _object_lemmas(verb: Token, objects: Sequence[Token]) -> list[str]:
    """Lemmas that can specialise a verb: its objects, their compounds, the "of" phrases of its
    objects ("5,000 tons *of aid*") and its own "of"/"for" objects ("accused of war crimes")."""
    preps = ("of", "for", "on", "by")
    heads = [*objects, *_of_objects(objects),
             *(o for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for o in _pobjs(c))]
    lemmas = [t.lemma_.lower() for h in heads for t in (h, *h.children) if t is h or t.dep_ == "compound"]
    return lemmas + [c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"]  # "declined to *comment*"


COOPERATION_DOMAINS = {
    "nuclear": "061", "energy": "061", "trade": "061", "economic": "061", "economy": "061", "investment": "061",
    "finance": "061", "financial": "061", "gas": "061", "oil": "061", "industry": "061", "infrastructure": "061",
    "military": "062", "defence": "062", "defense": "062", "arm": "062", "weapon": "062",
    "judicial": "063", "legal": "063", "extradition": "063", "intelligence": "064",
}
"""The field of a cooperation ("cooperation *in energy*", "*in civil nuclear programs*"): CAMEO's
material-cooperation sub-codes (061 economic, 062 military, 063 judicial, 064 intelligence)."""
COLLECTIVE_HEADS = frozenset({"hundred", "thousand", "dozen", "group", "contingent", "unit", "batch", "some"})


def _cooperation_domain(noun: Token) -> str | None:
    """The CAMEO code of the field named in a cooperation's "in"/"on" phrase, if any."""
    if _lemma_of(noun) not in ("cooperation", "partnership", "collaboration"):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
            continue
        for obj in _pobjs(prep):
            for word in (obj, *obj.children):
                if word is obj or word.dep_ in ("amod", "compound", "conj"):
                    code = COOPERATION_DOMAINS.get(_lemma_of(word))
                    if code is not None:
                        return code
    return None


def _lemma_of(token: Token) -> str:
    return str(token.lemma_).lower()


def _regular_lemmas(word: str) -> list[str]:
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


def _of_objects(objects: Sequence[Token]) -> list[Token]:
    return [o for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c)]


def _particles(verb: Token) -> list[str]:
    """Particles and prepositions of a verb, either of which can complete a phrasal verb ("call on")."""
    return [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]


def _modifiers(noun: Token) -> list[str]:
    """The compound and adjective modifiers of a noun, as lemma sequences ("phone" in "phone call")."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return [*words, " ".join(words)] if len(words) > 1 else words


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]


@dataclass(frozen=True)
class EventCoder:
    """The event coder: a trigger lexicon applied to parsed sentences."""

    triggers: TriggerLexicon
    unknown_targets: bool = True
    places: Gazetteer | None = None
    """The gazetteer the pipeline matches in each document (``SentenceActors.places``)."""

    def code(self, sentence: Span, actors: SentenceActors) -> list[CodedEvent]:
        return list(SentenceCoder(self.triggers, actors, sentence, self.unknown_targets).events())
