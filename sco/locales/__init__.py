"""The language catalogues: one TOML file per language in this folder (en.toml is the reference). A language is
added by adding its file; the tests check that it has every key of en.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LANG = "en"


@dataclass(frozen=True)
class UsdUnit:
    """One way of writing dollar amounts: from a threshold up, divided by a power of ten, in a Babel number
    pattern ("#,##0.00"), in a text with a {number} placeholder ("USD {number} bn")."""
    threshold: float
    divide_by: float
    pattern: str
    text: str


@dataclass(frozen=True)
class Catalogue:
    code: str
    name: str  # the language's name in itself, for the picker
    locale: str  # Babel's locale for dates, numbers and lists
    usd: tuple[UsdUnit, ...]  # largest first
    chart_unit: float  # what one unit on a chart's dollar axis is worth
    strings: dict[str, str]
    tables: dict[str, str] = field(default_factory=dict)  # the data dictionary, where not English
    columns: dict[str, str] = field(default_factory=dict)  # "table.column", or "*.column" for every table
    authorities: dict[str, str] = field(default_factory=dict)  # known sources, by their English name
    countries: dict[str, str] = field(default_factory=dict)  # by ISO alpha-3, where CLDR's name is not the usual
    thousands: str | None = None  # where CLDR's thousands separator is not the one to use


def _read(path: Path) -> Catalogue:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    language = raw["language"]
    units = tuple(UsdUnit(unit["from"], unit["divide_by"], unit["pattern"], unit["text"]) for unit in language["usd"])
    return Catalogue(path.stem, language["name"], language["locale"], units, language["chart_unit"], raw["strings"],
                     raw.get("tables", {}), raw.get("columns", {}), raw.get("authorities", {}),
                     raw.get("countries", {}), language.get("thousands"))


def _read_all() -> dict[str, Catalogue]:
    paths = sorted(Path(__file__).parent.glob("*.toml"), key=lambda path: (path.stem != DEFAULT_LANG, path.stem))
    return {path.stem: _read(path) for path in paths}


CATALOGUES: dict[str, Catalogue] = _read_all()


def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang`; English for a language without one."""
    return CATALOGUES.get(lang) or CATALOGUES[DEFAULT_LANG]
