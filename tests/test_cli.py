"""The command line end to end: extract, ingest, events, demo, explain, and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geopol.cli import EXIT_FATAL, EXIT_OK, EXIT_REJECTED, main

ARTICLE = (
    "Leaders meet in Cairo\n\nAdvertisement\n\n"
    "Egyptian President Abdel Fattah el-Sisi met Jordanian Foreign Minister Ayman Safadi in Cairo on Sunday.\n\n"
    "Share This Article\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_jsonl_has_the_documented_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cairo.txt").write_text(ARTICLE, encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(tmp_path / "cairo.txt"), "--date", "2024-03-05")
    assert status == EXIT_OK
    rows = [json.loads(line) for line in out.splitlines()]
    found = {(r["source"][:3], r["code"], r["target"][:3]) for r in rows}
    assert found == {("EGY", "040", "JOR"), ("JOR", "040", "EGY"), ("JOR", "042", "EGY")}  # met in Cairo: a visit
    for field in ("doc", "source", "source_name", "target", "target_name", "code", "root", "label", "goldstein",
                  "quad_class", "plover", "date", "sentence", "start", "end", "trigger", "rule"):
        assert field in rows[0]
    assert rows[0]["doc"] == "cairo" and rows[0]["date"] == "2024-03-03"
    assert "Advertisement" not in rows[0]["sentence"]


def test_bad_inputs_are_rejected_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 20)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text('{"id": "a", "text": "Japan condemned North Korea on Monday."}\nnot json\n', encoding="utf-8")
    status, out, err = run(capsys, "extract", str(tmp_path), str(tmp_path / "missing.txt"), "--date", "2024-03-05")
    assert status == EXIT_REJECTED
    docs = {json.loads(line)["doc"] for line in out.splitlines()}
    assert docs == {"good", "a"}
    rejected = [line for line in err.splitlines() if line.startswith("geopol: rejected")]
    assert len(rejected) == 5
    assert any("missing.txt" in line for line in rejected)
    assert any("records.jsonl:2" in line for line in rejected)


def test_ingest_is_idempotent_and_events_can_be_queried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cairo.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "events.db")
    assert run(capsys, "ingest", str(tmp_path / "cairo.txt"), "--db", db, "--date", "2024-03-05")[0] == EXIT_OK
    first = run(capsys, "events", "--db", db, "--format", "jsonl")[1]
    status, _, err = run(capsys, "ingest", str(tmp_path / "cairo.txt"), "--db", db, "--date", "2024-03-05")
    assert status == EXIT_OK and "1 unchanged" in err
    assert run(capsys, "events", "--db", db, "--format", "jsonl")[1] == first
    dyad = run(capsys, "events", "--db", db, "--dyad", "JOR,EGY", "--code", "04", "--format", "jsonl")[1]
    assert len(dyad.splitlines()) == 3  # the meeting both ways, and the Jordanian minister's visit to Cairo
    assert run(capsys, "events", "--db", db, "--actor", "USA", "--format", "jsonl")[1] == ""
    assert run(capsys, "events", "--db", db, "--since", "2024-04-01", "--format", "jsonl")[1] == ""


def test_fatal_errors_have_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "extract", "x.txt", "--model", "no_such_spacy_pipeline")
    assert status == EXIT_FATAL
    assert err.strip().count("\n") == 0 and "no_such_spacy_pipeline" in err
    status, _, err = run(capsys, "events", "--db", str(tmp_path / "none" / "x.db"))
    assert status == EXIT_FATAL and err.startswith("geopol: error:")
    status, _, err = run(capsys, "events", "--db", str(tmp_path / "x.db"), "--dyad", "RUS")
    assert status == EXIT_FATAL and "--dyad" in err


def test_demo_codes_the_builtin_examples(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "demo")
    assert status == EXIT_OK
    assert "DATE" in out.splitlines()[0]
    assert " in 4 example articles" in err
    assert "INDGOV" in out and "FRAGOV" in out


def test_explain_shows_parse_actors_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "Brazil has not condemned Venezuela.", "--date", "2024-01-02")
    assert status == EXIT_OK
    assert "condemned" in out and "nsubj" in out
    assert "modality negated (not emitted" in out


@pytest.mark.slow
def test_plain_seed_files_go_through_extract_and_ingest(shared: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    seeds = shared / "corpus" / "seeds"
    status, out, _ = run(capsys, "extract", str(seeds))
    assert status == EXIT_OK
    rows = [json.loads(line) for line in out.splitlines()]
    assert len({r["doc"] for r in rows}) == 5
    for row in rows:
        for marker in ("Advertisement", "Share This Article", "Subscribe", "Min Read", "Photo:", "©"):
            assert marker not in row["sentence"]
    assert run(capsys, "ingest", str(seeds), "--db", str(tmp_path / "s.db"))[0] == EXIT_OK
