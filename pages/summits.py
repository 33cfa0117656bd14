"""Summits: where (map of host cities) and when (timeline) the heads of state met, with sources."""
import streamlit as st

from sco import figures, ui, views

lang = ui.page_setup()
ui.require("summits", "cities")
view = ui.derived(views.summits_view, lang, tables=("summits", "cities"))

st.title(ui.t("summits_title"))
st.write(ui.t("summits_intro"))
ui.show_figure(view.map, geo=True)
ui.show_figure(view.timeline)
if view.hosts > figures.MAX_TIMELINE_HOSTS:
    st.caption(ui.t("hosts_capped", shown=figures.MAX_TIMELINE_HOSTS, total=view.hosts))

st.subheader(ui.t("summits_table_title"))
ui.show_table(view.table, link_columns=(ui.t("source_link"),))
ui.download_and_cite(view.table, "sco_summits.csv", key="summits_download", view_title=ui.t("summits_title"))
