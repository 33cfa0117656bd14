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
BACI = "CEPII BACI (reconciled, via OEC)"
FLOWS = ("total", "exports", "imports")
COVERAGE_YEARS = range(2000, 2026)
USD_200_BILLION = 200e9
# What a line of figures is, from the kind of its authority: a state's statistics release, the IMF's compilation
# of a state's statistics, a reconciled estimate (neither state's own), an official's statement, a press report.
FAMILIES = {"customs": "release", "statistics": "release", "agency": "release", "international": "international",
            "reconciled": "reconciled", "officials": "officials", "press": "press"}
# A state's own statistics: its release, else the IMF's compilation of it.
STATISTICS = ("release", "international")
# Lower ranks first, within one series: a statistical release before a ministry's.
KIND_RANKS = {"customs": 0, "statistics": 0, "international": 0, "reconciled": 0, "agency": 1, "officials": 2,
              "press": 3}
# Figures an authority published itself, as opposed to figures officials or the press gave without naming one.
RELEASE_KINDS = (*NATIONAL_STATISTICS, "international", "reconciled")
KEYS = ["year", "period", "reporter_iso3", "partner_iso3", "source", "stated_by"]


def all_figures(curated: pd.DataFrame, imported: pd.DataFrame | None = None,
                sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The curated rows and the imported ones (their source resolved through sources.csv) in one frame.

    A reconciled (BACI) value is one figure per direction: it is also shown from the importer's side, as its
    imports, so that each state's series of reconciled figures has both flows and a total.
    """
    frame = curated.assign(estimate=False, origin="curated")
    if imported is None or sources is None or imported.empty:
        return frame
    known = sources.set_index("source_id")
    rows = imported.assign(
        source=imported["source_id"].map(known["source"]), source_title=imported["source_id"].map(known["title"]),
        source_url=imported["source_id"].map(known["url"]), stated_by="", origin="imported",
        estimate=imported["estimate"] == "yes")
    rows["note"] = rows["estimate"].map({True: "IMF estimate", False: ""})
    reconciled = rows[rows["source"] == BACI]
    mirrored = reconciled.assign(reporter_iso3=reconciled["partner_iso3"], partner_iso3=reconciled["reporter_iso3"],
                                 flow="imports", note="reconciled exports of the partner, seen from the importer")
    columns = [*curated.columns, "estimate", "origin"]
    return pd.concat([frame, rows[columns], mirrored[columns]], ignore_index=True)


def prepare_trade(trade: pd.DataFrame) -> pd.DataFrame:
    """Add the pair, the series a figure belongs to and whether it is the figure drawn on the line.

    Totals a series does not report are added as exports + imports of the same reporter, year and source,
    marked in `basis`; nothing else is derived.
    """
    frame = trade.copy() if "origin" in trade else all_figures(trade)
    frame["basis"] = "reported"
    frame = pd.concat([frame, _totals_from_flows(frame)], ignore_index=True)
    frame["pair"] = [pair_key(a, b) for a, b in zip(frame["reporter_iso3"], frame["partner_iso3"])]
    frame["kind"] = frame["source"].map({name: a.kind for name, a in AUTHORITIES.items()})
    frame["family"] = frame["kind"].map(FAMILIES)
    frame["period_kind"] = (frame["period"] == "calendar").map({True: "calendar", False: "fiscal"})
    frame["series"] = frame["reporter_iso3"] + ">" + frame["partner_iso3"] + "|" + frame["family"] + "|" + \
        frame["period_kind"]
    frame["rank"] = frame["kind"].map(KIND_RANKS) + (frame["basis"] != "reported") * 0.5
    frame = frame.sort_values(["series", "flow", "year", "rank"], kind="stable", ignore_index=True)
    frame["primary"] = ~frame.duplicated(subset=["series", "flow", "year"], keep="first")
    return frame


def _totals_from_flows(frame: pd.DataFrame) -> pd.DataFrame:
    # The same authority as given by the same person or outlet: officials' figures are added only to each other's.
    flows = frame[frame["flow"].isin(["exports", "imports"])]
    grouped = flows.groupby(KEYS, sort=False)
    summed = grouped.agg(value_usd=("value_usd", "sum"), flows=("flow", "nunique"),
                         source_title=("source_title", "first"), source_url=("source_url", "first"),
                         estimate=("estimate", "any"), origin=("origin", "first")).reset_index()
    summed = summed[summed["flows"] == 2].drop(columns="flows")
    noted = flows[flows["note"].fillna("") != ""].groupby(KEYS, sort=False)["note"].agg(" / ".join)
    summed = summed.merge(noted.reset_index(), on=KEYS, how="left").fillna({"note": ""})
    reported = frame.loc[frame["flow"] == "total", KEYS].drop_duplicates()
    summed = summed.merge(reported, on=KEYS, how="left", indicator=True)
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


# Whose figure a cell of the members' matrix shows (row = the state, column = its partner).
MATRIX_RULES = ("best", "reporter", "partner", "reconciled")
# Under "best": the state's own statistics, else its partner's (the mirror), else the reconciled estimate, else
# what the state's officials or the press said, else what the partner's said.
_BEST = ("reporter", "partner", "reconciled", "reporter_statement", "partner_statement")
FAMILY_ORDER = {"release": 0, "international": 1, "reconciled": 2, "officials": 3, "press": 4}


def _calendar_totals(trade: pd.DataFrame, year: int, countries: list[str]) -> pd.DataFrame:
    return trade[(trade["year"] == year) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar") & trade["reporter_iso3"].isin(countries)
                 & trade["partner_iso3"].isin(countries)]


def matrix(trade: pd.DataFrame, year: int, countries: list[str], rule: str = "best") -> pd.DataFrame:
    """One calendar-year total per (state, partner) cell, chosen by `rule` (MATRIX_RULES), with `whose` saying
    whose figure it is; the figure's own reporter and partner are kept, so a mirror figure stays traceable."""
    rows = _calendar_totals(trade, year, countries)
    statistics = rows["family"].isin(STATISTICS)
    statements = rows["family"].isin(["officials", "press"])
    # Callables, not columns: a column assigned to an empty frame would bring its whole index with it.
    as_reporter = dict(row_iso3=lambda f: f["reporter_iso3"], col_iso3=lambda f: f["partner_iso3"])
    as_partner = dict(row_iso3=lambda f: f["partner_iso3"], col_iso3=lambda f: f["reporter_iso3"])
    candidates = {
        "reporter": rows[statistics].assign(**as_reporter), "partner": rows[statistics].assign(**as_partner),
        "reconciled": rows[rows["family"] == "reconciled"].assign(**as_reporter),
        "reporter_statement": rows[statements].assign(**as_reporter),
        "partner_statement": rows[statements].assign(**as_partner)}
    chosen = _BEST if rule == "best" else (rule,)
    cells = pd.concat([candidates[whose].assign(whose=whose, priority=i) for i, whose in enumerate(chosen)])
    cells = cells.assign(family_order=cells["family"].map(FAMILY_ORDER))
    cells = cells.sort_values(["priority", "family_order", "rank"], kind="stable")
    return cells.drop_duplicates(["row_iso3", "col_iso3"]).drop(columns=["priority", "family_order"])


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
    out = out.sort_values("family", key=lambda s: s.map(FAMILY_ORDER), kind="stable")
    return out.drop_duplicates(["reporter_iso3", "partner_iso3"]).reset_index()


def flows_for_map(trade: pd.DataFrame, year: int, cities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One line per pair with a calendar-year total in `year` (capitals' coordinates, the best-ranked figure for
    its width), and every reporter's figure for those pairs, so that the hover keeps mirror gaps visible."""
    rows = trade[(trade["year"] == year) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar")]
    # As in the matrix: a state's own statistics first, then the reconciled estimate, then statements.
    rows = rows.iloc[np.lexsort((rows["rank"].to_numpy(), rows["family"].map(FAMILY_ORDER).to_numpy()))]
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


def mirror_gap(trade: pd.DataFrame, pair: str) -> pd.DataFrame:
    """For each calendar year in which both states' statistics give the pair's total: each side's figure (its
    release, else the IMF's compilation of it) and the gap between them as a share of the larger."""
    a, b = pair.split("-")
    rows = trade[(trade["pair"] == pair) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar") & trade["family"].isin(STATISTICS)]
    rows = rows.assign(order=rows["family"].map(FAMILY_ORDER)).sort_values(["order", "rank"], kind="stable")
    best = rows.drop_duplicates(["reporter_iso3", "year"])
    side_a = best[best["reporter_iso3"] == a].set_index("year")[["value_usd", "source"]]
    side_b = best[best["reporter_iso3"] == b].set_index("year")[["value_usd", "source"]]
    both = side_a.join(side_b, how="inner", lsuffix="_a", rsuffix="_b").sort_index()
    out = pd.DataFrame({"year": both.index.astype(int), "a": a, "b": b, "value_a": both["value_usd_a"].to_numpy(),
                        "value_b": both["value_usd_b"].to_numpy(), "source_a": both["source_a"].to_numpy(),
                        "source_b": both["source_b"].to_numpy()})
    out["gap"] = (out["value_a"] - out["value_b"]).abs() / out[["value_a", "value_b"]].max(axis=1)
    return out


SCO_PARTNERS = "SCO"  # all the other members in that year, as one partner


def shares(trade: pd.DataFrame, indicators: pd.DataFrame, state: str, partners: list[str],
           members_by_year: dict[int, set[str]]) -> pd.DataFrame:
    """The state's trade with each partner as a share of its trade with the world and of its GDP, by year.

    Numerator and denominator come from the same statistics: the state's own figures as the IMF compiles them
    (DOTS, exports + imports; the "World" rows for the total), so the share never mixes two reporters. GDP is the
    World Bank's. `SCO_PARTNERS` sums the partners that were members in that year (the state excluded).
    """
    dots = trade[(trade["source"] == IMF) & (trade["reporter_iso3"] == state) & (trade["flow"] == "total")
                 & trade["primary"]]
    rows = []
    for partner in partners:
        if partner == SCO_PARTNERS:
            kept = dots[[p in members_by_year.get(int(y), set()) - {state}
                         for p, y in zip(dots["partner_iso3"], dots["year"])]]
            value = kept.groupby("year")["value_usd"].sum()
        else:
            value = dots[dots["partner_iso3"] == partner].set_index("year")["value_usd"]
        rows.append(pd.DataFrame({"partner": partner, "year": value.index.astype(int), "value_usd": value.to_numpy()}))
    frame = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["partner", "year", "value_usd"])
    mine = indicators[indicators["iso3"] == state].pivot_table(index="year", columns="indicator", values="value_usd")
    world = mine.get("exports_world", pd.Series(dtype=float)) + mine.get("imports_world", pd.Series(dtype=float))
    gdp = mine.get("gdp", pd.Series(dtype=float))
    frame["world_usd"] = frame["year"].map(world)
    frame["gdp_usd"] = frame["year"].map(gdp)
    frame["share_of_trade"] = frame["value_usd"] / frame["world_usd"]
    frame["share_of_gdp"] = frame["value_usd"] / frame["gdp_usd"]
    return frame.dropna(subset=["share_of_trade"]).sort_values(["partner", "year"], ignore_index=True)


def coverage(trade: pd.DataFrame, years: range = COVERAGE_YEARS) -> pd.DataFrame:
    """For each pair and reporter: the calendar years with a sourced total and those without one."""
    totals = trade[(trade["flow"] == "total") & (trade["period_kind"] == "calendar")]
    rows = []
    for (pair, reporter), group in totals.groupby(["pair", "reporter_iso3"]):
        have = sorted({int(y) for y in group["year"] if y in years})
        rows.append({"pair": pair, "reporter_iso3": reporter, "years": len(have),
                     "covered": _ranges(have), "missing": _ranges([y for y in years if y not in have])})
    return pd.DataFrame(rows).sort_values(["years", "pair"], ascending=[False, True], ignore_index=True)


GAP_YEARS = range(1992, 2026)


def gap_reason(year: int) -> str:
    """Why a pair-year can lack a figure, from what the bulk files cover (the key of a sentence in sco.i18n)."""
    if year <= 2020:
        return "gap_dots"  # the IMF files cover it: neither state reported this partner
    if year in (2022, 2023):
        return "gap_baci"
    return "gap_2025" if year == 2025 else "gap_none"


def gaps(trade: pd.DataFrame, countries: tuple[str, ...], years: range = GAP_YEARS) -> pd.DataFrame:
    """Each pair of `countries` with the calendar years in which no source gives its total trade, and why."""
    totals = trade[(trade["flow"] == "total") & (trade["period_kind"] == "calendar")]
    have = totals.groupby("pair")["year"].agg(lambda s: {int(y) for y in s})
    rows = []
    for i, a in enumerate(sorted(countries)):
        for b in sorted(countries)[i + 1:]:
            pair = pair_key(a, b)
            missing = [y for y in years if y not in have.get(pair, set())]
            for reason in dict.fromkeys(gap_reason(y) for y in missing):
                rows.append({"pair": pair, "years": len(years) - len(missing), "reason": reason,
                             "missing": _ranges([y for y in missing if gap_reason(y) == reason])})
    return pd.DataFrame(rows, columns=["pair", "years", "reason", "missing"])


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


def pair_totals(trade: pd.DataFrame, pair: str) -> pd.DataFrame:
    """One calendar-year total per year for a pair, either state's, in the order of the matrix's 'best' rule: a
    state's own statistics first, then the reconciled estimate, then what officials or the press said."""
    rows = trade[(trade["pair"] == pair) & (trade["flow"] == "total") & trade["primary"]
                 & (trade["period_kind"] == "calendar")]
    rows = rows.assign(family_order=rows["family"].map(FAMILY_ORDER)).sort_values(["year", "family_order", "rank"],
                                                                                  kind="stable")
    return rows.drop_duplicates("year")[["year", "value_usd", "reporter_iso3", "partner_iso3", "family", "source"]]
