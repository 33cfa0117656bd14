"""Every page in a real browser, in every language: drawn, no exception box, maps with shapes, nothing sent out."""
import pytest

from tests.conftest import DATA
from tests.e2e.conftest import VEGA_MIN_SHAPES, screenshot, wait_until_drawn

# Page path -> number of maps it draws (Vega-Lite, on the world outline the app serves; no page loads plotly.js
# until an animation is switched on).
PAGES = {"": 1, "membership": 1, "summits": 1, "meetings": 1, "trade": 0, "country": 0, "sources": 0}


@pytest.mark.parametrize("lang", ["en", "es", "ru", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_page_draws_offline(page, app_url, path, lang):
    page.goto(f"{app_url}/{path}?lang={lang}")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("dialog").count() == 0, "a dialog (such as 'Page not found') covers the page"
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0, "plotly.js loaded for a page without animation"
    vega_maps = page.locator('[data-testid="stVegaLiteChart"]:has(g.mark-shape)')
    assert vega_maps.count() == PAGES[path]
    for i in range(vega_maps.count()):
        assert vega_maps.nth(i).locator("svg path").count() >= VEGA_MIN_SHAPES, \
            f"map {i} on /{path} drew no countries: the world outline did not load"
    screenshot(page, f"{path or 'overview'}-{lang}")
    assert page.outside_requests == []


def test_spanish_names_on_membership_map(page, app_url):
    page.goto(f"{app_url}/membership?lang=es")
    wait_until_drawn(page)
    assert page.get_by_text("Estatus a fecha de").count() >= 1
    assert page.get_by_text("Bielorrusia").count() >= 1  # in the table


def test_membership_date_from_link(page, app_url):
    page.goto(f"{app_url}/membership?as_of=2024-07-01")
    wait_until_drawn(page)
    assert page.get_by_text("Member: 9", exact=False).count() == 1
    page.goto(f"{app_url}/membership?as_of=2024-07-05")
    wait_until_drawn(page)
    assert page.get_by_text("Member: 10").count() == 1


def test_shared_link_is_the_first_request_of_a_fresh_server(browser):
    # A colleague's link may be the first thing a just-woken server is asked for.
    from tests.e2e.conftest import guarded_page, start_app
    process, url = start_app()
    try:
        page = guarded_page(browser)
        page.goto(f"{url}/membership?lang=es&as_of=2024-07-01")
        wait_until_drawn(page)
        assert page.locator("h1").first.inner_text() == "Membresía a lo largo del tiempo"
        assert page.get_by_role("dialog").count() == 0
        assert page.get_by_text("Miembro: 9").count() == 1
        assert page.locator('[data-testid="stSidebar"]').get_by_text("Español").count() == 1
        assert page.outside_requests == []
        page.context.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_clicking_a_country_on_the_map_opens_its_profile(page, app_url):
    page.goto(f"{app_url}/membership?lang=es")
    wait_until_drawn(page)
    page.locator('[data-testid="stVegaLiteChart"] path[aria-label*="Kazajistán"]').first.click(force=True)
    page.wait_for_url("**/country?country=KAZ&lang=es", timeout=30_000)
    wait_until_drawn(page)
    assert page.locator("h1").first.inner_text() == "Kazajistán en la OCS"


def test_a_country_on_the_overview_map_links_to_its_profile(page, app_url):
    page.goto(f"{app_url}/?lang=es")
    wait_until_drawn(page)
    page.locator('[data-testid="stVegaLiteChart"] path[aria-label*="Kazajistán"]').first.click(force=True)
    page.wait_for_url("**/country?country=KAZ&lang=es", timeout=30_000)
    wait_until_drawn(page)
    assert page.locator("h1").first.inner_text() == "Kazajistán en la OCS"


def test_download_is_the_table_on_screen(page, app_url):
    import csv
    import io
    page.goto(f"{app_url}/membership?table=true")
    wait_until_drawn(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these rows (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    from sco.data import load_dataset
    assert len(rows) == len(load_dataset()["membership"])
    assert rows[0].keys() >= {"Country", "Status", "From", "Until", "Source link"}
    assert page.outside_requests == []
    from sco.releases import read_releases
    assert download.value.suggested_filename == f"sco_membership_{read_releases(DATA)[0][-1].version}.csv"


@pytest.mark.parametrize("release", ["", "2026.11"])
def test_the_whole_dataset_of_a_release_downloads_and_passes_the_check(page, app_url, tmp_path, release):
    import zipfile
    from sco.check import main as check
    from sco.releases import read_releases
    version = release or read_releases(DATA)[0][-1].version
    page.goto(f"{app_url}/sources" + (f"?release={release}" if release else ""))
    wait_until_drawn(page)
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Download the whole dataset of release {version}").click()
    assert download.value.suggested_filename == f"sco-data-{version}.zip"
    zipfile.ZipFile(download.value.path()).extractall(tmp_path)
    unpacked = tmp_path / f"sco-data-{version}"
    assert f'version: "{version}"' in (unpacked / "CITATION.cff").read_text(encoding="utf-8")
    assert check([str(unpacked)]) == 0
    assert page.outside_requests == []


def test_download_is_the_filtered_view_on_screen(page, app_url):
    import csv
    import io
    page.goto(f"{app_url}/meetings?countries=RUS,KAZ&rule=all_contacts&period=2024-07-03&period=2024-07-04&table=true")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "at least 9"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these rows (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    # data/meetings.csv: 9 meetings with Russia or Kazakhstan on 3-4 July 2024, all at the Astana summit.
    assert len(rows) == 9
    assert all("Russia" in r["Pair"] or "Kazakhstan" in r["Pair"] for r in rows)
    assert {r["City"] for r in rows} == {"Astana"}


@pytest.mark.parametrize("lang,figure,members,profile", [
    ("en", "2024 USD 244.82 bn", "Member (10): Belarus, China, India, Iran, Kazakhstan", "Kazakhstan in the SCO"),
    ("es", "2024 244,82 mil millones USD", "Miembro (10): Bielorrusia, China, India, Irán, Kazajistán",
     "Kazajistán en la OCS"),
    ("ru", "2024 244,82 млрд долларов", "Государство-член (10): Беларусь, Индия, Иран, Казахстан, Киргизия, Китай",
     "Казахстан в ШОС"),
    ("zh", "2024 2448.2 亿美元", "成员国（10）：中国、乌兹别克斯坦、伊朗、俄罗斯、印度、吉尔吉斯斯坦、哈萨克斯坦",
     "哈萨克斯坦与上合组织"),
])
def test_a_reader_quotes_figures_from_the_page_itself(page, app_url, lang, figure, members, profile):
    # China's customs: China-Russia trade USD 244.82 bn in 2024 (data/trade.csv); ten members on 5 July 2024.
    page.goto(f"{app_url}/trade?pairs=CHN-RUS&lang={lang}")
    wait_until_drawn(page)
    assert figure in page.locator('[data-testid="stMain"]').inner_text()
    page.goto(f"{app_url}/membership?as_of=2024-07-05&lang={lang}")
    wait_until_drawn(page)
    assert members in page.locator('[data-testid="stMain"]').inner_text()
    page.goto(f"{app_url}/country?country=KAZ&lang={lang}")
    wait_until_drawn(page)
    assert page.locator("h1").first.inner_text() == profile
    assert page.outside_requests == []
