"""Overview: what the SCO is, the headline figures, today's statuses on a map, and the way into every view."""
import streamlit as st

from sco import ui, views
from sco.countries import city_name, country_name
from sco.i18n import format_date, join_names
from sco.membership import headlines

lang = ui.page_setup()
data = ui.require("membership", "summits")
today = ui.today()
head = ui.derived(headlines, today, tables=("membership", "summits"))

st.title(ui.t("app_title"))
if head.founded is not None:
    st.write(ui.t(
        "home_intro", founded=format_date(head.founded, lang),
        founders=join_names([country_name(c, lang) for c in head.founders], lang),
        later=join_names([ui.t("bracketed", text=country_name(c, lang), detail=d.year)
                                  for c, d in head.later_members], lang)))
st.write(ui.t("home_scope"))

left, middle, right, last = st.columns(4)
left.metric(ui.t("metric_members"), head.members_today)
middle.metric(ui.t("metric_partners"), head.others_today, help=ui.t("metric_partners_help"))
if head.newest_member:
    iso3, joined = head.newest_member
    right.metric(ui.t("metric_newest"), country_name(iso3, lang), ui.t("since", date=format_date(joined, lang)),
                 delta_color="off", delta_arrow="off")
if head.latest_summit is not None:
    summit = head.latest_summit
    days = format_date(summit["start_date"], lang) + (
        f" – {format_date(summit['end_date'], lang)}" if summit["end_date"] != summit["start_date"] else "")
    last.metric(ui.t("metric_latest_summit"), city_name(summit["city"], lang), days,
                delta_color="off", delta_arrow="off")

ui.country_map_light(ui.derived(views.overview_map, today, lang, tables=("membership",)), key="home_map")
ui.how_current()

st.subheader(ui.t("explore"))
st.page_link("pages/membership.py", label=ui.t("link_membership"), icon=":material/public:")
st.page_link("pages/summits.py", label=ui.t("link_summits"), icon=":material/event:")
st.page_link("pages/meetings.py", label=ui.t("link_meetings"), icon=":material/handshake:")
st.page_link("pages/trade.py", label=ui.t("link_trade"), icon=":material/bar_chart:")
st.page_link("pages/country.py", label=ui.t("link_country"), icon=":material/flag:")
st.page_link("pages/sources.py", label=ui.t("link_sources"), icon=":material/menu_book:")
