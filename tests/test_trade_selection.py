"""Which trade figure each view draws, on a handful of rows whose answers are written out by hand."""
import pandas as pd
import pytest

from sco.trade import coverage, flows_for_map, growth, matrix, pair_options, prepare_trade

CUSTOMS_CHN = "General Administration of Customs of China"
MOFCOM = "Ministry of Commerce of China"
OFFICIALS_CHN = "Officials of China"
IMF = "IMF Direction of Trade Statistics"
RUSSIA = "Federal Customs Service of Russia"


def row(year, reporter, partner, value_bn, source=CUSTOMS_CHN, flow="total", period="calendar", stated_by=""):
    return dict(year=year, period=period, reporter_iso3=reporter, partner_iso3=partner, flow=flow,
                value_usd=value_bn * 1e9, source=source, stated_by=stated_by, note="", source_title="t",
                source_url="https://example.org/a")


@pytest.fixture(scope="module")
def trade():
    return prepare_trade(pd.DataFrame([
        # China-Russia 2024: customs 240, officials 245, the IMF 230; 2015: ministry 68 and officials 70.
        row(2024, "CHN", "RUS", 240), row(2024, "CHN", "RUS", 245, OFFICIALS_CHN, stated_by="Minister"),
        row(2024, "CHN", "RUS", 230, IMF), row(2015, "CHN", "RUS", 70, OFFICIALS_CHN),
        row(2015, "CHN", "RUS", 68, MOFCOM), row(2015, "CHN", "RUS", 60, IMF),
        # China-India 2024: a fiscal year in China's own figures (not calendar), the IMF's calendar year.
        row(2024, "CHN", "IND", 100, period="FY2024-25 (Apr-Mar)"), row(2024, "CHN", "IND", 120, IMF),
        # China-Kazakhstan 2024: exports and imports only, no total.
        row(2024, "CHN", "KAZ", 25, flow="exports"), row(2024, "CHN", "KAZ", 16, flow="imports"),
        # Russia's own figure for China 2024; and a pair with a state that has no capital in the cities table.
        row(2024, "RUS", "CHN", 228, "Federal Customs Service of Russia"), row(2024, "CHN", "ATA", 1, IMF),
    ]))


CITIES = pd.DataFrame({"city": ["Beijing", "Moscow", "New Delhi", "Astana", "Shanghai"],
                       "iso3": ["CHN", "RUS", "IND", "KAZ", "CHN"], "lat": [39.9, 55.8, 28.6, 51.2, 31.2],
                       "lon": [116.4, 37.6, 77.2, 71.4, 121.5], "capital": ["yes", "yes", "yes", "yes", ""]})


def test_the_line_goes_through_the_best_ranked_figure_of_each_series_year(trade):
    primary = trade[trade["primary"] & (trade["flow"] == "total")]
    chosen = {(r.series, r.year): (r.source, r.value_usd / 1e9) for r in primary.itertuples()}
    # Officials' figures are a line of their own, never mixed into the line of statistics releases.
    assert chosen == {
        ("CHN>RUS|release|calendar", 2024): (CUSTOMS_CHN, 240), ("CHN>RUS|release|calendar", 2015): (MOFCOM, 68),
        ("CHN>RUS|officials|calendar", 2024): (OFFICIALS_CHN, 245), ("CHN>RUS|officials|calendar", 2015):
            (OFFICIALS_CHN, 70),
        ("CHN>RUS|international|calendar", 2024): (IMF, 230), ("CHN>RUS|international|calendar", 2015): (IMF, 60),
        ("CHN>IND|release|fiscal", 2024): (CUSTOMS_CHN, 100), ("CHN>IND|international|calendar", 2024): (IMF, 120),
        ("CHN>KAZ|release|calendar", 2024): (CUSTOMS_CHN, 41), ("RUS>CHN|release|calendar", 2024):
            ("Federal Customs Service of Russia", 228), ("CHN>ATA|international|calendar", 2024): (IMF, 1)}
    kaz = primary[primary["series"] == "CHN>KAZ|release|calendar"].iloc[0]
    assert kaz["basis"] == "exports + imports" and kaz["rank"] == 0.5


def _cells(cells):
    return {(r.row_iso3, r.col_iso3): (r.whose, r.source, r.value_usd / 1e9) for r in cells.itertuples()}


def test_the_matrix_prefers_own_releases_to_imf_and_calendar_to_fiscal_years(trade):
    own = matrix(trade, 2024, ["CHN", "RUS", "IND", "KAZ"], "reporter")
    assert _cells(own) == {
        ("CHN", "RUS"): ("reporter", CUSTOMS_CHN, 240), ("CHN", "IND"): ("reporter", IMF, 120),
        ("CHN", "KAZ"): ("reporter", CUSTOMS_CHN, 41), ("RUS", "CHN"): ("reporter", RUSSIA, 228)}
    assert matrix(trade, 2023, ["CHN", "RUS"], "reporter").empty


def test_the_mirror_matrix_shows_the_partners_figure_in_the_states_row(trade):
    mirror = matrix(trade, 2024, ["CHN", "RUS", "IND", "KAZ"], "partner")
    assert _cells(mirror) == {
        ("RUS", "CHN"): ("partner", CUSTOMS_CHN, 240), ("IND", "CHN"): ("partner", IMF, 120),
        ("KAZ", "CHN"): ("partner", CUSTOMS_CHN, 41), ("CHN", "RUS"): ("partner", RUSSIA, 228)}


def test_the_best_figure_is_the_states_own_else_the_mirror(trade):
    best = _cells(matrix(trade, 2024, ["CHN", "RUS", "IND", "KAZ"]))
    assert best[("CHN", "RUS")] == ("reporter", CUSTOMS_CHN, 240) and best[("RUS", "CHN")][0] == "reporter"
    assert best[("KAZ", "CHN")] == ("partner", CUSTOMS_CHN, 41) and best[("IND", "CHN")] == ("partner", IMF, 120)
    # 2015: only China's figures: Russia's row takes China's ministry figure, not China's officials'.
    assert _cells(matrix(trade, 2015, ["CHN", "RUS"])) == {("CHN", "RUS"): ("reporter", MOFCOM, 68),
                                                          ("RUS", "CHN"): ("partner", MOFCOM, 68)}


def test_statements_fill_a_cell_only_when_no_statistics_exist():
    frame = prepare_trade(pd.DataFrame([row(2021, "CHN", "RUS", 150, OFFICIALS_CHN), row(2021, "RUS", "CHN", 140,
                                        "Officials of Russia"), row(2021, "CHN", "KAZ", 20, IMF)]))
    assert _cells(matrix(frame, 2021, ["CHN", "RUS", "KAZ"])) == {
        ("CHN", "RUS"): ("reporter_statement", OFFICIALS_CHN, 150),
        ("RUS", "CHN"): ("reporter_statement", "Officials of Russia", 140),
        ("CHN", "KAZ"): ("reporter", IMF, 20), ("KAZ", "CHN"): ("partner", IMF, 20)}
    assert matrix(frame, 2021, ["CHN", "RUS"], "reconciled").empty


def test_growth_compares_a_series_with_itself(trade):
    cells = growth(trade, 2015, 2024, ["CHN", "RUS"])
    # China's own figures: 68 (ministry, the best of 2015) to 240 (customs); the IMF's 60 to 230 is not shown.
    assert [(r.reporter_iso3, r.partner_iso3, r.family, r.base_value_usd / 1e9, r.value_usd / 1e9)
            for r in cells.itertuples()] == [("CHN", "RUS", "release", 68, 240)]
    assert cells["ratio"].iloc[0] == pytest.approx(240 / 68)
    assert growth(trade, 2015, 2024, ["RUS", "KAZ"]).empty  # no base year for Russia's or Kazakhstan's series


def test_the_flow_map_draws_pairs_between_capitals_with_the_best_figure(trade):
    lines, shown = flows_for_map(trade, 2024, CITIES)
    drawn = {r.pair: (r.a, r.b, r.lat_a, r.lon_a, r.lat_b, r.lon_b, r.value_usd / 1e9) for r in lines.itertuples()}
    assert drawn == {"CHN-RUS": ("CHN", "RUS", 39.9, 116.4, 55.8, 37.6, 240),
                     "CHN-IND": ("CHN", "IND", 39.9, 116.4, 28.6, 77.2, 120),
                     "CHN-KAZ": ("CHN", "KAZ", 39.9, 116.4, 51.2, 71.4, 41)}
    # Every figure for the drawn pairs, for the hover: Russia's 228 beside China's 240, the IMF's 230 and the
    # 245 China's officials gave.
    assert sorted(shown.loc[shown["pair"] == "CHN-RUS", "value_usd"] / 1e9) == [228, 230, 240, 245]
    assert set(shown["pair"]) == set(drawn)
    assert flows_for_map(trade, 1999, CITIES)[0].empty


def test_coverage_lists_years_with_and_without_a_calendar_total(trade):
    table = coverage(trade, range(2014, 2025))
    rows = {(r.pair, r.reporter_iso3): (r.years, r.covered, r.missing) for r in table.itertuples()}
    assert rows == {
        ("CHN-RUS", "CHN"): (2, "2015, 2024", "2014, 2016-2023"),
        ("CHN-RUS", "RUS"): (1, "2024", "2014-2023"),
        ("CHN-IND", "CHN"): (1, "2024", "2014-2023"),
        ("CHN-KAZ", "CHN"): (1, "2024", "2014-2023"),
        ("ATA-CHN", "CHN"): (1, "2024", "2014-2023")}
    assert list(table["pair"])[:1] == ["CHN-RUS"] and list(table["pair"])[1:] == sorted(table["pair"][1:])


def test_pairs_are_offered_best_covered_first(trade):
    # Rows per pair: China-Russia 7 (with Russia's own), China-Kazakhstan 3 (a computed total), India 2, ATA 1.
    assert pair_options(trade) == ["CHN-RUS", "CHN-KAZ", "CHN-IND", "ATA-CHN"]


def test_a_share_is_one_reporters_figure_over_its_own_world_total():
    from sco.trade import shares
    imf = prepare_trade(pd.DataFrame([
        row(2019, "KGZ", "CHN", 1, IMF, "exports"), row(2019, "KGZ", "CHN", 3, IMF, "imports"),
        row(2019, "KGZ", "RUS", 2, IMF), row(2019, "CHN", "KGZ", 9, IMF),  # China's own figure is not Kyrgyzstan's
        row(2019, "KGZ", "CHN", 7, CUSTOMS_CHN)]))  # nor a figure of another family
    indicators = pd.DataFrame({"iso3": ["KGZ"] * 3, "year": [2019] * 3, "value_usd": [6e9, 10e9, 40e9],
                               "indicator": ["exports_world", "imports_world", "gdp"]})
    frame = shares(imf, indicators, "KGZ", ["CHN", "SCO"], {2019: {"KGZ", "CHN", "RUS"}})
    assert [(r.partner, r.year, r.value_usd / 1e9, r.share_of_trade, r.share_of_gdp) for r in frame.itertuples()] == [
        ("CHN", 2019, 4, 0.25, 0.1), ("SCO", 2019, 6, 0.375, 0.15)]
    assert shares(imf, indicators, "KGZ", ["CHN"], {}).pipe(len) == 1
    assert shares(imf, indicators.iloc[0:0], "KGZ", ["CHN"], {}).empty  # no world total: no share


def test_a_gap_is_listed_with_why_it_is_missing():
    from sco.trade import gaps
    frame = prepare_trade(pd.DataFrame([row(2020, "CHN", "RUS", 1, IMF), row(2022, "RUS", "CHN", 1, RUSSIA)]))
    found = gaps(frame, ("CHN", "RUS"), range(2019, 2026))
    assert [(r.pair, r.years, r.reason, r.missing) for r in found.itertuples()] == [
        ("CHN-RUS", 2, "gap_dots", "2019"), ("CHN-RUS", 2, "gap_none", "2021, 2024"),
        ("CHN-RUS", 2, "gap_baci", "2023"), ("CHN-RUS", 2, "gap_2025", "2025")]


def test_the_mirror_gap_compares_each_sides_own_statistics(trade):
    from sco.trade import mirror_gap
    # 2024: China's customs 240 against Russia's customs 228 (China's officials' 245 and the IMF's 230 are not
    # China's best statistics): 12 / 240 = 5 %. 2015: only China's figures, so no gap.
    gaps = mirror_gap(trade, "CHN-RUS")
    assert [(r.year, r.value_a / 1e9, r.value_b / 1e9, r.gap) for r in gaps.itertuples()] == [(2024, 240, 228, 0.05)]
    assert mirror_gap(trade, "CHN-KAZ").empty
