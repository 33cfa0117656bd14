"""Figure builders: tidy DataFrame and language in, a chart out. No Streamlit, no I/O.

The charts are Vega-Lite specifications (dicts); only the year-by-year animations are plotly figures, loaded when a
reader switches one on. In those, every text that comes from the data is escaped, because plotly reads a few HTML
tags in text; escaped, a tag in a curator's note is shown as the characters it is.
"""
from __future__ import annotations

import html
from datetime import date
from urllib.parse import urlsplit

import altair as alt
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sco.countries import city_name, country_name, leader_name
from sco.i18n import (authority_name, chart_unit, format_date, format_number, format_usd, label,
                      occasion_text, separators, t)
from sco.meetings import pair_name
from sco.schema import STATUSES

STATUS_COLORS: dict[str, str] = {
    "member": "#1f4e79",
    "observer": "#5b9bd5",
    "dialogue_partner": "#f4a259",
    "partner": "#6aaa64",
}
FORMAT_COLORS: dict[str, str] = {"in_person": "#1f4e79", "virtual": "#e07a5f", "hybrid": "#9c6ade",
                                 "phone": "#8d99ae"}
# The part of the world where SCO states and partners lie: from Egypt to China, from the Maldives to Russia.
EURASIA_GEO = dict(projection_type="natural earth", lonaxis_range=[8, 150], lataxis_range=[-3, 78],
                   showframe=False, showcountries=True, countrycolor="#9a9a9a", showland=True,
                   landcolor="#ececec", showocean=True, oceancolor="#f7fbff", showlakes=False)
WORLD_GEO = {**EURASIA_GEO, "lonaxis_range": [-100, 160], "lataxis_range": [-45, 75]}
FONT = dict(family="Source Sans Pro, sans-serif")


def plain(value: object) -> str:
    """Data text made safe for plotly's HTML-like labels."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


def _layout(fig: go.Figure, title: str, height: int, lang: str) -> go.Figure:
    # No plotly template: Streamlit's theme replaces it in the browser (pages are pixel-identical either way), and
    # sending it cost about 3 KB of JSON per figure on every rerun.
    fig.update_layout(template="none", title=dict(text=plain(title), x=0, xanchor="left"), height=height, font=FONT,
                      margin=dict(l=10, r=10, t=60, b=10), hoverlabel=dict(align="left"),
                      separators=separators(lang))
    for traces in (fig.data, *(frame.data for frame in fig.frames)):
        _as_arrays(traces)
    return fig


# Streamlit copies and serialises a figure on every rerun that draws it: a numpy array in one step, a list element
# by element (half the time of a large chart).
PER_POINT = ("x", "y", "base", "z", "lat", "lon", "locations", "text", "hovertext", "customdata")


def _as_arrays(traces) -> None:
    for trace in traces:
        for name in PER_POINT:
            value = trace[name] if name in trace else None
            if isinstance(value, (list, tuple)) and len(value) > 1:
                numbers = np.asarray(value)
                trace[name] = numbers if numbers.dtype.kind in "iufb" else np.array(value, dtype=object)


def _status_colorscale() -> list[list]:
    """A stepped colour scale: status i of n is drawn in STATUS_COLORS over the band [i/n, (i+1)/n]."""
    n = len(STATUSES)
    scale = []
    for i, status in enumerate(STATUSES):
        scale += [[i / n, STATUS_COLORS[status]], [(i + 1) / n, STATUS_COLORS[status]]]
    return scale


def _status_trace(statuses: pd.DataFrame, lang: str) -> go.Choropleth:
    """One choropleth trace of states coloured by status; the same structure on every animation frame."""
    codes = {s: i for i, s in enumerate(STATUSES)}
    hover = [
        f"<b>{plain(country_name(r.iso3, lang))}</b><br>{label('status', r.status, lang)}"
        + (f"<br>{t('since', lang, date=format_date(r.start_date, lang, getattr(r, 'date_precision', None)))}"
           if hasattr(r, "start_date") else "")
        for r in statuses.itertuples()
    ]
    return go.Choropleth(
        locations=statuses["iso3"].tolist(), z=[codes[s] for s in statuses["status"]], locationmode="ISO-3",
        colorscale=_status_colorscale(), zmin=-0.5, zmax=len(STATUSES) - 0.5, text=hover,
        hovertemplate="%{text}<extra></extra>", marker_line_color="#ffffff", marker_line_width=0.6,
        colorbar=dict(tickvals=list(range(len(STATUSES))), ticktext=[label("status", s, lang) for s in STATUSES],
                      title=dict(text=t("status", lang)), len=0.8, thickness=14),
    )


# The world outline as the app serves it (see ui.GEO_CHART_CONFIG): the same file the plotly maps use.
WORLD_TOPOJSON = "app/static/world_110m.json"


def build_status_map_light(statuses: pd.DataFrame, lang: str, title: str, scale: float = 380,
                           center: tuple[float, float] = (82, 40)) -> alt.LayerChart:
    """The status map drawn with Vega-Lite instead of plotly, for the first page: its library is a sixth the size
    of plotly.js, which the browser would otherwise load and parse before drawing anything (see the README's
    speed section). Each state links to its profile in the same language (a plain link: the view lives in it)."""
    rows = pd.DataFrame({
        "iso3": statuses["iso3"].to_numpy(),
        "name": [country_name(c, lang) for c in statuses["iso3"]],
        "status": [label("status", s, lang) for s in statuses["status"]],
        "since": [format_date(d, lang, p) for d, p in zip(statuses["start_date"], statuses["date_precision"])],
        "profile": [f"country?country={c}&lang={lang}" for c in statuses["iso3"]],
    })
    countries = alt.topo_feature(WORLD_TOPOJSON, "countries")
    land = alt.Chart(countries).mark_geoshape(fill=EURASIA_GEO["landcolor"], stroke=EURASIA_GEO["countrycolor"],
                                              strokeWidth=0.4)
    in_sco = alt.Chart(countries).mark_geoshape(stroke="#ffffff", strokeWidth=0.6).transform_lookup(
        lookup="id", from_=alt.LookupData(rows, "iso3", ["iso3", "name", "status", "since", "profile"]),
    ).transform_filter("isValid(datum.status)").encode(
        color=alt.Color("status:N", title=t("status", lang),
                        scale=alt.Scale(domain=[label("status", s, lang) for s in STATUSES],
                                        range=[STATUS_COLORS[s] for s in STATUSES]),
                        legend=alt.Legend(orient="right")),
        tooltip=[alt.Tooltip("name:N", title=t("country", lang)), alt.Tooltip("status:N", title=t("status", lang)),
                 alt.Tooltip("since:N", title=t("start", lang))],
        href="profile:N",
    )
    # `scale` and `center` fit the SCO states into the width the map gets: the page (Overview) or a column.
    return (land + in_sco).project(type="naturalEarth1", center=list(center), scale=scale).properties(
        title=alt.TitleParams(title, anchor="start", fontSize=16), height=560)


def build_status_animation(by_year: pd.DataFrame, lang: str) -> go.Figure:
    """Animated status map, one frame per year, with a play button and a year slider."""
    years = sorted(by_year["year"].unique())
    frames = [go.Frame(data=[_status_trace(by_year[by_year["year"] == y], lang)], name=str(y)) for y in years]
    fig = go.Figure(data=frames[-1].data if frames else [], frames=frames)
    fig.update_geos(**EURASIA_GEO)
    _add_play_controls(fig, years, lang)
    return _layout(fig, t("animation_title", lang), 680, lang)


MAX_TIMELINE_STATES = 60


def build_status_timeline_light(membership: pd.DataFrame, lang: str, today: date,
                                as_of: date | None = None) -> alt.LayerChart:
    """The status timeline drawn with Vega-Lite (as the maps of the first pages): one bar per status interval, one
    row per state ordered by first entry (past MAX_TIMELINE_STATES, the first to enter), the chosen date marked. A
    page without plotly charts need not load plotly.js before drawing."""
    frame = membership.sort_values("start_date", kind="stable")
    shown = frame.drop_duplicates("iso3")["iso3"].head(MAX_TIMELINE_STATES)
    frame = frame[frame["iso3"].isin(shown)]
    names = {c: country_name(c, lang) for c in shown}
    rows = pd.DataFrame({
        "country": [names[c] for c in frame["iso3"]],
        "status": [label("status", s, lang) for s in frame["status"]],
        "start": frame["start_date"].dt.strftime("%Y-%m-%d").to_numpy(),
        "end": frame["end_date"].fillna(pd.Timestamp(today)).dt.strftime("%Y-%m-%d").to_numpy(),
        "since": [format_date(d, lang, p) for d, p in zip(frame["start_date"], frame["date_precision"])],
        "until": [format_date(d, lang) if pd.notna(d) else t("current", lang) for d in frame["end_date"]],
    })
    order = [names[c] for c in shown]
    bars = alt.Chart(rows).mark_bar(height=16).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y")), x2="end:T",
        y=alt.Y("country:N", title=None, sort=order),
        color=alt.Color("status:N", title=None, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=[label("status", s, lang) for s in STATUSES],
                                        range=[STATUS_COLORS[s] for s in STATUSES])),
        tooltip=[alt.Tooltip("country:N", title=t("country", lang)), alt.Tooltip("status:N", title=t("status", lang)),
                 alt.Tooltip("since:N", title=t("start", lang)), alt.Tooltip("until:N", title=t("end", lang))])
    layers = [bars]
    if as_of is not None:  # the date the map above shows
        marker = pd.DataFrame({"day": [pd.Timestamp(as_of).strftime("%Y-%m-%d")], "text": [format_date(as_of, lang)]})
        layers.append(alt.Chart(marker).mark_rule(color="#c0392b", strokeDash=[3, 3], strokeWidth=1.5).encode(
            x="day:T"))
        layers.append(alt.Chart(marker).mark_text(color="#c0392b", align="right", dx=-4, baseline="bottom", y=0).encode(
            x="day:T", text="text:N"))
    return alt.layer(*layers).properties(title=alt.TitleParams(t("timeline_title", lang), anchor="start",
                                                               fontSize=16),
                                         height=26 * len(order), width="container")


MAX_SUMMIT_CITIES = 300


def projected(lons, lats, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Where Vega-Lite draws places on a Natural Earth map (d3's naturalEarth1) of this scale, in pixels from the
    projection's centre: the map's width moves every place alike, so distances between places are known here."""
    lam, phi = np.radians(np.asarray(lons, dtype=float)), np.radians(np.asarray(lats, dtype=float))
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return scale * x, -scale * y


LABEL_FONT_PX, LABEL_CHAR_PX = 13, 6.3  # a label's height, and the width of a character at font size 11
SIDES = ("top center", "middle right", "bottom center", "middle left", "top right", "top left", "bottom right",
         "bottom left")


def _label_box(x: float, y: float, radius: float, side: str, width: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a label on `side` of a bubble at (x, y), clear of it by 3 px."""
    gap, h, corner = radius + 3, LABEL_FONT_PX, _corner_gap(radius)
    return {"top center": (x - width / 2, y - gap - h, x + width / 2, y - gap),
            "bottom center": (x - width / 2, y + gap, x + width / 2, y + gap + h),
            "middle left": (x - gap - width, y - h / 2, x - gap, y + h / 2),
            "middle right": (x + gap, y - h / 2, x + gap + width, y + h / 2),
            "top right": (x + corner, y - corner - h, x + corner + width, y - corner),
            "top left": (x - corner - width, y - corner - h, x - corner, y - corner),
            "bottom right": (x + corner, y + corner, x + corner + width, y + corner + h),
            "bottom left": (x - corner - width, y + corner, x - corner, y + corner + h)}[side]


def _corner_gap(radius: float) -> int:
    """How far a label set at a corner sits from the bubble's centre along each axis: clear of the circle."""
    return int(radius * 0.75) + 2


def _overlap(box: tuple, others: np.ndarray) -> np.ndarray:
    """The area `box` (left, top, right, bottom) shares with each of `others` (rows of the same four)."""
    others = np.asarray(others, dtype=float).reshape(-1, 4)
    width = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0])
    height = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1])
    return np.clip(width, 0, None) * np.clip(height, 0, None)


def label_positions(lons, lats, radii, labels, scale: float) -> list[str]:
    """A side for each place's label (most important first: the rows come sorted so) where it covers no label
    already placed and no other bubble, so that Tashkent, Samarkand, Dushanbe and Almaty, or Beijing, Tianjin and
    Qingdao, stay legible; where every side is taken, the side that covers least. An empty label takes no room."""
    xs, ys = projected(lons, lats, scale)
    radii = np.asarray(radii, dtype=float)
    bubbles = np.column_stack([xs - radii, ys - radii, xs + radii, ys + radii])
    placed, sides = np.empty((0, 4)), []
    for i, (x, y, r, text) in enumerate(zip(xs, ys, radii, labels)):
        if not text:
            sides.append(SIDES[0])
            continue
        width = LABEL_CHAR_PX * len(text)
        obstacles = np.vstack([placed, np.delete(bubbles, i, axis=0)])
        covered = {side: float(_overlap(_label_box(x, y, r, side, width), obstacles).sum()) for side in SIDES}
        side = min(SIDES, key=lambda s: (covered[s] > 0, covered[s]))  # the first free side, else the least covered
        sides.append(side)
        placed = np.vstack([placed, _label_box(x, y, r, side, width)])
    return sides


# Charts below are Vega-Lite specifications (dicts), drawn by Streamlit's Vega-Lite element: a page without plotly
# charts need not load plotly.js (4.7 MB), which alone costs half a bare page's drawing time (see the README's
# speed section). Vega-Lite draws data text as SVG text and its tooltips as text: nothing from the data is read as
# HTML, so these need no escaping.


def _number_locale(lang: str) -> dict:
    """d3's number locale for the language's separators: "244.819,5" in Spanish, "244 819,5" in Russian."""
    decimal, thousands = separators(lang)
    return {"decimal": decimal, "thousands": thousands, "grouping": [3], "currency": ["", " USD"]}


def _spec(chart: alt.TopLevelMixin, title: str, height: int, lang: str) -> dict:
    """A chart as the Vega-Lite specification a page draws: titled, as wide as its column, numbers formatted with
    the language's separators."""
    # Not validated here (a third of the time a new choice takes): the tests validate every chart against the
    # Vega-Lite schema.
    spec = chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=16), height=height,
                            width="container").to_dict(validate=False)
    spec.setdefault("config", {})["locale"] = {"number": _number_locale(lang)}
    return spec


DAY_FORMAT, MONTH_FORMAT, YEAR_FORMAT = "%Y-%m-%d", "%Y-%m", "%Y"


def time_axis(first: pd.Timestamp, last: pd.Timestamp) -> tuple[alt.Scale, alt.Axis]:
    """A date axis that suits the span shown: days for a few weeks ("2024-07-03", never hours), months for a year
    or two, years beyond; numbers, not month names, so that it reads the same in every language. A single day gets
    a day either side."""
    span = (last - first).days
    if span <= 62:
        interval, step, fmt = "day", max(1, span // 8 + (span == 0)), DAY_FORMAT
    elif span <= 730:
        interval, step, fmt = "month", max(1, span // 240), MONTH_FORMAT
    else:
        interval, step, fmt = "year", max(1, span // (365 * 12)), YEAR_FORMAT
    pad = pd.Timedelta(days=1 if span <= 62 else max(span // 40, 1))
    domain = [(first - pad).strftime(DAY_FORMAT), (last + pad).strftime(DAY_FORMAT)]
    return (alt.Scale(domain=domain),
            alt.Axis(format=fmt, tickCount={"interval": interval, "step": step}, labelOverlap=True, title=None))


def _count_axis(title: str) -> alt.Axis:
    """A count axis: whole numbers only ("1 meeting" is never drawn as 0.2 steps)."""
    return alt.Axis(title=title, format="d", tickMinStep=1)


def _world(scale: float, center: tuple[float, float]) -> tuple[alt.Chart, dict]:
    """The land layer of a map, and its projection: the world outline the app serves (static/)."""
    land = alt.Chart(alt.topo_feature(WORLD_TOPOJSON, "countries")).mark_geoshape(
        fill=EURASIA_GEO["landcolor"], stroke=EURASIA_GEO["countrycolor"], strokeWidth=0.4)
    return land, dict(type="naturalEarth1", center=list(center), scale=scale)


# Where a place's label sits (label_positions' sides), as Vega-Lite text alignment and a shift away from the point
# by its radius.
_LABEL_SIDES = {"top center": ("center", "bottom", 0, -1), "bottom center": ("center", "top", 0, 1),
                "middle left": ("right", "middle", -1, 0), "middle right": ("left", "middle", 1, 0),
                "top right": ("left", "bottom", 1, -1), "top left": ("right", "bottom", -1, -1),
                "bottom right": ("left", "top", 1, 1), "bottom left": ("right", "top", -1, 1)}


def _place_labels(rows: pd.DataFrame) -> list[alt.Chart]:
    """Text layers that name each place beside its bubble, on the side label_positions chose, clear of the bubble
    (rows need `side`, `radius` and `label`; an empty label is not drawn). They take the map's own rows (set on the
    layered chart): one dataset per map, read once."""
    layers = []
    named = rows[rows["label"] != ""]
    for (side, radius), _ in named.groupby(["side", "radius"], sort=True):
        align, baseline, dx, dy = _LABEL_SIDES[side]
        offset = _corner_gap(radius) if dx and dy else int(radius) + 3
        layers.append(alt.Chart().transform_filter(
            (alt.datum.side == side) & (alt.datum.radius == radius) & (alt.datum.label != "")).mark_text(
            align=align, baseline=baseline, dx=dx * offset, dy=dy * offset, fontSize=11, color="#333333").encode(
            longitude="lon:Q", latitude="lat:Q", text="label:N"))
    return layers


def _bubbles(rows: pd.DataFrame, diameters: list[float], scale: float) -> pd.DataFrame:
    """Point sizes as Vega-Lite wants them (areas, px²), the radius the labels keep clear of (in steps of 4 px: a
    text layer per side and step), and the side of each label (rows need `label`, most important first)."""
    radius = [4 * round(d / 8) for d in diameters]
    sides = label_positions(rows["lon"], rows["lat"], radius, rows["label"].tolist(), scale)
    return rows.assign(area=[3.1416 * r * r for r in radius], radius=radius, side=sides)


def build_summits_map(by_city: pd.DataFrame, lang: str) -> dict:
    """Host cities as bubbles sized by the number of summits held there (the busiest cities), each named."""
    by_city = by_city.head(MAX_SUMMIT_CITIES)
    scale, center = 420, (82, 42)
    rows = _bubbles(pd.DataFrame({
        "label": [city_name(c, lang) for c in by_city["city"]],
        "country": [country_name(c, lang) for c in by_city["host_iso3"]],
        "summits": by_city["summits"].to_numpy(), "years": by_city["years"].astype(str).to_numpy(),
        "lat": by_city["lat"].to_numpy(), "lon": by_city["lon"].to_numpy(),
    }), [10 + 7 * n for n in by_city["summits"]], scale)
    land, projection = _world(scale, center)
    bubbles = alt.Chart().mark_circle(color="#1f4e79", opacity=0.75, stroke="#ffffff", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q", size=alt.Size("area:Q", scale=None, legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("city", lang)), alt.Tooltip("country:N", title=t("host", lang)),
                 alt.Tooltip("summits:Q", title=t("summits_count", lang)),
                 alt.Tooltip("years:N", title=t("years", lang))])
    chart = alt.layer(land, bubbles, *_place_labels(rows), data=rows).project(**projection)
    return _spec(chart, t("summits_map_title", lang), 520, lang)


MAX_TIMELINE_HOSTS = 40


def _format_color(lang: str, formats=tuple(FORMAT_COLORS)) -> alt.Scale:
    return alt.Scale(domain=[label("format", f, lang) for f in formats], range=[FORMAT_COLORS[f] for f in formats])


def build_summits_timeline(summits: pd.DataFrame, lang: str) -> dict:
    """Each summit as a point in time, on the row of its host, coloured by format; past MAX_TIMELINE_HOSTS hosts,
    the hosts of the most summits."""
    frame = summits.sort_values("start_date")
    hosts = frame["host_iso3"].value_counts(sort=True).head(MAX_TIMELINE_HOSTS).index
    frame = frame[frame["host_iso3"].isin(hosts)]
    rows = pd.DataFrame({
        "day": frame["start_date"].dt.strftime(DAY_FORMAT).to_numpy(),
        "country": [country_name(c, lang) for c in frame["host_iso3"]],
        "city": [city_name(c, lang) for c in frame["city"]],
        "when": [format_date(s, lang) + (f" – {format_date(e, lang)}" if e != s else "")
                 for s, e in zip(frame["start_date"], frame["end_date"])],
        "body": [label("body", b, lang) for b in frame["body"]],
        "format": [label("format", f, lang) for f in frame["format"]],
        "decided": frame["decided"].to_numpy() if "decided" in frame else "",
    })
    order = list(dict.fromkeys(rows["country"]))
    scale, axis = time_axis(frame["start_date"].min(), frame["start_date"].max()) if len(frame) else (
        alt.Undefined, alt.Axis(title=None))
    chart = alt.Chart(rows).mark_point(filled=True, size=150, opacity=1, stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("day:T", scale=scale, axis=axis), y=alt.Y("country:N", title=None, sort=order),
        color=alt.Color("format:N", title=None, scale=_format_color(lang, ("in_person", "virtual", "hybrid")),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("city:N", title=t("city", lang)), alt.Tooltip("when:N", title=t("date", lang)),
                 alt.Tooltip("body:N", title=t("body", lang)), alt.Tooltip("format:N", title=t("format", lang)),
                 alt.Tooltip("decided:N", title=t("decided", lang))])
    return _spec(chart, t("summits_timeline_title", lang), 60 + 34 * len(order), lang)


MAX_MAP_PLACES = 300


def build_meetings_map(by_place: pd.DataFrame, lang: str) -> dict:
    """Where leaders met: one bubble per city and format, sized by the number of meetings (the busiest places);
    the places of the most meetings are named."""
    by_place = by_place.sort_values("meetings", ascending=False, kind="stable").head(MAX_MAP_PLACES)
    scale, center = 185, (40, 22)
    rows = pd.DataFrame({
        "city": [city_name(c, lang) for c in by_place["city"]],
        "country": [country_name(c, lang) for c in by_place["host_iso3"]],
        "format": [label("format", f, lang) for f in by_place["format"]],
        "meetings": by_place["meetings"].to_numpy(), "pairs": by_place["pairs"].astype(str).to_numpy(),
        "lat": by_place["lat"].to_numpy(), "lon": by_place["lon"].to_numpy(),
    })
    # The busiest places are named once each, on their busiest bubble, with their count.
    first = ~rows["city"].duplicated()
    named = first & (first.cumsum() <= MAX_PLACE_LABELS)
    rows["label"] = [f"{c} ({n})" if k else "" for c, n, k in zip(rows["city"], rows["meetings"], named)]
    rows = _bubbles(rows, [6 + 3 * n ** 0.5 for n in by_place["meetings"]], scale)
    land, projection = _world(scale, center)
    bubbles = alt.Chart().mark_circle(opacity=0.7, stroke="#ffffff", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q", size=alt.Size("area:Q", scale=None, legend=None),
        color=alt.Color("format:N", title=None, scale=_format_color(lang, ("in_person", "virtual", "phone")),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("city:N", title=t("city", lang)), alt.Tooltip("country:N", title=t("host", lang)),
                 alt.Tooltip("format:N", title=t("format", lang)),
                 alt.Tooltip("meetings:Q", title=t("meetings_count", lang)),
                 alt.Tooltip("pairs:N", title=t("pair", lang))])
    chart = alt.layer(land, bubbles, *_place_labels(rows), data=rows).project(**projection)
    return _spec(chart, t("meetings_map_title", lang), 520, lang)


MAX_PLACE_LABELS = 12
MAX_TIMELINE_PAIRS = 30
MAX_NETWORK_PAIRS = 60


def build_meetings_timeline(meetings: pd.DataFrame, summits: pd.DataFrame, lang: str, pair_names: dict[str, str],
                            ) -> dict:
    """Each meeting as a point (date, pair) coloured by format, for the most frequent pairs; the SCO summits of
    the period on a row of their own. A chart of thousands of rows would be unreadable and heavy: the page says
    how many pairs are left out."""
    top = meetings.groupby("pair").size().sort_values(ascending=False, kind="stable").index[:MAX_TIMELINE_PAIRS]
    shown = meetings[meetings["pair"].isin(top)]
    order = [pair_names[p] for p in shown.groupby("pair")["date"].size().sort_values(kind="stable").index]
    summit_row = t("sco_summit", lang)
    during = summits.iloc[0:0]
    if not shown.empty:
        during = summits[summits["start_date"].between(shown["date"].min(), shown["date"].max())]
    rows = pd.DataFrame({
        "day": shown["date"].dt.strftime(DAY_FORMAT).to_numpy(),
        "row": [pair_names[p] for p in shown["pair"]],
        "format": [label("format", f, lang) for f in shown["format"]],
        "who": [f"{leader_name(a, lang)} – {leader_name(b, lang)}" for a, b in zip(shown["leader_a"], shown["leader_b"])],
        "where": [city_name(c, lang) if isinstance(c, str) else "" for c in shown["city"]],
        "occasion": [occasion_text(o, lang) for o in shown["occasion"]],
        "site": [_site(u) for u in shown["source_url"]],
    })
    marks = pd.DataFrame({"day": during["start_date"].dt.strftime(DAY_FORMAT).to_numpy(), "row": summit_row,
                          "where": [city_name(c, lang) for c in during["city"]]})
    scale, axis = time_axis(shown["date"].min(), shown["date"].max()) if len(shown) else (
        alt.Undefined, alt.Axis(title=None))
    y = alt.Y("row:N", title=None, sort=[*order, summit_row], axis=alt.Axis(labelLimit=260))
    points = alt.Chart(rows).mark_point(filled=True, size=90, opacity=1, stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("day:T", scale=scale, axis=axis), y=y,
        color=alt.Color("format:N", title=None, scale=_format_color(lang, ("in_person", "virtual", "phone")),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("day:T", title=t("date", lang), format=DAY_FORMAT),
                 alt.Tooltip("who:N", title=t("leader", lang)), alt.Tooltip("where:N", title=t("city", lang)),
                 alt.Tooltip("occasion:N", title=t("occasion", lang)),
                 alt.Tooltip("format:N", title=t("format", lang)), alt.Tooltip("site:N", title=t("source_link", lang))])
    summit_marks = alt.Chart(marks).mark_point(shape="triangle-down", filled=True, size=110, color="#8a8a8a").encode(
        x=alt.X("day:T", scale=scale, axis=axis), y=y,
        tooltip=[alt.Tooltip("where:N", title=summit_row), alt.Tooltip("day:T", title=t("date", lang),
                                                                       format=DAY_FORMAT)])
    return _spec(alt.layer(points, summit_marks), t("meetings_timeline_title", lang), 40 + 26 * (len(order) + 1),
                 lang)


MAX_NETWORK_LABELS = 12


def build_pair_network(pairs: pd.DataFrame, lang: str, title: str | None = None) -> dict:
    """Countries on a circle and a line per pair that met, its width by the number of meetings (the most
    frequent pairs), the count written on the busiest lines."""
    import math
    pairs = pairs.head(MAX_NETWORK_PAIRS)
    nodes = sorted({c for key in pairs["pair"] for c in key.split("-")})
    position = {c: (math.cos(2 * math.pi * i / max(len(nodes), 1)), math.sin(2 * math.pi * i / max(len(nodes), 1)))
                for i, c in enumerate(nodes)}
    # A pair that met once is a thin line even when no pair met more often (a summit's graph).
    widest = max(int(pairs["meetings"].max()), 4) if len(pairs) else 4
    ends = [key.split("-") for key in pairs["pair"]]
    edges = pd.DataFrame({
        "x": [position[a][0] for a, _ in ends], "y": [position[a][1] for a, _ in ends],
        "x2": [position[b][0] for _, b in ends], "y2": [position[b][1] for _, b in ends],
        "width": [1 + round(11 * n / widest) for n in pairs["meetings"]],
        "pair": [f"{country_name(a, lang)} – {country_name(b, lang)}" for a, b in ends],
        "meetings": pairs["meetings"].to_numpy(),
    })
    edges["mx"], edges["my"] = (edges["x"] + edges["x2"]) / 2, (edges["y"] + edges["y2"]) / 2
    edges["label"] = [str(n) if i < MAX_NETWORK_LABELS else "" for i, n in enumerate(edges["meetings"])]
    points = pd.DataFrame({"x": [position[c][0] for c in nodes], "y": [position[c][1] for c in nodes],
                           "name": [country_name(c, lang) for c in nodes]})
    points["above"] = points["y"] >= 0
    across, up = alt.Scale(domain=[-1.45, 1.45]), alt.Scale(domain=[-1.25, 1.25])
    x, y = alt.X("x:Q", scale=across, axis=None), alt.Y("y:Q", scale=up, axis=None)
    tooltip = [alt.Tooltip("pair:N", title=t("pair", lang)), alt.Tooltip("meetings:Q", title=t("meetings_count", lang))]
    lines = alt.Chart(edges).mark_rule(color="#1f4e79", opacity=0.45).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", strokeWidth=alt.StrokeWidth("width:Q", scale=None), tooltip=tooltip)
    counts = alt.Chart(edges).mark_text(fontSize=11, color="#1f4e79", fontWeight="bold").encode(
        x=alt.X("mx:Q", scale=across, axis=None), y=alt.Y("my:Q", scale=up, axis=None), text="label:N",
        tooltip=tooltip)
    dots = alt.Chart(points).mark_circle(size=200, color="#1f4e79", opacity=1, stroke="#ffffff").encode(
        x=x, y=y, tooltip=alt.Tooltip("name:N", title=t("country", lang)))
    # Each name outside the circle, away from the lines that meet at its node.
    names = [alt.Chart(points).transform_filter(alt.datum.above == above).mark_text(
        fontSize=12, dy=-14 if above else 14, color="#222222").encode(x=x, y=y, text="name:N")
        for above in (True, False)]
    chart = alt.layer(lines, counts, dots, *names).configure_view(stroke=None)
    return _spec(chart, title or t("network_title", lang), 600, lang)


MAX_RANKED = 20


def build_ranking(ranked: pd.DataFrame, names: list[str], lang: str, title: str) -> dict:
    """Horizontal bars, the most meetings on top, each with its count: leaders or counterparts (the first
    MAX_RANKED; the page says how many more there are)."""
    shown = ranked.head(MAX_RANKED)
    rows = pd.DataFrame({"name": names[:MAX_RANKED], "meetings": shown["meetings"].to_numpy()})
    y = alt.Y("name:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    x = alt.X("meetings:Q", axis=_count_axis(t("meetings_count", lang)))
    bars = alt.Chart(rows).mark_bar(color=FORMAT_COLORS["in_person"]).encode(
        x=x, y=y, tooltip=[alt.Tooltip("name:N", title=t("leader", lang)),
                           alt.Tooltip("meetings:Q", title=t("meetings_count", lang))])
    values = alt.Chart(rows).mark_text(align="left", dx=3, fontSize=11).encode(x=x, y=y, text="meetings:Q")
    return _spec(alt.layer(bars, values), title, 60 + 24 * len(rows), lang)


def _per_year_rows(per_year: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Meetings per year and format, every year of the span present (a year without meetings is an empty slot,
    so that a year or two is a narrow bar among its neighbours, not one bar across the chart)."""
    years = per_year["year"] if len(per_year) else pd.Series([date.today().year])
    span = pd.DataFrame({"year": range(int(years.min()), int(years.max()) + 1)})
    rows = span.merge(per_year, on="year", how="left")
    return pd.DataFrame({"year": rows["year"].to_numpy(),
                         "format": [label("format", f, lang) if isinstance(f, str) else "" for f in rows["format"]],
                         "meetings": rows["meetings"].fillna(0).astype(int).to_numpy()})


def _per_year_layers(per_year: pd.DataFrame, lang: str) -> list[alt.Chart]:
    rows = _per_year_rows(per_year, lang)
    totals = rows.groupby("year", as_index=False)["meetings"].sum()
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap="parity"))
    y = alt.Y("meetings:Q", axis=_count_axis(t("meetings_count", lang)), stack="zero")
    bars = alt.Chart(rows).transform_filter(alt.datum.meetings > 0).mark_bar().encode(
        x=x, y=y, color=alt.Color("format:N", title=None, scale=_format_color(lang, ("in_person", "virtual", "phone")),
                                  legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("year:O", title=t("year", lang)), alt.Tooltip("format:N", title=t("format", lang)),
                 alt.Tooltip("meetings:Q", title=t("meetings_count", lang))])
    values = alt.Chart(totals).transform_filter(alt.datum.meetings > 0).mark_text(dy=-6, fontSize=11).encode(
        x=x, y=alt.Y("meetings:Q"), text="meetings:Q")
    return [bars, values]


def build_meetings_per_year(per_year: pd.DataFrame, lang: str, title: str) -> dict:
    """Stacked bars: meetings per year by format, each year's total written above its bar."""
    return _spec(alt.layer(*_per_year_layers(per_year, lang)), title, 360, lang)


def build_meetings_and_trade(per_year: pd.DataFrame, totals: pd.DataFrame, lang: str, title: str) -> dict:
    """Meetings per year (bars, left axis) and the pair's trade that year (line, right axis, billions of dollars):
    the two records side by side; the tooltip says whose trade figure each point is."""
    layers = _per_year_layers(per_year, lang)
    if totals.empty:
        return _spec(alt.layer(*layers), title, 380, lang)
    trade = pd.DataFrame({
        "year": totals["year"].to_numpy(), "bn": (totals["value_usd"] / chart_unit(lang)).to_numpy(),
        "value": [format_usd(v, lang) for v in totals["value_usd"]],
        "whose": [f"{authority_name(s, lang)} ({country_name(r, lang)})"
                  for s, r in zip(totals["source"], totals["reporter_iso3"])],
        "series": t("trade_total_line", lang),
    })
    line = alt.Chart(trade).mark_line(point=True, color="#c0392b", strokeWidth=2).encode(
        x=alt.X("year:O", title=None), y=alt.Y("bn:Q", axis=alt.Axis(title=f"{t('trade_total_line', lang)}, {t('usd_billions', lang)}", orient="right",
                                                                         grid=False, format=",.0f")),
        tooltip=[alt.Tooltip("year:O", title=t("year", lang)), alt.Tooltip("value:N", title=t("trade_total_line", lang)),
                 alt.Tooltip("whose:N", title=t("whose_figure", lang))])
    chart = alt.layer(alt.layer(*layers), line).resolve_scale(y="independent")
    return _spec(chart, title, 380, lang)


def series_name(series: str, lang: str) -> str:
    """'CHN>RUS|national|calendar' -> 'China's figures (own release)' style legend text."""
    pair, family, period_kind = series.split("|")
    reporter, partner = pair.split(">")
    text = t("series_label", lang, reporter=country_name(reporter, lang), partner=country_name(partner, lang),
             family=t(f"family_{family}", lang))
    return text + (f" · {t('fiscal_years', lang)}" if period_kind == "fiscal" else "")


def _whose(row, lang: str) -> str:
    """The authority of a trade figure, and who gave it when that is not the authority's own release."""
    stated_by = row.stated_by if isinstance(row.stated_by, str) and row.stated_by else ""
    return authority_name(row.source, lang) + (f" ({stated_by})" if stated_by else "")


def _short(text: object, limit: int = 160) -> str:
    if not isinstance(text, str):
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _figure_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What a tooltip says of each trade figure: who reported it for which partner and period, how much, whose
    figure it is, how it was obtained, the note and the page."""
    return pd.DataFrame({
        "flow": [f"{country_name(a, lang)} → {country_name(b, lang)}"
                 for a, b in zip(rows["reporter_iso3"], rows["partner_iso3"])],
        "period": [str(y) if p == "calendar" else str(p) for y, p in zip(rows["year"], rows["period"])],
        "value": [format_usd(v, lang) + (f" ({t('basis_computed', lang)})" if b != "reported" else "")
                  for v, b in zip(rows["value_usd"], rows["basis"])],
        "whose": [_whose(r, lang) for r in rows.itertuples()],
        "note": [_short(n) for n in rows["note"]],
        "page": [_short(s) for s in rows["source_title"]],
    }, index=rows.index)


def _figure_tooltip(lang: str) -> list[alt.Tooltip]:
    return [alt.Tooltip("flow:N", title=t("pair", lang)), alt.Tooltip("period:N", title=t("period_col", lang)),
            alt.Tooltip("value:N", title=t("value_usd", lang)), alt.Tooltip("whose:N", title=t("whose_figure", lang)),
            alt.Tooltip("note:N", title=t("note", lang)), alt.Tooltip("page:N", title=t("source", lang))]


PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]
# A meeting is a short vertical bar (an SVG path: Vega-Lite's "stroke" is horizontal).
EVENT_SHAPES = {"summit": "triangle-up", "accession": "diamond", "meeting": "M-0.2,-1.2H0.2V1.2H-0.2Z"}
EVENT_COLORS = {"summit": "#7f7f7f", "accession": "#c0392b", "meeting": "#1f4e79"}


def build_trade_series(rows: pd.DataFrame, events: pd.DataFrame, lang: str, show_200bn: bool,
                       log: bool = False) -> dict:
    """One line per series (reporter, source family, calendar or fiscal), gaps left as gaps, its last value
    written at its end, other figures for the same year as open points, and events (summits, accessions,
    meetings) along the bottom; `log` for series that differ by orders of magnitude."""
    lines, others = [], []
    for series, group in rows.groupby("series", sort=True):
        primary = group[group["primary"]].set_index("year")
        years = range(int(group["year"].min()), int(group["year"].max()) + 1)
        line = primary.reindex(years)  # a year with no figure is a missing value: the line breaks there
        present = line.dropna(subset=["value_usd"])
        described = _figure_rows(present.assign(year=present.index), lang).reindex(line.index)
        frame = pd.DataFrame({"year": list(years), "series": series_name(series, lang),
                              "bn": (line["value_usd"] / chart_unit(lang)).to_numpy(),
                              "basis": line["basis"].fillna("").to_numpy()}, index=line.index).join(described)
        # Only the states' own statistics carry their last value: a label per statement would crowd them out.
        last = present.index.max() if len(present) else None
        frame["end"] = [format_number(v, 1, lang) if y == last and series.split("|")[1] in ("release", "international")
                        else "" for y, v in zip(frame["year"], frame["bn"])]
        lines.append(frame)
        extra = group[~group["primary"]]
        if len(extra):
            others.append(_figure_rows(extra, lang).assign(year=extra["year"].to_numpy(),
                                                           series=series_name(series, lang),
                                                           bn=(extra["value_usd"] / chart_unit(lang)).to_numpy()))
    data = pd.concat(lines, ignore_index=True) if lines else pd.DataFrame(
        columns=["year", "series", "bn", "basis", "end", "flow", "period", "value", "whose", "note", "page"])
    names = list(dict.fromkeys(data["series"]))
    colors = alt.Scale(domain=names, range=PALETTE)
    color = alt.Color("series:N", title=None, scale=colors,
                      legend=alt.Legend(orient="bottom", columns=2, labelLimit=420, symbolType="stroke"))
    shown = data.loc[data["bn"] > 0, "bn"]
    floor = float(shown.min()) if log and len(shown) else 0
    y = alt.Y("bn:Q", title=t("usd_billions_log" if log else "usd_billions", lang),
              scale=alt.Scale(type="log") if log else alt.Scale(zero=True), axis=alt.Axis(format=",~f"))
    first, last = (int(data["year"].min()), int(data["year"].max())) if len(data) else (1992, date.today().year)
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[first, last + 1], nice=False),
              axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True))
    tooltip = _figure_tooltip(lang)
    layers = [
        alt.Chart(data).mark_line(strokeWidth=2.5, invalid="break-paths-show-domains").encode(x=x, y=y, color=color),
        alt.Chart(data).transform_filter("isValid(datum.bn)").mark_point(filled=True, size=45, opacity=1).encode(
            x=x, y=y, color=alt.Color("series:N", scale=colors, legend=None), tooltip=tooltip,
            shape=alt.Shape("basis:N", scale=alt.Scale(domain=["reported", "computed"], range=["circle", "diamond"]),
                            legend=None)),
        alt.Chart(data).transform_filter("datum.end != ''").mark_text(align="left", dx=7, fontSize=12,
                                                                       fontWeight="bold").encode(
            x=x, y=y, color=alt.Color("series:N", scale=colors, legend=None), text="end:N"),
    ]
    if others:
        layers.append(alt.Chart(pd.concat(others, ignore_index=True)).mark_point(size=80, strokeWidth=2).encode(
            x=x, y=y, color=alt.Color("series:N", scale=colors, legend=None), tooltip=tooltip))
    if show_200bn:
        mark = pd.DataFrame({"bn": [200e9 / chart_unit(lang)], "text": [t("line_200bn", lang)]})
        layers.append(alt.Chart(mark).mark_rule(color="#c0392b", strokeDash=[5, 4]).encode(y=y))
        layers.append(alt.Chart(mark).mark_text(align="left", baseline="bottom", x=4, dy=-3, color="#c0392b").encode(
            y=y, text="text:N"))
    if len(events):
        kinds = list(dict.fromkeys(events["kind"]))
        marks = pd.DataFrame({"year": events["x"].to_numpy(), "bn": floor,
                              "event": [t(f"event_{k}", lang) for k in events["kind"]],
                              "text": events["text"].astype(str).to_numpy()})
        domain = [t(f"event_{k}", lang) for k in kinds]
        # Shape and colour share one field and title: Vega-Lite draws them as one legend, apart from the lines'.
        legend = alt.Legend(orient="top", labelLimit=320)
        layers.append(alt.Chart(marks).mark_point(filled=True, size=110, opacity=1).encode(
            x=x, y=y, shape=alt.Shape("event:N", title=None, legend=legend, scale=alt.Scale(
                domain=domain, range=[EVENT_SHAPES[k] for k in kinds])),
            color=alt.Color("event:N", title=None, legend=legend, scale=alt.Scale(
                domain=domain, range=[EVENT_COLORS[k] for k in kinds])),
            tooltip=[alt.Tooltip("event:N", title=t("event", lang)), alt.Tooltip("text:N", title="")]))
    # Each layer its own colour and shape scales (the lines' give the same colours everywhere: explicit domain and
    # range), so that the events' legend stays apart from the lines'.
    return _spec(alt.layer(*layers).resolve_scale(color="independent", shape="independent"),
                 t("trade_series_title", lang), 480, lang)


def build_mirror_gap(gaps: pd.DataFrame, title: str, lang: str) -> dict:
    """Bars: per year, how far the two states' own statistics for their total trade differ (% of the larger)."""
    rows = pd.DataFrame({
        "year": gaps["year"].to_numpy(), "gap": (gaps["gap"] * 100).to_numpy(),
        "figures": [f"{country_name(a, lang)}: {format_usd(va, lang)} ({authority_name(sa, lang)}); "
                    f"{country_name(b, lang)}: {format_usd(vb, lang)} ({authority_name(sb, lang)})"
                    for a, va, sa, b, vb, sb in zip(gaps["a"], gaps["value_a"], gaps["source_a"], gaps["b"],
                                                    gaps["value_b"], gaps["source_b"])],
    })
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap="parity"))
    y = alt.Y("gap:Q", title=t("gap_axis", lang), scale=alt.Scale(zero=True))
    bars = alt.Chart(rows).mark_bar(color="#7f7f7f").encode(
        x=x, y=y, tooltip=[alt.Tooltip("year:O", title=t("year", lang)),
                           alt.Tooltip("gap:Q", title=t("gap_axis", lang), format=".1f"),
                           alt.Tooltip("figures:N", title=t("own_figures", lang))])
    values = alt.Chart(rows).mark_text(dy=-6, fontSize=10).encode(x=x, y=y, text=alt.Text("gap:Q", format=".0f"))
    return _spec(alt.layer(bars, values), title, 340, lang)


def build_partner_shares(shares: pd.DataFrame, state: str, year: int, lang: str) -> dict:
    """Horizontal bars, each with its value: each SCO partner's share of the state's trade with the world in one
    year."""
    rows = shares.sort_values("share_of_trade", ascending=False)
    data = pd.DataFrame({"partner": [country_name(p, lang) for p in rows["partner"]],
                         "share": (rows["share_of_trade"] * 100).to_numpy(),
                         "value": [format_usd(v, lang) for v in rows["value_usd"]]})
    y = alt.Y("partner:N", title=None, sort=None)
    x = alt.X("share:Q", title=t("share_axis", lang))
    bars = alt.Chart(data).mark_bar(color="#1f4e79").encode(
        x=x, y=y, tooltip=[alt.Tooltip("partner:N", title=t("partner", lang)),
                           alt.Tooltip("share:Q", title="%", format=".1f"),
                           alt.Tooltip("value:N", title=t("value_usd", lang))])
    values = alt.Chart(data).mark_text(align="left", dx=3, fontSize=11).encode(
        x=x, y=y, text=alt.Text("share:Q", format=".1f"))
    return _spec(alt.layer(bars, values), t("partner_shares_title", lang, state=country_name(state, lang), year=year),
                 60 + 24 * len(data), lang)


def build_share_chart(shares: pd.DataFrame, state: str, measure: str, lang: str) -> dict:
    """One line per partner: the state's trade with it as a share (%) of its trade with the world or of its GDP,
    the last value written at each line's end."""
    data = pd.DataFrame({
        "partner": [t("all_members", lang) if p == "SCO" else country_name(p, lang) for p in shares["partner"]],
        "year": shares["year"].to_numpy(), "pct": (shares[measure] * 100).to_numpy(),
        "value": [format_usd(v, lang) for v in shares["value_usd"]],
        "world": [format_usd(v, lang) for v in shares["world_usd"]],
        "of_trade": (shares["share_of_trade"] * 100).to_numpy(),
        "of_gdp": (shares["share_of_gdp"] * 100).to_numpy() if "share_of_gdp" in shares else None,
    })
    last = data.groupby("partner")["year"].transform("max")
    data["end"] = [format_number(v, 1, lang) if y == m and pd.notna(v) else ""
                   for y, m, v in zip(data["year"], last, data["pct"])]
    names = list(dict.fromkeys(data["partner"]))
    colors = alt.Scale(domain=names, range=PALETTE)
    color = alt.Color("partner:N", title=None, scale=colors, legend=alt.Legend(orient="top"))
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("pct:Q", title="%", scale=alt.Scale(zero=True))
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(
        x=x, y=y, color=color,
        tooltip=[alt.Tooltip("partner:N", title=t("partner", lang)), alt.Tooltip("year:Q", title=t("year", lang)),
                 alt.Tooltip("value:N", title=t("value_usd", lang)),
                 alt.Tooltip("of_trade:Q", title=t("of_world_trade", lang), format=".1f"),
                 alt.Tooltip("world:N", title=t("world_trade", lang)),
                 alt.Tooltip("of_gdp:Q", title=t("of_gdp", lang), format=".1f")])
    ends = alt.Chart(data).transform_filter("datum.end != ''").mark_text(align="left", dx=6, fontWeight="bold").encode(
        x=x, y=y, text="end:N", color=alt.Color("partner:N", scale=colors, legend=None))
    return _spec(alt.layer(lines, ends), t(f"share_title_{measure}", lang, state=country_name(state, lang)), 400,
                 lang)


def _grid(cells: pd.DataFrame, countries: list[str], lang: str, where: tuple[str, str]) -> tuple[pd.DataFrame, list]:
    """Every (row, column) cell of a country grid, with the cells' own columns where there is a figure and "no
    sourced figure" where there is none; and the names in grid order."""
    names = [country_name(c, lang) for c in countries]
    grid = pd.MultiIndex.from_product([countries, countries], names=list(where)).to_frame(index=False)
    full = grid.merge(cells, on=list(where), how="left")
    full["row"] = [country_name(c, lang) for c in full[where[0]]]
    full["col"] = [country_name(c, lang) for c in full[where[1]]]
    return full, names


def _grid_chart(full: pd.DataFrame, names: list[str], lang: str, color: alt.Color, text: str,
                tooltip: list[alt.Tooltip], rows_title: str) -> alt.LayerChart:
    x = alt.X("col:N", title=t("partner", lang), sort=names, axis=alt.Axis(labelAngle=-40, orient="bottom"))
    y = alt.Y("row:N", title=rows_title, sort=names)
    empty = alt.Chart(full).mark_rect(color="#f3f3f3").encode(
        x=x, y=y, tooltip=[alt.Tooltip("row:N", title=rows_title), alt.Tooltip("col:N", title=t("partner", lang))])
    cells = alt.Chart(full).transform_filter(f"isValid(datum.{color.shorthand.split(':')[0]})").mark_rect().encode(
        x=x, y=y, color=color, tooltip=tooltip)
    values = alt.Chart(full).transform_filter(f"datum.{text} != null && datum.{text} != ''").mark_text(
        fontSize=10).encode(x=x, y=y, text=f"{text}:N")
    return alt.layer(empty, cells, values)


def build_trade_matrix(cells: pd.DataFrame, countries: list[str], lang: str, year: int, rule: str) -> dict:
    """Heatmap: row = a state, column = its partner, value = their total trade (USD bn, written in the cell) by the
    figure the rule chose; a cell without a figure stays grey; whose figure it is heads the tooltip."""
    described = _figure_rows(cells, lang) if len(cells) else pd.DataFrame(
        columns=["flow", "period", "value", "whose", "note", "page"])
    shown = pd.DataFrame({"row_iso3": cells["row_iso3"], "col_iso3": cells["col_iso3"], "bn": cells["value_usd"] / chart_unit(lang),
                          "label": [format_number(v / chart_unit(lang), 1, lang) for v in cells["value_usd"]],
                          "chosen": [t(f"whose_{w}", lang) for w in cells["whose"]]}, index=cells.index).join(described)
    full, names = _grid(shown, countries, lang, ("row_iso3", "col_iso3"))
    color = alt.Color("bn:Q", title=t("usd_billions", lang), scale=alt.Scale(scheme="blues"),
                      legend=alt.Legend(format=",~f"))
    tooltip = [alt.Tooltip("chosen:N", title=t("basis", lang)), *_figure_tooltip(lang)]
    chart = _grid_chart(full, names, lang, color, "label", tooltip, t("state", lang))
    return _spec(chart, t("matrix_title", lang, year=year, rule=t(f"matrix_rule_{rule}", lang)), 520, lang)


def build_growth_matrix(cells: pd.DataFrame, countries: list[str], lang: str, base_year: int, year: int) -> dict:
    """Heatmap of each series' ratio between two years (never across reporters or sources), the multiplier written
    in each cell."""
    cells = cells.assign(
        log2=[float(np.log2(r)) if r > 0 else None for r in cells["ratio"]],
        label=[f"×{format_number(r, 2, lang)}" for r in cells["ratio"]],
        base=[format_usd(v, lang) for v in cells["base_value_usd"]],
        now=[format_usd(v, lang) for v in cells["value_usd"]],
        whose=[_whose(r, lang) for r in cells.itertuples()])
    full, names = _grid(cells[["reporter_iso3", "partner_iso3", "log2", "label", "base", "now", "whose"]], countries,
                        lang, ("reporter_iso3", "partner_iso3"))
    # Colour by the ratio's logarithm: halving and doubling lie the same distance from "unchanged" (×1), and the
    # legend is labelled in multipliers, never in the logarithm itself.
    color = alt.Color("log2:Q", title="×", scale=alt.Scale(scheme="redblue", domainMid=0, domain=[-3, 4]),
                      legend=alt.Legend(values=list(range(-3, 5)), labelExpr="'×' + format(pow(2, datum.value), '~g')"))
    tooltip = [alt.Tooltip("row:N", title=t("reporter", lang)), alt.Tooltip("col:N", title=t("partner", lang)),
               alt.Tooltip("base:N", title=str(base_year)), alt.Tooltip("now:N", title=str(year)),
               alt.Tooltip("label:N", title="×"), alt.Tooltip("whose:N", title=t("whose_figure", lang))]
    chart = _grid_chart(full, names, lang, color, "label", tooltip, t("reporter", lang))
    return _spec(chart, t("growth_title", lang, base=base_year, year=year), 520, lang)


MAX_FLOW_LABELS = 6


def build_trade_flow_map(flows: pd.DataFrame, figures: pd.DataFrame, lang: str, year: int) -> dict:
    """Lines between capitals, width by the value of the pair's trade in `year` (a legend says how wide is how
    much), the largest flows' values written at their middle; every reporter's figure in the tooltip."""
    land, projection = _world(430, (78, 42))
    if flows.empty:
        return _spec(alt.layer(land).project(**projection), t("flow_map_title", lang, year=year), 540, lang)
    largest = set(flows.nlargest(MAX_FLOW_LABELS, "value_usd")["pair"])
    said = {p: "; ".join(f"{r.flow}: {r.value} ({r.whose})" for r in _figure_rows(group, lang).itertuples())
            for p, group in figures.groupby("pair")}
    rows = pd.DataFrame({
        "lat": flows["lat_a"].to_numpy(), "lon": flows["lon_a"].to_numpy(),
        "lat2": flows["lat_b"].to_numpy(), "lon2": flows["lon_b"].to_numpy(),
        "mlat": ((flows["lat_a"] + flows["lat_b"]) / 2).to_numpy(),
        "mlon": ((flows["lon_a"] + flows["lon_b"]) / 2).to_numpy(),
        "bn": (flows["value_usd"] / chart_unit(lang)).to_numpy(),
        "pair": [pair_name(p, lang) for p in flows["pair"]],
        "figures": [said.get(p, "") for p in flows["pair"]],
        "label": [format_number(v / chart_unit(lang), 1, lang) if p in largest else "" for p, v in zip(flows["pair"], flows["value_usd"])],
    })
    widest = float(rows["bn"].max())
    tooltip = [alt.Tooltip("pair:N", title=t("pair", lang)), alt.Tooltip("figures:N", title=t("whose_figure", lang))]
    lines = alt.Chart(rows).mark_rule(color="#1f4e79", opacity=0.55, strokeCap="round").encode(
        longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
        strokeWidth=alt.StrokeWidth("bn:Q", title=t("usd_billions", lang),
                                    scale=alt.Scale(domain=[0, widest], range=[1, 15]),
                                    legend=alt.Legend(orient="bottom", format=",.0f", values=[
                                        round(widest * s, 1) for s in (0.1, 0.5, 1.0)])),
        tooltip=tooltip)
    middles = alt.Chart(rows).mark_circle(size=50, color="#1f4e79", opacity=0.9).encode(
        longitude="mlon:Q", latitude="mlat:Q", tooltip=tooltip)
    values = alt.Chart(rows).transform_filter("datum.label != ''").mark_text(
        dy=-9, fontSize=11, fontWeight="bold", color="#1f4e79").encode(
        longitude="mlon:Q", latitude="mlat:Q", text="label:N")
    chart = alt.layer(land, lines, middles, values).project(**projection)
    return _spec(chart, t("flow_map_title", lang, year=year), 540, lang)


def _site(url: object) -> str:
    """The site a source page is on ('kremlin.ru'): enough on hover, where a timeline of a thousand meetings would
    otherwise carry a thousand page titles on every rerun; the table below names the page."""
    return urlsplit(url).netloc.removeprefix("www.") if isinstance(url, str) else ""



def build_meetings_animation(by_year: pd.DataFrame, lang: str) -> go.Figure:
    """Where leaders met, year by year: a frame per year, with a play button and a year slider."""
    years = sorted(int(y) for y in by_year["year"].unique())
    largest = max(int(by_year["meetings"].max()), 1) if len(by_year) else 1

    def trace(rows: pd.DataFrame) -> go.Scattergeo:
        return go.Scattergeo(
            lat=rows["lat"], lon=rows["lon"], mode="markers", showlegend=False,
            hovertext=[f"<b>{plain(city_name(r.city, lang))}</b>, {plain(country_name(r.host_iso3, lang))}: {r.meetings}"
                       for r in rows.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=[8 + 22 * (n / largest) ** 0.5 for n in rows["meetings"]], color="#1f4e79",
                        opacity=0.75, line=dict(color="#ffffff", width=1)))

    frames = [go.Frame(data=[trace(by_year[by_year["year"] == y])], name=str(y)) for y in years]
    fig = go.Figure(data=frames[-1].data if frames else [], frames=frames)
    fig.update_geos(**WORLD_GEO)
    _add_play_controls(fig, years, lang)
    return _layout(fig, t("meetings_animation_title", lang), 600, lang)


def _add_play_controls(fig: go.Figure, years: list[int], lang: str) -> None:
    """A play/pause button and a year slider over the figure's frames (named by year)."""
    step = dict(mode="immediate", frame=dict(duration=700, redraw=True), transition=dict(duration=0))
    fig.update_layout(
        updatemenus=[dict(type="buttons", showactive=False, x=0, y=0, xanchor="left", yanchor="top",
                          pad=dict(t=40), buttons=[
                              dict(label="▶", method="animate", args=[None, dict(step, fromcurrent=True)]),
                              dict(label="❚❚", method="animate", args=[[None], dict(step, mode="immediate")]),
                          ])],
        sliders=[dict(active=len(years) - 1, x=0.08, len=0.92, y=0, pad=dict(t=30),
                      currentvalue=dict(prefix=f"{t('year', lang)}: "),
                      steps=[dict(label=str(y), method="animate", args=[[str(y)], step]) for y in years])])
