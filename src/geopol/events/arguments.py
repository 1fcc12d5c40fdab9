"""Who, to whom, when and where: the arguments of a trigger in the dependency parse.

:class:`Arguments` finds the source and target actors of a trigger (subjects, objects, the
prepositional objects the trigger lexicon names, passive agents, owners inside non-actor objects,
places aimed at) and the date expressions and place attached to it. It knows the actors of the
sentence but not the trigger lexicon: what the trigger means is the coder's business
(:mod:`geopol.events.coder`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from geopol.actors.resolver import SentenceActors
from geopol.events.modality import is_headline_infinitive
from geopol.events.syntax import pobjs
from geopol.events.triggers import Trigger
from geopol.records import Actor, Place

Token = Any
Span = Any

DEFAULT_TARGETS = ("dobj",)
TARGET_PREPS = frozenset({"with", "to", "on", "against", "from"})
"""Prepositions whose object is the target of an infinitive ("refused to meet *with* X")."""
PLACE_PREPS = frozenset({"in", "at"})
TIME_PREPS = frozenset({"after", "before", "since", "until", "as"})
RAISING_PASSIVES = frozenset({"expect", "schedule", "set", "due", "slate", "say", "believe", "report", "poise",
                              "tip", "invite", "ask", "urge", "require", "oblige", "force", "allow", "permit"})
"""Passives whose subject is the doer of their infinitive: "X is expected to travel", "X was asked
to leave"."""
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
AREA_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "centre", "center", "heart", "outskirts", "suburb", "part", "region", "area", "border",
                        "edge", "interior", "coast", "capital"})
"""Nouns for a part of a place: "in the east *of the Gaza Strip*" is in the Gaza Strip."""
WH_WORDS = frozenset({"who", "which", "that", "whom"})
PLACE_TARGET_PREPS = frozenset({"in", "at", "on", "near", "against", "into", "across", "over", "outside"})
CONDITION_MARKS = frozenset({"unless", "if"})
RELATIONAL_NOUNS = frozenset({"colony", "neighbour", "neighbor", "ally", "partner", "rival", "enemy", "adversary",
                              "foe", "friend", "proxy", "client", "satellite"})
"""Nouns for another party related to their possessor: "its former colony" is not the possessor."""
OWNER_PREPS = frozenset({"of", "to", "with", "against", "on", "from", "for", "by", "toward", "towards", "between",
                         "among"})


@dataclass(frozen=True)
class Arguments:
    """The argument finder of one sentence."""

    actors: SentenceActors
    sentence: Span
    unknown_targets: bool = True
    """Allow the target ``---`` when the trigger's clause names no other actor (see :meth:`alone`)."""

    def arguments(self, entry: Trigger, trigger: Token, verb: Token | None) -> tuple[list[Actor], list[Actor]]:
        if verb is None:
            return self.noun_arguments(entry, trigger)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not passive and verb is trigger and any(c.dep_ == "auxpass" for c in verb.children) \
                and any(c.dep_ == "agent" for c in verb.children):
            passive = self.subjects(verb)  # "were *released* by X" in a clause that shares its subject
        if verb is trigger and verb.dep_ == "acl" and verb.tag_ == "VBN" and not _misparsed_main_verb(verb):
            passive = [verb.head]  # "officials *accused* of ...": the noun is the one acted upon
        if passive:
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if not agents:
                agents = [o for t in verb.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"
                          for o in pobjs(t)]
            if verb is trigger:
                targets = self.resolve_all(passive) or self.resolve_all(self.owners(passive))
                return self.resolve_all(agents), targets
            if trigger in passive:  # "evidence against X was presented by Y": the event noun is the subject
                return self.resolve_all(agents), self.targets(entry, [trigger])
        sources = self.resolve_all(self.subjects(verb))
        heads = [verb] if verb is trigger else [verb, trigger]
        targets = self.targets(entry, heads)
        if not sources and trigger is not verb:
            sources = self.noun_arguments(entry, trigger)[0]
        return sources, targets

    def noun_arguments(self, entry: Trigger, noun: Token) -> tuple[list[Actor], list[Actor]]:
        sources: list[Actor] = []
        between: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "poss":
                sources.extend(self.resolve_all([child]))
            elif child.dep_ == "prep" and child.lower_ == "by":
                sources.extend(self.resolve_all(pobjs(child)))
            elif child.dep_ == "prep" and child.lower_ in ("between", "among"):
                between.extend(self.resolve_all(pobjs(child)))
            elif child.dep_ == "prep" and child.lower_ == "of" and entry.visit:
                sources.extend(self.resolve_all(pobjs(child)))
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                sources.extend(self.resolve_all([child]))
        if between:
            return between, []
        return sources, self.targets(entry, [noun])

    def agents(self, verb: Token) -> list[Token]:
        """The "by" agents of a passive verb."""
        return [o for a in verb.children if a.dep_ == "agent" for o in pobjs(a)]

    def subjects(self, verb: Token) -> list[Token]:
        raised = False
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
            if not subjects and raised and verb.lemma_.lower() in RAISING_PASSIVES:
                subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "X is expected *to travel*"
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
            raised = verb.dep_ == "xcomp"
            if verb.dep_ == "advcl":  # "came hours *after Pakistan's envoy* arrived": a subject read as an object
                stranded = [o for c in verb.head.children if c.dep_ == "prep" and c.lower_ in TIME_PREPS
                            and c.i < verb.i for o in pobjs(c) if o.right_edge.i >= verb.i - 4]
                if stranded:
                    return stranded
            if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") or (verb.dep_ == "pcomp"):
                verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
                continue
            if verb.dep_ == "acl" and (verb.tag_ in ("VBG", "VBN") or _misparsed_main_verb(verb)):
                return [verb.head]
            return []
        return []

    def targets(self, entry: Trigger, heads: Sequence[Token]) -> list[Actor]:
        objects = [c for h in heads for c in h.children if c.dep_ == "dobj"]
        objects += [o for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                    for o in pobjs(c)]  # "pledged 50 billion euros in aid *to Ukraine*"
        for spec in entry.targets or DEFAULT_TARGETS:
            tokens: list[Token] = []
            for head in (*heads, *(objects if spec != "dobj" else ())):
                if spec == "dobj":
                    tokens.extend(c for c in head.children if c.dep_ in ("dobj", "dative"))
                else:
                    tokens.extend(o for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == spec
                                  for o in pobjs(c))
                    if spec == "to":  # "gave *Tanzania* a grant": the indirect object
                        tokens.extend(c for c in head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"))
            places = entry.visit or spec in PLACE_PREPS
            actors = self.resolve_places(tokens) if places else self.resolve_all(tokens)
            if not actors and not places:
                actors = self.resolve_all(self.owners(tokens))
            if actors:
                return actors
        return []

    def alone(self, sources: list[Actor], anchor: Token) -> bool:
        """No actor but the sources is named in the trigger's clause: the action has no known target.

        Actors of a clause above it ("..., officials in Seoul said") are not candidates."""
        countries = {s.country for s in sources}
        for token in _own_clause(anchor):
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ == "compound":
                continue
            if any(a.country not in countries for a in self.actors.resolve(token, remember=False)):
                return False
        return self.unknown_targets

    def owners(self, tokens: Sequence[Token]) -> list[Token]:
        """When the object is not an actor ("called for the withdrawal of Syrian forces"), the nearest
        actor-like phrase inside it: its possessor or compound first, then its prepositional phrases."""
        level = [t for t in tokens if t.lemma_.lower() not in RELATIONAL_NOUNS]  # "*its former colony*" is not it
        for _ in range(3):
            modifiers = [c for t in level for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            found = [c for c in modifiers if self.actors.resolve(c, remember=False)]
            if found:
                return found
            level = [o for t in level for c in t.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
                     for o in pobjs(c)] + [  # "blocs *spearheaded by the US*"
                     o for t in level for c in t.children if c.dep_ == "acl" for a in c.children
                     if a.dep_ == "agent" for o in pobjs(a)]
            found = [o for o in level if self.actors.resolve(o, remember=False)]
            if found:
                return found
        return []

    def resolve_all(self, heads: Iterable[Token]) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            for token in self.actors.expand(head):
                for actor in self.actors.resolve(token):
                    if actor not in actors:
                        actors.append(actor)
        return actors

    def resolve_places(self, heads: Iterable[Token]) -> list[Actor]:
        """The countries of places ("visited Moscow" -> RUS, "in Aleppo" -> SYR)."""
        places: list[Actor] = []
        for head in heads:
            codes = [a.country for a in self.resolve_all([head])] or self.place_countries(head, 0)
            for code in codes:
                actor = self.actors.lexicon.country(code)
                if code != "---" and actor not in places:
                    places.append(actor)
        return places

    def place_countries(self, token: Token, depth: int) -> list[str]:
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
                inner = pobjs(child)
            for item in inner:
                found = [a.country for a in self.actors.resolve(item, remember=False)] or \
                    self.place_countries(item, depth + 1)
                if found:
                    return found
        return []

    def place_targets(self, trigger: Token, verb: Token | None) -> list[Actor]:
        heads = [trigger] if verb is None or verb is trigger else [trigger, verb]
        tokens = [c for h in heads for c in h.children if c.dep_ == "dobj"]  # "shelled Kharkiv"
        tokens += [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_TARGET_PREPS
                   for o in pobjs(c)]
        tokens += [o for h in heads for d in h.children if d.dep_ == "dobj" for c in d.children
                   if c.dep_ == "prep" and c.lower_ in PLACE_TARGET_PREPS for o in pobjs(c)]  # "a curfew *in X*"
        return self.resolve_places(tokens)

    def places_of_objects(self, heads: Sequence[Token], preps: Sequence[str]) -> list[Actor]:
        """The countries where the objects of ``preps`` are ("sorrow *for the shootings in South
        Carolina*", "responsibility *for an attack on a mall in Nairobi*")."""
        return self.resolve_places(o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                                   for p in pobjs(c) for o in [p, *self.located_in(p)])

    def located_in(self, token: Token) -> list[Token]:
        """The places a phrase says it is in, at any depth ("an attack on a mall *in Nairobi*")."""
        return [o for t in token.subtree if t.dep_ == "prep" and t.lower_ in PLACE_PREPS for o in pobjs(t)]

    def embedded_targets(self, head: Token) -> list[Actor]:
        """Who an appeal, demand or refusal is aimed at when it has no object of its own: the
        subject of its clause ("demanded that *Togo* release") or the object of its infinitive
        ("refused to meet *Belarus*")."""
        for child in head.children:
            if child.dep_ == "ccomp":
                own = {a.country for a in self.resolve_all(c for c in head.children if c.dep_ == "nsubj")}
                found = [a for a in self.resolve_all(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
                         if a.country not in own]
                if found:
                    return found
            if child.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in head.children):
                # "urged *the warring parties* to give engineers access": the addressee, not the engineers
                objects = [c for c in child.children if c.dep_ in ("dobj", "dative")]
                objects += [o for c in child.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                            for o in pobjs(c)]
                found = self.resolve_all(objects) or self.resolve_all(self.owners(objects))
                if not found:  # "threatened to ban voting *in East Jerusalem*"
                    found = self.place_targets(child, None)
                if found:
                    return found
        # "demanded *the release of* X", "called *for the withdrawal of* Syrian forces"
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)]
        return self.resolve_all(self.owners(objects)) or self.conditional_targets(head)

    def purpose_targets(self, heads: Sequence[Token]) -> list[Actor]:
        """Whom a protest is aimed at, from the clause that says what for: "staged demonstrations
        *to demand reforms by the government*", "blocked roads *demanding that X resign*"."""
        own = {a.country for h in heads for a in self.resolve_all(c for c in h.children if c.dep_ == "nsubj")}
        for head in heads:
            for clause in head.children:
                if clause.dep_ not in ("advcl", "xcomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
                    continue
                objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                objects += [o for c in clause.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"for"}
                            for o in pobjs(c)]
                for found in (self.resolve_all(objects), self.resolve_all(self.owners(objects)),
                              self.embedded_targets(clause)):
                    found = [a for a in found if a.country not in own]
                    if found:
                        return found
        return []

    def conditional_targets(self, head: Token) -> list[Actor]:
        """Who must meet the condition of a threat: the subject of its "unless"/"if" clause
        ("threatened to launch an offensive *unless Kabul* accepted its terms")."""
        own = {a.country for a in self.resolve_all(c for c in head.children if c.dep_ == "nsubj")}
        for token in head.subtree:
            if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                                for c in token.children):
                continue
            found = [a for a in self.resolve_all(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))
                     if a.country not in own]
            if found:
                return found
        return []

    def dates(self, trigger: Token, verb: Token | None) -> tuple[str, ...]:
        """DATE entities whose path up the tree reaches the trigger before any other verb; for an
        event noun in a phrase that frames the clause ("*In his meeting* with Wang on Wednesday,
        Putin said"), failing its own, those of the clause's verb."""
        own = self.dates_at({trigger.i} | ({verb.i} if verb is not None else set()))
        if not own and verb is not None:
            own = self._framing_dates(verb)
        if not own and verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "met on Monday, and the two *signed* an agreement"
            return self.dates_at({verb.head.i}) or self._framing_dates(verb.head)
        if own or verb is not None:
            return own
        node = trigger
        while node.dep_ in ("pobj", "prep") and node.head is not node:
            node = node.head
        framed = node is not trigger and node.pos_ in ("VERB", "AUX") and trigger.i < node.i
        return self.dates_at({node.i}) if framed else own

    def _framing_dates(self, verb: Token) -> tuple[str, ...]:
        """The dates of what frames a clause before its verb: a participle ("*Speaking* to reporters
        on Wednesday, Grossi urged") or a phrase ("*In a statement* carried on Sunday, Kim said")."""
        framing = {c.i for c in verb.children if c.i < verb.i and (
            (c.dep_ == "advcl" and c.tag_ == "VBG") or (c.dep_ == "prep" and c.lower_ in ("in", "at")))}
        return self.dates_within(framing) if framing else ()

    def dates_within(self, heads: set[int]) -> tuple[str, ...]:
        """DATE entities anywhere below ``heads``."""
        return tuple(str(ent.text) for ent in self.sentence.ents if ent.label_ in ("DATE", "TIME")
                     and any(a.i in heads for a in (ent.root, *ent.root.ancestors)))

    def dates_at(self, anchors: set[int]) -> tuple[str, ...]:
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

    def place(self, trigger: Token, verb: Token | None) -> Place | None:
        """Where the event happened: an "in"/"at" place of the trigger, its verb or the verb's object
        ("signed an agreement *in Da Nang*")."""
        heads = [h for h in (trigger, verb) if h is not None]
        heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]
        heads += [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in" for o in pobjs(c)
                  if o.tag_ == "VBG" or self.actors.places.get(o.i) is None]  # "killed in shelling *in Gaza*"
        if verb is not None:  # "killed in Israeli tank *shelling* in Gaza", parsed as a clause of its own
            heads += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "NN")
                      and not any(s.dep_.startswith("nsubj") for s in c.children)]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                    continue
                for obj in pobjs(prep):
                    place = self.as_place(obj)
                    if place is not None:
                        return place
        return None

    def as_place(self, token: Token) -> Place | None:
        if token.lemma_.lower() in AREA_NOUNS and token.pos_ == "NOUN":  # "in the east *of the Gaza Strip*"
            part_of = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)
                            if (p := self.as_place(o)) is not None), None)
            if part_of is not None:
                return part_of
            if token.lemma_.lower() == "capital":  # "in the Rwandan capital": that country's capital
                owners = [self.actors.names.get(c.i) for c in token.children if c.dep_ in ("amod", "compound", "poss")]
                codes = [m.entry.code[:3] for m in owners if m is not None and m.entry.kind in ("country", "adjective")]
                capital = self.actors.lexicon.capital_of(codes[0]) if codes else None
                if capital is not None:
                    return Place(capital, codes[0])
        found = self.actors.places.get(token.i)
        if found is not None and found.supported:
            return Place(str(token.doc[found.start:found.end].text), found.entry.country)
        match = self.actors.names.get(token.i)
        lexicon = self.actors.lexicon
        if match is not None and match.entry.kind in ("country", "capital", "seat"):
            name = token.doc[match.start:match.end].text
            if match.entry.kind == "seat":
                name = lexicon.capital_of(match.entry.code) or name
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


def _own_clause(anchor: Token) -> list[Token]:
    """The tokens of ``anchor``'s clause, without the clauses joined to it that have a subject of
    their own ("called the veto shameful *and said the US would act*")."""
    tokens: list[Token] = []
    stack = [anchor]
    while stack:
        token = stack.pop()
        tokens.append(token)
        for child in token.children:
            if child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and token is anchor:
                continue  # "... and said ...": a second statement by the same subject
            stack.append(child)
    return tokens


def _misparsed_main_verb(verb: Token) -> bool:
    """A past tense the parser took for a participle of the sentence's only noun phrase: "Ukraine's
    minister *called* on Brussels to ..." (a sentence has a main verb; a headline may not, but then
    it is in the present: "Minister accused of fraud")."""
    return verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
        and str(verb.doc[verb.head.sent.end - 1].text) in (".", "!", "?") \
        and not any(c.dep_ == "agent" for c in verb.children)
