"""Summits: where (map of host cities) and when (timeline) the heads of state met, with sources."""
import streamlit as st

from sco import figures, tables, ui
from sco.membership import summits_by_city

lang = ui.page_setup()
data = ui.require("summits", "cities")
summits = data["summits"]

st.title(ui.t("summits_title"))
st.write(ui.t("summits_intro"))
ui.chart(figures.build_summits_map, summits_by_city(summits, data["cities"]), lang, geo=True)
ui.chart(figures.build_summits_timeline, summits, lang)

st.subheader(ui.t("summits_table_title"))
shown = tables.summits_table(summits, lang)
ui.show_table(shown, link_columns=(ui.t("source_link"),))
ui.download_and_cite(shown, "sco_summits.csv", key="summits_download", view_title=ui.t("summits_title"))
