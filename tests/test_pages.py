"""Every page through Streamlit's AppTest: no exception, in both languages, state from the link, bad data shown."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, rewrite_cell

ENTRY = str(ROOT / "dashboard.py")
PAGES = ["pages/home_view.py", "pages/membership_view.py", "pages/summits_view.py"]


def open_app(query: dict | None = None, page: str | None = None) -> AppTest:
    """A fresh session opening a link: the page (default: home) with these query parameters."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page and page != PAGES[0]:
        # AppTest runs the entry file first only on the first run; the link's parameters go with the switch.
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(page).run()
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_every_page_file_is_routed():
    routed = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert sorted(p.as_posix() for p in (ROOT / "pages").glob("*.py")) == sorted(
        (ROOT / p).as_posix() for p in PAGES)
    assert all(f'"{p}"' in routed for p in PAGES)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page, lang):
    at = open_app({"lang": lang}, page)
    assert at.session_state["lang"] == lang
    assert not at.exception
    assert not at.error
    assert len(at.get("plotly_chart")) >= 1


def test_geo_charts_use_the_local_world_outline():
    at = open_app()
    for page in PAGES[1:]:
        at.switch_page(page).run()
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            if "geo" in spec["layout"]:
                assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/"


def test_home_headlines():
    at = open_app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Members today"] == "10"
    assert metrics["Newest member"] == "Belarus"


def test_spanish_home():
    at = open_app({"lang": "es"})
    assert at.title[0].value == "Panel de relaciones de la OCS"
    assert {m.label: m.value for m in at.metric}["Miembro más reciente"] == "Bielorrusia"
    assert "Kazajistán" in at.markdown[0].value


@pytest.mark.parametrize("as_of,members", [("2024-07-01", 9), ("2024-07-05", 10), ("2017-06-09", 8)])
def test_membership_map_on_a_date_from_the_link(as_of, members):
    at = open_app({"as_of": as_of}, "pages/membership_view.py")
    assert f"Member: {members}," in at.markdown[0].value
    trace = charts(at)[0]["data"][0]
    assert sum(1 for z in trace["z"] if z == 0) == members
    assert at.query_params["as_of"] == as_of


def test_membership_date_widget_writes_the_link():
    from datetime import date
    at = open_app()
    at.switch_page("pages/membership_view.py").run()
    at.date_input(key="as_of").set_value(date(2010, 1, 1)).run()
    assert at.query_params["as_of"] == "2010-01-01"
    assert "Member: 6," in at.markdown[0].value


def test_play_through_years_adds_the_animated_map():
    at = open_app(page="pages/membership_view.py")
    before = len(at.get("plotly_chart"))
    at.toggle(key="play").set_value(True).run()
    assert len(at.get("plotly_chart")) == before + 1
    assert any(chart.get("frames") for chart in charts(at))


@pytest.mark.parametrize("page,query", [
    ("pages/membership_view.py", {"as_of": "not-a-date"}), ("pages/membership_view.py", {"as_of": "2999-01-01"}),
    ("pages/membership_view.py", {"play": "maybe"}), ("pages/home_view.py", {"lang": "fr"}),
    ("pages/home_view.py", {"zzz": "<script>alert(1)</script>"}), ("pages/home_view.py", {"lang": "x" * 5000})])
def test_malformed_link_parameters_are_ignored_with_a_notice(page, query):
    at = open_app(query, page)
    assert not at.exception and not at.error
    assert len(at.toast) >= 1
    assert len(at.get("plotly_chart")) >= 1
    assert not set(query) & set(at.query_params)


def test_corrupted_data_shows_file_and_row(data_copy, monkeypatch):
    rewrite_cell(data_copy, "membership.csv", 3, "iso3", "XXX")
    rewrite_cell(data_copy, "membership.csv", 5, "start_date", "2001-02-30")
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    at = open_app()
    at.switch_page("pages/membership_view.py").run()
    assert not at.exception
    assert at.error, "the page must say that data is withheld"
    table = at.dataframe[0].value
    assert {(r["File"], r["Row"], r["Column"]) for r in table.to_dict("records")} >= {
        ("membership.csv", 3, "iso3"), ("membership.csv", 5, "start_date")}
    at.switch_page("pages/summits_view.py").run()  # the other views keep working
    assert not at.error and len(at.get("plotly_chart")) == 2
