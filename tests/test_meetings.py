"""Leader meetings: the record analysts check first, and the counting helpers."""
from collections import Counter
from datetime import date

import pandas as pd

from sco import figures
from sco.meetings import (COUNTING_RULES, MeetingFilter, count_by_pair, count_by_place, count_by_year,
                          filter_meetings, pair_key, with_pairs)


ALL_TIME = (date(2000, 1, 1), date(2030, 1, 1))


def test_pair_key_ignores_order():
    assert pair_key("RUS", "CHN") == pair_key("CHN", "RUS") == "CHN-RUS"


def test_no_meeting_is_recorded_twice_in_reversed_order(meetings):
    leaders = [" | ".join(sorted(p)) for p in zip(meetings["leader_a"], meetings["leader_b"])]
    assert not meetings.assign(leaders=leaders).duplicated(subset=["date", "pair", "leaders"]).any()


def test_putin_xi_met_every_year_2013_to_2025(meetings):
    contacts = filter_meetings(meetings, MeetingFilter(*ALL_TIME, rule="all_contacts"))
    contacts = contacts[contacts["pair"] == "CHN-RUS"]
    assert set(range(2013, 2026)) <= set(contacts["year"])
    in_person = contacts[contacts["format"] == "in_person"]
    assert len(in_person) >= 40
    assert not {2020, 2021} & set(in_person["year"])  # the pandemic years: calls only


def test_putin_six_astana_bilaterals(meetings):
    day = date(2024, 7, 3)
    rows = filter_meetings(meetings, MeetingFilter(day, day, ("RUS",), "in_person"))
    partners = {a if b == "RUS" else b for a, b in zip(rows["iso3_a"], rows["iso3_b"])}
    assert partners == {"CHN", "TUR", "AZE", "MNG", "PAK", "KAZ", "BLR"}  # BLR: a conversation at the summit lunch
    assert set(rows["city"]) == {"Astana"}


def test_counting_rules_nest(meetings):
    formats = Counter(meetings["format"])
    counts = {r: len(filter_meetings(meetings, MeetingFilter(*ALL_TIME, rule=r)))
              for r in ("in_person", "in_person_video", "all_contacts")}
    assert counts == {"in_person": formats["in_person"], "in_person_video": formats["in_person"] + formats["virtual"],
                      "all_contacts": formats.total()} and set(counts) == set(COUNTING_RULES)
    assert 0 < formats["in_person"] < formats["in_person"] + formats["virtual"] < formats.total()


def test_calls_have_no_place_and_meetings_in_person_have_a_host(meetings):
    calls = meetings[meetings["format"] != "in_person"]
    assert calls["city"].isna().all() or (calls["city"].fillna("") == "").all()
    assert meetings.loc[meetings["format"] == "in_person", "host_iso3"].notna().all()


def test_count_by_place_accounts_for_every_meeting(data, meetings):
    dataset = data
    by_place, unplaced = count_by_place(meetings, dataset["cities"])
    assert by_place["meetings"].sum() + unplaced == len(meetings)


def test_count_by_year_shows_empty_years_as_zero():
    frame = with_pairs(pd.DataFrame({
        "date": pd.to_datetime(["2013-01-01", "2016-01-01"]), "iso3_a": ["CHN", "CHN"], "iso3_b": ["RUS", "RUS"],
        "format": ["in_person", "phone"]}))
    per_year = count_by_year(frame)
    assert sorted(per_year["year"].unique()) == [2013, 2014, 2015, 2016]
    assert per_year["meetings"].sum() == 2


def test_count_by_pair_orders_by_frequency(meetings):
    pairs = count_by_pair(meetings)
    assert pairs.iloc[0]["pair"] == "CHN-RUS"
    assert pairs["meetings"].is_monotonic_decreasing


def test_meeting_figures(data, meetings):
    dataset = data
    names = {p: p for p in meetings["pair"].unique()}

    def rows(spec):
        return [r for data in spec["datasets"].values() for r in data]
    timeline = figures.build_meetings_timeline(meetings, dataset["summits"], "es", names)
    points = [r for r in rows(timeline) if "who" in r]
    top = count_by_pair(meetings).head(figures.MAX_TIMELINE_PAIRS)
    assert len(points) == top["meetings"].sum()
    assert {r["row"] for r in rows(timeline) if "who" not in r} == {"Cumbre de la OCS"}  # the summits' own row
    network = figures.build_pair_network(count_by_pair(meetings), "en")
    drawn = count_by_pair(meetings).head(figures.MAX_NETWORK_PAIRS)
    assert len([r for r in rows(network) if "x2" in r]) == len(drawn)  # a line per pair
    assert {r["name"] for r in rows(network) if "name" in r} >= {"China", "Russia"}  # every node named
    by_place, _ = count_by_place(meetings, dataset["cities"])
    assert len(rows(figures.build_meetings_map(by_place, "en"))) == len(by_place)


def test_meetings_animation_has_a_frame_per_year(data, meetings):
    from sco.meetings import count_by_place_and_year
    by_year = count_by_place_and_year(meetings, data["cities"])
    fig = figures.build_meetings_animation(by_year, "en")
    assert [f.name for f in fig.frames] == [str(y) for y in sorted(by_year["year"].unique())]
    assert fig.layout.updatemenus[0].buttons[0].method == "animate"
    assert sum(len(f.data[0].lat) for f in fig.frames) == len(by_year)


def _rows(*meetings):
    columns = ["date", "iso3_a", "leader_a", "iso3_b", "leader_b", "city", "format", "occasion"]
    frame = pd.DataFrame([dict(zip(columns, m)) for m in meetings], columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return with_pairs(frame)


def test_leaders_are_counted_from_either_side_and_one_leaders_year_is_seen_from_that_side():
    from sco.meetings import count_by_leader, leader_meetings
    rows = _rows(("2024-07-03", "RUS", "Vladimir Putin", "KAZ", "Kassym-Jomart Tokayev", "Astana", "in_person", "o"),
                 ("2024-10-09", "KAZ", "Kassym-Jomart Tokayev", "RUS", "Vladimir Putin", "Moscow", "in_person", "o"),
                 ("2023-05-19", "CHN", "Xi Jinping", "KAZ", "Kassym-Jomart Tokayev", "Xi'an", "in_person", "o"))
    ranked = count_by_leader(rows)
    assert ranked.iloc[0][["leader", "iso3", "meetings", "counterparts"]].tolist() == [
        "Kassym-Jomart Tokayev", "KAZ", 3, 2]
    in_2024 = leader_meetings(rows, "Kassym-Jomart Tokayev", 2024)
    assert in_2024["counterpart"].tolist() == ["Vladimir Putin", "Vladimir Putin"]
    assert in_2024["city"].tolist() == ["Astana", "Moscow"]


def test_a_summits_bilaterals_are_those_in_its_city_from_the_eve_or_named_by_it():
    from sco.meetings import summit_meetings
    summit = pd.Series({"city": "Astana", "start_date": pd.Timestamp("2024-07-03"), "end_date": pd.Timestamp("2024-07-04")})
    rows = _rows(("2024-07-02", "RUS", "a", "KAZ", "b", "Astana", "in_person", "o"),  # the eve: on arrival
                 ("2024-07-04", "RUS", "a", "CHN", "c", "Astana", "in_person", "o"),
                 ("2024-07-05", "RUS", "a", "TUR", "d", "Astana", "in_person", "o"),  # after it
                 ("2024-07-03", "RUS", "a", "IND", "e", "Moscow", "in_person", "o"),  # elsewhere
                 ("2024-07-01", "RUS", "a", "PAK", "f", "", "phone", "SCO summit Astana 2024"))
    assert summit_meetings(rows, summit)["iso3_b"].tolist() == ["PAK", "KAZ", "CHN"]
