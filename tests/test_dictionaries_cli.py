"""The command line with user dictionaries: ``geopol lexicon ...`` and extract with the Phoenix files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geopol.cli import EXIT_OK, EXIT_REJECTED, main

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _reference(name: str) -> str:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"reference dictionary {path} is not available")
    return str(path)


def _phoenix() -> list[str]:
    return ["--no-builtin-lexicons",
            "--actors", _reference("Phoenix.Countries.actors.txt"),
            "--actors", _reference("Phoenix.International.actors.txt"),
            "--actors", _reference("Phoenix.MilNonState.actors.txt"),
            "--agents", _reference("Phoenix.agents.txt"),
            "--verbs", _reference("CAMEO.2.0.txt")]


def test_show_a_leader_with_dated_offices(capsys: pytest.CaptureFixture[str]) -> None:
    countries = _reference("Phoenix.Countries.actors.txt")
    status, out, _ = run(capsys, "lexicon", "show", "Jacques Chirac", "--actors", countries,
                         "--no-builtin-lexicons", "--date", "1987-01-01")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == f"actor 'JACQUES CHIRAC': person, from {countries}:16086 (user file)"
    assert f"* FRAGOV     1986-03-20 to 1988-05-10   ({countries}:16090)" in out
    assert sum(line.lstrip().startswith("*") for line in lines) == 1
    assert "undated (default)" in out
    assert lines[-1].strip().startswith("on 1987-01-01: FRAGOV")


def test_show_a_user_name_that_overrides_a_builtin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.actors.txt"
    mine.write_text("# my coding\nFRANCE_ [FRX]\n", encoding="utf-8")
    status, out, _ = run(capsys, "lexicon", "show", "France", "--actors", str(mine))
    assert status == EXIT_OK
    assert f"actor 'FRANCE': country, from {mine}:2 (user file)" in out
    assert "code FRX" in out
    assert "conflict: actor 'FRANCE': FRX" in out and "overrides built-in FRA" in out and "countries.tsv:" in out


def test_show_builtin_roles_and_verb_forms(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lexicon", "show", "minister")
    assert status == EXIT_OK
    assert "role 'minister': GOV" in out and "roles.tsv:" in out and "(built-in)" in out
    verbs = _reference("CAMEO.2.0.txt")
    status, out, _ = run(capsys, "lexicon", "show", "met", "--verbs", verbs, "--no-builtin-lexicons")
    assert status == EXIT_OK
    assert "trigger 'met' (a form of 'meet'):" in out
    assert f"verb meet: 040, target dobj, from {verbs}:5435 (user file)" in out
    assert "verb meet +payment: 061" in out


def test_show_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "lexicon", "show", "Zzyzx Qwerty")
    assert status == EXIT_REJECTED and not out
    assert "no actor, role or trigger 'Zzyzx Qwerty'" in err


def test_conflicts_and_problems_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.actors.txt"
    mine.write_text("FRANCE_ [FRX]\nBROKEN_ [AAA\n", encoding="utf-8")
    status, out, err = run(capsys, "lexicon", "conflicts", "--actors", str(mine))
    assert status == EXIT_OK
    assert out.startswith(f"actor 'FRANCE': FRX ({mine}:1) overrides built-in FRA (")
    assert err.strip() == "1 conflicts"
    status, out, _ = run(capsys, "lexicon", "problems", "--actors", str(mine))
    assert out.splitlines() == [f"{mine}:2: unbalanced '[' ']'; line skipped"]


def test_missing_dictionary_is_a_fatal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "lexicon", "conflicts", "--agents", str(tmp_path / "nope.txt"))
    assert status == 2 and "nope.txt does not exist" in err


@pytest.mark.slow
def test_extract_with_only_the_phoenix_dictionaries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Russian President Vladimir Putin met with German Chancellor Gerhard Schroeder in Moscow. "
            "The French foreign minister criticized NATO.")
    source = tmp_path / "doc.jsonl"
    source.write_text(json.dumps({"id": "d1", "date": "2004-03-01", "text": text}) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(source), "--no-progress", *_phoenix())
    assert status == EXIT_OK
    rows = [json.loads(line) for line in out.splitlines()]
    found = {(r["source"], r["code"], r["target"]) for r in rows}
    assert ("RUSGOV", "040", "DEUGOV") in found  # Putin in office in 2004: RUSGOV, not RUSELI
    assert ("FRAGOV", "111", "IGOWSTNAT") in found  # agent FOREIGN_MINISTER, verb CRITICIZE, NATO
    assert all("CAMEO.2.0.txt:" in r["rule"] for r in rows)
    summary = [line for line in err.splitlines() if line.startswith("geopol: lexicons:")]
    assert len(summary) == 1 and "PETRARCH verbs/patterns not mapped" in summary[0]
    source.write_text(json.dumps({"id": "d1", "date": "1990-03-01", "text": text}) + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(source), "--no-progress", *_phoenix())
    assert {(r["source"], r["code"]) for r in map(json.loads, out.splitlines())} >= {("RUSELI", "040")}


@pytest.mark.slow
def test_show_conflicts_lists_them_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.actors.txt"
    mine.write_text("EGYPT_ [EGX]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Egypt criticized Jordan.", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(tmp_path / "a.txt"), "--no-progress", "--actors", str(mine),
                           "--show-conflicts")
    assert status == EXIT_OK
    assert f"geopol: conflict: actor 'EGYPT': EGX ({mine}:1) overrides built-in EGY" in err
    assert any(json.loads(line)["source"] == "EGX" for line in out.splitlines())
