"""Title Case headlines are parsed in sentence case, names and dates keeping their capitals."""

from __future__ import annotations

import datetime as dt

from geopol.headlines import HeadlineCase
from geopol.pipeline import Pipeline


def test_title_case_headline_gets_sentence_case_but_keeps_names_and_months() -> None:
    case = HeadlineCase.from_names([("Xi", "Jinping"), ("Putin",), ("Kenya",)])
    headline = "Putin and Xi Jinping to Discuss Trade With Kenya in May"
    assert case.sentence_case(headline) == "Putin and Xi jinping to discuss trade with Kenya in May"
    assert len(case.sentence_case(headline)) == len(headline)


def test_prose_and_long_lines_are_left_alone() -> None:
    case = HeadlineCase.from_names([("Putin",)])
    prose = "Putin met the Chinese leader in Beijing on Thursday for talks on energy."
    assert case.sentence_case(prose) == prose
    assert case.sentence_case("A Very Long Title " * 20) == "A Very Long Title " * 20


def test_headline_intention_is_coded_with_the_original_text_as_evidence(pipeline: Pipeline) -> None:
    headline = "Modi and Kishida to Discuss Trade Cooperation in Tokyo"
    result = pipeline.extract_text(headline, dt.date(2023, 3, 1))
    coded = {(e.source, e.code[:2], e.target) for e in result.events}
    assert ("INDGOV", "03", "JPNGOV") in coded
    assert all(e.sentence == headline for e in result.events)


def test_a_sentence_full_of_names_is_not_a_headline() -> None:
    case = HeadlineCase.from_names([("Kenya",)])
    sentence = "Norwegian Deputy Foreign Minister Anders Kvamsdal visited Kenya."
    assert case.sentence_case(sentence) == sentence
