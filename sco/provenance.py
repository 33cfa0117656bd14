"""The citation text that goes with a download."""
from __future__ import annotations

from datetime import date

from sco.i18n import format_date, t

DATASET_NAME = "SCO relations dashboard data"


def citation(view_title: str, view_url: str, sources: int, version: date | None, today: date, lang: str) -> str:
    """A reference for a downloaded view: what, which version, where, from what, when retrieved."""
    return t("citation", lang, dataset=DATASET_NAME, view=view_title,
             version=version.isoformat() if version else t("unknown", lang), url=view_url, sources=sources,
             retrieved=format_date(today, lang))
