"""Appeals that take their code from a common phrase of what is asked (sentences written for these
tests)."""

from __future__ import annotations

import pytest
from tests.events.test_coder import code

from geopol.pipeline import Pipeline


@pytest.mark.parametrize(("text", "expected"), [
    ("The State Department urged India and Pakistan to respect the ceasefire.", ("USAGOV", "0256", "IND")),
    ("Norway urged Colombia to return to the negotiating table with the rebels.", ("NOR", "026", "COL")),
])
def test_appeals_for_a_ceasefire_or_for_talks(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in code(pipeline, text)
