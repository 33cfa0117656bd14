"""Figure builders: tidy DataFrame and language in, plotly Figure out. No Streamlit, no I/O.

Every text that comes from the data is escaped before it reaches a hover or label, because plotly reads a few
HTML tags in text; escaped, a tag in a curator's note is shown as the characters it is.
"""
from __future__ import annotations

import html
from datetime import date
from urllib.parse import urlsplit

import altair as alt
import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from sco.countries import city_name, country_name
from sco.i18n import (DEFAULT_LANG, SEPARATORS, authority_name, format_date, format_number, format_usd, label,
                      occasion_text, t)
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
FONT = dict(family="Source Sans Pro, sans-serif")


def plain(value: object) -> str:
    """Data text made safe for plotly's HTML-like labels."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


# Dates on axes as numbers, never month names: plotly.js writes those in English only (its locales are not served
# offline), and "2023-04" reads the same in every language.
DATE_TICKS = [dict(dtickrange=[None, 86_400_000 * 27], value="%Y-%m-%d"),
              dict(dtickrange=[86_400_000 * 27, "M11"], value="%Y-%m"), dict(dtickrange=["M12", None], value="%Y")]


def _layout(fig: go.Figure, title: str, height: int, lang: str) -> go.Figure:
    # No plotly template: Streamlit's theme replaces it in the browser (pages are pixel-identical either way), and
    # sending it cost about 3 KB of JSON per figure on every rerun.
    fig.update_layout(template="none", title=dict(text=plain(title), x=0, xanchor="left"), height=height, font=FONT,
                      margin=dict(l=10, r=10, t=60, b=10), hoverlabel=dict(align="left"),
                      separators=SEPARATORS.get(lang, SEPARATORS[DEFAULT_LANG]))
    if fig.layout.xaxis.type == "date":
        fig.update_xaxes(tickformatstops=DATE_TICKS)
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


def label_positions(lats: list[float], lons: list[float], near: float = 6.0) -> list[str]:
    """A side for each place's label, away from its neighbours closer than `near` degrees (Tashkent, Samarkand,
    Dushanbe; Beijing, Tianjin, Qingdao, Shanghai), so that labels do not sit on one another or on the
    neighbours' bubbles: above a place whose neighbours lie south, to the left of one whose neighbours lie east."""
    sides = []
    for lat, lon in zip(lats, lons):
        pulls = [(b - lon, a - lat) for a, b in zip(lats, lons)
                 if (a, b) != (lat, lon) and abs(a - lat) < near and abs(b - lon) < near]
        east, north = sum(p[0] for p in pulls), sum(p[1] for p in pulls)
        if not pulls or abs(north) >= abs(east):
            sides.append("top center" if north <= 0 else "bottom center")
        else:
            sides.append("middle left" if east > 0 else "middle right")
    # Two places very close together (Beijing and Tianjin) would still put their labels on one side: the second
    # takes the other.
    opposite = {"top center": "bottom center", "bottom center": "top center", "middle left": "middle right",
                "middle right": "middle left"}
    for i in range(len(sides)):
        for j in range(i):
            if abs(lats[i] - lats[j]) < near / 2 and abs(lons[i] - lons[j]) < near / 2 and sides[i] == sides[j]:
                sides[i] = opposite[sides[i]]
    return sides


def build_summits_map(by_city: pd.DataFrame, lang: str) -> go.Figure:
    """Host cities as bubbles sized by the number of summits held there (the busiest cities)."""
    by_city = by_city.head(MAX_SUMMIT_CITIES)
    hover = [f"<b>{plain(city_name(r.city, lang))}</b>, {plain(country_name(r.host_iso3, lang))}<br>"
             f"{t('summits_count', lang)}: {r.summits}<br>{t('years', lang)}: {plain(r.years)}"
             for r in by_city.itertuples()]
    fig = go.Figure(go.Scattergeo(
        lat=by_city["lat"], lon=by_city["lon"], text=[plain(city_name(c, lang)) for c in by_city["city"]], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", mode="markers+text",
        textposition=label_positions(by_city["lat"].tolist(), by_city["lon"].tolist()),
        marker=dict(size=[10 + 7 * n for n in by_city["summits"]], color="#1f4e79", opacity=0.75,
                    line=dict(color="#ffffff", width=1)),
    ))
    fig.update_geos(**{**EURASIA_GEO, "lonaxis_range": [30, 135], "lataxis_range": [15, 65]})
    return _layout(fig, t("summits_map_title", lang), 520, lang)


MAX_TIMELINE_HOSTS = 40


def build_summits_timeline(summits: pd.DataFrame, lang: str) -> go.Figure:
    """Each summit as a point in time, on the row of its host, coloured by format; past MAX_TIMELINE_HOSTS hosts,
    the hosts of the most summits."""
    frame = summits.sort_values("start_date").copy()
    hosts = frame["host_iso3"].value_counts(sort=True).head(MAX_TIMELINE_HOSTS).index
    frame = frame[frame["host_iso3"].isin(hosts)]
    frame["country"] = [country_name(c, lang) for c in frame["host_iso3"]]
    frame["format_label"] = [label("format", f, lang) for f in frame["format"]]
    frame["hover"] = [
        f"<b>{plain(city_name(r.city, lang))}</b>, {format_date(r.start_date, lang)}"
        + (f" – {format_date(r.end_date, lang)}" if r.end_date != r.start_date else "")
        + f"<br>{label('body', r.body, lang)} · {label('format', r.format, lang)}"
        + (f"<br>{t('decided', lang)}: {plain(r.decided)}" if getattr(r, "decided", "") else "")
        for r in frame.itertuples()
    ]
    order = frame.drop_duplicates("country")["country"].tolist()
    fig = px.scatter(
        frame, x="start_date", y="country", color="format_label", custom_data=["hover"],
        color_discrete_map={label("format", f, lang): c for f, c in FORMAT_COLORS.items()},
        category_orders={"country": order},
    )
    fig.update_traces(marker=dict(size=13, line=dict(color="#ffffff", width=1)),
                      hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_yaxes(title=None)
    fig.update_xaxes(title=None, type="date")
    fig.update_layout(legend=dict(title=None, orientation="h", y=1.01, yanchor="bottom", x=1, xanchor="right"))
    return _layout(fig, t("summits_timeline_title", lang), 160 + 34 * len(order), lang)


WORLD_GEO = {**EURASIA_GEO, "lonaxis_range": [-100, 160], "lataxis_range": [-45, 75]}


MAX_MAP_PLACES = 300


def build_meetings_map(by_place: pd.DataFrame, lang: str) -> go.Figure:
    """Where leaders met: one bubble per city and format, sized by the number of meetings (the busiest places)."""
    fig = go.Figure()
    by_place = by_place.sort_values("meetings", ascending=False, kind="stable").head(MAX_MAP_PLACES)
    for fmt, rows in by_place.groupby("format", sort=False):
        hover = [f"<b>{plain(city_name(r.city, lang))}</b>, {plain(country_name(r.host_iso3, lang))}<br>"
                 f"{label('format', fmt, lang)}: {r.meetings}<br>{plain(r.pairs)}" for r in rows.itertuples()]
        fig.add_trace(go.Scattergeo(
            lat=rows["lat"], lon=rows["lon"], name=label("format", fmt, lang), hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>", mode="markers",
            marker=dict(size=[8 + 4 * n ** 0.5 * 2 for n in rows["meetings"]], color=FORMAT_COLORS[fmt],
                        opacity=0.75, line=dict(color="#ffffff", width=1)),
        ))
    fig.update_geos(**WORLD_GEO)
    fig.update_layout(legend=dict(orientation="h", y=1.01, yanchor="bottom", x=1, xanchor="right"))
    return _layout(fig, t("meetings_map_title", lang), 520, lang)


def _site(url: object) -> str:
    """The site a source page is on ('kremlin.ru'): enough on hover, where a timeline of a thousand meetings would
    otherwise carry a thousand page titles on every rerun; the table below names the page."""
    return urlsplit(url).netloc.removeprefix("www.") if isinstance(url, str) else ""


def _meeting_hover(frame: pd.DataFrame, lang: str) -> list[str]:
    """Who, where, why and the source's site; the date and the format come from the point's axis and trace (the
    hover template adds them), so that a thousand points do not repeat them."""
    return [
        f"<b>{plain(r.leader_a)} – {plain(r.leader_b)}</b>"
        + (f", {plain(city_name(r.city, lang))}" if isinstance(r.city, str) and r.city else "")
        + f"<br>{plain(occasion_text(r.occasion, lang))} · {t('source', lang)}: {plain(_site(r.source_url))}"
        for r in frame.itertuples()
    ]


MAX_TIMELINE_PAIRS = 30
MAX_NETWORK_PAIRS = 60


def build_meetings_timeline(meetings: pd.DataFrame, summits: pd.DataFrame, lang: str, pair_names: dict[str, str],
                            ) -> go.Figure:
    """Each meeting as a point (date, pair) coloured by format, for the most frequent pairs; the SCO summits of
    the period on a row of their own. A chart of thousands of rows would be unreadable and heavy: the page says
    how many pairs are left out."""
    fig = go.Figure()
    top = meetings.groupby("pair").size().sort_values(ascending=False, kind="stable").index[:MAX_TIMELINE_PAIRS]
    shown = meetings[meetings["pair"].isin(top)]
    order = shown.groupby("pair")["date"].size().sort_values(kind="stable").index.tolist()
    for fmt, rows in shown.groupby("format", sort=False):
        fig.add_trace(go.Scatter(
            x=rows["date"].dt.strftime("%Y-%m-%d"), y=[pair_names[p] for p in rows["pair"]], mode="markers",
            name=label("format", fmt, lang), hovertext=_meeting_hover(rows, lang),
            hovertemplate="%{x}: %{hovertext}<extra>%{fullData.name}</extra>",
            marker=dict(size=10, color=FORMAT_COLORS[fmt], line=dict(color="#ffffff", width=1)),
        ))
    summit_row = t("sco_summit", lang)
    if not shown.empty:
        during = summits[summits["start_date"].between(shown["date"].min(), shown["date"].max())]
        fig.add_trace(go.Scatter(
            x=during["start_date"], y=[summit_row] * len(during), mode="markers", name=summit_row,
            marker=dict(symbol="triangle-down", size=11, color="#8a8a8a"),
            hovertext=[plain(city_name(c, lang)) for c in during["city"]],
            hovertemplate=f"{summit_row}: %{{hovertext}}, %{{x|%Y-%m-%d}}<extra></extra>"))
    categories = [pair_names[p] for p in order] + [summit_row]
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=categories)
    fig.update_xaxes(title=None, type="date")
    if not shown.empty and (shown["date"].max() - shown["date"].min()).days < 7:
        # A few days: a day axis around them, not hours down to "23:59:59.9995".
        first, last = shown["date"].min() - pd.Timedelta(days=1), shown["date"].max() + pd.Timedelta(days=1)
        fig.update_xaxes(range=[first, last], dtick=86_400_000, tickformat="%Y-%m-%d")
    fig.update_layout(legend=dict(orientation="h", y=1.01, yanchor="bottom", x=1, xanchor="right"))
    return _layout(fig, t("meetings_timeline_title", lang), 180 + 26 * len(categories), lang)


def build_pair_network(pairs: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """Countries on a circle and a line per pair that met, its width by the number of meetings (the most
    frequent pairs; lines of similar width share one trace, so the figure stays small)."""
    import math
    pairs = pairs.head(MAX_NETWORK_PAIRS)
    nodes = sorted({c for key in pairs["pair"] for c in key.split("-")})
    position = {c: (math.cos(2 * math.pi * i / max(len(nodes), 1)), math.sin(2 * math.pi * i / max(len(nodes), 1)))
                for i, c in enumerate(nodes)}
    fig = go.Figure()
    # A pair that met once is a thin line even when no pair met more often (a summit's graph).
    widest = max(int(pairs["meetings"].max()), 4) if len(pairs) else 4
    widths = [1 + round(11 * n / widest) for n in pairs["meetings"]]
    for width in sorted(set(widths)):
        xs, ys = [], []
        for key, w in zip(pairs["pair"], widths):
            if w == width:
                a, b = key.split("-")
                xs += [position[a][0], position[b][0], None]
                ys += [position[a][1], position[b][1], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=width, color="rgba(31,78,121,0.45)")))
    ends = [key.split("-") for key in pairs["pair"]]
    fig.add_trace(go.Scatter(  # hover on the middle of each line says which pair and how often
        x=[(position[a][0] + position[b][0]) / 2 for a, b in ends],
        y=[(position[a][1] + position[b][1]) / 2 for a, b in ends],
        mode="markers", marker=dict(size=10, color="rgba(0,0,0,0)"), showlegend=False,
        hovertext=[f"{plain(country_name(a, lang))} – {plain(country_name(b, lang))}: {n}"
                   for (a, b), n in zip(ends, pairs["meetings"])],
        hovertemplate="%{hovertext}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[position[c][0] for c in nodes], y=[position[c][1] for c in nodes], mode="markers+text",
        text=[country_name(c, lang) for c in nodes], showlegend=False,
        # Each name outside the circle, away from the lines that meet at its node.
        textposition=["top center" if position[c][1] >= 0 else "bottom center" for c in nodes],
        marker=dict(size=14, color="#1f4e79", line=dict(color="#ffffff", width=1)), hoverinfo="text"))
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.25, 1.25], scaleanchor="x")
    fig.update_layout(plot_bgcolor="#ffffff")
    return _layout(fig, title or t("network_title", lang), 620, lang)


MAX_RANKED = 20


def build_ranking(ranked: pd.DataFrame, names: list[str], lang: str, title: str) -> go.Figure:
    """Horizontal bars, the most meetings on top: leaders or counterparts (the first MAX_RANKED; the page says
    how many more there are)."""
    shown = ranked.head(MAX_RANKED).iloc[::-1]
    labels = [plain(n) for n in names[:MAX_RANKED]][::-1]
    fig = go.Figure(go.Bar(x=shown["meetings"], y=labels, orientation="h", marker_color=FORMAT_COLORS["in_person"],
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    _count_axis(fig, shown["meetings"].max() if len(shown) else 0, lang, axis="x")
    fig.update_yaxes(title=None, type="category")
    fig.update_traces(text=shown["meetings"], textposition="outside", cliponaxis=False)
    return _layout(fig, title, 120 + 24 * len(shown), lang)


def build_meetings_per_year(per_year: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Stacked bars: meetings per year by format."""
    fig = go.Figure()
    for fmt, rows in per_year.groupby("format", sort=False):
        fig.add_trace(go.Bar(x=rows["year"], y=rows["meetings"], name=label("format", fmt, lang),
                             marker_color=FORMAT_COLORS[fmt],
                             hovertemplate="%{x}: %{y}<extra>" + label("format", fmt, lang) + "</extra>"))
    totals = per_year.groupby("year", as_index=False)["meetings"].sum()
    totals = totals[totals["meetings"] > 0]
    fig.add_trace(go.Scatter(x=totals["year"], y=totals["meetings"], mode="text", text=totals["meetings"],
                             textposition="top center", showlegend=False, hoverinfo="skip", cliponaxis=False))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=1.01, yanchor="bottom", x=1, xanchor="right"),
                      bargap=0.35)
    years = per_year["year"] if len(per_year) else pd.Series([date.today().year])
    # A year or two stays a narrow bar among its neighbours, not one bar across the chart.
    fig.update_xaxes(title=None, dtick=1, range=[int(years.min()) - 1.5, int(years.max()) + 1.5])
    _count_axis(fig, per_year.groupby("year")["meetings"].sum().max() if len(per_year) else 0, lang)
    return _layout(fig, title, 380, lang)


def _count_axis(fig: go.Figure, largest: float, lang: str, axis: str = "y") -> None:
    """A count axis: whole numbers only, about five ticks ("1 meeting" is never drawn as 0.2 steps)."""
    step = max(1, int(np.ceil(largest / 5)))
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(title=t("meetings_count", lang), rangemode="tozero",
                                                             tick0=0, dtick=step, tickformat=",d")


def build_meetings_and_trade(per_year: pd.DataFrame, totals: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Meetings per year (bars, left axis) and the pair's trade that year (line, right axis, billions of dollars):
    the two records side by side; the hover says whose trade figure each point is."""
    fig = build_meetings_per_year(per_year, lang, title)
    if totals.empty:
        return fig
    hover = [f"{r.year}: {format_usd(r.value_usd, lang)}<br>{t('whose_figure', lang)}: "
             f"{plain(authority_name(r.source, lang))} ({plain(country_name(r.reporter_iso3, lang))})"
             for r in totals.itertuples()]
    fig.add_trace(go.Scatter(x=totals["year"], y=totals["value_usd"] / 1e9, yaxis="y2", mode="lines+markers",
                             name=t("trade_total_line", lang), line=dict(color="#c0392b", width=2),
                             hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_layout(yaxis2=dict(title=t("usd_billions", lang), overlaying="y", side="right", rangemode="tozero",
                                  showgrid=False, tickformat=",.0f"))
    return _layout(fig, title, 400, lang)


def series_name(series: str, lang: str) -> str:
    """'CHN>RUS|national|calendar' -> 'China's figures (own release)' style legend text."""
    pair, family, period_kind = series.split("|")
    reporter, partner = pair.split(">")
    text = t("series_label", lang, reporter=country_name(reporter, lang), partner=country_name(partner, lang),
             family=t(f"family_{family}", lang))
    return text + (f" · {t('fiscal_years', lang)}" if period_kind == "fiscal" else "")


def _legend_entry(series: str, lang: str) -> tuple[str, str, str]:
    """(group, group title, entry) of a series in the legend: one group per reporter and partner, titled once
    ("China's figures for Russia"), its entries the kinds of figure, so that a legend of many lines stays short."""
    pair, family, period_kind = series.split("|")
    reporter, partner = pair.split(">")
    title = t("series_group", lang, reporter=country_name(reporter, lang), partner=country_name(partner, lang))
    entry = t(f"family_{family}", lang) + (f" · {t('fiscal_years', lang)}" if period_kind == "fiscal" else "")
    return pair, title, entry


def _whose(row, lang: str) -> str:
    """The authority of a trade figure, and who gave it when that is not the authority's own release."""
    stated_by = row.stated_by if isinstance(row.stated_by, str) and row.stated_by else ""
    return plain(authority_name(row.source, lang)) + (f" ({plain(stated_by)})" if stated_by else "")


def _trade_hover(rows: pd.DataFrame, lang: str) -> list[str]:
    return [
        f"<b>{plain(country_name(r.reporter_iso3, lang))} → {plain(country_name(r.partner_iso3, lang))}</b>, "
        f"{plain(r.period if r.period != 'calendar' else r.year)}<br>{format_usd(r.value_usd, lang)}"
        + (f" ({t('basis_computed', lang)})" if r.basis != "reported" else "")
        + f"<br>{t('whose_figure', lang)}: {_whose(r, lang)}"
        + (f"<br>{plain(_short(r.note))}" if isinstance(r.note, str) and r.note else "")
        + f"<br>{t('source', lang)}: {plain(_short(r.source_title))}"
        for r in rows.itertuples()
    ]


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _billions(value: float, lang: str) -> str:
    """'244.8' / '244,8': billions of dollars with one decimal, in the language's decimal mark."""
    return format_number(value / 1e9, 1, lang)


def _end_label(values: list, lang: str) -> list[str]:
    """Text for a line's points: its last value only (billions, the language's decimal mark), so that a chart
    pasted into a report carries the latest figure of each line."""
    last = max((i for i, v in enumerate(values) if v is not None), default=None)
    text = _billions(values[last] * 1e9, lang) if last is not None else ""
    return [text if i == last else "" for i in range(len(values))]


def build_trade_series(rows: pd.DataFrame, events: pd.DataFrame, lang: str, show_200bn: bool,
                       log: bool = False) -> go.Figure:
    """One line per series (reporter, source family, calendar or fiscal), gaps left as gaps, its last value
    written at its end, other figures for the same year as open points, and events (summits, accessions,
    meetings) along the bottom; `log` for series that differ by orders of magnitude."""
    fig = go.Figure()
    palette = px.colors.qualitative.D3
    for i, (series, group) in enumerate(rows.groupby("series", sort=True)):
        color = palette[i % len(palette)]
        primary = group[group["primary"]].set_index("year")
        years = range(int(group["year"].min()), int(group["year"].max()) + 1)
        line = primary.reindex(years)  # a year with no figure is None: the line breaks there
        legend_group, group_title, entry = _legend_entry(series, lang)
        values = [v / 1e9 if pd.notna(v) else None for v in line["value_usd"]]
        fig.add_trace(go.Scatter(
            # Only the states' own statistics carry their last value: a label per statement would crowd them out.
            x=list(years), y=values, mode="lines+markers+text",
            text=_end_label(values, lang) if series.split("|")[1] in ("release", "international") else None,
            textposition="middle right", textfont=dict(color=color), cliponaxis=False,
            name=entry, legendgroup=legend_group, legendgrouptitle_text=plain(group_title),
            line=dict(color=color, width=2.5), connectgaps=False,
            marker=dict(size=7, symbol=["circle" if b == "reported" else "diamond" for b in line["basis"].fillna("")]),
            hovertext=_trade_hover_by_year(line, lang),
            hovertemplate="%{hovertext}<extra></extra>",
        ))
        others = group[~group["primary"]]
        if len(others):
            fig.add_trace(go.Scatter(
                x=others["year"], y=others["value_usd"] / 1e9, mode="markers", showlegend=False,
                marker=dict(size=9, color="rgba(0,0,0,0)", line=dict(color=color, width=2)),
                hovertext=_trade_hover(others, lang), hovertemplate="%{hovertext}<extra></extra>"))
    if show_200bn:
        fig.add_hline(y=200, line=dict(color="#c0392b", width=1, dash="dash"),
                      annotation_text=t("line_200bn", lang), annotation_position="top left")
    floor = 0
    if log:  # events sit at the bottom of a log axis too: at the smallest value shown, not at zero
        shown = rows.loc[rows["value_usd"] > 0, "value_usd"]
        floor = float(shown.min()) / 1e9 if len(shown) else 1
    for kind, group in events.groupby("kind", sort=False):
        fig.add_trace(go.Scatter(
            x=group["x"], y=[floor] * len(group), mode="markers", name=t(f"event_{kind}", lang),
            marker=dict(symbol=EVENT_SYMBOLS[kind], size=11, color=EVENT_COLORS[kind]),
            hovertext=[plain(h) for h in group["text"]], hovertemplate="%{hovertext}<extra></extra>"))
    if log:
        fig.update_yaxes(title=t("usd_billions_log", lang), type="log")
    else:
        fig.update_yaxes(title=t("usd_billions", lang), rangemode="tozero")
    fig.update_xaxes(title=None, dtick=2)
    fig.update_layout(legend=dict(orientation="h", y=-0.12, yanchor="top", x=0), hovermode="closest",
                      margin=dict(r=60))
    return _layout(fig, t("trade_series_title", lang), 560, lang)


def build_mirror_gap(gaps: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Bars: per year, how far the two states' own statistics for their total trade differ (% of the larger)."""
    hover = [f"<b>{r.year}</b>: {r.gap:.1%}<br>{plain(country_name(r.a, lang))}: {format_usd(r.value_a, lang)} "
             f"({plain(authority_name(r.source_a, lang))})<br>{plain(country_name(r.b, lang))}: "
             f"{format_usd(r.value_b, lang)} ({plain(authority_name(r.source_b, lang))})" for r in gaps.itertuples()]
    fig = go.Figure(go.Bar(x=gaps["year"], y=gaps["gap"] * 100, marker_color="#7f7f7f", hovertext=hover,
                           hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_yaxes(title=t("gap_axis", lang), rangemode="tozero")
    fig.update_xaxes(title=None)
    return _layout(fig, title, 360, lang)


def build_partner_shares(shares: pd.DataFrame, state: str, year: int, lang: str) -> go.Figure:
    """Horizontal bars: each SCO partner's share of the state's trade with the world in one year."""
    rows = shares.sort_values("share_of_trade")
    names = [country_name(p, lang) for p in rows["partner"]]
    fig = go.Figure(go.Bar(
        x=rows["share_of_trade"] * 100, y=names, orientation="h", marker_color="#1f4e79",
        hovertext=[f"<b>{plain(n)}</b>: {r.share_of_trade:.1%}<br>{format_usd(r.value_usd, lang)}"
                   for n, r in zip(names, rows.itertuples())], hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_xaxes(title=t("share_axis", lang))
    return _layout(fig, t("partner_shares_title", lang, state=country_name(state, lang), year=year),
                   140 + 24 * len(rows), lang)


def build_share_chart(shares: pd.DataFrame, state: str, measure: str, lang: str) -> go.Figure:
    """One line per partner: the state's trade with it as a share (%) of its trade with the world or of its GDP."""
    fig = go.Figure()
    palette = px.colors.qualitative.D3
    for i, (partner, rows) in enumerate(shares.groupby("partner", sort=False)):
        name = t("all_members", lang) if partner == "SCO" else country_name(partner, lang)
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows[measure] * 100, mode="lines+markers", name=name,
            line=dict(color=palette[i % len(palette)], width=2.5),
            hovertext=[f"<b>{plain(name)}</b>, {r.year}<br>{format_usd(r.value_usd, lang)} · "
                       f"{r.share_of_trade:.1%} {t('of_world_trade', lang)} ({format_usd(r.world_usd, lang)})"
                       + (f" · {r.share_of_gdp:.1%} {t('of_gdp', lang)}" if pd.notna(r.share_of_gdp) else "")
                       for r in rows.itertuples()],
            hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_yaxes(title="%", rangemode="tozero")
    fig.update_xaxes(title=None)
    fig.update_layout(legend=dict(orientation="h", y=1.01, yanchor="bottom", x=1, xanchor="right"))
    return _layout(fig, t(f"share_title_{measure}", lang, state=country_name(state, lang)), 420, lang)


EVENT_SYMBOLS = {"summit": "triangle-up", "accession": "star", "meeting": "line-ns-open"}
EVENT_COLORS = {"summit": "#7f7f7f", "accession": "#c0392b", "meeting": "#1f4e79"}


def _trade_hover_by_year(line: pd.DataFrame, lang: str) -> list[str]:
    """Hover text for each year of a reindexed series ('' for a year without a figure)."""
    present = line.dropna(subset=["value_usd"]).reset_index().rename(columns={"index": "year"})
    texts = dict(zip(present["year"], _trade_hover(present, lang)))
    return [texts.get(year, "") for year in line.index]


def _country_grid(cells: pd.DataFrame, countries: list[str], lang: str, value, hover,
                  where: tuple[str, str] = ("reporter_iso3", "partner_iso3")) -> tuple[list, list, list]:
    """Row x column grids of values and hover texts; a cell with no figure stays empty and says so."""
    index = {c: i for i, c in enumerate(countries)}
    z = [[None] * len(countries) for _ in countries]
    texts = [[t("no_figure", lang)] * len(countries) for _ in countries]
    for r in cells.itertuples():
        i, j = index[getattr(r, where[0])], index[getattr(r, where[1])]
        z[i][j], texts[i][j] = value(r), hover(r)
    return [country_name(c, lang) for c in countries], z, texts


def _grid_layout(fig: go.Figure, lang: str, title: str, rows_title: str | None = None) -> go.Figure:
    fig.update_xaxes(title=t("partner", lang), side="bottom")
    fig.update_yaxes(title=rows_title or t("reporter", lang), autorange="reversed")
    return _layout(fig, title, 560, lang)


def build_trade_matrix(cells: pd.DataFrame, countries: list[str], lang: str, year: int, rule: str) -> go.Figure:
    """Heatmap: row = a state, column = its partner, value = their total trade by the figure the rule chose
    (whose it is heads the hover)."""
    names, z, hover = _country_grid(
        cells, countries, lang, lambda r: r.value_usd / 1e9,
        lambda r: f"<i>{t(f'whose_{r.whose}', lang)}</i><br>" + _trade_hover(pd.DataFrame([r._asdict()]), lang)[0],
        where=("row_iso3", "col_iso3"))
    fig = go.Figure(go.Heatmap(
        z=z, x=names, y=names, colorscale="Blues", hoverongaps=True, text=hover,
        hovertemplate="%{text}<extra></extra>", texttemplate="%{z:.1f}",
        colorbar=dict(title=dict(text=t("usd_billions", lang)))))
    return _grid_layout(fig, lang, t("matrix_title", lang, year=year, rule=t(f"matrix_rule_{rule}", lang)),
                        t("state", lang))


def build_growth_matrix(cells: pd.DataFrame, countries: list[str], lang: str, base_year: int, year: int) -> go.Figure:
    """Heatmap of each series' ratio between two years (never across reporters or sources)."""
    names, z, hover = _country_grid(
        cells, countries, lang, lambda r: r.ratio,
        lambda r: (f"{plain(country_name(r.reporter_iso3, lang))} → {plain(country_name(r.partner_iso3, lang))}"
                   f"<br>{base_year}: {format_usd(r.base_value_usd, lang)}<br>{year}: "
                   f"{format_usd(r.value_usd, lang)}<br>× {r.ratio:.2f}<br>{t('whose_figure', lang)}: "
                   f"{_whose(r, lang)}"))
    labels = [[f"×{v:.2f}" if v is not None else "" for v in row] for row in z]
    # Colour by the ratio's logarithm: halving and doubling lie the same distance from "unchanged" (×1), and the
    # scale is labelled in multipliers, never in the logarithm itself.
    steps = list(range(-3, 5))
    fig = go.Figure(go.Heatmap(
        z=[[np.log2(v) if v is not None and v > 0 else None for v in row] for row in z], x=names, y=names,
        colorscale="RdBu", zmid=0, text=labels, texttemplate="%{text}", customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        colorbar=dict(title=dict(text="×"), tickvals=steps, ticktext=[f"×{2.0 ** k:g}" for k in steps])))
    return _grid_layout(fig, lang, t("growth_title", lang, base=base_year, year=year))


MAX_FLOW_LABELS = 6


def build_trade_flow_map(flows: pd.DataFrame, figures: pd.DataFrame, lang: str, year: int) -> go.Figure:
    """Lines between capitals, width by the value of the pair's trade in `year`; every reporter's figure on hover."""
    fig = go.Figure()
    widest = flows["value_usd"].max() if len(flows) else 1
    for r in flows.itertuples():
        fig.add_trace(go.Scattergeo(
            lat=[r.lat_a, r.lat_b], lon=[r.lon_a, r.lon_b], mode="lines", showlegend=False, hoverinfo="skip",
            line=dict(width=1 + 14 * r.value_usd / widest, color="rgba(31,78,121,0.55)")))
    if len(flows):
        # The largest flows carry their value, in billions, at their middle: a screenshot keeps them.
        largest = set(flows.nlargest(MAX_FLOW_LABELS, "value_usd")["pair"])
        fig.add_trace(go.Scattergeo(
            lat=(flows["lat_a"] + flows["lat_b"]) / 2, lon=(flows["lon_a"] + flows["lon_b"]) / 2,
            mode="markers+text", textposition="top center", textfont=dict(size=11, color="#1f4e79"),
            text=[_billions(v, lang) if p in largest else "" for p, v in zip(flows["pair"], flows["value_usd"])],
            marker=dict(size=9, color="rgba(31,78,121,0.9)"), showlegend=False,
            hovertext=["<br>".join(_trade_hover(figures[figures["pair"] == p], lang)) for p in flows["pair"]],
            hovertemplate="%{hovertext}<extra></extra>"))
        # What a line's width means: three reference lines in the legend.
        for share in (1.0, 0.5, 0.1):
            fig.add_trace(go.Scattergeo(
                lat=[None], lon=[None], mode="lines", name=t("flow_width_legend", lang,
                                                             value=_billions(widest * share, lang)),
                line=dict(width=1 + 14 * share, color="rgba(31,78,121,0.55)"), hoverinfo="skip"))
        fig.update_layout(legend=dict(orientation="h", y=-0.02, yanchor="top", x=0))
    fig.update_geos(**{**EURASIA_GEO, "lonaxis_range": [20, 135], "lataxis_range": [15, 65]})
    return _layout(fig, t("flow_map_title", lang, year=year), 560, lang)


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
