"""Every page through Streamlit's AppTest: no exception, in both languages, state from the link, bad data shown."""
import base64
import re
from datetime import date
import json

import numpy as np
import pyarrow as pa
import plotly.graph_objects as go

import pytest
from streamlit.testing.v1 import AppTest

from sco import i18n
from sco.countries import country_name
from sco.locales import CATALOGUES
from sco.i18n import format_date
from tests.conftest import DATA, ROOT, rewrite_cell

ENTRY = str(ROOT / "dashboard.py")
# Page -> number of plotly charts it draws by default (the first page's map is Vega-Lite: see test_home_map).
# Page -> Vega-Lite charts it draws by default (none draws a plotly chart until an animation is switched on).
CHARTS = {"pages/home.py": 1, "pages/membership.py": 2, "pages/summits.py": 2, "pages/meetings.py": 2,
          "pages/trade.py": 1, "pages/country.py": 0, "pages/sources.py": 0}
# Page -> the parts it runs only when opened (ui.section), and the charts it draws with all of them open.
SECTIONS = {"pages/membership.py": ("table",), "pages/summits.py": ("bilaterals", "table"),
            "pages/meetings.py": ("network", "one_pair", "one_leader", "table"),
            "pages/trade.py": ("gap", "in_year", "shares", "missing", "figures"), "pages/country.py": ("meetings", "trade"),
            "pages/sources.py": ("dictionary", "trade_coverage", "known_sources", "statements", "releases")}
ALL_CHARTS = {**CHARTS, "pages/summits.py": 3, "pages/meetings.py": 6, "pages/trade.py": 7, "pages/country.py": 3}
PAGES = list(CHARTS)
# Page -> its heading by default, written out in each language (the country profile opens on China).
TITLES = {
    "pages/home.py": {"en": "SCO relations dashboard", "es": "Panel de relaciones de la OCS",
                      "ru": "Информационная панель: отношения в рамках ШОС", "zh": "上海合作组织关系数据看板"},
    "pages/membership.py": {"en": "Membership over time", "es": "Membresía a lo largo del tiempo",
                            "ru": "Членство в динамике", "zh": "成员资格的历史沿革"},
    "pages/summits.py": {"en": "Summits of heads of state", "es": "Cumbres de jefes de Estado",
                         "ru": "Саммиты глав государств", "zh": "国家元首峰会"},
    "pages/meetings.py": {"en": "Bilateral meetings of leaders", "es": "Reuniones bilaterales de líderes",
                          "ru": "Двусторонние встречи лидеров", "zh": "领导人双边会晤"},
    "pages/trade.py": {"en": "Trade between SCO states", "es": "Comercio entre Estados de la OCS",
                       "ru": "Торговля между государствами ШОС", "zh": "上合组织国家间贸易"},
    "pages/country.py": {"en": "China in the SCO", "es": "China en la OCS", "ru": "Китай в ШОС", "zh": "中国与上合组织"},
    "pages/sources.py": {"en": "Sources and methods", "es": "Fuentes y métodos", "ru": "Источники и методология",
                         "zh": "来源与方法"},
}


# dashboard.py shows this instead of a traceback when a page fails: in a test it is a failure, never a pass.
CRASH_MESSAGES = {i18n.t("unexpected_error", lang) for lang in i18n.LANGUAGES}


def assert_not_crashed(at: AppTest) -> None:
    assert not at.exception, at.exception
    crashed = [e.value for e in at.error if e.value in CRASH_MESSAGES]
    assert not crashed, f"the page hit an unexpected error: {crashed} (see the log for the traceback)"


def open_app(query: dict | None = None, page: str | None = None) -> AppTest:
    """A fresh session opening a link: the page (default: home) with these query parameters. Fails if the page
    crashed."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page and page != PAGES[0]:
        # AppTest runs the entry file first only on the first run; the link's parameters go with the switch.
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(page).run()
    assert_not_crashed(at)
    return at


def _decode_arrays(value):
    """Plotly sends numeric arrays as {"dtype", "bdata"} (base64); turn them back into lists."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
        return {k: _decode_arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode_arrays(v) for v in value]
    return value


def animations(at: AppTest) -> list:
    """The plotly figures the page sent (the year-by-year animations), as figure objects."""
    return [go.Figure(_decode_arrays(json.loads(chart.proto.spec))) for chart in at.get("plotly_chart")]


def charts(at: AppTest) -> list[dict]:
    """The Vega-Lite charts the page sent, each specification with its datasets put back as rows (Streamlit sends
    them apart, as Arrow tables)."""
    specs = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        spec["datasets"] = {d.name: pa.ipc.open_stream(d.data.data).read_pandas().to_dict("records")
                            for d in chart.proto.datasets}
        specs.append(spec)
    return specs


def title(spec: dict) -> str:
    return spec["title"]["text"]


def chart_titled(at: AppTest, start: str) -> dict:
    return next(spec for spec in charts(at) if title(spec).startswith(start))


def opened(page: str) -> dict[str, str]:
    """Link parameters that open every section of a page."""
    return {key: "true" for key in SECTIONS.get(page, ())}


def rows(spec: dict) -> list[dict]:
    """Every row a chart draws, from all its datasets."""
    return [row for data in spec["datasets"].values() for row in data]


def test_every_page_file_is_routed():
    routed = (ROOT / "sco" / "ui.py").read_text(encoding="utf-8")  # ui.pages() lists the views
    assert sorted(p.as_posix() for p in (ROOT / "pages").glob("*.py")) == sorted(
        (ROOT / p).as_posix() for p in PAGES)
    assert all(f'"{p}"' in routed for p in PAGES)


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page, lang):
    at = open_app({"lang": lang}, page)
    assert at.session_state["lang"] == lang
    assert not at.error
    assert at.title[0].value == TITLES[page][lang]
    assert len(at.get("vega_lite_chart")) == CHARTS[page] and not at.get("plotly_chart")  # no plotly.js to load


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
@pytest.mark.parametrize("page", SECTIONS)
def test_every_section_opens_from_the_link(page, lang):
    at = open_app({"lang": lang, **opened(page)}, page)
    assert not at.error and len(at.get("vega_lite_chart")) == ALL_CHARTS[page]
    assert {key: at.query_params.get(key) for key in SECTIONS[page]} == opened(page)  # the link keeps them open
    closed = open_app({"lang": lang}, page)
    assert len(at.dataframe) > len(closed.dataframe)  # what the sections hold is drawn only when they are open


def _chart_texts(node: object) -> list[str]:
    """Titles and tooltip headings of a Vega-Lite specification (not the data it draws)."""
    if isinstance(node, dict):
        found = [node["title"]] if isinstance(node.get("title"), str) else []
        if isinstance(node.get("title"), dict) and isinstance(node["title"].get("text"), str):
            found.append(node["title"]["text"])
        return found + [text for key, value in node.items() if key not in ("datasets", "data")
                        for text in _chart_texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _chart_texts(value)]
    return []


def interface_texts(at: AppTest) -> list[str]:
    """Everything the page itself writes: headings, text, notices, labels, choices as shown, table headers, chart
    titles and tooltip headings (the data's own text, such as a page's headline, is left out)."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning",
                                  "error", "success") for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "radio", "select_slider", "toggle", "date_input", "slider"):
        for widget in at.get(kind):
            if getattr(widget, "key", None) == "lang":  # the language picker names every language in itself
                continue
            texts += [widget.label, widget.help or "", *map(str, getattr(widget, "options", []))]
    texts += [m.label for m in at.metric] + [e.label for e in at.expander]
    texts += [str(column) for frame in at.dataframe for column in frame.value.columns]
    texts += [link.proto.label for link in at.get("page_link")]
    return texts + [text for spec in charts(at) for text in _chart_texts(spec)]


# What a translation keeps as written: codes in quotes or backticks, identifiers, file names, paths and addresses,
# placeholders; and the names and abbreviations below.
CODES = re.compile(r"'[^']*'|`[^`]*`|{\w+}|https?://\S+|[\w.-]*/[\w./-]*|[\w.-]+\.(?:csv|md|py|zip|cff)(?![A-Za-z])"
                   r"|\w*_\w*|python -m [\w.]+")
KEPT_AS_WRITTEN = {"baci", "cepii", "oec", "dots", "imts", "geonames", "china", "vitae", "csv", "iso", "alpha", "url",
                   "http", "https", "fob", "cif", "gdp", "usd", "zip"}


def english_words_in(text: str) -> list[str]:
    """Latin words of `text` that are words of the English interface (en.toml) and not kept as written."""
    english = {w.lower() for entry in i18n.STRINGS.values() for w in re.findall(r"[A-Za-z]{3,}", CODES.sub("", entry))}
    return sorted({w for w in re.findall(r"[A-Za-z]{3,}", CODES.sub("", text))
                   if w.lower() in english - KEPT_AS_WRITTEN})


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_the_catalogues_have_no_english_words(lang):
    catalogue = CATALOGUES[lang]
    left = {key: found for key, text in {**catalogue.strings, **catalogue.tables, **catalogue.columns,
                                          **catalogue.authorities}.items()
            if key != "language" and (found := english_words_in(text))}
    assert not left, left


@pytest.mark.parametrize("lang", ["ru", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_text_in_russian_or_chinese(page, lang):
    at = open_app({"lang": lang, **opened(page)}, page)
    texts = interface_texts(at)
    assert len(texts) > 10
    left = {text: found for text in texts if (found := english_words_in(text))}
    assert not left, left


def test_a_link_to_a_sections_choice_opens_it_and_closing_it_drops_the_choice():
    at = open_app({"pair": "CHN-RUS"}, "pages/meetings.py")
    assert at.selectbox(key="pair").value == "CHN-RUS"  # drawn: its section is open
    at = open_app({"pair": "KAZ-RUS", "one_pair": "false"}, "pages/meetings.py")
    assert "pair" not in at.query_params and not at.warning  # closed on purpose: its choice leaves quietly


def test_maps_use_the_local_world_outline():
    at = open_app()
    maps = 0
    for page in PAGES:
        at = open_app(opened(page), page)
        for spec in charts(at):
            outlines = {layer.get("data", {}).get("url") for layer in spec.get("layer", [spec])} - {None}
            if outlines or "projection" in spec:
                maps += 1
                assert outlines == {"app/static/world_110m.json"} or spec["data"]["url"] == "app/static/world_110m.json"
    assert maps == 5  # the Overview's, Membership's, Summits', Meetings' and the trade flows'
    at.switch_page("pages/membership.py").run()
    at.toggle(key="play").set_value(True).run()  # the animation is plotly's, on the same outline
    assert [json.loads(c.proto.config)["topojsonURL"] for c in at.get("plotly_chart")] == ["app/static/"]


def test_home_headlines():
    at = open_app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Members today"] == "10"
    assert metrics["Newest member"] == "Belarus"


def test_home_map_is_drawn_from_the_local_world_outline():
    at = open_app({"lang": "es"})
    maps = at.get("vega_lite_chart")
    assert len(maps) == 1
    spec = json.loads(maps[0].proto.spec)
    assert spec["data"]["url"] == "app/static/world_110m.json"  # the outline the app serves itself
    assert len(maps[0].proto.datasets) == 1  # the states and their links, sent as data


def test_spanish_home():
    at = open_app({"lang": "es"})
    assert at.title[0].value == "Panel de relaciones de la OCS"
    assert {m.label: m.value for m in at.metric}["Miembro más reciente"] == "Bielorrusia"
    assert "Kazajistán" in at.markdown[0].value


@pytest.mark.parametrize("as_of,members", [("2024-07-01", 9), ("2024-07-05", 10), ("2017-06-09", 8)])
def test_membership_map_on_a_date_from_the_link(as_of, members):
    at = open_app({"as_of": as_of}, "pages/membership.py")
    assert f"Member: {members}," in at.markdown[0].value
    assert any(text.value.startswith(f"Member ({members}): ") for text in at.text)
    assert at.query_params["as_of"] == as_of


def test_membership_date_widget_changes_the_view():
    # Streamlit's browser side writes a bound widget's value into the link: tests/e2e/test_view_state.py sees it.
    from datetime import date
    at = open_app()
    at.switch_page("pages/membership.py").run()
    at.date_input(key="as_of").set_value(date(2010, 1, 1)).run()
    assert "Member: 6," in at.markdown[0].value


def test_play_through_years_adds_the_animated_map():
    at = open_app(page="pages/membership.py")
    assert not at.get("plotly_chart")
    at.toggle(key="play").set_value(True).run()
    assert len(at.get("plotly_chart")) == 1 and animations(at)[0].frames


@pytest.mark.parametrize("page,query", [
    ("pages/membership.py", {"as_of": "not-a-date"}), ("pages/membership.py", {"as_of": "2999-01-01"}),
    ("pages/membership.py", {"play": "maybe"}), ("pages/home.py", {"lang": "fr"}),
    ("pages/home.py", {"zzz": "<script>alert(1)</script>"}), ("pages/home.py", {"lang": "x" * 5000})])
def test_malformed_link_parameters_are_ignored_with_a_notice(page, query):
    at = open_app(query, page)
    assert not at.exception and not at.error
    notices = [w.value for w in at.warning]
    assert len(notices) == 1 and ("was not understood" in notices[0] or "unknown link parameter" in notices[0])
    for name in set(query) - {"zzz"}:
        assert f"'{name}'" in notices[0]
    assert len(at.get("plotly_chart")) + len(at.get("vega_lite_chart")) >= 1  # the view is still drawn
    assert not set(query) & set(at.query_params)


def test_corrupted_data_shows_file_and_row(data_copy, monkeypatch):
    rewrite_cell(data_copy, "membership.csv", 3, "iso3", "XXX")
    rewrite_cell(data_copy, "membership.csv", 5, "start_date", "2001-02-30")
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    at = open_app()
    at.switch_page("pages/membership.py").run()
    assert not at.exception
    assert at.error, "the page must say that data is withheld"
    table = at.dataframe[0].value
    assert {(r["File"], r["Row"], r["Column"]) for r in table.to_dict("records")} >= {
        ("membership.csv", 3, "iso3"), ("membership.csv", 5, "start_date")}
    at.switch_page("pages/summits.py").run()  # the other views keep working
    assert not at.error and len(at.get("vega_lite_chart")) == CHARTS["pages/summits.py"]


def counted(metric: str) -> int:
    """The number in a count of meetings ("52", or "at least 52" for a lower bound)."""
    return int(re.search(r"\d+", metric).group())


def test_putin_astana_bilaterals_from_the_link():
    at = open_app({"period": "2024-07-03..2024-07-03", "countries": "RUS", "rule": "in_person", "table": "true"},
                  "pages/meetings.py")
    assert not at.exception
    # Six talks the Kremlin listed, and a conversation with Lukashenko at the summit lunch. No statement makes
    # Putin's meetings with every state a census: the count is a lower bound, and says so.
    assert at.metric[0].value == "at least 7"
    assert any("lower bound" in c.value for c in at.caption)
    table = at.dataframe[-1].value
    partners = set(table["Pair"])
    assert partners == {"China – Russia", "Russia – Türkiye", "Azerbaijan – Russia", "Mongolia – Russia",
                        "Pakistan – Russia", "Kazakhstan – Russia", "Belarus – Russia"}


def test_putin_xi_drilldown_year_by_year():
    at = open_app({"pair": "CHN-RUS", "rule": "all_contacts"}, "pages/meetings.py")
    per_year = next(c for c in charts(at) if title(c).startswith("China – Russia"))
    years = {r["year"] for r in rows(per_year) if r.get("meetings")}
    assert set(range(2013, 2026)) <= years
    pair_table = next(d.value for d in at.dataframe if "Source link" in d.value)
    assert pair_table["Source link"].str.startswith("http").all()


@pytest.mark.parametrize("rule", ["in_person", "in_person_video", "all_contacts"])
def test_counting_rule_changes_the_count(rule, meetings):
    # The page's default span holds every meeting: its count is the whole table's under the rule.
    from sco.meetings import MeetingFilter, filter_meetings
    count = len(filter_meetings(meetings, MeetingFilter(date(1990, 1, 1), date(2100, 1, 1), rule=rule)))
    at = open_app({"rule": rule}, "pages/meetings.py")
    assert at.metric[0].value == f"at least {count}"


def test_meeting_filters_write_the_link():
    at = open_app(page="pages/meetings.py")
    at.radio(key="rule").set_value("in_person").run()
    at.multiselect(key="countries").set_value(["IND"]).run()
    assert at.query_params["rule"] == "in_person" and at.query_params["countries"] == "IND"
    again = open_app(dict(at.query_params), "pages/meetings.py")
    assert again.metric[0].value == at.metric[0].value


def test_meetings_table_holds_every_meeting_counted():
    # The download itself is read in the browser (tests/e2e/test_pages_in_browser.py).
    at = open_app({"countries": "IND", "table": "true"}, "pages/meetings.py")
    shown = at.dataframe[-1].value
    assert len(shown) == counted(at.metric[0].value)


def test_trade_page_shows_both_reporters_and_the_200bn_line():
    at = open_app(page="pages/trade.py")
    assert not at.exception and not at.error
    series = charts(at)[0]
    # The legend: a line per reporter and kind of figure.
    names = {r["series"] for r in rows(series) if "series" in r}
    assert {"China's figures for Russia (statistics release)", "Russia's figures for China (statistics release)",
            "Russia's figures for China (officials' statement)", "China's figures for Russia (IMF statistics)",
            "China's figures for Russia (BACI reconciled estimate)"} <= names
    assert any(r.get("bn") == 200 and r.get("text") == "USD 200 bn" for r in rows(series))
    assert any("2023" in m.value and "240.11" in m.value for m in at.markdown)


def test_trade_choices_round_trip_through_the_link():
    at = open_app({"pairs": "CHN-IND,IND-RUS", "flow": "exports", "year": "2020", "base": "2016", "figures": "true"},
                  "pages/trade.py")
    assert not at.exception
    assert at.multiselect(key="pairs").value == ["CHN-IND", "IND-RUS"]
    assert at.radio(key="flow").value == "exports"
    assert dict(at.query_params) == {"pairs": "CHN-IND,IND-RUS", "flow": "exports", "year": "2020", "base": "2016",
                                     "figures": "true"}
    table = at.dataframe[-1].value
    assert set(table["Flow"]) == {"Reporter's exports"}


def test_published_statistics_only_from_the_link():
    at = open_app({"releases": "1", "figures": "true"}, "pages/trade.py")
    assert not at.exception and at.toggle(key="releases").value
    table = at.dataframe[-1].value
    assert set(table["Kind of source"]) <= {"Customs service", "Statistics office", "International organisation",
                                            "Ministry or public agency", "Reconciled estimate"}
    everything = open_app({"figures": "true"}, "pages/trade.py").dataframe[-1].value
    assert "Officials (statistics not named)" in set(everything["Kind of source"])


def test_trade_in_spanish():
    at = open_app({"lang": "es"}, "pages/trade.py")
    assert at.title[0].value == "Comercio entre Estados de la OCS"
    assert any(r.get("series", "").startswith("Cifras de China para Rusia") for r in rows(charts(at)[0]))


def test_country_profile_from_the_link():
    at = open_app({"country": "KAZ", "lang": "es"}, "pages/country.py")
    assert not at.exception and not at.error
    assert at.title[0].value == "Kazajistán en la OCS"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Estatus hoy"] == "Miembro" and int(metrics["Cumbres acogidas"]) >= 4


def test_country_profile_of_a_partner_without_meetings_or_trade():
    at = open_app({"country": "BHR"}, "pages/country.py")
    assert not at.exception and not at.error
    assert at.title[0].value == "Bahrain in the SCO"



def test_meetings_play_through_years_from_the_link():
    at = open_app({"play": "1"}, "pages/meetings.py")
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == CHARTS["pages/meetings.py"] and len(at.get("plotly_chart")) == 1
    assert animations(at)[0].frames


def test_missing_optional_table_is_named_and_other_pages_work(data_copy, monkeypatch):
    (data_copy / "meetings.csv").unlink()
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    at = open_app(page="pages/meetings.py")
    assert not at.exception and at.error
    assert any("meetings.csv" in c.value for c in at.caption)
    at.switch_page("pages/trade.py").run()
    assert not at.error and len(at.get("vega_lite_chart")) == CHARTS["pages/trade.py"]


def test_sources_page_counts_the_rows_of_each_file():
    from sco.data import load_dataset
    at = open_app(page="pages/sources.py")
    summary = at.dataframe[0].value.set_index("Table")["Rows"]
    for name, frame in load_dataset().tables.items():
        assert summary[f"{name}.csv"] == len(frame)


def test_a_long_table_shows_its_first_rows_and_says_so(monkeypatch):
    import sco.ui
    monkeypatch.setattr(sco.ui, "MAX_TABLE_ROWS", 5)
    at = open_app({"table": "true"}, "pages/membership.py")
    assert len(at.dataframe[-1].value) == 5
    assert any("5" in c.value and "48" in c.value for c in at.caption)


def test_a_language_switch_keeps_the_coded_choices_and_relabels_them():
    at = open_app({"countries": "RUS", "rule": "all_contacts"}, "pages/meetings.py")
    count = at.metric[0].value
    at.radio(key="lang").set_value("es").run()
    assert at.multiselect(key="countries").value == ["RUS"] and "Rusia" in at.multiselect(key="countries").options
    assert at.radio(key="rule").value == "all_contacts"
    assert at.metric[0].value == count.replace("at least", "al menos")
    assert dict(at.query_params) == {"countries": "RUS", "rule": "all_contacts", "lang": "es"}
    # And back to English: AppTest keeps the Spanish labels' formatter for the next run's widget values, so that
    # step is checked in the browser (tests/e2e/test_view_state.py).


def test_a_page_switch_keeps_each_pages_choices():
    at = open_app({"country": "BLR"}, "pages/country.py")
    at.switch_page("pages/trade.py").run()
    assert "country" not in at.query_params
    at.switch_page("pages/country.py").run()
    assert at.selectbox(key="country").value == "BLR" and at.query_params["country"] == "BLR"


def test_a_page_that_crashes_fails_its_test(monkeypatch):
    import sco.ui

    def broken(*args, **kwargs):
        raise RuntimeError("planted")

    monkeypatch.setattr(sco.ui, "show_table", broken)
    with pytest.raises(AssertionError, match="unexpected error"):
        open_app({"table": "true"}, "pages/summits.py")


def test_cite_this_view_names_the_data_version_the_view_and_its_sources(monkeypatch):
    from datetime import date
    import sco.ui
    monkeypatch.setattr(sco.ui, "today", lambda: date(2026, 12, 1))
    at = open_app({"countries": "RUS,KAZ", "rule": "all_contacts", "lang": "es", "table": "true"}, "pages/meetings.py")
    cited = at.code[-1].value
    # The latest release of data/releases.csv (changes since it, if any, are said after its date).
    from sco.releases import read_releases
    latest = read_releases(DATA)[0][-1]
    assert cited.startswith(f"SCO relations dashboard data, publicación {latest.version} del "
                            f"{format_date(latest.date, 'es')}")
    assert "«Reuniones bilaterales de líderes». " in cited
    from urllib.parse import parse_qs, urlparse
    url = cited.split("». ")[1].split(" ")[0]
    assert parse_qs(urlparse(url).query) == {"countries": ["RUS,KAZ"], "rule": ["all_contacts"], "lang": ["es"],
                                             "table": ["true"]}
    assert cited.endswith("Consultado el 1 de diciembre de 2026.")
    sources = int(cited.split("a partir de ")[1].split(" ")[0])
    assert 0 < sources <= counted(at.metric[0].value)


def test_an_edited_data_file_is_read_again(data_copy, monkeypatch):
    from tests.conftest import append_row
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    at = open_app({"table": "true"}, "pages/summits.py")
    before = len(at.dataframe[-1].value)
    append_row(data_copy, "summits.csv", {
        "start_date": "2026-06-01", "end_date": "2026-06-02", "city": "Astana", "host_iso3": "KAZ",
        "format": "in_person", "body": "sco", "source_title": "t", "source_url": "https://example.org/s"})
    at.run()
    assert len(at.dataframe[-1].value) == before + 1


def test_every_parameter_not_understood_is_named_in_one_notice():
    at = open_app({"pairs": "CHN-XXX", "year": "1800", "zzz": "1"}, "pages/trade.py")
    assert [w.value for w in at.warning] == [
        "The link's value for 'pairs' was not understood and was ignored.  \n"
        "The link's value for 'year' was not understood and was ignored.  \n"
        "1 unknown link parameter(s) ignored."]


def test_a_citation_names_the_release_and_says_when_the_data_changed_since(data_copy, monkeypatch):
    from sco import releases
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    latest = releases.read_releases(data_copy)[0][-1]
    at = open_app({"table": "true"}, "pages/summits.py")
    assert f"release {latest.version} of {format_date(latest.date)}. " in at.code[-1].value
    rewrite_cell(data_copy, "summits.csv", 2, "note", "corrected")
    record = data_copy / "versions.csv"
    record.write_text(record.read_text(encoding="utf-8").replace("2026-11-30", "2027-01-05"), encoding="utf-8")
    at.run()
    assert f"release {latest.version} of {format_date(latest.date)}, with changes since (data of 5 January 2027). " \
        in at.code[-1].value
    releases.make(data_copy, "2027.01", date(2027, 1, 6), {lang: "summits corrected" for lang in i18n.LANGUAGES})
    at.run()
    assert "release 2027.01 of 6 January 2027. " in at.code[-1].value
    assert at.selectbox(key="release").options[0] == "2027.01 of 6 January 2027 (current)"


def test_the_share_of_trade_view_draws_for_every_member_in_both_languages():
    at = open_app({"share_state": "KAZ", "share_partners": "CHN,SCO", "lang": "es"}, "pages/trade.py")
    assert not at.exception and not at.error
    share = chart_titled(at, "Kazajistán: comercio con cada socio")
    assert {r["partner"] for r in rows(share)} == {"China", "Todos los demás miembros"}
    for member in ("CHN", "RUS", "IND", "PAK", "IRN", "BLR", "KGZ", "TJK", "UZB"):
        at = open_app({"share_state": member}, "pages/trade.py")
        assert not at.exception and rows(chart_titled(at, country_name(member, "en"))), member


def test_the_matrix_rule_is_kept_in_the_link_and_named_in_the_caption():
    at = open_app({"whose": "partner", "year": "2020"}, "pages/trade.py")
    assert not at.exception and at.radio(key="whose").value == "partner"
    assert chart_titled(at, "Total trade among members in 2020") and "mirror" in title(
        chart_titled(at, "Total trade among members")) and any("mirror figures" in c.value for c in at.caption)


def test_the_gap_between_the_two_sides_is_drawn_for_the_chosen_pair():
    at = open_app({"pairs": "CHN-RUS,KAZ-UZB", "gap_pair": "KAZ-UZB"}, "pages/trade.py")
    assert not at.exception and at.selectbox(key="gap_pair").value == "KAZ-UZB"
    gap = charts(at)[1]
    assert title(gap).startswith("Kazakhstan – Uzbekistan: gap")
    # DOTS_103 and DOTS_210: Kazakhstan 2,913.48 and Uzbekistan 2,855.72 USD m in 2020: 2.0 % of the larger.
    assert round({r["year"]: r["gap"] for r in rows(gap)}[2020], 1) == 2.0


def test_the_profile_shows_each_partners_share():
    at = open_app({"country": "KGZ", "trade": "true"}, "pages/country.py")
    shares = chart_titled(at, "Kyrgyzstan's SCO partners")
    assert title(shares) == "Kyrgyzstan's SCO partners in 2020: share of its trade with the world"
    by_partner = {r["partner"]: r["share"] for r in rows(shares)}
    assert round(by_partner["China"], 1) == 13.8 and round(by_partner["Russia"], 1) == 27.6


def test_one_leaders_year_and_a_summits_bilaterals_open_from_the_link():
    at = open_app({"leader": "Kassym-Jomart Tokayev", "leader_year": "2024", "lang": "es"}, "pages/meetings.py")
    assert not at.exception and at.selectbox(key="leader").value == "Kassym-Jomart Tokayev"
    assert at.selectbox(key="leader_year").value == "2024"
    table = next(d.value for d in at.dataframe if d.value.attrs.get("key") == "leader_table" or (
        "Contraparte" in d.value and set(d.value["Fecha"].str[:4]) == {"2024"}))
    assert {"Kassym-Jomart Tokayev"} <= set(table["Líder"]) | set(table["Contraparte"])
    at = open_app({"summit": "2019-06-13"}, "pages/summits.py")
    assert not at.exception and at.selectbox(key="summit").value == "2019-06-13"
    assert counted(at.metric[0].value) >= 20 and at.metric[0].value.startswith("at least")
    assert len(at.get("vega_lite_chart")) == CHARTS["pages/summits.py"] + 1  # the summit's graph


def test_a_leader_the_record_does_not_hold_is_a_bad_link():
    at = open_app({"leader": "Nobody Atall"}, "pages/meetings.py")
    assert not at.exception and at.selectbox(key="leader").value != "Nobody Atall"


def test_membership_on_a_date_lists_the_states_and_marks_the_date_and_the_shanghai_five_years():
    at = open_app({"as_of": "2024-07-05", "lang": "es"}, "pages/membership.py")
    listed = at.dataframe[0].value
    # 10 members (Belarus the tenth, from 4 July 2024) listed first, then the observers and dialogue partners.
    assert len(listed) == 26 and list(listed["Estatus"][:10]) == ["Miembro"] * 10
    assert "Bielorrusia" in set(listed["País"][:10])
    assert len(at.get("vega_lite_chart")) == 2 and not at.get("plotly_chart")  # no plotly.js to load
    at = open_app({"as_of": "1999-08-25"}, "pages/membership.py")
    assert any("Shanghai Five" in i.value for i in at.info)


def test_the_overview_and_the_sources_say_how_current_the_data_are(meetings, trade):
    for page in ("pages/home.py", "pages/sources.py"):
        at = open_app({"lang": "es"}, page)
        said = [c.value for c in at.caption if c.value.startswith("Publicación de los datos")]
        assert said and format_date(meetings["date"].max(), "es") in said[0]
        assert said[0].endswith(f"cifra de comercio: {trade['year'].max()}.")


def test_summit_filters_open_from_the_link():
    at = open_app({"formats": "in_person", "hosts": "KAZ,UZB", "years": ["2010", "2020"], "lang": "es",
                   "table": "true"}, "pages/summits.py")
    assert at.multiselect(key="hosts").value == ["KAZ", "UZB"] and at.slider(key="years").value == (2010, 2020)
    table = next(d.value for d in at.dataframe if "Decisiones de membresía" in d.value)
    assert list(table["Ciudad"]) == ["Taskent", "Astaná", "Taskent", "Astaná"]
    assert "India: Miembro" in table["Decisiones de membresía"].iloc[3]


def test_a_link_to_an_earlier_release_shows_that_releases_data_and_says_so():
    from sco.releases import read_releases
    first = read_releases(DATA)[0][0]
    at = open_app({"release": first.version, "countries": "RUS,KAZ", "table": "true"}, "pages/meetings.py")
    assert at.selectbox(key="release").value == first.version
    assert at.info[0].value.startswith(f"This view shows the data as released in {first.version} of "
                                       f"{format_date(first.date)}, not the current data")
    assert f"release {first.version} of {format_date(first.date)}. " in at.code[-1].value
    current = open_app({"countries": "RUS,KAZ", "table": "true"}, "pages/meetings.py")
    # 2026.11 held 133 curated meetings, none of them Putin's with Tokayev: fewer meetings then than now.
    assert counted(at.metric[0].value) < counted(current.metric[0].value)
    assert not current.info
    at.switch_page("pages/trade.py").run()  # the release stays chosen on another page, and in its link
    assert at.query_params["release"] == first.version and at.info


def test_a_link_to_an_unknown_release_opens_the_current_data_with_a_notice():
    at = open_app({"release": "1999.01"}, "pages/home.py")
    assert at.selectbox(key="release").value == "current"
    assert "The link's value for 'release' was not understood and was ignored." in at.warning[0].value


@pytest.mark.parametrize("lang,added", [("en", "Added"), ("es", "Añadidas"), ("ru", "Добавлено"), ("zh", "新增")])
def test_the_sources_page_says_what_changed_between_two_releases(lang, added):
    from sco.releases import read_releases
    made = read_releases(DATA)[0]
    at = open_app({"lang": lang, "releases": "true"}, "pages/sources.py")
    listed = [text.value for text in at.text if any(text.value.startswith(r.version) for r in made)]
    assert [re.match(r"[\d.]+\d", text).group() for text in listed] == [r.version for r in reversed(made)]
    assert all(text.endswith(r.summary(lang)) for text, r in zip(listed, reversed(made)))
    changes = next(d.value for d in at.dataframe if added in d.value.columns).set_index(i18n.t("col_table", lang))
    # 2026.11 -> 2026.11.1: the curated meetings grew from 133 to 699 rows; trade_imported did not change.
    assert changes.loc["meetings.csv", added] == 566 and changes.loc["meetings.csv"].iloc[:2].tolist() == [133, 699]
    assert changes.loc["trade_imported.csv"].iloc[2:].tolist() == [0, 0, 0]


def test_each_cited_row_says_in_which_release_it_appeared_and_last_changed():
    at = open_app({"pairs": "CHN-RUS", "figures": "true"}, "pages/trade.py")
    table = next(d.value for d in at.dataframe if "First released in" in d.value.columns)
    assert set(table["First released in"]) <= {"2026.11", "2026.11.1", "not yet released"}
    at = open_app({"countries": "RUS,KAZ", "table": "true", "lang": "ru"}, "pages/meetings.py")
    table = next(d.value for d in at.dataframe if "Впервые в выпуске" in d.value.columns)
    assert "2026.11.1" in set(table["Впервые в выпуске"])  # Putin's curated meetings came with 2026.11.1


def test_a_broken_record_of_releases_is_named_and_the_tables_still_shown(data_copy, monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    record = data_copy / "releases.csv"
    record.write_text(record.read_text(encoding="utf-8").replace(",membership,", ",members,", 1), encoding="utf-8")
    at = open_app({}, "pages/sources.py")
    assert any(w.value.startswith("The record of data releases has problems") for w in at.warning)
    problems = next(d.value for d in at.dataframe if "Rule" in d.value.columns)
    assert problems.iloc[0]["File"] == "releases.csv" and problems.iloc[0]["Row"] == 2
    assert problems.iloc[0]["Rule"].startswith("release_table")
    assert open_app({}, "pages/membership.py").title[0].value == "Membership over time"


def test_a_link_to_the_release_that_is_the_current_data_opens_the_current_data_quietly():
    from sco.releases import read_releases
    latest = read_releases(DATA)[0][-1]
    at = open_app({"release": latest.version}, "pages/home.py")
    assert at.selectbox(key="release").value == "current" and not at.warning and not at.info
    assert at.selectbox(key="release").options[0] == f"{latest.version} of {format_date(latest.date)} (current)"
