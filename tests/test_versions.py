"""The date each table last changed is recorded in data/versions.csv and kept true by one command."""
from datetime import date

from sco.schema import TABLES
from sco.versions import VERSIONS_FILE, main, read_versions, record, unrecorded
from tests.conftest import DATA, append_row


def test_the_committed_record_matches_every_table():
    assert unrecorded(DATA) == [], "a table changed without its date: run python -m sco.versions"
    assert set(read_versions(DATA)) == set(TABLES)


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
    assert sorted(unrecorded(data_copy)) == sorted(TABLES)


def test_the_command_records_and_says_what_changed(data_copy, monkeypatch, capsys):
    import sco.versions
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))

    class Today(date):
        @classmethod
        def today(cls):
            return date(2027, 3, 4)

    monkeypatch.setattr(sco.versions, "date", Today)
    append_row(data_copy, "cities.csv", {"city": "X"})
    assert main(["--check"]) == 1
    assert capsys.readouterr().err == (f"{data_copy / 'cities.csv'}: changed since versions.csv was written; "
                                       "run python -m sco.versions\n")
    assert main([]) == 0
    assert capsys.readouterr().out == "cities.csv: changed 2027-03-04\n"
    assert read_versions(data_copy)["cities"].changed == date(2027, 3, 4)
    assert main(["--check"]) == 0 and capsys.readouterr().err == ""


def test_the_command_explains_itself(capsys):
    import pytest
    with pytest.raises(SystemExit):
        main(["--help"])
    usage = capsys.readouterr().out
    assert usage.startswith("usage: python -m sco.versions [-h] [--check] [folder]")
    assert "When each table last changed, recorded in the repository itself" in usage
    assert "only report tables changed but not recorded" in usage


def test_the_cache_key_of_the_data_follows_each_file(data_copy):
    from sco.data import table_fingerprint
    before = dict((entry[0], entry) for entry in table_fingerprint(data_copy))
    append_row(data_copy, "summits.csv", {"city": "X"})
    (data_copy / "cities.csv").unlink()
    after = dict((entry[0], entry) for entry in table_fingerprint(data_copy))
    assert after["cities.csv"] == ("cities.csv",)
    assert after["summits.csv"][1] > before["summits.csv"][1]
    assert {k: v for k, v in after.items() if k not in ("cities.csv", "summits.csv")} == {
        k: v for k, v in before.items() if k not in ("cities.csv", "summits.csv")}
