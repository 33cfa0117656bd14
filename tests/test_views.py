"""Views: what a page shows for one choice of filters, computed from whole tables."""
from datetime import date

import pandas as pd
import pytest

from sco import views
from sco.meetings import MeetingFilter, filter_meetings, pair_key
from sco.membership import statuses_on


@pytest.fixture(scope="module")
def d(app_tables):
    return app_tables


def test_membership_on_a_date_counts_and_maps_the_same_states(d):
    on = views.membership_on(d["membership"], date(2024, 7, 5), "es")
    assert on.counts["member"] == 10
    mapped = on.map["datasets"][on.map["layer"][1]["transform"][0]["from"]["data"]["name"]]
    assert sorted(r["iso3"] for r in mapped) == sorted(on.statuses["iso3"])
    assert len(on.table) == len(on.statuses) and on.table.iloc[0]["Estatus"] == "Miembro"
    assert "5 de julio de 2024" in on.map["title"]["text"]


def test_membership_history_table_lists_every_interval(d):
    history = views.membership_history(d["membership"], "en", date(2026, 1, 1))
    assert len(history.table) == len(d["membership"])
    assert history.states == d["membership"]["iso3"].nunique()


def test_meetings_view_of_russia_in_person_in_2024(d):
    # data/meetings.csv: 31 meetings in person with Russia in 2024, Belarus's 9 the most; 3 in places that are
    # no city (Valaam, a training ground), the others in cities on the map.
    chosen = MeetingFilter(date(2024, 1, 1), date(2024, 12, 31), ("RUS",), "in_person")
    view = views.meetings_view(d["meetings"], d["summits"], d["cities"], chosen, "en")
    assert view.count == len(view.table) == 31
    assert view.pairs[0] == "BLR-RUS"
    assert view.unplaced == 3
    placed = {(r["city"], r["format"]) for data in view.map["datasets"].values() for r in data if "area" in r}
    assert len(placed) == view.places == 8


def test_meetings_view_with_nothing_chosen_has_no_figures(d):
    chosen = MeetingFilter(date(2024, 1, 1), date(2024, 1, 2), ("BLR",), "in_person")
    view = views.meetings_view(d["meetings"], d["summits"], d["cities"], chosen, "en")
    assert view.count == 0 and view.map is None and view.table.empty


def test_pair_view_counts_one_pair(d):
    # China and Russia: every meeting of their leaders in person or by video, the latest on 4 February 2026;
    # 51 of them Putin and Xi's (data/meetings.csv), the others other presidents' and premiers' (China Vitae).
    chosen = MeetingFilter(date(2001, 1, 1), date(2026, 12, 31))
    one = views.pair_view(d["meetings"], d["trade"], chosen, pair_key("RUS", "CHN"), "en")
    rows = filter_meetings(d["meetings"], chosen)
    rows = rows[rows["pair"] == "CHN-RUS"]
    assert one.count == len(one.table) == len(rows) > 51
    putin_xi = rows["leader_a"].isin(["Xi Jinping", "Vladimir Putin"]) & rows["leader_b"].isin(
        ["Xi Jinping", "Vladimir Putin"])
    assert putin_xi.sum() == 51
    assert one.latest == pd.Timestamp("2026-02-04")


def test_summits_view_table_and_timeline_hold_every_summit(d):
    view = views.summits_view(d["summits"], d["cities"], d["membership"], "en")
    assert view.count == len(view.table) == len(d["summits"])
    assert sum(len(data) for data in view.timeline["datasets"].values()) == len(d["summits"])
    # What a summit decided comes from the membership table: Astana 2017 admitted India and Pakistan.
    astana = view.table[view.table["From"] == "2017-06-08"].iloc[0]
    assert astana["Membership decided"] == "India: Member; Pakistan: Member"


def test_summits_filtered_by_format_host_and_years(d):
    virtual = views.summits_view(d["summits"], d["cities"], d["membership"], "es", ("virtual",), (), 1990, 2100)
    assert virtual.count == 2 and set(virtual.table["Anfitrión"]) == {"Rusia", "India"}
    china = views.summits_view(d["summits"], d["cities"], d["membership"], "en", (), ("CHN",), 2010, 2025)
    assert list(china.table["City"]) == ["Beijing", "Qingdao", "Tianjin"]
    none = views.summits_view(d["summits"], d["cities"], d["membership"], "en", ("hybrid",), ("CHN",), 1990, 2100)
    assert none.count == 0 and none.map is None and none.table.empty


def test_trade_series_view_finds_china_crossing_200_billion_in_2023(d):
    view = views.trade_series_view(d["trade"], d["summits"], d["membership"], d["meetings"], ("CHN-RUS",), "total",
                                   "en")
    assert int(view.crossing["year"]) == 2023 and view.crossing["value_usd"] > 200e9
    assert view.count == len(view.table) > 25
    exports = views.trade_series_view(d["trade"], None, None, None, ("CHN-RUS",), "exports", "en")
    assert exports.crossing is None and exports.chart is not None


def test_trade_series_view_of_no_pair_is_empty(d):
    view = views.trade_series_view(d["trade"], d["summits"], d["membership"], d["meetings"], (), "total", "en")
    assert view.chart is None and view.count == 0 and view.table.empty


def test_trade_year_view_draws_the_members_at_the_end_of_that_year(d):
    in_2023 = views.trade_year_view(d["trade"], d["membership"], d["cities"], 2023, 2015, "es")
    def states(spec):
        return {r["col"] for data in spec["datasets"].values() for r in data if "col" in r}
    names = states(in_2023.matrix)
    assert {"India", "Irán", "China"} <= names and "Bielorrusia" not in names  # Belarus joined in July 2024
    assert "Bielorrusia" in states(views.trade_year_view(d["trade"], d["membership"], d["cities"], 2024, 2015,
                                                         "es").matrix)
    assert in_2023.flow_map["datasets"] and states(in_2023.growth)


def test_country_view_of_a_partner_without_meetings(d):
    meetings = d["meetings"][~d["meetings"]["pair"].str.contains("BHR")]
    view = views.country_view(d["membership"], meetings, d["trade"], d["summits"], "BHR", "en", date(2026, 1, 1))
    assert view.meetings_per_year is None and view.counterparts.empty
    assert len(view.statuses) == (d["membership"]["iso3"] == "BHR").sum() > 0


def test_known_sources_count_every_row_of_the_file_once(d):
    table = views.known_sources(d["trade"], "es")
    assert table["Filas"].sum() == (d["trade"]["basis"] == "reported").sum()
    customs = table[table["De quién es la cifra"] == "Administración General de Aduanas de China"].iloc[0]
    assert customs["Tipo de fuente"] == "Servicio de aduanas" and customs["País"] == "China"


def test_overview_map_links_each_state_to_its_profile_in_the_same_language(d):
    spec = views.overview_map(d["membership"], date(2026, 1, 1), "es")
    rows = [row for dataset in spec["datasets"].values() for row in dataset]
    kazakhstan = next(row for row in rows if row["iso3"] == "KAZ")
    assert kazakhstan["name"] == "Kazajistán" and kazakhstan["status"] == "Miembro"
    assert kazakhstan["profile"] == "country?country=KAZ&lang=es"
    assert len(rows) == len(statuses_on(d["membership"], date(2026, 1, 1)))
    assert "1 de enero de 2026" in spec["title"]["text"]


def test_a_leaders_year_and_a_summits_graph(d):
    chosen = MeetingFilter(date(2001, 1, 1), date(2026, 12, 31), rule="all_contacts")
    tokayev = views.leader_view(d["meetings"], chosen, "Kassym-Jomart Tokayev", 2024, "en")
    assert tokayev.iso3 == "KAZ" and tokayev.count == len(tokayev.table) > 0 and 2019 in tokayev.years
    assert set(tokayev.table["Date"].str[:4]) == {"2024"}
    choices = views.summit_choices(d["summits"], "en")
    assert list(choices)[0] == "2025-08-31" and "2020-11-10" not in choices  # newest first; virtual ones left out
    bishkek = views.summit_bilaterals_view(d["meetings"], d["summits"], "2019-06-13", "en")
    assert bishkek.count == len(bishkek.table) >= 20 and bishkek.network is not None
    assert set(bishkek.table["City"]) == {"Bishkek"}
