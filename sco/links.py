"""What a link may hold: the parameters a view keeps in its address, read and written as plain text.

Pure functions, no Streamlit. Choices shown by name in the reader's language (countries, pairs, counting rules)
travel as codes, comma-separated: `countries=RUS,CHN`. Dates, years and switches use Streamlit's own URL binding;
`upgrade` turns the forms links had before it (`play=1`, `period=2024-07-03..2024-07-04`) into the forms the
binding reads, so that links already shared open the same view.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

# Switches were written 1/0 before Streamlit's binding, which reads true/false.
SWITCHES = ("play", "releases")
LEGACY_FLAGS = {"1": "true", "0": "false"}
# Date ranges were written first..last; the binding repeats the parameter: period=first&period=last.
DATE_RANGES = ("period",)
RANGE_SEPARATOR = ".."


def parse_choice(raw: str, options: Collection[str]) -> str:
    """One code, which must be one of the options."""
    if raw not in options:
        raise ValueError(f"{raw!r} is not one of the choices")
    return raw


def parse_codes(raw: str, options: Collection[str]) -> list[str]:
    """'CHN,RUS' -> ['CHN', 'RUS']: each one of the options, in the link's order, no repeats. An empty value is
    an empty choice."""
    codes = list(dict.fromkeys(c for c in raw.split(",") if c))
    unknown = [c for c in codes if c not in options]
    if unknown:
        raise ValueError(f"{', '.join(unknown)} not among the choices")
    return codes


def serialize(value: str | Sequence[str]) -> str:
    return value if isinstance(value, str) else ",".join(value)


def upgrade(params: Mapping[str, Sequence[str]]) -> dict[str, list[str]] | None:
    """The same parameters in today's forms, or None when they are already in them.

    `params` maps each name to its values in the order of the address (a name may repeat).
    """
    upgraded: dict[str, list[str]] = {}
    for name, values in params.items():
        upgraded[name] = []
        for value in values:
            if name in SWITCHES and value in LEGACY_FLAGS:
                upgraded[name].append(LEGACY_FLAGS[value])
            elif name in DATE_RANGES and RANGE_SEPARATOR in value:
                upgraded[name].extend(value.split(RANGE_SEPARATOR, 1))
            else:
                upgraded[name].append(value)
    return upgraded if upgraded != {name: list(values) for name, values in params.items()} else None


def url_form(value: object) -> list[str]:
    """How Streamlit's binding writes a value: true/false, 2024, 2024-07-01, a range as one parameter per date."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (tuple, list)):
        return [text for item in value for text in url_form(item)]
    if isinstance(value, date):
        return [value.isoformat()]
    return [str(value)]
