"""End to end: ``geopol serve`` on the seeds, the dashboard driven in headless Chromium.

Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``.ci/setup.d/20-chromium``) is driven by
Playwright for Python with ``executable_path``: Playwright's own browser download cannot run here.
Without Chromium the test skips, unless ``GEOPOL_REQUIRE_BROWSER=1`` (CI) makes that a failure.
``GEOPOL_SCREENSHOT=docs/dashboard.png`` also saves the screenshot there (for the README).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
MALICIOUS = {
    "id": "harbin-talks", "date": "2021-03-03", "source": "Test Wire", "url": "https://example.org/harbin-talks",
    "title": "Harbin talks <b>bold</b>",
    "text": f"Harbin talks\n\nRussian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in "
            f"Harbin on Wednesday. {SCRIPT} {IMAGE}\n\nThe two ministers discussed grain exports and border trade.",
}
"""Our own report, with markup that must show as text and never run."""
SERVER_START_SECONDS = 60
DASHBOARD_PAGE = 15
"""Rows of the dashboard's event table (``PAGE`` in dashboard.js)."""


def browser_or_skip() -> Any:
    """Playwright's sync API, or a skip (a failure under GEOPOL_REQUIRE_BROWSER=1) saying what is missing."""
    required = os.environ.get("GEOPOL_REQUIRE_BROWSER") == "1"
    problem = None
    if not CHROMIUM.is_file():
        problem = f"{CHROMIUM} is missing: run .ci/setup.d/20-chromium (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = problem or "playwright is not installed: pip install -e '.[dev]'"
    if problem is None:
        return sync_playwright
    if required:
        pytest.fail(f"GEOPOL_REQUIRE_BROWSER=1 but {problem}")
    pytest.skip(problem)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def server(tmp_path: Path, shared: Path, pipeline: Any, coded_db: Any) -> Iterator[str]:
    """``geopol serve`` as a subprocess on a free loopback port, over the seeds and our document."""
    extra = tmp_path / "malicious.jsonl"
    extra.write_text(json.dumps(MALICIOUS) + "\n", encoding="utf-8")
    db = coded_db(tmp_path / "seeds.db", [str(shared / "corpus" / "seeds.jsonl"), str(extra)], pipeline)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "geopol.cli", "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "GEOPOL_TOKEN": ""})
    try:
        wait_until_up(base, process, tmp_path / "serve.log")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"geopol serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            get_json(f"{base}/api/stats")
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"geopol serve did not answer within {SERVER_START_SECONDS} s:\n{log.read_text()}")


def test_dashboard_shows_a_dyad_its_evidence_and_no_injected_script(server: str, tmp_path: Path) -> None:
    sync_playwright = browser_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("request", lambda r: None if r.url.startswith(server) else problems.append(f"request: {r.url}"))
            page.goto(f"{server}/")
            choose_dyad(page, "RUS", "CHN")
            check_timeline(page, server)
            check_network(page)
            check_table(page, server)
            check_evidence_of_a_seed_event(page, server)
            save_screenshot(page, tmp_path)
            check_malicious_document(page, server)
            assert problems == []
        finally:
            browser.close()


def choose_dyad(page: Any, a: str, b: str) -> None:
    page.wait_for_selector("body[data-loaded]")
    assert page.locator(f'#pair-select option[value="{b},{a}"], #pair-select option[value="{a},{b}"]').count() == 1
    page.fill("[data-testid=actor-a]", a.lower())
    page.fill("[data-testid=actor-b]", b)
    page.click("[data-testid=apply]")
    page.wait_for_selector(f'body[data-loaded="{a},{b}"]')
    assert page.input_value("[data-testid=actor-a]") == a


def check_timeline(page: Any, server: str) -> None:
    rows = get_json(f"{server}/api/timeline?dyad=RUS,CHN&by=month")["rows"]
    expected = {r["period"]: r["events"] for r in rows if r["events"]}
    drawn: dict[str, int] = {}
    for bar in page.locator("[data-testid=timeline] [data-testid=timeline-bar]").all():
        period = bar.get_attribute("data-period")
        drawn[period] = drawn.get(period, 0) + int(bar.get_attribute("data-count"))
    assert drawn == expected
    assert {"2019", "2023", "2024"} <= {period[:4] for period in drawn}, "the seeds' visits are not on the timeline"
    points = page.locator("[data-testid=timeline] [data-testid=goldstein-point]")
    assert points.count() == len(expected)


def check_network(page: Any) -> None:
    codes = page.locator("[data-testid=network] [data-testid=network-node]").evaluate_all(
        "nodes => nodes.map(n => n.dataset.code)")
    assert {"RUS", "CHN"} <= set(codes)
    edge = page.locator('[data-testid=network-edge][data-a="CHN"][data-b="RUS"]')
    assert edge.count() == 1 and int(edge.get_attribute("data-events")) >= 5


def check_table(page: Any, server: str) -> None:
    api = get_json(f"{server}/api/events?dyad=RUS,CHN&sort=-date&limit={DASHBOARD_PAGE}")
    ids = page.locator("[data-testid=event-row]").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    assert ids == [e["id"] for e in api["items"]] and len(ids) == min(DASHBOARD_PAGE, api["total"])
    assert page.inner_text("[data-testid=page-info]").endswith(f"of {api['total']}")
    first = page.locator("[data-testid=event-row]").first.inner_text()
    event = api["items"][0]
    assert event["source"] in first and event["target"] in first and event["label"] in first


def check_evidence_of_a_seed_event(page: Any, server: str) -> None:
    events = get_json(f"{server}/api/events?dyad=RUS,CHN&sort=-date&limit={DASHBOARD_PAGE}")["items"]
    event = max((e for e in events if e["doc"] != MALICIOUS["id"]), key=lambda e: (e["mentions"], e["id"]))
    page.click(f'[data-testid=event-row][data-event-id="{event["id"]}"]')
    page.wait_for_selector(f'#evidence[data-event-id="{event["id"]}"]')
    sentences = {m["sentence"] for m in get_json(f"{server}/api/events/{event['id']}")["mentions"]}
    marks = page.locator("[data-testid=evidence] [data-testid=evidence-mark]")
    assert marks.count() >= 1
    shown = set(marks.all_inner_texts())
    assert shown <= sentences and event["sentence"] in shown
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert marks.first.is_visible()


def save_screenshot(page: Any, tmp_path: Path) -> None:
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("GEOPOL_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)


def check_malicious_document(page: Any, server: str) -> None:
    found = get_json(f"{server}/api/search?q=Harbin&dyad=RUS,CHN")["items"]
    assert found, "our document gave no RUS-CHN event"
    page.fill("[data-testid=since]", "2021")
    page.fill("[data-testid=until]", "2021")
    page.click("[data-testid=apply]")
    page.wait_for_selector('body[data-loaded="RUS,CHN"]')
    page.click(f'[data-testid=event-row][data-event-id="{found[0]["id"]}"]')
    page.wait_for_selector(f'#evidence[data-event-id="{found[0]["id"]}"]')
    evidence = page.locator("[data-testid=evidence]")
    text = evidence.inner_text()
    assert SCRIPT in text and IMAGE in text and MALICIOUS["title"] in text
    assert evidence.locator("script, img, b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    link = evidence.locator("a.url")
    assert link.get_attribute("href") == MALICIOUS["url"] and link.get_attribute("rel") == "noopener noreferrer"
