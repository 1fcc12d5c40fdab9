"""Store.mentions filters, ordering and paging; Store.documents and Store.document."""

from __future__ import annotations

import datetime as dt

import pytest
from store_samples import sample_batch

from geopol.store import EventQuery, StoreError
from geopol.store.base import Store
from geopol.store.dialect import POSTGRESQL, SQLITE, Params
from geopol.store.queries import like_condition, mention_select


def codes(store: Store, **query: object) -> list[str]:
    return [e.code for e in store.mentions(EventQuery(**query))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"actor": "RUS"}, {"0431", "112"}),
        ({"actor": "rus"}, {"0431", "112"}),
        ({"actor": "RUSGOV"}, {"0431"}),
        ({"actor": "CHN"}, {"036", "040"}),
        ({"dyad": ("USA", "CHN")}, {"036", "040"}),
        ({"dyad": ("CHN", "USA")}, {"036", "040"}),
        ({"dyad": ("UKR", "RUS")}, {"0431", "112"}),
        ({"dyad": ("FRA", "USA")}, set()),
        ({"code": "04"}, {"0431", "040"}),
        ({"code": "043"}, {"0431"}),
        ({"code": "11"}, {"112", "111"}),
        ({"root": "11"}, {"112", "111"}),
        ({"quad_class": 3}, {"112", "111"}),
        ({"plover": "CONSULT"}, {"0431", "040"}),
        ({"outlet": "AP"}, {"036", "040", "111"}),
        ({"doc": "d2"}, {"036", "040"}),
        ({"actor": "RUS", "code": "11"}, {"112"}),
    ],
)
def test_filters(filled: Store, query: dict[str, object], expected: set[str]) -> None:
    assert set(codes(filled, **query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"since": "2024-04-01"}, {"036", "040"}),
        ({"since": "2024-04-10"}, {"040"}),
        ({"until": "2024-03-01"}, {"0431", "112"}),  # 112 has no date: its document's date counts
        ({"until": "2024-03"}, {"0431", "112"}),
        ({"until": "2024-04-09"}, {"0431", "112", "036"}),
        ({"since": "2024-03", "until": "2024-03"}, {"0431", "112"}),
        ({"since": "2024"}, {"0431", "112", "036", "040"}),  # d3 has no date at all
        ({"since": "2025"}, set()),
    ],
)
def test_period_filters(filled: Store, query: dict[str, object], expected: set[str]) -> None:
    assert set(codes(filled, **query)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geneva", {"0431"}),
        ("geneva", {"0431"}),
        ("Gene", {"0431"}),
        ("100%", {"112"}),
        ("met Ukrainian", {"0431"}),
        ("United States", {"040"}),
        ("Tokyo", set()),
    ],
)
def test_text_filter(filled_any_text: Store, text: str, expected: set[str]) -> None:
    assert set(codes(filled_any_text, text=text)) == expected


def test_text_without_words_uses_a_substring_match(filled_any_text: Store) -> None:
    assert set(codes(filled_any_text, text="%")) == {"112"}
    assert set(codes(filled_any_text, text="_")) == set()


def test_order_by_date_undated_last(filled: Store) -> None:
    # effective dates: 0431 and 112 on 2024-03-01 (d1 order), 036 on 04-09, 040 on 04-10, 111 none
    assert codes(filled) == ["0431", "112", "036", "040", "111"]
    assert codes(filled, order="-date") == ["040", "036", "0431", "112", "111"]


def test_pages_cover_the_whole_result_once(filled: Store) -> None:
    everything = codes(filled, order="-date")
    pages = [codes(filled, order="-date", limit=2, offset=offset) for offset in (0, 2, 4, 6)]
    assert pages[-1] == []
    assert [code for page in pages for code in page] == everything
    assert codes(filled, offset=3) == codes(filled)[3:]
    assert codes(filled, limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        {"actor": ""},
        {"code": " "},
        {"dyad": ("USA",)},
        {"since": "March 2024"},
        {"until": "2024-3-1"},
        {"limit": -1},
        {"offset": -5},
        {"order": "date desc"},
    ],
)
def test_invalid_queries_are_refused(query: dict[str, object]) -> None:
    with pytest.raises(StoreError):
        EventQuery(**query)  # type: ignore[arg-type]


def test_documents_listing(filled: Store) -> None:
    listed = list(filled.documents())
    assert [d.id for d in listed] == ["d1", "d2", "d3"]
    assert [d.mentions for d in listed] == [2, 2, 1]
    assert listed[0].date == "2024-03-01" and listed[0].title == "Talks"
    assert len(listed[0].content_hash) == 64
    assert [d.id for d in filled.documents(outlet="AP")] == ["d2", "d3"]
    assert [d.id for d in filled.documents(since="2024-04")] == ["d2"]
    assert [d.id for d in filled.documents(until="2024-03")] == ["d1"]
    assert [d.id for d in filled.documents(limit=1, offset=1)] == ["d2"]
    with pytest.raises(StoreError):
        filled.documents(since="yesterday")
    assert filled.count_documents() == 3
    assert filled.count_documents(outlet="AP") == 2
    assert filled.count_documents(outlet="AP", since="2024-04") == 1
    assert filled.count_documents(until="2024-03") == 1
    with pytest.raises(StoreError):
        filled.count_documents(until="soon")


def test_document_is_rebuilt_in_full(filled: Store) -> None:
    original = sample_batch()[0][0]
    stored = filled.document("d1")
    assert stored is not None
    assert stored.text == original.text
    assert stored.removed == original.removed
    assert stored.article.date == dt.date(2024, 3, 1)
    assert stored.article.outlet == "Reuters"
    assert stored.article.origin == original.article.origin
    assert filled.document("nope") is None


def test_reading_while_writing_on_the_same_store(store: Store) -> None:
    batch = sample_batch()
    store.add_batch(batch[:2])
    pending = store.mentions()
    assert next(pending).code == "0431"
    assert store.add_batch(batch[2:]).added == 1  # the write does not wait for the open read
    assert [e.code for e in pending] == ["112", "036", "040"]
    assert store.counts()["mentions"] == 5


def test_queries_are_written_for_each_dialect() -> None:
    query = EventQuery(actor="RUS", dyad=("UKR", "RUS"), code="04", since="2024", text="talks", offset=5)
    for dialect in (SQLITE, POSTGRESQL):
        params = Params(dialect)
        sql = mention_select(query, params, like_condition)
        assert sql.count(dialect.placeholder) == len(params.values)
        assert f"LIMIT {dialect.unbounded_limit} OFFSET" in sql
    assert "%s" not in mention_select(query, Params(SQLITE), like_condition)
