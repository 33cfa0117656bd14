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
def navigation_router_only(monkeypatch):
    """AppTest re-detects the pages/ folder before every run and would take Streamlit's legacy router each time;
    a real server does so only until st.navigation first runs (that hand-over is covered by the browser tests)."""
    from streamlit.runtime.pages_manager import PagesManager
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
