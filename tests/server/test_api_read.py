"""The read routes of the API, on a database coded from our own articles (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

Client = Any
ErrorCheck = Any


def all_events(client: Client, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"])
    return list(page["items"])


def test_stats_count_what_was_stored(client: Client, articles: Any) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == len(articles)
    assert stats["rejections"] == 0
    assert 0 < stats["events"] <= stats["mentions"]
    assert stats["events"] == len(all_events(client))
    assert stats["writable"] is False


def test_events_page_shape_and_evidence(client: Client, articles: Any) -> None:
    page = client.get("/api/events", params={"limit": 3}).json()
    assert set(page) == {"total", "limit", "offset", "items"}
    assert (page["limit"], page["offset"], len(page["items"])) == (3, 0, 3)
    texts = {a["id"]: a["text"] for a in articles}
    for event in page["items"]:
        assert event["sentence"] in texts[event["doc"]]
        assert event["mentions"] >= event["documents"] >= 1


def test_pages_partition_the_result(client: Client) -> None:
    everything = [e["id"] for e in all_events(client)]
    pages = [client.get("/api/events", params={"limit": 4, "offset": offset}).json()
             for offset in range(0, len(everything), 4)]
    assert all(p["total"] == len(everything) for p in pages)
    assert [e["id"] for p in pages for e in p["items"]] == everything
    beyond = client.get("/api/events", params={"limit": 4, "offset": len(everything)}).json()
    assert beyond["items"] == [] and beyond["total"] == len(everything)


def test_sort_by_date_both_ways(client: Client) -> None:
    def dates(sort: str) -> list[str]:
        return [e["date"] for e in all_events(client, sort=sort) if e["date"]]

    ascending, descending = dates("date"), dates("-date")
    assert len(set(ascending)) > 2
    assert ascending == sorted(ascending)
    assert descending == sorted(descending, reverse=True)


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "pol"}, lambda e: "POL" in (e["source"][:3], e["target"][:3])),
    ({"dyad": "DEU,FRA"}, lambda e: {e["source"][:3], e["target"][:3]} == {"FRA", "DEU"}),
    ({"code": "05"}, lambda e: e["code"].startswith("05")),
    ({"root": "11"}, lambda e: e["root"] == "11"),
    ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ({"plover": "CONSULT"}, lambda e: e["plover"] == "CONSULT"),
    ({"since": "2024-07"}, lambda e: (e["date"] or e["first_report"]) >= "2024-07"),
    ({"until": "2023"}, lambda e: (e["date"] or e["first_report"]) < "2024"),
    ({"text": "rail"}, lambda e: e["doc"] == "esp-prt"),
])
def test_each_filter_keeps_only_and_some_events(client: Client, params: dict[str, Any], check: Any) -> None:
    found = all_events(client, **params)
    assert found, f"nothing matched {params}"
    assert all(check(e) for e in found), found
    assert len(found) < len(all_events(client)), f"{params} filtered nothing"


def test_outlet_filter_matches_reports_of_that_outlet(client: Client, articles: Any) -> None:
    found = all_events(client, outlet="East Times")
    docs = {a["id"] for a in articles if a["source"] == "East Times"}
    assert found and {e["doc"] for e in found} <= docs


def test_filters_combine(client: Client) -> None:
    both = all_events(client, actor="PRK", quad_class=4)
    assert both and all(e["quad_class"] == 4 and "PRK" in (e["source"][:3], e["target"][:3]) for e in both)
    assert len(both) < len(all_events(client, actor="PRK"))


def test_reports_from_two_outlets_are_one_event(client: Client) -> None:
    found = all_events(client, dyad="FRA,DEU", code="057")
    assert max(e["outlets"] for e in found) == 2


def test_one_event_with_its_mentions_and_evidence(client: Client, articles: Any) -> None:
    event = max(all_events(client, dyad="FRA,DEU"), key=lambda e: e["mentions"])
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["event"] == event
    mentions = detail["mentions"]
    assert len(mentions) == event["mentions"]
    assert {m["outlet"] for m in mentions} == {"North Gazette", "South Herald"}
    urls = {a["id"]: a.get("url") for a in articles}
    for mention in mentions:
        text = client.get(f"/api/documents/{mention['doc']}").json()["text"]
        assert text[mention["start"]:mention["end"]] == mention["sentence"]
        assert mention["url"] == urls[mention["doc"]]


def test_unknown_event_is_404(client: Client, api_error: ErrorCheck) -> None:
    api_error(client.get("/api/events/no-such-event"), 404, "not_found")


def test_documents_list_paginates_and_filters(client: Client, articles: Any) -> None:
    listed = client.get("/api/documents", params={"limit": 500}).json()
    assert listed["total"] == len(articles)
    assert sorted(d["id"] for d in listed["items"]) == sorted(a["id"] for a in articles)
    first, second = (client.get("/api/documents", params={"limit": 4, "offset": o}).json() for o in (0, 4))
    assert [d["id"] for d in first["items"] + second["items"]] == [d["id"] for d in listed["items"]]
    east = client.get("/api/documents", params={"outlet": "East Times"}).json()
    assert east["total"] == 2 and {d["outlet"] for d in east["items"]} == {"East Times"}
    dated = client.get("/api/documents", params={"since": "2024-06", "until": "2024-06"}).json()
    assert [d["id"] for d in dated["items"]] == ["pol-blr"] and dated["total"] == 1


def test_one_document_with_text_and_evidence_spans(client: Client) -> None:
    doc = client.get("/api/documents/fra-deu-1").json()
    assert (doc["title"], doc["outlet"], doc["url"], doc["date"]) == (
        "Paris pact", "North Gazette", "https://example.org/fra-deu-1", "2024-05-02")
    assert "defence agreement" in doc["text"]
    assert doc["spans"], "the document's events have no spans"
    for span in doc["spans"]:
        assert doc["text"][span["start"]:span["end"]] == span["sentence"]


def test_unknown_document_is_404(client: Client, api_error: ErrorCheck) -> None:
    api_error(client.get("/api/documents/nope"), 404, "not_found")


def test_actors_rank_actors_and_pairs(client: Client) -> None:
    body = client.get("/api/actors", params={"top": 3}).json()
    assert len(body["actors"]) == 3
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    pairs = client.get("/api/actors", params={"dyad": "FRA,DEU"}).json()["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [("DEU", "FRA")]
    assert pairs[0]["cooperation"] == pairs[0]["events"] > 0


def test_actors_fold_codes_to_countries(client: Client) -> None:
    codes = {a["code"] for a in client.get("/api/actors", params={"top": 100}).json()["actors"]}
    folded = {a["code"] for a in client.get("/api/actors", params={"top": 100, "countries": True}).json()["actors"]}
    assert "PRKMIL" in codes and "PRKMIL" not in folded and "PRK" in folded


def test_timeline_of_a_dyad_by_month(client: Client) -> None:
    body = client.get("/api/timeline", params={"dyad": "FRA,DEU"}).json()
    assert body["by"] == "month"
    (row,) = body["rows"]
    assert row["period"] == "2024-05"
    assert row["by_quad"]["1"] == row["events"] > 0
    assert row["goldstein_mean"] > 0 and row["documents"] == 2


def test_timeline_fills_the_months_between(client: Client) -> None:
    rows = client.get("/api/timeline", params={"by": "month"}).json()["rows"]
    periods = [r["period"] for r in rows]
    assert periods[0] == "2023-01" and periods[-1] == "2024-07" and len(periods) == 19
    years = client.get("/api/timeline", params={"by": "year"}).json()["rows"]
    assert [r["period"] for r in years] == ["2023", "2024"]
    assert sum(r["events"] for r in years) == sum(r["events"] for r in rows)


def test_network_around_actors(client: Client) -> None:
    whole = client.get("/api/network").json()
    assert {"FRA", "DEU", "POL", "BLR"} <= {n["code"] for n in whole["nodes"]}
    around = client.get("/api/network", params={"around": "pol,prk", "countries": True}).json()
    assert {n["code"] for n in around["nodes"]} == {"POL", "BLR", "JPN", "PRK", "USA"}
    for edge in around["edges"]:
        assert {"POL", "PRK"} & {edge["source"], edge["target"]}
        assert edge["cooperation"] + edge["conflict"] == edge["events"]


def test_network_drops_weak_edges(client: Client) -> None:
    strong = client.get("/api/network", params={"min_events": 2, "countries": True}).json()
    assert strong["edges"] and all(e["events"] >= 2 for e in strong["edges"])
    assert len(strong["edges"]) < len(client.get("/api/network", params={"countries": True}).json()["edges"])


def test_search_finds_words_in_the_evidence(client: Client, api_error: ErrorCheck) -> None:
    body = client.get("/api/search", params={"q": "sanctions"}).json()
    assert body["q"] == "sanctions" and body["total"] == len(body["items"]) >= 1
    assert all(e["doc"] == "jpn-prk" for e in body["items"])
    assert client.get("/api/search", params={"q": "sanctions", "quad_class": 1}).json()["total"] == 0
    api_error(client.get("/api/search"), 422, "validation_error")


def test_openapi_describes_every_route(client: Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{doc_id}",
                 "/api/actors", "/api/timeline", "/api/network", "/api/search", "/api/stats"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/documents"]
    assert "ErrorResponse" in spec["components"]["schemas"]
