"""How complete a count of meetings is: the coverage statements (data/coverage.csv) that concern it.

A count over states and a period is a census only where a statement covering every leader of the two sides, the
whole period and the counting rule says so; else it is a lower bound. Statements about some leaders (Putin and
Xi) are shown with the count, but do not make a count of all the two states' leaders complete.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

RULE_ORDER = ("in_person", "in_person_video", "all_contacts")


def concerning(coverage: pd.DataFrame | None, countries: tuple[str, ...], first: date, last: date) -> pd.DataFrame:
    """Statements about meetings of any of `countries` (every state if empty) that overlap the period."""
    if coverage is None or coverage.empty:
        return pd.DataFrame(columns=["iso3_a", "iso3_b", "leaders", "first_date", "last_date", "rule",
                                     "completeness", "searched", "note"])
    kept = (coverage["first_date"] <= pd.Timestamp(last)) & (coverage["last_date"] >= pd.Timestamp(first))
    if countries:
        kept &= coverage["iso3_a"].isin(countries) | coverage["iso3_b"].isin(countries)
    return coverage[kept].sort_values(["completeness", "iso3_a", "iso3_b", "first_date"], kind="stable")


def is_census(coverage: pd.DataFrame | None, pair: tuple[str, str], first: date, last: date, rule: str) -> bool:
    """Whether every meeting of the two states' leaders in the period, under the rule, is in the table."""
    if coverage is None or coverage.empty:
        return False
    a, b = pair
    sides = ((coverage["iso3_a"] == a) & (coverage["iso3_b"] == b)) | ((coverage["iso3_a"] == b) & (
        coverage["iso3_b"] == a))
    covering = coverage[sides & (coverage["completeness"] == "census") & (coverage["leaders"].fillna("") == "")
                        & coverage["rule"].map(RULE_ORDER.index).ge(RULE_ORDER.index(rule))]
    day, end = pd.Timestamp(first), pd.Timestamp(last)
    for start, stop in sorted(zip(covering["first_date"], covering["last_date"])):
        if start > day:
            return False
        day = max(day, stop + pd.Timedelta(days=1))
        if day > end:
            return True
    return False
