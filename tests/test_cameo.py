"""Tests of the CAMEO code table (cameo.tsv, geopol.cameo) and of the trigger lexicon's form (verbs.tsv)."""

from __future__ import annotations

import csv
import dataclasses
import re
from importlib import resources
from pathlib import Path

import pytest

from geopol.cameo import CameoCode, CameoTable, default_cameo_table, quad_class_of_root

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
CODEBOOK = REFERENCE / "cameo-codebook.csv"
PLOVER_TABLE = REFERENCE / "CAMEO2PLOVER-2021.txt"

FLAGS = {"mutual", "visit", "host", "intent", "light"}
REPORTING_VERBS = {"say", "state", "tell", "add", "note", "comment", "report"}


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return default_cameo_table()


def _verbs_text() -> str:
    return (resources.files("geopol") / "data" / "verbs.tsv").read_text(encoding="utf-8")


def _verb_rows() -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(_verbs_text().splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((number, line.split("\t")))
    return rows


# ---------------------------------------------------------------------------------------- cameo.tsv


def test_table_loads(table: CameoTable) -> None:
    assert len(table) == 312
    assert len(table.codes()) == 312
    assert table.roots() == tuple(f"{n:02d}" for n in range(1, 21))
    assert all(isinstance(entry, CameoCode) for entry in table)


def test_default_table_is_cached() -> None:
    assert default_cameo_table() is default_cameo_table()


def test_load_by_path_matches_builtin(table: CameoTable) -> None:
    path = Path(str(resources.files("geopol") / "data" / "cameo.tsv"))
    loaded = CameoTable.load(path)
    assert loaded.codes() == table.codes()
    assert loaded.get("1124") == table.get("1124")


@pytest.mark.skipif(not CODEBOOK.exists(), reason="shared reference codebook not available")
def test_every_codebook_code_present_with_same_facts(table: CameoTable) -> None:
    with CODEBOOK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(table)
    for row in rows:
        entry = table.get(row["code"])
        assert entry.root == row["root"]
        assert entry.name == row["name"].strip()
        assert entry.goldstein == pytest.approx(float(row["goldstein"])), row["code"]


@pytest.mark.skipif(not PLOVER_TABLE.exists(), reason="shared PLOVER table not available")
def test_plover_columns_follow_the_table(table: CameoTable) -> None:
    listed: dict[str, tuple[str, str]] = {}
    for line in PLOVER_TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not match:
            continue
        parts = [part.strip() for part in match.group(2).split(",")]
        listed.setdefault(match.group(1), (parts[0], parts[1] if len(parts) > 1 else ""))
    for entry in table:
        code = entry.code
        while code not in listed and len(code) > 2:
            code = code[:-1]
        expected = listed.get(code, ("", ""))
        assert (entry.plover, entry.plover_mode) == expected, entry.code


def test_quad_class_boundaries(table: CameoTable) -> None:
    for entry in table:
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert entry.quad_class == expected, entry.code
    assert [quad_class_of_root(r) for r in ("05", "06", "08", "09", "13", "14", "20")] == [1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of_root("21")
    with pytest.raises(ValueError):
        quad_class_of_root("x1")


def test_plover_spot_checks(table: CameoTable) -> None:
    assert table.get("057").plover == "SUPPORT"
    assert (table.get("041").plover, table.get("041").plover_mode) == ("CONSULT", "phone")
    assert (table.get("042").plover, table.get("042").plover_mode) == ("CONSULT", "visit")
    assert table.get("036").plover == "AGREE"
    assert table.get("112").plover == "ACCUSE"
    assert table.get("163").plover == "COERCE"
    assert table.get("190").plover == "ASSAULT"
    assert table.get("084").plover == "RETREAT"
    assert table.get("08").plover == "CONCEDE"
    assert table.get("1712").plover == "ASSAULT"
    # statements and appeals are dropped by PLOVER; unlisted codes inherit from the parent
    assert (table.get("010").plover, table.get("0214").plover) == ("", "")
    assert table.get("1823").plover == "ASSAULT"


def test_spot_facts(table: CameoTable) -> None:
    entry = table.get("057")
    assert (entry.root, entry.name, entry.goldstein, entry.quad_class) == ("05", "Sign formal agreement", 8.0, 1)
    assert table.get("1124").goldstein == -2.0
    assert table.get("190").goldstein == -10.0
    assert entry.is_root is False and table.get("05").is_root is True


def test_get_unknown_code_raises_clear_key_error(table: CameoTable) -> None:
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        table.get("999")
    with pytest.raises(KeyError):
        table.get("57")


def test_contains(table: CameoTable) -> None:
    assert "057" in table
    assert "1124" in table
    assert "999" not in table
    assert 57 not in table
    assert None not in table


def test_root_name(table: CameoTable) -> None:
    assert table.root_name("19") == "FIGHT"
    assert table.root_name("190") == "FIGHT"
    assert table.root_name("04") == "CONSULT"
    with pytest.raises(KeyError):
        table.root_name("21")


def test_table_and_codes_are_immutable(table: CameoTable) -> None:
    with pytest.raises(AttributeError):
        table._by_code = {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.get("057").name = "x"  # type: ignore[misc]
    codes = table.codes()
    assert isinstance(codes, tuple)


def test_custom_file_and_malformed_lines(tmp_path: Path) -> None:
    good = tmp_path / "cameo.tsv"
    good.write_text("# comment\n\n01\t01\tSTATEMENT\t0\t1\t-\t-\n042\t04\tVisit\t1.9\t1\tCONSULT\tvisit\n")
    small = CameoTable.load(good)
    assert small.codes() == ("01", "042")
    assert small.get("01").plover == ""
    assert small.get("042").plover_mode == "visit"

    bad_cases = [
        "042\t04\tVisit\t1.9\t1\tCONSULT\n",  # six columns
        "042\t05\tVisit\t1.9\t1\tCONSULT\tvisit\n",  # wrong root
        "042\t04\tVisit\thigh\t1\tCONSULT\tvisit\n",  # bad score
        "042\t04\tVisit\t1.9\t3\tCONSULT\tvisit\n",  # wrong quad class
        "42a\t42\tVisit\t1.9\t1\tCONSULT\tvisit\n",  # bad code
        "042\t04\tVisit\t1.9\t1\tCONSULT\tvisit\n042\t04\tVisit\t1.9\t1\tCONSULT\tvisit\n",  # duplicate
    ]
    for text in bad_cases:
        path = tmp_path / "bad.tsv"
        path.write_text(text)
        with pytest.raises(ValueError):
            CameoTable.load(path)


# ---------------------------------------------------------------------------------------- verbs.tsv


def test_verbs_lexicon_size() -> None:
    assert len(_verb_rows()) >= 450


def test_verbs_columns_and_flags_well_formed() -> None:
    word = re.compile(r"^[a-z][a-z'-]*( [a-z][a-z'-]*)*$")
    seen: set[tuple[str, str]] = set()
    for number, fields in _verb_rows():
        assert len(fields) == 5, f"line {number}: {fields}"
        trigger, pos, code, target, flags = fields
        assert fields == [f.strip() for f in fields], f"line {number}: stray spaces"
        assert pos in {"VERB", "NOUN", "ADJ"}, f"line {number}"
        assert re.fullmatch(r"\d{3,4}", code), f"line {number}: code {code}"
        head, _, objects = trigger.partition("+")
        assert word.match(head), f"line {number}: trigger {trigger!r}"
        if objects:
            assert pos == "VERB", f"line {number}: only verbs take an object"
            parts = objects.split("|")
            assert all(word.match(part) for part in parts), f"line {number}: objects {objects!r}"
            assert len(parts) == len(set(parts)), f"line {number}: repeated object"
        else:
            assert "|" not in trigger, f"line {number}"
        if target != "-":
            places = target.split("|")
            assert all(p == "dobj" or re.fullmatch(r"[a-z]+", p) for p in places), f"line {number}"
            assert len(places) == len(set(places)), f"line {number}"
        if flags != "-":
            names = flags.split(",")
            assert set(names) <= FLAGS, f"line {number}: flags {flags}"
            assert len(names) == len(set(names)), f"line {number}"
            if "light" in names:
                assert pos == "NOUN", f"line {number}: light is for nouns"
            assert not {"visit", "host"} <= set(names), f"line {number}"
        assert (trigger, pos) not in seen, f"line {number}: duplicate {trigger} {pos}"
        seen.add((trigger, pos))


def test_every_verbs_code_exists_in_cameo(table: CameoTable) -> None:
    for number, fields in _verb_rows():
        assert fields[2] in table, f"line {number}: {fields[2]} not in cameo.tsv"


def test_every_root_is_covered_by_verbs(table: CameoTable) -> None:
    roots = {fields[2][:2] for _, fields in _verb_rows()}
    assert roots == set(table.roots())


def test_common_three_digit_codes_are_covered() -> None:
    codes = {fields[2] for _, fields in _verb_rows()}
    common = {
        "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "030", "036", "040",
        "041", "042", "043", "045", "046", "051", "052", "054", "055", "057", "061", "062", "063",
        "064", "070", "071", "072", "073", "075", "081", "087", "090", "100", "110", "111", "112",
        "114", "115", "120", "125", "128", "129", "130", "138", "139", "141", "145", "150", "154",
        "161", "162", "163", "164", "166", "171", "173", "174", "175", "180", "181", "182", "186",
        "190", "191", "192", "193", "194", "195", "196", "202",
    }  # fmt: skip
    assert common <= codes, sorted(common - codes)


def test_plain_reporting_verbs_are_not_events() -> None:
    triggers = {fields[0] for _, fields in _verb_rows()}
    assert not triggers & REPORTING_VERBS


def test_key_entries() -> None:
    entries = {(f[0], f[1]): f for _, f in _verb_rows()}
    assert entries[("meet", "VERB")][2:] == ["040", "dobj|with", "mutual"]
    assert entries[("visit", "VERB")][2] == "042" and "visit" in entries[("visit", "VERB")][4]
    assert entries[("host", "VERB")][2:] == ["043", "dobj", "host"]
    assert "intent" in entries[("pledge", "VERB")][4].split(",")
    sign = next(f for (t, _), f in entries.items() if t.startswith("sign+"))
    assert sign[2] == "057" and "treaty" in sign[0].split("+")[1].split("|")
    assert "mutual" in sign[4]
    assert entries[("condemn", "VERB")][2] == "111"
    assert entries[("accuse", "VERB")][2] == "112"
    assert entries[("sanction", "NOUN")][2:] == ["163", "on|against", "light"]
    assert entries[("talk", "NOUN")][2] == "040" and "light" in entries[("talk", "NOUN")][4]
    assert entries[("crack down", "VERB")][2] == "175"
    assert entries[("condolence", "NOUN")][2] == "018"
