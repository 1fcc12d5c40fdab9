"""PETRARCH dictionaries loaded into geopol's lexicons: names, roles, triggers, overrides, conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geopol.actors.lexicon import ActorLexicon, NameEntry, builtin_files, default_tokenizer
from geopol.dictionaries.verb_triggers import is_petrarch_verb_file
from geopol.events.triggers import TriggerLexicon

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


def _reference(name: str) -> Path:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"reference dictionary {path} is not available")
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def split(text: str) -> list[str]:
    return text.replace("'s", " 's").split()


def _name(lexicon: ActorLexicon, phrase: str) -> NameEntry:
    entry = lexicon.lookup(phrase.split())
    assert entry is not None, phrase
    return entry


# ---------------------------------------------------------------- the Phoenix dictionaries


@pytest.fixture(scope="module")
def phoenix() -> ActorLexicon:
    return ActorLexicon.load(builtin=False, tokenize=default_tokenizer(),
                             actors=[_reference(n) for n in ACTOR_FILES],
                             agents=[_reference("Phoenix.agents.txt")])


@pytest.fixture(scope="module")
def phoenix_verbs() -> TriggerLexicon:
    return TriggerLexicon.load([_reference("CAMEO.2.0.txt")], builtin=False)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(1960, 1, 1), "FRAELI"),  # inside [FRAELI 500101-740527]
        (dt.date(1975, 1, 1), "FRAGOV"),  # inside [FRAGOV 740527-760825]
        (dt.date(1980, 1, 1), "FRAELI"),  # between ranges: the undated default
        (dt.date(1987, 1, 1), "FRAGOV"),  # inside [FRAGOV 860320-880510]
        (dt.date(1990, 1, 1), "FRAELI"),
        (dt.date(2000, 1, 1), "FRAGOV"),  # inside [FRAGOV 950517-070516]
        (dt.date(2007, 5, 16), "FRAGOV"),  # limits are inclusive
        (dt.date(2010, 1, 1), "FRAELI"),  # after every range
        (dt.date(1940, 1, 1), "FRAELI"),  # before every range
    ],
)
def test_a_leader_has_the_code_of_the_office_held_on_the_date(phoenix: ActorLexicon, day: dt.date,
                                                               code: str) -> None:
    chirac = _name(phoenix, "Jacques Chirac")
    assert chirac.kind == "person"
    assert chirac.code_on(day) == code
    assert chirac.origin.endswith("Phoenix.Countries.actors.txt:16086")
    assert [o.origin.rsplit(":", 1)[1] for o in chirac.offices] == ["16087", "16088", "16089", "16090", "16091"]


def test_synonyms_and_multiword_forms_share_the_dated_codes(phoenix: ActorLexicon) -> None:
    schroeder = _name(phoenix, "Gerard Schroeder")
    assert schroeder.code_on(dt.date(2003, 1, 1)) == "DEUGOV"
    assert _name(phoenix, "Chancellor Schroder").code_on(dt.date(2003, 1, 1)) == "DEUGOV"
    assert _name(phoenix, "President Putin").code_on(dt.date(2004, 3, 1)) == "RUSGOV"
    assert _name(phoenix, "Putin").code_on(dt.date(1990, 1, 1)) == "RUSELI"


def test_countries_and_organisations_resolve_to_their_codes(phoenix: ActorLexicon) -> None:
    assert (_name(phoenix, "Afghanistan").code, _name(phoenix, "Afghanistan").kind) == ("AFG", "country")
    assert _name(phoenix, "Russian").code == "RUS"
    nato = _name(phoenix, "NATO")
    assert (nato.code, nato.kind) == ("IGOWSTNAT", "organization")
    assert _name(phoenix, "nato").code == "IGOWSTNAT"  # PETRARCH matches without case
    assert _name(phoenix, "United Nations").code == "IGOUNO"
    ban = phoenix.lookup(default_tokenizer()("Ban Ki-moon"))  # spaCy splits the hyphen, as when loading
    assert ban is not None and ban.code_on(dt.date(2010, 1, 1)) == "IGOUNO"


def test_agent_titles_become_roles(phoenix: ActorLexicon) -> None:
    minister = phoenix.roles[("minister",)]
    assert minister.role == "GOV"
    assert minister.origin.split("Phoenix.agents.txt:")[1].isdigit()
    assert phoenix.roles[("ministers",)].role == "GOV"
    assert phoenix.roles[("foreign", "minister")].role == "GOV"
    assert phoenix.roles[("police",)].role == "COP"
    assert phoenix.roles[("thieves",)].role == "CRM"
    assert phoenix.roles[("cattlemen",)].role == "AGR"


def test_the_reference_problems_are_kept_with_file_and_line(phoenix: ActorLexicon) -> None:
    origins = {p.origin for p in phoenix.problems}
    assert any(o.endswith("Phoenix.Countries.actors.txt:2039") for o in origins)
    assert all(":" in o for o in origins)
    assert len(phoenix.problems) < 100


def test_verb_forms_and_patterns_become_triggers(phoenix_verbs: TriggerLexicon) -> None:
    meet = phoenix_verbs.verb("meet")
    assert meet is not None and meet.code == "040" and meet.origin.endswith(":5435")
    assert phoenix_verbs.forms["met"] == "meet"
    assert {t.lemma for t in phoenix_verbs.entries_for("met")} == {"meet"}
    payment = phoenix_verbs.verb("meet", objects=["payment"])
    assert payment is not None and payment.code == "061"  # - * PAYMENT [061]
    with_ = phoenix_verbs.verb("meet", particles=["with"])
    assert with_ is not None and with_.targets[0] == "with"  # +MEET_WITH
    visit = phoenix_verbs.verb("visit")
    assert visit is not None and visit.code.startswith("04")
    assert phoenix_verbs.verb("fly-by-night") is None


def test_unmapped_patterns_are_counted_with_file_line_and_reason(phoenix_verbs: TriggerLexicon) -> None:
    assert 1000 < len(phoenix_verbs.unmapped) < 5000
    first = phoenix_verbs.unmapped[0]
    path, line, reason = first.split(":", 2)
    assert path.endswith("CAMEO.2.0.txt") and line.isdigit() and reason.strip()
    reasons = " ".join(phoenix_verbs.unmapped)
    assert "words before the verb" in reasons and "null code" in reasons


# ---------------------------------------------------------------- small files of our own

USER_ACTORS = """\
FRANCE_  [FRX]       # differs from the built-in FRA
ACME_CORPORATION_ [MNCACME]
+ACME_
UN_ [IGOXXX]
JANE_EXAMPLE_
+MINISTER_EXAMPLE
\t[NORGOV 150101-191231]
\t[NORELI]
"""


def test_user_actors_override_builtins_and_conflicts_name_both_sources(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.actors.txt", USER_ACTORS)
    lexicon = ActorLexicon.load(tokenize=split, actors=[path])
    assert lexicon.names[("france",)].code == "FRX"
    assert lexicon.names[("un",)].code == "IGOXXX"
    assert ("UN",) not in lexicon.exact  # the case-insensitive user name hides the built-in acronym
    example = lexicon.names[("minister", "example")]
    assert example.code_on(dt.date(2016, 1, 1)) == "NORGOV" and example.code_on(dt.date(2021, 1, 1)) == "NORELI"
    assert lexicon.names[("acme",)].kind == "organization"
    conflicts = {c.key: c for c in lexicon.conflicts}
    france = conflicts["FRANCE"]
    assert (france.code, france.other_code, france.scope) == ("FRX", "FRA", "builtin")
    assert france.origin == f"{path}:1"
    assert france.other_origin.split(":")[0] in {str(p) for p in builtin_files()}
    assert conflicts["UN"].other_code == "IGOUNO"
    assert "ACME" not in conflicts and "JANE EXAMPLE" not in conflicts


def test_conflicts_between_two_user_files_keep_the_later(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.actors.txt", "ACME_ [AAA]\nSAME_ [SSS]\n")
    second = _write(tmp_path, "b.actors.txt", "ACME_ [BBB]\nSAME_ [SSS]\n")
    lexicon = ActorLexicon.load(builtin=False, tokenize=split, actors=[first, second])
    assert lexicon.names[("acme",)].code == "BBB"
    [conflict] = lexicon.conflicts
    assert (conflict.origin, conflict.other_origin, conflict.scope) == (f"{second}:1", f"{first}:1", "user")
    assert "overrides user AAA" in str(conflict)


def test_user_agents_override_builtin_roles(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.agents.txt", "MINISTER [~LEG]\nWIDGETEER [~BUS]\n")
    lexicon = ActorLexicon.load(tokenize=split, agents=[path])
    assert lexicon.roles[("minister",)].role == "LEG"
    assert lexicon.roles[("widgeteers",)].role == "BUS"
    [minister] = [c for c in lexicon.conflicts if c.key == "minister"]
    assert (minister.code, minister.other_code, minister.scope) == ("LEG", "GOV", "builtin")


def test_malformed_lines_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    actors = _write(tmp_path, "bad.actors.txt", "GOOD_ [AAA]\nBROKEN_ [BBB\nDATED_\n\t[CCC 990101]\nFINE_ [DDD]\n")
    agents = _write(tmp_path, "bad.agents.txt", "CLERK [~GOV]\nNOCODE\nODD [GOV]\nSCRIBE [~ABCD]\n")
    lexicon = ActorLexicon.load(builtin=False, tokenize=split, actors=[actors], agents=[agents])
    reasons = {p.origin: p.reason for p in lexicon.problems}
    assert set(reasons) == {f"{actors}:2", f"{actors}:3", f"{actors}:4", f"{agents}:2", f"{agents}:3",
                            f"{agents}:4"}
    assert "unbalanced" in reasons[f"{actors}:2"] and "three-letter" in reasons[f"{agents}:4"]
    assert lexicon.names[("good",)].code == "AAA" and lexicon.names[("fine",)].code == "DDD"
    assert lexicon.roles[("clerk",)].role == "GOV"


USER_VERBS = """\
&DEAL
+ACCORD
+TREATY
--- DENOUNCE_IT [112] ---       # built-in: 111
DENOUNCE
SLAM {SLAMS SLAMMED SLAMMING}
- * (TO +)  [111]
- * &DEAL   [057]
- &DEAL * [010]
- * {PEACE DEAL} [057]
- * HELP [---]
"""


def test_user_verbs_are_converted_and_override_builtins(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.verbs.txt", USER_VERBS)
    assert is_petrarch_verb_file(path)
    triggers = TriggerLexicon.load([path])
    slam = triggers.verb("slam")
    assert slam is not None and (slam.code, slam.origin) == ("112", f"{path}:6")
    assert triggers.forms["slammed"] == "slam"
    deal = triggers.verb("slam", objects=["treaty"])
    assert deal is not None and (deal.code, deal.origin) == ("057", f"{path}:8")
    to = triggers.verb("denounce", particles=["to"])
    assert to is not None and (to.code, to.targets) == ("111", ("to",))
    unmapped = {line.split(":")[1]: line for line in triggers.unmapped}
    assert set(unmapped) == {"9", "10", "11"}
    assert "words before the verb" in unmapped["9"] and "null code" in unmapped["11"]
    [conflict] = [c for c in triggers.conflicts if c.key == "denounce"]
    assert (conflict.code, conflict.origin, conflict.other_code, conflict.scope) == ("112", f"{path}:5", "111",
                                                                                     "builtin")
    assert conflict.other_origin.rsplit(":", 1)[0].endswith("geopol/data/verbs.tsv")
    assert triggers.verb("meet") is not None  # built-ins still there


def test_two_user_verb_files_and_geopol_tsv_files_together(tmp_path: Path) -> None:
    petrarch = _write(tmp_path, "a.verbs.txt", "--- X [040] ---\nCONFER\n")
    tsv = _write(tmp_path, "b.tsv", "confer\tVERB\t036\twith\tmutual\n")
    assert not is_petrarch_verb_file(tsv)
    triggers = TriggerLexicon.load([petrarch, tsv], builtin=False)
    confer = triggers.verb("confer")
    assert confer is not None and confer.code == "036" and confer.mutual
    [conflict] = triggers.conflicts
    assert (conflict.origin, conflict.other_origin, conflict.scope) == (f"{tsv}:1", f"{petrarch}:2", "user")
    assert set(triggers.verbs) == {"confer"}


def test_malformed_verb_lines_are_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.verbs.txt", "--- GOOD [010] ---\nSAY {SAID SAYS SAYING}\n- * [0x1]\n- NOSTAR [010]\n")
    triggers = TriggerLexicon.load([path], builtin=False)
    assert [p.split(":")[1] for p in triggers.problems] == ["3", "4"]
    said = triggers.verb("say")
    assert said is not None and said.code == "010"


def test_pipeline_config_carries_the_dictionaries_without_the_cli(tmp_path: Path) -> None:
    import pickle

    from geopol.pipeline import PipelineConfig, load_lexicons

    actors = _write(tmp_path, "mine.actors.txt", "ACME_ [MNCACME]\n")
    verbs = _write(tmp_path, "mine.verbs.txt", "--- X [040] ---\nCONFER\n")
    config = PipelineConfig(actors=(actors,), verbs=(verbs,), builtin_lexicons=False)
    config = pickle.loads(pickle.dumps(config))  # what a worker process receives
    lexicon, triggers = load_lexicons(config, split)
    assert set(lexicon.names) == {("acme",)} and not lexicon.roles
    assert set(triggers.verbs) == {"confer"} and not triggers.nouns
