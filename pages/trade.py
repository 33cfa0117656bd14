"""Trade: each reporter's series with events, the two sides' gap, the members' matrix and growth, flows on a
map, dependence on partners, and the member pair-years without a figure."""
import streamlit as st

from sco import tables, ui, views
from sco.i18n import format_usd
from sco.meetings import pair_name
from sco.countries import country_name
from sco.trade import FLOWS, MATRIX_RULES, SCO_PARTNERS, gaps, pair_options

lang = ui.page_setup()
data = ui.require("trade", "cities")
pairs_all = ui.derived(pair_options, tables=("trade",))
choices = ui.derived(views.trade_choices, ui.today(), tables=("trade", "membership"))
years = choices.years

st.title(ui.t("trade_title"))
st.write(ui.t("trade_intro"))
left, right = st.columns([3, 1])
with left:
    pairs = ui.choice(st.multiselect, "pairs", options=pairs_all, default=["CHN-RUS"],
                      format_func=lambda p: pair_name(p, lang), label=ui.t("pairs"))
with right:
    flow = ui.choice(st.radio, "flow", options=list(FLOWS), default="total",
                     format_func=lambda f: ui.t(f"flow_{f}"), label=ui.t("flow"))
    releases_only = ui.bound(st.toggle, "releases", value=False, label=ui.t("releases_only"),
                             help=ui.t("releases_only_help"))
    log = ui.bound(st.toggle, "log", value=False, label=ui.t("log_scale"), help=ui.t("log_scale_help"))
series = ui.derived(views.trade_series_view, tuple(pairs), flow, lang, releases_only, log,
                    tables=("trade", "summits", "membership", "meetings"))
if series.chart is None:
    st.info(ui.t("no_trade"))
else:
    ui.show_figure(series.chart)
    st.caption(ui.t("gap_caption"))
    for line in series.latest:  # the latest figures in words, to quote without hovering
        st.text(line)
    if series.crossing is not None:
        st.write(ui.t("crossing_200bn", year=int(series.crossing["year"]),
                      value=format_usd(series.crossing["value_usd"], lang)))

if pairs:
    box = ui.section("gap", ui.t("gap_section"), ("gap_pair",))
    if box.open:
        with box:
            gap_pair = ui.choice(st.selectbox, "gap_pair", options=pairs, default=pairs[0], known=pairs_all,
                                 format_func=lambda p: pair_name(p, lang), label=ui.t("gap_pair"))
            gap_chart = ui.derived(views.mirror_gap_view, gap_pair, lang, tables=("trade",))
            if gap_chart is None:
                st.info(ui.t("no_gap"))
            else:
                ui.show_figure(gap_chart)
                st.caption(ui.t("gap_explained"))

box = ui.section("in_year", ui.t("matrix_section"), ("year", "base", "whose"))
if box.open:
    with box:
        year_col, base_col = st.columns(2)
        with year_col:
            year = ui.bound(st.select_slider, "year", value=max(y for y in years if y <= 2024), options=years,
                            label=ui.t("matrix_year"))
        with base_col:
            base_year = ui.bound(st.select_slider, "base", value=2015 if 2015 in years else years[0],
                                 options=years, label=ui.t("base_year"))
        rule = ui.choice(st.radio, "whose", options=list(MATRIX_RULES), default="best",
                         format_func=lambda r: ui.t(f"matrix_rule_{r}"), label=ui.t("matrix_rule"), horizontal=True)
        in_year = ui.derived(views.trade_year_view, year, base_year, lang, rule,
                             tables=("trade", "membership", "cities"))
        ui.show_figure(in_year.matrix)
        st.caption(ui.t(f"matrix_caption_{rule}"))
        ui.show_figure(in_year.growth)
        ui.show_figure(in_year.flow_map)

if "indicators" in data.tables:
    box = ui.section("shares", ui.t("share_section"), ("share_state", "share_partners"))
    if box.open:
        with box:
            members = choices.members
            state_col, partners_col = st.columns([1, 2])
            with state_col:
                state = ui.choice(st.selectbox, "share_state", options=members,
                                  default="KGZ" if "KGZ" in members else members[0],
                                  format_func=lambda c: country_name(c, lang), label=ui.t("share_state"))
            with partners_col:
                offered = [SCO_PARTNERS, *[m for m in members if m != state]]
                partners = ui.choice(st.multiselect, "share_partners", options=offered,
                                     default=[p for p in ("CHN", "RUS", SCO_PARTNERS) if p in offered and p != state],
                                     format_func=lambda c: ui.t("all_members") if c == SCO_PARTNERS
                                     else country_name(c, lang), label=ui.t("share_partners"))
            share = ui.derived(views.share_view, state, tuple(partners), lang,
                               tables=("trade", "indicators", "membership"))
            if share.of_trade is None:
                st.info(ui.t("no_share"))
            else:
                ui.show_figure(share.of_trade)
                if share.of_gdp is not None:
                    ui.show_figure(share.of_gdp)
                st.caption(ui.t("share_caption"))
                ui.show_table(share.table, key="share_table")
                ui.download_and_cite(share.table, "sco_trade_shares.csv", key="share_download",
                                     view_title=ui.t("share_section"))

box = ui.section("missing", ui.t("gaps_title"))
if box.open:
    with box:
        st.caption(ui.t("gaps_caption"))
        # The gaps are the same in every language: computed once, only their labels per language.
        ui.show_table(tables.gaps_table(ui.derived(gaps, tuple(choices.members_today), tables=("trade",)), lang),
                      key="coverage_table")

box = ui.section("figures", ui.t("trade_table_title"))
if box.open:
    with box:
        ui.show_table(series.table, link_columns=(ui.t("source_link"),), key="trade_table")
        ui.download_and_cite(series.table, "sco_trade.csv", key="trade_download", view_title=ui.t("trade_title"))
