"""Meetings counted by pair, place and year, on a handful of rows whose answers are written out by hand."""
from datetime import date

import pandas as pd
import pytest

from sco.meetings import (MeetingFilter, count_by_pair, count_by_place, count_by_place_and_year, count_by_year,
                          countries_in, filter_meetings, pair_name, pairs_in, with_pairs)


def meeting(day, a, b, city="", host="", fmt="in_person"):
    return dict(date=pd.Timestamp(day), iso3_a=a, iso3_b=b, city=city, host_iso3=host, format=fmt)


@pytest.fixture(scope="module")
def meetings():
    return with_pairs(pd.DataFrame([
        meeting("2022-09-15", "CHN", "RUS", "Samarkand", "UZB"),
        meeting("2022-09-15", "RUS", "TUR", "Samarkand", "UZB"),
        meeting("2022-09-16", "KAZ", "RUS", "Samarkand", "UZB"), meeting("2023-03-21", "RUS", "CHN", "Moscow", "RUS"),
        meeting("2023-12-30", "CHN", "RUS", fmt="virtual"), meeting("2024-07-03", "CHN", "RUS", "Astana", "KAZ"),
        meeting("2024-07-03", "KAZ", "RUS", "Astana", "KAZ"), meeting("2024-10-22", "IND", "CHN", "Kazan", "RUS"),
        meeting("2021-02-01", "CHN", "RUS", fmt="phone"),
    ]))


CITIES = pd.DataFrame({"city": ["Samarkand", "Moscow", "Astana"], "iso3": ["UZB", "RUS", "KAZ"],
                       "lat": [39.65, 55.75, 51.18], "lon": [66.96, 37.62, 71.45]})


def test_filter_keeps_the_period_the_countries_and_the_rule(meetings):
    first, last = date(2022, 9, 15), date(2024, 7, 3)
    kept = filter_meetings(meetings, MeetingFilter(first, last, ("KAZ", "TUR"), "in_person"))
    assert [(d.date().isoformat(), p) for d, p in zip(kept["date"], kept["pair"])] == [
        ("2022-09-15", "RUS-TUR"), ("2022-09-16", "KAZ-RUS"), ("2024-07-03", "KAZ-RUS")]
    assert len(filter_meetings(meetings, MeetingFilter(first, last, (), "in_person"))) == 6
    assert len(filter_meetings(meetings, MeetingFilter(first, last, (), "in_person_video"))) == 7
    assert len(filter_meetings(meetings, MeetingFilter(date(2021, 1, 1), last, (), "all_contacts"))) == 8
    assert len(filter_meetings(meetings, MeetingFilter(date(2022, 9, 16), date(2022, 9, 16)))) == 1


def test_pairs_most_frequent_first_then_the_latest(meetings):
    table = count_by_pair(meetings)
    assert [(r.pair, r.meetings, r.latest.date().isoformat()) for r in table.itertuples()] == [
        ("CHN-RUS", 5, "2024-07-03"), ("KAZ-RUS", 2, "2024-07-03"), ("CHN-IND", 1, "2024-10-22"),
        ("RUS-TUR", 1, "2022-09-15")]
    assert count_by_pair(meetings.iloc[0:0]).empty


def test_places_with_their_pairs_and_the_meetings_without_a_mapped_place(meetings):
    # Pairs at a place: the most frequent first, ties in alphabetical order.
    places, unplaced = count_by_place(meetings, CITIES)
    assert [(r.city, r.host_iso3, r.format, r.meetings, r.pairs, r.lat, r.lon) for r in places.itertuples()] == [
        ("Astana", "KAZ", "in_person", 2, "CHN-RUS (1), KAZ-RUS (1)", 51.18, 71.45),
        ("Moscow", "RUS", "in_person", 1, "CHN-RUS (1)", 55.75, 37.62),
        ("Samarkand", "UZB", "in_person", 3, "CHN-RUS (1), KAZ-RUS (1), RUS-TUR (1)", 39.65, 66.96)]
    assert unplaced == 3  # a video call, a phone call, and Kazan (not in the cities table)


def test_a_busy_place_lists_its_five_most_frequent_pairs():
    many = with_pairs(pd.DataFrame(
        [meeting("2024-07-03", "RUS", partner, "Astana", "KAZ")
         for partner in ("CHN", "TUR", "AZE", "MNG", "PAK", "KAZ")]
        + [meeting("2024-07-04", "RUS", "KAZ", "Astana", "KAZ")]))
    places, unplaced = count_by_place(many, CITIES)
    # The most frequent first, ties in alphabetical order; the sixth pair is counted, not named.
    assert places["pairs"].iloc[0] == "KAZ-RUS (2), AZE-RUS (1), CHN-RUS (1), MNG-RUS (1), PAK-RUS (1) … +1"
    assert places["meetings"].iloc[0] == 7 and unplaced == 0


def test_every_year_of_the_range_appears_even_with_no_meeting(meetings):
    table = count_by_year(meetings[meetings["format"] == "in_person"])
    counts = {(r.year, r.format): r.meetings for r in table.itertuples()}
    assert counts == {(2022, "in_person"): 3, (2023, "in_person"): 1, (2024, "in_person"): 3}
    calls = count_by_year(meetings[meetings["pair"] == "CHN-RUS"])
    assert sorted(set(calls["year"])) == [2021, 2022, 2023, 2024]
    assert {(r.year, r.format): r.meetings for r in calls.itertuples() if r.meetings} == {
        (2021, "phone"): 1, (2022, "in_person"): 1, (2023, "in_person"): 1, (2023, "virtual"): 1,
        (2024, "in_person"): 1}
    assert count_by_year(meetings.iloc[0:0]).empty


def test_places_year_by_year(meetings):
    table = count_by_place_and_year(meetings, CITIES)
    assert sorted((r.year, r.city, r.meetings) for r in table.itertuples()) == [
        (2022, "Samarkand", 3), (2023, "Moscow", 1), (2024, "Astana", 2)]


def test_countries_pairs_and_their_names(meetings):
    assert countries_in(meetings) == ["CHN", "IND", "KAZ", "RUS", "TUR"]
    assert pairs_in(meetings) == ["CHN-IND", "CHN-RUS", "KAZ-RUS", "RUS-TUR"]
    assert pair_name("CHN-RUS", "es") == "China – Rusia" and pair_name("KAZ-RUS", "en") == "Kazakhstan – Russia"


def test_a_profile_counts_each_counterpart_and_orders_trade_partners(meetings):
    from sco.profile import build_profile
    membership = pd.DataFrame({"iso3": ["KAZ", "KAZ"], "status": ["observer", "member"],
                               "start_date": pd.to_datetime(["2000-01-01", "2001-06-15"]),
                               "end_date": pd.to_datetime(["2001-06-15", None])})
    trade = pd.DataFrame({"reporter_iso3": ["KAZ", "CHN", "CHN", "RUS", "KAZ"],
                          "partner_iso3": ["CHN", "KAZ", "RUS", "KAZ", "CHN"],
                          "pair": ["CHN-KAZ", "CHN-KAZ", "CHN-RUS", "KAZ-RUS", "CHN-KAZ"]})
    profile = build_profile("KAZ", {"membership": membership, "meetings": meetings, "trade": trade},
                            date(2024, 1, 1))
    assert profile.current_status["status"] == "member" and len(profile.statuses) == 2
    assert [(r.counterpart, r.meetings) for r in profile.counterparts.itertuples()] == [("RUS", 2)]
    assert len(profile.meetings) == 2 and profile.summits_hosted.empty
    assert profile.trade_pairs == ["CHN-KAZ", "KAZ-RUS"]  # three figures with China, one with Russia
