"""Country profile: one state's status history, summits hosted, leader meetings and trade partners, with sources."""
from datetime import date

import streamlit as st

from sco import ui, views
from sco.countries import country_name
from sco.i18n import format_date, label
from sco.meetings import pair_name
from sco.profile import profile_countries
from sco.trade import pair_options

lang = ui.page_setup()
data = ui.require("membership", "meetings", "trade")
choices = ui.derived(profile_countries, tables=("membership", "meetings", "trade"))
all_pairs = ui.derived(pair_options, tables=("trade",))
iso3 = ui.choice(st.selectbox, "country", options=choices, default="CHN" if "CHN" in choices else choices[0],
                 format_func=lambda c: country_name(c, lang), label=ui.t("pick_country"))
name = country_name(iso3, lang)
view = ui.derived(views.country_view, iso3, lang, ui.today(), tables=("membership", "meetings", "trade", "summits"))
profile = view.profile

st.title(ui.t("country_title", country=name))
status, hosted, met = st.columns(3)
current = profile.current_status
status.metric(ui.t("status_now"), label("status", current["status"], lang) if current is not None
              else ui.t("not_in_sco"),
              ui.t("since", date=format_date(current["start_date"], lang)) if current is not None else None,
              delta_color="off", delta_arrow="off")
hosted.metric(ui.t("summits_hosted"), len(profile.summits_hosted))
meetings_coverage = ui.derived(views.coverage_view, (iso3,), date(1996, 1, 1), ui.today(), "all_contacts", lang,
                               tables=("coverage",))
ui.meeting_count(met, "meetings_recorded", len(profile.meetings), meetings_coverage)

st.subheader(ui.t("status_history"))
if profile.statuses.empty:
    st.info(ui.t("no_status", country=name))
else:
    ui.show_table(view.statuses, link_columns=(ui.t("source_link"),), key="country_statuses")

if len(profile.summits_hosted):
    st.subheader(ui.t("summits_hosted"))
    ui.show_table(view.summits_hosted, link_columns=(ui.t("source_link"),), key="country_summits")

box = ui.section("meetings", ui.t("counterparts"))
if box.open:
    with box:
        if view.meetings_per_year is None:
            st.info(ui.t("no_rows"))
        else:
            ui.coverage_note(meetings_coverage)
            st.dataframe(view.counterparts, hide_index=True, width="stretch")
            ui.show_figure(view.meetings_per_year)
            ui.show_table(view.meetings, link_columns=(ui.t("source_link"),), key="country_meetings")

box = ui.section("trade", ui.t("trade_partners"), ("partners",))
if box.open:
    with box:
        if not profile.trade_pairs:
            st.info(ui.t("no_rows"))
        else:
            if "indicators" in data.tables:
                partner_shares = ui.derived(views.partner_shares_view, iso3, lang, tables=("trade", "indicators"))
                if partner_shares is not None:
                    ui.show_figure(partner_shares)
                    st.caption(ui.t("share_caption"))
            pairs = ui.choice(st.multiselect, "partners", options=profile.trade_pairs,
                              default=profile.trade_pairs[:3], known=all_pairs,
                              format_func=lambda p: pair_name(p, lang), label=ui.t("pairs"))
            series = ui.derived(views.trade_series_view, tuple(pairs), "total", lang,
                                tables=("trade", "summits", "membership", "meetings"))
            if series.chart is not None:
                ui.show_figure(series.chart)
                ui.show_table(series.table, link_columns=(ui.t("source_link"),), key="country_trade")
                ui.download_and_cite(series.table, f"sco_trade_{iso3}.csv", key="country_download",
                                     view_title=ui.t("country_title", country=name))
