"""The accuracy gate: geopol's scores on the shared evaluation sets stay above pinned floors.

The floors live in ``accuracy_floors.json``; a change may raise them but not lower them
below the minimums the project's issues set (``ISSUE_MINIMUMS``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geopol.ingest import iter_inputs
from geopol.output import EventWriter

FLOORS_FILE = Path(__file__).with_name("accuracy_floors.json")
ISSUE_MINIMUMS = {
    "seeds": {"L1.f1": 0.60},
    "petr2_gsr": {"L1.f1": 0.45},
    "cameo_examples": {"L1.f1": 0.40},
}
SETS = {
    # name: (documents, gold, score with --ignore-actors)
    "seeds": ("corpus/seeds.jsonl", "eval/seeds/gold.jsonl", False),
    "petr2_gsr": ("eval/petr2_gsr/docs.jsonl", "eval/petr2_gsr/gold.jsonl", False),
    "cameo_examples": ("eval/cameo_examples/docs.jsonl", "eval/cameo_examples/gold.jsonl", True),
}


def floors() -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return {name: values for name, values in data.items() if not name.startswith("_")}


def metric(result: dict[str, object], name: str) -> float:
    value: object = result
    for part in name.split("."):
        assert isinstance(value, dict)
        value = value[part]
    assert isinstance(value, (int, float))
    return float(value)


def score(pipeline: object, shared: Path, name: str, tmp_path: Path) -> dict[str, object]:
    docs, gold, ignore_actors = SETS[name]
    output = tmp_path / f"{name}.jsonl"
    with output.open("w", encoding="utf-8") as stream:
        writer = EventWriter(stream, "jsonl")
        for result in pipeline.process(iter_inputs([str(shared / docs)])):  # type: ignore[attr-defined]
            for event in getattr(result, "events", ()):
                writer.write(event)
    command = [sys.executable, str(shared / "eval" / "score.py"), str(shared / gold), str(output), "--json"]
    if ignore_actors:
        command.append("--ignore-actors")
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def test_floors_are_not_below_the_issue_minimums() -> None:
    pinned = floors()
    for name, minimums in ISSUE_MINIMUMS.items():
        for key, minimum in minimums.items():
            assert pinned[name][key] >= minimum, f"{name} {key} floor lowered below {minimum}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_floors(name: str, pipeline: object, shared: Path, tmp_path: Path) -> None:
    result = score(pipeline, shared, name, tmp_path)
    for key, floor in floors()[name].items():
        measured = metric(result, key)
        assert measured >= floor, f"{name}: {key} is {measured:.3f}, below the pinned floor {floor}"
