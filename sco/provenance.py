"""The citation text that goes with a download."""
from __future__ import annotations

from datetime import date

from sco.i18n import format_date, t
from sco.releases import DATASET_NAME


def citation(view_title: str, view_url: str, sources: int, release: str, today: date, lang: str) -> str:
    """A reference for a downloaded view: what, which release (as the reader's language writes it), where, from
    what, when retrieved."""
    return t("citation", lang, dataset=DATASET_NAME, view=view_title, version=release, url=view_url,
             sources=sources, retrieved=format_date(today, lang))
