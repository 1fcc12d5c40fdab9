"""The trigger lexicon format: verbs, nouns and attitude adjectives kept apart."""

from __future__ import annotations

from pathlib import Path

from geopol.events.triggers import TriggerLexicon


def test_adjectives_and_nouns_of_one_lemma_are_looked_up_apart(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("hope\tNOUN\t013\tfor\tlight\nhope\tADJ\t012\tabout\t-\nhope\tPOSTURE\t010\t-\t-\n",
                    encoding="utf-8")
    lexicon = TriggerLexicon.load([path], builtin=False)
    noun, adjective = lexicon.noun("hope"), lexicon.adjective("hope")
    assert noun is not None and noun.code == "013"
    assert adjective is not None and adjective.code == "012"
    assert any("POSTURE" in problem and ":3:" in problem for problem in lexicon.problems)


def test_builtin_lexicon_has_attitude_adjectives() -> None:
    lexicon = TriggerLexicon.load()
    sceptical = lexicon.adjective("skeptical")
    assert sceptical is not None and sceptical.code == "012"
    assert lexicon.noun("skeptical") is None
