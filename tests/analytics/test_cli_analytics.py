"""geopol timeline / actors / network / plot / export, run as the CLI runs them."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.image
import networkx as nx
import pyarrow.parquet as pq
import pytest

import geopol
from geopol.cli import main
from geopol.export import GDELT_COLUMNS

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- timeline ------------------------------------------------------------------------------------


def test_timeline_table(capsys: pytest.CaptureFixture[str], handmade_db: Path) -> None:
    status, out, _ = run(capsys, "timeline", "--db", handmade_db, "--dyad", "RUS,CHN")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["PERIOD", "EVENTS", "V.COOP", "M.COOP", "V.CONF", "M.CONF", "GS.SUM", "GS.MEAN",
                                "DOCS", "EV/DOC"]
    assert lines[1].split() == ["2024-03", "2", "2", "0", "0", "0", "2.0", "1.00", "2", "1.00"]
    assert lines[2].split() == ["2024-04", "0", "0", "0", "0", "0", "0.0", "-", "1", "0.00"]
    assert lines[3].split() == ["2024-05", "1", "0", "0", "1", "0", "-2.0", "-2.00", "2", "0.50"]


def test_timeline_csv_jsonl_and_skip_empty(capsys: pytest.CaptureFixture[str], handmade_db: Path) -> None:
    status, out, _ = run(capsys, "timeline", "--db", handmade_db, "--dyad", "CHN,RUS", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["period"], r["events"], r["quad3"], r["documents"]) for r in rows] == [
        ("2024-03", "2", "0", "2"), ("2024-04", "0", "0", "1"), ("2024-05", "1", "1", "2")]
    status, out, _ = run(capsys, "timeline", "--db", handmade_db, "--format", "jsonl", "--skip-empty",
                         "--quad-class", "4")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["period"], r["events"], r["quad4"]) for r in records] == [("2024-05", 1, 1)]


def test_timeline_of_nothing_says_so(capsys: pytest.CaptureFixture[str], handmade_db: Path) -> None:
    status, out, err = run(capsys, "timeline", "--db", handmade_db, "--dyad", "USA,FRA")
    assert status == 0
    assert len(out.splitlines()) == 1  # the header
    assert "no events match" in err


# --- actors and network --------------------------------------------------------------------------


def test_actors_table_and_json(capsys: pytest.CaptureFixture[str], handmade_db: Path) -> None:
    status, out, _ = run(capsys, "actors", "--db", handmade_db, "--top", "3")
    assert status == 0
    lines = out.splitlines()
    assert lines[1].split()[:4] == ["RUSGOV", "3", "2", "1"]
    assert any(line.split()[:4] == ["CHNGOV", "-", "RUSGOV", "2"] for line in lines)
    status, out, _ = run(capsys, "actors", "--db", handmade_db, "--format", "json", "--countries")
    report = json.loads(out)
    assert report["actors"][0] == {"code": "RUS", "name": "Rusgov", "events": 4, "as_source": 3, "as_target": 1}
    assert report["pairs"][0]["a"] == "CHN" and report["pairs"][0]["events"] == 3


def test_network_formats(capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path) -> None:
    status, out, _ = run(capsys, "network", "--db", handmade_db)
    assert status == 0
    assert out.splitlines()[-1] == "5 actors, 4 edges"
    status, out, _ = run(capsys, "network", "--db", handmade_db, "--format", "graphml")
    graph = nx.parse_graphml(out)
    assert graph.number_of_edges() == 4
    assert graph.edges["RUSGOV", "CHNGOV"]["events"] == 1
    status, out, _ = run(capsys, "network", "--db", handmade_db, "--format", "json", "--min-events", "1",
                         "--dyad", "RUS,CHN")
    data = json.loads(out)
    assert sorted(n["code"] for n in data["nodes"]) == ["CHN", "CHNGOV", "RUSGOV"]
    assert run(capsys, "network", "--db", handmade_db, "--format", "graphml", "-o", tmp_path / "n.graphml")[0] == 0
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() == 5


# --- plots ---------------------------------------------------------------------------------------


def test_plot_timeline_png_and_svg(capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path) -> None:
    status, _, err = run(capsys, "plot", "timeline", "--db", handmade_db, "--dyad", "RUS,CHN", "-o",
                         tmp_path / "t.png")
    assert status == 0 and "chart written" in err
    image = matplotlib.image.imread(tmp_path / "t.png")
    assert image.shape[1] == 600 and image[..., :3].std() > 0.05
    assert run(capsys, "plot", "timeline", "--db", handmade_db, "--dyad", "RUS,CHN", "-o", tmp_path / "t.svg")[0] == 0
    root = ET.parse(tmp_path / "t.svg").getroot()
    texts = {"".join(t.itertext()) for t in root.iter(SVG_TEXT)}
    assert {"2024-03", "2024-04", "2024-05", "RUS – CHN"} <= texts
    assert sorted(e.get("id", "") for e in root.iter() if e.get("id", "").startswith("bar-")) == [
        "bar-q1-2024-03", "bar-q3-2024-05"]


def test_plot_network_svg(capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "net.svg"
    assert run(capsys, "plot", "network", "--db", handmade_db, "--layout", "spring", "-o", path)[0] == 0
    root = ET.parse(path).getroot()
    assert {"RUSGOV", "CHNGOV", "CHN", "RUSMIL", "UKR"} <= {"".join(t.itertext()) for t in root.iter(SVG_TEXT)}
    assert len([e for e in root.iter() if e.get("id", "").startswith("edge-")]) == 4


# --- export --------------------------------------------------------------------------------------


def test_export_every_format(capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path) -> None:
    for fmt, name in (("csv", "e.csv"), ("jsonl", "e.jsonl"), ("parquet", "e.parquet"), ("gdelt", "e.gdelt"),
                      ("plover", "e.plover"), ("graphml", "e.graphml")):
        status, _, err = run(capsys, "export", "--db", handmade_db, "--format", fmt, "-o", tmp_path / name)
        assert status == 0, err
        assert f"written to {tmp_path / name} ({fmt})" in err
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 4
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == 4
    with (tmp_path / "e.gdelt").open(newline="", encoding="utf-8") as stream:
        assert all(len(row) == len(GDELT_COLUMNS) for row in csv.reader(stream, delimiter="\t"))
    assert len((tmp_path / "e.plover").read_text(encoding="utf-8").splitlines()) == 4
    assert nx.read_graphml(tmp_path / "e.graphml").number_of_edges() == 4


def test_export_filters_and_mentions(capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path) -> None:
    status, _, err = run(capsys, "export", "--db", handmade_db, "--dyad", "RUS,CHN", "--since", "2024-05", "-o",
                         tmp_path / "may.jsonl")
    assert status == 0 and "1 events written" in err
    assert json.loads((tmp_path / "may.jsonl").read_text(encoding="utf-8"))["code"] == "112"
    status, _, err = run(capsys, "export", "--db", handmade_db, "--mentions", "--text", "Putin", "-o",
                         tmp_path / "m.parquet")
    assert status == 0 and "3 mentions written" in err
    assert sorted(pq.read_table(tmp_path / "m.parquet").column("doc").to_pylist()) == ["d1", "d1", "d2"]


@pytest.mark.parametrize(("argv", "message"), [
    (["timeline", "--dyad", "RUS"], "--dyad takes two actor codes separated by a comma, like RUS,CHN (got 'RUS')"),
    (["export", "--format", "xlsx", "-o", "{tmp}/x.xlsx"], "unknown format 'xlsx' for events: choose one of csv"),
    (["export", "-o", "{tmp}/x.json"], "cannot tell the export format from"),
    (["export", "--mentions", "--format", "gdelt", "-o", "{tmp}/x.tsv"], "unknown format 'gdelt' for mentions"),
    (["export", "-o", "{tmp}/no/such/dir/x.csv"], "cannot write"),
    (["plot", "timeline", "--dyad", "RUS,CHN", "-o", "{tmp}/t.pdf"], "charts are written as .png or .svg"),
    (["plot", "network", "--dyad", "USA,FRA", "-o", "{tmp}/n.png"], "the network has no edge to chart"),
    (["timeline", "--since", "May"], "since must be an ISO date"),
])
def test_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], handmade_db: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    command = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    where = 2 if command[0] == "plot" else 1
    command[where:where] = ["--db", str(handmade_db)]
    status, out, err = run(capsys, *command)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("geopol: error: ")
    assert message in err


def test_a_missing_database_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "actors", "--db", tmp_path / "none.db")
    assert status == 2 and err.startswith("geopol: error: ") and not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", [["timeline"], ["actors"], ["network"], ["plot", "timeline"],
                                    ["plot", "network"], ["export"]])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out and "example: geopol" in out and "--actor" in out


# --- acceptance: the seeds -----------------------------------------------------------------------


@pytest.mark.slow
def test_the_seeds_timeline_shows_the_three_visits_in_their_months(
    capsys: pytest.CaptureFixture[str], seeds_db: Path
) -> None:
    status, out, _ = run(capsys, "timeline", "--db", seeds_db, "--dyad", "RUS,CHN", "--format", "jsonl")
    assert status == 0
    rows = {row["period"]: row for row in map(json.loads, out.splitlines())}
    # Xi's state visit to Moscow (June 2019), his visit of March 2023, Putin's of May 2024.
    for month in ("2019-06", "2023-03", "2024-05"):
        assert rows[month]["events"] >= 3, month
        assert rows[month]["quad1"] >= 3, month
        assert rows[month]["documents"] == 1
        assert rows[month]["goldstein_mean"] > 0
    assert rows["2020-06"]["events"] == 0  # the months between are there, empty
    assert list(rows) == sorted(rows)
    with geopol.open(seeds_db, read_only=True) as db:
        visits = {e.date[:7] if e.date else (e.first_report or "")[:7]
                  for e in db.events(dyad="RUS,CHN", code="04")}
        assert {"2019-06", "2023-03", "2024-05"} <= visits
        assert sum(row["events"] for row in rows.values()) == db.count(dyad="RUS,CHN")


@pytest.mark.slow
def test_the_seeds_charts_and_exports(capsys: pytest.CaptureFixture[str], seeds_db: Path, tmp_path: Path) -> None:
    svg = tmp_path / "rus-chn.svg"
    assert run(capsys, "plot", "timeline", "--db", seeds_db, "--dyad", "RUS,CHN", "--since", "2023", "-o", svg)[0] == 0
    root = ET.parse(svg).getroot()
    bars = {e.get("id", "") for e in root.iter() if e.get("id", "").startswith("bar-q1-")}
    assert {"bar-q1-2023-03", "bar-q1-2024-05"} <= bars
    png = tmp_path / "network.png"
    assert run(capsys, "plot", "network", "--db", seeds_db, "--min-events", "2", "-o", png)[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    parquet = tmp_path / "seeds.parquet"
    assert run(capsys, "export", "--db", seeds_db, "-o", parquet)[0] == 0
    with geopol.open(seeds_db, read_only=True) as db:
        assert sorted(pq.read_table(parquet).column("id").to_pylist()) == sorted(e.id for e in db.events())
