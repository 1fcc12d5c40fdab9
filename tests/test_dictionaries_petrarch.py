"""Tests of the PETRARCH dictionary readers (geopol.dictionaries.petrarch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

from geopol.dictionaries.petrarch import (
    ActorDictionary,
    AgentDictionary,
    VerbDictionary,
    parse_petrarch_date,
    read_actors,
    read_agents,
    read_verbs,
)

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _reference(name: str) -> Path:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"reference dictionary {path} is not available")
    return path


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("700101", dt.date(1970, 1, 1)),
        ("991231", dt.date(1999, 12, 31)),
        ("300615", dt.date(2030, 6, 15)),
        ("310615", dt.date(1931, 6, 15)),
        ("000507", dt.date(2000, 5, 7)),
        ("18970101", dt.date(1897, 1, 1)),
    ],
)
def test_dates_follow_the_petrarch_century_rule(text: str, expected: dt.date) -> None:
    assert parse_petrarch_date(text) == expected


@pytest.mark.parametrize("text", ["2004017", "201005011", "990231", "12ab56", ""])
def test_bad_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        parse_petrarch_date(text)


# ---------------------------------------------------------------- actors

ACTORS = """\
# a comment line
<!-- an XML comment
spanning two lines -->
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_VLADIMIR_V._PUTIN
\t[RUSELI 700101-990809]
\t[RUSGOV 990809-080507]
\t[RUSGOV >120507]
\t[RUSELI]
FRANCE_  [FRA]
+FRENCH_ ; legacy comment
OLD_TIMER_
\t[XXXOLD <19500101]
MIXED_  [AAA 900101-901231][BBB] # two groups on one line
"""


@pytest.fixture()
def actors(tmp_path: Path) -> ActorDictionary:
    return read_actors(_write(tmp_path, "tiny.actors.txt", ACTORS))


def test_actor_entries_keep_name_synonyms_and_origin(actors: ActorDictionary) -> None:
    assert len(actors) == 4
    putin = actors.entries()[0]
    assert putin.name == "VLADIMIR PUTIN"
    assert putin.synonyms == ("PUTIN", "PRESIDENT VLADIMIR V. PUTIN")
    assert putin.origin.line == 4
    assert putin.origin.path.endswith("tiny.actors.txt")
    assert [c.origin.line for c in putin.codes] == [7, 8, 9, 10]
    assert actors.problems == ()


def test_actor_dates_inside_and_outside_ranges(actors: ActorDictionary) -> None:
    assert actors.lookup("Vladimir Putin", dt.date(1995, 3, 1)) == "RUSELI"
    assert actors.lookup("vladimir_putin", dt.date(2004, 3, 1)) == "RUSGOV"
    assert actors.lookup("PUTIN", dt.date(2008, 5, 7)) == "RUSGOV"  # limits are inclusive
    assert actors.lookup("putin", dt.date(2010, 1, 1)) == "RUSELI"  # gap -> default
    assert actors.lookup("putin", dt.date(2012, 5, 7)) == "RUSGOV"  # '>' includes the date
    assert actors.lookup("putin", dt.date(1960, 1, 1)) == "RUSELI"
    assert actors.lookup("putin", None) == "RUSELI"
    assert actors.lookup("putin", dt.datetime(2004, 3, 1, 12, 0)) == "RUSGOV"


def test_actor_default_synonyms_and_comments(actors: ActorDictionary) -> None:
    assert actors.lookup("France", None) == "FRA"
    assert actors.lookup("  french ", dt.date(2020, 1, 1)) == "FRA"
    assert actors.lookup("President Vladimir V. Putin", None) == "RUSELI"
    assert actors.lookup("legacy comment", None) is None
    assert actors.lookup("Germany", None) is None
    assert "FRENCH" in actors


def test_actor_before_restriction_without_default(actors: ActorDictionary) -> None:
    assert actors.lookup("old timer", dt.date(1949, 12, 31)) == "XXXOLD"
    assert actors.lookup("old timer", dt.date(1950, 1, 1)) == "XXXOLD"
    assert actors.lookup("old timer", dt.date(1950, 1, 2)) is None
    assert actors.lookup("old timer", None) is None


def test_actor_several_groups_on_the_primary_line(actors: ActorDictionary) -> None:
    assert actors.lookup("mixed", dt.date(1990, 6, 1)) == "AAA"
    assert actors.lookup("mixed", dt.date(1991, 6, 1)) == "BBB"


def test_actor_records_are_immutable(actors: ActorDictionary) -> None:
    entry = actors.entries()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "X"  # type: ignore[misc]
    assert isinstance(entry.synonyms, tuple)
    assert isinstance(actors.entries(), tuple)


def test_actor_malformed_lines_are_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    text = (
        "+ORPHAN_SYNONYM\n"  # 1: before any entry
        "GOOD_ONE_ [AAA]\n"  # 2
        "+BROKEN]_\n"  # 3: unbalanced brackets
        "\t[BBB 990101]\n"  # 4: date without < > or range
        "\t[CCC 2004017-20061201]\n"  # 5: 7-digit date
        "\t[DDD 20121207-20120802]\n"  # 6: range ends before it starts
        "NO_CODE_AT_ALL\n"  # 7: entry without code
        "GOOD_TWO_\n"  # 8
        "\t[EEE >010101]\n"  # 9
    )
    actors = read_actors(_write(tmp_path, "bad.actors.txt", text))
    assert [p.line_no for p in actors.problems] == [1, 3, 4, 5, 6, 7]
    assert all(p.path.endswith("bad.actors.txt") for p in actors.problems)
    assert "no code" in actors.problems[-1].reason
    assert actors.lookup("good one", None) == "AAA"
    assert actors.lookup("good two", dt.date(2005, 1, 1)) == "EEE"
    assert len(actors) == 3


def test_later_definition_of_a_phrase_wins(tmp_path: Path) -> None:
    actors = read_actors(_write(tmp_path, "dup.actors.txt", "UN_ [OLD]\nUN_ [NEW]\n"))
    assert actors.lookup("UN", None) == "NEW"
    assert len(actors) == 2


# ---------------------------------------------------------------- agents

AGENTS = """\
<!-- TEST AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
MINISTER_ [~GOV]  # trailing underscore: whole word
POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
SECRETARY [~GOV]
BOSS [~BUS]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
FOREIGN_MINISTER [~GOVFRM]
"""


@pytest.fixture()
def agents(tmp_path: Path) -> AgentDictionary:
    return read_agents(_write(tmp_path, "tiny.agents.txt", AGENTS))


def test_agent_roles_and_plurals(agents: AgentDictionary) -> None:
    assert agents.lookup("minister") == "GOV"
    assert agents.lookup("Ministers") == "GOV"
    assert agents.lookup("police") == "COP"
    assert agents.lookup("polices") is None  # {} : no plural
    assert agents.lookup("thief") == "CRM"
    assert agents.lookup("thieves") == "CRM"
    assert agents.lookup("thiefs") is None  # declared plural replaces the regular one
    assert agents.lookup("secretaries") == "GOV"
    assert agents.lookup("bosses") == "BUS"
    assert agents.lookup("foreign ministers") == "GOVFRM"
    assert agents.lookup("pilot") is None
    assert agents.problems == ()


def test_agent_substitution_markers_and_placement(agents: AgentDictionary) -> None:
    assert agents.lookup("congressman") == "LEG"
    assert agents.lookup("congresswomen") == "LEG"
    assert agents.lookup("congressmans") is None
    body = agents.entry_for("human rights bodies")
    assert body is not None
    assert (body.code, body.placement, body.raw_code) == ("NGO", "before", "NGO~")
    minister = agents.entry_for("minister")
    assert minister is not None
    assert (minister.placement, minister.origin.line) == ("after", 3)


def test_agent_malformed_lines(tmp_path: Path) -> None:
    text = "EXTREMIST\nDEPARTMENT [~ENV}\nCOP !NOPE! [~COP]\nODD [GOV]\nFARMER [~AGR]\n"
    agents = read_agents(_write(tmp_path, "bad.agents.txt", text))
    assert [p.line_no for p in agents.problems] == [1, 2, 3, 4]
    assert agents.lookup("farmers") == "AGR"
    assert len(agents) == 1


# ---------------------------------------------------------------- verbs

VERBS = """\
####### SYNONYM SETS #######
&CURRENCY
+DOLLAR
+CASH_

&AUXVERB_
+WILL

####### VERB PATTERNS #######
---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
MEET {MEETS MET MEETING}
CONTACT
FACE [---] # own null code
- * (WITH LEADERS)            [036:036]     # MEET
- * PAYMENT                   [061]         # MEET
- * {TRADE PAYMENT} (IN ^)    [062]
- $ * + &CURRENCY             [0231]
- &MILITARY * TROOPS          [190]         # undefined synset
- * TRIAL                     [:173]
- * BROKEN)                   [012]

---  ASK   [---]  ---
ASK     [020]
QUERY {QUERYING QUERIES QUERIED }
- * MEETING                   [026]
- * MEETING                   [028]

~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture()
def verbs(tmp_path: Path) -> VerbDictionary:
    return read_verbs(_write(tmp_path, "tiny.verbs.txt", VERBS))


def test_verb_blocks_forms_and_synsets(verbs: VerbDictionary) -> None:
    assert [b.name for b in verbs.blocks] == ["MEET_PEOPLE", "ASK"]
    contact = verbs.verb_for("contacted")
    assert contact is not None and contact.forms == ("CONTACTS", "CONTACTED", "CONTACTING")
    meet_with = verbs.verb_for("met with")
    assert meet_with is not None and (meet_with.lemma, meet_with.head) == ("MEET WITH", "MEET")
    assert verbs.synsets["&CURRENCY"].members == ("DOLLAR", "DOLLARS", "CASH")
    assert verbs.synsets["&AUXVERB"].plurals is False
    assert len(verbs.transformations) == 1
    assert verbs.transformations[0].result == "a b 015"


def test_verb_codes_alone_and_with_objects(verbs: VerbDictionary) -> None:
    assert verbs.lookup("meet") == "040"
    assert verbs.lookup("MET") == "040"
    assert verbs.lookup("query") is None  # block null code
    assert verbs.lookup("ask") == "020"  # verb-specific code
    assert verbs.lookup("face") is None
    assert verbs.lookup("meet", "payment") == "061"  # single-object pattern beats {TRADE PAYMENT}
    assert verbs.lookup("meet", "payments") == "061"
    assert verbs.lookup("meet", "dollar") == "0231"  # through the synset
    assert verbs.lookup("meet", "dollars") == "0231"
    assert verbs.lookup("meet", "leader") == "040"  # only inside a prepositional phrase
    assert verbs.lookup("ask", "meeting") == "026"  # first pattern in file order
    assert verbs.lookup("fly") is None


def test_verb_patterns_are_parsed(verbs: VerbDictionary) -> None:
    pairs = verbs.codes_for("meeting")
    assert [code for _, code in pairs] == ["036:036", "061", "062", "0231", ":173"]
    prep = pairs[0][0].after[0]
    assert (prep.kind, prep.words, prep.children[0].words) == ("prep", ("WITH",), ("LEADERS",))
    slots = [e.kind for e in pairs[3][0].before + pairs[3][0].after]
    assert slots == ["source", "target", "synset"]
    phrase = pairs[2][0].after[0]
    assert (phrase.kind, phrase.head) == ("phrase", "PAYMENT")
    passive = pairs[4][0].code
    assert (passive.primary, passive.secondary, passive.event_code) == (None, "173", None)
    assert pairs[0][0].origin.line == 15


def test_verb_problems_are_reported_and_the_rest_loaded(verbs: VerbDictionary) -> None:
    reasons = {p.line_no: p.reason for p in verbs.problems}
    assert set(reasons) == {19, 21}
    assert "undefined synset &MILITARY" in reasons[19]
    assert "closing bracket" in reasons[21]
    assert len(verbs) == 6


def test_verb_file_with_stray_lines(tmp_path: Path) -> None:
    text = (
        "STRAY\n--- [010] ---\nLOST\n--- GOOD [010] ---\nSAY {SAID SAYS SAYING}\n- * [0x1]\n- NOSTAR [010]\n"
    )
    verbs = read_verbs(_write(tmp_path, "bad.verbs.txt", text))
    assert [p.line_no for p in verbs.problems] == [1, 2, 3, 6, 7]
    assert verbs.lookup("said") == "010"


# ---------------------------------------------------------------- reference files


@pytest.fixture(scope="module")
def countries() -> ActorDictionary:
    return read_actors(_reference("Phoenix.Countries.actors.txt"))


def test_real_putin_entry(countries: ActorDictionary) -> None:
    # VLADIMIR_PUTIN_: [RUSELI 700101-990809] [RUSGOV 991231-080507] [RUSGOV 990809-000507]
    #                  [RUSGOV >080508] [RUSELI]
    assert countries.lookup("Vladimir Putin", dt.date(1990, 1, 1)) == "RUSELI"
    assert countries.lookup("Vladimir Putin", dt.date(2000, 3, 1)) == "RUSGOV"
    assert countries.lookup("President Putin", dt.date(2004, 3, 1)) == "RUSGOV"
    assert countries.lookup("putin", dt.date(2015, 1, 1)) == "RUSGOV"
    assert countries.lookup("putin", dt.date(1960, 1, 1)) == "RUSELI"
    assert countries.lookup("putin", None) == "RUSELI"


def test_real_medvedev_gap_falls_back_to_default(countries: ActorDictionary) -> None:
    # DMITR_MEDVEDEV_ (+DMITRI_MEDVEDEV_): [RUSELI 830101-051201] [RUSGOV 051201-070228]
    #                                      [RUSGOV >080507] [RUSELI]
    assert countries.lookup("Dmitri Medvedev", dt.date(2006, 6, 1)) == "RUSGOV"
    assert countries.lookup("Dmitri Medvedev", dt.date(2007, 6, 1)) == "RUSELI"
    assert countries.lookup("Dmitri Medvedev", dt.date(2010, 6, 1)) == "RUSGOV"
    assert countries.lookup("Dmitri Medvedev", dt.date(1990, 6, 1)) == "RUSELI"
    assert countries.lookup("Afghanistan", dt.date(2010, 6, 1)) == "AFG"


def test_real_countries_problems_are_few(countries: ActorDictionary) -> None:
    assert len(countries) > 15_000
    assert len(countries.problems) < 60
    lines = {p.line_no for p in countries.problems}
    assert {2039, 15346, 22508, 31715} <= lines


def test_real_international_organisations() -> None:
    international = read_actors(_reference("Phoenix.International.actors.txt"))
    assert international.lookup("NATO", None) == "IGOWSTNAT"
    assert international.lookup("North Atlantic Treaty Organization", dt.date(2001, 1, 1)) == "IGOWSTNAT"
    assert international.lookup("United Nations", dt.date(2001, 1, 1)) == "IGOUNO"
    assert international.lookup("Ban Ki-moon", dt.date(2010, 1, 1)) == "IGOUNO"
    assert len(international.problems) < 15


def test_real_milnonstate_loads_cleanly() -> None:
    milnonstate = read_actors(_reference("Phoenix.MilNonState.actors.txt"))
    assert len(milnonstate) > 900
    assert len(milnonstate.problems) < 5


def test_real_agents() -> None:
    agents = read_agents(_reference("Phoenix.agents.txt"))
    assert agents.lookup("minister") == "GOV"
    assert agents.lookup("ministers") == "GOV"
    assert agents.lookup("foreign minister") == "GOV"
    assert agents.lookup("police") == "COP"
    assert agents.lookup("thieves") == "CRM"
    assert agents.lookup("cattlemen") == "AGR"
    assert len(agents.problems) < 5


def test_real_verbs() -> None:
    verbs = read_verbs(_reference("CAMEO.2.0.txt"))
    assert verbs.lookup("meet") == "040"
    assert verbs.lookup("met") == "040"
    assert verbs.lookup("meet", "payment") == "061"
    assert verbs.lookup("ask", "meeting") == "026"
    visit = verbs.lookup("visit")
    assert visit is not None and visit.startswith("04")
    assert len(verbs.codes_for("meet")) > 20
    assert len(verbs.synsets) > 30
    assert len(verbs.problems) < 15


def test_readers_never_raise_on_garbage(tmp_path: Path) -> None:
    rng = random.Random(7)
    alphabet = "AB_ +-[]{}()<>!=&$^%*~#;:0123456789\t"
    path = tmp_path / "garbage.txt"
    for _ in range(300):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(8)]
        path.write_text("\n".join(lines), encoding="utf-8")
        read_actors(path).lookup("A", dt.date(2000, 1, 1))
        read_agents(path).lookup("A")
        read_verbs(path).lookup("A", "B")
    path.write_bytes(b"CAF\xe9_ [FRA]\n")
    latin = read_actors(path)
    assert latin.lookup("caf\xe9", None) == "FRA"
    assert [p.line_no for p in latin.problems] == [1]
