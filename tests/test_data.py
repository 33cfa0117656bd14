"""The loader: the curated data is valid, and each rule catches what it is for, naming file, row and column."""
import subprocess
import sys

import pytest

from sco.data import load_dataset
from sco.schema import RULES, TABLES
from tests.conftest import ROOT, append_row, rewrite_cell


def test_curated_data_is_valid():
    dataset = load_dataset()
    assert dataset.violations == []
    assert set(dataset.tables) >= {"membership", "summits", "cities"}


def test_every_row_resolves_to_an_absolute_source_url():
    data = load_dataset()
    for name, frame in data.tables.items():
        if name == "coverage":  # statements of the project's own searches: `searched` names where it looked
            assert frame["searched"].str.len().gt(40).all()
        elif "source_id" in frame:  # an imported row: through sources.csv, to one file at one commit
            urls = frame["source_id"].map(data["sources"].set_index("source_id")["url"])
            assert urls.str.match(r"^https://github\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}/.+").all(), name
        else:
            column = "url" if name == "sources" else "source_url"
            assert frame[column].str.match(r"^https?://[^/]+/.+").all(), name


# (file, line, column, bad value, rule) — one broken cell per rule.
CELL_CASES = [
    ("membership.csv", 2, "iso3", "XYZ", "iso3"),
    ("membership.csv", 3, "start_date", "2001-13-40", "date"),
    ("membership.csv", 3, "start_date", "15/06/2001", "date"),
    ("membership.csv", 4, "status", "friend", "choice"),
    ("membership.csv", 5, "source_url", "www.example.org/page", "url"),
    ("membership.csv", 5, "source_url", "javascript:alert(1)", "url"),
    ("membership.csv", 6, "source_title", "", "required"),
    ("cities.csv", 2, "lat", "north", "number"),
    ("cities.csv", 2, "lat", "95", "range"),
    ("cities.csv", 3, "geonameid", "12.5", "int"),
    ("summits.csv", 2, "format", "telepathy", "choice"),
    ("trade.csv", 2, "source", "Chinese customs", "known_source"),
]


@pytest.mark.parametrize("file,line,column,value,rule", CELL_CASES)
def test_broken_cell_is_named(data_copy, file, line, column, value, rule):
    rewrite_cell(data_copy, file, line, column, value)
    dataset = load_dataset(data_copy)
    found = [(v.file, v.row, v.column, v.rule) for v in dataset.violations]
    assert (file, line, column, rule) in found
    assert file.removesuffix(".csv") not in dataset.tables  # withheld whole, not trimmed
    message = str(next(v for v in dataset.violations if v.rule == rule))
    assert file in message and f"row {line}" in message and column in message


def test_end_before_start(data_copy):
    rewrite_cell(data_copy, "membership.csv", 8, "end_date", "2000-01-01")
    rules = {(v.row, v.rule) for v in load_dataset(data_copy).violations}
    assert (8, "end_before_start") in rules


def test_overlapping_intervals(data_copy):
    line = append_row(data_copy, "membership.csv", {
        "iso3": "IND", "status": "observer", "start_date": "2010-01-01", "end_date": "2011-01-01",
        "source_title": "t", "source_url": "https://example.org/a"})
    assert (line, "overlap") in {(v.row, v.rule) for v in load_dataset(data_copy).violations}


def test_adjacent_intervals_do_not_overlap():
    # India: observer until 2017-06-09, member from 2017-06-09; that is a hand-over, not an overlap.
    membership = load_dataset()["membership"]
    india = membership[membership["iso3"] == "IND"].sort_values("start_date")
    assert india["end_date"].iloc[0] == india["start_date"].iloc[1]


def test_duplicate_row(data_copy):
    import csv
    rows = list(csv.reader((data_copy / "summits.csv").open(encoding="utf-8")))
    line = append_row(data_copy, "summits.csv", dict(zip(rows[0], rows[1])))
    assert (line, "duplicate") in {(v.row, v.rule) for v in load_dataset(data_copy).violations}


def test_unknown_city(data_copy):
    rewrite_cell(data_copy, "summits.csv", 2, "city", "Atlantis")
    assert (2, "city", "unknown_city") in {(v.row, v.column, v.rule) for v in load_dataset(data_copy).violations}


def test_city_must_match_country(data_copy):
    rewrite_cell(data_copy, "summits.csv", 2, "host_iso3", "RUS")  # Shanghai is not in Russia
    assert "unknown_city" in {v.rule for v in load_dataset(data_copy).violations}


def test_missing_column(data_copy):
    path = data_copy / "summits.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("host_iso3", "host"), encoding="utf-8")
    assert ("host_iso3", "missing_column") in {(v.column, v.rule) for v in load_dataset(data_copy).violations}


def test_missing_file(data_copy):
    (data_copy / "membership.csv").unlink()
    dataset = load_dataset(data_copy)
    assert [v.rule for v in dataset.violations] == ["missing_file"]
    assert "summits" in dataset.tables  # the other tables still load


def test_empty_file(data_copy):
    (data_copy / "summits.csv").write_text("", encoding="utf-8")
    assert "empty" in {v.rule for v in load_dataset(data_copy).violations}


def test_wrong_encoding(data_copy):
    (data_copy / "membership.csv").write_bytes("iso3,status\nRUS,miembro ñ\n".encode("latin-1"))
    assert "unreadable" in {v.rule for v in load_dataset(data_copy).violations}


def test_ragged_row(data_copy):
    with (data_copy / "summits.csv").open("a", encoding="utf-8") as handle:
        handle.write("2030-01-01,2030-01-02,Shanghai\n")
    assert "unreadable" in {v.rule for v in load_dataset(data_copy).violations}


def test_huge_file(data_copy, monkeypatch):
    import sco.data
    monkeypatch.setattr(sco.data, "MAX_FILE_BYTES", 100)
    assert "too_large" in {v.rule for v in load_dataset(data_copy).violations}


def test_every_known_source_has_a_kind():
    from sco.schema import AUTHORITIES, AUTHORITY_KINDS
    for name, authority in AUTHORITIES.items():
        assert authority.kind in AUTHORITY_KINDS, name
        assert (authority.iso3 is None) == (authority.kind in ("international", "reconciled", "press", "research")), name


def test_every_rule_has_a_failing_case():
    from tests.test_releases import RECORD_CASES
    from tests.test_violations import CASES, OTHER_CASES
    tested = {case[-1] for case in CELL_CASES} | {v.rule for _, expected in CASES.values() for v in expected} | set(
        OTHER_CASES) | {expected[-1] for _, expected in RECORD_CASES}
    assert tested == set(RULES)


def test_data_dir_from_environment(data_copy, monkeypatch):
    from sco.data import data_dir
    monkeypatch.setenv("SCO_DATA_DIR", str(data_copy))
    assert data_dir() == data_copy


def test_check_command_lists_every_violation(data_copy):
    rewrite_cell(data_copy, "membership.csv", 2, "iso3", "XYZ")
    rewrite_cell(data_copy, "summits.csv", 3, "start_date", "1997-02-30")
    result = subprocess.run([sys.executable, "-m", "sco.check", str(data_copy)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "membership.csv, row 2, column 'iso3': value 'XYZ' breaks rule 'iso3'" in result.stdout
    assert "summits.csv, row 3, column 'start_date'" in result.stdout


def test_check_command_passes_on_curated_data():
    result = subprocess.run([sys.executable, "-m", "sco.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_data_dictionary_is_generated_from_schema():
    from sco.docs import README, data_dictionary
    assert README.read_text(encoding="utf-8") == data_dictionary(), "run: python -m sco.docs"
    for table in TABLES.values():
        for column in table.columns:
            assert f"`{column.name}`" in data_dictionary()


# Boundaries of the ranges: the last value allowed on each side, and the first one refused.
@pytest.mark.parametrize("file,line,column,value,allowed", [
    ("cities.csv", 2, "lat", "90", True), ("cities.csv", 2, "lat", "90.0001", False),
    ("cities.csv", 2, "lat", "-90", True), ("cities.csv", 2, "lat", "-90.5", False),
    ("cities.csv", 2, "lon", "180", True), ("cities.csv", 2, "lon", "-180.01", False),
    ("trade.csv", 2, "year", "1940", True), ("trade.csv", 2, "year", "1939", False),
    ("trade.csv", 2, "year", "2100", True), ("trade.csv", 2, "year", "2101", False),
    ("trade.csv", 2, "value_usd", "0", True), ("trade.csv", 2, "value_usd", "-1", False),
    ("trade.csv", 2, "value_usd", "999999999999", True), ("trade.csv", 2, "value_usd", "1000000000001", False),
    ("trade.csv", 2, "value_usd", "nan", False),
])
def test_range_boundaries(data_copy, file, line, column, value, allowed):
    rewrite_cell(data_copy, file, line, column, value)
    found = {(v.file, v.row, v.column, v.rule) for v in load_dataset(data_copy).violations}
    assert ((file, line, column, "range") not in found) is allowed
    assert allowed or (file, line, column, "range") in found


def test_an_optional_column_may_be_left_out_of_the_file(data_copy):
    import csv
    path = data_copy / "trade.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c for c in rows[0] if c != "note"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    dataset = load_dataset(data_copy)
    assert dataset.violations == [] and len(dataset["trade"]) == len(rows)
    assert set(dataset["trade"]["note"]) == {""}


def test_an_extra_column_is_kept_out_of_the_way(data_copy):
    path = data_copy / "summits.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",curator_comment"] + [line + ",checked" for line in lines[1:]]) + "\n",
                    encoding="utf-8")
    dataset = load_dataset(data_copy)
    assert dataset.violations == [] and len(dataset["summits"]) == 30


def test_blank_lines_are_skipped_and_rows_keep_their_line_numbers(data_copy):
    path = data_copy / "summits.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:3] + ["", ",,,"] + lines[3:]) + "\n", encoding="utf-8")
    rewrite_cell(data_copy, "summits.csv", 7, "format", "telepathy")  # the 4th data row, after the blank lines
    dataset = load_dataset(data_copy)
    assert [(v.row, v.column, v.rule) for v in dataset.violations] == [(7, "format", "choice")]


def test_a_table_saved_by_excel_reads_as_before(data_copy):
    # Excel's "CSV UTF-8": a byte-order mark and CRLF line ends.
    for name in ("membership.csv", "trade.csv"):
        path = data_copy / name
        path.write_bytes(path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8-sig"))
    saved, original = load_dataset(data_copy), load_dataset()
    assert saved.violations == []
    for name in ("membership", "trade"):
        assert saved[name].equals(original[name])


def test_a_row_after_a_cell_spanning_lines_is_named_by_its_own_line(data_copy):
    rewrite_cell(data_copy, "summits.csv", 2, "note", "first line\nsecond line")
    rewrite_cell(data_copy, "summits.csv", 3, "format", "telepathy")  # the second data row now starts on line 4
    assert [(v.row, v.rule) for v in load_dataset(data_copy).violations] == [(4, "choice")]


def test_every_member_has_exactly_one_capital_where_trade_flows_are_drawn_from(data):
    # Astana is also listed as Nur-Sultan (its name in 2019-2022, for the meetings of those years): one capital row.
    capitals = data["cities"][data["cities"]["capital"] == "yes"]
    members = set(data["membership"].loc[data["membership"]["status"] == "member", "iso3"])
    assert capitals["iso3"].is_unique and set(capitals["iso3"]) == members
    assert capitals.set_index("iso3").at["KAZ", "city"] == "Astana"
