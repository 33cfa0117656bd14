"""The mutation score of each module, from mutmut's results: run by `make mutation` after `mutmut run`.

A mutant is killed when a test fails with it (or it runs past its time limit); every other mutant counts
against the score, those no test reaches included. Exits 1 below the target.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict

TARGET = 85.0
KILLED = {"killed", "timeout"}
NOT_COUNTED = {"skipped"}


def scores(results: str) -> dict[str, Counter]:
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in results.splitlines():
        name, _, status = line.strip().rpartition(": ")
        module = re.match(r"^(.*?)\.x[_ǁ]", name)
        if module and status not in NOT_COUNTED:
            by_module[module.group(1)][status] += 1
    return by_module


def main() -> int:
    results = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True,
                             text=True, check=True).stdout
    by_module = scores(results)
    total = Counter()
    print(f"{'module':<16} {'mutants':>8} {'killed':>8} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        total += counts
        killed, all_ = sum(counts[s] for s in KILLED), sum(counts.values())
        print(f"{module:<16} {all_:>8} {killed:>8} {100 * killed / all_:>6.1f}%")
    killed, all_ = sum(total[s] for s in KILLED), sum(total.values())
    score = 100 * killed / all_ if all_ else 0.0
    print(f"{'all':<16} {all_:>8} {killed:>8} {score:>6.1f}%  (target {TARGET:.0f}%; "
          f"survived {total['survived']}, no test reaches {total['no tests']})")
    return 0 if score >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
