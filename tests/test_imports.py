"""The bulk import: the committed tables are exactly what the raw files give, and a damaged file stops it."""
import json

import openpyxl
import pytest

from sco import imports
from sco.imports import ImportProblem, build, read_baci, read_dots, read_gdp, read_imts, rendered
from sco.schema import AUTHORITIES
from tests.conftest import DATA

STATES = imports.sco_states(DATA)
TAJIKISTAN = DATA / "raw" / "imf_dots" / "DOTS_192.xlsx"


@pytest.fixture(scope="module")
def imported():
    return build(DATA)


def test_the_committed_tables_are_exactly_the_import(imported):
    for name, text in rendered(imported).items():
        assert (DATA / name).read_text(encoding="utf-8") == text, f"{name}: run python -m sco.imports"


def test_a_cell_becomes_dollars_and_an_estimate_keeps_its_mark(imported):
    # DOTS_192.xlsx, sheet "Exports, FOB": Tajikistan to China 34.411308 (2020) and "0.73 e" (1992), in millions.
    rows = {(r["year"], r["partner_iso3"]): r for r in imported.trade
            if r["reporter_iso3"] == "TJK" and r["flow"] == "exports" and r["source_id"] == "imf-dots-TJK"}
    assert (rows[("2020", "CHN")]["value_usd"], rows[("2020", "CHN")]["estimate"]) == ("34411308", "")
    assert (rows[("1992", "CHN")]["value_usd"], rows[("1992", "CHN")]["estimate"]) == ("730000", "yes")


def test_every_member_pair_has_both_reporters_in_dots_years(imported):
    members = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "BLR"]
    reported = {(r["reporter_iso3"], r["partner_iso3"]) for r in imported.trade if r["source_id"].startswith("imf-dots")}
    assert {(a, b) for a in members for b in members if a != b} <= reported


def test_baci_is_a_reconciled_estimate_and_the_world_rows_are_totals(imported):
    baci = {s["source_id"]: s for s in imported.sources}["oec-baci-2023"]
    assert AUTHORITIES[baci["source"]].kind == "reconciled" and "neither state's own" in baci["note"]
    assert {r["indicator"] for r in imported.indicators} == {"exports_world", "imports_world", "gdp"}


def test_an_import_never_replaces_a_curated_row(data_copy):
    from tests.conftest import append_row
    append_row(data_copy, "trade.csv", {"year": "2020", "period": "calendar", "reporter_iso3": "TJK",
                                        "partner_iso3": "CHN", "flow": "exports", "value_usd": "1",
                                        "source": imports.DOTS, "source_title": "t", "source_url": "https://e.org/a"})
    result = build(data_copy)
    assert not [r for r in result.trade if (r["year"], r["reporter_iso3"], r["partner_iso3"], r["flow"]) ==
                ("2020", "TJK", "CHN", "exports")]
    assert [line for line in result.left_out if "trade.csv" in line] == [
        "2020 / TJK / CHN / exports / imf-dots-TJK: a curated row of trade.csv holds it"]


def _damaged_workbook(tmp_path, change):
    path = tmp_path / TAJIKISTAN.name
    book = openpyxl.load_workbook(TAJIKISTAN)
    change(book)
    book.save(path)
    return path


@pytest.mark.parametrize("change,expected", [
    (lambda b: setattr(b["Imports, CIF"], "title", "Imports"),
     "raw/imf_dots/DOTS_192.xlsx, sheet 'Imports, CIF': sheet missing (the workbook has Exports, FOB, Imports)"),
    (lambda b: b["Exports, FOB"].cell(4, 2, "Tadjikistan"),
     "raw/imf_dots/DOTS_192.xlsx, sheet 'Exports, FOB', row 4: reporter 'Tadjikistan' is not a known SCO state"),
    (lambda b: b["Exports, FOB"].cell(107, 31, -5),
     "raw/imf_dots/DOTS_192.xlsx, sheet 'Exports, FOB', row 107: not a value of trade (negative or not finite): -5"),
    (lambda b: b["Exports, FOB"].cell(107, 31, "n/a"),
     "raw/imf_dots/DOTS_192.xlsx, sheet 'Exports, FOB', row 107: not a number: 'n/a'"),
    (lambda b: b["Exports, FOB"].cell(5, 2, "US Dollars, Thousands"),
     "raw/imf_dots/DOTS_192.xlsx, sheet 'Exports, FOB', row 5: unit 'US Dollars, Thousands', expected "
     "'US Dollars, Millions'"),
])
def test_a_damaged_workbook_is_named_with_sheet_row_and_reason(tmp_path, change, expected):
    with pytest.raises(ImportProblem) as problem:
        read_dots(_damaged_workbook(tmp_path, change), STATES)
    assert str(problem.value) == expected


def test_a_file_that_is_no_workbook_is_named(tmp_path):
    path = tmp_path / "DOTS_192.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"^raw/imf_dots/DOTS_192.xlsx: not a readable workbook"):
        read_dots(path, STATES)


def test_damaged_csv_and_json_files_are_named(tmp_path):
    baci = tmp_path / "bilateral_value_clean_22_withid.csv"
    baci.write_text("exporter_id,exporter_name,importer_id,importer_name,value\nchn,China,rus,Russia,-1\n",
                    encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"bilateral_value_clean_22_withid.csv, column 'value', row 2: not a "
                                            r"value of trade"):
        read_baci(baci, 2022, STATES)
    gdp = tmp_path / "gdp.csv"
    gdp.write_text("Country,Code,Year,Value\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"raw/worldbank/gdp.csv, header, row 1: columns"):
        read_gdp(gdp, STATES)
    network = tmp_path / "trade_data.json"
    network.write_text("{", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"trade_data.json: not readable JSON"):
        read_imts(network, STATES)
    network.write_text(json.dumps({"nodes": [{"id": "China"}], "edges": []}), encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"trade_data.json, nodes: no economy the import knows as AFG, ARE"):
        read_imts(network, STATES)


def test_the_command_stops_and_writes_nothing_when_a_file_is_damaged(data_copy, capsys):
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    (data_copy / "raw" / "imf_imts_2025" / "trade_data.json").write_text("[]", encoding="utf-8")
    assert imports.main([str(data_copy)]) == 2
    assert "import stopped, nothing written: raw/imf_imts_2025/trade_data.json" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before


def test_check_fails_when_an_imported_figure_was_edited_by_hand(data_copy, capsys):
    from tests.conftest import rewrite_cell
    assert imports.main(["--check", str(data_copy)]) == 0
    rewrite_cell(data_copy, "trade_imported.csv", 2, "value_usd", "1")
    assert imports.main(["--check", str(data_copy)]) == 1
    assert "trade_imported.csv differs" in capsys.readouterr().err
