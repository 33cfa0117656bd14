"""One country's SCO relationship: status history, summits hosted, leader meetings, trade partners."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from sco.meetings import count_by_pair


def profile_countries(membership: pd.DataFrame, meetings: pd.DataFrame, trade: pd.DataFrame) -> list[str]:
    """Every state a table names as a member, partner, meeting side or trade reporter or partner."""
    return sorted(set(membership["iso3"]) | set(meetings["iso3_a"]) | set(meetings["iso3_b"])
                  | set(trade["reporter_iso3"]) | set(trade["partner_iso3"]))


@dataclass(frozen=True)
class Profile:
    iso3: str
    statuses: pd.DataFrame
    current_status: pd.Series | None
    summits_hosted: pd.DataFrame
    meetings: pd.DataFrame
    counterparts: pd.DataFrame  # pair, meetings, latest, counterpart
    trade_pairs: list[str]


def build_profile(iso3: str, tables: dict[str, pd.DataFrame], today: date) -> Profile:
    membership = tables.get("membership", pd.DataFrame(columns=["iso3", "start_date", "end_date", "status"]))
    statuses = membership[membership["iso3"] == iso3].sort_values("start_date")
    day = pd.Timestamp(today)
    current = statuses[(statuses["start_date"] <= day) & (statuses["end_date"].isna() | (statuses["end_date"] > day))]
    summits = tables.get("summits")
    hosted = summits[summits["host_iso3"] == iso3] if summits is not None else pd.DataFrame()
    meetings = tables.get("meetings")
    mine = meetings[(meetings["iso3_a"] == iso3) | (meetings["iso3_b"] == iso3)] if meetings is not None else None
    counterparts = count_by_pair(mine) if mine is not None else pd.DataFrame(columns=["pair", "meetings", "latest"])
    counterparts["counterpart"] = [next(c for c in p.split("-") if c != iso3) if p.count(iso3) == 1 else iso3
                                   for p in counterparts["pair"]]
    trade = tables.get("trade")
    trade_pairs = []
    if trade is not None:
        mine_trade = trade[(trade["reporter_iso3"] == iso3) | (trade["partner_iso3"] == iso3)]
        trade_pairs = mine_trade.groupby("pair").size().sort_values(ascending=False, kind="stable").index.tolist()
    return Profile(iso3, statuses, current.iloc[0] if len(current) else None, hosted,
                   mine if mine is not None else pd.DataFrame(), counterparts, trade_pairs)
