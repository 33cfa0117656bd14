"""What the offline world map can draw: the country codes present in static/world_110m.json."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

WORLD_TOPOJSON = Path(__file__).resolve().parent.parent / "static" / "world_110m.json"


@lru_cache(maxsize=1)
def mapped_iso3() -> frozenset[str]:
    topology = json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))
    return frozenset(g["id"] for g in topology["objects"]["countries"]["geometries"] if g.get("id"))


def unmapped(codes) -> list[str]:
    """Codes, in the order given, of countries too small to have a shape on the 1:110m map (Bahrain, Maldives)."""
    drawable = mapped_iso3()
    return [c for c in dict.fromkeys(codes) if c not in drawable]
