"""CAMEO code arithmetic for the coder: how an action's code becomes the code of a promise (03x),
an appeal (02x), a demand (10x), a rejection (12x) or a threat (13x) of it, and the groups of roots
that coding rules refer to. Facts of the CAMEO codebook's layout, kept apart from the grammar."""

from __future__ import annotations

from typing import Any

from geopol.events.syntax import lemma_of, pobjs

Token = Any

INTENT_BY_ROOT = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035", "14": "133",
                  "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
INTENT_SPECIFIC = {"061": "0311", "062": "0312", "063": "0313", "064": "0314",
                   "071": "0331", "072": "0332", "073": "0333", "074": "0334",
                   "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
                   "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
                   "051": "032", "052": "032", "045": "039", "046": "036",
                   "163": "1312", "161": "1313", "162": "1311", "164": "134", "165": "135", "166": "136",
                   "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
                   "191": "1381", "192": "1382", "195": "1384", "190": "1384"}

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
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
"""Violence: an attack whose author the text does not name is still an event (by ``---``)."""
HOSTILE_ROOTS = frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
"""Conflictual roots: an event noun of these with a national adjective is an event by that nation
("Israeli air strikes"); cooperative nouns so modified are often background ("Chinese investments")."""


def action_code(root: str, action: str) -> str | None:
    """The code of an appeal, demand, rejection or threat (``root``) of an action coded ``action``."""
    table = SPECIALISED_BY_ACTION[root]
    for size in (4, 3, 2):
        suffix = table.get(action[:size])
        if suffix is not None:
            return root + suffix
    return None


YIELD_TO_DEMAND = {"104": "083", "1041": "0831", "1042": "0832", "1043": "0833", "1044": "0834",
                   "1051": "081", "1052": "082", "1053": "084", "1054": "085", "1055": "086", "1056": "087"}
"""What yielding to a demand does (08x), by the demand's code (10x): the mirror of REQUEST_SUFFIXES."""


def yield_code(action: str) -> str | None:
    """The code of yielding (08x) to a demand or request for an action coded ``action``."""
    if action[:2] == "08":
        return action
    for size in (4, 3):
        if action[:size] in YIELD_TO_DEMAND:
            return YIELD_TO_DEMAND[action[:size]]
    return None


def intent_code(code: str) -> str | None:
    """The CAMEO 'express intent' code for a planned action, or None when there is none."""
    if code[:2] in ("01", "02", "03"):
        return code
    for size in (4, 3):
        if code[:size] in INTENT_SPECIFIC:
            return INTENT_SPECIFIC[code[:size]]
    return INTENT_BY_ROOT.get(code[:2])

NO_UNKNOWN_TARGET_ROOTS = frozenset({"01", "02", "11", "12"})
"""Statements, appeals, criticism and rejections are events only with a clear target (GUIDELINES.md,
"Event codes": an event is one actor doing something to another)."""


COOPERATION_DOMAINS = {
    "nuclear": "061", "energy": "061", "trade": "061", "economic": "061", "economy": "061", "investment": "061",
    "finance": "061", "financial": "061", "gas": "061", "oil": "061", "industry": "061", "infrastructure": "061",
    "military": "062", "defence": "062", "defense": "062", "arm": "062", "weapon": "062",
    "judicial": "063", "legal": "063", "extradition": "063", "intelligence": "064",
}
"""The field of a cooperation ("cooperation *in energy*", "*in civil nuclear programs*"): CAMEO's
material-cooperation sub-codes (061 economic, 062 military, 063 judicial, 064 intelligence)."""


def cooperation_domain(noun: Token) -> str | None:
    """The CAMEO code of the field named in a cooperation's "in"/"on" phrase, if any."""
    if lemma_of(noun) not in ("cooperation", "partnership", "collaboration"):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
            continue
        for obj in pobjs(prep):
            for word in (obj, *obj.children):
                if word is obj or word.dep_ in ("amod", "compound", "conj"):
                    code = COOPERATION_DOMAINS.get(lemma_of(word))
                    if code is not None:
                        return code
    return None
