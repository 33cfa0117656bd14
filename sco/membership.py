"""Questions asked of the membership and summits tables: who held which status on a date, and the headlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sco.schema import STATUSES


def _day(value: date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def statuses_on(membership: pd.DataFrame, on: date | pd.Timestamp) -> pd.DataFrame:
    """Rows of the status each state held on `on`; an interval runs from its start up to (not including) its end."""
    day = _day(on)
    held = (membership["start_date"] <= day) & (membership["end_date"].isna() | (membership["end_date"] > day))
    return membership[held].sort_values(["status", "iso3"], key=_status_order)


def _status_order(column: pd.Series) -> pd.Series:
    if column.name == "status":
        return column.map({s: i for i, s in enumerate(STATUSES)})
    return column


def count_by_status(membership: pd.DataFrame, on: date | pd.Timestamp) -> dict[str, int]:
    """How many states held each status on `on`, in the schema's order, statuses with none left out."""
    return count_statuses(statuses_on(membership, on))


def count_statuses(statuses: pd.DataFrame) -> dict[str, int]:
    """Rows per status (as returned by statuses_on), in the schema's order, statuses with none left out."""
    counts = statuses["status"].value_counts()
    return {status: int(counts[status]) for status in STATUSES if status in counts}


def statuses_by_year(membership: pd.DataFrame, first_year: int, today: date) -> pd.DataFrame:
    """Statuses at the end of each year from `first_year` to this year (this year: as of today), for animation."""
    frames = []
    for year in range(first_year, today.year + 1):
        on = min(date(year, 12, 31), today)
        frame = statuses_on(membership, on)[["iso3", "status"]].assign(year=year)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["iso3", "status", "year"])


@dataclass(frozen=True)
class Headlines:
    members_today: int
    others_today: int
    founded: pd.Timestamp | None
    founders: list[str]
    later_members: list[tuple[str, pd.Timestamp]]
    newest_member: tuple[str, pd.Timestamp] | None
    latest_summit: pd.Series | None


def first_memberships(membership: pd.DataFrame) -> pd.DataFrame:
    """Each member state's first day as a member (iso3, start_date), earliest first."""
    members = membership[membership["status"] == "member"]
    return members.sort_values("start_date", kind="stable").drop_duplicates("iso3")[["iso3", "start_date"]]


def accessions(membership: pd.DataFrame) -> pd.DataFrame:
    """The states that became members after the founders (iso3, start_date), in order of accession."""
    first = first_memberships(membership)
    return first[first["start_date"] > first["start_date"].min()]


def headlines(membership: pd.DataFrame, summits: pd.DataFrame | None, today: date) -> Headlines:
    """The figures the overview page opens with, all derived from the tables."""
    now = statuses_on(membership, today)
    first_joins = first_memberships(membership)
    founded = first_joins["start_date"].min() if len(first_joins) else None
    founders = first_joins.loc[first_joins["start_date"] == founded, "iso3"].tolist() if founded is not None else []
    later = list(accessions(membership).itertuples(index=False, name=None))
    past = summits[summits["start_date"] <= _day(today)] if summits is not None else None
    return Headlines(
        members_today=int((now["status"] == "member").sum()),
        others_today=int((now["status"] != "member").sum()),
        founded=founded,
        founders=founders,
        later_members=later,
        newest_member=later[-1] if later else None,
        latest_summit=past.sort_values("start_date").iloc[-1] if past is not None and len(past) else None,
    )


def summits_by_city(summits: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """One row per host city: coordinates, number of summits, and the years they were held."""
    joined = summits.merge(cities, left_on=["city", "host_iso3"], right_on=["city", "iso3"], how="left")
    grouped = joined.groupby(["city", "host_iso3", "lat", "lon"], as_index=False).agg(
        summits=("start_date", "size"),
        years=("start_date", lambda s: ", ".join(str(d.year) for d in sorted(s))),
        body=("body", "last"),
    )
    return grouped.sort_values("summits", ascending=False, kind="stable")


def summit_decisions(summits: pd.DataFrame, membership: pd.DataFrame) -> pd.Series:
    """For each summit (by index), the statuses that began on its days: the admissions and changes it decided
    (membership's start dates are the day of the decision or signature), as (state, status) pairs."""
    ordered = membership.sort_values(["status", "iso3"], kind="stable")
    began = ordered["start_date"].to_numpy()
    pairs = list(zip(ordered["iso3"], ordered["status"]))
    # One sorted pass of the membership table, then a comparison of arrays per summit (not a filter and a sort).
    decided = {index: [pairs[i] for i in np.flatnonzero((began >= start) & (began <= end))]
               for index, start, end in zip(summits.index, summits["start_date"].to_numpy(),
                                            summits["end_date"].to_numpy())}
    return pd.Series(decided, dtype=object)


def filter_summits(summits: pd.DataFrame, formats: tuple[str, ...], hosts: tuple[str, ...], first: int,
                   last: int) -> pd.DataFrame:
    """The summits of the chosen formats and hosts (all, if none chosen) held from year `first` to `last`."""
    kept = summits["start_date"].dt.year.between(first, last)
    if formats:
        kept &= summits["format"].isin(formats)
    if hosts:
        kept &= summits["host_iso3"].isin(hosts)
    return summits[kept]
