"""Actor resolution of the ordinary ways news names who acts: national forms, "the republic of
X", "members of X", titles, stateless organisations, regions, well-known groups."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.actors.test_resolver import _pairs

from geopol.actors.resolver import DocumentMemory
from geopol.pipeline import Pipeline

DAY = dt.date(1996, 4, 10)


def _codes(pipeline: Pipeline, text: str, head: str) -> set[str]:
    """The codes of the noun phrase headed by the word ``head`` in ``text``."""
    doc = pipeline.nlp(text)
    actors = pipeline.sentence_actors(doc, DocumentMemory(DAY))
    token = next(t for t in doc if t.text == head)
    return {a.code for a in actors.resolve(token, remember=False)}


@pytest.mark.parametrize(("text", "head", "codes"), [
    # national forms with role nouns
    ("Serb gunships shelled the valley.", "gunships", {"SRBMIL"}),
    ("Egyptian officers inspected the border.", "officers", {"EGYMIL"}),
    ("Police officers from Ghana guarded the stadium.", "officers", {"GHACOP"}),
    ("Soviet aircraft flew over the border.", "aircraft", {"SUNMIL"}),
    ("Chadian riot police dispersed the crowd.", "police", {"TCDCOP"}),
    ("Nigerian military leaders met at the barracks.", "leaders", {"NGAMIL"}),
    ("Moroccan fishermen and Turkish tanks were seen.", "tanks", {"TURMIL"}),
    # peoples of a country
    ("Iraqi Kurds marched to the city hall.", "Kurds", {"IRQ"}),
    ("Shiites in Lebanon marched to the square.", "Shiites", {"LBN"}),
    # the state named in full
    ("The Kingdom of Norway signed the charter.", "Kingdom", {"NOR"}),
    ("The republic of Estonia left the union.", "republic", {"EST"}),
    # members, supporters, representatives
    ("Members of parliament from Ghana's ruling party walked out.", "Members", {"GHALEG"}),
    ("Supporters of Slobodan Milosevic blocked the road.", "Supporters", {"SRBCVL"}),
    ("Supporters of the Kurdistan Workers' Party blocked the road.", "Supporters", {"TURREB"}),
    ("Representatives from Peru arrived in the capital.", "Representatives", {"PER"}),
    ("Nurses from a Canadian aid group arrived at the camp.", "Nurses", {"CANHLH"}),
    # leaders' bodies
    ("The Obama administration announced the plan.", "administration", {"USAGOV"}),
    # stateless organisations and groups
    ("A relief agency appealed for calm.", "agency", {"---NGO"}),
    ("A rights organisation appealed for calm.", "organisation", {"---HRI"}),
    ("Islamic fundamentalists appealed for calm.", "fundamentalists", {"---OPP"}),
    # regions
    ("Asian diplomats appealed for calm.", "diplomats", {"ASAGOV"}),
    ("A European court ruled on the case.", "court", {"EURJUD"}),
    ("Arab intellectuals signed the letter.", "intellectuals", {"ARBEDU"}),
    ("African states signed the charter.", "states", {"AFR"}),
    ("The US Middle East envoy arrived.", "envoy", {"USAGOV"}),
    # organisations named in a longer phrase
    ("The al-Qaeda terror network issued a statement.", "network", {"IMGMUSALQ"}),
    ("The Asia-Pacific Economic Cooperation (APEC) forum issued a statement.", "forum", {"IGOAPEC"}),
    ("Hezbollah fighters crossed the river.", "fighters", {"LBNREB"}),
])
def test_phrases_resolve_to_actors(pipeline: Pipeline, text: str, head: str, codes: set[str]) -> None:
    assert _codes(pipeline, text, head) == codes


@pytest.mark.parametrize(("name", "code"), [
    ("Interpol", "IGOCOPITP"), ("OSCE", "IGOEURSCE"), ("Red Cross", "NGOHLHIRC"),
    ("Amnesty International", "NGOHRIAMN"), ("Human Rights Watch", "NGOHRI"), ("Oxfam", "NGOXFM"),
    ("UNITA", "AGOREB"), ("PKK", "TURREB"), ("Hezbollah", "LBNREB"), ("Hamas", "PSEREBHMS"),
    ("Khmer Rouge", "KHMREB"), ("Kosovo Liberation Army", "XKXREB"), ("Renamo", "MOZREB"),
])
def test_well_known_organisations(pipeline: Pipeline, name: str, code: str) -> None:
    text = f"The {name} issued a statement."
    assert _codes(pipeline, text, name.split()[-1]) == {code}


@pytest.mark.parametrize(("text", "head"), [
    ("The state of emergency was lifted.", "state"),  # not a country after "of"
    ("Muslim leaders gathered at the mosque.", "leaders"),  # a people as modifier is no country
    ("Thousands of Sunnis gathered at the mosque.", "Sunnis"),  # a people alone is not coded
    ("The country's president arrived.", "country"),
    ("Members of the public gathered outside.", "Members"),
])
def test_phrases_that_name_no_actor(pipeline: Pipeline, text: str, head: str) -> None:
    assert _codes(pipeline, text, head) == set()


def test_compound_role_wins_over_its_last_word(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Intelligence officers from Peru arrived.", "officers") == {"PERSPY"}
    assert _codes(pipeline, "Opposition leader Ana Vidal arrived.", "Vidal") == {"---OPP"}


@pytest.mark.parametrize(("text", "head", "codes"), [
    ("Vice-President Ana Vidal arrived.", "Vidal", {"---GOV"}),
    ("Former Peruvian President Ana Vidal arrived.", "Vidal", {"PERGOV"}),
    ("Prime-Minister Ana Vidal arrived.", "Vidal", {"---GOV"}),
])
def test_titled_unknown_people(pipeline: Pipeline, text: str, head: str, codes: set[str]) -> None:
    assert _codes(pipeline, text, head) == codes


def test_events_from_phrase_actors(pipeline: Pipeline) -> None:
    assert ("KENLEG", "UGA") in _pairs(pipeline, "Members of parliament from Kenya's ruling party criticised Uganda.")
    assert ("IRQ", "TUR") in _pairs(pipeline, "Iraqi Kurds accused Turkey of shelling their farms.")
    text = "An international relief agency criticised the Sudanese government."
    assert ("---NGO", "SDNGOV") in _pairs(pipeline, text)


def test_a_role_word_inside_a_party_name_is_not_its_role(pipeline: Any) -> None:
    found = pipeline.extract_text("The opposition People Power Party criticised Lee Jae-myung on Monday.", None)
    assert found.events and {e.source for e in found.events} <= {"---OPP", "KOROPP"}
