"""Display names: countries from CLDR (Babel), with the few names a catalogue replaces by everyday usage;
cities and leaders from data/city_names.csv and data/leader_names.csv (each name sourced; one without a name there
keeps the English name the tables use)."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pycountry
from babel import Locale

from sco.data import data_dir
from sco.locales import DEFAULT_LANG, catalogue

# Everyday names that pycountry.countries.lookup does not find, mapped to their codes.
ALIASES: dict[str, str] = {"russia": "RUS", "iran": "IRN", "turkey": "TUR", "laos": "LAO", "south korea": "KOR",
                           "uae": "ARE"}


@lru_cache(maxsize=2048)
def country_name(iso3: str, lang: str = DEFAULT_LANG) -> str:
    """Display name of a country in `lang`; the code itself if it is unknown."""
    entry = catalogue(lang)
    if iso3 in entry.countries:
        return entry.countries[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return Locale.parse(entry.locale).territories.get(country.alpha_2, iso3)


def iso3_for(name: str) -> str | None:
    """The alpha-3 code for a code or an everyday English name ("Russia", "Iran"), or None."""
    key = name.strip().lower()
    if key in ALIASES:
        return ALIASES[key]
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=8)
def _names(path: Path, modified: float, key: str) -> dict[tuple[str, str], str]:
    # The file's modification time is part of the key only, so that an edited file is read again.
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row[key], row["lang"]): row["name"] for row in csv.DictReader(handle)}


def _name_in(file: str, key: str, value: object, lang: str) -> object:
    if lang == DEFAULT_LANG or not isinstance(value, str) or not value:
        return value
    path = data_dir() / file
    try:
        modified = path.stat().st_mtime
    except OSError:
        return value
    return _names(path, modified, key).get((value, lang), value)


def city_name(city: object, lang: str = DEFAULT_LANG) -> object:
    """A city's name in `lang` (Beijing -> Pekín) where data/city_names.csv gives one; otherwise as the tables
    write it. Anything that is not a city name (empty, missing) is returned unchanged."""
    return _name_in("city_names.csv", "city", city, lang)


def leader_name(leader: object, lang: str = DEFAULT_LANG) -> object:
    """A leader's name as `lang` writes it (Xi Jinping -> Си Цзиньпин, 习近平) where data/leader_names.csv gives
    one; otherwise as the tables write it."""
    return _name_in("leader_names.csv", "leader", leader, lang)


def leader_names(leaders: str, lang: str = DEFAULT_LANG) -> str:
    """A comma-separated list of leaders ('Xi Jinping, Vladimir Putin'), each as `lang` writes it."""
    if lang == DEFAULT_LANG or not isinstance(leaders, str):
        return leaders
    return ", ".join(str(leader_name(name.strip(), lang)) for name in leaders.split(","))
