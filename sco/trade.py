"""Questions asked of the trade table: whose figure, which series, totals, growth, coverage.

A series is one reporter's figures for one partner from one family of sources (the reporter's own releases,
or the IMF's Direction of Trade Statistics), calendar or fiscal years: the two sides of a pair are never mixed,
so that the gap between them stays visible. Where one series has several figures for a year (two releases of
the same statistic), the one from the highest-ranked source is drawn on the line and the others as points.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from sco.meetings import pair_key
from sco.schema import AUTHORITIES, NATIONAL_STATISTICS

IMF = "IMF Direction of Trade Statistics"
FLOWS = ("total", "exports", "imports")
COVERAGE_YEARS = range(2000, 2026)
USD_200_BILLION = 200e9
# Lower ranks first: a statistical release before a ministry's, before officials' statements, before the press.
KIND_RANKS = {"customs": 0, "statistics": 0, "international": 0, "agency": 1, "officials": 2, "press": 3}
# Figures an authority published itself, as opposed to figures officials or the press gave without naming one.
RELEASE_KINDS = (*NATIONAL_STATISTICS, "international")


def prepare_trade(trade: pd.DataFrame) -> pd.DataFrame:
    """Add the pair, the series a figure belongs to and whether it is the figure drawn on the line.

    Totals a series does not report are added as exports + imports of the same reporter, year and source,
    marked in `basis`; nothing else is derived.
    """
    frame = trade.copy()
    frame["basis"] = "reported"
    frame = pd.concat([frame, _totals_from_flows(frame)], ignore_index=True)
    frame["pair"] = [pair_key(a, b) for a, b in zip(frame["reporter_iso3"], frame["partner_iso3"])]
    frame["family"] = (frame["source"] == IMF).map({True: "imf", False: "national"})
    frame["kind"] = frame["source"].map(lambda name: AUTHORITIES[name].kind)
    frame["period_kind"] = (frame["period"] == "calendar").map({True: "calendar", False: "fiscal"})
    frame["series"] = frame["reporter_iso3"] + ">" + frame["partner_iso3"] + "|" + frame["family"] + "|" + \
        frame["period_kind"]
    frame["rank"] = frame["kind"].map(KIND_RANKS) + (frame["basis"] != "reported") * 0.5
    frame = frame.sort_values(["series", "flow", "year", "rank"], kind="stable", ignore_index=True)
    frame["primary"] = ~frame.duplicated(subset=["series", "flow", "year"], keep="first")
    return frame


def _totals_from_flows(frame: pd.DataFrame) -> pd.DataFrame:
    # The same authority as given by the same person or outlet: officials' figures are added only to each other's.
    keys = ["year", "period", "reporter_iso3", "partner_iso3", "source", "stated_by"]
    flows = frame[frame["flow"].isin(["exports", "imports"])]
    both = flows.groupby(keys).filter(lambda g: set(g["flow"]) == {"exports", "imports"})
    if both.empty:
        return frame.iloc[0:0]
    summed = both.groupby(keys, as_index=False).agg(
        value_usd=("value_usd", "sum"), source_title=("source_title", "first"), source_url=("source_url", "first"),
        note=("note", lambda s: " / ".join(v for v in s if isinstance(v, str) and v)))
    reported = frame.loc[frame["flow"] == "total", keys].drop_duplicates()
    summed = summed.merge(reported, on=keys, how="left", indicator=True)
    summed = summed[summed["_merge"] == "left_only"].drop(columns="_merge")
    return summed.assign(flow="total", basis="exports + imports")


def series_for_pairs(trade: pd.DataFrame, pairs: list[str], flow: str, releases_only: bool = False) -> pd.DataFrame:
    """The figures of every series of the chosen pairs for one flow, oldest first; with `releases_only`, only the
    figures an authority published itself (a year left with none is a gap)."""
    kept = trade["pair"].isin(pairs) & (trade["flow"] == flow)
    if releases_only:
        kept &= trade["kind"].isin(RELEASE_KINDS)
    return trade[kept].sort_values(["series", "year", "rank"])


def pair_options(trade: pd.DataFrame) -> list[str]:
    """Pairs by number of figures, the best-covered first."""
    return trade.groupby("pair").size().sort_values(ascending=False, kind="stable").index.tolist()


def matrix(trade: pd.DataFrame, year: int, countries: list[str]) -> pd.DataFrame:
    """Reporter x partner total trade in `year` (the reporter's own calendar-year figure, else the IMF's)."""
    rows = trade[(trade["year"] == year) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar") & trade["reporter_iso3"].isin(countries)
                 & trade["partner_iso3"].isin(countries)]
    rows = rows.sort_values("family", key=lambda s: s.map({"national": 0, "imf": 1})).drop_duplicates(
        ["reporter_iso3", "partner_iso3"])
    return rows


def growth(trade: pd.DataFrame, base_year: int, year: int, countries: list[str]) -> pd.DataFrame:
    """Ratio of `year` to `base_year` within each series (never across reporters or sources)."""
    totals = trade[(trade["flow"] == "total") & trade["primary"] & (trade["period_kind"] == "calendar")
                   & trade["reporter_iso3"].isin(countries) & trade["partner_iso3"].isin(countries)]
    base = totals[totals["year"] == base_year].set_index("series")
    end = totals[totals["year"] == year].set_index("series")
    common = base.index.intersection(end.index)
    out = end.loc[common, ["reporter_iso3", "partner_iso3", "family", "source", "stated_by", "value_usd"]].copy()
    out["base_value_usd"] = base.loc[common, "value_usd"]
    out["ratio"] = out["value_usd"] / out["base_value_usd"]
    out = out.sort_values("family", key=lambda s: s.map({"national": 0, "imf": 1}))
    return out.drop_duplicates(["reporter_iso3", "partner_iso3"]).reset_index()


def flows_for_map(trade: pd.DataFrame, year: int, cities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One line per pair with a calendar-year total in `year` (capitals' coordinates, the best-ranked figure for
    its width), and every reporter's figure for those pairs, so that the hover keeps mirror gaps visible."""
    rows = trade[(trade["year"] == year) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar")]
    # As in the matrix: a state's own figures before the IMF's, then the best-ranked source.
    rows = rows.iloc[np.lexsort((rows["rank"].to_numpy(), (rows["family"] == "imf").to_numpy()))]
    capitals = cities[cities["capital"] == "yes"].set_index("iso3")
    out = []
    for pair, group in rows.groupby("pair", sort=False):
        a, b = pair.split("-")
        if a not in capitals.index or b not in capitals.index:
            continue
        out.append({"pair": pair, "a": a, "b": b, "lat_a": capitals.at[a, "lat"], "lon_a": capitals.at[a, "lon"],
                    "lat_b": capitals.at[b, "lat"], "lon_b": capitals.at[b, "lon"],
                    "value_usd": group["value_usd"].iloc[0]})
    lines = pd.DataFrame(out, columns=["pair", "a", "b", "lat_a", "lon_a", "lat_b", "lon_b", "value_usd"])
    return lines, rows[rows["pair"].isin(lines["pair"])]


def coverage(trade: pd.DataFrame, years: range = COVERAGE_YEARS) -> pd.DataFrame:
    """For each pair and reporter: the calendar years with a sourced total and those without one."""
    totals = trade[(trade["flow"] == "total") & (trade["period_kind"] == "calendar")]
    rows = []
    for (pair, reporter), group in totals.groupby(["pair", "reporter_iso3"]):
        have = sorted({int(y) for y in group["year"] if y in years})
        rows.append({"pair": pair, "reporter_iso3": reporter, "years": len(have),
                     "covered": _ranges(have), "missing": _ranges([y for y in years if y not in have])})
    return pd.DataFrame(rows).sort_values(["years", "pair"], ascending=[False, True], ignore_index=True)


def _ranges(years: list[int]) -> str:
    """[2000, 2001, 2002, 2005] -> '2000-2002, 2005'."""
    parts, start = [], None
    for i, year in enumerate(years):
        if start is None:
            start = year
        if i + 1 == len(years) or years[i + 1] != year + 1:
            parts.append(str(start) if start == year else f"{start}-{year}")
            start = None
    return ", ".join(parts)
