"""Questions asked of the leader meetings table: filter by period, country and counting rule; count by pair, place, year."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from sco.countries import country_name

# Counting rules as official tallies differ: some count only meetings in person, some count video calls too
# (TASS counted the video call of 15 December 2021 as Putin and Xi's 37th meeting), some count every contact.
COUNTING_RULES: dict[str, tuple[str, ...]] = {
    "in_person": ("in_person",),
    "in_person_video": ("in_person", "virtual"),
    "all_contacts": ("in_person", "virtual", "phone"),
}
DEFAULT_RULE = "in_person_video"


def pair_key(iso3_a: str, iso3_b: str) -> str:
    """The same key whichever side a row lists first: 'CHN-RUS'."""
    return "-".join(sorted((iso3_a, iso3_b)))


def pair_name(key: str, lang: str) -> str:
    a, b = key.split("-")
    return f"{country_name(a, lang)} – {country_name(b, lang)}"


def _leaders(frame: pd.DataFrame) -> pd.Series:
    """The two leaders in a fixed order, whichever side a row lists first."""
    a = frame["iso3_a"] + " " + frame["leader_a"]
    b = frame["iso3_b"] + " " + frame["leader_b"]
    return a.where(a < b, b) + " | " + b.where(a < b, a)


# The same two leaders within two days are one meeting: sources date a visit by its arrival, its talks or its
# last day (the meetings import joins its records by the same gap).
VISIT_GAP = pd.Timedelta(days=2)


def all_meetings(curated: pd.DataFrame, imported: pd.DataFrame | None = None,
                 sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The curated meetings and the imported ones as one table. An imported row names its file by `source_id`
    (its title and address come from sources.csv). A meeting both hold is one row: the curated one, which names
    the imported file as well (`also_source_title`, `also_source_url`)."""
    frame = curated.assign(origin="curated", also_source_title="", also_source_url="")
    if imported is None or sources is None or imported.empty:
        return frame
    known = sources.set_index("source_id")
    extra = imported.assign(source_title=imported["source_id"].map(known["title"]),
                            source_url=imported["source_id"].map(known["url"]), origin="imported",
                            also_source_title="", also_source_url="").drop(columns="source_id")
    spans = [pd.DataFrame({"leaders": _leaders(f), "first": f["date"], "last": f["end_date"].fillna(f["date"])})
             .reset_index() for f in (frame, extra)]
    pairs = spans[0].merge(spans[1], on="leaders", suffixes=("", "_imported"))
    same = pairs[(pairs["first_imported"] <= pairs["last"] + VISIT_GAP)
                 & (pairs["last_imported"] >= pairs["first"] - VISIT_GAP)]
    named = same.drop_duplicates("index")  # one imported record named per curated row: they share the source
    frame.loc[named["index"], "also_source_title"] = extra.loc[named["index_imported"], "source_title"].to_numpy()
    frame.loc[named["index"], "also_source_url"] = extra.loc[named["index_imported"], "source_url"].to_numpy()
    return pd.concat([frame, extra.drop(index=same["index_imported"].unique())], ignore_index=True)


def with_pairs(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings with an order-free `pair` key and a `year`; done once, when the data is loaded."""
    frame = meetings.copy()
    frame["pair"] = [pair_key(a, b) for a, b in zip(frame["iso3_a"], frame["iso3_b"])]
    frame["year"] = frame["date"].dt.year
    return frame


@dataclass(frozen=True)
class MeetingFilter:
    first_day: date
    last_day: date
    countries: tuple[str, ...] = ()  # a meeting is kept if either side is one of these; empty keeps all
    rule: str = DEFAULT_RULE


def filter_meetings(meetings: pd.DataFrame, chosen: MeetingFilter) -> pd.DataFrame:
    kept = meetings["date"].between(pd.Timestamp(chosen.first_day), pd.Timestamp(chosen.last_day)) & meetings[
        "format"].isin(
        COUNTING_RULES[chosen.rule])
    if chosen.countries:
        kept &= meetings["iso3_a"].isin(chosen.countries) | meetings["iso3_b"].isin(chosen.countries)
    return meetings[kept].sort_values("date")


def count_by_pair(meetings: pd.DataFrame) -> pd.DataFrame:
    """Pairs with their number of meetings and last meeting, most frequent first."""
    if meetings.empty:
        return pd.DataFrame(columns=["pair", "meetings", "latest"])
    return (meetings.groupby("pair", as_index=False)
            .agg(meetings=("date", "size"), latest=("date", "max"))
            .sort_values(["meetings", "latest"], ascending=False, ignore_index=True))


def count_by_place(meetings: pd.DataFrame, cities: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Meetings per city and format with coordinates, the pairs that met there most (for the hover), and how many
    meetings have no place to map (calls, or a place the source does not name as a city)."""
    place = ["city", "host_iso3", "format"]
    placed = meetings[meetings["city"].notna() & (meetings["city"] != "")]
    by_pair = (placed.groupby([*place, "pair"]).size().rename("n").reset_index()
               .sort_values("n", ascending=False, kind="stable"))
    counted = by_pair.groupby(place, as_index=False).agg(meetings=("n", "sum"), pair_count=("pair", "size"))
    top = by_pair.groupby(place).head(5)
    listed: dict[tuple, list[str]] = {}
    for city, host, fmt, pair, n in zip(top["city"], top["host_iso3"], top["format"], top["pair"], top["n"]):
        listed.setdefault((city, host, fmt), []).append(f"{pair} ({n})")
    counted["pairs"] = [", ".join(listed[key]) + (f" … +{n - 5}" if n > 5 else "") for key, n in
                        zip(zip(counted["city"], counted["host_iso3"], counted["format"]), counted["pair_count"])]
    located = counted.merge(cities[["city", "iso3", "lat", "lon"]], left_on=["city", "host_iso3"],
                            right_on=["city", "iso3"], how="inner").drop(columns=["iso3", "pair_count"])
    return located, len(meetings) - int(located["meetings"].sum())


def count_by_year(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings per year and format (every year of the range present, so that a year with none shows as zero)."""
    if meetings.empty:
        return pd.DataFrame(columns=["year", "format", "meetings"])
    years = range(int(meetings["year"].min()), int(meetings["year"].max()) + 1)
    table = meetings.groupby(["year", "format"]).size().unstack(fill_value=0).reindex(years, fill_value=0)
    return table.stack().rename("meetings").reset_index()


def countries_in(meetings: pd.DataFrame) -> list[str]:
    return sorted(set(meetings["iso3_a"]) | set(meetings["iso3_b"]))


def leaders_in(meetings: pd.DataFrame) -> list[str]:
    """Every leader the table names."""
    return sorted(set(meetings["leader_a"]) | set(meetings["leader_b"]))


def pairs_in(meetings: pd.DataFrame) -> list[str]:
    """Every pair of states that met, as pair keys ('CHN-RUS')."""
    return sorted(meetings["pair"].unique())


def count_by_place_and_year(meetings: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """Meetings per year and city with coordinates (any format), for the year-by-year map."""
    placed = meetings[meetings["city"].notna() & (meetings["city"] != "")]
    joined = placed.merge(cities[["city", "iso3", "lat", "lon"]], left_on=["city", "host_iso3"],
                          right_on=["city", "iso3"], how="inner")
    return joined.groupby(["year", "city", "host_iso3", "lat", "lon"], as_index=False).agg(meetings=("date", "size"))


def by_leader(meetings: pd.DataFrame) -> pd.DataFrame:
    """Each meeting twice, once from each side: leader, state, counterpart, counterpart's state, and the row."""
    sides = [("leader_a", "iso3_a", "leader_b", "iso3_b"), ("leader_b", "iso3_b", "leader_a", "iso3_a")]
    return pd.concat([meetings.assign(leader=meetings[lead], iso3=meetings[own], counterpart=meetings[other],
                                      counterpart_iso3=meetings[their]) for lead, own, other, their in sides],
                     ignore_index=True)


def count_by_leader(meetings: pd.DataFrame) -> pd.DataFrame:
    """Leaders with their number of meetings, of different counterparts, and last meeting; most meetings first."""
    if meetings.empty:
        return pd.DataFrame(columns=["leader", "iso3", "meetings", "counterparts", "latest"])
    return (by_leader(meetings).groupby(["leader", "iso3"], as_index=False)
            .agg(meetings=("date", "size"), counterparts=("counterpart", "nunique"), latest=("date", "max"))
            .sort_values(["meetings", "latest"], ascending=False, ignore_index=True))


def leader_meetings(meetings: pd.DataFrame, leader: str, year: int | None = None) -> pd.DataFrame:
    """One leader's meetings (in a year, if given), seen from the leader's side, oldest first."""
    rows = by_leader(meetings)
    rows = rows[rows["leader"] == leader]
    if year is not None:
        rows = rows[rows["year"] == year]
    return rows.sort_values("date", kind="stable")


def summit_meetings(meetings: pd.DataFrame, summit: pd.Series) -> pd.DataFrame:
    """The bilateral meetings held at an SCO summit: in its host city from the day before it opened (leaders meet
    on arrival) to its last day, or named by the summit's occasion ('SCO summit Astana 2024')."""
    occasion = f"SCO summit {summit['city']} {summit['start_date'].year}"
    in_town = (meetings["date"].between(summit["start_date"] - pd.Timedelta(days=1), summit["end_date"])
               & (meetings["city"] == summit["city"]))
    return meetings[in_town | (meetings["occasion"] == occasion)].sort_values("date", kind="stable")
