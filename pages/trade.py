"""Trade: each reporter's series over time with events, the members' matrix and growth, flows on a map, coverage."""
import streamlit as st

from sco import figures, tables, ui
from sco.events import timeline_events
from sco.i18n import format_usd
from sco.meetings import pair_name
from sco.membership import statuses_on
from sco.trade import (FLOWS, USD_200_BILLION, coverage, flows_for_map, growth, matrix, pair_options,
                       series_for_pairs)

lang = ui.page_setup()
data = ui.require("trade", "cities")
trade = data["trade"]
pairs_all = ui.derived(pair_options, tables=("trade",))
years = sorted(int(y) for y in trade["year"].unique())

st.title(ui.t("trade_title"))
st.write(ui.t("trade_intro"))
left, right = st.columns([3, 1])
with left:
    pairs = ui.url_widget(st.multiselect, "pairs", default=["CHN-RUS"], parse=ui.parse_codes(pairs_all),
                          serialize=",".join, valid=lambda v: set(v) <= set(pairs_all), label=ui.t("pairs"),
                          options=pairs_all, format_func=lambda p: pair_name(p, lang))
with right:
    flow = ui.url_widget(st.radio, "flow", default="total", parse=ui.parse_choice(FLOWS), label=ui.t("flow"),
                         options=list(FLOWS), format_func=lambda f: ui.t(f"flow_{f}"))

shown = series_for_pairs(trade, pairs, flow)
if shown.empty:
    st.info(ui.t("no_trade"))
else:
    events = timeline_events(data.tables.get("summits"), data.tables.get("membership"), data.tables.get("meetings"),
                             pairs, lang)
    show_200bn = "CHN-RUS" in pairs and flow == "total"
    ui.chart(figures.build_trade_series, shown, events, lang, show_200bn)
    st.caption(ui.t("gap_caption"))
    china = shown[(shown["pair"] == "CHN-RUS") & (shown["reporter_iso3"] == "CHN") & shown["primary"]
                  & (shown["family"] == "national") & (shown["value_usd"] > USD_200_BILLION)]
    if show_200bn and len(china):
        first = china.sort_values("year").iloc[0]
        st.write(ui.t("crossing_200bn", year=int(first["year"]), value=format_usd(first["value_usd"], lang)))

st.subheader(ui.t("matrix_section"))
year_col, base_col = st.columns(2)
with year_col:
    year = ui.url_widget(st.select_slider, "year", default=max(y for y in years if y <= 2024),
                         parse=ui.parse_year(years), label=ui.t("matrix_year"), options=years)
with base_col:
    base_year = ui.url_widget(st.select_slider, "base", default=2015 if 2015 in years else years[0],
                              parse=ui.parse_year(years), label=ui.t("base_year"), options=years)
members = statuses_on(data["membership"], f"{year}-12-31").query("status == 'member'")["iso3"].tolist() \
    if "membership" in data.tables else sorted(set(trade["reporter_iso3"]))
ui.chart(figures.build_trade_matrix, matrix(trade, year, members), members, lang, year)
ui.chart(figures.build_growth_matrix, growth(trade, base_year, year, members), members, lang, base_year, year)
ui.chart(figures.build_trade_flow_map, *flows_for_map(trade, year, data["cities"]), lang, year, geo=True)

st.subheader(ui.t("coverage_title"))
ui.show_table(tables.coverage_table(ui.derived(coverage, tables=("trade",)), lang), key="coverage_table")

st.subheader(ui.t("trade_table_title"))
table = tables.trade_table(shown, lang)
ui.show_table(table, link_columns=(ui.t("source_link"),), key="trade_table")
ui.download_and_cite(table, "sco_trade.csv", key="trade_download", view_title=ui.t("trade_title"))
