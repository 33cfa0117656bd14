"""Leader meetings: filters in the link, then where (map), when (timeline), who with whom (network), one pair."""
import streamlit as st

from sco import figures, ui, views
from sco.countries import country_name
from sco.i18n import format_date
from sco.meetings import COUNTING_RULES, DEFAULT_RULE, MeetingFilter, countries_in, pairs_in

lang = ui.page_setup()
data = ui.require("meetings", "summits", "cities")
meetings = data["meetings"]
first, last = meetings["date"].min().date(), meetings["date"].max().date()
all_countries = ui.derived(countries_in, tables=("meetings",))
all_pairs = ui.derived(pairs_in, tables=("meetings",))

st.title(ui.t("meetings_title"))
st.write(ui.t("meetings_intro"))
left, middle, right = st.columns([3, 4, 3])
with left:
    period = ui.complete_range(
        ui.bound(st.date_input, "period", value=(first, last), label=ui.t("period"), min_value=first,
                 max_value=last, format="YYYY-MM-DD"),
        (first, last))
with middle:
    countries = ui.choice(st.multiselect, "countries", options=all_countries, default=[],
                          format_func=lambda c: country_name(c, lang), label=ui.t("countries"),
                          placeholder=ui.t("all_countries"))
with right:
    rule = ui.choice(st.radio, "rule", options=list(COUNTING_RULES), default=DEFAULT_RULE,
                     format_func=lambda r: ui.t(f"rule_{r}"), label=ui.t("counting_rule"))

chosen = MeetingFilter(period[0], period[1], tuple(countries), rule)
view = ui.derived(views.meetings_view, chosen, lang, tables=("meetings", "summits", "cities"))
coverage = ui.derived(views.coverage_view, tuple(countries), period[0], period[1], rule, lang, tables=("coverage",))
ui.meeting_count(st, "meetings_counted", view.count, coverage)
when = {"first": format_date(period[0], lang), "last": format_date(period[1], lang)}
st.caption(ui.t("rule_caption", count=view.count, rule=ui.t(f"rule_{rule}"), **when))
ui.coverage_note(coverage)
if not view.count:
    st.info(ui.t("no_meetings"))
    st.stop()

ui.show_figure(view.map, geo=True)
if view.unplaced:
    st.caption(ui.t("unplaced_meetings", count=view.unplaced))
if view.places > figures.MAX_MAP_PLACES:
    st.caption(ui.t("map_capped", shown=figures.MAX_MAP_PLACES, total=view.places))
if ui.bound(st.toggle, "play", value=False, label=ui.t("play_years")):
    ui.show_figure(ui.derived(views.meetings_animation, chosen, lang, tables=("meetings", "cities")), geo=True)
ui.show_figure(view.timeline)
if len(view.pairs) > figures.MAX_TIMELINE_PAIRS:
    st.caption(ui.t("chart_capped", shown=figures.MAX_TIMELINE_PAIRS, total=len(view.pairs)))
ui.show_figure(view.network)
if len(view.pairs) > figures.MAX_NETWORK_PAIRS:
    st.caption(ui.t("chart_capped", shown=figures.MAX_NETWORK_PAIRS, total=len(view.pairs)))

st.subheader(ui.t("pair_drilldown"))
pair = ui.choice(st.selectbox, "pair", options=view.pairs, default=view.pairs[0], known=all_pairs,
                 format_func=view.pair_names.get, label=ui.t("pair"))
one_pair = ui.derived(views.pair_view, chosen, pair, lang, tables=("meetings",))
pair_coverage = ui.derived(views.coverage_view, tuple(pair.split("-")), period[0], period[1], rule, lang,
                           tables=("coverage",))
st.write(ui.t("pair_summary", pair=view.pair_names[pair], latest=format_date(one_pair.latest, lang), **when,
              count=one_pair.count if pair_coverage.census else ui.t("at_least", count=one_pair.count)))
ui.coverage_note(pair_coverage)
ui.show_figure(one_pair.per_year)
ui.show_table(one_pair.table, link_columns=(ui.t("source_link"),), key="pair_table")

st.subheader(ui.t("meetings_table_title"))
ui.show_table(view.table, link_columns=(ui.t("source_link"),), key="meetings_table")
ui.download_and_cite(view.table, "sco_meetings.csv",
                      key="meetings_download", view_title=ui.t("meetings_title"))
