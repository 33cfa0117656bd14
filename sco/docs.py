"""The data dictionary, generated from the schema so that it is never written twice.

python -m sco.docs   rewrites data/README.md; a test fails when the file and the schema disagree.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from sco.data import DEFAULT_DATA_DIR
from sco.i18n import describe
from sco.schema import AUTHORITIES, RULES, TABLES

README = DEFAULT_DATA_DIR / "README.md"

INTRO = """# Data

The tables behind the dashboard: UTF-8 CSV files with a header row. Every row of a curated table names the
public page that states it (`source_title`, `source_url`); every row of an imported table names the bulk file it
comes from (`source_id`, a row of `sources.csv`: the file at a commit, kept unchanged in `raw/`). What could not be
sourced is left out, never guessed; where sources disagree, the row says so in `note`.

Conventions: dates are ISO 8601 (`YYYY-MM-DD`); where a source gives only a month or a year the date is the first
day of it and `date_precision` says so. Countries are ISO 3166-1 alpha-3 codes. Extra columns are allowed.
Check the folder with `python -m sco.check` (or point it at another folder: `python -m sco.check path/to/data`);
the app reads the folder named by the environment variable `SCO_DATA_DIR`, else this one.

This file is generated from `sco/schema.py` by `python -m sco.docs`; edit the schema, not this file.
"""


RELEASES = """## Releases

A release is a named, dated version of every table (`2026.12`; `2026.12.1` for a later one in the same month), made
by `python -m sco.releases make VERSION --summary LANG=TEXT ...` (refused while a table fails the check).

- `releases.csv`: one line per table of each release: `version`, `date` (ISO), `table` (a table above), `rows`
  (data rows), `sha256` (of the table's file as released).
- `release_notes.csv`: `version`, `lang` (each language of the app), `summary` (what the release changed).
- `releases/<version>/`: a copy of each table the release changed (every table, for the first release). A table of
  any release is the copy in the folder of the latest release up to it that holds one.

Amounts: `value_usd` is in US dollars. The app writes them in each language's own units (USD 240.11 bn,
240,11 mil millones USD, 240,11 млрд долларов, 2401.1 亿美元: Chinese counts in 亿, a hundred million).
"""


def data_dictionary() -> str:
    parts = [INTRO]
    for table in TABLES.values():
        required = "required" if table.required_file else "optional"
        parts.append(f"## `{table.file}` ({required})\n\n{table.description}\n")
        if table.imported:
            parts.append("Imported: written by `python -m sco.imports` from `raw/`, never edited by hand.\n")
        parts.append(f"Key (no two rows alike): {', '.join(f'`{k}`' for k in table.key)}.\n")
        parts.append("| column | type | required | meaning |\n|---|---|---|---|")
        for column in table.columns:
            kind = column.kind + (f": {', '.join(column.choices)}" if column.choices else "")
            parts.append(f"| `{column.name}` | {kind} | {'yes' if column.required else 'no'} | {column.description} |")
        parts.append("")
    parts.append("## Known sources of trade figures\n\n`trade.source` must name one of these (`AUTHORITIES` in "
                 "`sco/schema.py`). A customs service, statistics office or agency gives its own state's figures, so "
                 "the row's reporter must be that state.\n\n| source | kind | state |\n|---|---|---|")
    parts += [f"| {name} | {a.kind} | {a.iso3 or ''} |" for name, a in AUTHORITIES.items()]
    parts.append("")
    parts.append(RELEASES)
    parts.append("## Rules the check applies\n\n| rule | meaning |\n|---|---|")
    parts += [f"| `{rule}` | {text} |" for rule, text in RULES.items()]
    return "\n".join(parts) + "\n"


def main() -> None:
    Path(README).write_text(data_dictionary(), encoding="utf-8")


def dictionary_frame(table_name: str, lang: str = "en") -> pd.DataFrame:
    """The schema of one table as rows: column, type, required, meaning (shown on the Sources page)."""
    table = TABLES[table_name]
    return pd.DataFrame([{"column": c.name, "type": c.kind + (f": {', '.join(c.choices)}" if c.choices else ""),
                          "required": c.required, "meaning": describe(table_name, c, lang)} for c in table.columns])


def table_summaries(*frames_and_names) -> list[dict]:
    """table_summary of several tables at once (the frames, then the tuple of their names): the Sources page asks
    once per run, not once per table."""
    *frames, names = frames_and_names
    return [table_summary(frame, name) for frame, name in zip(frames, names)]


def table_summary(frame: pd.DataFrame, name: str) -> dict:
    """What a table covers: rows, first and last date or year, countries named."""
    # Trade and meetings as the app holds them also have the imported rows (and trade the totals it computed).
    if "basis" in frame:
        frame = frame[frame["basis"] == "reported"]
    if "origin" in frame:
        frame = frame[frame["origin"] == "curated"]
    date_columns = [c.name for c in TABLES[name].columns if c.kind in ("date",)] or [
        c.name for c in TABLES[name].columns if c.name == "year"]
    countries = set()
    for column in TABLES[name].columns:
        if column.kind == "iso3":
            countries |= set(frame[column.name].dropna())
    first = last = None
    if date_columns:
        values = frame[date_columns[0]].dropna()
        first, last = values.min(), values.max()
    return {"table": name, "rows": len(frame), "first": first, "last": last, "countries": len(countries)}


if __name__ == "__main__":
    main()
