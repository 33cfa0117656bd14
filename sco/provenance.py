"""When each table last changed, and the citation text that goes with a download."""
from __future__ import annotations

import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

from sco.i18n import format_date, t
from sco.schema import TABLES

DATASET_NAME = "SCO relations dashboard data"


def last_changed(folder: Path) -> dict[str, date]:
    """The date of the last commit that touched each table, or the file's modification date outside git."""
    changed = {}
    for table in TABLES.values():
        path = folder / table.file
        if not path.exists():
            continue
        changed[table.name] = _commit_date(path) or datetime.fromtimestamp(
            path.stat().st_mtime, tz=timezone.utc).date()
    return changed


def _commit_date(path: Path) -> date | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                                capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = result.stdout.strip()
    return date.fromisoformat(text) if result.returncode == 0 and text else None


def citation(view_title: str, view_url: str, sources: int, version: date | None, today: date, lang: str) -> str:
    """A reference for a downloaded view: what, which version, where, from what, when retrieved."""
    return t("citation", lang, dataset=DATASET_NAME, view=view_title,
             version=version.isoformat() if version else t("unknown", lang), url=view_url, sources=sources,
             retrieved=format_date(today, lang))
