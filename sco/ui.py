"""The thin Streamlit layer shared by every page: language, cached data, data problems, charts, tables."""
from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from sco import i18n
from sco.countries import country_name
from sco.data import Dataset, data_dir, load_dataset, table_fingerprint
from sco.geo import unmapped
from sco.meetings import with_pairs
from sco.trade import prepare_trade
from sco.provenance import citation, last_changed
from sco.schema import RULES

LANG_KEY = "lang"
T = TypeVar("T")
# A local favicon: an emoji or material icon would make the browser fetch it from the internet.
ICON = Path(__file__).resolve().parent.parent / "static" / "icon.png"
# Plotly fetches its world outline from a CDN unless told where it is: the copy in static/ is served by the app.
GEO_CHART_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}
CHART_CONFIG = {"displaylogo": False}
# Session keys of the shell: the link parameters a run used, and whether dashboard.py is running the page.
URL_KEYS_SEEN = "_url_keys_this_run"
SHELL_RUNNING = "_shell_running"


def start_run() -> None:
    """Called by dashboard.py at the top of every run, before any widget is bound to the URL."""
    st.session_state[URL_KEYS_SEEN] = {LANG_KEY}
    st.session_state[SHELL_RUNNING] = True


def end_run() -> None:
    st.session_state[SHELL_RUNNING] = False


def page_setup() -> str:
    """First call of every page: makes sure the page runs inside dashboard.py, and returns the language.

    Until st.navigation has run once in a server process, Streamlit treats a pages/ folder as the legacy router
    and runs pages/x.py alone for a link to /x (no sidebar, no language). A freshly woken server whose first
    visitor follows a shared link hits exactly that; the page then hands over to dashboard.py.
    """
    if not st.session_state.get(SHELL_RUNNING):
        from streamlit.runtime.pages_manager import PagesManager
        PagesManager.uses_pages_directory = False
        st.rerun()
    return lang()


def url_widget(widget: Callable[..., T], key: str, *, default: T, parse: Callable[[str], T],
               serialize: Callable[[T], str] = str, valid: Callable[[T], bool] | None = None, **kwargs) -> T:
    """A widget whose value lives in the URL as ?key=..., so that a copied link opens the same view.

    A new session takes the value from the URL (a value that does not parse is ignored with a notice); after
    that the session remembers it, also across page switches, and every change is written back to the URL
    (the default is left out). `valid` drops a remembered value that the widget's current options no longer allow.
    """
    st.session_state.setdefault(URL_KEYS_SEEN, set()).add(key)
    remembered = _remembered(key)
    if key not in st.session_state:
        if remembered in st.session_state:
            value = st.session_state[remembered]
        else:
            value = _value_from_url(key, parse, default)
        st.session_state[key] = value
    if valid is not None and not valid(st.session_state[key]):
        st.session_state[key] = default
    value = widget(key=key, **kwargs)
    st.session_state[remembered] = value
    if value == default or value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = serialize(value)
    return value


def _remembered(key: str) -> str:
    return f"_remembered_{key}"  # a plain key: Streamlit drops a widget's own state when it is not drawn


def open_country_profile(iso3: str) -> None:
    """Go to the country profile of `iso3` (the target of a click on any map)."""
    st.session_state[_remembered("country")] = iso3
    st.switch_page("pages/country.py", query_params={"country": iso3})


def country_map(fig: go.Figure, key: str) -> None:
    """A map whose countries open their profile when clicked."""
    event = st.plotly_chart(fig, config=GEO_CHART_CONFIG, width="stretch", key=key, on_select="rerun",
                            selection_mode="points")
    points = event.selection.points if event else []
    if points:
        trace = fig.data[points[0]["curve_number"]]
        locations = getattr(trace, "locations", None)
        if locations is not None:
            open_country_profile(str(locations[points[0]["point_index"]]))
    st.caption(t("click_map_hint"))


def country_map_light(spec: dict, key: str) -> None:
    """A Vega-Lite map (figures.build_status_map_light); its countries link to their profile."""
    st.vega_lite_chart(spec, width="stretch", key=key)
    st.caption(t("click_map_hint"))


def _value_from_url(key: str, parse: Callable[[str], T], default: T) -> T:
    raw = st.query_params.get(key)
    if raw is None:
        return default
    try:
        return parse(raw)
    except (ValueError, KeyError, TypeError):
        st.toast(t("ignored_parameter", name=key), icon=":material/link_off:")
        return default


def drop_unknown_parameters() -> None:
    """Remove link parameters no widget of this view used, with a notice; never an error."""
    unknown = [k for k in st.query_params if k not in st.session_state.get(URL_KEYS_SEEN, ())]
    for key in unknown:
        st.query_params.pop(key, None)
    if unknown:
        st.toast(t("ignored_unknown_parameters", count=len(unknown)), icon=":material/link_off:")


def parse_choice(options) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw
    return parse


def parse_date(first: date, last: date) -> Callable[[str], date]:
    def parse(raw: str) -> date:
        value = date.fromisoformat(raw)
        if not first <= value <= last:
            raise ValueError(raw)
        return value
    return parse


def parse_date_range(first: date, last: date) -> Callable[[str], tuple[date, date]]:
    """'2024-07-03..2024-07-04' -> (date(2024, 7, 3), date(2024, 7, 4)), within [first, last]."""
    def parse(raw: str) -> tuple[date, date]:
        start, end = (date.fromisoformat(part) for part in raw.split(".."))
        if not first <= start <= end <= last:
            raise ValueError(raw)
        return start, end
    return parse


def serialize_date_range(value: tuple[date, ...]) -> str:
    return "..".join(d.isoformat() for d in value)


def complete_range(value: tuple[date, ...], default: tuple[date, date]) -> tuple[date, date]:
    """A date range input returns one date while the user is picking the second: use that day alone."""
    if len(value) == 2:
        return value[0], value[1]
    return (value[0], value[0]) if value else default


def parse_codes(options) -> Callable[[str], list[str]]:
    """'CHN,RUS' -> ['CHN', 'RUS'], each one of the options."""
    def parse(raw: str) -> list[str]:
        codes = [c for c in raw.split(",") if c]
        if not codes or any(c not in options for c in codes):
            raise ValueError(raw)
        return codes
    return parse


def parse_year(years) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        if int(raw) not in years:
            raise ValueError(raw)
        return int(raw)
    return parse


def parse_flag(raw: str) -> bool:
    return {"1": True, "0": False}[raw]


def serialize_flag(value: bool) -> str:
    return "1" if value else "0"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, i18n.DEFAULT_LANG)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANG


def t(key: str, **values: object) -> str:
    return i18n.t(key, lang(), **values)


def today() -> date:
    return date.today()


# One validated copy per data folder, shared by every session and never modified (pages filter into new frames):
# a per-session copy would multiply memory by the number of analysts and cost a deserialisation per rerun.
@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def _load(folder: str, fingerprint: tuple) -> Dataset:
    # The fingerprint is part of the cache key only, so that an edited file is read again.
    dataset = load_dataset(folder)
    # Derived columns are added once here, not on every rerun.
    if "meetings" in dataset.tables:
        dataset.tables["meetings"] = with_pairs(dataset.tables["meetings"])
    if "trade" in dataset.tables:
        dataset.tables["trade"] = prepare_trade(dataset.tables["trade"])
    return dataset


def dataset() -> Dataset:
    folder = str(data_dir())
    return _load(folder, table_fingerprint(folder))


# Summaries and views (figures and display tables: megabytes at a hundred times the data), shared by every session.
@st.cache_resource(max_entries=48, ttl=3600, show_spinner=False)
def _derived(module: str, name: str, folder: str, fingerprint: tuple, tables: tuple[str, ...], args: tuple):
    dataset = _load(folder, fingerprint)
    # An optional table that is absent or withheld is passed as None: the page has required the others.
    return getattr(importlib.import_module(module), name)(*(dataset.tables.get(t) for t in tables), *args)


def derived(function: Callable[..., T], *choices, tables: tuple[str, ...]) -> T:
    """`function(*tables, *choices)`, computed once per version of the data and choices, and shared.

    For summaries of whole tables (coverage, option lists) and for the views of sco.views. The cache key is the
    small choices (dates, codes, the language), never the rows: a rerun costs the same at any size of the data.
    """
    folder = str(data_dir())
    return _derived(function.__module__, function.__name__, folder, table_fingerprint(folder), tables, choices)


def require(*names: str) -> Dataset:
    """The dataset, or a readable list of what keeps the named tables out, and the page stops there."""
    data = dataset()
    problems = data.problems(*names)
    missing = [n for n in names if n not in data.tables]
    if problems or missing:
        st.error(t("data_problem_title"))
        if not problems:  # an optional table whose file is absent
            st.caption(t("data_missing", files=", ".join(f"{n}.csv" for n in missing)))
        st.dataframe(
            pd.DataFrame([{t("col_file"): v.file, t("col_row"): v.row, t("col_column"): v.column,
                           t("col_value"): v.value, t("col_rule"): f"{v.rule}: {RULES[v.rule]}"}
                          for v in problems]),
            hide_index=True, width="stretch",
        )
        st.caption(t("data_folder_note", folder=Path(data.folder).name))
        st.stop()
    return data


def show_figure(fig: go.Figure, *, geo: bool = False, key: str | None = None) -> None:
    """Draw a figure; maps get the offline world outline."""
    st.plotly_chart(fig, config=GEO_CHART_CONFIG if geo else CHART_CONFIG, width="stretch", key=key)


MAX_TABLE_ROWS = 500


def show_table(frame: pd.DataFrame, *, link_columns: tuple[str, ...] = (), key: str | None = None) -> None:
    """A table of data rows (never rendered as HTML), source columns as links. A very long table shows its first
    rows and says so: sending tens of thousands of rows to the browser on every rerun helps no reader, and the
    download next to it holds them all."""
    config = {c: st.column_config.LinkColumn(c, display_text=t("source_link")) for c in link_columns}
    st.dataframe(frame.head(MAX_TABLE_ROWS), hide_index=True, width="stretch", column_config=config, key=key)
    if len(frame) > MAX_TABLE_ROWS:
        st.caption(t("table_capped", shown=f"{MAX_TABLE_ROWS:,}", total=f"{len(frame):,}"))


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False)
def _last_changed(folder: str, fingerprint: tuple) -> dict:
    return last_changed(Path(folder))


def tables_last_changed() -> dict[str, date]:
    folder = str(data_dir())
    return _last_changed(folder, table_fingerprint(folder))


def data_version() -> date | None:
    """The dataset's version: the date the most recently changed table last changed."""
    changed = tables_last_changed()
    return max(changed.values()) if changed else None


def view_url() -> str:
    """The address of this view, with the state in its query parameters."""
    base = st.context.url or ""
    query = urlencode({k: st.query_params[k] for k in st.query_params})
    return f"{base}?{query}" if query else base


def download_and_cite(frame: pd.DataFrame, file_name: str, key: str, view_title: str) -> None:
    """The rows on screen as CSV (built only when the button is pressed) and a citation for them."""
    def csv_bytes() -> bytes:  # called only when the button is pressed
        return frame.to_csv(index=False).encode("utf-8")

    left, right = st.columns([1, 3])
    left.download_button(t("download_csv"), csv_bytes, file_name=file_name, mime="text/csv", key=key,
                         on_click="ignore", icon=":material/download:")
    sources = frame[t("source_link")].nunique() if t("source_link") in frame else 0
    with right.expander(t("cite_this"), icon=":material/format_quote:"):
        st.code(citation(view_title, view_url(), sources, data_version(), today(), lang()), language=None,
                wrap_lines=True)


def caption_unmapped(codes) -> None:
    missing = unmapped(codes)
    if missing:
        st.caption(t("map_missing_countries", names=i18n.join_names([country_name(c, lang()) for c in missing],
                                                                     lang())))
