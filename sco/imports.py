"""Import the bulk statistics kept in data/raw/ into the tables the app reads.

    python -m sco.imports            regenerate data/trade_imported.csv, data/indicators.csv,
                                     data/meetings_imported.csv and data/sources.csv
    python -m sco.imports --check    exit 1 if the committed tables differ from what the raw files give

Every imported row comes from one file of data/raw/ (data/raw/README.md says where each file comes from) and
names it by `source_id` in sources.csv. Hand-curated rows (data/trade.csv) are never touched: where one has the
same year, period, reporter, partner, flow and source as an imported figure, the imported figure is left out
and listed. A file the import cannot read exactly as expected stops it with the file, sheet or key, row and
reason, and nothing is written.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sco import vitae
from sco.countries import iso3_for
from sco.data import data_dir
from sco.schema import INDICATORS, MEETINGS_IMPORTED, SOURCES, TABLES, TRADE, TRADE_IMPORTED

DOTS = "IMF Direction of Trade Statistics"
BACI = "CEPII BACI (reconciled, via OEC)"
IMTS = "IMF International Trade in Goods (IMTS)"
WORLD_BANK = "World Bank World Development Indicators"
CHINA_VITAE = "China Vitae (Carnegie Endowment for International Peace)"

DOTS_REPO = "https://github.com/SamLeBlanc/Direction-of-Trade-Map/blob/a0b40afbac7cefc59a4b35c1ebe541ac546aafad"
BACI_REPO = "https://github.com/Gandalfthegloom/CourseProject2/blob/ed8245e9ec1da100321930c2aaaf295c936e8a3a"
IMTS_REPO = "https://github.com/aalavandhan/aalavandhan.github.io/blob/087fe9c8b57e53c8ec5942ff354561b64799afc2"
GDP_REPO = "https://github.com/datasets/gdp/blob/822019c80142c162e4ca4eb1a63699ae36075078"
VITAE_REPO = "https://github.com/gbwalker/chinese-diplomacy-and-financing/blob/7b8fd3f6c0686ac95266f6d487b95816239fde48"

# The IMF's names of the SCO states in the DOTS workbooks, and its name of the reporter's total.
DOTS_NAMES = {
    "Afghanistan, Islamic Rep. of": "AFG", "Armenia, Rep. of": "ARM", "Azerbaijan, Rep. of": "AZE",
    "Bahrain, Kingdom of": "BHR", "Belarus, Rep. of": "BLR", "Cambodia": "KHM", "China, P.R.: Mainland": "CHN",
    "Egypt, Arab Rep. of": "EGY", "India": "IND", "Iran, Islamic Rep. of": "IRN", "Kazakhstan, Rep. of": "KAZ",
    "Kuwait": "KWT", "Kyrgyz Rep.": "KGZ", "Lao People's Dem. Rep.": "LAO", "Maldives": "MDV", "Mongolia": "MNG",
    "Myanmar": "MMR", "Nepal": "NPL", "Pakistan": "PAK", "Qatar": "QAT", "Russian Federation": "RUS",
    "Saudi Arabia": "SAU", "Sri Lanka": "LKA", "Tajikistan, Rep. of": "TJK", "Turkey": "TUR",
    "United Arab Emirates": "ARE", "Uzbekistan, Rep. of": "UZB",
}
WORLD = "World"
DOTS_SHEETS = {"Exports, FOB": "exports", "Imports, CIF": "imports"}
DOTS_LAYOUT = {"title_row": 2, "reporter_row": 4, "unit_row": 5, "years_row": 7, "unit": "US Dollars, Millions"}
ESTIMATE_MARK = " e"  # "1.00 e": an IMF estimate
MILLION = Decimal(1_000_000)
LICENCES = {
    "dots": "IMF terms of use (data); repository MIT",
    "baci": "Etalab Open Licence 2.0 (BACI); repository: none stated",
    "imts": "IMF terms of use (data); repository: none stated",
    "gdp": "ODC-PDDL-1.0 (repository); World Bank CC BY 4.0 (data)",
    "vitae": "none stated (the facts are used with a citation)",
}


class ImportProblem(Exception):
    """A raw file the import cannot read as expected; says where and why."""

    def __init__(self, file: str, where: str, row: int | str | None, reason: str):
        self.file, self.where, self.row, self.reason = file, where, row, reason
        place = ", ".join(str(p) for p in (file, where, None if row is None else f"row {row}") if p)
        super().__init__(f"{place}: {reason}")


@dataclass
class Imported:
    trade: list[dict]
    indicators: list[dict]
    sources: list[dict]
    meetings: list[dict]
    left_out: list[str]  # imported figures left out because a curated row holds the same key


def raw_dir(folder: Path) -> Path:
    return folder / "raw"


def _number(text: object, file: str, where: str, row: int) -> tuple[Decimal, bool] | None:
    """A cell in millions of dollars as (value, is_estimate); None for an empty cell."""
    if text is None or text == "":
        return None
    estimate = isinstance(text, str) and text.endswith(ESTIMATE_MARK)
    raw = text[: -len(ESTIMATE_MARK)] if estimate else text
    if isinstance(raw, str):
        raw = raw.replace(",", "")  # the workbooks write estimates with thousands separators: "1,259.58 e"
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise ImportProblem(file, where, row, f"not a number: {text!r}") from None
    if not value.is_finite() or value < 0:
        raise ImportProblem(file, where, row, f"not a value of trade (negative or not finite): {text!r}")
    return value, estimate


def _dollars(value: Decimal, unit: Decimal = Decimal(1)) -> str:
    return str(int((value * unit).to_integral_value()))


def read_dots(path: Path, states: set[str]) -> tuple[str, list[dict], list[dict]]:
    """One reporter's workbook: (reporter, trade rows with SCO states, its totals with the World)."""
    import openpyxl
    file = f"raw/imf_dots/{path.name}"
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # a zip or XML error from a damaged workbook
        raise ImportProblem(file, "", None, f"not a readable workbook ({error.__class__.__name__})") from None
    missing = [s for s in DOTS_SHEETS if s not in book.sheetnames]
    if missing:
        raise ImportProblem(file, f"sheet {missing[0]!r}", None,
                            f"sheet missing (the workbook has {', '.join(book.sheetnames)})")
    reporter, trade, world = None, [], []
    for sheet, flow in DOTS_SHEETS.items():
        rows = list(book[sheet].iter_rows(values_only=True))
        where = f"sheet {sheet!r}"
        cell = lambda r, c: rows[r - 1][c] if len(rows) >= r and len(rows[r - 1]) > c else None  # noqa: E731
        name = cell(DOTS_LAYOUT["reporter_row"], 1)
        if name not in DOTS_NAMES:
            raise ImportProblem(file, where, DOTS_LAYOUT["reporter_row"], f"reporter {name!r} is not a known SCO state")
        if reporter not in (None, DOTS_NAMES[name]):
            raise ImportProblem(file, where, DOTS_LAYOUT["reporter_row"], "the two sheets name different reporters")
        reporter = DOTS_NAMES[name]
        if cell(DOTS_LAYOUT["unit_row"], 1) != DOTS_LAYOUT["unit"]:
            raise ImportProblem(file, where, DOTS_LAYOUT["unit_row"],
                                f"unit {cell(DOTS_LAYOUT['unit_row'], 1)!r}, expected {DOTS_LAYOUT['unit']!r}")
        header = rows[DOTS_LAYOUT["years_row"] - 1] if len(rows) >= DOTS_LAYOUT["years_row"] else ()
        years = {}
        for column, text in enumerate(header[2:], start=2):
            if text is None:
                continue
            if not str(text).isdigit():
                raise ImportProblem(file, where, DOTS_LAYOUT["years_row"], f"{text!r} is not a year")
            years[column] = int(text)
        if not years:
            raise ImportProblem(file, where, DOTS_LAYOUT["years_row"], "no years in the header row")
        for line, row in enumerate(rows[DOTS_LAYOUT["years_row"]:], start=DOTS_LAYOUT["years_row"] + 1):
            partner = WORLD if row[1] == WORLD else DOTS_NAMES.get(row[1])
            if partner is None or partner not in states | {WORLD} or partner == reporter:
                continue  # another economy or an aggregate: not imported
            for column, year in years.items():
                found = _number(row[column] if column < len(row) else None, file, where, line)
                if found is None:
                    continue
                value, estimate = found
                record = {"year": str(year), "value_usd": _dollars(value, MILLION),
                          "estimate": "yes" if estimate else "", "source_id": f"imf-dots-{reporter}"}
                if partner == WORLD:
                    world.append({"iso3": reporter, "indicator": f"{flow}_world", **record})
                else:
                    trade.append({"period": "calendar", "reporter_iso3": reporter, "partner_iso3": partner,
                                  "flow": flow, **record})
    return reporter, trade, world


def _csv_rows(path: Path, file: str, expected: list[str]):
    """(line, row) of a CSV file whose header must be exactly `expected`."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header != expected:
            raise ImportProblem(file, "header", 1, f"columns {header}, expected {expected}")
        yield from enumerate(reader, start=2)


def read_baci(path: Path, year: int, states: set[str]) -> list[dict]:
    """Reconciled exports among SCO states: one row per direction, recorded as the exporter's exports."""
    file = f"raw/oec_baci/{path.name}"
    expected = ["exporter_id", "exporter_name", "importer_id", "importer_name", "value"]
    out = []
    for line, row in _csv_rows(path, file, expected):
        if len(row) != len(expected):
            raise ImportProblem(file, "", line, f"{len(row)} fields, expected {len(expected)}")
        exporter, importer = row[0].upper(), row[2].upper()
        if exporter not in states or importer not in states or exporter == importer:
            continue
        found = _number(row[4], file, "column 'value'", line)
        if found is None:
            continue
        out.append({"year": str(year), "period": "calendar", "reporter_iso3": exporter, "partner_iso3": importer,
                    "flow": "exports", "value_usd": _dollars(found[0]), "estimate": "",
                    "source_id": f"oec-baci-{year}"})
    return out


def read_imts(path: Path, states: set[str]) -> list[dict]:
    """Exports FOB in 2025 among SCO states, by exporter (English short names, USD millions)."""
    file = "raw/imf_imts_2025/trade_data.json"
    try:
        network = json.loads(path.read_text(encoding="utf-8"))
        nodes, edges = network["nodes"], network["edges"]
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ImportProblem(file, "", None, f"not readable JSON ({error.__class__.__name__})") from None
    except (KeyError, TypeError) as error:
        raise ImportProblem(file, f"key {error}", None, "expected an object with 'nodes' and 'edges'") from None
    codes = {}
    for node in nodes:
        name = node.get("id") if isinstance(node, dict) else None
        code = iso3_for(name) if isinstance(name, str) else None
        if code in states:
            codes[name] = code
    absent = sorted(states - set(codes.values()))
    if absent:
        raise ImportProblem(file, "nodes", None, f"no economy the import knows as {', '.join(absent)}")
    out = []
    for index, edge in enumerate(edges):
        try:
            exporter, importer, value = codes.get(edge["source"]), codes.get(edge["target"]), edge["value"]
        except (KeyError, TypeError):
            raise ImportProblem(file, f"edges[{index}]", None, "expected keys source, target, value") from None
        if exporter is None or importer is None or exporter == importer:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ImportProblem(file, f"edges[{index}]", None, f"value {value!r} is not a number")
        found = _number(repr(value), file, f"edges[{index}]", None)
        out.append({"year": "2025", "period": "calendar", "reporter_iso3": exporter, "partner_iso3": importer,
                    "flow": "exports", "value_usd": _dollars(found[0], MILLION), "estimate": "",
                    "source_id": "imf-imts-2025"})
    return out


def read_gdp(path: Path, states: set[str]) -> list[dict]:
    """GDP in current US dollars of the SCO states, every year the file has."""
    file = "raw/worldbank/gdp.csv"
    expected = ["Country Name", "Country Code", "Year", "Value"]
    out = []
    for line, row in _csv_rows(path, file, expected):
        if len(row) != len(expected) or not row[2].isdigit():
            raise ImportProblem(file, "", line, f"expected a name, a code, a year and a value: {row}")
        if row[1] not in states:
            continue
        found = _number(row[3], file, "column 'Value'", line)
        if found is not None:
            out.append({"iso3": row[1], "year": row[2], "indicator": "gdp", "value_usd": _dollars(found[0]),
                        "estimate": "", "source_id": "worldbank-gdp"})
    return out


def _sources(reporters: dict[str, str]) -> list[dict]:
    """One row per raw file (a DOTS workbook per reporter), in the order of source_id."""
    rows = [{"source_id": f"imf-dots-{iso3}", "source": DOTS,
             "title": f"IMF Direction of Trade Statistics, {name}: sheets 'Exports, FOB' and 'Imports, CIF' "
                      f"(raw/imf_dots/{name})",
             "url": f"{DOTS_REPO}/data/DOTS/{name}", "licence": LICENCES["dots"],
             "note": "US dollars, millions, converted to dollars; exports FOB, imports CIF; a cell marked 'e' is an "
                     "IMF estimate"}
            for iso3, name in reporters.items()]
    rows += [{"source_id": f"oec-baci-{year}", "source": BACI,
              "title": f"OEC bilateral trade {year}, built on CEPII BACI (raw/oec_baci/{name})",
              "url": f"{BACI_REPO}/Data/{name}", "licence": LICENCES["baci"],
              "note": "one reconciled value per direction (neither state's own statistics), US dollars"}
             for year, name in ((2022, "bilateral_value_clean_22_withid.csv"),
                                (2023, "bilateral_value_clean_23_withid.csv"))]
    rows.append({"source_id": "imf-imts-2025", "source": IMTS,
                 "title": "Global Trade Network (2025), IMF International Trade in Goods, exports FOB "
                          "(raw/imf_imts_2025/trade_data.json)",
                 "url": f"{IMTS_REPO}/apps/global-trade/trade_data.json", "licence": LICENCES["imts"],
                 "note": "exporter's side only, US dollars, millions, converted to dollars"})
    rows.append({"source_id": "china-vitae", "source": CHINA_VITAE,
                 "title": "China Vitae activity records of China's leaders 2003-2018, as packaged by "
                          f"gbwalker/chinese-diplomacy-and-financing (raw/{vitae.FILE})",
                 "url": f"{VITAE_REPO}/data/all_engagements_2003-2018.rds", "licence": LICENCES["vitae"],
                 "note": "meetings of Hu Jintao, Wen Jiabao, Xi Jinping and Li Keqiang with heads of state or "
                         "government of SCO states; one record per official, country and day"})
    rows.append({"source_id": "worldbank-gdp", "source": WORLD_BANK,
                 "title": "GDP (current US$), World Bank, as packaged by datasets/gdp (raw/worldbank/gdp.csv)",
                 "url": f"{GDP_REPO}/data/gdp.csv", "licence": LICENCES["gdp"], "note": ""})
    return sorted(rows, key=lambda r: r["source_id"])


def _curated_keys(folder: Path) -> set[tuple]:
    path = folder / TRADE.file
    if not path.exists():
        return set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {(r["year"], r["period"], r["reporter_iso3"], r["partner_iso3"], r["flow"], r["source"])
                for r in csv.DictReader(handle)}


def sco_states(folder: Path) -> set[str]:
    """Every state the membership table names (members, observers, partners, past and present)."""
    with (folder / "membership.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {r["iso3"] for r in csv.DictReader(handle)}


def sco_summits(folder: Path) -> list[dict]:
    with (folder / "summits.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [{**r, "start_date": date.fromisoformat(r["start_date"]), "end_date": date.fromisoformat(r["end_date"])}
                for r in csv.DictReader(handle) if r["body"] == "sco"]


def read_vitae(path: Path, states: set[str], summits: list[dict], left_out: list[str]) -> list[dict]:
    try:
        found: list[str] = []
        rows = vitae.meetings(vitae.read_engagements(path), states, summits, "china-vitae", found)
        left_out += [f"raw/{vitae.FILE}, {line}" for line in found]
        return rows
    except vitae.VitaeProblem as problem:
        raise ImportProblem(f"raw/{vitae.FILE}", "", problem.row, problem.reason) from None


def build(folder: Path) -> Imported:
    """Every imported row from the raw files under `folder`/raw, and the sources they name."""
    raw, states = raw_dir(folder), sco_states(folder)
    trade, world, reporters = [], [], {}
    for path in sorted((raw / "imf_dots").glob("DOTS_*.xlsx")):
        reporter, rows, totals = read_dots(path, states)
        if reporter in reporters:
            raise ImportProblem(f"raw/imf_dots/{path.name}", "", DOTS_LAYOUT["reporter_row"],
                                f"{reporter} already read from {reporters[reporter]}")
        reporters[reporter] = path.name
        trade += rows
        world += totals
    for year in (2022, 2023):
        trade += read_baci(raw / "oec_baci" / f"bilateral_value_clean_{year % 100}_withid.csv", year, states)
    trade += read_imts(raw / "imf_imts_2025" / "trade_data.json", states)
    indicators = world + read_gdp(raw / "worldbank" / "gdp.csv", states)
    groups: list[str] = []
    meetings = read_vitae(raw / vitae.FILE, states, sco_summits(folder), groups)
    sources = _sources(reporters)
    names = {s["source_id"]: s["source"] for s in sources}
    curated, left_out, kept = _curated_keys(folder), [], []
    for row in trade:
        key = (row["year"], row["period"], row["reporter_iso3"], row["partner_iso3"], row["flow"],
               names[row["source_id"]])
        (left_out if key in curated else kept).append(row)
    left_out = [f"{' / '.join(k)}: a curated row of trade.csv holds it" for k in
                ((r["year"], r["reporter_iso3"], r["partner_iso3"], r["flow"], r["source_id"]) for r in left_out)]
    kept.sort(key=lambda r: (r["reporter_iso3"], r["partner_iso3"], r["source_id"], int(r["year"]), r["flow"]))
    indicators.sort(key=lambda r: (r["iso3"], r["indicator"], int(r["year"])))
    return Imported(kept, indicators, sources, meetings, left_out + groups)


def render(rows: list[dict], columns: list[str]) -> str:
    """The CSV text of a table, exactly as it is committed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def rendered(imported: Imported) -> dict[str, str]:
    """file name -> its text, for every table the schema marks as imported."""
    rows = {TRADE_IMPORTED.name: imported.trade, INDICATORS.name: imported.indicators, SOURCES.name: imported.sources,
            MEETINGS_IMPORTED.name: imported.meetings}
    return {table.file: render(rows[table.name], [c.name for c in table.columns])
            for table in TABLES.values() if table.imported}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sco.imports", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the committed tables with the import")
    parser.add_argument("folder", nargs="?", help="data folder (default: the app's)")
    args = parser.parse_args(argv)
    folder = Path(args.folder) if args.folder else data_dir()
    try:
        files = rendered(imported := build(folder))
    except ImportProblem as problem:
        print(f"import stopped, nothing written: {problem}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"import stopped, nothing written: missing file {error.filename}", file=sys.stderr)
        return 2
    if args.check:
        stale = [name for name, text in files.items()
                 if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"{name} differs from what `python -m sco.imports` produces from data/raw/", file=sys.stderr)
        return 1 if stale else 0
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for line in imported.left_out:
        print(f"left out: {line}")
    print(f"{len(imported.trade)} trade rows, {len(imported.indicators)} indicator rows, "
          f"{len(imported.meetings)} meetings, {len(imported.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
