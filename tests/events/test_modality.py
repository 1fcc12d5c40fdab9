"""Modality from the parse: negation, intention, hypothesis, fear."""

from __future__ import annotations

import datetime as dt

import pytest

from geopol.events.modality import modality
from geopol.pipeline import Pipeline


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Chile criticised Peru.", "criticised", "asserted"),
    ("Chile did not criticise Peru.", "criticise", "negated"),
    ("Chile will criticise Peru.", "criticise", "intended"),
    ("Chile plans to visit Peru.", "visit", "intended"),
    ("Chile is to sign a treaty with Peru.", "sign", "intended"),
    ("Chile could attack Peru.", "attack", "hypothetical"),
    ("Officials fear that Chile will attack Peru.", "attack", "feared"),
    ("If Chile attacks Peru, prices will rise.", "attacks", "hypothetical"),
    ("Chile said it would visit Peru.", "visit", "intended"),
])
def test_modality(pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert modality(token) == expected


def test_action_only_discussed_is_not_done(pipeline: Pipeline) -> None:
    result = pipeline.extract_text("Chile and Peru discussed expanding trade ties on Monday.", dt.date(2024, 5, 15))
    assert {e.code[:2] for e in result.events} == {"04"}
