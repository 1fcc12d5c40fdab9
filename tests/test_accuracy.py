"""The accuracy gate: geopol's scores on the shared evaluation sets stay above pinned floors.

The floors live in ``accuracy_floors.json`` with their history; a change may raise a floor
(and record it in the history) but never set it below a value it had before.
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
SETS = {
    # name: (documents, gold, score with --ignore-actors)
    "seeds": ("corpus/seeds.jsonl", "eval/seeds/gold.jsonl", False),
    "petr2_gsr": ("eval/petr2_gsr/docs.jsonl", "eval/petr2_gsr/gold.jsonl", False),
    "cameo_examples": ("eval/cameo_examples/docs.jsonl", "eval/cameo_examples/gold.jsonl", True),
    # geopol's own held-out articles (tests/data, written for geopol; paths from the repository)
    "heldout": ("tests/data/heldout/docs.jsonl", "tests/data/heldout/gold.jsonl", False),
    "heldout2": ("tests/data/heldout2/docs.jsonl", "tests/data/heldout2/gold.jsonl", False),
    "heldout3": ("tests/data/heldout3/docs.jsonl", "tests/data/heldout3/gold.jsonl", False),
    "heldout4": ("tests/data/heldout4/docs.jsonl", "tests/data/heldout4/gold.jsonl", False),
}
REPO = Path(__file__).resolve().parents[1]


def located(path: str, shared: Path) -> Path:
    """A set's file: in the repository when under tests/, else in ../shared."""
    return REPO / path if path.startswith("tests/") else shared / path


def pinned() -> dict[str, dict[str, dict[str, object]]]:
    data: dict[str, dict[str, dict[str, object]]] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return data


def floors() -> dict[str, dict[str, float]]:
    return {name: {k: float(v) for k, v in values.items()}  # type: ignore[arg-type]
            for name, values in pinned()["floors"].items()}


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
        for result in pipeline.process(iter_inputs([str(located(docs, shared))])):  # type: ignore[attr-defined]
            for event in getattr(result, "events", ()):
                writer.write(event)
    command = [sys.executable, str(shared / "eval" / "score.py"), str(located(gold, shared)), str(output), "--json"]
    if ignore_actors:
        command.append("--ignore-actors")
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def test_floors_never_go_below_their_history() -> None:
    history = pinned()["history"]
    for name, values in floors().items():
        assert set(SETS) >= {name}
        for key, floor in values.items():
            earlier = history[name][key]
            assert isinstance(earlier, list) and earlier, f"{name} {key} has no history"
            assert floor >= max(earlier), f"{name} {key} floor {floor} is below its earlier value {max(earlier)}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_floors(name: str, pipeline: object, shared: Path, tmp_path: Path) -> None:
    result = score(pipeline, shared, name, tmp_path)
    for key, floor in floors()[name].items():
        measured = metric(result, key)
        assert measured >= floor, f"{name}: {key} is {measured:.3f}, below the pinned floor {floor}"
