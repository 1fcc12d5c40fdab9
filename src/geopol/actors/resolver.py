"""Resolve noun phrases in a parsed sentence to CAMEO actor codes.

A phrase is resolved from its head token outwards, in this order:

1. a name from the lexicon (person on the event date, country, organisation,
   capital or seat as metonym for the government);
2. a phrase that names an actor through another (:mod:`geopol.actors.phrases`): "members of
   Hamas", "supporters of X", "representatives from Japan", "the republic of Slovenia", "the
   al-Qaeda network";
3. a role noun or title ("lawmakers", "Foreign Minister") combined with the
   country or organisation attached to it ("Russian", "Russia's", "of Russia",
   "at the ICC", "Beijing" as compound); of several role terms the one nearest the head wins,
   the longest of those ("police officer" over "officer"), and a generic "leader" takes the role
   of its modifier ("military leaders");
4. the document's memory of who was named before (:class:`DocumentMemory`):
   surnames after full names, pronouns, "the two presidents".

Everything returned is an :class:`~geopol.records.Actor`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from geopol.actors import phrases
from geopol.actors.lexicon import ActorLexicon, NameEntry, Role
from geopol.actors.phrases import COLLECTIVE_WORDS, PEOPLE_ROLE, combine
from geopol.places import PlaceMatch, longest_matches
from geopol.records import Actor

Token = Any
Doc = Any

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
ORGANISATION_ANAPHORS = frozenset({"bloc", "alliance", "mission", "agency", "organisation", "organization",
                                   "grouping", "body", "watchdog"})
"""Nouns by which news refers back to an organisation it has named ("the bloc", "the mission")."""
PARTNER_WORDS = frozenset({"counterpart", "host", "guest", "visitor", "interlocutor"})
"""Nouns for the other party of a meeting, named by whose partner they are ("his host")."""
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
"""Pronouns for a country, an organisation or a group: resolved to the subject of a clause that
governs them ("Japan said *it* had halted aid", "Iran threatened to widen *its* war")."""
GROUP_WORDS = frozenset({"side", "country", "nation", "leader", "president", "state", "government",
                         "neighbour", "neighbor", "power", "party", "delegation", "minister", "counterpart"})
PEOPLE_WORDS = frozenset({"leader", "president", "minister", "counterpart"})
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4}
GOVERNMENT_BODIES = frozenset({"administration", "government", "cabinet", "regime"})
"""Bodies named after their leader: "the Obama administration" is the leader's government."""
AFFILIATION_PREPS = frozenset({"of", "at", "from", "in"})
STATELESS_ROLES = frozenset({"REB", "OPP", "LEG", "CVL", "MED", "EDU", "BUS", "LAB", "REL", "HRI", "CRM", "REF", "HLH",
                             "AGR", "NGO", "RAD"})
"""Roles an actor can have without a country (``---REB``: GUIDELINES.md); a bare "officials" or
"troops" is not coded, since the country is usually just not named in that sentence."""
__all__ = ["COLLECTIVE_WORDS", "DocumentMemory", "NameMatch", "SentenceActors", "match_names"]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A lexicon name found in a document: tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    entry: NameEntry


@dataclass
class DocumentMemory:
    """What a document has said so far about who is who (one per document, never shared)."""

    day: dt.date | None
    people: dict[str, Actor] = field(default_factory=dict)
    last_person: Actor | None = None
    mentions: dict[str, int] = field(default_factory=dict)
    """Mentions so far of each country (or organisation), counting persons and roles too."""
    person_mentions: dict[str, int] = field(default_factory=dict)
    representative: dict[str, Actor] = field(default_factory=dict)
    """The last government-level actor seen for each country."""
    order: dict[str, int] = field(default_factory=dict)
    """When each country was last mentioned (a running count), to break ties in ``main_actors``."""
    seen: int = 0
    people_seen: list[Actor] = field(default_factory=list)
    """The people of known country named so far, in order (with repeats)."""
    last_meeting: tuple[Actor, Actor] | None = None
    """The two parties of the last meeting or talks coded: whom "mediated the talks" is between."""
    last_organisation: Actor | None = None
    """The organisation named last: what "the bloc" or "the mission" is."""
    groups: dict[int, list[Actor]] = field(default_factory=dict)
    """The parties of the last joint action of three or more ("X is cooperating with Y and Z"), by
    their number: who "the three countries" are."""
    titles: dict[str, Actor] = field(default_factory=dict)
    """The last person named with each title: who "the crown prince" or "the foreign minister" is."""
    last_party: Actor | None = None
    """The last country or organisation that was the subject of a sentence."""
    sentences: dict[str, set[int]] = field(default_factory=dict)
    """The sentences (by their start in the text) that mention each country or organisation."""

    def remember(self, actor: Actor, surface: str, sentence: int | None = None) -> None:
        if sentence is not None and actor.country != "---":
            self.sentences.setdefault(actor.country, set()).add(sentence)
        if actor.kind == "person":
            for key in _name_keys(surface):
                self.people.setdefault(key, actor)
            if actor.country == "---":
                return  # a person of unknown country is recalled by name, but is no party of the story
            self.last_person = actor
            self.people_seen.append(actor)
            self.person_mentions[actor.country] = self.person_mentions.get(actor.country, 0) + 1
        if actor.country == "---":
            return
        if actor.code.startswith(("IGO", "NGO")):
            self.last_organisation = actor
        self.mentions[actor.country] = self.mentions.get(actor.country, 0) + 1
        self.seen += 1
        self.order[actor.country] = self.seen
        if actor.kind == "person" or actor.code.endswith("GOV") or actor.country not in self.representative:
            self.representative[actor.country] = actor

    def recall(self, surface: str) -> Actor | None:
        for key in _name_keys(surface):
            if key in self.people:
                return self.people[key]
        return None

    def in_a_story(self, sentence: int) -> bool:
        """Whether the document has named parties in other sentences than ``sentence``."""
        return any(seen - {sentence} for seen in self.sentences.values())

    def context_party(self, exclude: set[str], sentence: int) -> Actor | None:
        """The party the story is about, other than ``exclude``: the first one the document named, in
        a sentence other than ``sentence``. The implicit target of "Yoon condemned *the launch*" in a
        story that opened with a North Korean launch. None when the document names no such party."""
        # the lead names the story's parties first: the first one named elsewhere than here
        country = next((c for c, seen in self.sentences.items() if c not in exclude and seen - {sentence}), None)
        if country is None:
            return None
        actor = self.representative.get(country)
        if actor is None or len(country) > 3:
            return actor
        return Actor(actor.code, actor.name, "role" if len(actor.code) > 3 else "country")

    def main_actors(self, count: int, people: bool) -> list[Actor]:
        """The ``count`` most mentioned parties so far: what "both sides" means; for people ("the two
        leaders") the countries of the last ``count`` people named, when they are distinct."""
        if people:
            last = list(dict.fromkeys(reversed([a.country for a in self.people_seen])))[:count]
            if len(last) == count:
                return [self.representative.get(c, Actor(c + "GOV", c, "role")) for c in reversed(last)]
        counts = self.person_mentions if people else self.mentions
        ranked = sorted(counts, key=lambda c: (counts[c], self.order.get(c, 0)), reverse=True)
        chosen = ranked[:count]
        if len(chosen) < count:
            return []
        actors = [self.representative[c] for c in chosen if c in self.representative]
        if len(actors) < count:
            return []
        return [a if a.code.startswith("IGO") or len(a.code) > 3 else Actor(a.code + "GOV", a.name, "role")
                for a in actors]


def _name_like(token: Token) -> bool:
    """A person's name as the parser sees it: a PERSON entity, or a proper noun after a capitalised
    first name ("Guyana's *Hugh Todd*", which the tagger may leave untyped)."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_ and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in token.children))


def sentence_key(token: Token) -> int:
    """A key for the sentence of ``token`` that differs between the sentences of one document."""
    return hash((id(token.doc), token.sent.start))  # the paragraph's doc lives while its document is coded


def _name_keys(surface: str) -> list[str]:
    """The full name and each of its words: "Wang Yi" is later "Wang", "Vladimir Putin" "Putin"."""
    words = [w for w in surface.replace("’s", "").replace("'s", "").split() if w[:1].isupper()]
    if not words:
        return []
    return [" ".join(words).lower(), *(w.lower() for w in reversed(words))]


def match_names(doc: Doc, lexicon: ActorLexicon) -> dict[int, NameMatch]:
    """Greedy longest matches of lexicon names, indexed by every token they cover. Names match as
    written, or case-insensitively when their first word has a capital ("RUSSIA", "iSrael")."""
    tokens = [t.text for t in doc]
    lowered = [t.lower() for t in tokens]
    titled = _after_titles(doc, lexicon)

    def find(start: int, end: int) -> NameEntry | None:
        entry = lexicon.exact.get(tuple(tokens[start:end]))
        if entry is None and (any(ch.isupper() for ch in tokens[start]) or start in titled):
            entry = lexicon.names.get(tuple(lowered[start:end]))
        return entry

    return {i: NameMatch(start, end, entry)
            for start, end, entry in longest_matches(len(tokens), lexicon.max_name_tokens, find)
            for i in range(start, end)}


def _after_titles(doc: Doc, lexicon: ActorLexicon) -> set[int]:
    """Proper nouns written in lower case right after a title that are a person's name still
    ("President *obama*")."""
    return {token.i for token in doc[1:] if token.pos_ == "PROPN" and token.is_lower
            and getattr(lexicon.roles.get((doc[token.i - 1].lower_,)), "kind", None) == "title"
            and lexicon.find_person(token.lower_) is not None}


@dataclass
class SentenceActors:
    """Resolves tokens of one parsed document to actors, with the document's memory."""

    lexicon: ActorLexicon
    names: dict[int, NameMatch]
    memory: DocumentMemory
    places: dict[int, PlaceMatch] = field(default_factory=dict)
    """Gazetteer places in the document (cities, regions): places, not actors."""

    def note_subject(self, sentence: Any) -> None:
        """Remember who the sentence is about (the subject of its main verb), for an "It"/"They"
        that opens the next sentence."""
        for child in sentence.root.children:
            if child.dep_ == "nsubj":
                self.resolve(child)
                for joined in child.conjuncts:  # "X and Y were in Dakar": both are remembered
                    self.resolve(joined)

    def resolve(self, token: Token, remember: bool = True) -> list[Actor]:
        """The actors a noun phrase headed by ``token`` stands for (several for "Russian and
        Chinese presidents"), or an empty list."""
        actors = self._resolve(token, depth=0)
        if remember and token.dep_ == "nsubj" and len(actors) == 1 and actors[0].kind != "person" \
                and actors[0].country != "---" and token.lower_ not in GROUP_PRONOUNS:
            self.memory.last_party = actors[0]
        if remember and len(actors) == 1 and actors[0].kind == "person" and actors[0].country != "---":
            title = self.role_of(token)
            if title is not None and title.kind == "title":
                self.memory.titles[title.term] = actors[0]
        if remember:
            for actor in actors:
                self.memory.remember(actor, _person_name(token) if actor.kind == "person" else actor.name,
                                     sentence_key(token))
                if actor.kind != "person" and actor.country != "---" and any(
                        t.ent_type_ == "PERSON" for t in (token, *(c for c in token.children if c.dep_ == "appos"))):
                    self.memory.people_seen.append(actor)  # "Sudan's army chief, General al-Burhan"
        return actors

    def _resolve(self, token: Token, depth: int) -> list[Actor]:
        if depth > 3:
            return []
        match = self.names.get(token.i)
        if match is not None and not self._inside_larger_name(token, match):
            return [self._from_name(token, match)]
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            governing = self._governing_subject(token, depth, people=True)
            if governing:
                return governing
            return [self.memory.last_person] if self.memory.last_person is not None else []
        if lower in GROUP_PRONOUNS:
            if token.dep_ == "poss":  # "weapons to Russia for *its* war": the nearest party named before
                return self._preceding_party(token, depth) or self._governing_subject(token, depth, people=False)
            governing = self._governing_subject(token, depth, people=False)
            if not governing and lower in ("it", "they") and token.dep_ == "nsubj" and token.i == token.sent.start:
                # "China's Commerce Ministry said ... *It* accused Washington": the last party that spoke
                return [self.memory.last_party] if self.memory.last_party is not None else []
            return governing
        if token.pos_ not in ("PROPN", "PRON") and token.text[:1].isupper() \
                and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            known = self.memory.recall(token.text)  # a surname the tagger took for something else ("Todd")
            if known is not None:
                return [known]
        if _lemma(token) in ORGANISATION_ANAPHORS and self.memory.last_organisation is not None \
                and [c.lower_ for c in token.children if c.i < token.i and c.dep_ != "punct"] == ["the"]:
            return [self.memory.last_organisation]  # "*the bloc* said", after "the European Union"
        group = self._numbered_group(token)
        if group:
            return group
        partner = self._partner(token, depth)
        if partner:
            return partner
        phrased = phrases.resolve_phrase(self, token, depth)
        if phrased:
            return phrased
        named = [a for c in token.children if c.dep_ == "appos" and c.i > token.i
                 for a in self._resolve(c, depth + 1) if a.kind == "person" and a.country != "---"]
        if named:
            return named
        role = self.role_of(token)
        countries = self._countries_of(token, depth)
        if token.ent_type_ == "PERSON" or (
                token.pos_ == "PROPN" and role is None and (not countries or _name_like(token))):
            known = self.memory.recall(_surface(token))
            if known is not None:
                return [known]
            if role is None:  # "Venezuela's Yvan Gil": a person of that country, role unknown
                return self._from_apposition(token, depth) or [
                    Actor(c.code[:3], _surface(token), "person") for c in countries
                    if _name_like(token) and c.code[:3].isalpha() and len(c.code) <= 6
                    and not c.code.startswith(("IGO", "NGO", "MNC"))]
            if not countries:  # a titled person of no known country: "President Reagan" -> ---GOV
                return self._from_apposition(token, depth) or [Actor("---" + role.role, _surface(token), "person")]
            return [Actor(combine(c, role, "").code, _surface(token), "person") for c in countries]
        if role is None:
            return []
        if not countries:
            titled = self.memory.titles.get(role.term) if any(c.lower_ == "the" for c in token.children) else None
            if titled is not None:  # "*the crown prince*" after "Crown Prince Mohammed bin Salman"
                return [titled]
            stateless = [Actor("---" + role.role, _phrase(token), "role")] if role.role in STATELESS_ROLES else []
            return self._from_apposition(token, depth) or stateless
        return [combine(country, role, _phrase(token)) for country in countries]

    def _partner(self, token: Token, depth: int) -> list[Actor]:
        """ "*his counterpart*", "*his host*": the last person named from another country than the
        possessor's, when the phrase names no country of its own ("his Chinese counterpart" does)."""
        if _lemma(token) not in PARTNER_WORDS:
            return []
        owners = [c for c in token.children if c.dep_ == "poss"]
        if not owners or any(self.names.get(c.i) for c in _modifiers(token) if c.dep_ != "poss"):
            return []
        own = {a.country for a in self._resolve(owners[0], depth + 1)}
        if not own:
            return []
        other = next((a for a in reversed(self.memory.people_seen) if a.country not in own), None)
        return [other] if other is not None else []

    def _preceding_party(self, pronoun: Token, depth: int) -> list[Actor]:
        """The country or organisation named last before a possessive "its"/"their" in its sentence."""
        for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ in ("compound", "amod"):
                continue
            owner = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None
            if owner is not None and owner.pos_ in ("NOUN", "PROPN"):  # "demonstrators *in Baghdad*"
                owned = [a for a in self._resolve(owner, depth + 1) if a.kind != "person"]
                if owned:
                    return owned
            actors = [a for a in self._resolve(token, depth + 1) if a.kind != "person"]
            if actors:
                return actors
        return []

    def _governing_subject(self, pronoun: Token, depth: int, people: bool) -> list[Actor]:
        """The actor that is the subject of a clause above ``pronoun``: a country or organisation
        named before it for "it"/"they", a person for "he"/"his", who may also come after it when
        the pronoun opens the sentence ("In *his* meeting with Wang, *Putin* said ...")."""
        node = pronoun
        for _ in range(6):
            if node.head is node:
                return []
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for subject in node.children:
                if subject.dep_ != "nsubj" or subject.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS:
                    continue
                if subject.i > pronoun.i and not (people and pronoun.i < node.i and subject.i < node.i):
                    continue
                actors = [a for a in self._resolve(subject, depth + 1) if (a.kind == "person") == people]
                if actors:
                    return actors
        return []

    def _inside_larger_name(self, token: Token, match: NameMatch) -> bool:
        """A country inside an organisation's name ("Moscow State University") is not the actor."""
        if token.ent_type_ not in ("ORG", "FAC") or match.entry.kind in ("person", "organization", "group"):
            return False
        entity_end = token.i
        while entity_end + 1 < len(token.doc) and token.doc[entity_end + 1].ent_iob_ == "I" \
                and token.doc[entity_end + 1].dep_ != "case":  # "Abu Dhabi*'s*" is no larger name
            entity_end += 1
        return bool(entity_end >= match.end)

    def _from_name(self, token: Token, match: NameMatch) -> Actor:
        entry = match.entry
        surface = token.doc[match.start:match.end].text
        if entry.kind == "person":
            phrase = _surface(token) if token.i == match.end - 1 else surface
            day = self.memory.day
            code = entry.code_on(day)
            if day is not None and entry.offices and not any(o.covers(day) for o in entry.offices):
                code = self._stated_office(token, match, code) or code
            return Actor(code, phrase if len(phrase) > len(surface) else surface, "person")
        kind = {"capital": "role", "seat": "role", "adjective": "country"}.get(entry.kind, entry.kind)
        if entry.kind == "adjective" and token.dep_ not in ("amod", "compound", "poss"):
            kind = "people"  # "*Nigerians* protested": the people, not the state
        return Actor(entry.code, surface, kind)

    def _stated_office(self, token: Token, match: NameMatch, nearest: str) -> str | None:
        """The office the text gives a person who held none of the lexicon's offices on the day:
        "*U.N. envoy* Julie Bishop" (IGOUNO), "*former* President Thabo Mbeki" (ZAFELI, an elite)."""
        before = [t for t in token.doc[token.left_edge.i:match.start] if t.dep_ not in ("det", "punct")]
        if any(t.lower_ in ("former", "ex", "ex-") for t in before):
            return nearest[:3] + "ELI" if nearest[:3].isalpha() and not nearest.startswith("IGO") else None
        role = self.role_of(token)
        named = [m for t in before if (m := self.names.get(t.i)) is not None and m.entry.kind != "person"]
        if role is None or not named:
            return None
        return combine(self._from_name(token.doc[named[0].end - 1], named[0]), role, "").code

    def role_of(self, token: Token) -> Role | None:
        """The role a head noun or a title before it carries ("Foreign Minister Wang Yi")."""
        tokens = [*_modifiers(token), token]
        found: list[tuple[int, int, Role]] = []  # (end, size, role) of the longest term at each start
        for start in range(len(tokens)):
            for size in range(min(len(tokens) - start, self.lexicon.max_role_tokens), 0, -1):
                key = tuple(_lemma(t) for t in tokens[start:start + size])
                role = self._role_term(key)
                if role is not None:
                    named = role.role == "CVL" and all(t.pos_ == "PROPN" for t in tokens[start:start + size]) \
                        and token.pos_ == "PROPN"  # "the *People* Power Party" names a party, not people
                    if (role.role != PEOPLE_ROLE or start + size == len(tokens)) and not named:  # "Muslim leaders"
                        found.append((start + size, size, role))
                    break
        if not found:
            return None
        # the term nearest the head wins, the longest of those ("police officer" over "officer")
        end, _, best = max(found, key=lambda f: (f[0], f[1]))
        if best.kind == "leader":  # "military leaders", "Islamist leaders": the modifier's role
            qualifier = [r for e, _, r in found if e < end and r.role not in ("GOV", PEOPLE_ROLE)]
            if qualifier:
                return qualifier[-1]
        return best

    def _role_term(self, key: tuple[str, ...]) -> Role | None:
        singular = (*key[:-1], _singular(key[-1]))
        roles = self.lexicon.roles
        return (roles.get(key) or roles.get(singular) or phrases.EXTRA_ROLES.get(key)
                or phrases.EXTRA_ROLES.get(singular))

    def _countries_of(self, token: Token, depth: int) -> list[Actor]:
        found: list[Actor] = []
        for child in _modifiers(token):
            match = self.names.get(child.i)
            if match is not None and phrases.backer(child, token):
                continue  # "the *al-Qaeda-linked* Somali group" is Somali
            if match is not None and match.entry.kind != "person":
                actor = self._from_name(child, match)
                if actor not in found:
                    found.append(actor)
            elif child.dep_ == "poss" and match is None:
                found.extend(self._resolve(child, depth + 1))
        if not found and _lemma(token) in GOVERNMENT_BODIES:  # "the Obama administration"
            found = [Actor(a.code[:3], a.name, "country") for a in phrases.named_people(self, token)]
        if found:
            return phrases.without_regions(found)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS:
                for obj in (o for p in child.children if p.dep_ == "pobj" for o in self.expand(p)):
                    if obj.dep_ in ("pobj", "conj"):  # "the ministers of Venezuela *and Guyana*"
                        resolved = self._resolve(obj, depth + 1)
                        if not resolved and child.lower_ in ("of", "from") and depth < 3:
                            # "members from *Kenya's* ruling party": the country of the body named
                            resolved = [a for a in self._countries_of(obj, depth + 1) if a.kind != "person"]
                        found.extend(resolved)
        return found

    def _numbered_group(self, token: Token) -> list[Actor]:
        """ "the two presidents", "both sides", "the three countries", "the two (signed)"."""
        if token.lower_ in ("two", "three") and token.dep_ in ("nsubj", "nsubjpass") and any(
                c.lower_ == "the" for c in token.children):  # "... and *the two* signed an agreement"
            return self.memory.main_actors(NUMBER_WORDS[token.lower_], people=True)
        if _lemma(token) not in GROUP_WORDS or token.tag_ not in ("NNS", "NNPS"):
            return []
        count = next((NUMBER_WORDS[c.lower_] for c in token.children if c.lower_ in NUMBER_WORDS), 0)
        if not count:
            return []
        people = _lemma(token) in PEOPLE_WORDS
        named = self._last_people(token, count) if people and count >= 3 else []
        if named:  # "the four ministers" after "Blinken and Austin hosted Cho and Kim": of two countries
            return list({a.country: a for a in named}.values())
        if count >= 3 and count in self.memory.groups:
            return self.memory.groups[count]
        return self.memory.main_actors(count, people)

    def _last_people(self, token: Token, count: int) -> list[Actor]:
        """The last ``count`` different people named in the paragraph before ``token``, or none."""
        found: dict[int, Actor] = {}
        for i in range(token.i - 1, -1, -1):
            match = self.names.get(i)
            if match is None or match.entry.kind != "person" or match.start in found or i != match.end - 1:
                continue
            actor = self._from_name(token.doc[i], match)
            if actor.country != "---":
                found[match.start] = actor
            if len(found) == count:
                return list(found.values())
        return []

    def _from_apposition(self, token: Token, depth: int) -> list[Actor]:
        for child in token.children:
            if child.dep_ == "appos":
                return self._resolve(child, depth + 1)
        return []

    def expand(self, token: Token) -> Iterator[Token]:
        """A head and the heads conjoined with it ("Putin and Xi", "Russia, China and Mongolia")."""
        yield token
        for child in token.children:
            if child.dep_ == "conj" or (child.dep_ == "appos" and self._both_countries(token, child)):
                yield from self.expand(child)

    def _both_countries(self, token: Token, other: Token) -> bool:
        """ "The US, Russia and Switzerland" is often parsed as an apposition: a list, not a renaming."""
        kinds = [m.entry.kind if m else None for m in (self.names.get(token.i), self.names.get(other.i))]
        return kinds == ["country", "country"]


def _modifiers(token: Token) -> list[Token]:
    """The tokens of a noun phrase before its head, without determiners and punctuation."""
    start = token.left_edge.i
    return [t for t in token.doc[start:token.i] if t.dep_ not in ("det", "punct", "cc", "case", "prep")]


def _phrase(token: Token) -> str:
    """A head noun with its left modifiers, without the determiner: "Russian lawmakers"."""
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ in ("det", "punct", "cc"):
        start += 1
    return str(token.doc[start:token.i + 1].text)


def _person_name(token: Token) -> str:
    if token.ent_type_ == "PERSON":
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return str(ent.text)
    return _surface(token)


def _lemma(token: Token) -> str:
    return str(token.lemma_ if token.pos_ not in ("PROPN",) else token.text).lower()


def _singular(word: str) -> str:
    """A plural noun's singular, for role words the tagger took for names ("Rebels" at the start of
    a sentence is tagged PROPN and keeps its plural)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _surface(token: Token) -> str:
    """The name part of a noun phrase: the head and its compound/flat modifiers."""
    left = token
    for child in token.lefts:
        if child.dep_ in ("compound", "flat") and child.i < left.i:
            left = child
    return str(token.doc[left.i:token.i + 1].text)
