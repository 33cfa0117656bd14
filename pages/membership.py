"""Membership: statuses on a chosen date (map), year by year (animated map), over time (Gantt), and the sources."""
from datetime import date

import streamlit as st

from sco import figures, tables, ui
from sco.i18n import format_date, label
from sco.membership import count_by_status, statuses_by_year, statuses_on

lang = ui.page_setup()
data = ui.require("membership")
membership = data["membership"]
today = ui.today()
FIRST_DAY = date(1996, 1, 1)

st.title(ui.t("membership_title"))
as_of = ui.url_widget(st.date_input, "as_of", default=today, parse=ui.parse_date(FIRST_DAY, today),
                      serialize=date.isoformat, label=ui.t("as_of"), min_value=FIRST_DAY, max_value=today,
                      format="YYYY-MM-DD")
on = statuses_on(membership, as_of)
when = format_date(as_of, lang)
counts = count_by_status(membership, as_of)
if counts:
    st.write(ui.t("status_counts", date=when,
                  counts=", ".join(f"{label('status', s, lang)}: {n}" for s, n in counts.items())))
else:
    st.info(ui.t("none_on_date", date=when))
ui.country_map(figures.build_status_map, on, lang, ui.t("membership_map_title", date=when), key="status_map")
ui.caption_unmapped(on["iso3"])

if ui.url_widget(st.toggle, "play", default=False, parse=ui.parse_flag, serialize=ui.serialize_flag,
                 label=ui.t("play_years"), help=ui.t("play_years_help")):
    first_year = membership["start_date"].min().year
    ui.chart(figures.build_status_animation, statuses_by_year(membership, first_year, today), lang, geo=True)

ui.chart(figures.build_status_timeline, membership, lang, today)

st.subheader(ui.t("table_title"))
st.caption(ui.t("precision_note"))
shown = tables.membership_table(membership, lang)
ui.show_table(shown, link_columns=(ui.t("source_link"),))
ui.download_and_cite(shown, "sco_membership.csv",
                      key="membership_download", view_title=ui.t("membership_title"))
