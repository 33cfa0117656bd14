"""Data releases: made only from valid tables, each kept so that it can be read again, what changed between two,
the whole dataset as one zip, and a wrong record named by file and line."""
import csv
import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sco import releases
from sco.check import main as check_main
from sco.data import DEFAULT_DATA_DIR
from sco.locales import CATALOGUES

SUMMARIES = {lang: f"summary in {lang}" for lang in CATALOGUES}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with the three tables every folder needs."""
    for name in ("membership.csv", "summits.csv", "cities.csv"):
        shutil.copyfile(DEFAULT_DATA_DIR / name, tmp_path / name)
    return tmp_path


def edit_membership(folder: Path) -> None:
    """A corrected note in the first row and a new last row: the first state's status in 1990 (made up)."""
    path = folder / "membership.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header, first = rows[0], rows[1]
    rows[1] = [*first[:header.index("note")], "corrected", *first[header.index("note") + 1:]]
    added = dict(zip(header, first), start_date="1990-01-01", end_date="1990-12-31")
    rows.append([added[column] for column in header])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def two_releases(folder: Path) -> list[releases.Release]:
    releases.make(folder, "2026.11", date(2026, 11, 1), SUMMARIES)
    edit_membership(folder)
    releases.make(folder, "2026.12", date(2026, 12, 1), SUMMARIES)
    made, problems = releases.read_releases(folder)
    assert problems == []
    return made


def test_a_release_keeps_every_table_and_the_next_only_what_it_changed(folder):
    made = two_releases(folder)
    assert [r.version for r in made] == ["2026.11", "2026.12"]
    assert sorted(p.name for p in (folder / "releases" / "2026.11").iterdir()) == ["cities.csv", "membership.csv",
                                                                                    "summits.csv"]
    assert [p.name for p in (folder / "releases" / "2026.12").iterdir()] == ["membership.csv"]
    assert releases.check(folder) == [] and releases.unreleased(folder, made) == []
    old = releases.release_folder(folder, made, "2026.11")
    assert (old / "membership.csv").read_bytes() == (DEFAULT_DATA_DIR / "membership.csv").read_bytes()
    assert (old / "summits.csv").read_bytes() == (folder / "summits.csv").read_bytes()


def test_what_changed_between_two_releases(folder):
    made = two_releases(folder)
    summary, detail = releases.changes(folder, made, "2026.11", "2026.12")
    membership = summary.set_index("table").loc["membership"]
    rows = membership["rows_old"]
    assert (membership["rows_new"], membership["added"], membership["removed"], membership["changed"]) == \
        (rows + 1, 1, 0, 1)
    assert summary.set_index("table").loc[["summits", "cities"], ["added", "removed", "changed"]].sum().sum() == 0
    changed = detail[detail["change"] == "changed"].iloc[0]
    assert (changed["table"], changed["column"], changed["new"]) == ("membership", "note", "corrected")
    assert changed["old"] != "corrected"
    added = detail[detail["change"] == "added"].iloc[0]
    assert "1990-01-01" in added["key"]
    # Backwards, the same rows are removed and the note changes back.
    summary, detail = releases.changes(folder, made, "2026.12", "2026.11")
    assert tuple(summary.set_index("table").loc["membership", ["added", "removed", "changed"]]) == (0, 1, 1)


def test_each_row_says_when_it_first_appeared_and_last_changed(folder):
    made = two_releases(folder)
    history = releases.row_history(folder, made, "membership")
    assert (history.iloc[0]["first_release"], history.iloc[0]["changed_release"]) == ("2026.11", "2026.12")
    assert (history.iloc[1]["first_release"], history.iloc[1]["changed_release"]) == ("2026.11", "2026.11")
    assert tuple(history.iloc[-1]) == ("2026.12", "2026.12")
    path = folder / "membership.csv"  # the last row edited after the release: changed since, not yet released
    path.write_text(path.read_text(encoding="utf-8").replace("1990-12-31", "1990-06-30"), encoding="utf-8")
    history = releases.row_history(folder, made, "membership")
    assert tuple(history.iloc[-1]) == ("2026.12", "")


def test_a_release_of_tables_that_fail_the_check_is_refused(folder):
    path = folder / "membership.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",member,", ",chairman,", 1), encoding="utf-8")
    with pytest.raises(releases.ReleaseRefused, match="problem"):
        releases.make(folder, "2026.11", date(2026, 11, 1), SUMMARIES)
    assert not (folder / "releases.csv").exists() and not (folder / "releases").exists()


@pytest.mark.parametrize("version,day,summaries,refusal", [
    ("2026.11", date(2026, 12, 2), SUMMARIES, "not after"),  # taken
    ("2026.12.1", date(2026, 11, 30), SUMMARIES, "before"),  # dated before the latest
    ("December", date(2026, 12, 2), SUMMARIES, "YYYY.MM"),
    ("2027.01", date(2027, 1, 2), {"en": "only English"}, "missing: es, ru, zh"),
])
def test_a_release_that_would_break_the_record_is_refused(folder, version, day, summaries, refusal):
    two_releases(folder)
    with pytest.raises(releases.ReleaseRefused, match=refusal):
        releases.make(folder, version, day, summaries)


def rewrite_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


# How a record of two releases (lines 2-4: 2026.11's membership, summits, cities; 5: 2026.12's membership) is
# broken, and the violation it gives: every rule of the record has one.
RECORD_CASES = [
    (lambda f: rewrite_line(f / "releases.csv", 2, ",membership,", ",members,"),
     ("releases.csv", 2, "table", "members", "release_table")),
    (lambda f: rewrite_line(f / "releases.csv", 5, "2026-12-01", "2026-12-02"),  # two releases named 2026.12
     ("releases.csv", 6, "date", "2026-12-01", "release_duplicate")),
    (lambda f: rewrite_line(f / "releases.csv", 3, "2026.11", "2026-11"),
     ("releases.csv", 3, "version", "2026-11", "release_version")),
    (lambda f: (f / "releases" / "2026.12" / "membership.csv").write_text("edited", encoding="utf-8"),
     ("releases.csv", 5, "sha256", "releases/2026.12/membership.csv", "release_kept")),
    (lambda f: (f / "releases" / "2026.11" / "cities.csv").unlink(),
     ("releases.csv", 4, "table", "cities", "release_kept")),
    (lambda f: rewrite_line(f / "release_notes.csv", 3, ",es,", ",fr,"),
     ("release_notes.csv", 3, "lang", "fr", "release_note")),
    (lambda f: rewrite_line(f / "release_notes.csv", 1, "summary", "text"),
     ("release_notes.csv", 1, None, "version,lang,text", "release_header")),
    (lambda f: rewrite_line(f / "releases.csv", 2, "2026-11-01", "2026-11-31"),
     ("releases.csv", 2, "date", "2026-11-31", "release_date")),
    (lambda f: [rewrite_line(f / "releases.csv", n, "2026-12-01", "2026-10-01") for n in (5,)],
     ("releases.csv", 5, "date", "2026-10-01", "release_date")),  # dated before the release it follows
    (lambda f: rewrite_line(f / "releases.csv", 3, ",30,", ",thirty,"),
     ("releases.csv", 3, "rows", "thirty", "release_rows")),
    (lambda f: rewrite_line(f / "releases.csv", 4, f"{releases.read_releases(f)[0][0].tables['cities'].sha256}", "abc"),
     ("releases.csv", 4, "sha256", "abc", "release_checksum")),
]


@pytest.mark.parametrize("edit,expected", RECORD_CASES)
def test_a_wrong_record_names_the_file_line_and_rule(folder, edit, expected):
    two_releases(folder)
    edit(folder)
    assert expected in [(p.file, p.row, p.column, p.value, p.rule) for p in releases.check(folder)]
    assert check_main([str(folder)]) == 1


def test_the_whole_dataset_unpacks_into_a_folder_the_check_accepts(folder, tmp_path_factory):
    made = two_releases(folder)
    archive = zipfile.ZipFile(io.BytesIO(releases.dataset_zip(folder, made, "2026.11")))
    names = set(archive.namelist())
    assert {"sco-data-2026.11/membership.csv", "sco-data-2026.11/README.md", "sco-data-2026.11/LICENCES.md",
            "sco-data-2026.11/CITATION.cff"} <= names
    assert 'version: "2026.11"' in archive.read("sco-data-2026.11/CITATION.cff").decode()
    unpacked = tmp_path_factory.mktemp("unpacked")
    archive.extractall(unpacked)
    assert (unpacked / "sco-data-2026.11" / "membership.csv").read_bytes() == \
        (DEFAULT_DATA_DIR / "membership.csv").read_bytes()  # the release's table, not today's
    assert check_main([str(unpacked / "sco-data-2026.11")]) == 0


def test_the_repositorys_record_of_releases_is_sound():
    made, problems = releases.read_releases(DEFAULT_DATA_DIR)
    assert problems == [] and releases.check(DEFAULT_DATA_DIR) == []
    assert len(made) >= 2
    archive = zipfile.ZipFile(io.BytesIO(releases.dataset_zip(DEFAULT_DATA_DIR, made, made[-1].version)))
    assert sum(name.endswith(".csv") for name in archive.namelist()) == len(made[-1].tables)


def test_the_command_makes_zips_and_compares(folder, tmp_path_factory, capsys):
    summaries = [f"--summary={lang}=text" for lang in CATALOGUES]
    assert releases.main(["--folder", str(folder), "make", "2026.11", "--date", "2026-11-01", *summaries]) == 0
    edit_membership(folder)
    assert releases.main(["--folder", str(folder), "make", "2026.12", "--date", "2026-12-01", *summaries]) == 0
    assert releases.main(["--folder", str(folder), "make", "2026.12", *summaries]) == 1
    out = tmp_path_factory.mktemp("zip") / "data.zip"
    assert releases.main(["--folder", str(folder), "zip", "--out", str(out)]) == 0
    assert "sco-data-2026.12/CITATION.cff" in zipfile.ZipFile(out).namelist()
    capsys.readouterr()
    assert releases.main(["--folder", str(folder), "changes", "2026.11", "2026.12"]) == 0
    assert "membership" in capsys.readouterr().out
