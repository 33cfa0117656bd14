"""Who held which status when: the questions the membership and summits views answer."""
from datetime import date

import pytest

from sco.membership import count_by_status, headlines, statuses_by_year, statuses_on, summits_by_city


@pytest.mark.parametrize("on,members", [
    (date(2001, 6, 14), 0), (date(2001, 6, 15), 6), (date(2017, 6, 8), 6), (date(2017, 6, 9), 8),
    (date(2023, 7, 4), 9), (date(2024, 7, 1), 9), (date(2024, 7, 4), 10), (date(2024, 7, 5), 10)])
def test_members_on_a_date(data, on, members):
    assert count_by_status(data["membership"], on).get("member", 0) == members


def test_belarus_is_the_tenth_member(data):
    before = set(statuses_on(data["membership"], date(2024, 7, 3)).query("status == 'member'")["iso3"])
    after = set(statuses_on(data["membership"], date(2024, 7, 4)).query("status == 'member'")["iso3"])
    assert after - before == {"BLR"}


def test_tianjin_replaced_observers_and_dialogue_partners(data):
    after = count_by_status(data["membership"], date(2025, 9, 1))
    assert "observer" not in after and "dialogue_partner" not in after and after["partner"] > 10


def test_one_status_per_state_on_any_date(data):
    for year in range(2001, 2027):
        on = statuses_on(data["membership"], date(year, 7, 1))
        assert not on["iso3"].duplicated().any()


def test_statuses_by_year_stops_today(data):
    by_year = statuses_by_year(data["membership"], 2001, date(2024, 7, 5))
    assert by_year["year"].max() == 2024
    assert (by_year.query("year == 2024 and status == 'member'")["iso3"].nunique()) == 10


def test_headlines(data):
    head = headlines(data["membership"], data["summits"], date(2026, 1, 1))
    assert head.members_today == 10
    assert head.newest_member[0] == "BLR" and head.newest_member[1].date() == date(2024, 7, 4)
    assert len(head.founders) == 6
    assert head.latest_summit["city"] == "Tianjin"


def test_latest_summit_is_in_the_past(data):
    head = headlines(data["membership"], data["summits"], date(2024, 7, 2))
    assert head.latest_summit["start_date"].year == 2023


def test_summits_by_city_counts_every_summit(data):
    by_city = summits_by_city(data["summits"], data["cities"])
    assert by_city["summits"].sum() == len(data["summits"])
    assert by_city["lat"].notna().all()
