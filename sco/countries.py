"""Display names of places: countries from pycountry (English and Spanish, with the few overrides analysts expect),
cities from data/city_names.csv (each name sourced; a city without one keeps the English name the tables use)."""
from __future__ import annotations

import csv
import gettext
from functools import lru_cache
from pathlib import Path

import pycountry

from sco.data import data_dir

# Only where everyday usage differs from ISO 3166 and pycountry's translation.
NAME_OVERRIDES: dict[str, dict[str, str]] = {
    "RUS": {"en": "Russia", "es": "Rusia"},
    "MDV": {"es": "Maldivas"},
}
# Everyday names that pycountry.countries.lookup does not find, mapped to their codes.
ALIASES: dict[str, str] = {"russia": "RUS", "iran": "IRN", "turkey": "TUR", "laos": "LAO", "south korea": "KOR",
                           "uae": "ARE"}


@lru_cache(maxsize=4)
def _translation(lang: str) -> gettext.NullTranslations:
    # A local translation object: never .install(), which would set a global shared by every session.
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@lru_cache(maxsize=2048)
def country_name(iso3: str, lang: str = "en") -> str:
    """Display name of a country in English or Spanish; the code itself if it is unknown."""
    override = NAME_OVERRIDES.get(iso3, {}).get(lang)
    if override:
        return override
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    english = getattr(country, "common_name", None) or country.name
    return english if lang == "en" else _translation(lang).gettext(english)


def iso3_for(name: str) -> str | None:
    """The alpha-3 code for a code or an everyday English name ("Russia", "Iran"), or None."""
    key = name.strip().lower()
    if key in ALIASES:
        return ALIASES[key]
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=4)
def _city_names(path: Path, modified: float) -> dict[tuple[str, str], str]:
    # The file's modification time is part of the key only, so that an edited file is read again.
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["city"], row["lang"]): row["name"] for row in csv.DictReader(handle)}


def city_name(city: object, lang: str = "en") -> object:
    """A city's name in `lang` (Beijing -> Pekín) where data/city_names.csv gives one; otherwise as the tables
    write it. Anything that is not a city name (empty, missing) is returned unchanged."""
    if lang == "en" or not isinstance(city, str) or not city:
        return city
    path = data_dir() / "city_names.csv"
    try:
        modified = path.stat().st_mtime
    except OSError:
        return city
    return _city_names(path, modified).get((city, lang), city)
