"""Modality from the parse: negation, intention, hypothesis, fear."""

from __future__ import annotations

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
