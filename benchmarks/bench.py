"""Speed measurements (a script, not a timed test). Run: .venv/bin/python benchmarks/bench.py

1. Sandbox overhead: median wall time of one exec of `pass` through the symbench
   sandbox's Python API (as the scorer calls it) versus a bare `python3 -c pass`
   subprocess started from the same process; the ratio (target: at most 2x).
2. Command-line start: `symbench list` and `symbench generate` (target: under 0.5 s).
3. Generation: 1000 instances of each pilot task at complexity 3 (target: under 2 s each).
4. Per task: median milliseconds per instance at complexity 5 (target: under 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tabulate import tabulate

PILOTS = ("game24", "blocksworld", "string_insertion")


def bench_sandbox(runs: int) -> list[list]:
    from symbench.harness.jail import DEFAULT_PYTHON
    from symbench.harness.sandbox import SymbenchSandbox

    async def jailed() -> list[float]:
        box = SymbenchSandbox()
        await box.exec([DEFAULT_PYTHON, "-c", "pass"])  # warm-up (first use checks bwrap)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = await box.exec(["python3", "-c", "pass"], timeout=10)
            times.append(time.perf_counter() - t0)
            assert result.success, result.stderr
        return times

    def bare() -> list[float]:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([DEFAULT_PYTHON, "-c", "pass"], check=True)
            times.append(time.perf_counter() - t0)
        return times

    b = statistics.median(bare())
    j = statistics.median(asyncio.run(jailed()))
    return [["sandbox exec of `pass` (median)", f"{j * 1000:.1f} ms"], ["bare python3 -c pass (median)", f"{b * 1000:.1f} ms"], ["ratio (target <= 2x)", f"{j / b:.2f}x"]]


def bench_cli(runs: int) -> list[list]:
    exe = str(Path(sys.executable).with_name("symbench"))
    rows = []
    for args in (["list"], ["generate", "game24", "--n", "1", "--complexity", "1"]):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([exe, *args], check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        rows.append([f"symbench {' '.join(args)} (median)", f"{statistics.median(times):.3f} s"])
    return rows


def bench_pilots(n: int) -> list[list]:
    from symbench.registry import get_task

    rows = []
    for name in PILOTS:
        task = get_task(name)
        t0 = time.perf_counter()
        for i in range(n):
            task.instance(3, 0, i)
        rows.append([f"{name}: {n} instances at complexity 3", f"{time.perf_counter() - t0:.2f} s"])
    return rows


def bench_level5(n: int) -> list[list]:
    from symbench.registry import all_tasks

    rows = []
    for name, task in all_tasks().items():
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            task.instance(5, 0, i)
            times.append(time.perf_counter() - t0)
        rows.append([name, f"{statistics.median(times) * 1000:.2f}", f"{max(times) * 1000:.1f}"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 10 if args.quick else 30
    print(tabulate(bench_sandbox(runs), headers=["sandbox", ""]), end="\n\n")
    print(tabulate(bench_cli(3 if args.quick else 7), headers=["command-line start", ""]), end="\n\n")
    print(tabulate(bench_pilots(200 if args.quick else 1000), headers=["generation", ""]), end="\n\n")
    print(tabulate(bench_level5(10 if args.quick else 30), headers=["task", "median ms at complexity 5", "max ms"]))


if __name__ == "__main__":
    main()
