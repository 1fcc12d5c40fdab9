"""The gazetteer: place names matched only where the parse says they are places."""

from __future__ import annotations

from pathlib import Path

import spacy

from geopol.pipeline import Pipeline
from geopol.places import Gazetteer

_TOKENIZER = spacy.blank("en").tokenizer


def _blank_tokenize(text: str) -> list[str]:
    return [t.text for t in _TOKENIZER(text)]


def test_builtin_gazetteer_knows_cities_and_their_countries() -> None:
    gazetteer = Gazetteer.load(_blank_tokenize)
    assert gazetteer.names[("Aleppo",)].country == "SYR"
    assert gazetteer.names[("St", "Petersburg")].country == "RUS"
    assert gazetteer.names[("Zurich",)].country == "CHE"


def test_user_gazetteer_file_skips_lines_without_a_country(tmp_path: Path) -> None:
    places = tmp_path / "places.tsv"
    places.write_text("# test\nNew Harbour\tNZL\t12000\nMalformed line without country\n", encoding="utf-8")
    gazetteer = Gazetteer.load(_blank_tokenize, places)
    assert set(gazetteer.names) == {("New", "Harbour")}


def test_match_needs_a_place_context(tmp_path: Path, pipeline: Pipeline) -> None:
    places = tmp_path / "places.tsv"
    places.write_text("Harbour\tNZL\t12000\n", encoding="utf-8")
    gazetteer = Gazetteer.load(_blank_tokenize, places)
    found = gazetteer.match(pipeline.nlp("The ministers met in Harbour on Friday."))
    assert {(m.entry.country, m.supported) for m in found.values()} == {("NZL", True)}
    unsupported = gazetteer.match(pipeline.nlp("Mr Harbour said he would resign."))
    assert unsupported and not any(m.supported for m in unsupported.values())
