"""POST /api/documents: the token, the body formats, what is stored, and the refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

Client = Any
ErrorCheck = Any

MEETING = {"id": "post-1", "date": "2024-09-12", "source": "Harbour Post", "url": "https://example.org/post-1",
           "text": "Chile and Peru signed a fisheries agreement in Lima on Thursday."}
VISIT = {"id": "post-2", "date": "2024-10-03", "source": "Harbour Post",
         "html": "<html><body><article><p>Argentina and Uruguay signed a river transport agreement "
                 "in Montevideo on Thursday.</p></article></body></html>"}
TOKEN = "test-token-5f3a"
"""The token of conftest.py's test servers."""
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(tmp_path: Path, pipeline: Any, make_client: Any) -> Iterator[Client]:
    with make_client(tmp_path / "posted.db", token=TOKEN, pipeline=pipeline) as client:
        yield client


def test_posted_json_list_is_coded_and_stored(writable: Client) -> None:
    response = writable.post("/api/documents", json=[MEETING, VISIT], headers=AUTH)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["added"], report["updated"], report["unchanged"], report["rejected"]) == (2, 0, 0, 0)
    assert report["mentions"] >= 2 and report["events"] >= 2 and report["rejections"] == []
    events = writable.get("/api/events", params={"dyad": "CHL,PER"}).json()
    assert events["total"] >= 1 and events["items"][0]["doc"] == "post-1"
    stored = writable.get("/api/documents/post-2").json()
    assert stored["outlet"] == "Harbour Post" and "river transport agreement" in stored["text"]
    assert "<p>" not in stored["text"]
    assert stored["origin"] == "request:2"


def test_posted_ndjson_is_read_line_by_line(writable: Client) -> None:
    body = "\n".join(json.dumps(r) for r in (MEETING, VISIT)) + "\n"
    response = writable.post("/api/documents", content=body.encode(), headers={
        **AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 2


def test_posting_again_changes_nothing_and_an_edit_replaces(writable: Client) -> None:
    writable.post("/api/documents", json=[MEETING], headers=AUTH)
    again = writable.post("/api/documents", json=[MEETING], headers=AUTH).json()
    assert (again["added"], again["unchanged"], again["mentions"]) == (0, 1, 0)
    edited = {**MEETING, "text": "Chile accused Peru of violating the fisheries agreement on Thursday."}
    assert writable.post("/api/documents", json=[edited], headers=AUTH).json()["updated"] == 1
    assert "accused" in writable.get("/api/documents/post-1").json()["text"]
    assert writable.get("/api/stats").json()["documents"] == 1


def test_unreadable_records_are_reported_not_stored(writable: Client) -> None:
    records = [MEETING, {"id": "bad-date", "text": "Chile met Peru.", "date": "not a date"},
               {"id": "no-text", "title": "nothing here"}]
    report = writable.post("/api/documents", json=records, headers=AUTH).json()
    assert (report["added"], report["rejected"]) == (1, 2)
    reasons = {r["doc_id"]: r for r in report["rejections"]}
    assert set(reasons) == {"bad-date", "no-text"}
    assert reasons["bad-date"]["origin"] == "request:2" and "date" in reasons["bad-date"]["reason"]
    assert "'text' or 'html'" in reasons["no-text"]["reason"]


def test_absent_token_is_401(writable: Client, api_error: ErrorCheck) -> None:
    response = writable.post("/api/documents", json=[MEETING])
    api_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert writable.get("/api/stats").json()["documents"] == 0


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", "Bearer ", f"Basic {TOKEN}", TOKEN])
def test_wrong_token_is_403(writable: Client, header: str, api_error: ErrorCheck) -> None:
    api_error(writable.post("/api/documents", json=[MEETING], headers={"Authorization": header}), 403, "forbidden")
    assert writable.get("/api/stats").json()["documents"] == 0


def test_server_without_token_is_read_only(tmp_path: Path, pipeline: Any, api_error: ErrorCheck,
                                           make_client: Any) -> None:
    with make_client(tmp_path / "ro.db", token=None, pipeline=pipeline) as client:
        assert client.get("/api/stats").json()["writable"] is False
        error = api_error(client.post("/api/documents", json=[MEETING], headers=AUTH), 401, "read_only")
        assert "--token" in error["message"]


@pytest.mark.parametrize(("body", "content_type"), [
    (b"", "application/json"),
    (b"[{\"id\": 1,", "application/json"),
    (b"{\"id\": \"a\", \"text\": \"x\"}\nnot json\n", "application/x-ndjson"),
    (b"\xff\xfe\x00", "application/json"),
    (b"[" * 100_000 + b"]" * 100_000, "application/json"),  # nested too deep for the parser
    (b"[{\"id\": \"a\", \"n\": " + b"9" * 5000 + b"}]", "application/json"),  # an integer too long
    (b"{\"id\": \"a\", \"n\": " + b"9" * 5000 + b"}\n", "application/x-ndjson"),
])
def test_malformed_body_is_400(writable: Client, body: bytes, content_type: str, api_error: ErrorCheck) -> None:
    response = writable.post("/api/documents", content=body, headers={**AUTH, "Content-Type": content_type})
    api_error(response, 400, "bad_request")


@pytest.mark.parametrize("records", [[{"text": "no id"}], ["just a string"], [], [{"id": " ", "text": "x"}]])
def test_records_without_ids_are_422(writable: Client, records: list[Any], api_error: ErrorCheck) -> None:
    error = api_error(writable.post("/api/documents", json=records, headers=AUTH), 422, "validation_error")
    assert error["details"] and error["details"][0]["loc"][0] == "body"


def test_too_large_a_body_is_413(tmp_path: Path, pipeline: Any, api_error: ErrorCheck, make_client: Any) -> None:
    with make_client(tmp_path / "small.db", token=TOKEN, pipeline=pipeline, max_body_bytes=200,
                    max_records=2) as client:
        big = {**MEETING, "text": MEETING["text"] * 10}
        api_error(client.post("/api/documents", json=[big], headers=AUTH), 413, "payload_too_large")
        chunked = iter([b"[", b" " * 300, b"]"])  # no Content-Length: refused while reading
        api_error(client.post("/api/documents", content=chunked, headers=AUTH), 413, "payload_too_large")
        many = [{**MEETING, "id": f"m{n}"} for n in range(3)]
        short = [{"id": r["id"], "text": "x"} for r in many]
        api_error(client.post("/api/documents", json=short, headers=AUTH), 413, "payload_too_large")


def test_a_pipeline_that_cannot_be_built_is_503(tmp_path: Path, api_error: ErrorCheck, make_client: Any) -> None:
    def broken() -> Any:
        raise OSError("model en_missing is not installed")

    with make_client(tmp_path / "x.db", token=TOKEN, factory=broken) as client:
        response = client.post("/api/documents", json=[MEETING], headers=AUTH)
        assert "en_missing" in api_error(response, 503, "pipeline_unavailable")["message"]
        assert client.get("/api/stats").json()["documents"] == 0


def test_ids_with_slashes_and_accents_round_trip(writable: Client) -> None:
    record = {**MEETING, "id": "wire/2024/été-1"}
    assert writable.post("/api/documents", json=[record], headers=AUTH).json()["added"] == 1
    stored = writable.get(f"/api/documents/{quote(record['id'], safe='')}").json()
    assert stored["id"] == record["id"] and stored["spans"]
    event = writable.get("/api/events", params={"dyad": "CHL,PER"}).json()["items"][0]
    assert writable.get(f"/api/events/{quote(event['id'], safe='')}").json()["mentions"][0]["doc"] == record["id"]
