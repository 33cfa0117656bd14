"""A running dashboard and Debian's Chromium driven by Playwright, for what only a browser shows."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sco import i18n

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SCO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(data_dir: Path | None = None, script: str = "dashboard.py",
              cwd: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """Serve `script` (the dashboard, or a reference app of the benchmark) on a free loopback port."""
    port = _free_port()
    env = dict(os.environ)
    if data_dir is not None:
        env["SCO_DATA_DIR"] = str(data_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{script} did not answer /_stcore/health within 60 s")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url():
    process, url = start_app()
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OutsideRequests(list):
    """Every request the page tried to send to a host other than this machine (each is blocked)."""


@pytest.fixture
def page(browser):
    page = guarded_page(browser)
    yield page
    page.context.close()


def guarded_page(browser):
    """A page in a new browser context whose requests to any other host than this machine are blocked and kept
    in `page.outside_requests`."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = OutsideRequests()

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.outside_requests = outside
    return page


# A Vega-Lite map has drawn its countries once it holds this many shapes (the world outline has 177).
VEGA_MIN_SHAPES = 100


def _wait_until_settled(page, timeout: float) -> None:
    """Until the script has run and the page has stopped changing: the app reports `notRunning` before its first
    run starts and between a run and the rerun a page may ask for, and the browser fetches the code of each kind
    of element (a multiselect, a table) when the page first shows one, so one sight of that state is not enough."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
    page.wait_for_load_state("networkidle", timeout=timeout)  # the code of each kind of element loads on first use
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const now = app?.dataset.testScriptState + ':'
                + document.querySelectorAll('[data-testid="stApp"] *').length;
            const calm = window.__scoLast === now && app?.dataset.testScriptState === 'notRunning';
            window.__scoLast = now;
            return calm;
        }""", timeout=timeout, polling=400)


def wait_until_drawn(page, geo_charts: int = 0, timeout: float = 60_000, settle_ms: int = 300) -> None:
    """Wait for the script run to finish, every chart to hold its SVG, every Vega-Lite map and `geo_charts` plotly
    maps to hold shapes. Fails, naming what is missing, when they are not drawn in time: a map draws its country
    shapes only once the world outline has arrived from static/."""
    _wait_until_settled(page, timeout)
    _wait_for(page, """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(c => c.querySelector('.main-svg'))
              && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .every(c => c.querySelector('svg'))""", None, timeout, "a chart was not drawn")
    # Vega-Lite maps draw their countries as geoshape marks (g.mark-shape); other Vega-Lite charts (the status
    # timeline's bars) have none and are drawn once they hold their SVG.
    vega_maps = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .filter(c => c.querySelector('g.mark-shape')).length""")
    if vega_maps:
        _wait_for(page, """([n, min]) => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                        .filter(c => c.querySelector('g.mark-shape') && c.querySelectorAll('svg path').length >= min)
                        .length >= n""",
                  [vega_maps, VEGA_MIN_SHAPES], 15_000, "a Vega-Lite map drew no countries")
    if geo_charts:
        _wait_for(page, """n => [...document.querySelectorAll('[data-testid="stPlotlyChart"] g.geo')]
                        .filter(g => (g.querySelector('.layer.land path')?.getAttribute('d') || '').length > 1000)
                        .length >= n""", geo_charts, 15_000, f"fewer than {geo_charts} plotly map(s) drew land")
    page.wait_for_timeout(settle_ms)  # lets hover layers and captions finish before a screenshot
    # dashboard.py shows this instead of a traceback when a page fails: in a test it is a failure, never a pass.
    for lang in i18n.LANGUAGES:
        if page.get_by_text(i18n.t("unexpected_error", lang)).count():
            pytest.fail(f"{page.url} hit an unexpected error (see the server's log for the traceback)")


def _wait_for(page, condition: str, arg, timeout: float, failure: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(condition, arg=arg, timeout=timeout)
    except PlaywrightTimeout:
        pytest.fail(f"{failure} on {page.url} within {timeout / 1000:.0f} s")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Streamlit scrolls inside its main block, not the document: grow the window to the content to see it all.
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(max(height, 800), 12000)})
    page.wait_for_timeout(1200)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": 1000})
    return path
