"""The trigger vocabulary (verbs.tsv) on ordinary news English: each sentence, written for these
tests, must come out with the most specific CAMEO code its words support."""

from __future__ import annotations

import pytest
from tests.events.test_coder import code

from geopol.pipeline import Pipeline


def codes_of(pipeline: Pipeline, text: str) -> set[str]:
    return {c for _, c, _ in code(pipeline, text)}


def found(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> bool:
    """The event with its full code, its actors compared by country (roles belong to the resolver)."""
    source, cameo, target = event
    return (source[:3], cameo, target[:3]) in {(s[:3], c, t[:3]) for s, c, t in code(pipeline, text)}


@pytest.mark.parametrize(("text", "event"), [
    # 01 statements with a target, 02 appeals specialised by what is asked for
    ("Saudi Arabia reaffirmed its support for Yemen.", ("SAU", "051", "YEM")),
    ("The Chilean president called for the resignation of the Bolivian interior minister.",
     ("CHLGOV", "0241", "BOLGOV")),
    ("Jordan called for the withdrawal of Israeli troops from the West Bank.", ("JOR", "0256", "ISRMIL")),
    ("Serbian refugees sought asylum in Hungary.", ("SRBREF", "1033", "HUN")),
    # 04 consultations and 05 agreements
    ("The Russian president spoke to the Chinese leader by phone on Tuesday.", ("RUSGOV", "041", "CHNGOV")),
    ("Cuba hammered out an agreement with Mexico on migration.", ("MEX", "057", "CUB")),
    ("Japan and South Korea agreed on a deal to share intelligence.", ("JPN", "057", "KOR")),
    ("The Belgian government opened its embassy in Rwanda.", ("BELGOV", "054", "RWA")),
])
def test_cooperative_statements_appeals_and_diplomacy(pipeline: Pipeline, text: str,
                                                       event: tuple[str, str, str]) -> None:
    assert found(pipeline, text, event)


@pytest.mark.parametrize(("text", "event"), [
    # 06-08 material cooperation, aid and yielding
    ("Vietnam and Japan agreed to expand trade.", ("VNM", "0311", "JPN")),
    ("Ecuador granted a loan to Peru.", ("ECU", "071", "PER")),
    ("The Indian army retreated from the disputed border area.", ("INDMIL", "0874", "---")),
    ("Rebels laid down their arms and surrendered to Congolese troops.", ("---REB", "0874", "CODMIL")),
    ("Ukraine's parliament lifted martial law in the eastern regions.", ("UKRLEG", "0814", "---")),
    ("Zimbabwe's president announced his resignation on Tuesday.", ("ZWEGOV", "0831", "---")),
])
def test_material_cooperation_and_yielding(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert found(pipeline, text, event)


@pytest.mark.parametrize(("text", "event"), [
    # 09 investigations: the object or the kind of inquiry picks the sub-code
    ("Nigerian prosecutors opened a corruption investigation into the former oil minister.",
     ("NGAJUD", "091", "---")),
    ("The UN dispatched inspectors to Iraq.", ("IGOUNO", "090", "IRQ")),
    ("Mexico's president ordered an investigation into the killing of the journalists.",
     ("MEXGOV", "090", "---MED")),
    # 11 accusations by what is alleged, official complaints
    ("Pakistan accused India of war crimes in Kashmir.", ("PAK", "1124", "IND")),
    ("Turkey accused Greece of espionage.", ("TUR", "1125", "GRC")),
    ("Britain summoned the Iranian ambassador and lodged a formal protest.", ("GBR", "114", "IRNGOV")),
])
def test_investigations_and_accusations(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert found(pipeline, text, event)


@pytest.mark.parametrize(("text", "event"), [
    # 14 protest: strikes and sit-ins are not military strikes
    ("Workers in Greece staged a general strike against the government.", ("GRCLAB", "143", "---")),
    ("Indian doctors went on strike against the government.", ("INDHLH", "143", "---")),
    ("The Kurdish activist went on hunger strike in a Turkish prison.", ("---OPP", "142", "TUR")),
    ("Hundreds of Egyptian students staged a sit-in outside the Israeli embassy.", ("EGYEDU", "141", "ISRGOV")),
    # 15 force posture
    ("The Philippines put its armed forces on high alert after China's move.", ("PHL", "152", "PHLMIL")),
    ("Russia called up reservists near the Finnish border.", ("RUS", "154", "FIN")),
    ("North Korea conducted a missile test on Friday.", ("PRK", "150", "---")),
    # 16 reduced relations, 17 administrative coercion
    ("Hungary withdrew its ambassador from Ukraine.", ("HUN", "161", "UKR")),
    ("The Kenyan government declared a state of emergency in Mombasa.", ("KENGOV", "1724", "KEN")),
    ("Venezuela dissolved the main opposition party.", ("VEN", "1722", "---OPP")),
])
def test_protest_posture_and_coercion(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert found(pipeline, text, event)


@pytest.mark.parametrize(("text", "event"), [
    # 18-19 violence: the kind of attack picks the sub-code
    ("Iraqi gunmen carried out a suicide attack on a Turkish convoy.", ("IRQREB", "1831", "TUR")),
    ("Militants carried out a failed assassination attempt on the Afghan governor.", ("---REB", "185", "AFGGOV")),
    ("Israel and Hezbollah exchanged fire across the border.", ("ISR", "193", "LBNREB")),
    ("Syrian troops opened fire on protesters in Homs.", ("SYRMIL", "190", "---OPP")),
])
def test_violence_sub_codes(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert found(pipeline, text, event)


@pytest.mark.parametrize(("text", "wrong"), [
    ("Workers in Greece staged a general strike against the government.", "190"),  # not a military strike
    ("Germany signed a cooperation agreement with France on Monday.", "060"),  # the signing is the event
    ("The Indian army retreated from the disputed border area.", "087"),  # 0874 is more specific
])
def test_specific_entry_wins_over_the_general_one(pipeline: Pipeline, text: str, wrong: str) -> None:
    assert wrong not in codes_of(pipeline, text)


@pytest.mark.parametrize("text", [
    "Analysts expressed fears that the deal between the two companies could collapse.",
    "Before leaving for Lagos, the Ghanaian minister gave a speech.",
])
def test_ambiguous_words_are_not_events_alone(pipeline: Pipeline, text: str) -> None:
    assert not {c for c in codes_of(pipeline, text) if c[:2] in ("04", "05")}
