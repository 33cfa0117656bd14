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


def _rows(spec: dict) -> list[dict]:
    """Every row a Vega-Lite chart draws, from all its datasets."""
    return [row for data in spec.get("datasets", {}).values() for row in data]


def _layers(spec: dict) -> list[dict]:
    """The chart's layers, nested ones flattened (a single chart is its own layer)."""
    if "layer" not in spec:
        return [spec]
    out = []
    for layer in spec["layer"]:
        out += _layers(layer) if "layer" in layer else [layer]
    return out


def _encoding(spec: dict, channel: str) -> list[dict]:
    return [layer["encoding"][channel] for layer in _layers(spec) if channel in layer.get("encoding", {})]


def test_summit_figures(data):
    by_city = summits_by_city(data["summits"], data["cities"])
    spec = figures.build_summits_map(by_city, "en")
    assert len({(r["lat"], r["lon"]) for r in _rows(spec)}) == len(by_city)
    assert spec["projection"]["type"] == "naturalEarth1"
    labels = {r["label"] for r in _rows(figures.build_summits_map(by_city, "es"))}
    assert {"Pekín", "Astaná", "Taskent", "Moscú"} <= labels and "Beijing" not in labels  # Spanish names
    # Each city is named once, beside its bubble and clear of it.
    texts = [layer for layer in _layers(spec) if layer["mark"]["type"] == "text"]
    assert texts and all(abs(layer["mark"].get("dx", 0)) + abs(layer["mark"].get("dy", 0)) > 3 for layer in texts)
    timeline = figures.build_summits_timeline(data["summits"], "es")
    assert len(_rows(timeline)) == len(data["summits"])
    assert {r["format"] for r in _rows(timeline)} <= {"Presencial", "Virtual", "Híbrida"}


def test_summits_timeline_keeps_the_busiest_hosts_past_its_cap(data):
    busiest = data["summits"]["host_iso3"].value_counts().head(3)
    try:
        original, figures.MAX_TIMELINE_HOSTS = figures.MAX_TIMELINE_HOSTS, 3
        spec = figures.build_summits_timeline(data["summits"], "en")
    finally:
        figures.MAX_TIMELINE_HOSTS = original
    assert {r["country"] for r in _rows(spec)} == {figures.country_name(c, "en") for c in busiest.index}
    assert len(_rows(spec)) == busiest.sum()


def test_data_text_stays_text(data):
    # Vega-Lite draws data text as SVG text and its tooltips as text: a tag in the data reaches the chart as the
    # characters it is (the browser test checks that nothing is rendered as HTML).
    summits = data["summits"].copy()
    summits.loc[summits.index[0], "city"] = "<img src=x onerror=alert(1)>"
    spec = figures.build_summits_timeline(summits, "en")
    assert "<img src=x onerror=alert(1)>" in {r["city"] for r in _rows(spec)}
    assert "city" in {tip["field"] for tip in _encoding(spec, "tooltip")[0]}


def test_plain():
    assert figures.plain("<a href='x'>") == "&lt;a href=&#x27;x&#x27;&gt;"
    assert figures.plain(None) == "" and figures.plain(float("nan")) == ""
    assert figures.plain(pd.NA) == ""


def test_time_axes_suit_the_span():
    day = pd.Timestamp("2024-07-03")
    for last, fmt, interval in [(day, "%Y-%m-%d", "day"), (day + pd.Timedelta(days=40), "%Y-%m-%d", "day"),
                                (day + pd.Timedelta(days=400), "%Y-%m", "month"),
                                (day + pd.Timedelta(days=365 * 30), "%Y", "year")]:
        scale, axis = figures.time_axis(day, last)
        assert (axis.format, axis.tickCount["interval"]) == (fmt, interval)
        first, end = (pd.Timestamp(d) for d in scale.domain)
        assert first < day and end > last  # a point is never on the edge


def test_meetings_of_one_day_get_a_day_axis_and_counts_whole_numbers(meetings, data):
    from sco.i18n import t
    from sco.meetings import count_by_year
    day = meetings[meetings["date"] == pd.Timestamp("2024-07-03")]
    timeline = figures.build_meetings_timeline(day, data["summits"], "en", {p: p for p in day["pair"]})
    x = _encoding(timeline, "x")[0]
    assert x["axis"]["format"] == "%Y-%m-%d" and x["axis"]["tickCount"]["interval"] == "day"
    assert x["scale"]["domain"] == ["2024-07-02", "2024-07-04"]
    one = figures.build_meetings_per_year(count_by_year(day.head(1)), "en", "t")
    y = _encoding(one, "y")[0]
    assert (y["axis"]["format"], y["axis"]["tickMinStep"]) == ("d", 1)
    assert [r["year"] for r in _rows(one) if "format" in r] == [2024]  # one narrow bar, not one across the chart
    many = figures.build_meetings_per_year(count_by_year(meetings), "en", "t")
    years = sorted({r["year"] for r in _rows(many) if "format" in r})
    assert years == list(range(years[0], years[-1] + 1))  # a year without meetings is an empty slot
    assert t("pair_summary", "en", pair="A – B", count=1, n=1, first="x", last="y", latest="z").startswith(
        "A – B: 1 meeting from")
    assert "1 reunión" in t("leader_summary", "es", leader="L", count=1, n=1, period="p")
    assert "2 meetings" in t("leader_summary", "en", leader="L", count=2, n=2, period="p")


def test_each_trade_line_carries_its_last_value_and_a_log_axis_keeps_events_on_the_chart(trade, data):
    from sco.trade import series_for_pairs
    rows = series_for_pairs(trade, ["CHN-RUS"], "total")
    events = pd.DataFrame({"x": [2024], "kind": ["summit"], "text": ["Astana"]})
    spec = figures.build_trade_series(rows, events, "es", True)
    china = [r for r in _rows(spec) if r.get("series") == "Cifras de China para Rusia (estadística publicada)"]
    labelled = [(r["year"], r["end"]) for r in china if r.get("end")]
    assert len(labelled) == 1 and "," in labelled[0][1]  # the last year only, with the Spanish decimal comma
    assert labelled[0][0] == max(r["year"] for r in china if r["bn"] == r["bn"])
    log = figures.build_trade_series(rows, events, "en", False, log=True)
    assert any(y.get("scale", {}).get("type") == "log" for y in _encoding(log, "y"))
    event = next(r for r in _rows(log) if r.get("event"))
    assert event["bn"] > 0  # a zero has no place on a log axis


def test_trade_lines_break_where_a_year_has_no_figure(trade):
    from sco.trade import series_for_pairs
    spec = figures.build_trade_series(series_for_pairs(trade, ["CHN-RUS"], "total"),
                                      pd.DataFrame(columns=["kind", "x", "text"]), "en", False)
    line = next(layer for layer in _layers(spec) if layer["mark"]["type"] == "line")
    assert line["mark"]["invalid"] == "break-paths-show-domains"


def test_numbers_on_charts_read_as_in_the_text(data, meetings):
    from sco.i18n import format_number
    from sco.meetings import count_by_year
    spanish = figures.build_meetings_per_year(count_by_year(meetings), "es", "t")
    english = figures.build_meetings_per_year(count_by_year(meetings), "en", "t")
    for spec, lang in ((spanish, "es"), (english, "en")):
        locale = spec["config"]["locale"]["number"]
        assert f"1{locale['thousands']}234{locale['decimal']}5" == format_number(1234.5, 1, lang)
    membership = figures.build_status_animation(statuses_by_year(data["membership"], 2001, date(2025, 12, 31)), "es")
    assert membership.layout.separators == ", "


def test_growth_is_coloured_by_doublings_and_each_year_of_meetings_says_its_total(trade, meetings):
    from sco.meetings import count_by_year
    from sco.trade import growth
    cells = growth(trade, 2015, 2023, ["CHN", "RUS", "KAZ"])
    spec = figures.build_growth_matrix(cells, ["CHN", "RUS", "KAZ"], "en", 2015, 2023)
    color = next(c for c in _encoding(spec, "color") if c.get("field") == "log2")
    assert color["scale"]["domainMid"] == 0 and "pow(2, datum.value)" in color["legend"]["labelExpr"]
    assert {r["label"] for r in _rows(spec) if r.get("label")} >= {f"×{r:.2f}" for r in cells["ratio"]}
    per_year = count_by_year(meetings[meetings["pair"] == "CHN-RUS"])
    bars = figures.build_meetings_per_year(per_year, "en", "t")
    totals = {r["year"]: r["meetings"] for r in bars["datasets"][_layers(bars)[1]["data"]["name"]]}
    expected = per_year.groupby("year")["meetings"].sum()
    assert {y: n for y, n in totals.items() if n} == {y: n for y, n in expected.items() if n}
    assert any(layer["mark"]["type"] == "text" and layer["encoding"]["text"]["field"] == "meetings"
               for layer in _layers(bars))


def test_the_flow_map_labels_its_largest_flows_and_explains_line_widths(trade, data):
    from sco.trade import flows_for_map
    flows, rows = flows_for_map(trade, 2023, data["cities"])
    spec = figures.build_trade_flow_map(flows, rows, "es", 2023)
    labelled = [r["label"] for r in _rows(spec) if r.get("label")]
    assert len(labelled) == min(figures.MAX_FLOW_LABELS, len(flows)) and all("," in text for text in labelled)
    width = next(w for w in _encoding(spec, "strokeWidth"))
    assert width["title"] == "Miles de millones de USD" and len(width["legend"]["values"]) == 3



def test_every_chart_is_valid_vega_lite(data, meetings, trade):
    # The builders skip Altair's validation (for speed on a new choice): the schema is checked here instead.
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import core

    from sco.meetings import count_by_pair, count_by_place, count_by_year
    from sco.trade import flows_for_map, growth, matrix, series_for_pairs
    schema = core.load_schema()
    members = ["CHN", "RUS", "KAZ", "UZB"]
    by_place, _ = count_by_place(meetings, data["cities"])
    pair = meetings[meetings["pair"] == "CHN-RUS"]
    events = pd.DataFrame({"x": [2024, 2024], "kind": ["summit", "meeting"], "text": ["Astana", "Putin – Xi"]})
    specs = [
        figures.build_summits_map(summits_by_city(data["summits"], data["cities"]), "es"),
        figures.build_summits_timeline(data["summits"], "en"),
        figures.build_meetings_map(by_place, "en"),
        figures.build_meetings_timeline(meetings, data["summits"], "es", {p: p for p in meetings["pair"]}),
        figures.build_pair_network(count_by_pair(meetings), "en"),
        figures.build_ranking(count_by_pair(meetings), list(count_by_pair(meetings)["pair"]), "en", "t"),
        figures.build_meetings_and_trade(count_by_year(pair), trade[trade["pair"] == "CHN-RUS"].drop_duplicates(
            "year").assign(value_usd=1e9), "es", "t"),
        figures.build_trade_series(series_for_pairs(trade, ["CHN-RUS"], "total"), events, "es", True, log=True),
        figures.build_trade_matrix(matrix(trade, 2023, members), members, "en", 2023, "best"),
        figures.build_growth_matrix(growth(trade, 2015, 2023, members), members, "es", 2015, 2023),
        figures.build_trade_flow_map(*flows_for_map(trade, 2023, data["cities"]), "en", 2023),
        figures.build_status_map_light(statuses_on(data["membership"], date(2024, 7, 5)), "es", "t").to_dict(
            validate=False),
        figures.build_status_timeline_light(data["membership"], "en", date(2026, 1, 1), date(2024, 7, 5)).to_dict(
            validate=False),
    ]
    for spec in specs:
        validate_jsonschema(spec, schema)


def test_map_labels_cover_no_other_label_nor_bubble(data):
    # Tashkent, Samarkand, Dushanbe, Almaty and Bishkek; Beijing, Tianjin and Qingdao: close together on the map.
    spec = figures.build_summits_map(summits_by_city(data["summits"], data["cities"]), "en")
    rows = _rows(spec)
    xs, ys = figures.projected([r["lon"] for r in rows], [r["lat"] for r in rows], spec["projection"]["scale"])
    labels = [figures._label_box(x, y, r["radius"], r["side"], figures.LABEL_CHAR_PX * len(r["label"]))
              for x, y, r in zip(xs, ys, rows)]
    bubbles = [(x - r["radius"], y - r["radius"], x + r["radius"], y + r["radius"]) for x, y, r in zip(xs, ys, rows)]
    for i, box in enumerate(labels):
        assert not any(figures._overlap(box, other) for other in labels[:i]), rows[i]["label"]
        assert not any(figures._overlap(box, b) for j, b in enumerate(bubbles) if j != i), rows[i]["label"]
    lone = figures.label_positions([37.6], [55.8], [8], ["Moscow"], 420)
    assert lone == ["top center"]  # a place alone is named above its bubble
