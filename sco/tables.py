"""Tables shown on the pages (and downloaded as they are shown): translated headers, display names, sources."""
from __future__ import annotations

import pandas as pd

from sco.countries import city_name, country_name, leader_name, leader_names
from sco.i18n import authority_name, chart_unit, label, occasion_text, t
from sco.meetings import pair_name
from sco.schema import STATUSES


def _dates(column: pd.Series) -> pd.Series:
    """ISO dates as text, empty where there is none (an open interval, a one-day meeting, an empty table)."""
    return pd.to_datetime(column).dt.strftime("%Y-%m-%d").fillna("")


def membership_table(membership: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = membership.sort_values(["iso3", "start_date"])
    return pd.DataFrame({
        t("country", lang): [country_name(c, lang) for c in frame["iso3"]],
        "ISO3": frame["iso3"].to_numpy(),
        t("status", lang): [label("status", s, lang) for s in frame["status"]],
        t("start", lang): _dates(frame["start_date"]).to_numpy(),
        t("end", lang): _dates(frame["end_date"]).to_numpy(),
        t("precision", lang): [label("precision", p, lang) if isinstance(p, str) and p else "" for p in
                               frame["date_precision"]],
        t("note", lang): frame["note"].to_numpy(),
        t("source", lang): frame["source_title"].to_numpy(),
        t("source_link", lang): frame["source_url"].to_numpy(),
    })


def statuses_on_table(statuses: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The states and the status each held on a day (membership.statuses_on), members first."""
    order = {s: i for i, s in enumerate(STATUSES)}
    frame = statuses.assign(order=statuses["status"].map(order),
                            name=[country_name(c, lang) for c in statuses["iso3"]]).sort_values(["order", "name"])
    return pd.DataFrame({
        t("country", lang): frame["name"].to_numpy(),
        t("status", lang): [label("status", s, lang) for s in frame["status"]],
        t("start", lang): _dates(frame["start_date"]).to_numpy(),
    })


def summits_table(summits: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = summits.sort_values("start_date")
    return pd.DataFrame({
        t("start", lang): _dates(frame["start_date"]).to_numpy(),
        t("end", lang): _dates(frame["end_date"]).to_numpy(),
        t("city", lang): _names(frame["city"], lambda c: city_name(c, lang)).to_numpy(),
        t("host", lang): [country_name(c, lang) for c in frame["host_iso3"]],
        t("format", lang): [label("format", f, lang) for f in frame["format"]],
        t("body", lang): [label("body", b, lang) for b in frame["body"]],
        **({t("decided", lang): frame["decided"].to_numpy()} if "decided" in frame else {}),
        t("note", lang): frame["note"].to_numpy(),
        t("source", lang): frame["source_title"].to_numpy(),
        t("source_link", lang): frame["source_url"].to_numpy(),
    })


def _names(column: pd.Series, name) -> pd.Series:
    """Display names of a column of codes, each distinct code looked up once."""
    return column.map({code: name(code) for code in column.dropna().unique()}).fillna("")


def _history(frame: pd.DataFrame, lang: str) -> dict[str, object]:
    """The release each row first appeared in and last changed in (sco.releases), where the data have releases."""
    if "first_release" not in frame:
        return {}
    unreleased = t("not_released", lang)
    return {t("first_release", lang): frame["first_release"].fillna("").replace("", unreleased).to_numpy(),
            t("changed_release", lang): frame["changed_release"].fillna("").replace("", unreleased).to_numpy()}


def meetings_table(meetings: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = meetings.sort_values("date")
    return pd.DataFrame({
        t("date", lang): _dates(frame["date"]).to_numpy(),
        t("end", lang): _dates(frame["end_date"]).to_numpy(),
        t("pair", lang): _names(frame["pair"], lambda p: pair_name(p, lang)).to_numpy(),
        t("leader_a", lang): _names(frame["leader_a"], lambda name: leader_name(name, lang)).to_numpy(),
        t("leader_b", lang): _names(frame["leader_b"], lambda name: leader_name(name, lang)).to_numpy(),
        t("city", lang): _names(frame["city"], lambda c: city_name(c, lang)).to_numpy(),
        t("host", lang): _names(frame["host_iso3"], lambda c: country_name(c, lang) if c else "").to_numpy(),
        t("format", lang): _names(frame["format"], lambda f: label("format", f, lang)).to_numpy(),
        t("occasion", lang): _names(frame["occasion"], lambda o: occasion_text(o, lang)).to_numpy(),
        t("note", lang): frame["note"].to_numpy(),
        t("source", lang): frame["source_title"].to_numpy(),
        t("source_link", lang): frame["source_url"].to_numpy(),
        t("also_source", lang): frame["also_source_title"].to_numpy(),
        t("also_source_link", lang): frame["also_source_url"].to_numpy(),
        **_history(frame, lang),
    })


def trade_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = rows.sort_values(["pair", "reporter_iso3", "year"])
    return pd.DataFrame({
        t("year", lang): frame["year"].to_numpy(),
        t("period_col", lang): frame["period"].replace("calendar", t("calendar_year", lang)).to_numpy(),
        t("reporter", lang): [country_name(c, lang) for c in frame["reporter_iso3"]],
        t("partner", lang): [country_name(c, lang) for c in frame["partner_iso3"]],
        t("flow", lang): [t(f"flow_{f}", lang) for f in frame["flow"]],
        t("value_usd_bn", lang): (frame["value_usd"] / chart_unit(lang)).round(3).to_numpy(),
        t("value_usd", lang): frame["value_usd"].round(0).astype("int64").to_numpy(),
        t("basis", lang): [t("basis_computed", lang) if b != "reported" else "" for b in frame["basis"]],
        t("whose_figure", lang): _names(frame["source"], lambda s: authority_name(s, lang)).to_numpy(),
        t("source_kind", lang): _names(frame["kind"], lambda k: label("kind", k, lang)).to_numpy(),
        t("stated_by", lang): frame["stated_by"].fillna("").to_numpy(),
        t("note", lang): frame["note"].to_numpy(),
        t("source", lang): frame["source_title"].to_numpy(),
        t("source_link", lang): frame["source_url"].to_numpy(),
        **_history(frame, lang),
    })


def share_table(shares: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("year", lang): shares["year"].to_numpy(),
        t("partner", lang): [t("all_members", lang) if p == "SCO" else country_name(p, lang) for p in shares["partner"]],
        t("value_usd", lang): shares["value_usd"].round(0).to_numpy(),
        t("world_usd", lang): shares["world_usd"].round(0).to_numpy(),
        t("gdp_usd", lang): shares["gdp_usd"].round(0).to_numpy(),
        t("share_of_trade_col", lang): shares["share_of_trade"].round(4).to_numpy(),
        t("share_of_gdp_col", lang): shares["share_of_gdp"].round(4).to_numpy(),
    })


def gaps_table(gaps: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("pair", lang): [pair_name(p, lang) for p in gaps["pair"]],
        t("count_years", lang): gaps["years"].to_numpy(),
        t("missing", lang): gaps["missing"].to_numpy(),
        t("why_missing", lang): [t(r, lang) for r in gaps["reason"]],
    })


def coverage_table(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("pair", lang): [pair_name(p, lang) for p in coverage["pair"]],
        t("reporter", lang): [country_name(c, lang) for c in coverage["reporter_iso3"]],
        t("count_years", lang): coverage["years"].to_numpy(),
        t("covered", lang): coverage["covered"].to_numpy(),
        t("missing", lang): coverage["missing"].to_numpy(),
    })


def meetings_coverage_table(statements: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("sides", lang): [country_name(a, lang) + " – " + (country_name(b, lang) if isinstance(b, str) and b
                                                             else t("any_sco_state", lang))
                           for a, b in zip(statements["iso3_a"], statements["iso3_b"])],
        t("leaders", lang): [leader_names(names, lang) if isinstance(names, str) and names else t("all_leaders", lang)
                             for names in statements["leaders"]],
        t("start", lang): _dates(statements["first_date"]).to_numpy(),
        t("end", lang): _dates(statements["last_date"]).to_numpy(),
        t("counting_rule", lang): [t(f"rule_{r}", lang) for r in statements["rule"]],
        t("completeness", lang): [label("completeness", c, lang) for c in statements["completeness"]],
        t("searched", lang): statements["searched"].to_numpy(),
        t("note", lang): statements["note"].fillna("").to_numpy(),
    })
