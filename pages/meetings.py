"""Leader meetings: filters in the link, then where (map) and when (timeline); on demand, who with whom (network,
leaders ranked), one pair (with its trade), one leader, and the table."""
import streamlit as st

from sco import figures, ui, views
from sco.countries import country_name, leader_name
from sco.i18n import format_date
from sco.meetings import COUNTING_RULES, DEFAULT_RULE, MeetingFilter, countries_in, leaders_in, pairs_in

lang = ui.page_setup()
data = ui.require("meetings", "summits", "cities")
meetings = data["meetings"]
first, last = meetings["date"].min().date(), meetings["date"].max().date()
all_countries = ui.derived(countries_in, tables=("meetings",))
all_pairs = ui.derived(pairs_in, tables=("meetings",))
all_leaders = ui.derived(leaders_in, tables=("meetings",))

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

ui.show_figure(view.map)
if view.unplaced:
    st.caption(ui.t("unplaced_meetings", count=view.unplaced))
if view.places > figures.MAX_MAP_PLACES:
    st.caption(ui.t("map_capped", shown=figures.MAX_MAP_PLACES, total=view.places))
if ui.bound(st.toggle, "play", value=False, label=ui.t("play_years")):
    ui.show_figure(ui.derived(views.meetings_animation, chosen, lang, tables=("meetings", "cities")), geo=True)
ui.show_figure(view.timeline)
if len(view.pairs) > figures.MAX_TIMELINE_PAIRS:
    st.caption(ui.t("chart_capped", shown=figures.MAX_TIMELINE_PAIRS, total=len(view.pairs)))
box = ui.section("network", ui.t("network_section"))
if box.open:
    with box:
        ui.show_figure(view.network)
        if len(view.pairs) > figures.MAX_NETWORK_PAIRS:
            st.caption(ui.t("chart_capped", shown=figures.MAX_NETWORK_PAIRS, total=len(view.pairs)))
        ui.show_figure(view.leader_ranking)
        if len(view.leaders) > figures.MAX_RANKED:
            st.caption(ui.t("leaders_capped", shown=figures.MAX_RANKED, rest=len(view.leaders) - figures.MAX_RANKED))

box = ui.section("one_pair", ui.t("pair_drilldown"), ("pair",))
if box.open:
    with box:
        pair = ui.choice(st.selectbox, "pair", options=view.pairs, default=view.pairs[0], known=all_pairs,
                         format_func=view.pair_names.get, label=ui.t("pair"))
        one_pair = ui.derived(views.pair_view, chosen, pair, lang, tables=("meetings", "trade"))
        pair_coverage = ui.derived(views.coverage_view, tuple(pair.split("-")), period[0], period[1], rule, lang,
                                   tables=("coverage",))
        st.write(ui.t("pair_summary", pair=view.pair_names[pair], latest=format_date(one_pair.latest, lang), **when,
                      n=one_pair.count,
                      count=one_pair.count if pair_coverage.census else ui.t("at_least", count=one_pair.count)))
        ui.coverage_note(pair_coverage)
        ui.show_figure(one_pair.per_year)
        if "trade" in data.tables:
            st.caption(ui.t("pair_trade_caption"))
        ui.show_table(one_pair.table, link_columns=(ui.t("source_link"),), key="pair_table")

box = ui.section("one_leader", ui.t("one_leader"), ("leader", "leader_year"))
if box.open:
    with box:
        leader = ui.choice(st.selectbox, "leader", options=view.leaders, default=view.leaders[0], known=all_leaders,
                           format_func=lambda name: leader_name(name, lang), label=ui.t("leader"))
        whole = ui.derived(views.leader_view, chosen, leader, None, lang, tables=("meetings",))
        year = ui.choice(st.selectbox, "leader_year", options=["all", *map(str, whole.years)], default="all",
                         known=["all", *map(str, range(first.year, last.year + 1))], label=ui.t("leader_year"),
                         format_func=lambda y: ui.t("whole_period") if y == "all" else y)
        one_leader = whole if year == "all" else ui.derived(views.leader_view, chosen, leader, int(year), lang,
                                                            tables=("meetings",))
        leader_coverage = ui.derived(views.coverage_view, (whole.iso3,), period[0], period[1], rule, lang,
                                     tables=("coverage",))
        st.text(ui.t("leader_summary", leader=leader_name(leader, lang), period=ui.t("whole_period") if year == "all" else year,
                     n=one_leader.count, count=ui.t("at_least", count=one_leader.count)))
        ui.coverage_note(leader_coverage)
        ui.show_figure(one_leader.counterparts)
        if one_leader.counterparts_total > figures.MAX_RANKED:
            st.caption(ui.t("counterparts_capped", shown=figures.MAX_RANKED,
                            rest=one_leader.counterparts_total - figures.MAX_RANKED))
        ui.show_table(one_leader.table, link_columns=(ui.t("source_link"),), key="leader_table")

box = ui.section("table", ui.t("meetings_table_title"))
if box.open:
    with box:
        ui.show_table(view.table, link_columns=(ui.t("source_link"),), key="meetings_table")
        ui.download_and_cite(view.table, "sco_meetings.csv", key="meetings_download",
                             view_title=ui.t("meetings_title"))
