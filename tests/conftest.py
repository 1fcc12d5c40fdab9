"""Shared fixtures: the pipeline (built once per session) and the path of ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data beside the repository; tests needing it skip without it."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Iterator[object]:
    from geopol.pipeline import Pipeline

    yield Pipeline.build()
