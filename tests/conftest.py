"""Shared fixtures: a copy of the curated data that a test may break without touching data/."""
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def rewrite_cell(folder: Path, file: str, line: int, column: str, value: str) -> None:
    """Set one cell of a CSV (line 1 is the header) to `value`, keeping everything else as it is."""
    import csv
    path = folder / file
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def append_row(folder: Path, file: str, values: dict) -> int:
    """Append a row (missing columns empty); returns its line number."""
    import csv
    path = folder / file
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows.append([values.get(c, "") for c in rows[0]])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return len(rows)


@pytest.fixture(autouse=True)
def navigation_router_only():
    from tests.apptest_support import navigation_router_only as router
    with router():
        yield
