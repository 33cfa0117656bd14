"""Numbers, dates, lists and labels as a reader of each language writes them."""
from datetime import date

import pandas as pd
import pytest

from sco.i18n import authority_name, format_date, format_usd, join_names, label, t


@pytest.mark.parametrize("value,lang,text", [
    (240_110_000_000, "en", "USD 240.11 bn"), (240_110_000_000, "es", "240,11 mil millones USD"),
    (1_234_560_000_000 - 1, "en", "USD 1,234.56 bn"), (1_234_560_000_000 - 1, "es", "1 234,56 mil millones USD"),
    (1_000_000_000, "en", "USD 1.00 bn"), (999_950_000, "en", "USD 1.00 bn"), (999_940_000, "es", "999,9 millones USD"),
    (43_800_000, "en", "USD 43.8 m"), (0, "en", "USD 0.0 m"), (-2_500_000_000, "en", "USD -2.50 bn"),
    (None, "en", ""), (float("nan"), "es", ""), (pd.NA, "en", ""),
])
def test_usd(value, lang, text):
    assert format_usd(value, lang) == text


@pytest.mark.parametrize("value,lang,precision,text", [
    (date(2024, 7, 4), "en", "day", "4 July 2024"), (date(2024, 7, 4), "es", "day", "4 de julio de 2024"),
    (date(2024, 7, 4), "en", None, "4 July 2024"), (date(2024, 7, 4), "es", "", "4 de julio de 2024"),
    (date(2023, 4, 1), "en", "month", "April 2023"), (date(2023, 4, 1), "es", "month", "abril de 2023"),
    (date(2001, 1, 31), "es", "year", "2001"), (pd.Timestamp("2025-12-31"), "en", "day", "31 December 2025"),
    (None, "en", "day", ""), (pd.NaT, "es", "day", ""),
])
def test_dates(value, lang, precision, text):
    assert format_date(value, lang, precision) == text


@pytest.mark.parametrize("names,lang,text", [
    ([], "en", ""), (["Russia"], "es", "Russia"), (["Russia", "China"], "en", "Russia and China"),
    (["Rusia", "China", "India"], "es", "Rusia, China y India"),
])
def test_lists(names, lang, text):
    assert join_names(names, lang) == text


def test_labels_and_strings():
    assert label("status", "member", "es") == "Miembro" and label("status", "member", "en") == "Member"
    assert label("status", "friend", "es") == "friend"
    assert t("page_trade", "es") == "Comercio" and t("page_trade", "fr") == "Trade"
    assert t("since", "en", date="4 July 2024") == "since 4 July 2024"


def test_known_sources_by_their_name_in_each_language():
    assert authority_name("General Administration of Customs of China", "es") == \
        "Administración General de Aduanas de China"
    assert authority_name("General Administration of Customs of China", "en") == \
        "General Administration of Customs of China"
    assert authority_name("Some outlet", "es") == "Some outlet"
