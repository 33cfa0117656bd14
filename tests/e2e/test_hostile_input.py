"""HTML, script and Markdown planted in every text field of the data stay inert text in every view."""
import csv
import hashlib
import shutil

import pytest

from sco.schema import TABLES, TEXT
from tests.conftest import DATA
from tests.e2e.conftest import start_app, wait_until_drawn
from tests.e2e.test_pages_in_browser import PAGES

PAYLOAD = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
           '<a href="javascript:window.__pwned=1">x</a>[link](javascript:window.__pwned=1)**bold**')
# Text columns whose values other tables refer to stay as they are, so that the data remains valid.
KEEP = {"city", "period"}


def _plant(folder):
    for table in TABLES.values():
        path = folder / table.file
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        for row in rows:
            for column in table.columns:
                if column.kind == TEXT and column.name not in KEEP:
                    row[column.name] = f"{row[column.name]} {PAYLOAD}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, folder)
    _plant(folder)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}
    process, url = start_app(folder)
    yield url
    process.terminate()
    process.wait(timeout=20)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}
    assert after == before, "the app must never write to the data files"


def _hover_marks(page, charts: int = 3, marks: int = 8) -> list[str]:
    """Hover the first marks of the first charts, so that tooltips render the planted text; the tooltips' HTML as
    the browser holds it."""
    shown = []
    for chart in page.locator('[data-testid="stVegaLiteChart"]').all()[:charts]:
        for mark in chart.locator("g.mark-symbol path, g.mark-rect path").all()[:marks]:
            box = mark.bounding_box()
            if not box:
                continue
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(60)
            tooltip = page.locator("#vg-tooltip-element")
            if tooltip.count() and tooltip.is_visible():
                shown.append(tooltip.inner_html())
    return shown


@pytest.mark.parametrize("path", list(PAGES))
def test_planted_markup_never_runs(page, hostile_app, path):
    page.goto(f"{hostile_app}/{path}")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0, "the planted data is valid data"
    _hover_marks(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("main a[href^='javascript:']").count() == 0
    assert page.locator("main strong:has-text('bold')").count() == 0, "Markdown in data must not render"
    assert page.outside_requests == []


def test_planted_markup_is_shown_as_text(page, hostile_app):
    page.goto(f"{hostile_app}/trade?lang=es")
    wait_until_drawn(page)
    # The tooltips carry the planted text as text: the browser shows the characters rather than running them.
    tooltips = "".join(_hover_marks(page, charts=1, marks=40))
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in tooltips
    assert "<script" not in tooltips and "<img" not in tooltips
    assert page.locator("main img[src='x']").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_hostile_link_parameters_are_ignored_with_a_notice(page, app_url):
    long = "9" * 4000
    page.goto(f"{app_url}/meetings?period=<script>window.__pwned=1</script>&countries=XXX,{long}&rule=%00&zzz=1")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    # Named above the view, and still there a while later (a toast would have gone).
    page.wait_for_timeout(5000)
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 1
    assert page.evaluate("() => window.__pwned") is None
    assert "zzz" not in page.url and "XXX" not in page.url
