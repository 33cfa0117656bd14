"""The date each table last changed is recorded in data/versions.csv and kept true by one command."""
from datetime import date

from sco.versions import VERSIONS_FILE, main, read_versions, record, unrecorded
from tests.conftest import DATA, append_row


def test_the_committed_record_matches_every_table():
    assert unrecorded(DATA) == [], "a table changed without its date: run python -m sco.versions"
    assert set(read_versions(DATA)) == {"cities", "meetings", "membership", "summits", "trade"}


def test_an_edited_table_gets_todays_date_and_the_others_keep_theirs(data_copy):
    before = read_versions(data_copy)
    append_row(data_copy, "summits.csv", {"number": "99"})
    assert unrecorded(data_copy) == ["summits"]
    assert main([str(data_copy), "--check"]) == 1
    assert record(data_copy, date(2027, 1, 2)) == ["summits"]
    after = read_versions(data_copy)
    assert after["summits"].changed == date(2027, 1, 2) and after["summits"].sha256 != before["summits"].sha256
    assert {n: v for n, v in after.items() if n != "summits"} == {n: v for n, v in before.items() if n != "summits"}
    assert unrecorded(data_copy) == [] and main([str(data_copy), "--check"]) == 0


def test_a_folder_without_a_record_has_every_table_unrecorded(data_copy):
    (data_copy / VERSIONS_FILE).unlink()
    assert read_versions(data_copy) == {}
    assert sorted(unrecorded(data_copy)) == ["cities", "meetings", "membership", "summits", "trade"]
