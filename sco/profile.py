"""One country's SCO relationship: status history, summits hosted, leader meetings, trade partners."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from sco.meetings import count_by_pair
from sco.membership import statuses_on


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
    """The profile from the membership, meetings and trade tables (summits optional)."""
    statuses = tables["membership"][tables["membership"]["iso3"] == iso3].sort_values("start_date")
    current = statuses_on(statuses, today)
    summits = tables.get("summits")
    hosted = summits[summits["host_iso3"] == iso3] if summits is not None else pd.DataFrame()
    meetings = tables["meetings"]
    mine = meetings[(meetings["iso3_a"] == iso3) | (meetings["iso3_b"] == iso3)]
    counterparts = count_by_pair(mine)
    counterparts["counterpart"] = [next(c for c in p.split("-") if c != iso3) for p in counterparts["pair"]]
    trade = tables["trade"]
    mine_trade = trade[(trade["reporter_iso3"] == iso3) | (trade["partner_iso3"] == iso3)]
    trade_pairs = mine_trade.groupby("pair").size().sort_values(ascending=False, kind="stable").index.tolist()
    return Profile(iso3, statuses, current.iloc[0] if len(current) else None, hosted, mine, counterparts,
                   trade_pairs)
