"""Benchmark every page at 1x and 10x the data (curated and imported):  python benchmarks/run.py [--scales 1 10]

For each page, measured with Streamlit's AppTest in this process: the cold first run (empty caches), the rerun
after a change to a choice not seen before, the warm rerun after a filter change (median of several, alternating
between two values) and the size of the figure JSON sent to the browser; and, in
Debian's Chromium, the time from opening the page to the page drawn (median of three). A one-line Streamlit app
measured in the same run gives the ratios, so that the figures mean the same on a slower machine.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.generate import generate  # noqa: E402
from benchmarks.apptest_support import navigation_router_only  # noqa: E402

ENTRY = str(ROOT / "dashboard.py")
ONE_LINE = str(ROOT / "benchmarks" / "one_line_app.py")
WARM_RUNS = 9
# Page -> (widget kind, key, two values to alternate): the filter change of a warm rerun.
CHANGES = {
    "pages/home.py": ("radio", "lang", ("es", "en")),
    "pages/membership.py": ("date_input", "as_of", (date(2024, 7, 1), date(2017, 6, 9))),
    "pages/summits.py": ("radio", "lang", ("es", "en")),
    "pages/meetings.py": ("radio", "rule", ("all_contacts", "in_person")),
    "pages/trade.py": ("radio", "flow", ("exports", "total")),
    "pages/country.py": ("selectbox", "country", ("KAZ", "CHN")),
    "pages/sources.py": ("radio", "lang", ("es", "en")),
}


def _timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def measure_one_line() -> tuple[float, float]:
    at = AppTest.from_file(ONE_LINE, default_timeout=120)
    cold = _timed(at)
    return cold, statistics.median(_timed(at) for _ in range(WARM_RUNS))


def measure_page(page: str) -> dict:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(ENTRY, default_timeout=600)
    at.switch_page(page)
    cold = _timed(at)
    if at.exception or at.error:  # a page that stops on a data problem measures nothing: say so
        raise RuntimeError(f"{page}: {[e.message for e in at.exception] + [e.value for e in at.error]}")
    figure_bytes = sum(len(chart.proto.spec) for chart in at.get("plotly_chart")) + sum(
        len(chart.proto.spec) + sum(len(d.data.data) for d in chart.proto.datasets)
        for chart in at.get("vega_lite_chart"))
    kind, key, values = CHANGES[page]
    warm = []
    for i in range(WARM_RUNS):
        getattr(at, kind)(key=key).set_value(values[i % 2])
        warm.append(_timed(at))
    # The first change asks for a view no session has seen; the values then alternate, so the median is a rerun
    # after a change to a view seen before (another analyst's, or one's own a moment ago).
    return {"cold": cold, "new": warm[0], "warm": statistics.median(warm), "figure_kb": figure_bytes / 1024}


def measure_browser(data_dir: Path | None, pages: list[str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_app, wait_until_drawn
    process, url = start_app(data_dir)
    times = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_file in pages:
                path = Path(page_file).stem
                path = "" if path == "home" else path
                samples = []
                for _ in range(3):
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    start = time.perf_counter()
                    page.goto(f"{url}/{path}")
                    wait_until_drawn(page, settle_ms=0)  # maps included
                    samples.append(time.perf_counter() - start)
                    page.close()
                times[page_file] = statistics.median(samples)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return times


ONE_MAP = ROOT / "benchmarks" / "one_map_app.py"


def measure_reference_browser(app: Path, geo_charts: int) -> float:
    """Time to draw a minimal app in Chromium: the one-line app (a bare page), or one plotly world map, the floor
    of any page that shows a map. It runs from a copy next to the world outline, as the dashboard serves it."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_app, wait_until_drawn
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(app, folder)
        shutil.copytree(ROOT / "static", Path(folder) / "static")
        shutil.copytree(ROOT / ".streamlit", Path(folder) / ".streamlit")
        process, url = start_app(script=app.name, cwd=Path(folder))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                samples = []
                for _ in range(3):
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    start = time.perf_counter()
                    page.goto(url)
                    page.get_by_text("SCO").wait_for()
                    wait_until_drawn(page, geo_charts=geo_charts, settle_ms=0)
                    samples.append(time.perf_counter() - start)
                    page.close()
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    args = parser.parse_args()
    pages = list(CHANGES)
    results: dict[int, dict[str, dict]] = {}
    with navigation_router_only(), tempfile.TemporaryDirectory() as tmp:
        one_cold, one_warm = measure_one_line()
        bare = None if args.no_browser else measure_reference_browser(Path(ONE_LINE), geo_charts=0)
        one_map = None if args.no_browser else measure_reference_browser(ONE_MAP, geo_charts=1)
        for scale in args.scales:
            folder = generate(scale, Path(tmp) / f"x{scale}")
            os.environ["SCO_DATA_DIR"] = str(folder)
            results[scale] = {page: measure_page(page) for page in pages}
            if not args.no_browser:
                for page, seconds in measure_browser(folder, pages).items():
                    results[scale][page]["browser"] = seconds
    print(f"One-line Streamlit app: cold {one_cold * 1000:.0f} ms, warm rerun {one_warm * 1000:.0f} ms"
          + ("" if bare is None else f", drawn in Chromium in {bare * 1000:.0f} ms; an app of one plotly world map "
                                     f"drawn in {one_map * 1000:.0f} ms ({one_map / bare:.1f}x the bare page)"))
    print()
    print("| page | data | cold run (ms) | new choice (ms) | warm rerun (ms) | warm / one-line | figure JSON (KB) "
          "| drawn in Chromium (ms) | drawn / bare page |")
    print("|---|---|---|---|---|---|---|---|---|")
    for scale, by_page in results.items():
        for page, r in by_page.items():
            browser = r.get("browser")
            print(f"| {Path(page).stem} | {scale}x | {r['cold'] * 1000:.0f} | {r['new'] * 1000:.0f} | "
                  f"{r['warm'] * 1000:.0f} | "
                  f"{r['warm'] / one_warm:.1f} | {r['figure_kb']:.0f} | "
                  + ("" if browser is None else f"{browser * 1000:.0f}") + " | "
                  + ("" if browser is None or bare is None else f"{browser / bare:.1f}") + " |")
    if len(results) > 1:
        low, high = min(results), max(results)
        print()
        print(f"| page | warm rerun {high}x / {low}x | new choice {high}x / {low}x | cold run {high}x / {low}x |")
        print("|---|---|---|---|")
        for page in pages:
            a, b = results[low][page], results[high][page]
            print(f"| {Path(page).stem} | {b['warm'] / a['warm']:.2f} | {b['new'] / a['new']:.2f} | "
                  f"{b['cold'] / a['cold']:.2f} |")


if __name__ == "__main__":
    main()
