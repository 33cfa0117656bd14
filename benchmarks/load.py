"""Concurrent analysts on loopback:  python benchmarks/load.py [--sessions 20] [--scale 1]

Starts the dashboard on 127.0.0.1, opens N browser sessions at once in Debian's Chromium, and has each visit
every page and change a filter there. Reports errors, the time until each page is drawn (p50, p95) and the
server's peak memory. Traffic stays on this machine; the run is bounded by --timeout.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, start_app  # noqa: E402

# Page path -> the control a visitor changes there (its visible label in English).
VISITS = {"": "Español", "membership": "Play through the years", "summits": "Español",
          "meetings": "In person only", "trade": "Reporter's exports", "country": None, "sources": None}
DRAWN = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _rss_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


async def _visit(browser, url: str, timings: list, errors: list, outside: list) -> None:
    from urllib.parse import urlparse
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def guard(route):
        if (urlparse(route.request.url).hostname or "") in LOCAL_HOSTS:
            await route.continue_()
        else:
            outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    try:
        for path, control in VISITS.items():
            start = time.perf_counter()
            await page.goto(f"{url}/{path}", timeout=120_000)
            await page.wait_for_selector(DRAWN, timeout=120_000)
            await page.wait_for_function(
                """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                         .every(c => c.querySelector('.main-svg'))""", timeout=120_000)
            timings.append(time.perf_counter() - start)
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"exception box on /{path}")
            if control:
                await page.get_by_text(control, exact=True).first.click(timeout=60_000)
                await page.wait_for_timeout(300)
                await page.wait_for_selector(DRAWN, timeout=120_000)
                if await page.locator('[data-testid="stException"]').count():
                    errors.append(f"exception box on /{path} after changing '{control}'")
    except Exception as error:  # a timeout or a crash is counted, not raised: the other sessions go on
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0][:160]}")
    finally:
        await context.close()


async def _run(url: str, sessions: int) -> tuple[list, list, list]:
    from playwright.async_api import async_playwright
    timings, errors, outside = [], [], []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await asyncio.gather(*(_visit(browser, url, timings, errors, outside) for _ in range(sessions)))
        await browser.close()
    return timings, errors, outside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=1200, help="seconds before the run is abandoned")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate(args.scale, Path(tmp) / "data") if args.scale > 1 else None
        process, url = start_app(folder)
        peak = {"rss": 0}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak["rss"] = max(peak["rss"], _rss_kb(process.pid, "VmRSS:"))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        start = time.perf_counter()
        try:
            timings, errors, outside = asyncio.run(asyncio.wait_for(_run(url, args.sessions), args.timeout))
            high_water = _rss_kb(process.pid, "VmHWM:")
        finally:
            stop.set()
            process.terminate()
            process.wait(timeout=30)
    elapsed = time.perf_counter() - start
    ordered = sorted(timings)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)] if ordered else float("nan")
    print(f"{args.sessions} concurrent sessions, {args.scale}x data, {len(VISITS)} pages each, {elapsed:.0f} s in all")
    print(f"page views drawn: {len(timings)}; errors: {len(errors)}; requests that tried to leave the machine: "
          f"{len(outside)}")
    if ordered:
        print(f"time to draw a page: p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s")
    print(f"server memory: peak RSS {max(peak['rss'], high_water) / 1024:.0f} MB")
    for error in errors[:10]:
        print(f"  error: {error}")
    sys.exit(1 if errors or outside else 0)


if __name__ == "__main__":
    main()
