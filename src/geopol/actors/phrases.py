"""Noun phrases that name an actor through another one: "members of Hamas", "supporters of
Milosevic", "representatives from Japan", "the republic of Slovenia", "the al-Qaeda network".

:func:`resolve_phrase` is tried by :class:`geopol.actors.resolver.SentenceActors` on a head noun
before its role lexicon: each pattern looks at the head's lemma and at the actor named in its
"of"/"from" complement or among its modifiers, and returns that actor (or its country with a role).
"""

from __future__ import annotations

from typing import Any

from geopol.actors.lexicon import Role
from geopol.records import Actor

Token = Any

COLLECTIVE_WORDS = frozenset({"group", "dozen", "hundred", "thousand", "ten", "million", "member", "some", "many",
                              "most", "number", "majority", "team", "contingent", "batch", "wing", "faction",
                              "score", "handful", "body", "band", "crowd", "unit", "one", "two", "three"})
"""Heads that stand for the phrase after "of": "a group of Liberians", "dozens of journalists"."""
DELEGATE_WORDS = frozenset({"representative", "delegate", "emissary"})
"""Heads that stand for whom they represent, after "of" or "from": "representatives of the PLO"."""
FOLLOWER_WORDS = frozenset({"supporter", "follower", "loyalist", "sympathizer", "sympathiser", "partisan", "backer"})
"""Heads for the followers of a person or body: the body itself, or the person's country (``CVL``)."""
OPPONENT_WORDS = frozenset({"opponent", "critic", "detractor"})
"""Heads for those against a person or body: its country's opposition (``OPP``): "opponents of
Rwanda's Senate" -> ``RWAOPP``."""
STATE_WORDS = frozenset({"republic", "kingdom", "federation", "principality", "sultanate", "emirate", "state",
                         "nation", "country", "commonwealth", "confederation", "island"})
""" "the republic of Slovenia", "the Kingdom of Morocco": the country after "of"."""
ORGANISATION_HEADS = frozenset({"network", "group", "organization", "organisation", "movement", "forum", "wing",
                                "faction", "alliance", "coalition", "front", "bloc", "cell", "party", "outfit"})
""" "the al-Qaeda terror network", "the APEC forum": an organisation named as a modifier."""
PEOPLE_ROLE = "PPL"
"""The role of nouns for a people or a state as a whole ("Iraqi *Kurds*", "African *states*"): the
country or region they are attached to, with no role (``IRQ``, ``AFR``)."""
ORGANISATION_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
NGO_TERMS = ("ngo", "non-governmental organization", "non-governmental organisation", "nongovernmental organization",
             "nongovernmental organisation", "aid group", "aid agency", "aid organization", "aid organisation",
             "relief agency", "relief group", "relief organization", "relief organisation", "humanitarian group",
             "humanitarian agency", "humanitarian organization", "humanitarian organisation", "charity",
             "civil society group", "civil society organization", "civil society organisation")
"""Nouns for a non-governmental organisation (Phoenix agents: AID_GROUP -> NGODEV, NGO, CIVIL_SOCIETY ->
NGO): role ``NGO``, so "an international aid agency" is ``---NGO``, "an American aid group" ``USANGO``
and "doctors from two American aid groups" ``USAHLH``. Kept here, not in roles.tsv, whose role
codes are those of the CAMEO country actors."""
PEOPLE_TERMS = ("state", "nation", "country", "republic", "kurd", "sunni", "shiite", "shia", "shi'ite", "hutu", "tutsi",
                "muslim", "christian", "jew", "catholic", "protestant", "hindu", "sikh", "tamil", "uighur", "uyghur",
                "pashtun", "baluch", "berber", "druze", "alawite", "copt", "rohingya", "ethnic group", "minority")
"""Nouns for a people or a state as a whole: with a country or region they are it ("Iraqi Kurds" ->
``IRQ``, "African states" -> ``AFR``, "the Yugoslav republic of Macedonia" -> ``MKD``); alone they are
not coded. They count only as the head of a phrase ("Muslim leaders" are leaders)."""
_ORIGIN = "geopol/actors/phrases.py"
EXTRA_ROLES = {
    **{tuple(t.replace("-", " - ").split()): Role(t, "NGO", "noun", _ORIGIN) for t in NGO_TERMS},
    **{tuple(t.split()): Role(t, PEOPLE_ROLE, "noun", _ORIGIN) for t in PEOPLE_TERMS},
}
"""Role terms beside the role lexicon, keyed like it (lower-cased lemmas); the lexicon's win."""
OPPOSING_ROLES = ("OPP", "REB")


def resolve_phrase(actors: Any, token: Token, depth: int) -> list[Actor]:
    """The actors ``token`` stands for through one of the patterns above, or an empty list.
    ``actors`` is the :class:`~geopol.actors.resolver.SentenceActors` resolving the sentence."""
    lemma = _lemma(token)
    if lemma in STATE_WORDS:
        states = _complements(actors, token, depth, ("of",))
        if states and all(a.kind == "country" and len(a.code) == 3 for a in states):
            return states
    if lemma in COLLECTIVE_WORDS or lemma in DELEGATE_WORDS:
        preps = ("of", "from") if lemma in DELEGATE_WORDS else ("of",)
        members = _complements(actors, token, depth, preps)
        if members and any(a.country != "---" for a in members):
            return members
        # "members of parliament from Kenya's ruling party": the role with the head's country
        members = _role_members(actors, token, depth) or members
        if members:
            return members
    if lemma in FOLLOWER_WORDS:
        followed = _complements(actors, token, depth, ("of",)) or _named_modifiers(actors, token)
        return _dedupe([_follower(a) for a in followed])
    if lemma in OPPONENT_WORDS:
        opposed = _complements(actors, token, depth, ("of",))
        return _dedupe([Actor(a.code[:3] + "OPP", a.name, "role") for a in opposed
                        if a.code[:3].isalpha() and not a.code.startswith(ORGANISATION_PREFIXES)])
    if lemma in ORGANISATION_HEADS:
        return [a for a in _named_modifiers(actors, token) if a.kind == "organization"][:1]
    return []


def without_regions(found: list[Actor]) -> list[Actor]:
    """The modifiers' actors without a region when a country is named too: "the US Middle East
    envoy" is an American, not also a Middle Eastern official."""
    if any(a.kind != "group" for a in found):
        return [a for a in found if not (a.kind == "group" and len(a.code) == 3)]
    return found


def combine(country: Actor, role: Role, phrase: str) -> Actor:
    """A country (or organisation) with the role of a noun: "Russian" + lawmakers -> ``RUSLEG``."""
    code = country.code
    if country.kind == "role" and len(code) == 6 and code[:3].isalpha() and not code.startswith(ORGANISATION_PREFIXES):
        code = code[:3]  # "a professor at *Moscow* State University": the capital gives the country only
    if code.startswith(("IGO", "NGO", "MNC")) or len(code) > 3:
        return Actor(code, phrase or country.name, "role")
    if role.role == PEOPLE_ROLE:  # "Iraqi Kurds", "Arab states": the country or region itself
        return Actor(code, phrase or country.name, "people")
    return Actor(code + role.role, phrase or country.name, "role")


def _complements(actors: Any, token: Token, depth: int, preps: tuple[str, ...]) -> list[Actor]:
    return [a for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for o in c.children if o.dep_ == "pobj" for a in actors._resolve(o, depth + 1)]


def _role_members(actors: Any, token: Token, depth: int) -> list[Actor]:
    """ "members of parliament from Kenya's ruling party": the role after "of" with the country
    attached to the head."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            role = actors.role_of(obj) if obj.dep_ == "pobj" else None
            if role is None:
                continue
            countries = [a for a in actors._countries_of(token, depth + 1) if a.kind != "person" and a.country != "---"]
            return _dedupe([combine(c, role, "") for c in countries])
    return []


def _named_modifiers(actors: Any, token: Token) -> list[Actor]:
    """Actors named among the modifiers before the head: "*Milosevic* supporters"."""
    found = []
    for child in token.doc[token.left_edge.i:token.i]:
        match = actors.names.get(child.i)
        if match is not None and child.i == match.end - 1 and not backer(child, token):
            found.append(actors._from_name(child, match))
    return found


BACKING_PARTICIPLES = frozenset({"link", "back", "ally", "affiliate", "inspire", "align", "sponsor",
                                 "support", "fund", "arm", "train", "supply"})
"""Modifiers that name a patron, not the actor: "an *al-Qaeda-linked* group", "*Iran-backed* militias"."""


def backer(modifier: Token, head: Token) -> bool:
    """Whether ``modifier`` names the patron of ``head`` rather than ``head`` itself."""
    node = modifier
    while node.head is not node and node.head is not head and node.head.i < head.i:
        node = node.head
        if node.lemma_.lower() in BACKING_PARTICIPLES and node.tag_ in ("VBN", "VBD", "JJ"):
            return True
    return False


def named_people(actors: Any, token: Token) -> list[Actor]:
    """People of a known country named among the modifiers of ``token``."""
    return [a for a in _named_modifiers(actors, token) if a.kind == "person" and a.code[:3].isalpha()]


def _follower(actor: Actor) -> Actor:
    code = actor.code
    if code.startswith(ORGANISATION_PREFIXES) or len(code) > 6 or actor.kind in ("organization", "group") \
            or code == "---" or len(code) == 3:
        return actor
    if code[3:6] in OPPOSING_ROLES:
        return Actor(code[:6], actor.name, "role")
    return Actor(code[:3] + "CVL", actor.name, "role")


def _dedupe(found: list[Actor]) -> list[Actor]:
    return list(dict.fromkeys(found))


def _lemma(token: Token) -> str:
    return str(token.lemma_ if token.pos_ != "PROPN" else token.text).lower()
