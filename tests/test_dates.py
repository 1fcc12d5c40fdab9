"""Tests for geopol.dates: resolving date expressions against the document date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geopol.dates import DateRange, iso, resolve_date

D = dt.date
REF = D(2023, 3, 21)
"""A Tuesday: the guidelines' example article date."""


def _day(expression: str, reference: dt.date | None, tense: str = "past") -> str | None:
    found = resolve_date(expression, reference, tense)
    assert found is not None, expression
    assert found.granularity == "day", found
    assert found.start == found.end, found
    return iso(found.start)


def _span(expression: str, reference: dt.date | None, tense: str = "past") -> tuple[str | None, str | None]:
    found = resolve_date(expression, reference, tense)
    assert found is not None, expression
    assert found.granularity == "day", found
    return iso(found.start), iso(found.end)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("yesterday", "2023-03-20"),
        ("today", "2023-03-21"),
        ("tonight", "2023-03-21"),
        ("this morning", "2023-03-21"),
        ("tomorrow", "2023-03-22"),
        ("last night", "2023-03-20"),
        ("the day before yesterday", "2023-03-19"),
        ("the day after tomorrow", "2023-03-23"),
        ("3 days ago", "2023-03-18"),
        ("three days ago", "2023-03-18"),
        ("a week ago", "2023-03-14"),
        ("two weeks ago", "2023-03-07"),
        ("in two days", "2023-03-23"),
        ("the previous day", "2023-03-20"),
        ("the day before", "2023-03-20"),
        ("a day earlier", "2023-03-20"),
        ("the next day", "2023-03-22"),
        ("the following day", "2023-03-22"),
        ("two days later", "2023-03-23"),
        ("the same day", "2023-03-21"),
        ("on 17 May 2024", "2024-05-17"),
        ("17 May, 2024", "2024-05-17"),
        ("May 17, 2024", "2024-05-17"),
        ("Jan. 6, 2021", "2021-01-06"),
        ("17.05.2024", "2024-05-17"),
        ("17.5.24", "2024-05-17"),
        ("17-05-2024", "2024-05-17"),
        ("17/05/2024", "2024-05-17"),
        ("2024-05-17", "2024-05-17"),
        ("2024/05/17", "2024-05-17"),
        ("Sept. 20", "2022-09-20"),
        ("Sep 1", "2022-09-01"),
        ("March 3rd", "2023-03-03"),
        ("16th of May", "2023-05-16"),
        ("June the 1st", "2023-06-01"),
        ("the 20th", "2023-03-20"),
        ("on the 5th", "2023-03-05"),
        ("Wednesday, September 20", "2023-09-20"),
        ("Thursday, 16 May 2024", "2024-05-16"),
        ("May 16 last year", "2022-05-16"),
        ("two days after May 16", "2023-05-18"),
        ("the day before March 10", "2023-03-09"),
        ("on Monday night", "2023-03-20"),
        ("late on Friday", "2023-03-17"),
        ("Friday's", "2023-03-17"),
        ("10 a.m. on Monday", "2023-03-20"),
        ("at 10:30 on Monday", "2023-03-20"),
        ("earlier on Monday", "2023-03-20"),
        ("Monday last week", "2023-03-13"),
        ("on Wednesday next week", "2023-03-29"),
        ("last Friday", "2023-03-17"),
        ("last Tuesday", "2023-03-14"),
        ("next Tuesday", "2023-03-28"),
        ("Sat.", "2023-03-18"),
    ],
)
def test_day_past(expression: str, expected: str) -> None:
    assert _day(expression, REF, "past") == expected


@pytest.mark.parametrize(
    ("expression", "past", "future"),
    [
        ("on Wednesday", "2023-03-15", "2023-03-22"),  # the guidelines' example (future)
        ("Wednesday", "2023-03-15", "2023-03-22"),
        ("on Tuesday", "2023-03-21", "2023-03-21"),  # same day counts either way
        ("on Monday", "2023-03-20", "2023-03-27"),
        ("on Sunday", "2023-03-19", "2023-03-26"),
        ("on Monday night", "2023-03-20", "2023-03-27"),
        ("late on Friday", "2023-03-17", "2023-03-24"),
        ("this Thursday", "2023-03-16", "2023-03-23"),
        ("last Wednesday", "2023-03-15", "2023-03-15"),
        ("next Wednesday", "2023-03-22", "2023-03-22"),
        ("yesterday", "2023-03-20", "2023-03-20"),
        ("the 20th", "2023-03-20", "2023-03-20"),
        ("Wednesday, September 20", "2023-09-20", "2023-09-20"),
    ],
)
def test_weekday_tense(expression: str, past: str, future: str) -> None:
    assert _day(expression, REF, "past") == past
    assert _day(expression, REF, "future") == future


def test_present_tense_takes_nearest_weekday() -> None:
    wednesday = D(2024, 6, 5)
    assert _day("Monday", wednesday, "present") == "2024-06-03"
    assert _day("Friday", wednesday, "present") == "2024-06-07"


def test_accepts_datetime_reference() -> None:
    assert _day("yesterday", dt.datetime(2023, 3, 21, 14, 30)) == "2023-03-20"


@pytest.mark.parametrize(
    ("expression", "reference", "tense", "expected"),
    [
        ("Dec 30", D(2024, 1, 2), "past", "2023-12-30"),  # previous year: nearer
        ("Dec. 30", D(2024, 1, 2), "future", "2023-12-30"),
        ("Jan 2", D(2023, 12, 30), "future", "2024-01-02"),
        ("Jan 2", D(2023, 12, 30), "past", "2024-01-02"),
        ("yesterday", D(2024, 1, 1), "past", "2023-12-31"),
        ("tomorrow", D(2023, 12, 31), "future", "2024-01-01"),
        ("on Friday", D(2024, 1, 1), "past", "2023-12-29"),
        ("on Tuesday", D(2023, 12, 30), "future", "2024-01-02"),
        ("3 days ago", D(2024, 3, 1), "past", "2024-02-27"),
        ("the 31st", D(2023, 4, 10), "past", "2023-03-31"),  # no 31 April
        ("the 30th", D(2024, 6, 2), "past", "2024-05-30"),
        ("the 2nd", D(2024, 5, 30), "future", "2024-06-02"),
        ("Feb 29", D(2024, 3, 10), "past", "2024-02-29"),
        ("June 20", D(2023, 2, 10), "past", "2022-06-20"),  # the past tense leans back
        ("June 20", D(2023, 2, 10), "future", "2023-06-20"),
        ("Nov. 5", D(2024, 4, 1), "future", "2024-11-05"),
        ("Nov. 5", D(2024, 4, 1), "past", "2023-11-05"),
        ("5/16", D(2023, 3, 21), "past", "2023-05-16"),
    ],
)
def test_year_and_month_boundaries(
    expression: str, reference: dt.date, tense: str, expected: str
) -> None:
    assert _day(expression, reference, tense) == expected


@pytest.mark.parametrize(
    ("expression", "reference", "tense", "start", "end"),
    [
        ("May 16 and 17", REF, "past", "2023-05-16", "2023-05-17"),
        ("May 16-17", REF, "past", "2023-05-16", "2023-05-17"),
        ("May 16–17, 2024", REF, "past", "2024-05-16", "2024-05-17"),
        ("16 to 17 May", REF, "past", "2023-05-16", "2023-05-17"),
        ("16-17 May 2024", None, "past", "2024-05-16", "2024-05-17"),
        ("between 16 and 18 May 2024", None, "past", "2024-05-16", "2024-05-18"),
        ("May 16, 17 and 18", D(2024, 5, 20), "past", "2024-05-16", "2024-05-18"),
        ("May 30 to June 2", D(2023, 6, 5), "past", "2023-05-30", "2023-06-02"),
        ("30 May - 2 June 2024", None, "past", "2024-05-30", "2024-06-02"),
        ("Dec 30 to Jan 2", D(2024, 1, 5), "past", "2023-12-30", "2024-01-02"),
        ("December 30, 2023 to January 2", None, "past", "2023-12-30", "2024-01-02"),
        ("the 16th and 17th", D(2024, 6, 20), "past", "2024-06-16", "2024-06-17"),
        ("17.05.2024 - 19.05.2024", None, "past", "2024-05-17", "2024-05-19"),
        ("from Monday to Wednesday", REF, "past", "2023-03-13", "2023-03-15"),
        ("from Monday to Wednesday", REF, "future", "2023-03-27", "2023-03-29"),
        ("Monday and Tuesday", REF, "past", "2023-03-20", "2023-03-21"),
        ("Tuesday and Wednesday", REF, "future", "2023-03-21", "2023-03-22"),
        ("Friday to Sunday", REF, "past", "2023-03-17", "2023-03-19"),
        ("over the weekend", REF, "past", "2023-03-18", "2023-03-19"),
        ("this weekend", REF, "future", "2023-03-25", "2023-03-26"),
        ("next weekend", REF, "past", "2023-03-25", "2023-03-26"),
    ],
)
def test_ranges(
    expression: str, reference: dt.date | None, tense: str, start: str, end: str
) -> None:
    assert _span(expression, reference, tense) == (start, end)


@pytest.mark.parametrize(
    ("expression", "reference", "tense", "month"),
    [
        ("last month", REF, "past", "2023-02"),
        ("this month", REF, "past", "2023-03"),
        ("earlier this month", REF, "past", "2023-03"),
        ("next month", REF, "future", "2023-04"),
        ("last month", D(2024, 1, 15), "past", "2023-12"),
        ("next month", D(2023, 12, 15), "future", "2024-01"),
        ("three months ago", REF, "past", "2022-12"),
        ("March 2023", REF, "past", "2023-03"),
        ("March 2023", None, "past", "2023-03"),
        ("in March", REF, "past", "2023-03"),
        ("in March", REF, "future", "2023-03"),
        ("in May", REF, "past", "2022-05"),
        ("in May", REF, "future", "2023-05"),
        ("in December", D(2024, 1, 10), "past", "2023-12"),
        ("in December", D(2024, 1, 10), "future", "2024-12"),
        ("in early March", REF, "past", "2023-03"),
        ("mid-March", D(2024, 5, 1), "past", "2024-03"),
        ("the end of May 2022", REF, "past", "2022-05"),
        ("last March", REF, "past", "2022-03"),
        ("this March", REF, "past", "2023-03"),
        ("March last year", REF, "past", "2022-03"),
        ("in June this year", REF, "past", "2023-06"),
        ("2024-05", None, "past", "2024-05"),
        ("05/2024", None, "past", "2024-05"),
        ("in may", REF, "past", "2022-05"),
    ],
)
def test_months(expression: str, reference: dt.date | None, tense: str, month: str) -> None:
    found = resolve_date(expression, reference, tense)
    assert found == DateRange(None, None, expression, "month", month)


@pytest.mark.parametrize(
    ("expression", "granularity"),
    [
        ("earlier this year", "year"),
        ("later this year", "year"),
        ("last year", "year"),
        ("this year", "year"),
        ("next year", "year"),
        ("late last year", "year"),
        ("two years ago", "year"),
        ("in 2019", "year"),
        ("2019", "year"),
        ("the end of 2022", "year"),
        ("2019-2020", "year"),
        ("in recent years", "none"),
        ("years ago", "none"),
        ("recently", "none"),
        ("days after", "none"),
        ("a few days ago", "none"),
        ("the past year", "none"),
        ("this week", "none"),
        ("next week", "none"),
        ("last week", "none"),
        ("earlier this week", "none"),
        ("the 1990s", "none"),
        ("the 20th century", "none"),
        ("in the coming weeks", "none"),
        ("days after the election", "none"),
        ("the day before the vote", "none"),
        ("two days after the election", "none"),
    ],
)
def test_no_day(expression: str, granularity: str) -> None:
    found = resolve_date(expression, REF, "past")
    assert found == DateRange(None, None, expression, granularity, None)


@pytest.mark.parametrize(
    ("expression", "granularity", "start"),
    [
        ("2024-05-17", "day", "2024-05-17"),
        ("on 17 May 2024", "day", "2024-05-17"),
        ("17.05.2024", "day", "2024-05-17"),
        ("May 16", "day", None),
        ("Sept. 20", "day", None),
        ("Wednesday, September 20", "day", None),
        ("the 20th", "day", None),
        ("yesterday", "day", None),
        ("3 days ago", "day", None),
        ("on Wednesday", "day", None),
        ("over the weekend", "day", None),
        ("last month", "month", None),
        ("in March", "month", None),
        ("earlier this year", "year", None),
        ("recently", "none", None),
    ],
)
def test_without_reference(expression: str, granularity: str, start: str | None) -> None:
    found = resolve_date(expression, None)
    assert found is not None
    assert found.granularity == granularity
    assert iso(found.start) == start
    assert found.end == found.start


def test_no_reference_month_is_unknown() -> None:
    found = resolve_date("in March", None)
    assert found is not None and found.month is None


@pytest.mark.parametrize(
    "expression",
    ["", "   ", "the time", "a moment", "foo bar", "12345", "the march", "may", "!!!", "at 10 a.m."],
)
def test_no_date(expression: str) -> None:
    assert resolve_date(expression, REF) is None
    assert resolve_date(expression, None, "future") is None


@pytest.mark.parametrize("expression", ["31 February 2024", "99.99.9999", "2024-02-30"])
def test_impossible_dates(expression: str) -> None:
    found = resolve_date(expression, REF)
    assert found is not None
    assert found.granularity == "day" and found.start is None and found.end is None


def test_text_is_kept() -> None:
    found = resolve_date("on Monday night", REF)
    assert found is not None and found.text == "on Monday night"


def test_iso() -> None:
    assert iso(None) is None
    assert iso(D(2024, 5, 7)) == "2024-05-07"


_FUZZ_WORDS = (
    "May", "may", "march", "Sept.", "the", "20th", "16", "-", "and", "to", "2024", "17.05.2024", "2024-05",
    "5/16", "last", "next", "this", "week", "year", "month", "days", "ago", "two", "a", "before", "after",
    "Monday", "Sun.", "night", "yesterday", "weekend", "1990s", "31", "99", "of", ",", "10 a.m.", "in",
)


@given(
    st.lists(st.sampled_from(_FUZZ_WORDS), max_size=8).map(" ".join) | st.text(max_size=40),
    st.one_of(st.none(), st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))),
    st.sampled_from(["past", "future", "present"]),
)
def test_never_raises_and_is_consistent(expression: str, reference: dt.date | None, tense: str) -> None:
    found = resolve_date(expression, reference, tense)
    if found is None:
        return
    assert found.granularity in ("day", "month", "year", "none")
    assert (found.start is None) == (found.end is None)
    if found.start is not None and found.end is not None:
        assert found.granularity == "day" and found.start <= found.end
    if found.month is not None:
        assert found.granularity == "month" and len(found.month) == 7


@pytest.mark.parametrize(("text", "relative", "news_day"), [
    ("A day earlier", True, False), ("two days later", True, False), ("the following day", True, False),
    ("on Monday", False, True), ("yesterday", False, True), ("Oct. 1", False, False), ("last month", False, False),
])
def test_story_relative_and_news_day_expressions(text: str, relative: bool, news_day: bool) -> None:
    from geopol.dates import is_news_day, is_story_relative

    assert (is_story_relative(text), is_news_day(text)) == (relative, news_day)


def test_overnight_is_the_night_before_the_report() -> None:
    import datetime as dt

    from geopol.dates import resolve_date

    when = resolve_date("overnight", dt.date(2024, 12, 29))
    assert when is not None and when.start == when.end == dt.date(2024, 12, 28)
