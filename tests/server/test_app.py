"""The application as a whole: the error shape, the pages, offline assets and security headers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from geopol.server import CONTENT_SECURITY_POLICY, create_app
from geopol.server.app import dashboard_dir
from geopol.store import StoreError

Client = Any
ErrorCheck = Any
EXTERNAL_URL = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}""", re.IGNORECASE)


def test_unknown_route_405_and_422_share_the_error_shape(client: Client, api_error: ErrorCheck) -> None:
    api_error(client.get("/api/nothing-here"), 404, "not_found")
    api_error(client.delete("/api/events"), 405, "method_not_allowed")
    error = api_error(client.get("/api/events", params={"limit": "many"}), 422, "validation_error")
    assert error["details"] == [{"loc": ["query", "limit"], "message": error["details"][0]["message"]}]


@pytest.mark.parametrize(("params", "name"), [
    ({"since": "last week"}, "since"), ({"until": "2024/03"}, "until"), ({"dyad": "RUS"}, "dyad"),
    ({"dyad": "RUS,"}, "dyad"), ({"quad_class": 5}, "quad_class"), ({"limit": 501}, "limit"),
    ({"offset": -1}, "offset"), ({"sort": "name"}, "sort"),
])
def test_invalid_parameters_are_422_naming_the_parameter(client: Client, params: dict[str, Any], name: str,
                                                         api_error: ErrorCheck) -> None:
    error = api_error(client.get("/api/events", params=params), 422, "validation_error")
    assert ["query", name] in [d["loc"] for d in error["details"]]


def test_network_around_needs_codes(client: Client, api_error: ErrorCheck) -> None:
    api_error(client.get("/api/network", params={"around": "RUS,,CHN"}), 422, "validation_error")


def test_dashboard_page_is_served_with_a_strict_policy(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in policy and "unsafe" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    assert 'data-testid="timeline"' in page.text and 'data-testid="events-table"' in page.text


def test_api_docs_are_offline(client: Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/apidocs.js" in page.text
    assert not EXTERNAL_URL.search(page.text)
    assert client.get("/redoc").status_code == 404


def test_dashboard_files_reference_no_external_url_and_no_html_sinks() -> None:
    files = sorted(dashboard_dir().iterdir())
    assert {"index.html", "dashboard.js", "charts.js", "dom.js", "style.css"} <= {f.name for f in files}
    for file in files:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".svg":
            text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        if file.suffix == ".js":
            text = text.replace('"http://www.w3.org/2000/svg"', "")
            assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function",
                                 text), file.name
        assert not EXTERNAL_URL.search(text), f"{file.name}: {EXTERNAL_URL.search(text)}"


def test_each_app_has_its_own_store(tmp_path: Path, db_file: Path, make_client: Any) -> None:
    with make_client(tmp_path / "empty.db", token=None) as empty, make_client(db_file, token=None) as full:
        assert empty.get("/api/stats").json()["documents"] == 0
        assert full.get("/api/stats").json()["documents"] > 0


def test_a_store_that_cannot_be_opened_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        create_app(tmp_path / "missing-dir" / "events.db")
    with pytest.raises(StoreError, match="in-memory"):
        create_app(":memory:")


def test_every_route_and_error_code_is_documented(client: Client) -> None:
    from geopol.server.errors import ERROR_CODES

    docs = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text(encoding="utf-8")
    documented = re.sub(r"\{[^}]+\}", "{}", docs)
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method in methods:
            route = f"`{method.upper()} {re.sub(r'{[^}]+}', '{}', path)}"
            assert re.search(re.escape(route) + r"[`?]", documented), f"{route} is not in docs/server.md"
    for code in (*ERROR_CODES.values(), "read_only", "pipeline_unavailable", "store_error"):
        assert f"`{code}`" in docs, f"error code {code} is not in docs/server.md"


def test_a_database_gone_away_is_503(tmp_path: Path, make_client: Any, api_error: ErrorCheck) -> None:
    db = tmp_path / "gone.db"
    with make_client(db, token=None) as client:
        assert client.get("/api/stats").status_code == 200
        db.unlink()
        api_error(client.get("/api/stats"), 503, "store_error")


def test_a_bug_is_500_without_its_details(client: Client, api_error: ErrorCheck,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from geopol import analytics

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(analytics, "timeline", broken)
    error = api_error(client.get("/api/timeline"), 500, "internal_error")
    assert "secret" not in error["message"]
