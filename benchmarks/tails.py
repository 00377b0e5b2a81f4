"""Generation tails (a script, not a timed test): per task and level, the median and the
worst time to generate one instance, over ``--seeds`` x ``--per-seed`` instances (default
4 x 150 = 600 per level; target: every instance under 250 ms).

Run: .venv/bin/python benchmarks/tails.py [--tasks a,b] [--jobs 2] [--clock cpu|wall]

Each task runs in a fresh worker process, so its first instance pays the task's one-time
costs (tables, caches) as it would in a real run. ``--clock cpu`` (the default) measures
the generating process's CPU time, which other load on the machine does not inflate;
``--clock wall`` measures wall time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from tabulate import tabulate

TARGET_MS = 250.0


def measure(name: str, seeds: int, per_seed: int, clock: str) -> list[tuple]:
    """(task, level, median ms, worst ms, worst id) for every level of one task."""
    from symbench.registry import get_task

    now = time.process_time if clock == "cpu" else time.perf_counter
    task = get_task(name)
    rows = []
    for level in sorted(task.presets):
        times = []
        for seed in range(seeds):
            for index in range(per_seed):
                t0 = now()
                task.instance(level, seed, index)
                times.append((now() - t0, seed, index))
        worst = max(times)
        rows.append((name, level, 1000 * statistics.median(t for t, _, _ in times), 1000 * worst[0], f"s{worst[1]}/{worst[2]}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    from symbench.registry import all_tasks

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", default="", help="comma-separated task names (default: all)")
    ap.add_argument("--seeds", type=int, default=4)
    ap.add_argument("--per-seed", type=int, default=150)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    args = ap.parse_args(argv)
    names = [n for n in args.tasks.split(",") if n] or sorted(all_tasks())
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(measure, names, [args.seeds] * len(names), [args.per_seed] * len(names), [args.clock] * len(names)))
    rows = [row for task_rows in results for row in task_rows]
    print(f"{args.seeds * args.per_seed} instances per level (seeds 0-{args.seeds - 1}, indices 0-{args.per_seed - 1}), {args.clock} time\n")
    print(tabulate([[t, lv, f"{med:.2f}", f"{worst:.1f}", at] for t, lv, med, worst, at in rows],
                   headers=["task", "level", "median ms", "worst ms", "worst at"]))
    per_task = {}
    for t, _, _, worst, _ in rows:
        per_task[t] = max(per_task.get(t, 0.0), worst)
    print("\nworst per task (ms):\n")
    print(tabulate(sorted(per_task.items()), headers=["task", "worst ms"], floatfmt=".1f"))
    over = [(t, lv, worst, at) for t, lv, _, worst, at in rows if worst > TARGET_MS]
    print(f"\n{len(over)} level(s) over {TARGET_MS:.0f} ms" + (": " + ", ".join(f"{t} L{lv} {w:.0f} ms at {a}" for t, lv, w, a in over) if over else ""))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
