"""Where SymBench's generation and verification time goes, per task and level (a script).

The measured reasons behind the gaps in docs/performance.md. For ``--n`` instances of a
level it splits the time of ``task.instance(...)`` into

* ``generate``: the instance RNG and the task's ``generate`` (all its draws: rejected
  attempts and, for small families, the slot draws that keep a level's instances
  distinct; ``slot_draws`` counts those per instance);
* ``reference``: the reference check done at generation, ``solve`` and ``check`` of the
  reference answer;
* ``question``: the prompt text and its fingerprint;
* ``other``: the rest of the contract (JSON round trip of the parameters, ids, the
  record);

and ``task.verify(instance, answer)`` of the reference answer into ``check`` (the
task's verifier), of which ``solve`` (recomputing the reference from the parameters, for
tasks that compare with it) and the contract's own ``overhead`` (type and length
guards, answer normalisation, the never-raise wrapper).

Run: .venv/bin/python benchmarks/symbench_breakdown.py [--tasks a,b] [--levels 1,5] [--n 100]
"""

from __future__ import annotations

import argparse
import time

#: CPU time of this process, which other load on a shared machine does not inflate.
clock = time.process_time


def _per_instance(fn, items) -> float:
    t0 = clock()
    for item in items:
        fn(item)
    return (clock() - t0) / len(items) * 1e6


def count_slot_draws(make) -> int:
    """How many slot draws ``make()`` makes (``SlotFilter`` instrumented while it runs)."""
    from symbench.tasks import _distinct

    cls = _distinct.SlotFilter
    count = 0
    originals = {name: getattr(cls, name) for name in ("accepts", "accepts_repr", "accepts_slot") if hasattr(cls, name)}

    def counting(original):
        def wrapper(self, *args):
            nonlocal count
            count += 1
            return original(self, *args)

        return wrapper

    try:
        for name, original in originals.items():
            setattr(cls, name, counting(original))
        make()
    finally:
        for name, original in originals.items():
            setattr(cls, name, original)
    return count


def breakdown(name: str, level: int, n: int = 100, seed: int = 0, repeats: int = 3) -> dict:
    """Per-instance microseconds of each part (best of ``repeats``), and slot draws per instance."""
    from symbench.contract import instance_rng, question_fingerprint
    from symbench.registry import get_task

    task = get_task(name)
    config = task.config_for(level)
    wants_index = task._wants_index()
    indices = list(range(n))
    task.instance(level, seed + 10_000, 0)  # warm-up
    insts = [task.instance(level, seed, i) for i in indices]
    pairs = [(inst.params, inst.answer) for inst in insts]

    def gen_only(i):
        rng = instance_rng(task.name, seed, level, i)
        return task.generate(rng, config, i) if wants_index else task.generate(rng, config)

    def best(fn, items):
        return min(_per_instance(fn, items) for _ in range(repeats))

    row = {
        "task": name,
        "level": level,
        "gen_us": best(lambda i: task.instance(level, seed, i), indices),
        "generate_us": best(gen_only, indices),
        "slot_draws": count_slot_draws(lambda: [task.instance(level, seed, i) for i in indices]) / n,
        "reference_us": best(lambda pa: (task.solve(pa[0]), task.check(*pa)), pairs),
        "question_us": best(lambda pa: question_fingerprint(task.question(pa[0])), pairs),
        "verify_us": best(lambda inst: task.verify(inst, inst.answer, extract=False), insts),
        "check_us": best(lambda pa: task.check(*pa), pairs),
        "solve_us": best(lambda pa: task.solve(pa[0]), pairs),
    }
    row["other_us"] = max(0.0, row["gen_us"] - row["generate_us"] - row["reference_us"] - row["question_us"])
    row["verify_overhead_us"] = max(0.0, row["verify_us"] - row["check_us"])
    return row


def markdown(rows: list[dict]) -> str:
    head = (
        "| task | level | gen µs | generate µs | slot draws | reference check µs | question µs | other µs "
        "| verify µs | check µs | solve µs | verify overhead µs |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    keys = ("gen_us", "generate_us", "slot_draws", "reference_us", "question_us", "other_us", "verify_us", "check_us", "solve_us", "verify_overhead_us")
    return head + "".join(f"| {r['task']} | {r['level']} | " + " | ".join(f"{r[k]:.1f}" for k in keys) + " |\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    from symbench.registry import all_tasks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", help="comma-separated task names (default: all)")
    parser.add_argument("--levels", default="1,2,3,4,5", help="comma-separated levels (default: all)")
    parser.add_argument("--n", type=int, default=100, help="instances per level (default 100)")
    args = parser.parse_args(argv)
    names = sorted(all_tasks()) if not args.tasks else [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in names if t not in all_tasks()]
    if unknown:
        parser.error(f"unknown task(s) {', '.join(unknown)}; allowed: {', '.join(sorted(all_tasks()))}")
    try:
        levels = [int(x) for x in args.levels.split(",")]
    except ValueError:
        parser.error(f"--levels must be a comma-separated list of 1-5, got {args.levels!r}")
    if args.n < 1 or any(lv not in (1, 2, 3, 4, 5) for lv in levels):
        parser.error("--n must be at least 1 and --levels among 1-5")
    print(markdown([breakdown(name, level, args.n) for name in names for level in levels]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
