"""Sources and methods: what each table covers, the whole dataset, the data dictionary, counting rules, discrepancies,
releases and what changed, corrections."""
from datetime import date

import pandas as pd
import streamlit as st

from sco import tables, ui, views
from sco.docs import dictionary_frame, table_summaries
from sco.i18n import describe_table, format_date
from sco.schema import TABLES
from sco.trade import coverage

lang = ui.page_setup()
data = ui.dataset()

st.title(ui.t("sources_title"))
st.write(ui.t("sources_intro"))

st.subheader(ui.t("tables_section"))
changed = ui.tables_last_changed()
names = tuple(data.tables)
summaries = ui.derived(table_summaries, names, tables=names)
st.dataframe(pd.DataFrame({
    ui.t("col_table"): [f"{s['table']}.csv" for s in summaries],
    ui.t("col_rows"): [s["rows"] for s in summaries],
    ui.t("col_first"): [str(s["first"])[:10] if s["first"] is not None else "" for s in summaries],
    ui.t("col_last"): [str(s["last"])[:10] if s["last"] is not None else "" for s in summaries],
    ui.t("col_countries"): [s["countries"] for s in summaries],
    ui.t("col_changed"): [changed.get(s["table"], "") for s in summaries],
}), hide_index=True, width="stretch")
if data.violations:
    st.warning(ui.t("data_problem_title"))
ui.how_current()
ui.dataset_download()

st.subheader(ui.t("rules_section"))
st.text(ui.t("rules_text"))
st.subheader(ui.t("discrepancies_section"))
for item in ui.t("discrepancies").split(" | "):
    st.text(f"• {item}")

box = ui.section("dictionary", ui.t("dictionary_section"))
if box.open:
    with box:
        st.caption(ui.t("units_note"))
        for name, table in TABLES.items():
            with st.expander(f"{table.file} — {describe_table(table, lang)}"):
                frame = dictionary_frame(name, lang)
                frame.columns = [ui.t("col_column"), ui.t("col_type"), ui.t("col_required"), ui.t("col_meaning")]
                st.dataframe(frame, hide_index=True, width="stretch")

if "trade" in data.tables:
    box = ui.section("trade_coverage", ui.t("trade_coverage_section"))
    if box.open:
        with box:
            ui.show_table(tables.coverage_table(ui.derived(coverage, tables=("trade",)), lang),
                          key="sources_coverage")
    box = ui.section("known_sources", ui.t("known_sources_section"))
    if box.open:
        with box:
            st.caption(ui.t("known_sources_text"))
            ui.show_table(ui.derived(views.known_sources, lang, tables=("trade",)), key="known_sources")

if "coverage" in data.tables:
    box = ui.section("statements", ui.t("coverage_sources"))
    if box.open:
        with box:
            statements = ui.derived(views.coverage_view, (), date(1990, 1, 1), ui.today(), "all_contacts", lang,
                                    tables=("coverage",))
            st.dataframe(statements.table, hide_index=True, width="stretch")

made = ui.release_record()[0]
if made:
    box = ui.section("releases", ui.t("releases_section"), ("changes_from", "changes_to"))
    if box.open:
        with box:
            st.caption(ui.t("releases_intro"))
            newest_first = list(reversed(made))
            for release in newest_first:  # a summary is a paragraph: as text, never as markup
                st.text(ui.t("labelled", label=ui.t("release_dated", version=release.version,
                                                     date=format_date(release.date, lang)),
                             value=release.summary(lang)))
            versions = [r.version for r in newest_first]
            if len(versions) > 1:
                left, right = st.columns(2)
                with left:
                    old = ui.choice(st.selectbox, "changes_from", options=versions, default=versions[1],
                                    format_func=str, label=ui.t("changes_from"))
                with right:
                    new = ui.choice(st.selectbox, "changes_to", options=versions, default=versions[0],
                                    format_func=str, label=ui.t("changes_to"))
                ui.show_changes(old, new)

st.subheader(ui.t("corrections_section"))
st.text(ui.t("corrections_text"))
