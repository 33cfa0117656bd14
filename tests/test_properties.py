"""Any text in a link parameter or a CSV cell gives a value or a named violation, never an exception."""
import csv
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco.data import load_dataset
from sco.links import parse_choice, parse_codes, upgrade
from sco.schema import RULES, TABLES
from tests.conftest import DATA

CODES = ("CHN", "RUS", "KAZ", "CHN-RUS")
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


@given(ANY_TEXT)
def test_any_text_is_codes_or_a_refusal(raw):
    try:
        codes = parse_codes(raw, CODES)
    except ValueError:
        return
    assert set(codes) <= set(CODES) and len(codes) == len(set(codes))


@given(ANY_TEXT)
def test_any_text_is_a_choice_or_a_refusal(raw):
    try:
        assert parse_choice(raw, CODES) in CODES
    except ValueError:
        pass


@given(st.dictionaries(ANY_TEXT, st.lists(ANY_TEXT, min_size=1, max_size=3), max_size=4))
def test_any_link_upgrades_to_a_link_or_stays(params):
    upgraded = upgrade(params)
    assert upgraded is None or set(upgraded) == set(params)


_FOLDER = Path(tempfile.mkdtemp()) / "data"
# The curated tables only: the imported ones are optional, and reading 40,000 rows per example would add nothing.
shutil.copytree(DATA, _FOLDER, ignore=shutil.ignore_patterns("raw", *(f"{t.name}.csv" for t in TABLES.values()
                                                                     if t.imported)))
_SUMMITS = list(csv.reader((_FOLDER / "summits.csv").open(encoding="utf-8", newline="")))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, len(_SUMMITS) - 1), st.sampled_from(_SUMMITS[0]), ANY_TEXT)
def test_any_cell_is_valid_or_a_named_violation(row, column, value):
    rows = [list(r) for r in _SUMMITS]
    rows[row][rows[0].index(column)] = value
    with (_FOLDER / "summits.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    dataset = load_dataset(_FOLDER)
    for violation in dataset.violations:
        assert violation.rule in RULES and violation.file in {t.file for t in TABLES.values()}
        assert violation.row is None or 1 <= violation.row <= 2 * len(_SUMMITS) + value.count("\n") + 2
    assert ("summits" in dataset.tables) != any(v.file == "summits.csv" for v in dataset.violations)
