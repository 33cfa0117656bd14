"""Check the data folder from the command line:  python -m sco.check [FOLDER]

Prints every violation (file, row, column, value, rule) of the tables and of the record of releases
(sco.releases) and exits 1 if there is any, else prints a summary and exits 0. FOLDER defaults to SCO_DATA_DIR,
else the repository's data/.
"""
from __future__ import annotations

import sys

from sco import releases
from sco.data import load_dataset


def main(argv: list[str]) -> int:
    dataset = load_dataset(argv[0] if argv else None)
    problems = dataset.violations + releases.check(dataset.folder)
    for violation in problems:
        print(violation)
    if problems:
        print(f"{len(problems)} problem(s) in {dataset.folder}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{name}: {len(frame)} rows" for name, frame in dataset.tables.items())
    print(f"{dataset.folder}: all tables valid ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
