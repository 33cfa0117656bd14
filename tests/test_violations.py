"""Each kind of bad input gives exactly the violations a curator needs: file, row, column, value and rule."""
import pytest

from sco.data import Violation, load_dataset
from sco.schema import RULES, TABLES
from tests.conftest import DATA, append_row, rewrite_cell

MEETINGS_LINES = len((DATA / "meetings.csv").read_text(encoding="utf-8").splitlines())
TRADE_HEADER = "year,period,reporter_iso3,partner_iso3,flow,value_usd,source,source_title,source_url\n"
SUMMITS_HEADER = "start_date,end_date,city,host_iso3,format,body,note,source_title,source_url"


def _observer_again(folder):
    # India was an observer from 2005-07-05 to 2017-06-09: a second observer interval inside that one overlaps.
    append_row(folder, "membership.csv", {"iso3": "IND", "status": "observer", "start_date": "2010-01-01",
                                          "end_date": "2011-01-01", "source_title": "t",
                                          "source_url": "https://example.org/a"})


def _first_summit_twice(folder):
    line = (folder / "summits.csv").read_text(encoding="utf-8").splitlines()[1]
    with (folder / "summits.csv").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _ragged(folder):
    with (folder / "summits.csv").open("a", encoding="utf-8") as handle:
        handle.write("2030-01-01,2030-01-02,Shanghai\n")


CASES = {
    "end before start": (lambda f: rewrite_cell(f, "membership.csv", 8, "end_date", "2000-01-01"),
                         [Violation("membership.csv", 8, "end_date", "2000-01-01", "end_before_start")]),
    "overlap": (_observer_again, [Violation("membership.csv", 50, "start_date", "2010-01-01", "overlap")]),
    "duplicate": (_first_summit_twice,
                  [Violation("summits.csv", 32, "start_date,body", "1996-04-26 / shanghai_five", "duplicate")]),
    "ragged row": (_ragged, [Violation("summits.csv", 32, None, "3 fields, header has 9", "unreadable")]),
    "missing file": (lambda f: (f / "membership.csv").unlink(),
                     [Violation("membership.csv", None, None, None, "missing_file")]),
    "empty file": (lambda f: (f / "summits.csv").write_text("", encoding="utf-8"),
                   [Violation("summits.csv", None, None, None, "empty")]),
    "header only": (lambda f: (f / "summits.csv").write_text(SUMMITS_HEADER + "\n", encoding="utf-8"),
                    [Violation("summits.csv", None, None, None, "empty")]),
    "missing column": (lambda f: (f / "summits.csv").write_text(
        (f / "summits.csv").read_text(encoding="utf-8").replace("host_iso3", "host"), encoding="utf-8"),
        [Violation("summits.csv", 1, "host_iso3", None, "missing_column")]),
    "required cell": (lambda f: rewrite_cell(f, "membership.csv", 6, "source_title", ""),
                      [Violation("membership.csv", 6, "source_title", "", "required")]),
    "unknown city": (lambda f: rewrite_cell(f, "summits.csv", 2, "city", "Atlantis"),
                     [Violation("summits.csv", 2, "city", "Atlantis (CHN)", "unknown_city")]),
    "same sides": (lambda f: (f / "trade.csv").write_text(
        TRADE_HEADER + "2020,calendar,CHN,CHN,total,1,General Administration of Customs of China,t,"
        "https://example.org/x\n", encoding="utf-8"),
        [Violation("trade.csv", 2, "partner_iso3", "CHN", "same_sides")]),
    # Officials may quote the other side's figures, and the IMF reports for every state: only line 2 breaks it.
    "another state's statistics": (lambda f: (f / "trade.csv").write_text(
        TRADE_HEADER
        + "2020,calendar,RUS,CHN,total,1,General Administration of Customs of China,t,https://example.org/x\n"
        + "2020,calendar,RUS,CHN,exports,1,Officials of China,t,https://example.org/x\n"
        + "2020,calendar,RUS,CHN,imports,1,IMF Direction of Trade Statistics,t,https://example.org/x\n",
        encoding="utf-8"),
        [Violation("trade.csv", 2, "source", "General Administration of Customs of China",
                   "source_of_other_state")]),
    "unknown source id": (lambda f: rewrite_cell(f, "trade_imported.csv", 62, "source_id", "imf-imts-2052"),
                          [Violation("trade_imported.csv", 62, "source_id", "imf-imts-2052 (not in sources.csv)",
                                     "unknown_source_id")]),
    "unused source": (lambda f: append_row(f, "sources.csv", {
        "source_id": "spare", "source": "Press report", "title": "t", "url": "https://example.org/x", "licence": "x"}),
        [Violation("sources.csv", 34, "source_id", "spare (named by no row of trade_imported.csv, indicators.csv, "
                   "meetings_imported.csv)", "unused_source")]),
    # The first meeting again, its sides in the other order and as a call: one meeting in two rows.
    "same leaders and day": (lambda f: append_row(f, "meetings.csv", {
        "date": "2013-03-22", "date_precision": "day", "iso3_a": "RUS", "leader_a": "Vladimir Putin",
        "iso3_b": "CHN", "leader_b": "Xi Jinping", "format": "phone", "occasion": "o", "source_title": "t",
        "source_url": "https://example.org/x"}),
        [Violation("meetings.csv", MEETINGS_LINES + 1, "date,iso3_a,leader_a,iso3_b,leader_b",
                   "2013-03-22 CHN Xi Jinping - RUS Vladimir Putin (also line 2)", "same_pair_day")]),
    "two bad cells": (lambda f: (rewrite_cell(f, "cities.csv", 3, "lat", "95"),
                                 rewrite_cell(f, "cities.csv", 3, "lon", "east")),
                      [Violation("cities.csv", 3, "lat", "95", "range"),
                       Violation("cities.csv", 3, "lon", "east", "number")]),
}


@pytest.mark.parametrize("case", CASES)
def test_exactly_the_violations_of_each_kind_of_bad_input(data_copy, case):
    damage, expected = CASES[case]
    damage(data_copy)
    dataset = load_dataset(data_copy)
    assert dataset.violations == expected
    broken = {v.file.removesuffix(".csv") for v in expected}
    assert broken.isdisjoint(dataset.tables) and len(dataset.tables) == len(TABLES) - len(broken)


def test_a_file_too_large_is_named_with_its_size(data_copy, monkeypatch):
    import sco.data
    size = (data_copy / "trade_imported.csv").stat().st_size  # the largest
    monkeypatch.setattr(sco.data, "MAX_FILE_BYTES", size - 1)
    assert load_dataset(data_copy).violations == [Violation("trade_imported.csv", None, None, f"{size} bytes",
                                                            "too_large")]


def test_a_file_exactly_at_the_limit_is_read(data_copy, monkeypatch):
    import sco.data
    monkeypatch.setattr(sco.data, "MAX_FILE_BYTES", (data_copy / "trade_imported.csv").stat().st_size)
    assert load_dataset(data_copy).violations == []


def test_a_file_in_another_encoding_is_named_with_the_decoder_error(data_copy):
    (data_copy / "membership.csv").write_bytes("iso3,status\nRUS,miembro ñ\n".encode("latin-1"))
    assert load_dataset(data_copy).violations == [Violation(
        "membership.csv", None, None, "'utf-8' codec can't decode byte 0xf1 in position 24: invalid continuation byte",
        "unreadable")]


def test_a_quote_left_open_is_unreadable(data_copy):
    with (data_copy / "summits.csv").open("a", encoding="utf-8") as handle:
        handle.write('2030-01-01,2030-01-02,"Shanghai,CHN,in_person,sco,,t,https://example.org/x\n')
    violations = load_dataset(data_copy).violations
    assert [(v.file, v.row, v.rule) for v in violations] == [("summits.csv", None, "unreadable")]


def test_problems_are_those_of_the_tables_asked_for(data_copy):
    rewrite_cell(data_copy, "summits.csv", 2, "format", "telepathy")
    rewrite_cell(data_copy, "membership.csv", 2, "status", "friend")
    dataset = load_dataset(data_copy)
    assert [v.file for v in dataset.problems("summits")] == ["summits.csv"]
    assert [v.file for v in dataset.problems("summits", "membership")] == ["membership.csv", "summits.csv"]
    assert dataset.problems("trade") == []


def test_a_violation_reads_as_a_sentence():
    assert str(Violation("summits.csv", 32, "format", "telepathy", "choice")) == \
        f"summits.csv, row 32, column 'format': value 'telepathy' breaks rule 'choice' ({RULES['choice']})"
    assert str(Violation("membership.csv", None, None, None, "missing_file")) == \
        f"membership.csv breaks rule 'missing_file' ({RULES['missing_file']})"
    assert str(Violation("summits.csv", 6, "note", "", "required")) == \
        f"summits.csv, row 6, column 'note': value '' breaks rule 'required' ({RULES['required']})"


# Rules whose failing case needs more than a change to the files.
OTHER_CASES = {"too_large": test_a_file_too_large_is_named_with_its_size,
               "unreadable": test_a_file_in_another_encoding_is_named_with_the_decoder_error}
