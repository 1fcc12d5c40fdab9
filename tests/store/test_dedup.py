"""The grouping rule of geopol.store.dedup, on hand-made mentions (no database)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from store_samples import make_doc, make_event

from geopol.store import StoreError
from geopol.store.dedup import DedupConfig, Mention, day_range, event_id, group, representative, stored_event


def mention(doc_id: str, *, date: str | None = None, report: str | None = "2024-05-14", outlet: str = "A",
            start: int = 0, **fields: Any) -> Mention:
    doc = make_doc(doc_id, "Kishida met Modi. " * 4, date=dt.date.fromisoformat(report) if report else None,
                   outlet=outlet)
    values = {"source": "JPN", "target": "IND", "code": "040", "root": "04", **fields}
    event = make_event(doc, "Kishida met Modi.", date=date, **values)
    return Mention(event.__class__(**{**event.to_dict(), "start": start, "end": start + 17}))


def docs_of(groups: list[list[Mention]]) -> list[list[str]]:
    return [[f"{m.event.doc}@{m.event.start}" for m in members] for members in groups]


def test_day_ranges() -> None:
    assert day_range("2024-05-14") == (dt.date(2024, 5, 14).toordinal(),) * 2
    assert day_range("2024-02") == (dt.date(2024, 2, 1).toordinal(), dt.date(2024, 2, 29).toordinal())
    assert day_range("2024") == (dt.date(2024, 1, 1).toordinal(), dt.date(2024, 12, 31).toordinal())
    assert day_range("2024-13-01") is None
    assert day_range(None) is None


def test_same_date_groups_different_dates_stay_apart() -> None:
    mentions = [
        mention("a", date="2024-05-14"),
        mention("b", date="2024-05-14", report="2024-05-15"),
        mention("c", date="2024-05-16", report="2024-05-16"),
    ]
    assert docs_of(group(mentions, 3)) == [["a@0", "b@0"], ["c@0"]]


def test_overlapping_ranges_and_partial_dates_count_as_the_same() -> None:
    mentions = [
        mention("a", date="2024-05-13", date_end="2024-05-15"),
        mention("b", date="2024-05-15"),
        mention("c", date="2024-05", report="2024-05-20"),
        mention("d", date="2024-06-01", report="2024-06-01"),
    ]
    assert docs_of(group(mentions, 3)) == [["a@0", "b@0", "c@0"], ["d@0"]]


def test_undated_mentions_join_the_nearest_dated_event_within_the_window() -> None:
    mentions = [
        mention("a", date="2024-05-10", report="2024-05-10"),
        mention("b", date="2024-05-16", report="2024-05-16"),
        mention("u1", report="2024-05-15"),  # 1 day from b's date, 5 from a's
        mention("u2", report="2024-05-12"),  # 2 days from a, 4 from b
        mention("u3", report="2024-05-25"),  # 9 days from b: alone
    ]
    assert docs_of(group(mentions, 3)) == [["a@0", "u2@0"], ["u1@0", "b@0"], ["u3@0"]]
    assert docs_of(group(mentions, 0)) == [["a@0"], ["u2@0"], ["u1@0"], ["b@0"], ["u3@0"]]


def test_undated_mentions_never_bridge_two_dated_events() -> None:
    mentions = [mention("a", date="2024-05-13"), mention("b", date="2024-05-15"), mention("u", report="2024-05-14")]
    assert len(group(mentions, 3)) == 2


def test_undated_only_groups_do_not_chain_past_the_window() -> None:
    daily = [mention(f"d{day:02}", report=f"2024-05-{day:02}") for day in range(1, 11)]
    assert [len(members) for members in group(daily, 3)] == [4, 4, 2]


def test_mentions_without_any_date_stay_in_their_document() -> None:
    mentions = [
        mention("x", report=None, start=0),
        mention("x", report=None, start=18),
        mention("y", report=None),
        mention("z", date="2024-05-14", report=None, start=0),
        mention("z", report=None, start=18),
    ]
    assert docs_of(group(mentions, 3)) == [["x@0", "x@18"], ["y@0"], ["z@0", "z@18"]]


def test_grouping_does_not_depend_on_the_order_of_mentions() -> None:
    mentions = [
        mention("a", date="2024-05-14", outlet="A"),
        mention("b", report="2024-05-15", outlet="B"),
        mention("c", date="2024-05-15", report="2024-05-16", outlet="C"),
        mention("d", report="2024-05-30", outlet="D"),
        mention("e", date="2024-05-20", report="2024-05-21", outlet="E"),
    ]
    expected = docs_of(group(mentions, 3))
    for permutation in itertools.permutations(mentions):
        assert docs_of(group(permutation, 3)) == expected


def test_the_event_keeps_the_most_specific_code_and_counts_reports() -> None:
    members = group(
        [
            mention("a", date="2024-05-14", outlet="A", code="040"),
            mention("b", date="2024-05-14", report="2024-05-15", outlet="B", code="042"),
            mention("c", date="2024-05-14", report="2024-05-16", outlet="B", code="043"),
            mention("a", date="2024-05-14", outlet="A", code="046", start=18),
        ],
        3,
    )[0]
    assert representative(members).event.code == "040"  # all three digits long: the first report wins
    event = stored_event(members, 0.5)
    assert (event.code, event.doc, event.mentions, event.documents, event.outlets) == ("040", "a", 4, 3, 2)
    assert (event.first_report, event.last_report, event.date) == ("2024-05-14", "2024-05-16", "2024-05-14")
    assert event.confidence == 0.75
    specific = [*members, mention("d", date="2024-05-14", report="2024-05-17", code="0431")]
    assert stored_event(sorted(specific, key=Mention.order), 0.5).code == "0431"


def test_event_ids_depend_on_the_key_and_the_first_mention_only() -> None:
    first = [mention("a", date="2024-05-14"), mention("b", date="2024-05-14", report="2024-05-15")]
    more = [*first, mention("c", date="2024-05-14", report="2024-05-16")]
    assert event_id(group(first, 3)[0]) == event_id(group(more, 3)[0])
    reverse = [mention("a", date="2024-05-14", source="IND", target="JPN")]
    assert event_id(group(reverse, 3)[0]) != event_id(group(first, 3)[0])
    assert len(event_id(first)) == 20


@pytest.mark.parametrize("config", [{"window_days": -1}, {"window_days": 1.5}, {"confidence_base": 1.0}])
def test_invalid_configs_are_refused(config: dict[str, Any]) -> None:
    with pytest.raises(StoreError):
        DedupConfig(**config)
