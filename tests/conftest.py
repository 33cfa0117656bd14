"""Shared fixtures: a copy of the curated data that a test may break without touching data/."""
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def data():
    """The curated tables as validated from data/, shared by every test: read them, never change them."""
    from sco.data import load_dataset
    return load_dataset(DATA)


@pytest.fixture(scope="session")
def meetings(data):
    """The meetings table as the app holds it: curated and imported rows, with the pair key and year."""
    from sco.meetings import all_meetings, with_pairs
    return with_pairs(all_meetings(data["meetings"], data["meetings_imported"], data["sources"]))


@pytest.fixture(scope="session")
def trade(data):
    """The trade table as the app holds it (series, ranks and the primary figure of each series-year)."""
    from sco.trade import all_figures, prepare_trade
    return prepare_trade(all_figures(data["trade"], data["trade_imported"], data["sources"]))


@pytest.fixture(scope="session")
def app_tables(data, meetings, trade) -> dict:
    """Every table as the app holds it, in a new dict (the shared frames themselves are not to be changed)."""
    return {**data.tables, "meetings": meetings, "trade": trade}


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
