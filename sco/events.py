"""Events to mark on a time series: SCO summits, accessions of members, and the chosen pairs' leader meetings."""
from __future__ import annotations

import pandas as pd

from sco.countries import city_name, country_name
from sco.i18n import format_date
from sco.membership import accessions


def _year_fraction(day: pd.Timestamp) -> float:
    """2024-07-04 -> 2024.51: a date on an axis of years."""
    return day.year + (day.dayofyear - 1) / 366


def timeline_events(summits: pd.DataFrame | None, membership: pd.DataFrame | None, meetings: pd.DataFrame | None,
                    pairs: list[str], lang: str) -> pd.DataFrame:
    rows = []
    if summits is not None:
        for s in summits[summits["body"] == "sco"].itertuples():
            rows.append(("summit", _year_fraction(s.start_date), f"{city_name(s.city, lang)}, {format_date(s.start_date, lang)}"))
    if membership is not None:
        for m in accessions(membership).itertuples():
            rows.append(("accession", _year_fraction(m.start_date),
                         f"{country_name(m.iso3, lang)}, {format_date(m.start_date, lang)}"))
    if meetings is not None and pairs:
        chosen = meetings[meetings["pair"].isin(pairs) & (meetings["format"] == "in_person")]
        for m in chosen.itertuples():
            rows.append(("meeting", _year_fraction(m.date),
                         f"{m.leader_a} – {m.leader_b}, {format_date(m.date, lang)}: {m.occasion}"))
    return pd.DataFrame(rows, columns=["kind", "x", "text"])
