"""Figure builders: what each chart encodes, its labels in both languages, and data text kept inert."""
from datetime import date

import pandas as pd

from sco import figures
from sco.membership import statuses_by_year, statuses_on, summits_by_city


def _layer_data(spec: dict, layer: int) -> list[dict]:
    """The rows a layer of a Vega-Lite specification draws (altair keeps them in the top-level datasets)."""
    name = spec["layer"][layer].get("data", spec.get("data"))["name"]  # a single layer's data moves to the top
    return spec["datasets"][name]


def _mapped(spec: dict) -> list[dict]:
    """The states a status map colours: the rows its lookup joins to the world's shapes."""
    return spec["datasets"][spec["layer"][1]["transform"][0]["from"]["data"]["name"]]


def test_status_map_colours_each_state_by_its_status(data):
    on = statuses_on(data["membership"], date(2024, 7, 5))
    spec = figures.build_status_map_light(on, "en", "title", scale=270, center=(74, 42)).to_dict()
    rows = _mapped(spec)
    assert len(rows) == len(on) and sum(r["status"] == "Member" for r in rows) == 10
    assert {"Belarus", "Member"} <= {v for r in rows for v in r.values()}
    legend = spec["layer"][1]["encoding"]["color"]["scale"]
    assert legend["domain"] == ["Member", "Observer", "Dialogue partner", "SCO partner"]  # categories, named
    assert spec["projection"]["center"] == [74, 42] and spec["projection"]["scale"] == 270


def test_status_map_in_spanish(data):
    spec = figures.build_status_map_light(statuses_on(data["membership"], date(2024, 7, 5)), "es", "t").to_dict()
    rows = _mapped(spec)
    assert any(r["name"] == "Kazajistán" and r["status"] == "Miembro" for r in rows)
    assert all(r["profile"].endswith("&lang=es") for r in rows)


def test_animation_has_a_frame_per_year_and_a_play_button(data):
    fig = figures.build_status_animation(statuses_by_year(data["membership"], 2001, date(2025, 12, 31)), "en")
    assert [f.name for f in fig.frames] == [str(y) for y in range(2001, 2026)]
    assert fig.layout.updatemenus[0].buttons[0].method == "animate"
    assert len(fig.layout.sliders[0].steps) == 25


def test_timeline_has_a_bar_per_interval_and_marks_the_date(data):
    spec = figures.build_status_timeline_light(data["membership"], "en", date(2026, 1, 1), date(2024, 7, 5)).to_dict()
    bars = _layer_data(spec, 0)
    assert len(bars) == len(data["membership"])
    assert {"country": "Belarus", "status": "Member", "start": "2024-07-04"}.items() <= next(
        b for b in bars if b["country"] == "Belarus" and b["status"] == "Member").items()
    assert _layer_data(spec, 1) == [{"day": "2024-07-05", "text": "5 July 2024"}]
    assert spec["layer"][1]["mark"]["type"] == "rule"


def test_timeline_keeps_the_states_that_entered_first_past_its_cap(data):
    membership = data["membership"]
    capped = membership.sort_values("start_date").drop_duplicates("iso3")["iso3"].head(5).tolist()
    try:
        original, figures.MAX_TIMELINE_STATES = figures.MAX_TIMELINE_STATES, 5
        spec = figures.build_status_timeline_light(membership, "en", date(2026, 1, 1)).to_dict()
    finally:
        figures.MAX_TIMELINE_STATES = original
    assert spec["layer"][0]["encoding"]["y"]["sort"] == [figures.country_name(c, "en") for c in capped]
    assert len(_layer_data(spec, 0)) == membership["iso3"].isin(capped).sum()


def test_summit_figures(data):
    by_city = summits_by_city(data["summits"], data["cities"])
    assert len(figures.build_summits_map(by_city, "en").data[0].lat) == len(by_city)
    labels = figures.build_summits_map(by_city, "es").data[0].text
    assert {"Pekín", "Astaná", "Taskent", "Moscú"} <= set(labels) and "Beijing" not in labels  # Spanish names
    fig = figures.build_summits_timeline(data["summits"], "es")
    assert sum(len(trace.x) for trace in fig.data) == len(data["summits"])
    assert {trace.name for trace in fig.data} <= {"Presencial", "Virtual", "Híbrida"}


def test_summits_timeline_keeps_the_busiest_hosts_past_its_cap(data):
    busiest = data["summits"]["host_iso3"].value_counts().head(3)
    try:
        original, figures.MAX_TIMELINE_HOSTS = figures.MAX_TIMELINE_HOSTS, 3
        fig = figures.build_summits_timeline(data["summits"], "en")
    finally:
        figures.MAX_TIMELINE_HOSTS = original
    assert {y for trace in fig.data for y in trace.y} == {figures.country_name(c, "en") for c in busiest.index}
    assert sum(len(trace.x) for trace in fig.data) == busiest.sum()


def test_data_text_is_escaped_in_hovers(data):
    summits = data["summits"].copy()
    summits.loc[summits.index[0], "city"] = "<img src=x onerror=alert(1)>"
    fig = figures.build_summits_timeline(summits, "en")
    hovers = [h for trace in fig.data for h in (c[0] for c in trace.customdata)]
    assert not any("<img" in h for h in hovers)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in h for h in hovers)


def test_plain():
    assert figures.plain("<a href='x'>") == "&lt;a href=&#x27;x&#x27;&gt;"
    assert figures.plain(None) == "" and figures.plain(float("nan")) == ""
    assert figures.plain(pd.NA) == ""


def test_meetings_of_one_day_get_a_day_axis_and_counts_whole_numbers(meetings, data):
    from sco.i18n import t
    from sco.meetings import count_by_year
    day = meetings[meetings["date"] == pd.Timestamp("2024-07-03")]
    timeline = figures.build_meetings_timeline(day, data["summits"], "en", {p: p for p in day["pair"]})
    assert timeline.layout.xaxis.tickformat == "%Y-%m-%d" and timeline.layout.xaxis.dtick == 86_400_000
    one = figures.build_meetings_per_year(count_by_year(day.head(1)), "en", "t")
    assert (one.layout.yaxis.dtick, one.layout.yaxis.tickformat) == (1, ",d")
    assert list(one.layout.xaxis.range) == [2022.5, 2025.5]  # one narrow bar, its neighbours' years around it
    many = figures.build_meetings_per_year(count_by_year(meetings), "en", "t")
    assert many.layout.yaxis.dtick > 1 and float(many.layout.yaxis.dtick).is_integer()
    assert t("pair_summary", "en", pair="A – B", count=1, n=1, first="x", last="y", latest="z").startswith(
        "A – B: 1 meeting from")
    assert "1 reunión" in t("leader_summary", "es", leader="L", count=1, n=1, period="p")
    assert "2 meetings" in t("leader_summary", "en", leader="L", count=2, n=2, period="p")


def test_each_trade_line_carries_its_last_value_and_a_log_axis_keeps_events_on_the_chart(trade, data):
    from sco.trade import series_for_pairs
    rows = series_for_pairs(trade, ["CHN-RUS"], "total")
    events = pd.DataFrame({"x": [2024], "kind": ["summit"], "text": ["Astana"]})
    fig = figures.build_trade_series(rows, events, "es", True)
    china = next(tr for tr in fig.data if tr.legendgroup == "CHN>RUS" and tr.name == "estadística publicada")
    labelled = [(x, text) for x, text in zip(china.x, china.text) if text]
    assert len(labelled) == 1 and "," in labelled[0][1]  # the last year only, with the Spanish decimal comma
    log = figures.build_trade_series(rows, events, "en", False, log=True)
    assert log.layout.yaxis.type == "log"
    event = next(tr for tr in log.data if tr.mode == "markers" and tr.showlegend is not False and tr.x[0] == 2024)
    assert event.y[0] > 0  # a zero has no place on a log axis


def test_numbers_and_dates_on_charts_read_the_same_in_either_language(data, meetings):
    from sco.meetings import count_by_year
    spanish = figures.build_meetings_per_year(count_by_year(meetings), "es", "t")
    english = figures.build_meetings_per_year(count_by_year(meetings), "en", "t")
    assert (spanish.layout.separators, english.layout.separators) == (", ", ".,")  # as format_usd writes them
    membership = figures.build_status_animation(statuses_by_year(data["membership"], 2001, date(2025, 12, 31)), "es")
    assert membership.layout.separators == ", "


def test_growth_is_coloured_by_doublings_and_each_year_of_meetings_says_its_total(trade, meetings):
    from sco.meetings import count_by_year
    from sco.trade import growth
    cells = growth(trade, 2015, 2023, ["CHN", "RUS", "KAZ"])
    fig = figures.build_growth_matrix(cells, ["CHN", "RUS", "KAZ"], "en", 2015, 2023)
    assert fig.data[0].zmid == 0 and "×1" in fig.data[0].colorbar.ticktext and "×2" in fig.data[0].colorbar.ticktext
    per_year = count_by_year(meetings[meetings["pair"] == "CHN-RUS"])
    bars = figures.build_meetings_per_year(per_year, "en", "t")
    totals = next(tr for tr in bars.data if tr.type == "scatter" and tr.mode == "text")
    expected = per_year.groupby("year")["meetings"].sum()
    assert dict(zip(totals.x, totals.text)) == {y: n for y, n in expected.items() if n}


def test_the_flow_map_labels_its_largest_flows_and_explains_line_widths(trade, data):
    from sco.trade import flows_for_map
    flows, rows = flows_for_map(trade, 2023, data["cities"])
    fig = figures.build_trade_flow_map(flows, rows, "es", 2023)
    middles = next(tr for tr in fig.data if tr.mode == "markers+text")
    labelled = [text for text in middles.text if text]
    assert len(labelled) == min(figures.MAX_FLOW_LABELS, len(flows)) and all("," in text for text in labelled)
    widths = [tr for tr in fig.data if tr.name and tr.name.endswith("mil millones USD")]
    assert len(widths) == 3 and widths[0].line.width > widths[-1].line.width
