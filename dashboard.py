"""Entry point: routes the pages and draws the shared sidebar (language). Each view lives in pages/."""
import logging

import streamlit as st

from sco import i18n, ui

st.set_page_config(page_title="SCO relations dashboard", page_icon=str(ui.ICON), layout="wide")

ui.start_run()
with st.sidebar:
    ui.url_widget(st.radio, ui.LANG_KEY, default=i18n.DEFAULT_LANG, parse=ui.parse_choice(i18n.LANGUAGES),
                  label=i18n.t("language"), options=list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get,
                  horizontal=True)

PAGES = [
    st.Page("pages/home.py", title=ui.t("page_home"), icon=":material/home:", default=True),
    st.Page("pages/membership.py", title=ui.t("page_membership"), icon=":material/public:"),
    st.Page("pages/summits.py", title=ui.t("page_summits"), icon=":material/event:"),
    st.Page("pages/meetings.py", title=ui.t("page_meetings"), icon=":material/handshake:"),
    st.Page("pages/trade.py", title=ui.t("page_trade"), icon=":material/bar_chart:"),
    st.Page("pages/country.py", title=ui.t("page_country"), icon=":material/flag:"),
    st.Page("pages/sources.py", title=ui.t("page_sources"), icon=":material/menu_book:"),
]

page = st.navigation(PAGES)
try:
    page.run()
except Exception:  # a view must never show a traceback; Streamlit's own stop/rerun signals are not Exceptions
    logging.getLogger("sco").exception("page %s failed", page.url_path)
    st.error(ui.t("unexpected_error"))
finally:
    ui.end_run()
ui.drop_unknown_parameters()
