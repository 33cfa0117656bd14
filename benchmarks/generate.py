"""Synthetic but valid data at a multiple of the curated size, for the benchmark and the load test.

    python benchmarks/generate.py SCALE OUT_DIR

Starts from the curated tables and adds rows that pass every validation rule: more states in membership, more
summits and cities, meetings between random pairs, and trade for every pair of states and every year. The
addresses point at example.org: this data is for measuring speed, never for reading.
"""
from __future__ import annotations

import csv
import itertools
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sco.data import DEFAULT_DATA_DIR  # noqa: E402
from sco.schema import TABLES  # noqa: E402

SOURCE = {"source_title": "Synthetic row for benchmarking", "source_url": "https://example.org/synthetic"}


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def generate(scale: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DEFAULT_DATA_DIR, out)
    if scale <= 1:
        return out
    tables = {name: _read(out / t.file) for name, t in TABLES.items()}
    curated_codes = {r["iso3"] for r in tables["membership"][1]}
    others = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in curated_codes]

    # Cities: synthetic places in real countries, so that meetings can be held in them.
    fields, cities = tables["cities"]
    pool = [(r["city"], r["iso3"]) for r in cities]
    for i in range(len(cities) * (scale - 1)):
        iso3 = rng.choice(others)
        name = f"Synthetic City {i}"
        cities.append({"city": name, "iso3": iso3, "lat": f"{rng.uniform(-50, 70):.4f}",
                       "lon": f"{rng.uniform(-120, 170):.4f}", "geonameid": str(10_000_000 + i), **SOURCE})
        pool.append((name, iso3))
    _write(out / "cities.csv", fields, cities)

    # Membership: more states, each with consecutive intervals.
    fields, membership = tables["membership"]
    extra = len(membership) * (scale - 1)
    states = others[: max(1, min(len(others), extra // 3))]
    per_state = -(-extra // len(states))
    for iso3 in states:
        day = date(2001, 1, 1) + timedelta(days=rng.randrange(0, 3000))
        for k in range(per_state):
            end = day + timedelta(days=rng.randrange(100, 1500))
            last = k == per_state - 1
            membership.append({"iso3": iso3, "status": rng.choice(["observer", "dialogue_partner", "partner"]),
                               "start_date": day.isoformat(), "end_date": "" if last else end.isoformat(),
                               "date_precision": "day", **SOURCE})
            day = end
    _write(out / "membership.csv", fields, membership)

    # Summits: one a week from 1996 on (the key is the start date and body).
    fields, summits = tables["summits"]
    taken = {r["start_date"] for r in summits}
    day = date(1990, 1, 1)
    for _ in range(len(summits) * (scale - 1)):
        while day.isoformat() in taken:
            day += timedelta(days=1)
        city, iso3 = rng.choice(pool)
        summits.append({"start_date": day.isoformat(), "end_date": day.isoformat(), "city": city,
                        "host_iso3": iso3, "format": rng.choice(["in_person", "virtual", "hybrid"]), "body": "sco",
                        **SOURCE})
        day += timedelta(days=3)
    _write(out / "summits.csv", fields, summits)

    # Meetings: random pairs of states on random days.
    fields, meetings = tables["meetings"]
    codes = sorted(curated_codes) + others[:40]
    # One row per two leaders and day (a validation rule): each synthetic state has one leader.
    keys = {(r["date"], *sorted((r["iso3_a"], r["iso3_b"]))) for r in meetings}
    for i in range(len(meetings) * (scale - 1)):
        while True:
            a, b = rng.sample(codes, 2)
            fmt = rng.choice(["in_person", "in_person", "virtual", "phone"])
            city, host = rng.choice(pool) if fmt == "in_person" else ("", "")
            day = (date(2001, 1, 1) + timedelta(days=rng.randrange(0, 9400))).isoformat()
            if (day, *sorted((a, b))) not in keys:
                keys.add((day, *sorted((a, b))))
                break
        meetings.append({"date": day,
                         "date_precision": "day", "iso3_a": a, "leader_a": f"Leader of {a}", "iso3_b": b,
                         "leader_b": f"Leader of {b}", "city": city, "host_iso3": host, "format": fmt,
                         "occasion": f"Synthetic meeting {i}", **SOURCE})
    _write(out / "meetings.csv", fields, meetings)

    # Trade: every ordered pair of states, every year, every flow, until the scale is reached.
    fields, trade = tables["trade"]
    wanted = len(trade) * (scale - 1)
    source = "Press report"  # a known source that may report for any state
    added = 0
    for year in range(1995, 2026):
        for a in codes[:30]:
            for b in codes[:30]:
                if a == b:
                    continue
                for flow in ("exports", "imports", "total"):
                    if added >= wanted:
                        break
                    trade.append({"year": str(year), "period": "calendar", "reporter_iso3": a, "partner_iso3": b,
                                  "flow": flow, "value_usd": str(rng.randrange(10**6, 10**11)), "source": source,
                                  "stated_by": "synthetic", **SOURCE})
                    added += 1
    _write(out / "trade.csv", fields, trade)

    # Imported trade: synthetic reporters (no key clash with the real ones) against every state, every year of the
    # IMF files, both flows, citing the existing files, until the scale is reached.
    fields, imported = tables["trade_imported"]
    ids = sorted({r["source_id"] for r in imported if r["source_id"].startswith("imf-dots")})
    combinations = ((a, b, year, flow) for a in others for b in codes if a != b for year in range(1948, 2021)
                    for flow in ("exports", "imports"))
    for a, b, year, flow in itertools.islice(combinations, len(imported) * (scale - 1)):
        imported.append({"year": str(year), "period": "calendar", "reporter_iso3": a, "partner_iso3": b,
                         "flow": flow, "value_usd": str(rng.randrange(10**5, 10**10)), "estimate": "",
                         "source_id": rng.choice(ids)})
    _write(out / "trade_imported.csv", fields, imported)
    return out


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
