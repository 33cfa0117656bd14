"""Every interface string in each language (the catalogues in sco/locales/), and dates, numbers, lists and dollar
amounts written the way each language writes them (Babel's CLDR data)."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import pandas as pd
from babel.dates import format_date as babel_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from sco.countries import city_name, country_name, iso3_for
from sco.locales import CATALOGUES, DEFAULT_LANG, catalogue
from sco.schema import COLUMNS_OF, Column, Table

LANGUAGES: dict[str, str] = {code: entry.name for code, entry in CATALOGUES.items()}
STRINGS: dict[str, str] = CATALOGUES[DEFAULT_LANG].strings  # the reference: every language has these keys


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The string for `key` in `lang` (English if the language or the key is missing there), with {placeholders}
    filled. With `n=1`, the key's singular form (`<key>_one`) when it has one: "1 meeting", not "1 meetings"."""
    if values.get("n") == 1 and f"{key}_one" in STRINGS:
        key = f"{key}_one"
    text = catalogue(lang).strings.get(key) or STRINGS[key]
    return text.format(**values) if values else text


# The occasions the project itself writes (the meetings import, and the curators' usual forms): English gives the
# form that is recognised, each catalogue the same key's words. Any other occasion is the curator's own words.
_OCCASION_KEYS = ("occasion_summit", "occasion_state_visit", "occasion_official_visit", "occasion_working_visit_to",
                  "occasion_visit", "occasion_in", "occasion_telephone", "occasion_working_visit")


def _occasion_pattern(english: str) -> re.Pattern:
    # "SCO summit {city} {year}" -> ^SCO summit (?P<city>.+) (?P<year>\d{4})$
    parts = re.split(r"{(\w+)}", english)
    pattern = "".join(re.escape(part) if i % 2 == 0 else (r"(?P<year>\d{4})" if part == "year" else f"(?P<{part}>.+)")
                      for i, part in enumerate(parts))
    return re.compile(f"^{pattern}$")


_OCCASIONS = tuple((key, _occasion_pattern(STRINGS[key])) for key in _OCCASION_KEYS)


def occasion_text(occasion: str, lang: str) -> str:
    """An occasion in the reader's language when it is one of the project's own forms ('SCO summit Astana 2024',
    'Visit to Kazakhstan'); otherwise as the curator wrote it."""
    if lang == DEFAULT_LANG or not isinstance(occasion, str):
        return occasion
    for key, pattern in _OCCASIONS:
        match = pattern.match(occasion)
        if match:
            parts = match.groupdict()
            if "city" in parts:
                parts["city"] = city_name(parts["city"], lang)
            if "country" in parts:
                iso3 = iso3_for(parts["country"])
                if iso3 is None:
                    return occasion
                parts["country"] = country_name(iso3, lang)
            return t(key, lang, **parts)
    return occasion


def authority_name(source: str, lang: str) -> str:
    """A known source of trade figures by its name in `lang` (the name itself if it is not a known source)."""
    return catalogue(lang).authorities.get(source, source)


def describe_table(table: Table, lang: str) -> str:
    """A table's description in `lang` (the schema's English where the catalogue has none)."""
    return catalogue(lang).tables.get(table.name, table.description)


def describe(table: str, column: Column, lang: str) -> str:
    """A column's description in `lang`: the table's own, else that of the table it copies, else the one every
    table shares; the schema's English where the catalogue has none."""
    columns = catalogue(lang).columns
    for scope in (table, COLUMNS_OF.get(table), "*"):
        if f"{scope}.{column.name}" in columns:
            return columns[f"{scope}.{column.name}"]
    return column.description


def label(prefix: str, code: str, lang: str) -> str:
    """Label of a coded value such as status 'member' (key 'status_member'); the code itself if unknown."""
    key = f"{prefix}_{code}"
    return t(key, lang) if key in STRINGS else str(code)


@lru_cache(maxsize=65536)
def _format_day(value: date, locale: str, precision: str) -> str:
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_skeleton("yMMMM", value, locale=locale)
    return babel_date(value, "long", locale=locale)


def format_date(value: date | pd.Timestamp, lang: str = DEFAULT_LANG, precision: str | None = "day") -> str:
    """'4 July 2024' / '4 de julio de 2024' / '4 июля 2024 г.' / '2024年7月4日'; a month or a year alone where that
    is all the source gives (any other precision, empty included, is a day)."""
    if value is None or pd.isna(value):
        return ""
    day = date(value.year, value.month, value.day)
    return _format_day(day, catalogue(lang).locale, precision if precision in ("year", "month") else "day")


def join_names(names: list[str], lang: str = DEFAULT_LANG) -> str:
    """'A, B and C' / 'A, B y C' / 'A, B и C' / 'A、B和C'."""
    return format_list(list(names), locale=catalogue(lang).locale) if names else ""


def separators(lang: str = DEFAULT_LANG) -> str:
    """The language's decimal mark, then its thousands separator (plotly's `separators` takes this string)."""
    entry = catalogue(lang)
    return get_decimal_symbol(entry.locale) + (entry.thousands or get_group_symbol(entry.locale))


def _decimal(value: float, pattern: str, lang: str) -> str:
    """A number in a Babel pattern, with the catalogue's thousands separator where it replaces CLDR's."""
    entry = catalogue(lang)
    text = format_decimal(value, pattern, locale=entry.locale)
    return text if entry.thousands is None else text.replace(get_group_symbol(entry.locale), entry.thousands)


def format_number(value: float, decimals: int, lang: str = DEFAULT_LANG) -> str:
    """'244,819.5' / '244 819,5' (Spanish) / '244 819,5' (Russian): the language's grouping and decimal mark."""
    return _decimal(value, "#,##0" + ("." + "0" * decimals if decimals else ""), lang)


def format_usd(value: float, lang: str = DEFAULT_LANG) -> str:
    """'USD 240.11 bn' / '240,11 mil millones USD' / '240,11 млрд долларов' / '2401.1 亿美元': the first of the
    language's units that the value reaches, once rounded as the next smaller unit would write it (999.95 m is not
    "1,000.0 m")."""
    if value is None or pd.isna(value):
        return ""
    entry = catalogue(lang)
    unit = next((unit for unit, smaller in zip(entry.usd, entry.usd[1:])
                 if abs(round(value / smaller.divide_by, _decimals(smaller.pattern)) * smaller.divide_by)
                 >= unit.threshold), entry.usd[-1])
    return unit.text.format(number=_decimal(value / unit.divide_by, unit.pattern, lang))


def _decimals(pattern: str) -> int:
    return len(pattern.split(".")[1]) if "." in pattern else 0


def chart_unit(lang: str = DEFAULT_LANG) -> float:
    """What one unit on a chart's dollar axis is worth in `lang`: a billion, or 亿 (a hundred million) in Chinese."""
    return catalogue(lang).chart_unit
