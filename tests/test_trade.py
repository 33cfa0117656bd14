"""Trade: whose figure each point is, totals, growth within a series, coverage, and the China-Russia record."""
import pandas as pd
import pytest

from sco import figures
from sco.events import timeline_events
from sco.trade import coverage, flows_for_map, growth, matrix, prepare_trade, series_for_pairs, _ranges


def _row(**values):
    base = dict(year=2020, period="calendar", reporter_iso3="CHN", partner_iso3="RUS", flow="total",
                value_usd=1.0, source="General Administration of Customs of China", stated_by="", note="",
                source_title="t", source_url="https://example.org/a")
    return {**base, **values}


def test_total_is_computed_from_exports_and_imports_only_when_not_reported():
    frame = pd.DataFrame([_row(flow="exports", value_usd=3e9), _row(flow="imports", value_usd=2e9),
                          _row(year=2021, flow="exports", value_usd=1e9), _row(year=2021, flow="imports", value_usd=1e9),
                          _row(year=2021, flow="total", value_usd=2.5e9)])
    prepared = prepare_trade(frame)
    totals = prepared[prepared["flow"] == "total"].set_index("year")
    assert totals.at[2020, "value_usd"] == 5e9 and totals.at[2020, "basis"] == "exports + imports"
    assert totals.at[2021, "value_usd"] == 2.5e9 and totals.at[2021, "basis"] == "reported"


def test_no_total_from_one_flow_alone():
    prepared = prepare_trade(pd.DataFrame([_row(flow="exports", value_usd=3e9)]))
    assert (prepared["flow"] == "total").sum() == 0


def test_reporters_and_sources_are_separate_series(trade):
    china_russia = series_for_pairs(trade, ["CHN-RUS"], "total")
    assert set(china_russia["series"]) >= {"CHN>RUS|release|calendar", "RUS>CHN|release|calendar",
                                           "CHN>RUS|international|calendar", "RUS>CHN|international|calendar",
                                           "RUS>CHN|officials|calendar", "CHN>RUS|reconciled|calendar"}


def test_one_primary_figure_per_series_year(trade):
    primary = trade[trade["primary"]]
    assert not primary.duplicated(subset=["series", "flow", "year"]).any()


def test_no_total_from_two_officials_figures():
    officials = dict(source="Officials of Russia")
    prepared = prepare_trade(pd.DataFrame([_row(flow="exports", value_usd=3e9, stated_by="President", **officials),
                                           _row(flow="imports", value_usd=2e9, stated_by="Minister", **officials)]))
    assert (prepared["flow"] == "total").sum() == 0


def test_the_better_kind_of_source_is_drawn_on_the_line():
    better, worse = "General Administration of Customs of China", "Ministry of Commerce of China"
    prepared = prepare_trade(pd.DataFrame([_row(source=worse, value_usd=2e9), _row(source=better, value_usd=1e9)]))
    assert prepared.loc[prepared["primary"], "source"].tolist() == [better]


@pytest.mark.parametrize("source,family", [
    ("Ministry of Commerce of China", "release"), ("Officials of China", "officials"), ("Press report", "press"),
    ("IMF Direction of Trade Statistics", "international"), ("CEPII BACI (reconciled, via OEC)", "reconciled")])
def test_a_line_is_one_kind_of_figure_and_its_legend_says_which(source, family):
    prepared = prepare_trade(pd.DataFrame([_row(source=source)]))
    assert prepared["series"].tolist() == [f"CHN>RUS|{family}|calendar"]
    legend = figures.series_name(prepared["series"][0], "en")
    assert legend.endswith(f"({figures.t(f'family_{family}', 'en')})") and "own release" not in legend


def test_published_statistics_only_leaves_statements_out(trade):
    everything = series_for_pairs(trade, ["CHN-RUS"], "total")
    releases = series_for_pairs(trade, ["CHN-RUS"], "total", releases_only=True)
    assert set(everything["kind"]) > set(releases["kind"]) and set(releases["kind"]) <= {
        "customs", "international", "statistics", "agency", "reconciled"}
    officials = "Officials of Russia"
    assert (releases["source"] == officials).sum() == 0 < (everything["source"] == officials).sum()


def test_china_russia_crosses_200_billion_in_2023(trade):
    china = trade[(trade["series"] == "CHN>RUS|release|calendar") & (trade["flow"] == "total") & trade["primary"]]
    by_year = china.set_index("year")["value_usd"]
    assert by_year[2022] < 200e9 < by_year[2023]
    assert by_year[2023] == 240_110_000_000
    assert min(by_year[by_year > 200e9].index) == 2023


def test_china_russia_as_china_reports_it_every_year_2000_to_2025(trade):
    # data/trade.csv: China's figures for its trade with Russia, every calendar year 2000-2025 (customs or ministry).
    row = coverage(trade).query("pair == 'CHN-RUS' and reporter_iso3 == 'CHN'").iloc[0]
    assert (row["years"], row["covered"], row["missing"]) == (26, "2000-2025", "")


def test_every_value_is_positive_and_in_dollars(data):
    values = data["trade"]["value_usd"]
    assert (values > 0).all()
    assert values.max() < 1e12  # no pair trades a trillion dollars: a value in cents or a typo would


def test_fiscal_years_are_labelled(data):
    trade = data["trade"]
    fiscal = trade[trade["period"] != "calendar"]
    assert fiscal["period"].str.match(r"^FY\d{4}-\d{2} \((Apr-Mar|Jul-Jun|Mar-Mar)\)$").all()
    assert set(fiscal["reporter_iso3"]) <= {"IND", "PAK", "IRN"}  # Iran: the Iranian year, from 21 March


def test_growth_stays_within_a_series(trade):
    cells = growth(trade, 2015, 2024, ["CHN", "RUS"])
    row = cells[(cells["reporter_iso3"] == "CHN") & (cells["partner_iso3"] == "RUS")].iloc[0]
    # China's own figures: USD 68.0 bn in 2015 (MOFCOM), 244.819 bn in 2024 (customs): x 3.6003.
    assert (row["base_value_usd"], row["value_usd"]) == (68_000_000_000, 244_819_000_000)
    assert row["ratio"] == pytest.approx(3.60028, abs=1e-5)


def test_matrix_and_flow_map_for_2024_are_traceable(data, trade):
    members = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "BLR"]
    cells = matrix(trade, 2024, members)
    assert cells["source_url"].str.startswith("http").all()
    # Pairs with China or Russia: a 2024 figure in both cells of each, except the pairs for which no stored source
    # states a full-year 2024 calendar figure (searched for; the coverage table lists them).
    filled = set(zip(cells["row_iso3"], cells["col_iso3"]))
    empty = {"-".join(sorted((a, b))) for a in ("CHN", "RUS") for b in members if b != a and (a, b) not in filled}
    assert empty == {"BLR-CHN", "CHN-PAK", "PAK-RUS"}
    assert all((b, a) in filled for a, b in filled)
    flows, figures_shown = flows_for_map(trade, 2024, data["cities"])
    assert "CHN-RUS" in set(flows["pair"])
    assert set(figures_shown["pair"]) == set(flows["pair"])
    spec = figures.build_trade_flow_map(flows, figures_shown, "en", 2024)
    drawn = [r for data in spec["datasets"].values() for r in data]
    assert len(drawn) == len(flows)  # a line per pair, each naming every reporter's figure
    china_russia = next(r for r in drawn if r["pair"] == "China – Russia")
    assert "China → Russia" in china_russia["figures"] and "Russia → China" in china_russia["figures"]


def test_series_figure_breaks_at_gaps():
    frame = prepare_trade(pd.DataFrame([_row(year=2000, value_usd=1e9), _row(year=2003, value_usd=2e9)]))
    spec = figures.build_trade_series(frame, pd.DataFrame(columns=["kind", "x", "text"]), "en", False)
    line = [r for data in spec["datasets"].values() for r in data if "series" in r]
    assert [r["year"] for r in line] == [2000, 2001, 2002, 2003]
    assert [r["bn"] for r in line][::3] == [1.0, 2.0] and all(pd.isna(r["bn"]) for r in line[1:3])


def test_events_include_summits_accessions_and_meetings(data, meetings):
    events = timeline_events(data["summits"], data["membership"], meetings, ["CHN-RUS"], "es")
    assert set(events["kind"]) == {"summit", "accession", "meeting"}
    assert events.query("kind == 'accession'")["text"].str.contains("Bielorrusia").any()


def test_ranges():
    assert _ranges([2000, 2001, 2002, 2005, 2007, 2008]) == "2000-2002, 2005, 2007-2008"
    assert _ranges([]) == ""


def test_the_four_reference_pairs_have_a_total_every_year_since_1995_but_the_listed_gaps(trade):
    from sco.trade import gaps
    found = gaps(trade, ("CHN", "KAZ", "PAK", "RUS", "IND", "UZB"), range(1995, 2026))
    listed = {(r.pair, r.missing) for r in found.itertuples() if r.pair in ("CHN-KAZ", "CHN-PAK", "IND-RUS", "KAZ-UZB")}
    # No full calendar-year total in the pages searched (Pakistan's and India's own figures are fiscal years).
    assert listed == {("CHN-PAK", "2024"), ("CHN-PAK", "2025"), ("IND-RUS", "2025")}


def test_a_pairs_trade_per_year_is_the_best_figure_as_the_matrix_chooses(trade):
    from sco.trade import matrix, pair_totals
    totals = pair_totals(trade, "CHN-KAZ").set_index("year")
    assert totals.index.is_unique and {2010, 2020, 2024} <= set(totals.index)
    for year in (2010, 2024):
        cells = matrix(trade, year, ["CHN", "KAZ"])
        best = cells[cells["whose"] == "reporter"].sort_values("family", key=lambda s: s.map(
            {"release": 0, "international": 1}), kind="stable")
        assert totals.loc[year, "value_usd"] in set(best["value_usd"])
