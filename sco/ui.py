"""The thin Streamlit layer shared by every page: language, cached data, data problems, charts, tables."""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
from collections.abc import Callable, Collection, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit import dataframe_util

from sco import i18n, links, releases, views
from sco.countries import country_name
from sco.data import Dataset, data_dir, load_dataset, table_fingerprint
from sco.geo import unmapped
from sco.i18n import format_date
from sco.meetings import all_meetings, with_pairs
from sco.provenance import citation
from sco.trade import all_figures, prepare_trade
from sco.schema import RULES, TABLES
from sco.versions import VERSIONS_FILE, read_versions

LANG_KEY = "lang"
RELEASE_KEY = "release"
CURRENT = "current"  # the release choice meaning the data as they are now
T = TypeVar("T")
# A local favicon: an emoji or material icon would make the browser fetch it from the internet.
ICON = Path(__file__).resolve().parent.parent / "static" / "icon.png"
# Plotly fetches its world outline from a CDN unless told where it is: the copy in static/ is served by the app.
GEO_CHART_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}
CHART_CONFIG = {"displaylogo": False}
# Session keys of the shell: the link parameters this run's view uses, each coded choice's last value (so that
# it survives a page switch), and whether dashboard.py is running the page.
PARAMS_THIS_RUN = "_link_params_this_run"
NOTICES = "_link_notices"
CHOSEN = "_chosen"
DATA_KEY = "_data_version_key"  # (folder, digest of the data files, release), once per run
RELEASES_KEY = "_release_record"  # the record of releases, read once per run
SHELL_RUNNING = "_shell_running"


def start_run() -> None:
    """Called by dashboard.py at the top of every run, before any widget is bound to the link."""
    st.session_state[DATA_KEY] = None  # the data files are looked at again on every run (an edit shows at once)
    st.session_state[RELEASES_KEY] = None
    st.session_state[PARAMS_THIS_RUN] = set()
    st.session_state[NOTICES] = []
    st.session_state.setdefault(CHOSEN, {})
    st.session_state[SHELL_RUNNING] = True


def end_run() -> None:
    st.session_state[SHELL_RUNNING] = False


def page_setup() -> str:
    """First call of every page: makes sure the page runs inside dashboard.py, and returns the language.

    Until st.navigation has run once in a server process, Streamlit takes a pages/ folder for its legacy router
    and runs pages/x.py alone for a link to /x (no sidebar, no language): a freshly woken server whose first
    visitor follows a shared link hits exactly that. Calling st.navigation ends the legacy routing for the
    process; the rerun then goes through dashboard.py to the same page with the same link.
    """
    if not st.session_state.get(SHELL_RUNNING):
        st.set_page_config(page_icon=str(ICON))  # else the browser fetches the page's material icon from Google
        st.navigation(pages(), position="hidden")
        st.rerun()
    return lang()


def pages() -> list:
    """Every view, in the order of the sidebar."""
    return [
        st.Page("pages/home.py", title=t("page_home"), icon=":material/home:", default=True),
        st.Page("pages/membership.py", title=t("page_membership"), icon=":material/public:"),
        st.Page("pages/summits.py", title=t("page_summits"), icon=":material/event:"),
        st.Page("pages/meetings.py", title=t("page_meetings"), icon=":material/handshake:"),
        st.Page("pages/trade.py", title=t("page_trade"), icon=":material/bar_chart:"),
        st.Page("pages/country.py", title=t("page_country"), icon=":material/flag:"),
        st.Page("pages/sources.py", title=t("page_sources"), icon=":material/menu_book:"),
    ]


def upgrade_link(page) -> None:
    """Reopen a link written in an earlier form (`play=1`, `period=first..last`) in today's form, same view."""
    upgraded = links.upgrade({key: st.query_params.get_all(key) for key in st.query_params})
    if upgraded is not None:
        st.switch_page(page, query_params=upgraded)


def choice(widget: Callable[..., object], key: str, *, options: Sequence[str], default: T,
           format_func: Callable[[str], str], known: Collection[str] | None = None, **kwargs) -> T:
    """A choice among codes shown by their names in the reader's language, kept in the link as codes.

    `widget` is st.radio, st.selectbox (default: one code) or st.multiselect (default: a list of codes).
    Streamlit's own URL binding writes the label on screen into the link (`countries=Rusia`), which would tie a
    link to a language and lose the choice when the language changes; this keeps codes (`countries=RUS`).
    The link wins; without the parameter, the session's last choice here (after a page switch), else the
    default. A value outside `known` (default: the options) is a bad link and dropped with a notice; a known
    value the options no longer hold (another filter narrowed them) quietly gives way to the default.
    """
    multiple = isinstance(default, list)
    _uses(key)
    value = _chosen_value(key, options, default, multiple, options if known is None else known)
    st.session_state[key] = value  # the widget shows the chosen value, labelled in today's language
    widget(key=key, options=options, format_func=format_func, on_change=_remember, args=(key, default), **kwargs)
    _remember(key, default, value)
    return value


def _chosen_value(key, options, default, multiple, known):
    raw = st.query_params.get(key)
    if raw is not None:
        try:
            value = (links.parse_codes if multiple else links.parse_choice)(raw, known)
        except ValueError:
            _notice_ignored(key)
            value = default
    else:
        value = st.session_state[CHOSEN].get(key, default)
    if multiple:
        return list(value) if set(value) <= set(options) else default
    return value if value in options else default


def _remember(key: str, default, value=None) -> None:
    """Keep a coded choice for this session and in the link (the default is left out of the link)."""
    value = st.session_state[key] if value is None else value
    st.session_state[CHOSEN][key] = value
    if value == default:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != links.serialize(value):  # each write is a message to the browser
        st.query_params[key] = links.serialize(value)


def bound(widget: Callable[..., T], key: str, **kwargs) -> T:
    """A widget whose value Streamlit keeps in the link itself (dates, years, switches: the same text in every
    language). A value the widget cannot take is dropped by Streamlit; the reader is told."""
    _uses(key)
    raw = st.query_params.get_all(key)
    value = widget(key=key, bind="query-params", **kwargs)
    if raw and st.query_params.get_all(key) != raw and raw != links.url_form(value):
        _notice_ignored(key)
    return value


def section(key: str, label: str, params: Sequence[str] = ()) -> st.delta_generator.DeltaGenerator:
    """A part of a page that runs only when the reader opens it: an expander whose state the link keeps
    (`?gap=true`), so that a page first draws only its main view. A link that names one of the section's choices
    opens it (links made before the section was folded keep showing what they showed); closed, its choices leave
    the link quietly. Draw inside `if box.open: with box: ...`."""
    for name in (key, *params):
        _uses(name)
    # Open by default where the link names one of its choices: the link then needs no word of its own for that.
    box = st.expander(label, expanded=any(p in st.query_params for p in params), key=key, bind="query-params")
    if not box.open:
        for name in params:
            st.query_params.pop(name, None)
    return box


def _uses(key: str) -> None:
    st.session_state.setdefault(PARAMS_THIS_RUN, set()).add(key)


def _notice_ignored(key: str) -> None:
    st.session_state.setdefault(NOTICES, []).append(t("ignored_parameter", name=key))


def show_notices(container) -> None:
    """What was ignored in the link, in the container dashboard.py keeps above the view: a reader who follows a
    colleague's link must see that it did not open exactly what was shared, and for as long as the view is open."""
    notices = st.session_state.get(NOTICES, [])
    if notices:  # our own sentences, naming only parameters the view knows: nothing from the link is shown
        container.warning("  \n".join(notices), icon=":material/link_off:")


def country_map_light(spec: dict, key: str) -> None:
    """A Vega-Lite map (figures.build_status_map_light); its countries link to their profile."""
    st.vega_lite_chart(spec, width="stretch", key=key)
    st.caption(t("click_map_hint"))


def drop_unknown_parameters() -> None:
    """Remove link parameters this view does not use, with a notice; never an error."""
    unknown = [k for k in st.query_params if k not in st.session_state.get(PARAMS_THIS_RUN, ())]
    for key in unknown:
        st.query_params.pop(key, None)
    if unknown:
        st.session_state.setdefault(NOTICES, []).append(t("ignored_unknown_parameters", count=len(unknown)))


def complete_range(value: tuple[date, ...], default: tuple[date, date]) -> tuple[date, date]:
    """A date range input returns one date while the user is picking the second: use that day alone."""
    if len(value) == 2:
        return value[0], value[1]
    return (value[0], value[0]) if value else default


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
def _load(folder: str, fingerprint: str, release: str) -> Dataset:
    # The fingerprint is part of the cache key only, so that an edited file is read again.
    dataset = load_dataset(folder)
    _add_history(dataset, release)
    # Derived columns are added once here, not on every rerun.
    if "meetings" in dataset.tables:
        tables = dataset.tables
        tables["meetings"] = with_pairs(all_meetings(tables["meetings"], tables.get("meetings_imported"),
                                                     tables.get("sources")))
    if "trade" in dataset.tables:
        tables = dataset.tables
        tables["trade"] = prepare_trade(all_figures(tables["trade"], tables.get("trade_imported"), tables.get("sources")))
    return dataset


# Tables whose rows a reader cites one by one: each row says in which release it first appeared and last changed.
WITH_HISTORY = ("trade", "trade_imported", "meetings", "meetings_imported")


def _add_history(dataset: Dataset, release: str) -> None:
    made = releases.read_releases(data_dir())[0]
    if release:  # a release's own tables: only the releases up to it count
        made = [r for r in made if releases.version_order(r.version) <= releases.version_order(release)]
    for name in WITH_HISTORY:
        frame = dataset.tables.get(name)
        if frame is None or not made:
            continue
        history = releases.row_history(data_dir(), made, name, current=Path(dataset.folder) / TABLES[name].file)
        if len(history) == len(frame):  # the loader keeps every row of a valid table, in file order
            dataset.tables[name] = frame.assign(first_release=history["first_release"].to_numpy(),
                                                changed_release=history["changed_release"].to_numpy())


def _data_version_key() -> tuple[str, str, str]:
    """(data folder, a digest of its files' sizes and times, the release shown or ""), computed once per run:
    every cached view's key includes it, and a short string is hashed in a fraction of the time a tuple of every
    file's stat is. A release other than the current data is read from its own folder (sco.releases)."""
    key = st.session_state.get(DATA_KEY)
    if key is None:
        folder, release = data_dir(), chosen_release()
        if release is not None:
            folder = releases.release_folder(folder, release_record()[0], release.version)
        key = (str(folder), hashlib.sha1(repr(table_fingerprint(folder)).encode()).hexdigest(),
               release.version if release else "")
        st.session_state[DATA_KEY] = key
    return key


def dataset() -> Dataset:
    return _load(*_data_version_key())


def _is_chart(value: object) -> bool:
    return isinstance(value, dict) and "$schema" in value and isinstance(value.get("datasets"), dict)


def _ready_to_send(value):
    """A view as it is kept: each chart's rows already in the Arrow form Streamlit sends (it passes bytes through
    as they are), so that a rerun copies them rather than converting every row again."""
    if _is_chart(value):
        return {**value, "datasets": {name: rows if isinstance(rows, bytes) else
                                      dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                                      for name, rows in value["datasets"].items()}}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        charts = {f.name: _ready_to_send(getattr(value, f.name)) for f in dataclasses.fields(value)
                  if _is_chart(getattr(value, f.name))}
        return dataclasses.replace(value, **charts) if charts else value
    return value


# Summaries and views (figures and display tables: megabytes at a hundred times the data), shared by every session.
@st.cache_resource(max_entries=48, ttl=3600, show_spinner=False)
def _derived(module: str, name: str, folder: str, fingerprint: str, release: str, tables: tuple[str, ...],
             args: tuple):
    dataset = _load(folder, fingerprint, release)
    # An optional table that is absent or withheld is passed as None: the page has required the others.
    return _ready_to_send(getattr(importlib.import_module(module), name)(*(dataset.tables.get(t) for t in tables),
                                                                         *args))


def derived(function: Callable[..., T], *choices, tables: tuple[str, ...]) -> T:
    """`function(*tables, *choices)`, computed once per version of the data and choices, and shared.

    For summaries of whole tables (coverage, option lists) and for the views of sco.views. The cache key is the
    small choices (dates, codes, the language), never the rows: a rerun costs the same at any size of the data.
    """
    return _derived(function.__module__, function.__name__, *_data_version_key(), tables, choices)


# Tables whose rows a page's table includes: their problems are that table's problems.
PARTS = {"trade": ("trade_imported", "sources"), "meetings": ("meetings_imported", "sources")}


def how_current() -> None:
    """The data's version and its newest rows, so that a reader knows how current what they cite is."""
    newest = derived(views.freshness, tables=("meetings", "trade"))
    st.caption(t("how_current", version=release_text(),
                 meeting=format_date(newest["meeting"], lang()) if newest["meeting"] is not None else "–",
                 year=newest["trade_year"] or "–"))
    problems = release_record()[1]
    if problems:
        st.warning(t("release_problem_title"))
        show_violations(problems)


def meeting_count(container, label_key: str, count: int, coverage) -> None:
    """A count of meetings as a metric: the number itself for a census, else marked as a lower bound."""
    container.metric(t(label_key), count if coverage.census else t("at_least", count=count))


def coverage_note(coverage) -> None:
    """What makes a count of meetings complete or a lower bound, and the statements that say so."""
    st.caption(t("coverage_census") if coverage.census else
               t("coverage_sample") if len(coverage.table) else t("coverage_none"))
    if len(coverage.table):
        with st.expander(t("coverage_title")):
            st.dataframe(coverage.table, hide_index=True, width="stretch")


def require(*names: str) -> Dataset:
    """The dataset, or a readable list of what keeps the named tables out, and the page stops there."""
    data = dataset()
    problems = data.problems(*names, *(part for n in names for part in PARTS.get(n, ())))
    missing = [n for n in names if n not in data.tables]
    if problems or missing:
        st.error(t("data_problem_title"))
        if not problems:  # an optional table whose file is absent
            st.caption(t("data_missing", files=", ".join(f"{n}.csv" for n in missing)))
        show_violations(problems)
        st.caption(t("data_folder_note", folder=Path(data.folder).name))
        st.stop()
    return data


def show_violations(problems) -> None:
    """Each problem with its file, line, column, value and rule, as a table (never as markup)."""
    st.dataframe(pd.DataFrame([{t("col_file"): v.file, t("col_row"): v.row, t("col_column"): v.column,
                                t("col_value"): v.value, t("col_rule"): f"{v.rule}: {RULES[v.rule]}"}
                               for v in problems]), hide_index=True, width="stretch")


def show_figure(fig: dict | go.Figure, *, geo: bool = False, key: str | None = None) -> None:
    """Draw a chart: a Vega-Lite specification (sco.figures' charts), or a plotly figure (the animations, whose
    maps get the offline world outline)."""
    if isinstance(fig, dict):
        st.vega_lite_chart(fig, width="stretch", key=key)
    else:
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
def _last_changed(folder: str, record_stamp: tuple) -> dict:
    # The stamp is part of the cache key only: `python -m sco.versions` may rewrite the record alone.
    return {name: version.changed for name, version in read_versions(Path(folder)).items()}


def tables_last_changed() -> dict[str, date]:
    record = data_dir() / VERSIONS_FILE
    stamp = (record.stat().st_size, record.stat().st_mtime_ns) if record.exists() else ()
    return _last_changed(str(record.parent), stamp)


def data_version() -> date | None:
    """The dataset's version: the date the most recently changed table last changed."""
    changed = tables_last_changed()
    return max(changed.values()) if changed else None


def view_url() -> str:
    """The address of this view, with the state in its query parameters."""
    base = st.context.url or ""
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return f"{base}?{query}" if query else base


def download_and_cite(frame: pd.DataFrame, file_name: str, key: str, view_title: str) -> None:
    """The rows on screen as CSV (built only when the button is pressed) and a citation for them."""
    def csv_bytes() -> bytes:  # called only when the button is pressed
        return frame.to_csv(index=False).encode("utf-8")

    left, right = st.columns([1, 3])
    stem, _, suffix = file_name.rpartition(".")
    file_name = f"{stem}_{release_code()}.{suffix}"  # sco_trade_2026.11.1.csv
    left.download_button(t("download_csv"), csv_bytes, file_name=file_name, mime="text/csv", key=key,
                         on_click="ignore", icon=":material/download:")
    sources = frame[t("source_link")].nunique() if t("source_link") in frame else 0
    with right.expander(t("cite_this"), icon=":material/format_quote:"):
        st.code(citation(view_title, view_url(), sources, release_text(), today(), lang()), language=None,
                wrap_lines=True)


def caption_unmapped(codes) -> None:
    missing = unmapped(codes)
    if missing:
        st.caption(t("map_missing_countries", names=i18n.join_names([country_name(c, lang()) for c in missing],
                                                                     lang())))


# Data releases ---------------------------------------------------------------------------------------------------

@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _release_record(folder: str, stamp: tuple) -> tuple[list[releases.Release], list, list[str]]:
    # The stamp is part of the cache key only: a new release or an edited table is read again. Shared, never
    # modified.
    made, _ = releases.read_releases(Path(folder))
    return made, releases.check(Path(folder)), releases.unreleased(Path(folder), made)


def release_record() -> tuple[list[releases.Release], list, list[str]]:
    """The releases of the data folder (oldest first), what is wrong with their record, and the tables changed since
    the latest: looked at once per run."""
    record = st.session_state.get(RELEASES_KEY)
    if record is None:
        folder = data_dir()
        files = [folder / releases.RELEASES_FILE, folder / releases.NOTES_FILE]
        stamp = (tuple((p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else () for p in files),
                 table_fingerprint(folder))
        record = st.session_state[RELEASES_KEY] = _release_record(str(folder), stamp)
    return record


def choose_release() -> None:
    """The sidebar's choice of data release, kept in the link as `release=2026.11` (the current data by default).
    A link naming the release that is the current data opens the current data: they are the same."""
    made, _, changed = release_record()
    if not made:
        return
    older = [r.version for r in reversed(made)][0 if changed else 1:]
    # Labels written now, in the run's language (a format function is also called outside the run).
    labels = {CURRENT: t("release_current", release=release_text(current=True)),
              **{r.version: _dated(r) for r in made}}
    choice(st.selectbox, RELEASE_KEY, options=[CURRENT, *older], default=CURRENT, known=list(labels),
           label=t("release_label"), format_func=labels.__getitem__)


def chosen_release() -> releases.Release | None:
    """The release the reader chose, or None for the current data."""
    version = st.session_state.get(RELEASE_KEY, CURRENT)
    return next((r for r in release_record()[0] if r.version == version), None) if version != CURRENT else None


def _dated(release: releases.Release) -> str:
    return t("release_dated", version=release.version, date=format_date(release.date, lang()))


def release_text(current: bool = False) -> str:
    """The release a citation names: '2026.11.1 of 30 November 2026', and whether the data changed since; the
    chosen release, or with `current` the current data."""
    made, _, changed = release_record()
    chosen = None if current else chosen_release()
    if chosen is not None:
        return _dated(chosen)
    if not made:
        version = data_version()
        return format_date(version, lang()) if version else t("unknown")
    if changed:
        latest = made[-1]
        return t("release_with_changes", version=latest.version, date=format_date(latest.date, lang()),
                 changed=format_date(data_version(), lang()) if data_version() else t("unknown"))
    return _dated(made[-1])


def release_code() -> str:
    """The release in a downloaded file's name: the chosen one, else the latest (with '+' if changed since)."""
    made, _, changed = release_record()
    chosen = chosen_release()
    if chosen is not None:
        return chosen.version
    return (made[-1].version + ("+" if changed else "")) if made else "unreleased"


def show_release_notice(container) -> None:
    """Above the view, when it shows an earlier release: say so, and which is current."""
    chosen = chosen_release()
    if chosen is not None:
        container.info(t("release_viewing", release=_dated(chosen), current=release_text(current=True)),
                       icon=":material/history:")


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def _changes(folder: str, stamp: tuple, old: str, new: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return releases.changes(Path(folder), releases.read_releases(Path(folder))[0], old, new)


def show_changes(old: str, new: str) -> None:
    """Rows per table in two releases and how many were added, removed and changed; every change as a download."""
    summary, detail = _changes(str(data_dir()), tuple(r.digest for r in release_record()[0]), old, new)
    st.markdown(f"**{t('changes_title', old=old, new=new)}**")  # versions are YYYY.MM(.N): nothing to escape
    st.dataframe(pd.DataFrame({
        t("col_table"): [TABLES[name].file for name in summary["table"]],
        t("col_rows_in", version=old): summary["rows_old"].to_numpy(),
        t("col_rows_in", version=new): summary["rows_new"].to_numpy(),
        t("col_added"): summary["added"].to_numpy(), t("col_removed"): summary["removed"].to_numpy(),
        t("col_changed_rows"): summary["changed"].to_numpy(),
    }), hide_index=True, width="stretch")
    st.download_button(t("download_changes"), lambda: detail.to_csv(index=False).encode("utf-8"),
                       file_name=f"sco_changes_{old}_{new}.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key="changes_download")


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _dataset_zip(folder: str, version: str, digest: str) -> bytes:
    # The digest (the release's checksums) is part of the key only: one zip per release, built once.
    return releases.dataset_zip(Path(folder), releases.read_releases(Path(folder))[0], version)


def dataset_download() -> None:
    """The whole dataset of the release shown (the chosen one, else the latest) as one zip, built when asked for."""
    made = release_record()[0]
    if not made:
        return
    release = chosen_release() or made[-1]
    st.download_button(t("download_dataset", version=release.version),
                       lambda: _dataset_zip(str(data_dir()), release.version, release.digest),
                       file_name=f"sco-data-{release.version}.zip", mime="application/zip", on_click="ignore",
                       icon=":material/folder_zip:", key="dataset_download")
