"""Turn the IMF Direction of Trade Statistics extract (China, India, Russia, 1992-2020) into rows of data/trade.csv.

Usage:  python scripts/import_imf_dots.py path/to/imf_dots_chn_ind_rus.csv
Rows from this source already in trade.csv are replaced; every other row is kept as it is.
Values of a trillion dollars or more are corrupt in the extract (India's rows for 1992-1994 and 1996 hold
digits like 456520671446261): they are left out and listed, never rescaled by guess.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sco.data import data_dir  # noqa: E402
from sco.schema import TRADE  # noqa: E402

SOURCE = "IMF Direction of Trade Statistics"
SOURCE_TITLE = "IMF Direction of Trade Statistics, as redistributed in the MultiATSM package (Dataset_CM_2023.xlsx, sheet TradeData)"
SOURCE_URL = ("https://github.com/rubensmoura87/MultiATSM/blob/a36ebeb6d0b0e5bbe57d26f077e93156efb956a4/"
              "inst/extdata/Dataset_CM_2023.xlsx")
FLOWS = {"exports_fob": ("exports", "Exports valued free on board (FOB)."),
         "imports_cif": ("imports", "Imports valued with cost, insurance and freight (CIF).")}


def main(extract: str) -> None:
    path = data_dir() / TRADE.file
    columns = [c.name for c in TRADE.columns]
    kept = [r for r in csv.DictReader(path.open(encoding="utf-8", newline=""))] if path.exists() else []
    kept = [r for r in kept if r["source"] != SOURCE]
    for row in csv.DictReader(open(extract, encoding="utf-8", newline="")):
        if float(row["value_usd"]) >= TRADE.column("value_usd").maximum:
            print(f"left out (not a plausible dollar value): {row}")
            continue
        flow, note = FLOWS[row["indicator"]]
        kept.append({"year": row["year"], "period": "calendar", "reporter_iso3": row["reporter_iso3"],
                     "partner_iso3": row["partner_iso3"], "flow": flow, "value_usd": row["value_usd"],
                     "source": SOURCE, "note": note, "source_title": SOURCE_TITLE, "source_url": SOURCE_URL})
    kept.sort(key=lambda r: (r["reporter_iso3"], r["partner_iso3"], int(r["year"]), r["source"], r["flow"]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(kept)


if __name__ == "__main__":
    main(sys.argv[1])
