"""``geopol serve``: its options, the token from the environment, and its errors (uvicorn is not started)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geopol.cli import main
from geopol.server.context import ServerContext


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace uvicorn.run: record what it was asked to serve instead of serving it."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append({"app": app, **options}))
    monkeypatch.delenv("GEOPOL_TOKEN", raising=False)
    return calls


def context_of(call: dict[str, Any]) -> ServerContext:
    context = call["app"].state.geopol
    assert isinstance(context, ServerContext)
    return context


def test_serve_defaults_to_loopback_and_read_only(tmp_path: Path, served: list[dict[str, Any]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "events.db")]) == 0
    (call,) = served
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert context_of(call).token is None and not context_of(call).writable
    assert (tmp_path / "events.db").is_file()
    assert "read-only" in capsys.readouterr().err


def test_token_from_option_or_environment(tmp_path: Path, served: list[dict[str, Any]],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "events.db")
    main(["serve", "--db", db, "--port", "9123", "--token", "from-option"])
    monkeypatch.setenv("GEOPOL_TOKEN", "from-env")
    main(["serve", "--db", db])
    main(["serve", "--db", db, "--token", "wins"])
    assert [context_of(c).token for c in served] == ["from-option", "from-env", "wins"]
    assert served[0]["port"] == 9123


def test_token_on_a_public_address_warns(tmp_path: Path, served: list[dict[str, Any]],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    main(["serve", "--db", str(tmp_path / "events.db"), "--host", "0.0.0.0", "--token", "t"])
    assert "TLS" in capsys.readouterr().err


def test_a_port_out_of_range_fails_with_status_2(tmp_path: Path, served: list[dict[str, Any]]) -> None:
    assert main(["serve", "--db", str(tmp_path / "events.db"), "--port", "70000"]) == 2
    assert served == []


def test_a_database_that_cannot_be_opened_fails_with_status_2(tmp_path: Path, served: list[dict[str, Any]],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "no-such-dir" / "events.db")]) == 2
    assert served == [] and "no-such-dir" in capsys.readouterr().err
