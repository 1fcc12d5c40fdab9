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
from itertools import chain, permutations
from typing import Any

from geopol.actors.resolver import COLLECTIVE_WORDS, SentenceActors, sentence_key
from geopol.events.appraisal import appraisal, has_predicate
from geopol.events.arguments import Arguments
from geopol.events.codes import (
    COOPERATIVE_ROOTS,
    HOSTILE_ROOTS,
    NO_UNKNOWN_TARGET_ROOTS,
    PLACE_TARGET_ROOTS,
    SPECIALISED_BY_ACTION,
    VIOLENT_ROOTS,
    action_code,
    cooperation_domain,
    intent_code,
    yield_code,
)
from geopol.events.lookup import IN_LIGHT_VERBS, LIGHT_VERBS, TriggerLookup
from geopol.events.modality import (
    REPORTING,
    has_future_aux,
    is_obligation,
    is_refusal,
    modality,
)
from geopol.events.syntax import (
    lemma_of,
    modifiers,
    object_lemmas,
    of_objects,
    particles,
    pobjs,
)
from geopol.events.triggers import Trigger, TriggerLexicon
from geopol.events.unnamed import UNKNOWN, WEAPON_CODES, placed, unnamed_sources
from geopol.records import Actor, Place

Token = Any
Span = Any


PROTEST_SITE_PREPS = frozenset({"outside", "at", "before", "near"})
"""A protest held at an actor's seat is aimed at that actor ("rallied *outside the US embassy*")."""
RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept", "win", "secure", "gain", "face"})
"""Verbs whose object comes *from* someone: "received weapons from Y" is Y giving weapons."""
GIVING_VERBS = ("supply", "provide", "send", "give", "deliver")
"""Verbs whose verb+object entries say what receiving that object from someone is."""
DEMAND_REPORTING = REPORTING | frozenset({"declare", "insist", "reiterate", "stress", "repeat", "conclude"})
"""Reporting verbs whose "X must do Y" clause is a demand on X (CAMEO 10x)."""
OBJECT_APPEALS = frozenset({"want", "ask", "expect"})
"""Verbs that are appeals only with someone to act ("asked Iran to ..."); alone they state a wish."""
ACCORD_VERBS = frozenset({"agree", "concur"})
"""Verbs of agreement: with a "that" clause they agree on a view (019), with "to" they promise."""
MILITARY_SUBJECT_CODES = {"withdraw": "087", "leave": "087"}
"""Intransitive verbs whose meaning depends on a military subject: "the troops withdrew" is a
military de-escalation (087), "the ambassador withdrew" is not."""
ACCEDE_VERBS = frozenset({"concede", "bow", "yield", "give", "agree", "accede", "cave", "submit", "succumb",
                          "respond"})
"""Verbs that yield when their "to" object is a demand: "bowed to demands from the unions"."""
DEMAND_NOUNS = frozenset({"demand", "call", "request", "pressure", "ultimatum", "condition", "appeal", "plea"})
REQUEST_NOUNS = DEMAND_NOUNS | frozenset({"proposal", "offer", "invitation", "bid", "initiative", "plan"})
"""Nouns that stand for an action asked or offered: what is rejected or accepted is that action
("rejected calls *for new sanctions*", "a request *to extradite*")."""
MEETING_HOSTS = {"host": "043", "convene": "045"}
"""Light verbs that, done to a meeting of others, are hosting it or bringing its parties together."""
MEETING_NOUNS = frozenset({"meeting", "talk", "negotiation", "dialogue", "summit", "discussion"})
PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob"})
MULTILATERAL = frozenset({"trilateral", "multilateral", "three-way", "four-way", "quadrilateral", "joint"})


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
    args: Arguments = field(init=False)
    lookup: TriggerLookup = field(init=False)

    def __post_init__(self) -> None:
        self.args = Arguments(self.actors, self.sentence, self.unknown_targets)
        self.lookup = TriggerLookup(self.triggers)

    def events(self) -> Iterator[CodedEvent]:
        demands = [d for token in self.sentence if token.pos_ == "VERB"
                   and self.lookup.verb_lemma(token) in DEMAND_REPORTING for d in self._reported_obligations(token)]
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
            targets = self.args.resolve_all(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
            named = any(t.country != "---" for t in targets)
            sources = self.args.resolve_all(self.args.subjects(verb)) or (
                unnamed_sources(self.lookup, self.args, "100", verb)[0] if named else [])
            if not sources or not targets or any(_same_side(s, t) for s in sources for t in targets):
                continue
            action = self._action_of(clause, 0)
            if clause.lemma_ in ("need", "be"):  # "X needs to ...", "X must be ready to mediate"
                inner = [c for c in clause.children if c.dep_ == "xcomp"] + [
                    x for c in clause.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "xcomp"]
                action = next((a for c in inner if (a := self._action_of(c, 0)) is not None), None)
            code = (action_code("10", action) if action else None) or "100"
            entry = Trigger(verb.lemma_.lower(), "", frozenset(), "VERB", code, (), frozenset(), "grammar")
            yield clause, self._emit(entry, verb, verb, "reported-obligation", (sources, targets))

    # -- verbs ---------------------------------------------------------------
    def _verb(self, verb: Token, used: set[int]) -> Iterator[CodedEvent]:
        lemma = self.lookup.verb_lemma(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if lemma in RECEIVE_VERBS:
            received = self._received(verb, objects, used)
            if received is not None:
                yield from received
                return
        specific = self.triggers.verb(lemma, particles(verb), object_lemmas(verb, objects))
        if lemma in LIGHT_VERBS and not (specific is not None and specific.objects):
            # a verb+object entry ("offer+concession", "lodge+protest") is more specific than the noun
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "talks were held"
            for obj in (*objects, *of_objects(objects), *passive):  # "held *a round of talks*", "gave $5m *of aid*"
                noun, entry = self.lookup.noun_entry(obj)
                if entry is not None:
                    used.update((obj.i, noun.i))
                    arguments = self.args.arguments(entry, noun, verb)
                    if lemma in MEETING_HOSTS and lemma_of(noun) in MEETING_NOUNS:
                        hosted = self._hosted_meeting(lemma, entry, noun, verb, arguments)
                        if hosted is not None:
                            yield from hosted
                            return
                    yield from self._emit(entry, noun, verb, "light-verb", arguments)
                    return
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and lemma in IN_LIGHT_VERBS:
                for obj in pobjs(prep):
                    noun, entry = self.lookup.noun_entry(obj)
                    if entry is not None:
                        used.update((obj.i, noun.i))
                        sources, targets = self.args.arguments(entry, noun, verb)
                        # "engaged *the peacekeepers* in a firefight": the object is the other party
                        engaged = self.args.resolve_all(c for c in verb.children if c.dep_ == "dobj")
                        if engaged and not targets:  # one side attacks the other: not mutual
                            entry, targets = replace(entry, flags=entry.flags - {"mutual"}), engaged
                        yield from self._emit(entry, noun, verb, "light-verb-in", (sources, targets))
                        return
        if lemma in ACCEDE_VERBS:
            acceded = self._accede(verb, used)
            if acceded is not None:
                yield from acceded
                return
        judged = appraisal(verb)
        if judged is not None:  # "called the veto *shameful*": criticism of the veto's author
            yield from self._emit(Trigger(lemma, "", frozenset(), "VERB", judged, ("dobj",), frozenset(), "grammar"),
                                  verb, verb, "appraisal")
            return
        entry = specific if not has_predicate(verb) else None  # "called Lula a communist" is no phone call
        if entry is None:
            return
        if "intent" in entry.flags and any(self.lookup.is_trigger(c) for c in verb.children if c.dep_ == "xcomp"):
            return
        addressee = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
            s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
        if lemma in OBJECT_APPEALS and not addressee:
            return  # "wants to attack" is a plan (coded on "attack"), "wants X to attack" an appeal
        used.update(o.i for o in objects if entry.objects)
        yield from self._emit(entry, verb, verb, "verb")

    def _hosted_meeting(self, lemma: str, entry: Trigger, noun: Token, verb: Token,
                        arguments: tuple[list[Actor], list[Actor]]) -> Iterator[CodedEvent] | None:
        """ "Ethiopia hosted *talks between Sudan and South Sudan*", "the talks were convened by the AU":
        the parties meet each other, and the host hosts (043) or brings them together (045); the
        parties are those of the noun, or else those of the last talks. None when the subject is
        itself a party ("Kenya hosted talks with Uganda")."""
        hosting = Trigger(lemma, "", frozenset(), "VERB", MEETING_HOSTS[lemma], (), frozenset(), "grammar")
        if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children):
            parties = self.args.noun_arguments(entry, noun)[0]
            if len(parties) < 2:
                return None
            hosts = self.args.arguments(hosting, verb, verb)[0]
            guests = [p for p in parties if p not in hosts]
            return chain(self._emit(entry, noun, None, "noun", (parties, [])),
                         self._emit(hosting, verb, verb, "hosted-meeting", (hosts, guests)))
        if not self.actors.memory.last_meeting or arguments[1]:
            return None
        return self._emit(hosting, verb, verb, "hosted-meeting")  # the last talks' parties: _specialise

    def _received(self, verb: Token, objects: Sequence[Token], used: set[int]) -> Iterator[CodedEvent] | None:
        """ "Y received X from Z": Z did X to Y (the code of the noun X)."""
        givers = [o for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for o in pobjs(c)]
        if not givers or not objects:
            return None
        noun, entry = self.lookup.noun_entry(objects[0])
        if entry is None:  # "received *weapons* from Y": what Y would be said to supply
            entry = next((e for v in GIVING_VERBS if (e := self.triggers.verb(v, (), [lemma_of(noun)])) is not None
                          and e.objects), None)
        if lemma_of(verb) == "accept" and entry is not None and (
                entry.code[:2] in ("02", "10") or lemma_of(noun) in REQUEST_NOUNS):
            return None  # "accepted demands from X" yields to X (coded on the verb); "received" or
            # "faced demands from X" is X's demand
        sources = self.args.resolve_all(givers)
        targets = self.args.resolve_all(self.args.subjects(verb))
        if entry is None or not sources or not targets:
            return None
        used.update((objects[0].i, noun.i))
        return self._emit(entry, noun, verb, "received-from", (sources, targets))

    def _accede(self, verb: Token, used: set[int]) -> Iterator[CodedEvent] | None:
        """ "X bowed/conceded/agreed *to demands from Y* (to do Z)": X yields to Y (08x, by Z)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for noun in pobjs(prep):
                if lemma_of(noun) not in DEMAND_NOUNS:
                    continue
                entry = Trigger(self.lookup.verb_lemma(verb), "", frozenset(), "VERB", "080", ("from", "by"),
                                frozenset(), "grammar")
                sources = self.args.resolve_all(self.args.subjects(verb))
                targets = self.args.noun_arguments(entry, noun)[0] or self.args.targets(entry, [noun])
                used.add(noun.i)
                return self._emit(entry, noun, verb, "accede", (sources, targets))
        return None

    def _noun(self, noun: Token) -> Iterator[CodedEvent]:
        entry = self.triggers.noun(noun.lemma_.lower(), modifiers(noun))
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
        sources = self.args.resolve_all(self.args.subjects(copula))
        targets = self.args.targets(entry, [adjective]) or self.args.embedded_targets(adjective)
        targets = [t for t in targets if t.country not in {s.country for s in sources}]
        yield from self._emit(entry, adjective, copula, "adjective", (sources, targets))

    def _is_country_word(self, token: Token) -> bool:
        """ "*Israeli* air strikes", "*Palestinian* riots": a national adjective names who acts."""
        match = self.actors.names.get(token.i)
        return match is not None and match.entry.kind in ("adjective", "country")

    def _has_own_actors(self, noun: Token) -> bool:
        return any(c.dep_ in ("poss",) or (c.dep_ == "prep" and c.lower_ in ("between", "by"))
                   for c in noun.children)

    def _emit(self, entry: Trigger, trigger: Token, verb: Token | None, rule: str,
              arguments: tuple[list[Actor], list[Actor]] | None = None) -> Iterator[CodedEvent]:
        sources, targets = arguments if arguments is not None else self.args.arguments(entry, trigger, verb)
        anchor = verb if verb is not None else trigger
        outer = self.lookup.outer_trigger(anchor)
        if verb is not None and outer is not None and (outer.code.startswith("112") or outer.code[:2] == "17"):
            return  # "accused X *of violating* the ceasefire", "jailed X *for helping* rebels": the
            # accusation or the punishment is the event, the act is its grounds
        if verb is not None and self.lookup.claimed(anchor):
            return  # "the US claimed (that) ISIL had attacked Iraq": the claim is the event (112, 015)
        if entry.code[:2] in ("02", "10") and self.lookup.purpose_of_protest(anchor):
            return  # "staged rallies *to demand* reforms": the protest is the event (14x), the demand its aim
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and anchor.head.dep_ in ("nsubj", "nsubjpass") \
                and not self.args.dates(trigger, verb):
            return  # "talks *mediated by the AU* broke down": what the subject is, not news
        if anchor.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in anchor.children) \
                and not self.args.dates(trigger, verb):
            return  # "China, which *has invested* heavily in both": a description of the actor, not news
        state = modality(anchor)
        if state == "asserted" and trigger is not anchor:
            state = modality(trigger)
        if entry.mutual and entry.code == "062" and not targets and len(sources) == 1:
            # military exercises with no partner are a show of force, aimed at where they are held
            entry = replace(entry, code="150", flags=entry.flags - {"mutual"})
        promised_to = "intent" in entry.flags and not targets  # "agreed to provide *Ukraine* with a loan"
        code, targets = self._specialise(entry, trigger, verb, sources, targets)
        if promised_to and targets and entry.mutual:
            entry = replace(entry, flags=entry.flags - {"mutual"})  # a promise to, not an accord with
        if not sources and verb is not None and any(t.country != "---" for t in targets):
            sources, code = unnamed_sources(self.lookup, self.args, code, verb)
        if state == "negated" and code[:2] in COOPERATIVE_ROOTS and is_refusal(anchor) and targets:
            code, state = action_code("12", code) or "120", "asserted"
        if state == "intended" and self._inside_demand(anchor):
            return
        if state == "intended" and "intent" not in entry.flags:
            intended = intent_code(code)
            if intended is None:
                return
            code = intended
        date_texts = self.args.dates(trigger, verb)
        place = self.args.place(trigger, verb)
        future = state == "intended" or has_future_aux(anchor)
        multilateral = any(c.lower_ in MULTILATERAL for c in trigger.children if c.dep_ in ("amod", "compound"))
        # an action inside the complement of another trigger of its root ("criticised Y for making critical
        # remarks") is coded by that trigger, not again with an unknown target
        nested = outer is not None and outer.code[:2] == code[:2] and "intent" not in outer.flags
        # "bombarded the city, *killing* eight people": the toll of the attack, not another attack
        toll = code[:2] in VIOLENT_ROOTS and anchor.dep_ in ("advcl", "conj") and anchor.tag_ == "VBG" \
            and self.lookup.violent_trigger(anchor.head)
        if state == "intended" and entry.mutual and targets and not multilateral:
            entry = replace(entry, flags=entry.flags - {"mutual"})  # "Russia wants to expand trade with
            # India" is Russia's plan; India's is not stated
        parties = {a.country: a for a in (*sources, *targets) if a.country != "---"}
        if entry.mutual and code[:2] == "04" and len(parties) == 2 and state == "asserted":
            one, other = parties.values()
            self.actors.memory.last_meeting = (one, other)
        if entry.mutual and len(parties) >= 3:  # who "the three countries" will be
            self.actors.memory.groups[len(parties)] = [
                a if len(a.code) > 3 else Actor(a.code + "GOV", a.name, "role") for a in parties.values()]
        story = self.actors.memory.in_a_story(sentence_key(anchor))
        for source, target in self._pairs(entry, sources, targets, multilateral, anchor):
            if target is UNKNOWN and not ("intent" in entry.flags or nested):
                target = self._implicit_target(source, code, anchor) or target
            if target is UNKNOWN and (code[:2] in NO_UNKNOWN_TARGET_ROOTS or "intent" in entry.flags or nested):
                continue
            if toll and target.country == "---":
                continue
            if story:  # "Senator Valencia accused Petro": in a story, an unplaced official is a compatriot
                source, target = placed(source, target), placed(target, source)
            if code[:2] in COOPERATIVE_ROOTS and any(a.country == "---" and len(a.code) > 3 for a in (source, target)) \
                    and story:
                continue  # "Lee met business leaders": in a story whose parties are placed, an unplaced
                # group met or helped is a domestic counterpart, not a party to the relations coded
            yield CodedEvent(source, target, code, trigger.text, trigger.i, f"{rule}:{entry.origin.rsplit('/', 1)[-1]}",
                             state, date_texts, future, place)
            guest, host = None, None
            if entry.mutual and code[:2] == "04" and code != "041" and place is not None \
                    and place.country == target.country != source.country and "---" not in (source.country,):
                guest, host = source, target  # "X met Y *in Y's capital*": X made a visit there
            elif code == "043" and "---" not in (source.country, target.country) and source.country != target.country \
                    and len(source.country) == 3 and len(target.country) == 3:
                guest, host = target, source  # "Blinken hosted his South Korean counterpart": the guest visited
            if guest is not None and host is not None and state == "asserted":
                yield CodedEvent(guest, self.actors.lexicon.country(host.country), "042", trigger.text, trigger.i,
                                 "visit-implied:grammar", state, date_texts, future, place)

    def _implicit_target(self, source: Actor, code: str, anchor: Token) -> Actor | None:
        """The target a clause leaves to its story: the party the document is about, other than the
        source ("Yoon condemned *the launch*", "the Kremlin dismissed *the measures*"). Statements
        and appeals never take one; criticism and rejection only of a thing done ("the launch")."""
        if source.country == "---" or (code[:2] in ("01", "02") and code != "016"):
            return None  # "denied the report" answers the report's author
        if anchor.dep_ == "relcl":  # "Islamabad accuses ..., a charge Mujahid rejected": whose charge
            doers = [a for a in self.args.resolve_all(self.args.subjects(anchor.sent.root))
                     if a.country not in ("---", source.country)]
            if doers:
                return doers[0]
        if code[:2] in NO_UNKNOWN_TARGET_ROOTS and not any(c.dep_ == "dobj" for c in anchor.children) \
                and anchor.dep_ != "relcl":  # "a charge Mujahid rejected": the charge is the object
            return None
        # a region ("West African", "Europe") is a setting, never the party a story is about
        return self.actors.memory.context_party({source.country, *self.actors.lexicon.regions}, sentence_key(anchor))

    def _specialise(self, entry: Trigger, trigger: Token, verb: Token | None, sources: list[Actor],
                    targets: list[Actor]) -> tuple[str, list[Actor]]:
        """The most specific code the sentence supports for ``entry``, and its targets when the
        trigger has none of its own (the actor inside a demanded action, the place attacked)."""
        code = entry.code
        subjects = self.args.subjects(verb) if verb is not None else []
        asked = verb is not None and any(lemma_of(o) in REQUEST_NOUNS for o in verb.children if o.dep_ == "dobj")
        if code[:2] in SPECIALISED_BY_ACTION and ((code.endswith("0") and len(code) == 3) or asked):
            # "rejected a proposal *for a ceasefire*": what was proposed decides the code
            action = self._embedded_action(trigger, verb, depth=0)
            code = (action_code(code[:2], action) if action else None) or code
        if verb is trigger and verb is not None:
            code = self._refined(code, verb)
            military = MILITARY_SUBJECT_CODES.get(entry.lemma)
            if military and not entry.objects and any(self._is_military(t) for t in subjects):
                code = military
        if code == "141" and lemma_of(trigger) == "protest" and sources and all(
                s.code.endswith("GOV") or s.code.startswith("IGO") or (s.kind == "country" and len(s.code) == 3)
                for s in sources):
            code = "114"  # a government "protests" by complaining officially, not by demonstrating
        if code[:3] in ("171", "180", "181", "182", "190") and verb is not None and any(
                lemma_of(t) in PROTESTER_WORDS for t in subjects + self.args.agents(verb)):
            code = "145"  # protesters who destroy or assault are rioting (armed attacks with weapons stay 19x)
        if code == "018" and not targets:  # "sorrow for the shootings *in South Carolina*"
            targets = self.args.places_of_objects([h for h in (trigger, verb) if h is not None], ("for", "over", "at"))
        if code == "190" and verb is not None:  # "warplanes killed ...", "shelled with tanks"
            means = [*subjects, *(o for c in verb.children if c.dep_ in ("agent", "prep")
                                                  and c.lower_ in ("by", "with") for o in pobjs(c))]
            means += [c for t in means for c in t.children if c.dep_ == "compound"]  # "*tank* fire"
            code = next((WEAPON_CODES[w] for t in means if (w := lemma_of(t)) in WEAPON_CODES), code)
        if code == "080":  # "accepted demands *to release* the hostages": 084
            action = self._embedded_action(trigger, verb, depth=0)
            code = (yield_code(action) if action else None) or code
        if "intent" in entry.flags and code == entry.code:
            # "pledged *support*", "agreed *to a ceasefire*": the promise of that action (03x)
            action = self._embedded_action(trigger, verb, depth=0)
            code = (intent_code(action) if action and action[:2] != "03" else None) or code

        if entry.lemma in ACCORD_VERBS and verb is not None and code == entry.code and _has_that_clause(verb) \
                and not _promised(verb):
            code = "019"  # "agreed (that) there was a need for ...": an accord of views, not a promise
        if code == "112" and verb is not None and not targets:
            claimed = self._self_claim(verb, sources)
            if claimed:  # "the US claimed that they had attacked Iraq": a claim of responsibility
                code, targets = "015", claimed
        if (code[:2] in SPECIALISED_BY_ACTION or code[:2] == "11" or "intent" in entry.flags) and not targets:
            # "pledged to provide *Ukraine* with a loan": a promise is made to whom the action is for
            # "demanded that *Togo* release", "alleged that *Paris* played a role"
            targets = self.args.embedded_targets(verb if verb is not None else trigger)
        if code[:3] in ("043", "045") and not targets and verb is not None and self.actors.memory.last_meeting and any(
                c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in MEETING_NOUNS for c in verb.children):
            # "Anwar mediated *the meeting*", "Ethiopia hosted *the talks*": between (or for) its parties
            own = {s.country for s in sources}
            targets = [a for a in self.actors.memory.last_meeting if a.country not in own]
        if code[:2] == "14" and not targets:
            heads = [h for h in (verb, trigger) if h is not None]  # "blocked roads *demanding* ..."
            targets = self.args.purpose_targets([*heads, *(c for h in heads for c in h.children if c.dep_ == "dobj")])
            targets = targets or self.args.resolve_all(  # "a hunger strike *outside Parliament*", "at the embassy"
                o for h in (*heads, *(c for h in heads for c in h.children if c.dep_ == "dobj"))
                for c in h.children if c.dep_ == "prep" and c.lower_ in PROTEST_SITE_PREPS for o in pobjs(c))
        if code == "015" and not targets and verb is not None:  # "claimed responsibility for an attack *in Kenya*"
            heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
            targets = self.args.place_targets(verb, None) or self.args.places_of_objects(heads, ("for",))
        if code[:2] in PLACE_TARGET_ROOTS and not targets:
            targets = self.args.place_targets(trigger, verb)
        if code[:2] in VIOLENT_ROOTS:  # "four children were killed *in Gaza*": the civilians of Gaza
            where = self.args.place(trigger, verb)
            country = where.country if where is not None else None
            targets = [Actor(country + t.code[3:], t.name, t.kind) if t.country == "---" and country else t
                       for t in targets]
        return code, targets

    def _refined(self, code: str, verb: Token) -> str:
        """A verb coded from its object takes the object's more specific code of the same root
        ("sent *humanitarian aid*": 073 rather than 070)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for noun in (*objects, *of_objects(objects)):
            entry = self.lookup.noun_entry(noun)[1]
            if entry is None:
                continue
            if entry.code[:2] == code[:2] and entry.code.startswith(code.rstrip("0")) \
                    and len(entry.code.rstrip("0")) > len(code.rstrip("0")):
                return entry.code
            if code == "050" and entry.code[:2] == "06" and entry.code != "060":
                return entry.code  # "expanded *nuclear cooperation*": material, not only diplomatic
            domain = cooperation_domain(noun)
            if code in ("050", "060") and domain is not None:
                return domain  # "expand cooperation *in civil nuclear programs*"
        return code

    def _self_claim(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """The targets of a clause whose subject is the claimant itself, if the clause is an action."""
        countries = {s.country for s in sources}
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            subjects = self.args.resolve_all(c for c in clause.children if c.dep_ == "nsubj")
            if subjects and {a.country for a in subjects} <= countries and self._action_of(clause, 0):
                return [t for t in self.args.resolve_all(c for c in clause.children if c.dep_ == "dobj")
                        if t.country not in countries]
        return []

    def _is_military(self, token: Token) -> bool:
        role = self.actors.role_of(token)
        if role is None and lemma_of(token) in COLLECTIVE_WORDS:  # "hundreds of UN troops"
            return any(self._is_military(o) for c in token.children if c.dep_ == "prep" for o in pobjs(c))
        return role is not None and role.role == "MIL"

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
        for dependency in (("xcomp", "ccomp", "acl"), ("prep",), ("dobj",)):
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
            return next((c for o in pobjs(token) if (c := self._action_of(o, depth)) is not None), None)
        if token.pos_ in ("NOUN", "PROPN"):
            if lemma_of(token) in REQUEST_NOUNS and depth < 2:
                asked = self._embedded_action(token, None, depth + 1)
                if asked is not None or lemma_of(token) == "call":  # "calls for X", never a phone call
                    return asked
            entry = self.lookup.noun_entry(token)[1]
            if entry is None:  # "pledged 50 billion euros *in aid*", "$5m *of aid*"
                inner = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for o in pobjs(c)]
                entry = next((e for o in inner if (e := self.lookup.noun_entry(o)[1]) is not None), None)
            return entry.code if entry is not None else None
        if token.pos_ not in ("VERB", "AUX"):
            return None
        lemma = self.lookup.verb_lemma(token)
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if lemma in LIGHT_VERBS:  # "provide Ukraine *with a loan*": the noun may follow "with"
            given = [*objects, *(o for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                                 for o in pobjs(c))]
            entry = next((e for o in given if (e := self.lookup.noun_entry(o)[1]) is not None), None)
            if entry is not None:
                return entry.code
        entry = self.triggers.verb(lemma, particles(token), object_lemmas(token, objects))
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
            fellows = {s.code for s in sources} if len(sources) >= 2 else set()
            candidates = [(s, t) for s in sources for t in targets if t.code not in fellows]  # "mediated by
            # the AU and the US": the US did not mediate for the AU
            if entry.mutual:
                candidates = [*candidates, *((t, s) for s in sources for t in targets)]
        elif entry.mutual and len(sources) >= 2:
            candidates = permutations(sources, 2)
        elif not (entry.mutual or entry.visit or entry.host) and anchor.pos_ != "NOUN" \
                and self.args.alone(sources, anchor):  # a host needs a guest: "received weapons" is no visit
            candidates = [(s, UNKNOWN) for s in sources]
        else:
            candidates = []
        for source, target in candidates:
            key = (source.code, target.code)
            if source.code == target.code or key in seen or (entry.visit and source.country == target.country):
                continue
            seen.add(key)
            yield source, target



def _same_side(one: Actor, other: Actor) -> bool:
    """Two actors of one country that speak for each other: the country and its government, not its
    rebels or opposition ("Rwandan rebels said the Rwandan government must ...")."""
    if one.country != other.country:
        return False
    roles = {one.code[len(one.country):len(one.country) + 3], other.code[len(other.country):len(other.country) + 3]}
    return len(roles - {"", "GOV", "MIL", "LEG"}) == 0 or one.code == other.code


def _promised(verb: Token) -> bool:
    """ "agreed that inspectors *would* return": the clause says what will be done, a promise."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll")
                                         for a in c.children) for c in verb.children)


def _has_that_clause(verb: Token) -> bool:
    """A "that" clause and no infinitive: "agreed (that) X" rather than "agreed to X"."""
    return any(c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ == "xcomp" for c in verb.children)


@dataclass(frozen=True)
class EventCoder:
    """The event coder: a trigger lexicon applied to parsed sentences."""

    triggers: TriggerLexicon
    unknown_targets: bool = True

    def code(self, sentence: Span, actors: SentenceActors) -> list[CodedEvent]:
        events = list(SentenceCoder(self.triggers, actors, sentence, self.unknown_targets).events())
        actors.note_subject(sentence)
        return events
