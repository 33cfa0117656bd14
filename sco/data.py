"""Load the curated CSV tables and validate them against the schema.

A table with any violation is withheld whole (never silently trimmed), and every violation names the file,
row, column, value and rule, so that a curator can fix it and an analyst sees what is missing and why.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from sco.schema import (AUTHORITIES, AUTHORITY, CHOICE, DATE, INT, ISO3, NATIONAL_STATISTICS, NUMBER, RULES,
                        TABLES, URL, Table)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAX_FILE_BYTES = 64 * 1024 * 1024  # the imported trade table is 2 MB; ten times that must still load
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", re.IGNORECASE)


def data_dir() -> Path:
    """The folder the app reads: SCO_DATA_DIR when set, else the repository's data/."""
    return Path(os.environ.get("SCO_DATA_DIR") or DEFAULT_DATA_DIR)


@dataclass(frozen=True)
class Violation:
    file: str
    row: int | None  # line number in the file (the header is line 1); None for file-level problems
    column: str | None
    value: str | None
    rule: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}, row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        what = "" if self.value is None else f": value {self.value!r}"
        return f"{where}{what} breaks rule '{self.rule}' ({RULES[self.rule]})"


@dataclass
class Dataset:
    """The validated tables, and the violations that kept any table out."""

    folder: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)

    def problems(self, *names: str) -> list[Violation]:
        files = {TABLES[n].file for n in names}
        return [v for v in self.violations if v.file in files]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def _read_raw(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Violation]]:
    file = table.file
    if not path.exists():
        rule = "missing_file" if table.required_file else None
        return None, [Violation(file, None, None, None, rule)] if rule else []
    if path.stat().st_size > MAX_FILE_BYTES:
        return None, [Violation(file, None, None, f"{path.stat().st_size} bytes", "too_large")]
    try:
        # utf-8-sig: Excel saves "CSV UTF-8" with a byte-order mark (and CRLF line ends, which csv reads as is).
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            rows, first_lines, read = [], [], 0
            for row in reader:  # a quoted cell may span lines: each row is named by the line it starts on
                rows.append(row)
                first_lines.append(read + 1)
                read = reader.line_num
    except (UnicodeDecodeError, csv.Error) as error:
        return None, [Violation(file, None, None, str(error)[:120], "unreadable")]
    if len(rows) < 2:
        return None, [Violation(file, None, None, None, "empty")]
    header, body, lines = [h.strip() for h in rows[0]], rows[1:], first_lines[1:]
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    if missing:
        return None, [Violation(file, 1, name, None, "missing_column") for name in missing]
    width = len(header)
    bad_width = [Violation(file, line, None, f"{len(r)} fields, header has {width}", "unreadable")
                 for line, r in zip(lines, body) if len(r) != width and any(r)]
    if bad_width:
        return None, bad_width
    kept = [(line, r) for line, r in zip(lines, body) if any(cell.strip() for cell in r)]
    frame = pd.DataFrame([r for _, r in kept], columns=header, dtype=str)
    frame.index = pd.Index([line for line, _ in kept], dtype="int64")  # the line in the file, for every message
    for column in table.columns:
        if column.name not in frame:  # an optional column may be left out of the file altogether
            frame[column.name] = ""
    return frame.apply(lambda s: s.str.strip()), []


def _cell_rule(kind: str, value: str, column) -> str | None:
    """The rule a single non-empty cell breaks, or None."""
    if kind == ISO3 and value not in _iso3_codes():
        return "iso3"
    if kind == DATE:
        if not _DATE_PATTERN.match(value):
            return "date"
        try:
            date.fromisoformat(value)
        except ValueError:
            return "date"
    if kind in (INT, NUMBER):
        try:
            number = int(value) if kind == INT else float(value)
        except ValueError:
            return kind
        if number != number or (column.minimum is not None and number < column.minimum) or (
                column.maximum is not None and number > column.maximum):
            return "range"
    if kind == CHOICE and value not in column.choices:
        return "choice"
    if kind == AUTHORITY and value not in AUTHORITIES:
        return "known_source"
    if kind == URL and not _URL_PATTERN.match(value):
        return "url"
    return None


def _check_cells(frame: pd.DataFrame, table: Table) -> list[Violation]:
    found = []
    for column in table.columns:
        values = frame[column.name]
        # Each distinct value is checked once: an imported table repeats its codes and years tens of thousands of times.
        rules = {"": "required" if column.required else None}
        rules.update({value: _cell_rule(column.kind, value, column) for value in values.unique() if value != ""})
        broken = values.map(rules)
        for line, value in values[broken.notna()].items():
            found.append(Violation(table.file, line, column.name, value, rules[value]))
    return found


def _convert(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    out = frame.copy()
    for column in table.columns:
        values = out[column.name]
        if column.kind == DATE:
            out[column.name] = pd.to_datetime(values.replace("", None), format="%Y-%m-%d")
        elif column.kind == INT:
            out[column.name] = pd.to_numeric(values.replace("", None)).astype("Int64")
        elif column.kind == NUMBER:
            out[column.name] = pd.to_numeric(values.replace("", None)).astype(float)
    return out


def _text(value: object) -> str:
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)


def _check_rows(frame: pd.DataFrame, table: Table) -> list[Violation]:
    found = []
    file = table.file
    key = list(table.key)
    for line in frame.index[frame.duplicated(subset=key, keep="first")]:
        value = " / ".join(_text(frame.at[line, k]) for k in key)
        found.append(Violation(file, int(line), ",".join(key), value, "duplicate"))
    if table.one_per_pair_day:
        day, side_a, side_b = table.one_per_pair_day
        a = frame[side_a[0]] + " " + frame[side_a[1]]
        b = frame[side_b[0]] + " " + frame[side_b[1]]
        first: dict[tuple, int] = {}
        for line, key in zip(frame.index, zip(frame[day], a.where(a < b, b), b.where(a < b, a))):
            if key in first:
                found.append(Violation(file, int(line), f"{day},{','.join(side_a + side_b)}",
                                       f"{_text(key[0])} {key[1]} - {key[2]} (also line {first[key]})",
                                       "same_pair_day"))
            else:
                first[key] = int(line)
    for a, b in table.distinct:
        for line in frame.index[(frame[a] == frame[b]) & frame[a].notna()]:
            found.append(Violation(file, int(line), b, str(frame.at[line, b]), "same_sides"))
    if table.authority_of:
        source, reporter = table.authority_of
        for line, name, state in zip(frame.index, frame[source], frame[reporter]):
            authority = AUTHORITIES[name]
            if authority.kind in NATIONAL_STATISTICS and authority.iso3 != state:
                found.append(Violation(file, int(line), source, name, "source_of_other_state"))
    if table.interval:
        start, end = table.interval
        for line in frame.index[frame[end].notna() & (frame[end] < frame[start])]:
            found.append(Violation(file, int(line), end, _text(frame.at[line, end]), "end_before_start"))
    if table.no_overlap_by:
        start, end = table.interval
        ordered = frame.sort_values([*table.no_overlap_by, start])
        for _, group in ordered.groupby(list(table.no_overlap_by), sort=False):
            previous_end = None
            for line, row in group.iterrows():
                if previous_end is not None and (pd.isna(previous_end) or row[start] < previous_end):
                    found.append(Violation(file, int(line), start, _text(row[start]), "overlap"))
                previous_end = row[end]
    return found


def _check_city_refs(frame: pd.DataFrame, table: Table, cities: pd.DataFrame) -> list[Violation]:
    known = set(zip(cities["city"], cities["iso3"]))
    found = []
    for city_col, country_col in table.city_refs:
        for line, row in frame.iterrows():
            city = row[city_col]
            if isinstance(city, str) and city and (city, row[country_col]) not in known:
                found.append(Violation(table.file, int(line), city_col, f"{city} ({row[country_col]})",
                                       "unknown_city"))
    return found


def _check_references(converted: dict[str, pd.DataFrame]) -> list[Violation]:
    """Every reference resolves and every referenced row is used; a table with a problem is withheld."""
    found: list[Violation] = []
    for target in {target for table in TABLES.values() for _, target in table.references}:
        referring = [(name, column) for name, table in TABLES.items() for column, t in table.references if t == target]
        if target not in converted:
            continue  # withheld or absent: its own violations say why
        key = TABLES[target].key[0]
        targets = converted[target][key]
        for name, column in referring:
            if name in converted:
                unknown = converted[name].loc[~converted[name][column].isin(set(targets)), column]
                found += [Violation(TABLES[name].file, int(line), column, f"{value} (not in {TABLES[target].file})",
                                    "unknown_source_id") for line, value in unknown.items()]
        if all(name in converted for name, _ in referring):  # else a withheld table's rows cannot be counted
            used = set().union(*(converted[name][column] for name, column in referring))
            files = ", ".join(TABLES[name].file for name, _ in referring)
            found += [Violation(TABLES[target].file, int(line), key, f"{value} (named by no row of {files})",
                                "unused_source") for line, value in targets[~targets.isin(used)].items()]
    for file in {v.file for v in found}:
        converted.pop(file.removesuffix(".csv"), None)
    return found


def load_dataset(folder: Path | str | None = None) -> Dataset:
    """Read and validate every table of the schema; tables with violations are left out of `tables`."""
    folder = Path(folder) if folder else data_dir()
    dataset = Dataset(folder=folder)
    converted: dict[str, pd.DataFrame] = {}
    for table in TABLES.values():
        raw, problems = _read_raw(folder / table.file, table)
        if raw is not None:
            problems = _check_cells(raw, table)
            if not problems:
                frame = _convert(raw, table)
                problems = _check_rows(frame, table)
                converted[table.name] = frame
        dataset.violations.extend(problems)
        if problems:
            converted.pop(table.name, None)
    dataset.violations.extend(_check_references(converted))
    cities = converted.get("cities")
    for name, frame in list(converted.items()):
        table = TABLES[name]
        if table.city_refs and cities is not None:
            problems = _check_city_refs(frame, table, cities)
            if problems:
                dataset.violations.extend(problems)
                converted.pop(name)
    dataset.tables = converted
    return dataset


def table_fingerprint(folder: Path | str | None = None) -> tuple:
    """Sizes and modification times of the data files: a cache key that changes when a curator edits a file."""
    folder = Path(folder) if folder else data_dir()
    return tuple((t.file, p.stat().st_size, p.stat().st_mtime_ns) if (p := folder / t.file).exists() else (t.file,)
                 for t in TABLES.values())
