"""When each table last changed, recorded in the repository itself (data/versions.csv), not read from git:
a deployment's shallow clone gives every file the same commit date.

After editing a table:  python -m sco.versions          (records today's date for every table whose bytes changed)
To see whether that was done:  python -m sco.versions --check   (exits 1 naming each table changed but not recorded)
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sco.data import data_dir
from sco.schema import TABLES

VERSIONS_FILE = "versions.csv"
COLUMNS = ("table", "sha256", "changed")


@dataclass(frozen=True)
class Version:
    sha256: str
    changed: date


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_versions(folder: Path) -> dict[str, Version]:
    """table -> its recorded checksum and date of last change; empty when the folder records none."""
    path = folder / VERSIONS_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["table"]: Version(row["sha256"], date.fromisoformat(row["changed"]))
                for row in csv.DictReader(handle)}


def _checksums(folder: Path) -> dict[str, str]:
    """table -> checksum of its file, for the tables present in the folder."""
    return {name: checksum(folder / table.file) for name, table in TABLES.items() if (folder / table.file).exists()}


def unrecorded(folder: Path) -> list[str]:
    """Tables present in the folder whose bytes differ from (or are missing in) the record."""
    return _unrecorded(read_versions(folder), _checksums(folder))


def _unrecorded(versions: dict[str, Version], checksums: dict[str, str]) -> list[str]:
    return [name for name, sha in checksums.items() if name not in versions or versions[name].sha256 != sha]


def record(folder: Path, today: date) -> list[str]:
    """Record `today` for every table whose bytes changed since the last record; returns their names."""
    versions, checksums = read_versions(folder), _checksums(folder)
    changed = _unrecorded(versions, checksums)
    versions.update({name: Version(checksums[name], today) for name in changed})
    with (folder / VERSIONS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows((n, v.sha256, v.changed.isoformat()) for n, v in sorted(versions.items())
                         if n in checksums)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sco.versions", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="only report tables changed but not recorded")
    args = parser.parse_args(argv)
    folder = args.folder or data_dir()
    if args.check:
        stale = unrecorded(folder)
        for name in stale:
            print(f"{folder / TABLES[name].file}: changed since {VERSIONS_FILE} was written; "
                  f"run python -m sco.versions", file=sys.stderr)
        return 1 if stale else 0
    for name in record(folder, date.today()):
        print(f"{TABLES[name].file}: changed {date.today().isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
