"""Actor lexicon loading: formats, dated offices, user overrides and problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from geopol.actors.lexicon import ActorLexicon, parse_day


def split(text: str) -> list[str]:
    return text.replace("'s", " 's").split()


def test_builtin_lexicon_codes_people_by_the_office_held_on_the_date() -> None:
    lexicon = ActorLexicon.load(tokenize=split)
    shoigu = lexicon.find_person("Sergei Shoigu")
    assert shoigu is not None
    assert shoigu.code_on(dt.date(2023, 3, 1)) == "RUSGOV"
    putin = lexicon.names[("putin",)]
    assert putin.code_on(dt.date(2024, 5, 16)) == "RUSGOV"
    assert len({e.name for e in lexicon.names.values() if e.kind == "person"}) >= 500


def test_user_file_overrides_and_bad_lines_are_reported(tmp_path: Path) -> None:
    people = tmp_path / "people_mine.tsv"
    people.write_text(
        "# name\taliases\tcode\tstart\tend\toffice\n"
        "Ada Example\tExample\tNORGOV\t2020-01-01\t2021-12-31\tForeign Minister\n"
        "Ada Example\t\tIGOUNO\t2022\t\tUN envoy\n"
        "Broken Line\t\tXX\n"
        "Bad Dates\t\tFRAGOV\t2020-05-01\t2019-01-01\tMinister\n",
        encoding="utf-8")
    lexicon = ActorLexicon.load([people], builtin=False, tokenize=split)
    ada = lexicon.names[("example",)]
    assert ada.code_on(dt.date(2021, 6, 1)) == "NORGOV"
    assert ada.code_on(dt.date(2023, 6, 1)) == "IGOUNO"
    assert ada.code_on(dt.date(2019, 6, 1)) == "NORGOV"  # nearest office
    reasons = " ".join(p.reason for p in lexicon.problems)
    origins = " ".join(p.origin for p in lexicon.problems)
    assert "people_mine.tsv:4" in origins and "people_mine.tsv:5" in origins and "before it starts" in reasons


def test_acronyms_match_only_in_capitals(tmp_path: Path) -> None:
    groups = tmp_path / "groups_mine.tsv"
    groups.write_text("IGOUNO\tUnited Nations|UN\torganization\n", encoding="utf-8")
    lexicon = ActorLexicon.load([groups], builtin=False, tokenize=split)
    assert ("UN",) in lexicon.exact and ("un",) not in lexicon.names
    assert lexicon.names[("united", "nations")].code == "IGOUNO"


def test_parse_day_handles_partial_dates() -> None:
    assert parse_day("2024") == dt.date(2024, 1, 1)
    assert parse_day("2024", last=True) == dt.date(2024, 12, 31)
    assert parse_day("2024-02", last=True) == dt.date(2024, 2, 29)
    assert parse_day("") is None
