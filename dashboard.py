"""Entry point: routes the pages and draws the shared sidebar (language, data release). Each view lives in pages/."""
import logging

import streamlit as st

from sco import i18n, ui

st.set_page_config(page_title="SCO relations dashboard", page_icon=str(ui.ICON), layout="wide")

ui.start_run()
with st.sidebar:
    ui.choice(st.radio, ui.LANG_KEY, options=list(i18n.LANGUAGES), default=i18n.DEFAULT_LANG,
              format_func=i18n.LANGUAGES.get, label=i18n.t("language"), horizontal=True)
    ui.choose_release()

page = st.navigation(ui.pages())
ui.upgrade_link(page)
notices = st.container()  # above the view: what the link asked for that the view could not show
try:
    page.run()
    ui.drop_unknown_parameters()
except Exception:  # a view must never show a traceback; Streamlit's own stop/rerun signals are not Exceptions
    logging.getLogger("sco").exception("page %s failed", page.url_path)
    st.error(ui.t("unexpected_error"))
finally:
    ui.end_run()
    ui.show_notices(notices)
    ui.show_release_notice(notices)
