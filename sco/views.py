"""What a page shows for one choice of filters: counts, figures and tables, computed from whole tables.

Each function takes the tables first and then only small, hashable choices (dates, codes, the language), so that
the Streamlit layer can keep its result per (version of the data, choices) and a rerun with choices seen before
does no work proportional to the data (ui.derived). Nothing here knows about Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from sco import figures, tables
from sco.countries import city_name, country_name, leader_name
from sco.coverage import concerning, is_census
from sco.events import timeline_events
from sco.i18n import authority_name, format_date, format_usd, label, t
from sco.meetings import (MeetingFilter, count_by_leader, count_by_pair, count_by_place, count_by_place_and_year,
                          count_by_year, filter_meetings, leader_meetings, pair_name, summit_meetings)
from sco.membership import (count_statuses, filter_summits, statuses_by_year, statuses_on, summit_decisions,
                            summits_by_city)
from sco.profile import Profile, build_profile
from sco.schema import AUTHORITIES
from sco.trade import (USD_200_BILLION, flows_for_map, growth, matrix, mirror_gap, pair_totals, series_for_pairs,
                       shares)


@dataclass(frozen=True)
class MembershipOnDate:
    statuses: pd.DataFrame  # the status each state held on the day
    counts: dict[str, int]
    map: dict  # a Vega-Lite specification (figures.build_status_map_light)
    table: pd.DataFrame  # the states and their status, members first
    listed: list[str] = ()  # per status: "Member (10): Belarus, China, ...", to read and quote without hovering


def membership_on(membership: pd.DataFrame, day: date, lang: str) -> MembershipOnDate:
    on = statuses_on(membership, day)
    title = t("membership_map_title", lang, date=format_date(day, lang))
    table = tables.statuses_on_table(on, lang)
    by_status = on.assign(name=[country_name(c, lang) for c in on["iso3"]])
    listed = [t("labelled", lang, label=t("bracketed", lang, text=label("status", status, lang), detail=n),
                value=t("names_separator", lang).join(sorted(by_status.loc[by_status["status"] == status, "name"])))
              for status, n in count_statuses(on).items()]
    # The map shares the row with the list of states: a smaller scale keeps Belarus to Japan in view.
    return MembershipOnDate(on, count_statuses(on), figures.build_status_map_light(on, lang, title, scale=270,
                                                                                center=(74, 42)).to_dict(validate=False),
                            table, listed)


def overview_map(membership: pd.DataFrame, day: date, lang: str) -> dict:
    """The first page's status map as a Vega-Lite specification (built and validated once, then only sent)."""
    title = t("home_map_title", lang, date=format_date(day, lang))
    return figures.build_status_map_light(statuses_on(membership, day), lang, title).to_dict(validate=False)


@dataclass(frozen=True)
class MembershipHistory:
    timeline: dict  # a Vega-Lite specification (figures.build_status_timeline_light)
    states: int  # states in the table (the timeline may show fewer)
    table: pd.DataFrame


def membership_history(membership: pd.DataFrame, lang: str, today: date, as_of: date | None = None) -> MembershipHistory:
    return MembershipHistory(figures.build_status_timeline_light(membership, lang, today, as_of).to_dict(validate=False),
                             membership["iso3"].nunique(), tables.membership_table(membership, lang))


def membership_animation(membership: pd.DataFrame, lang: str, today: date) -> go.Figure:
    first_year = membership["start_date"].min().year
    return figures.build_status_animation(statuses_by_year(membership, first_year, today), lang)


@dataclass(frozen=True)
class SummitsView:
    map: dict | None
    timeline: dict | None
    hosts: int  # host states in the table (the timeline may show fewer)
    table: pd.DataFrame
    count: int = 0


def summits_view(summits: pd.DataFrame, cities: pd.DataFrame, membership: pd.DataFrame | None, lang: str,
                 formats: tuple[str, ...] = (), hosts: tuple[str, ...] = (), first: int = 1990,
                 last: int = 2100) -> SummitsView:
    """The summits of the chosen formats, hosts and years: where, when, and what each decided about membership."""
    chosen = filter_summits(summits, formats, hosts, first, last)
    decided = (summit_decisions(chosen, membership) if membership is not None
               else pd.Series([[] for _ in chosen.index], index=chosen.index, dtype=object))
    said = decided.map(lambda pairs: t("items_separator", lang).join(
        t("labelled", lang, label=country_name(c, lang), value=label("status", s, lang)) for c, s in pairs))
    chosen = chosen.assign(decided=said)
    table = tables.summits_table(chosen, lang)
    if chosen.empty:
        return SummitsView(None, None, 0, table, 0)
    return SummitsView(figures.build_summits_map(summits_by_city(chosen, cities), lang),
                       figures.build_summits_timeline(chosen, lang), chosen["host_iso3"].nunique(), table,
                       len(chosen))


def summit_filter_options(summits: pd.DataFrame) -> tuple[list[str], list[str], int, int]:
    """Formats and hosts present, and the first and last year, for the Summits page's filters."""
    return (sorted(summits["format"].unique()), sorted(summits["host_iso3"].unique()),
            int(summits["start_date"].dt.year.min()), int(summits["start_date"].dt.year.max()))


@dataclass(frozen=True)
class MeetingsView:
    count: int
    places: int  # places with a meeting (the map may show fewer)
    unplaced: int  # meetings with no place to map
    pairs: list[str]  # pair keys, most meetings first
    pair_names: dict[str, str]
    map: dict | None
    timeline: dict | None
    network: dict | None
    table: pd.DataFrame
    leaders: list[str] = ()  # leaders, most meetings first
    leader_ranking: dict | None = None


def meetings_view(meetings: pd.DataFrame, summits: pd.DataFrame, cities: pd.DataFrame, chosen: MeetingFilter,
                  lang: str) -> MeetingsView:
    rows = filter_meetings(meetings, chosen)
    table = tables.meetings_table(rows, lang)
    if rows.empty:
        return MeetingsView(0, 0, 0, [], {}, None, None, None, table)
    by_place, unplaced = count_by_place(rows, cities)
    pairs = count_by_pair(rows)
    names = {p: pair_name(p, lang) for p in pairs["pair"]}
    leaders = count_by_leader(rows)
    leader_names = [t("bracketed", lang, text=leader_name(leader, lang), detail=country_name(iso3, lang))
                    for leader, iso3 in zip(leaders["leader"], leaders["iso3"])]
    return MeetingsView(
        count=len(rows), places=len(by_place), unplaced=unplaced, pairs=pairs["pair"].tolist(), pair_names=names,
        map=figures.build_meetings_map(by_place, lang),
        timeline=figures.build_meetings_timeline(rows, summits, lang, names),
        network=figures.build_pair_network(pairs, lang), table=table, leaders=leaders["leader"].tolist(),
        leader_ranking=figures.build_ranking(leaders, leader_names, lang, t("leaders_ranking_title", lang)))


def meetings_animation(meetings: pd.DataFrame, cities: pd.DataFrame, chosen: MeetingFilter, lang: str) -> go.Figure:
    return figures.build_meetings_animation(count_by_place_and_year(filter_meetings(meetings, chosen), cities), lang)


@dataclass(frozen=True)
class PairView:
    count: int
    latest: pd.Timestamp
    per_year: dict
    table: pd.DataFrame


def pair_view(meetings: pd.DataFrame, trade: pd.DataFrame | None, chosen: MeetingFilter, pair: str,
              lang: str) -> PairView:
    """One pair's meetings per year, with the pair's trade in the same years when the trade table is there."""
    rows = filter_meetings(meetings, chosen)
    rows = rows[rows["pair"] == pair]
    per_year = count_by_year(rows)
    if trade is None:
        chart = figures.build_meetings_per_year(per_year, lang, t("pair_per_year_title", lang, pair=pair_name(pair, lang)))
    else:
        totals = pair_totals(trade, pair)
        if not per_year.empty:
            totals = totals[totals["year"].between(per_year["year"].min(), per_year["year"].max())]
        chart = figures.build_meetings_and_trade(per_year, totals, lang,
                                                 t("pair_and_trade_title", lang, pair=pair_name(pair, lang)))
    return PairView(len(rows), rows["date"].max(), chart, tables.meetings_table(rows, lang))


@dataclass(frozen=True)
class LeaderView:
    iso3: str  # the leader's state
    count: int
    counterparts_total: int  # the chart shows the first figures.MAX_RANKED
    years: list[int]  # the years the leader met anyone, latest first
    counterparts: dict | None
    table: pd.DataFrame


def leader_view(meetings: pd.DataFrame, chosen: MeetingFilter, leader: str, year: int | None,
                lang: str) -> LeaderView:
    """A leader's meetings (in one year, or the whole period): with whom, how often, where and why."""
    everything = leader_meetings(filter_meetings(meetings, chosen), leader)
    rows = everything if year is None else everything[everything["year"] == year]
    years = sorted(everything["year"].unique().tolist(), reverse=True)
    iso3 = everything["iso3"].iloc[0] if len(everything) else ""
    if rows.empty:
        return LeaderView(iso3, 0, 0, years, None, tables.meetings_table(rows, lang))
    counted = (rows.groupby(["counterpart", "counterpart_iso3"], as_index=False).agg(meetings=("date", "size"))
               .sort_values("meetings", ascending=False, kind="stable"))
    names = [t("bracketed", lang, text=leader_name(c, lang), detail=country_name(i, lang))
             for c, i in zip(counted["counterpart"], counted["counterpart_iso3"])]
    title = t("leader_counterparts_title", lang, leader=leader_name(leader, lang), period=str(year) if year else t("whole_period", lang))
    return LeaderView(iso3, len(rows), len(counted), years, figures.build_ranking(counted, names, lang, title),
                      tables.meetings_table(rows, lang))


def summit_choices(summits: pd.DataFrame, lang: str) -> dict[str, str]:
    """SCO summits held in person or hybrid, newest first: first day (YYYY-MM-DD) -> 'Astana 2024'."""
    held = summits[(summits["body"] == "sco") & (summits["format"] != "virtual")].sort_values("start_date",
                                                                                                ascending=False)
    return {d.strftime("%Y-%m-%d"): f"{city_name(c, lang)} {d.year}" for d, c in zip(held["start_date"], held["city"])}


@dataclass(frozen=True)
class SummitBilateralsView:
    count: int
    network: dict | None
    table: pd.DataFrame


def summit_bilaterals_view(meetings: pd.DataFrame, summits: pd.DataFrame, start: str, lang: str) -> SummitBilateralsView:
    """The bilateral meetings at one SCO summit (`start`: its first day, YYYY-MM-DD), as a graph and a table."""
    summit = summits[summits["start_date"] == pd.Timestamp(start)].iloc[0]
    rows = summit_meetings(meetings, summit)
    if rows.empty:
        return SummitBilateralsView(0, None, tables.meetings_table(rows, lang))
    title = t("summit_network_title", lang, city=city_name(summit["city"], lang), year=summit["start_date"].year)
    return SummitBilateralsView(len(rows), figures.build_pair_network(count_by_pair(rows), lang, title),
                                tables.meetings_table(rows, lang))


@dataclass(frozen=True)
class TradeSeriesView:
    count: int  # figures shown
    chart: dict | None
    crossing: pd.Series | None  # China's first reported China-Russia total above USD 200 bn, when it is shown
    table: pd.DataFrame
    latest: list[str] = ()  # each state's own statistics: its last two years, in words, to quote without hovering


def trade_series_view(trade: pd.DataFrame, summits: pd.DataFrame | None, membership: pd.DataFrame | None,
                      meetings: pd.DataFrame | None, pairs: tuple[str, ...], flow: str, lang: str,
                      releases_only: bool = False, log: bool = False) -> TradeSeriesView:
    """Every series of the chosen pairs for one flow, with the events of the other tables marked."""
    rows = series_for_pairs(trade, list(pairs), flow, releases_only)
    table = tables.trade_table(rows, lang)
    if rows.empty:
        return TradeSeriesView(0, None, None, table)
    show_200bn = "CHN-RUS" in pairs and flow == "total"
    events = timeline_events(summits, membership, meetings, list(pairs), lang)
    china = rows[(rows["pair"] == "CHN-RUS") & (rows["reporter_iso3"] == "CHN") & rows["primary"]
                 & (rows["family"] == "release") & (rows["value_usd"] > USD_200_BILLION)]
    crossing = china.sort_values("year").iloc[0] if show_200bn and len(china) else None
    return TradeSeriesView(len(rows), figures.build_trade_series(rows, events, lang, show_200bn, log), crossing,
                           table, _latest_figures(rows, lang))


def _latest_figures(rows: pd.DataFrame, lang: str) -> list[str]:
    """'China's figures for Russia (statistics release): 2024 USD 244.82 bn; 2025 USD 228.10 bn' per series of a
    state's own statistics (releases and the IMF's), the last two years with a figure."""
    own = rows[rows["primary"] & rows["family"].isin(["release", "international"])]
    return [t("labelled", lang, label=figures.series_name(series, lang), value=t("items_separator", lang).join(
                f"{int(r.year)} {format_usd(r.value_usd, lang)}" for r in group.tail(2).itertuples()))
            for series, group in own.sort_values("year").groupby("series", sort=True)]


@dataclass(frozen=True)
class TradeYearView:
    matrix: dict
    growth: dict
    flow_map: dict


def trade_year_view(trade: pd.DataFrame, membership: pd.DataFrame | None, cities: pd.DataFrame, year: int,
                    base_year: int, lang: str, rule: str = "best") -> TradeYearView:
    """Trade among the members of `year` (its end), growth since `base_year`, and flows between capitals."""
    members = (statuses_on(membership, f"{year}-12-31").query("status == 'member'")["iso3"].tolist()
               if membership is not None else sorted(set(trade["reporter_iso3"])))
    return TradeYearView(figures.build_trade_matrix(matrix(trade, year, members, rule), members, lang, year, rule),
                         figures.build_growth_matrix(growth(trade, base_year, year, members), members, lang,
                                                     base_year, year),
                         figures.build_trade_flow_map(*flows_for_map(trade, year, cities), lang, year))


@dataclass(frozen=True)
class TradeChoices:
    years: list[int]  # every year with a figure
    members: list[str]  # every state that has been a member (whose dependence can be asked about)
    members_today: list[str]


def trade_choices(trade: pd.DataFrame, membership: pd.DataFrame | None, today: date) -> TradeChoices:
    """What the trade page offers to choose from: computed once per version of the data, not on every rerun."""
    if membership is None:  # the membership table is withheld: every reporter stands in for the members
        reporters = sorted(trade["reporter_iso3"].unique())
        return TradeChoices(sorted(int(y) for y in trade["year"].unique()), reporters, reporters)
    return TradeChoices(sorted(int(y) for y in trade["year"].unique()),
                        sorted(membership.loc[membership["status"] == "member", "iso3"].unique()),
                        sorted(statuses_on(membership, today).query("status == 'member'")["iso3"]))


def mirror_gap_view(trade: pd.DataFrame, pair: str, lang: str) -> dict | None:
    """How far the two states' statistics for their trade differ, year by year; None if never both."""
    gaps = mirror_gap(trade, pair)
    return figures.build_mirror_gap(gaps, t("gap_title", lang, pair=pair_name(pair, lang)), lang) if len(gaps) \
        else None


@dataclass(frozen=True)
class ShareView:
    of_trade: dict | None
    of_gdp: dict | None
    table: pd.DataFrame


def share_view(trade: pd.DataFrame, indicators: pd.DataFrame, membership: pd.DataFrame, state: str,
               partners: tuple[str, ...], lang: str) -> ShareView:
    """How much of a state's trade (and of its GDP) goes to each chosen SCO partner, year by year."""
    by_year = statuses_by_year(membership, int(trade["year"].min()), date(int(trade["year"].max()), 12, 31))
    members = {int(y): set(g["iso3"]) for y, g in by_year[by_year["status"] == "member"].groupby("year")}
    frame = shares(trade, indicators, state, list(partners), members)
    if frame.empty:
        return ShareView(None, None, tables.share_table(frame, lang))
    with_gdp = frame.dropna(subset=["share_of_gdp"])
    return ShareView(figures.build_share_chart(frame, state, "share_of_trade", lang),
                     figures.build_share_chart(with_gdp, state, "share_of_gdp", lang) if len(with_gdp) else None,
                     tables.share_table(frame, lang))


@dataclass(frozen=True)
class CountryView:
    profile: Profile
    statuses: pd.DataFrame  # display tables
    summits_hosted: pd.DataFrame
    counterparts: pd.DataFrame
    meetings_per_year: dict | None
    meetings: pd.DataFrame


def country_view(membership: pd.DataFrame, meetings: pd.DataFrame, trade: pd.DataFrame,
                 summits: pd.DataFrame | None, iso3: str, lang: str, today: date) -> CountryView:
    profile = build_profile(iso3, {"membership": membership, "meetings": meetings, "trade": trade,
                                   "summits": summits}, today)
    counterparts, per_year = pd.DataFrame(), None
    if len(profile.meetings):
        counterparts = pd.DataFrame({
            t("counterpart", lang): [country_name(c, lang) for c in profile.counterparts["counterpart"]],
            t("meetings_count", lang): profile.counterparts["meetings"].to_numpy(),
            t("latest", lang): profile.counterparts["latest"].dt.strftime("%Y-%m-%d").to_numpy(),
        })
        per_year = figures.build_meetings_per_year(count_by_year(profile.meetings), lang, t(
            "country_meetings_title", lang, country=country_name(iso3, lang)))
    return CountryView(profile, tables.membership_table(profile.statuses, lang),
                       tables.summits_table(profile.summits_hosted, lang) if len(profile.summits_hosted) else
                       pd.DataFrame(), counterparts, per_year, tables.meetings_table(profile.meetings, lang))


def partner_shares_view(trade: pd.DataFrame, indicators: pd.DataFrame, iso3: str, lang: str) -> dict | None:
    """Each SCO state's share of the state's trade with the world, in the last year that has both (the IMF files)."""
    partners = sorted(set(trade.loc[trade["reporter_iso3"] == iso3, "partner_iso3"]))
    frame = shares(trade, indicators, iso3, partners, {})
    if frame.empty:
        return None
    year = int(frame["year"].max())
    return figures.build_partner_shares(frame[frame["year"] == year], iso3, year, lang)


def known_sources(trade: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every known source of trade figures, its kind and state, and how many rows of trade.csv cite it."""
    cited = trade.loc[trade["basis"] == "reported", "source"].value_counts()
    return pd.DataFrame({
        t("whose_figure", lang): [authority_name(name, lang) for name in AUTHORITIES],
        t("source_kind", lang): [label("kind", a.kind, lang) for a in AUTHORITIES.values()],
        t("country", lang): [country_name(a.iso3, lang) if a.iso3 else "" for a in AUTHORITIES.values()],
        t("col_rows", lang): [int(cited.get(name, 0)) for name in AUTHORITIES],
    })


@dataclass(frozen=True)
class CoverageView:
    census: bool  # every meeting counted took place and none is missing
    table: pd.DataFrame  # the statements concerning the choice


def coverage_view(coverage: pd.DataFrame | None, countries: tuple[str, ...], first: date, last: date, rule: str,
                  lang: str) -> CoverageView:
    """How complete a count of meetings of `countries` (two: one pair; else their meetings with anyone) is."""
    census = len(countries) == 2 and is_census(coverage, (countries[0], countries[1]), first, last, rule)
    return CoverageView(census, tables.meetings_coverage_table(concerning(coverage, countries, first, last), lang))


def freshness(meetings: pd.DataFrame | None, trade: pd.DataFrame | None) -> dict[str, object]:
    """How current the record is: the newest meeting and the newest year with a trade figure."""
    return {"meeting": meetings["date"].max() if meetings is not None and len(meetings) else None,
            "trade_year": int(trade["year"].max()) if trade is not None and len(trade) else None}
