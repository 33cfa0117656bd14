"""Headlines, statuses and host cities from the curated data, with the answers written out from the sources."""
from datetime import date

import pandas as pd

from sco.membership import accessions, headlines, statuses_by_year, statuses_on, summits_by_city


def test_headlines_of_the_overview(data):
    head = headlines(data["membership"], data["summits"], date(2026, 1, 1))
    # Founded 15 June 2001 by six states; India and Pakistan joined 9 June 2017, Iran 4 July 2023, Belarus 4 July 2024.
    assert head.founded == pd.Timestamp("2001-06-15")
    assert sorted(head.founders) == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert [(iso3, day.date().isoformat()) for iso3, day in head.later_members] == [
        ("IND", "2017-06-09"), ("PAK", "2017-06-09"), ("IRN", "2023-07-04"), ("BLR", "2024-07-04")]
    assert head.newest_member == ("BLR", pd.Timestamp("2024-07-04"))
    assert (head.members_today, head.others_today) == (10, 17)
    assert (head.latest_summit["city"], head.latest_summit["start_date"]) == ("Tianjin", pd.Timestamp("2025-08-31"))


def test_headlines_on_the_day_belarus_joined(data):
    head = headlines(data["membership"], data["summits"], date(2024, 7, 4))
    assert head.members_today == 10
    assert head.latest_summit["city"] == "Astana"  # the summit of 3-4 July 2024 had begun


def test_headlines_the_day_before(data):
    head = headlines(data["membership"], data["summits"], date(2024, 7, 2))
    assert head.members_today == 9
    assert (head.latest_summit["city"], head.latest_summit["start_date"].year) == ("New Delhi", 2023)


def test_headlines_without_summits(data):
    assert headlines(data["membership"], None, date(2026, 1, 1)).latest_summit is None


def test_accessions_are_the_later_members_in_order(data):
    assert list(accessions(data["membership"])["iso3"]) == ["IND", "PAK", "IRN", "BLR"]


def test_statuses_are_ordered_members_first_then_by_code(data):
    on = statuses_on(data["membership"], date(2024, 7, 5))
    members = on[on["status"] == "member"]["iso3"].tolist()
    assert members == ["BLR", "CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
    assert on["status"].tolist()[:10] == ["member"] * 10 and "member" not in on["status"].tolist()[10:]


def test_status_at_the_end_of_each_year_and_today(data):
    by_year = statuses_by_year(data["membership"], 2016, date(2024, 3, 1))
    members = by_year[by_year["status"] == "member"].groupby("year")["iso3"].nunique().to_dict()
    assert members == {2016: 6, 2017: 8, 2018: 8, 2019: 8, 2020: 8, 2021: 8, 2022: 8, 2023: 9, 2024: 9}
    assert statuses_by_year(data["membership"], 2025, date(2024, 3, 1)).empty


def test_host_cities_busiest_first_with_their_years(data):
    by_city = summits_by_city(data["summits"], data["cities"])
    astana = by_city[by_city["city"] == "Astana"].iloc[0]
    assert (astana["summits"], astana["years"], astana["host_iso3"]) == (4, "2005, 2011, 2017, 2024", "KAZ")
    assert by_city["summits"].tolist() == sorted(by_city["summits"], reverse=True)
    assert by_city["summits"].sum() == 30
