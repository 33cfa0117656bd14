"""Summits: where (map of host cities) and when (timeline) the heads of state met, the bilateral meetings at any
summit (a graph), with sources."""
from datetime import date

import streamlit as st

from sco import figures, ui, views
from sco.countries import country_name
from sco.i18n import label

lang = ui.page_setup()
data = ui.require("summits", "cities")
formats_all, hosts_all, first_year, last_year = ui.derived(views.summit_filter_options, tables=("summits",))

st.title(ui.t("summits_title"))
st.write(ui.t("summits_intro"))
left, middle, right = st.columns([2, 3, 3])
with left:
    formats = ui.choice(st.multiselect, "formats", options=formats_all, default=[],
                        format_func=lambda f: label("format", f, lang), label=ui.t("format"),
                        placeholder=ui.t("all_formats"))
with middle:
    hosts = ui.choice(st.multiselect, "hosts", options=hosts_all, default=[],
                      format_func=lambda c: country_name(c, lang), label=ui.t("host"), placeholder=ui.t("all_hosts"))
with right:
    years = ui.bound(st.slider, "years", min_value=first_year, max_value=last_year, value=(first_year, last_year),
                     label=ui.t("years"))
view = ui.derived(views.summits_view, lang, tuple(formats), tuple(hosts), years[0], years[1],
                  tables=("summits", "cities", "membership"))
if view.count:
    ui.show_figure(view.map)
    ui.show_figure(view.timeline)
else:
    st.info(ui.t("no_summits"))
if view.hosts > figures.MAX_TIMELINE_HOSTS:
    st.caption(ui.t("hosts_capped", shown=figures.MAX_TIMELINE_HOSTS, total=view.hosts))

if "meetings" in data.tables:
    box = ui.section("bilaterals", ui.t("summit_bilaterals"), ("summit",))
    if box.open:
        with box:
            choices = ui.derived(views.summit_choices, lang, tables=("summits",))
            start = ui.choice(st.selectbox, "summit", options=list(choices), default=next(iter(choices)),
                              format_func=choices.get, label=ui.t("summit_pick"))
            bilaterals = ui.derived(views.summit_bilaterals_view, start, lang, tables=("meetings", "summits"))
            day = date.fromisoformat(start)
            coverage = ui.derived(views.coverage_view, (), day, day, "in_person", lang, tables=("coverage",))
            ui.meeting_count(st, "summit_bilaterals_count", bilaterals.count, coverage)
            st.caption(ui.t("summit_bilaterals_rule"))
            ui.coverage_note(coverage)
            if bilaterals.network is None:
                st.info(ui.t("no_summit_bilaterals"))
            else:
                ui.show_figure(bilaterals.network)
                ui.show_table(bilaterals.table, link_columns=(ui.t("source_link"),), key="summit_meetings")

box = ui.section("table", ui.t("summits_table_title"))
if box.open:
    with box:
        ui.show_table(view.table, link_columns=(ui.t("source_link"),))
        ui.download_and_cite(view.table, "sco_summits.csv", key="summits_download", view_title=ui.t("summits_title"))
