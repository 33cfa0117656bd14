"""Membership: statuses on a chosen date (map), year by year (animated map), over time (Gantt), and the sources."""
from datetime import date

import streamlit as st

from sco import figures, ui, views
from sco.i18n import format_date, label

lang = ui.page_setup()
ui.require("membership")
today = ui.today()
FIRST_DAY = date(1996, 1, 1)
SCO_FOUNDED = date(2001, 6, 15)  # before: the Shanghai Five, whose meetings the Summits page lists

st.title(ui.t("membership_title"))
as_of = ui.bound(st.date_input, "as_of", value=today, label=ui.t("as_of"), min_value=FIRST_DAY, max_value=today,
                 format="YYYY-MM-DD")
on = ui.derived(views.membership_on, as_of, lang, tables=("membership",))
when = format_date(as_of, lang)
if on.counts:
    st.write(ui.t("status_counts", date=when,
                  counts=ui.t("names_separator").join(ui.t("labelled", label=label("status", s, lang), value=n)
                                                     for s, n in on.counts.items())))
    for line in on.listed:  # the states by name, in words a screenshot keeps
        st.text(line)
elif as_of < SCO_FOUNDED:
    st.info(ui.t("shanghai_five_years", date=when))
else:
    st.info(ui.t("none_on_date", date=when))
on_map, on_list = st.columns([2, 1])
with on_map:
    ui.country_map_light(on.map, key="status_map")
    ui.caption_unmapped(on.statuses["iso3"])
with on_list:
    st.dataframe(on.table, hide_index=True, width="stretch", height=560)

if ui.bound(st.toggle, "play", value=False, label=ui.t("play_years"), help=ui.t("play_years_help")):
    ui.show_figure(ui.derived(views.membership_animation, lang, today, tables=("membership",)), geo=True)

history = ui.derived(views.membership_history, lang, today, as_of, tables=("membership",))
st.vega_lite_chart(history.timeline, width="stretch")
if history.states > figures.MAX_TIMELINE_STATES:
    st.caption(ui.t("timeline_capped", shown=figures.MAX_TIMELINE_STATES, total=history.states))

box = ui.section("table", ui.t("table_title"))
if box.open:
    with box:
        st.caption(ui.t("precision_note"))
        ui.show_table(history.table, link_columns=(ui.t("source_link"),))
        ui.download_and_cite(history.table, "sco_membership.csv",
                             key="membership_download", view_title=ui.t("membership_title"))
