"""Country profile: one state's status history, summits hosted, leader meetings and trade partners, with sources."""
import pandas as pd
import streamlit as st

from sco import figures, tables, ui
from sco.countries import country_name
from sco.events import timeline_events
from sco.i18n import format_date, label
from sco.meetings import count_by_year, pair_name
from sco.profile import build_profile, profile_countries
from sco.trade import series_for_pairs

lang = ui.page_setup()
data = ui.require("membership", "meetings", "trade")
choices = ui.derived(profile_countries, tables=("membership", "meetings", "trade"))
iso3 = ui.url_widget(st.selectbox, "country", default="CHN" if "CHN" in choices else choices[0],
                     parse=ui.parse_choice(choices), valid=choices.__contains__, label=ui.t("pick_country"),
                     options=choices, format_func=lambda c: country_name(c, lang))
name = country_name(iso3, lang)
profile = build_profile(iso3, data.tables, ui.today())

st.title(ui.t("country_title", country=name))
status, hosted, met = st.columns(3)
current = profile.current_status
status.metric(ui.t("status_now"), label("status", current["status"], lang) if current is not None
              else ui.t("not_in_sco"),
              ui.t("since", date=format_date(current["start_date"], lang)) if current is not None else None,
              delta_color="off", delta_arrow="off")
hosted.metric(ui.t("summits_hosted"), len(profile.summits_hosted))
met.metric(ui.t("meetings_recorded"), len(profile.meetings))

st.subheader(ui.t("status_history"))
if profile.statuses.empty:
    st.info(ui.t("no_status", country=name))
else:
    ui.show_table(tables.membership_table(profile.statuses, lang), link_columns=(ui.t("source_link"),),
                  key="country_statuses")

if len(profile.summits_hosted):
    st.subheader(ui.t("summits_hosted"))
    ui.show_table(tables.summits_table(profile.summits_hosted, lang), link_columns=(ui.t("source_link"),),
                  key="country_summits")

st.subheader(ui.t("counterparts"))
if profile.meetings.empty:
    st.info(ui.t("no_rows"))
else:
    st.dataframe(pd.DataFrame({
        ui.t("counterpart"): [country_name(c, lang) for c in profile.counterparts["counterpart"]],
        ui.t("meetings_count"): profile.counterparts["meetings"],
        ui.t("latest"): profile.counterparts["latest"].dt.strftime("%Y-%m-%d"),
    }), hide_index=True, width="stretch")
    ui.chart(figures.build_meetings_per_year, count_by_year(profile.meetings), lang,
             ui.t("country_meetings_title", country=name))
    ui.show_table(tables.meetings_table(profile.meetings, lang), link_columns=(ui.t("source_link"),),
                  key="country_meetings")

st.subheader(ui.t("trade_partners"))
if not profile.trade_pairs:
    st.info(ui.t("no_rows"))
else:
    pairs = ui.url_widget(st.multiselect, "partners", default=profile.trade_pairs[:3],
                          parse=ui.parse_codes(profile.trade_pairs), serialize=",".join,
                          valid=lambda v: set(v) <= set(profile.trade_pairs), label=ui.t("pairs"),
                          options=profile.trade_pairs, format_func=lambda p: pair_name(p, lang))
    shown = series_for_pairs(data["trade"], pairs, "total")
    if len(shown):
        events = timeline_events(data.tables.get("summits"), data.tables.get("membership"), None, [], lang)
        ui.chart(figures.build_trade_series, shown, events, lang, False)
        table = tables.trade_table(shown, lang)
        ui.show_table(table, link_columns=(ui.t("source_link"),), key="country_trade")
        ui.download_and_cite(table, f"sco_trade_{iso3}.csv", key="country_download",
                             view_title=ui.t("country_title", country=name))
