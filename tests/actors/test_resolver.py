"""Actor resolution on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from geopol.pipeline import Pipeline


def _pairs(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in pipeline.extract_text(text, dt.date(2024, 5, 20)).events}


def test_capital_inside_an_institution_gives_the_country_not_the_government(pipeline: Pipeline) -> None:
    assert ("RUSEDU", "JPN") in _pairs(pipeline, "A professor at Moscow State University criticised Japan.")


def test_capital_as_a_modifier_of_a_role(pipeline: Pipeline) -> None:
    assert ("CHNLEG", "PHL") in _pairs(pipeline, "Beijing lawmakers criticised the Philippines.")
