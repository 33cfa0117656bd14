"""Leader meetings: filters in the link, then where (map), when (timeline), who with whom (network), one pair."""
import streamlit as st

from sco import figures, tables, ui
from sco.countries import country_name
from sco.i18n import format_date
from sco.meetings import (COUNTING_RULES, DEFAULT_RULE, MeetingFilter, count_by_pair, count_by_place,
                          count_by_place_and_year, count_by_year, countries_in, filter_meetings, pair_name)

lang = ui.page_setup()
data = ui.require("meetings", "summits", "cities")
meetings = data["meetings"]
first, last = meetings["date"].min().date(), meetings["date"].max().date()
all_countries = ui.derived(countries_in, tables=("meetings",))

st.title(ui.t("meetings_title"))
st.write(ui.t("meetings_intro"))
left, middle, right = st.columns([3, 4, 3])
with left:
    period = ui.complete_range(
        ui.url_widget(st.date_input, "period", default=(first, last), parse=ui.parse_date_range(first, last),
                      serialize=ui.serialize_date_range, label=ui.t("period"), min_value=first, max_value=last,
                      format="YYYY-MM-DD"),
        (first, last))
with middle:
    countries = ui.url_widget(st.multiselect, "countries", default=[], parse=ui.parse_codes(all_countries),
                              serialize=",".join, label=ui.t("countries"), options=all_countries,
                              format_func=lambda c: country_name(c, lang), placeholder=ui.t("all_countries"))
with right:
    rule = ui.url_widget(st.radio, "rule", default=DEFAULT_RULE, parse=ui.parse_choice(COUNTING_RULES),
                         label=ui.t("counting_rule"), options=list(COUNTING_RULES),
                         format_func=lambda r: ui.t(f"rule_{r}"))

chosen = filter_meetings(meetings, MeetingFilter(period[0], period[1], tuple(countries), rule))
st.metric(ui.t("meetings_counted"), len(chosen))
when = {"first": format_date(period[0], lang), "last": format_date(period[1], lang)}
st.caption(ui.t("rule_caption", count=len(chosen), rule=ui.t(f"rule_{rule}"), **when))
if chosen.empty:
    st.info(ui.t("no_meetings"))
    st.stop()

by_place, unplaced = count_by_place(chosen, data["cities"])
ui.chart(figures.build_meetings_map, by_place, lang, geo=True)
if unplaced:
    st.caption(ui.t("unplaced_meetings", count=unplaced))
if len(by_place) > figures.MAX_MAP_PLACES:
    st.caption(ui.t("map_capped", shown=figures.MAX_MAP_PLACES, total=len(by_place)))
if ui.url_widget(st.toggle, "play", default=False, parse=ui.parse_flag, serialize=ui.serialize_flag,
                 label=ui.t("play_years")):
    ui.chart(figures.build_meetings_animation, count_by_place_and_year(chosen, data["cities"]), lang, geo=True)
names = {p: pair_name(p, lang) for p in chosen["pair"].unique()}
ui.chart(figures.build_meetings_timeline, chosen, data["summits"], lang, names)
pairs = count_by_pair(chosen)
if len(pairs) > figures.MAX_TIMELINE_PAIRS:
    st.caption(ui.t("chart_capped", shown=figures.MAX_TIMELINE_PAIRS, total=len(pairs)))
ui.chart(figures.build_pair_network, pairs, lang)
if len(pairs) > figures.MAX_NETWORK_PAIRS:
    st.caption(ui.t("chart_capped", shown=figures.MAX_NETWORK_PAIRS, total=len(pairs)))

st.subheader(ui.t("pair_drilldown"))
pair_options = pairs["pair"].tolist()
pair = ui.url_widget(st.selectbox, "pair", default=pair_options[0], parse=ui.parse_choice(pair_options),
                     valid=pair_options.__contains__, label=ui.t("pair"), options=pair_options,
                     format_func=names.get)
one_pair = chosen[chosen["pair"] == pair]
st.write(ui.t("pair_summary", pair=names[pair], count=len(one_pair), latest=format_date(one_pair["date"].max(), lang),
              **when))
ui.chart(figures.build_meetings_per_year, count_by_year(one_pair), lang, ui.t("pair_per_year_title", pair=names[pair]))
pair_rows = tables.meetings_table(one_pair, lang)
ui.show_table(pair_rows, link_columns=(ui.t("source_link"),), key="pair_table")

st.subheader(ui.t("meetings_table_title"))
shown = tables.meetings_table(chosen, lang)
ui.show_table(shown, link_columns=(ui.t("source_link"),), key="meetings_table")
ui.download_and_cite(shown, "sco_meetings.csv",
                      key="meetings_download", view_title=ui.t("meetings_title"))
