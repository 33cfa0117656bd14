"""Data releases: named, dated versions of every table, kept in the repository so that a cited figure can be found
again as it was cited.

data/releases.csv        one line per table of each release: version, date, table, rows, sha256
data/release_notes.csv   each release's summary in every language of the interface: version, lang, summary
data/releases/<version>/ the tables a release changed (all of them for the first): a table of any release is the
                         copy in the folder of the latest release up to it that holds one

Make a release (refused while any table fails the check):
    python -m sco.releases make 2026.12 --summary en="..." --summary es="..." --summary ru="..." --summary zh="..."
The whole dataset of a release as one zip (tables, data dictionary, licences, CITATION.cff):
    python -m sco.releases zip [VERSION] --out sco-data.zip
What changed between two releases, per table:
    python -m sco.releases changes [OLD NEW]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from sco.data import Violation, data_dir, load_dataset
from sco.locales import CATALOGUES, DEFAULT_LANG
from sco.schema import TABLES
from sco.versions import checksum

RELEASES_FILE = "releases.csv"
NOTES_FILE = "release_notes.csv"
STORE = "releases"
RELEASE_COLUMNS = ("version", "date", "table", "rows", "sha256")
NOTE_COLUMNS = ("version", "lang", "summary")
# 2026.12, or 2026.12.1 for a second release in the same month.
VERSION = re.compile(r"^(\d{4})\.(0[1-9]|1[0-2])(?:\.([1-9]\d*))?$")
DATASET_NAME = "SCO relations dashboard data"
CHANGE_COLUMNS = ["change", "key", "column", "old", "new"]  # one line of what changed between two releases


@dataclass(frozen=True)
class ReleasedTable:
    rows: int
    sha256: str
    line: int  # in releases.csv, for violations


@dataclass
class Release:
    version: str
    date: date
    tables: dict[str, ReleasedTable] = field(default_factory=dict)
    summaries: dict[str, str] = field(default_factory=dict)  # lang -> summary

    @property
    def digest(self) -> str:
        """A short digest of the release's tables (which and their checksums): a key for what is built from it."""
        return hashlib.sha256(repr(sorted((t, r.sha256) for t, r in self.tables.items())).encode()).hexdigest()[:12]

    def summary(self, lang: str) -> str:
        return self.summaries.get(lang) or self.summaries.get(DEFAULT_LANG, "")


def version_order(version: str) -> tuple[int, int, int]:
    match = VERSION.match(version)
    return (int(match[1]), int(match[2]), int(match[3] or 0)) if match else (0, 0, 0)


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _rows(path: Path, columns: tuple[str, ...]) -> tuple[list[tuple[int, dict]], list[Violation]]:
    """The lines of a small metadata file as dicts, with their line numbers; a wrong header is a violation."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            return [], [Violation(path.name, 1, None, ",".join(reader.fieldnames or ()), "release_header")]
        return [(number, row) for number, row in enumerate(reader, start=2)], []


def read_releases(folder: Path) -> tuple[list[Release], list[Violation]]:
    """The releases the folder records, oldest first, and what is wrong with the record (never an exception)."""
    path = folder / RELEASES_FILE
    if not path.exists():
        return [], []
    lines, problems = _rows(path, RELEASE_COLUMNS)
    releases: dict[str, Release] = {}
    for line, row in lines:
        def bad(column: str, rule: str) -> None:
            problems.append(Violation(RELEASES_FILE, line, column, row[column], rule))
        version, table = row["version"], row["table"]
        if not VERSION.match(version):
            bad("version", "release_version")
            continue
        try:
            day = date.fromisoformat(row["date"])
        except ValueError:
            bad("date", "release_date")
            continue
        release = releases.setdefault(version, Release(version, day))
        if release.date != day:
            bad("date", "release_duplicate")  # two releases with one version
        elif table not in TABLES:
            bad("table", "release_table")
        elif table in release.tables:
            bad("table", "release_duplicate")
        elif not row["rows"].isdigit():
            bad("rows", "release_rows")
        elif not re.fullmatch(r"[0-9a-f]{64}", row["sha256"]):
            bad("sha256", "release_checksum")
        else:
            release.tables[table] = ReleasedTable(int(row["rows"]), row["sha256"], line)
    ordered = sorted(releases.values(), key=lambda r: version_order(r.version))
    for earlier, later in zip(ordered, ordered[1:]):
        if later.date < earlier.date:
            first_line = min(t.line for t in later.tables.values()) if later.tables else None
            problems.append(Violation(RELEASES_FILE, first_line, "date", later.date.isoformat(), "release_date"))
    problems += _read_notes(folder, releases)
    return ordered, problems


def _read_notes(folder: Path, releases: dict[str, Release]) -> list[Violation]:
    path = folder / NOTES_FILE
    if not path.exists():
        return [Violation(NOTES_FILE, None, None, None, "release_note")] if releases else []
    lines, problems = _rows(path, NOTE_COLUMNS)
    for line, row in lines:
        release = releases.get(row["version"])
        if release is None:
            problems.append(Violation(NOTES_FILE, line, "version", row["version"], "release_note"))
        elif row["lang"] not in CATALOGUES:
            problems.append(Violation(NOTES_FILE, line, "lang", row["lang"], "release_note"))
        elif row["lang"] in release.summaries:
            problems.append(Violation(NOTES_FILE, line, "lang", row["lang"], "release_duplicate"))
        elif not row["summary"].strip():
            problems.append(Violation(NOTES_FILE, line, "summary", "", "release_note"))
        else:
            release.summaries[row["lang"]] = row["summary"]
    for release in releases.values():
        missing = [lang for lang in CATALOGUES if lang not in release.summaries]
        if missing:
            problems.append(Violation(NOTES_FILE, None, "lang", f"{release.version}: {','.join(missing)}",
                                      "release_note"))
    return problems


def stored_file(folder: Path, releases: list[Release], version: str, table: str) -> Path | None:
    """Where the release's copy of a table is kept: the folder of the latest release up to `version` that holds
    one."""
    for release in reversed([r for r in releases if version_order(r.version) <= version_order(version)]):
        path = folder / STORE / release.version / TABLES[table].file
        if path.exists():
            return path
    return None


def check(folder: Path) -> list[Violation]:
    """Everything wrong with the record of releases: the file itself, and every table whose kept copy is missing or
    is not the one released (checksum)."""
    releases, problems = read_releases(folder)
    for release in releases:
        for table, released in release.tables.items():
            path = stored_file(folder, releases, release.version, table)
            if path is None:
                problems.append(Violation(RELEASES_FILE, released.line, "table", table, "release_kept"))
            elif checksum(path) != released.sha256:
                problems.append(Violation(RELEASES_FILE, released.line, "sha256", str(path.relative_to(folder)),
                                          "release_kept"))
    return problems


def unreleased(folder: Path, releases: list[Release]) -> list[str]:
    """Tables whose current file differs from the latest release (or that it does not have)."""
    if not releases:
        return [name for name, table in TABLES.items() if (folder / table.file).exists()]
    latest = releases[-1].tables
    return [name for name, table in TABLES.items() if (folder / table.file).exists()
            and (name not in latest or checksum(folder / table.file) != latest[name].sha256)]


def release_folder(folder: Path, releases: list[Release], version: str) -> Path:
    """A folder holding exactly the tables of a release, to be read like data/ (made once per process)."""
    release = next(r for r in releases if r.version == version)
    target = Path(tempfile.gettempdir()) / "sco-releases" / f"{version}-{release.digest}"
    if not target.exists():
        building = target.with_name(target.name + f".{id(release)}.tmp")
        building.mkdir(parents=True, exist_ok=True)
        for table in release.tables:
            source = stored_file(folder, releases, version, table)
            if source is not None:
                shutil.copyfile(source, building / TABLES[table].file)
        try:
            building.rename(target)
        except OSError:  # another session made it first
            shutil.rmtree(building, ignore_errors=True)
    return target


# What changed between two releases ----------------------------------------------------------------------------

def _raw(path: Path | None) -> pd.DataFrame | None:
    return None if path is None else pd.read_csv(path, dtype=str, keep_default_na=False)


def compare(old: pd.DataFrame | None, new: pd.DataFrame | None, key: tuple[str, ...]) -> pd.DataFrame:
    """The rows added, removed and changed between two versions of a table (text as in the files), matched by the
    table's key: one line per added or removed row, one per changed cell (column, old -> new)."""
    empty = pd.DataFrame(columns=CHANGE_COLUMNS)
    if old is None and new is None:
        return empty
    old = old if old is not None else pd.DataFrame(columns=new.columns)
    new = new if new is not None else pd.DataFrame(columns=old.columns)
    columns = list(dict.fromkeys([*new.columns, *old.columns]))
    old, new = old.reindex(columns=columns, fill_value=""), new.reindex(columns=columns, fill_value="")
    old, new = old.set_index(_keys(old, key, " | ")), new.set_index(_keys(new, key, " | "))
    added = new.index.difference(old.index)
    removed = old.index.difference(new.index)
    both = new.index.intersection(old.index)
    parts = [pd.DataFrame({"change": "added", "key": added, "column": "", "old": "", "new": ""}),
             pd.DataFrame({"change": "removed", "key": removed, "column": "", "old": "", "new": ""})]
    before, after = old.loc[both, columns], new.loc[both, columns]
    for column in columns:
        differs = before[column] != after[column]
        if differs.any():
            parts.append(pd.DataFrame({"change": "changed", "key": both[differs.to_numpy()], "column": column,
                                       "old": before.loc[differs, column].to_numpy(),
                                       "new": after.loc[differs, column].to_numpy()}))
    return pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else empty


def changes(folder: Path, releases: list[Release], old: str, new: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per table: rows in each release and rows added, removed and changed; and every change, table by table."""
    summary, details = [], []
    by_version = {r.version: r for r in releases}
    for name, table in TABLES.items():
        in_old, in_new = by_version[old].tables.get(name), by_version[new].tables.get(name)
        if in_old is None and in_new is None:
            continue
        if in_old is not None and in_new is not None and in_old.sha256 == in_new.sha256:
            found = pd.DataFrame(columns=CHANGE_COLUMNS)
        else:
            found = compare(_raw(stored_file(folder, releases, old, name)) if in_old else None,
                            _raw(stored_file(folder, releases, new, name)) if in_new else None, table.key)
        changed_rows = found.loc[found["change"] == "changed", "key"].nunique()
        summary.append({"table": name, "rows_old": in_old.rows if in_old else 0,
                        "rows_new": in_new.rows if in_new else 0,
                        "added": int((found["change"] == "added").sum()),
                        "removed": int((found["change"] == "removed").sum()), "changed": int(changed_rows)})
        details.append(found.assign(table=name))
    columns = ["table", *CHANGE_COLUMNS]
    detail = pd.concat(details, ignore_index=True)[columns] if details else pd.DataFrame(columns=columns)
    return pd.DataFrame(summary), detail


def _keys(frame: pd.DataFrame, key: tuple[str, ...] | list[str], separator: str) -> pd.Series:
    """Each row's key as one string (the table's key columns joined)."""
    columns = [frame[column] for column in key]
    return columns[0].str.cat(columns[1:], sep=separator) if len(frame) else pd.Series(dtype=str)


def _signatures(frame: pd.DataFrame) -> pd.Series:
    """A hash of each row's values (columns in name order), to tell whether a row changed."""
    return pd.util.hash_pandas_object(frame[sorted(frame.columns)], index=False)


def row_history(folder: Path, releases: list[Release], table: str, current: Path | None = None) -> pd.DataFrame:
    """For each row of the table's current file (or of `current`), in file order: the release it first appeared
    in and the release in which it last changed, matched by the table's key; empty where the row is not in any
    release as it is now."""
    key = TABLES[table].key
    now_path = current or folder / TABLES[table].file
    released = [(r.version, r.tables[table].sha256) for r in releases if table in r.tables]
    if released and {sha for _, sha in released} == {checksum(now_path)}:
        # One version of the table in every release, and it is today's: no need to read it row by row.
        rows = count_rows(now_path)
        return pd.DataFrame({"first_release": [released[0][0]] * rows, "changed_release": [released[0][0]] * rows})
    state = pd.DataFrame(columns=["first", "changed", "signature"])
    previous_sha = None
    for release in releases:
        released = release.tables.get(table)
        if released is None or released.sha256 == previous_sha:
            continue  # the same table as before: nothing appeared or changed
        previous_sha = released.sha256
        frame = _raw(stored_file(folder, releases, release.version, table))
        if frame is None:
            continue
        rows = pd.DataFrame({"signature": _signatures(frame).to_numpy()}, index=_keys(frame, key, "\x1f"))
        rows = rows[~rows.index.duplicated()]
        known = rows.index.isin(state.index)
        before = state.reindex(rows.index)
        changed = known & (before["signature"].to_numpy() != rows["signature"].to_numpy())
        update = pd.DataFrame({"first": before["first"].where(known, release.version).to_numpy(),
                               "changed": before["changed"].where(known & ~changed, release.version).to_numpy(),
                               "signature": rows["signature"].to_numpy()}, index=rows.index)
        state = pd.concat([state[~state.index.isin(rows.index)], update])
    now = _raw(now_path)
    found = state.reindex(_keys(now, key, "\x1f"))
    same = found["signature"].to_numpy() == _signatures(now).to_numpy() if len(now) else []
    return pd.DataFrame({"first_release": found["first"].fillna("").to_numpy(),
                         "changed_release": found["changed"].where(same, "").fillna("").to_numpy()})


# Making a release and the whole dataset ------------------------------------------------------------------------

class ReleaseRefused(Exception):
    pass


def make(folder: Path, version: str, day: date, summaries: dict[str, str]) -> Release:
    """Record the current tables as release `version`: refused when a table fails the check, the record of
    releases is wrong, the version is taken or not after the latest, or a language's summary is missing."""
    dataset = load_dataset(folder)
    if dataset.violations:
        raise ReleaseRefused(f"{len(dataset.violations)} problem(s) in the tables (python -m sco.check): "
                             + "; ".join(map(str, dataset.violations[:5])))
    problems = check(folder)
    if problems:
        raise ReleaseRefused("the record of releases is wrong: " + "; ".join(map(str, problems[:5])))
    releases, _ = read_releases(folder)
    if not VERSION.match(version):
        raise ReleaseRefused(f"{version!r}: a version is YYYY.MM, or YYYY.MM.N for a later release in the month")
    if releases and version_order(version) <= version_order(releases[-1].version):
        raise ReleaseRefused(f"{version} is not after the latest release, {releases[-1].version}")
    if releases and day < releases[-1].date:
        raise ReleaseRefused(f"{day} is before the latest release's date, {releases[-1].date}")
    missing = [lang for lang in CATALOGUES if not summaries.get(lang, "").strip()]
    if missing:
        raise ReleaseRefused(f"a summary is needed in every language; missing: {', '.join(missing)}")
    latest = releases[-1].tables if releases else {}
    release = Release(version, day, summaries=dict(summaries))
    store = folder / STORE / version
    for name, table in TABLES.items():
        path = folder / table.file
        if not path.exists():
            continue
        release.tables[name] = ReleasedTable(count_rows(path), checksum(path), 0)
        if name not in latest or latest[name].sha256 != release.tables[name].sha256:
            store.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, store / table.file)
    _append(folder / RELEASES_FILE, RELEASE_COLUMNS,
            [(version, day.isoformat(), name, t.rows, t.sha256) for name, t in release.tables.items()])
    _append(folder / NOTES_FILE, NOTE_COLUMNS, [(version, lang, summaries[lang]) for lang in CATALOGUES])
    return release


def _append(path: Path, columns: tuple[str, ...], rows: list[tuple]) -> None:
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new:
            writer.writerow(columns)
        writer.writerows(rows)


def citation_cff(release: Release) -> str:
    return (f"cff-version: 1.2.0\nmessage: \"If you use these data, please cite them as below.\"\n"
            f"title: \"{DATASET_NAME}\"\ntype: dataset\nversion: \"{release.version}\"\n"
            f"date-released: {release.date.isoformat()}\nauthors:\n  - name: \"SCO relations dashboard\"\n"
            f"abstract: \"{release.summary('en')}\"\n")


def _licences(tables: dict[str, pd.DataFrame | None]) -> str:
    lines = ["# Licences", "",
             "Curated tables (membership, summits, cities, city_names, leader_names, meetings, trade, coverage): facts",
             "each row takes from the public page it names in source_url.", "",
             "Imported tables (trade_imported, indicators, meetings_imported) come from the bulk files listed in",
             "sources.csv, under these terms:", "", "| source_id | file | terms |", "|---|---|---|"]
    sources = tables.get("sources")
    if sources is not None:
        lines += [f"| {r.source_id} | {r.title} | {r.licence} |" for r in sources.itertuples()]
    return "\n".join(lines) + "\n"


def dataset_zip(folder: Path, releases: list[Release], version: str) -> bytes:
    """Every table of a release, with the data dictionary, the licence statement of each bulk source and a
    CITATION.cff naming the version: a folder `python -m sco.check` validates once unpacked."""
    from sco.docs import data_dictionary  # the generated dictionary (sco.docs imports the loader)
    release = next(r for r in releases if r.version == version)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in release.tables:
            path = stored_file(folder, releases, version, table)
            if path is not None:
                archive.write(path, f"sco-data-{version}/{TABLES[table].file}")
        archive.writestr(f"sco-data-{version}/README.md", data_dictionary())
        archive.writestr(f"sco-data-{version}/LICENCES.md",
                         _licences({"sources": _raw(stored_file(folder, releases, version, "sources"))}))
        archive.writestr(f"sco-data-{version}/CITATION.cff", citation_cff(release))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sco.releases", description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=None, help="the data folder (default: SCO_DATA_DIR or data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make", help="record the current tables as a new release")
    made.add_argument("version")
    made.add_argument("--date", type=date.fromisoformat, default=date.today())
    made.add_argument("--summary", action="append", default=[], metavar="LANG=TEXT")
    zipped = commands.add_parser("zip", help="the whole dataset of a release as one zip")
    zipped.add_argument("version", nargs="?")
    zipped.add_argument("--out", type=Path, required=True)
    compared = commands.add_parser("changes", help="rows added, removed and changed per table")
    compared.add_argument("versions", nargs="*", metavar="VERSION")
    args = parser.parse_args(argv)
    folder = args.folder or data_dir()
    if args.command == "make":
        summaries = dict(item.split("=", 1) for item in args.summary if "=" in item)
        try:
            release = make(folder, args.version, args.date, summaries)
        except ReleaseRefused as refused:
            print(f"release refused: {refused}", file=sys.stderr)
            return 1
        print(f"release {release.version} ({release.date}): {len(release.tables)} tables")
        return 0
    releases, problems = read_releases(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not releases:
        print(f"no release recorded in {folder / RELEASES_FILE}", file=sys.stderr)
        return 1
    known = [r.version for r in releases]
    if args.command == "zip":
        version = args.version or known[-1]
        if version not in known:
            print(f"{version}: not a release ({', '.join(known)})", file=sys.stderr)
            return 1
        args.out.write_bytes(dataset_zip(folder, releases, version))
        print(f"{args.out}: release {version}")
        return 0
    old, new = args.versions if len(args.versions) == 2 else (known[-2] if len(known) > 1 else known[-1], known[-1])
    if old not in known or new not in known:
        print(f"not a release: {', '.join(v for v in (old, new) if v not in known)}", file=sys.stderr)
        return 1
    summary, _ = changes(folder, releases, old, new)
    print(f"{old} -> {new}")
    print(summary.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
