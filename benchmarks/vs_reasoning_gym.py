"""SymBench against reasoning-gym, side by side in one process (a script, not a timed test).

For every task the two projects share (see ``PAIRS`` and its notes for why each
pair is the same problem) and every SymBench level, it measures per instance

* generation: SymBench ``task.instance(level, seed, i)`` against reasoning-gym
  ``dataset[i]`` (dataset construction, a one-time cost, is timed apart);
* verification of the reference answer: SymBench ``task.verify(instance, answer,
  extract=False)`` against reasoning-gym ``dataset.score_answer(answer, entry)``; both
  take the already extracted answer, and both must call it correct.

Each pass generates ``--n`` fresh instances, or fewer when a generator has spent
``--budget`` seconds (pass r uses seed r on both sides, so no cache carries over from an
earlier pass), and then verifies each of them once. The
reported time is the best pass over ``--repeats`` passes, the two projects interleaved
pass by pass so that load on the machine hits both alike.

reasoning-gym is an optional benchmark dependency (``pip install -e ".[bench]"``), never
a runtime one. Run: .venv/bin/python benchmarks/vs_reasoning_gym.py [--n 200]
[--repeats 5] [--tasks a,b] [--levels 1,5] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

RG_VERSION = "0.1.25"
DEFAULT_JSON = Path(__file__).with_name("results") / "vs_reasoning_gym.json"
_OFF = -50.0  # a reasoning-gym transform weight that makes the transform practically never drawn


@dataclass(frozen=True)
class Pair:
    """A SymBench task, its reasoning-gym counterpart at each level, and what differs."""

    symbench: str
    levels: dict[int, tuple[str, dict]]
    note: str = ""


def _same(name: str, configs: list[dict]) -> dict[int, tuple[str, dict]]:
    return {level: (name, cfg) for level, cfg in enumerate(configs, 1)}


def _range(lo_key: str, hi_key: str, ranges: list[tuple[int, int]]) -> list[dict]:
    return [{lo_key: lo, hi_key: hi} for lo, hi in ranges]


# The reasoning-gym configuration matched to each SymBench level: the same sizes where
# reasoning-gym has the knob, its default otherwise (noted).
PAIRS: tuple[Pair, ...] = (
    Pair(
        "game24",
        {
            1: ("puzzle24", {"min_value": 1, "max_value": 9}),
            2: ("puzzle24", {"min_value": 1, "max_value": 10}),
            3: ("puzzle24", {"min_value": 1, "max_value": 10}),
            4: ("countdown", {"min_numbers": 5, "max_numbers": 5, "min_value": 1, "max_value": 13, "min_target": 24, "max_target": 50}),
            5: ("countdown", {"min_numbers": 6, "max_numbers": 7, "min_value": 1, "max_value": 50, "min_target": 24, "max_target": 500}),
        },
        "puzzle24 caps values at 10 (SymBench levels 2-3 use 1-13); levels 4-5 (5-7 numbers) map to countdown, level 4 with targets 24-50 (a fixed 24 fails its generator)",
    ),
    Pair("standard_sudoku", _same("sudoku", _range("min_empty", "max_empty", [(30, 35), (36, 45), (46, 50), (51, 55), (56, 64)]))),
    Pair(
        "eight_queens",
        _same(
            "n_queens",
            [
                {"n": 8, "min_remove": 7, "max_remove": 8},
                {"n": 8, "min_remove": 6, "max_remove": 7},
                {"n": 8, "min_remove": 5, "max_remove": 6},
                {"n": 10, "min_remove": 6, "max_remove": 8},
                {"n": 12, "min_remove": 7, "max_remove": 9},
            ],
        ),
        "reasoning-gym has no blocked cells; level 5 uses n=12 (SymBench 12-14)",
    ),
    Pair(
        "letters",
        _same("letter_counting", _range("min_words", "max_words", [(1, 1), (2, 3), (3, 5), (10, 40), (70, 160)])),
        "words of book text sized to SymBench's letter counts (about 5 letters a word)",
    ),
    Pair("string_insertion", _same("string_insertion", _range("min_string_length", "max_string_length", [(6, 10), (10, 14), (14, 18), (20, 30), (40, 60)]))),
    Pair("string_splitting", _same("string_splitting", _range("min_initial_machines", "max_initial_machines", [(1, 3), (2, 4), (3, 7), (5, 10), (10, 30)]))),
    Pair("string_synthesis", _same("string_synthesis", _range("min_initial_blocks", "max_initial_blocks", [(1, 3), (1, 5), (1, 7), (5, 15), (10, 40)]))),
    Pair(
        "string_deletion_modification",
        _same(
            "string_manipulation",
            [
                {"min_num_rules": 3, "max_num_rules": 3, "min_string_length": 6, "max_string_length": 10},
                {"min_num_rules": 4, "max_num_rules": 5, "min_string_length": 10, "max_string_length": 15},
                {"min_num_rules": 6, "max_num_rules": 6, "min_string_length": 10, "max_string_length": 20},
                {"min_num_rules": 8, "max_num_rules": 8, "min_string_length": 15, "max_string_length": 25},
                {"min_num_rules": 10, "max_num_rules": 12, "min_string_length": 20, "max_string_length": 40},
            ],
        ),
    ),
    Pair("mahjong_pattern", _same("mahjong_puzzle", _range("min_num_rounds", "max_num_rounds", [(1, 1), (2, 3), (3, 4), (5, 6), (10, 15)]))),
    Pair(
        "pooling",
        _same(
            "pool_matrix",
            [
                {"min_rows": r0, "max_rows": r1, "min_cols": r0, "max_cols": r1, "min_pool_size": p0, "max_pool_size": p1}
                for (r0, r1), (p0, p1) in zip([(3, 3), (4, 4), (5, 6), (7, 8), (9, 10)], [(2, 2), (2, 2), (3, 3), (3, 3), (2, 4)])
            ],
        ),
        "reasoning-gym pools with stride = window and max/average only",
    ),
    Pair(
        "boxnet",
        _same(
            "boxnet",
            [
                {"min_row_num": 1, "max_row_num": 1, "min_column_num": 2, "max_column_num": 2, "min_box_num": 1, "max_box_num": 1},
                {"min_row_num": 2, "max_row_num": 2, "min_column_num": 2, "max_column_num": 2, "min_box_num": 1, "max_box_num": 1},
                {"min_row_num": 2, "max_row_num": 2, "min_column_num": 2, "max_column_num": 3, "min_box_num": 1, "max_box_num": 3},
                {"min_row_num": 2, "max_row_num": 2, "min_column_num": 4, "max_column_num": 4, "min_box_num": 1, "max_box_num": 3},
                {"min_row_num": 4, "max_row_num": 4, "min_column_num": 4, "max_column_num": 8, "min_box_num": 2, "max_box_num": 3},
            ],
        ),
        "reasoning-gym's three default colours (SymBench 2-6); its entries have no reference answer, so it scores "
        "a plan from SymBench's planner for the same grid; its score is partial credit, without SymBench's checks",
    ),
    Pair(
        "matrix_transformation",
        {
            level: ("manipulate_matrix", {"min_rows": r0, "max_rows": r1, "min_cols": c0, "max_cols": c1, **t})
            for level, (r0, r1, c0, c1, t) in enumerate(
                [
                    (2, 2, 2, 2, {"min_transforms": 1, "max_transforms": 1}),
                    (2, 3, 3, 3, {"min_transforms": 1, "max_transforms": 1}),
                    (3, 3, 4, 4, {"min_transforms": 1, "max_transforms": 1}),
                    (4, 4, 4, 5, {"min_transforms": 1, "max_transforms": 1}),
                    (6, 8, 6, 8, {"min_transforms": 2, "max_transforms": 4}),
                ],
                1,
            )
        },
        "levels 1-4 draw rotations only; level 5 rotations and mirrors (other reasoning-gym transforms weighted off)",
    ),
    Pair(
        "number_multiply",
        _same(
            "products",
            [
                {"min_terms": 2, "max_terms": 2, "min_digits": 2, "max_digits": 2, "allow_negation": True},
                {"min_terms": 3, "max_terms": 3, "min_digits": 1, "max_digits": 4, "allow_negation": True},
                {"min_terms": 2, "max_terms": 4, "min_digits": 1, "max_digits": 4, "allow_negation": True},
                {"min_terms": 2, "max_terms": 3, "min_digits": 6, "max_digits": 8, "allow_negation": True},
                {"min_terms": 2, "max_terms": 4, "min_digits": 8, "max_digits": 20, "allow_negation": True},
            ],
        ),
        "reasoning-gym gives all factors of one instance the same digit count",
    ),
)

_ROTATE_ONLY = {f"w_{k}": _OFF for k in ("hmirror", "vmirror", "dmirror", "cmirror", "map", "crop", "remove_every_nth_row", "remove_every_nth_col", "zero_divisible")}
_ROTATE_MIRROR = {f"w_{k}": _OFF for k in ("map", "crop", "remove_every_nth_row", "remove_every_nth_col", "zero_divisible")}


def _boxnet_plan(entry: dict) -> str:
    """A plan for a reasoning-gym boxnet instance, which comes without a reference answer:
    SymBench's reference planner run on the same grid (the same action syntax)."""
    from symbench.tasks.boxnet import reference_plan

    meta = entry["metadata"]
    boxes, targets = [], []
    for square, items in meta["initial_state"].items():
        x, y = square.split("_")
        r, c = int(float(x) - 0.5), int(float(y) - 0.5)
        for item in items:
            kind, _, colour = item.partition("_")
            (boxes if kind == "box" else targets).append([colour, r, c])
    return json.dumps(reference_plan({"rows": meta["row_num"], "cols": meta["column_num"], "boxes": boxes, "targets": targets}))


#: reasoning-gym tasks whose entries carry no reference answer: how to make a right one
RG_ANSWERS = {"boxnet": _boxnet_plan}


def rg_config(pair: Pair, level: int) -> tuple[str, dict]:
    name, cfg = pair.levels[level]
    if name == "manipulate_matrix":
        cfg = {**cfg, **(_ROTATE_ONLY if level < 5 else _ROTATE_MIRROR)}
    return name, cfg


def _best(per_instance: list[float]) -> float:
    return min(per_instance) * 1e6  # microseconds per instance, best pass


#: The clock: this process's CPU time by default, which other load on a shared machine
#: does not inflate (``--clock wall`` for wall time).
_clock = time.process_time


def _generate(make, n: int, budget: float) -> tuple[list, float]:
    """Up to ``n`` instances ``make(0), make(1), ...``, stopping early once ``budget``
    seconds are spent (slow generators); the list and the seconds it took."""
    out = []
    t0 = _clock()
    for i in range(n):
        out.append(make(i))
        if _clock() - t0 > budget:
            break
    return out, _clock() - t0


def measure(pair: Pair, level: int, n: int, repeats: int, budget: float = 2.0) -> dict:
    """Per-instance microseconds for both projects at one level (best of ``repeats`` passes)."""
    import reasoning_gym

    from symbench.registry import get_task

    task = get_task(pair.symbench)
    rg_name, cfg = rg_config(pair, level)
    task.instance(level, 10_000, 0)  # warm-up: imports and per-task tables, as in a long run
    sb_gen, sb_ver, rg_gen, rg_ver, rg_setup = [], [], [], [], []
    sb_ok = rg_ok = 0
    sb_total = rg_total = 0
    for seed in range(repeats):
        insts, elapsed = _generate(lambda i: task.instance(level, seed, i), n, budget)
        t1 = _clock()
        verdicts = [task.verify(inst, inst.answer, extract=False) for inst in insts]
        t2 = _clock()
        sb_gen.append(elapsed / len(insts))
        sb_ver.append((t2 - t1) / len(insts))
        sb_ok += sum(v.correct for v in verdicts)
        sb_total += len(insts)

        t0 = _clock()
        ds = reasoning_gym.create_dataset(rg_name, seed=seed, size=n, **cfg)
        rg_setup.append(_clock() - t0)
        entries, elapsed = _generate(ds.__getitem__, n, budget)
        make_answer = RG_ANSWERS.get(rg_name)
        answers = [make_answer(e) if make_answer else e["answer"] for e in entries]
        t2 = _clock()
        scores = [ds.score_answer(a, e) for a, e in zip(answers, entries)]
        t3 = _clock()
        rg_gen.append(elapsed / len(entries))
        rg_ver.append((t3 - t2) / len(entries))
        rg_ok += sum(s == 1.0 for s in scores)
        rg_total += len(entries)
    row = {
        "task": pair.symbench,
        "level": level,
        "reasoning_gym": rg_name,
        "rg_config": cfg,
        "symbench_gen_us": _best(sb_gen),
        "rg_gen_us": _best(rg_gen),
        "symbench_verify_us": _best(sb_ver),
        "rg_verify_us": _best(rg_ver),
        "rg_setup_ms": min(rg_setup) * 1e3,
        "instances": {"symbench": sb_total, "reasoning_gym": rg_total},
        "symbench_reference_correct": sb_ok / sb_total,
        "rg_reference_score_1": rg_ok / rg_total,
    }
    row["gen_ratio"] = row["symbench_gen_us"] / row["rg_gen_us"]
    row["verify_ratio"] = row["symbench_verify_us"] / row["rg_verify_us"]
    return row


def machine() -> dict:
    import reasoning_gym

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "reasoning_gym": getattr(reasoning_gym, "__version__", "?"),
    }


def _fmt(us: float) -> str:
    return f"{us:.2f}" if us < 10 else f"{us:.1f}" if us < 1000 else f"{us:,.0f}"


def markdown(rows: list[dict]) -> str:
    head = (
        "| task | level | reasoning-gym | gen SymBench µs | gen rg µs | gen ratio | verify SymBench µs | verify rg µs | verify ratio |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r['task']} | {r['level']} | {r['reasoning_gym']} | {_fmt(r['symbench_gen_us'])} | {_fmt(r['rg_gen_us'])} | "
        f"{r['gen_ratio']:.2f}x | {_fmt(r['symbench_verify_us'])} | {_fmt(r['rg_verify_us'])} | {r['verify_ratio']:.2f}x |\n"
        for r in rows
    )
    return head + body


def _choose(text: str | None, allowed: list, label: str, conv=str) -> list:
    if not text:
        return allowed
    chosen = [conv(x.strip()) for x in text.split(",") if x.strip()]
    bad = [x for x in chosen if x not in allowed]
    if bad:
        raise SystemExit(f"vs_reasoning_gym: error: {label} must be among {', '.join(map(str, allowed))}, got {', '.join(map(str, bad))}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="instances per pass (default 200)")
    parser.add_argument("--repeats", type=int, default=5, help="passes; the best is reported (default 5)")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per pass and project before a slow generator stops early (default 2)")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="process CPU time (default) or wall time")
    parser.add_argument("--tasks", help="comma-separated SymBench task names (default: every overlapping task)")
    parser.add_argument("--levels", help="comma-separated levels 1-5 (default: all)")
    parser.add_argument("--breakdown", action="store_true", help="also split SymBench's times (benchmarks/symbench_breakdown.py)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results (default {DEFAULT_JSON})")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeats < 1:
        parser.error("--n and --repeats must be at least 1")
    try:
        import reasoning_gym  # noqa: F401
    except ImportError:
        parser.error(f'reasoning-gym is not installed: pip install -e ".[bench]" (tested with reasoning-gym {RG_VERSION})')
    global _clock
    _clock = time.process_time if args.clock == "cpu" else time.perf_counter
    by_name = {p.symbench: p for p in PAIRS}
    names = _choose(args.tasks, list(by_name), "--tasks")
    levels = _choose(args.levels, [1, 2, 3, 4, 5], "--levels", int)
    rows = []
    for name in names:
        for level in levels:
            row = measure(by_name[name], level, args.n, args.repeats, args.budget)
            rows.append(row)
            print(f"{name} level {level}: gen {row['gen_ratio']:.2f}x, verify {row['verify_ratio']:.2f}x", file=sys.stderr, flush=True)
    print(markdown(rows))
    parts = []
    if args.breakdown:
        from symbench_breakdown import breakdown
        from symbench_breakdown import markdown as breakdown_markdown

        parts = [breakdown(name, level, min(args.n, 100)) for name in names for level in levels]
        print("\n" + breakdown_markdown(parts))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "machine": machine(),
        "clock": args.clock,
        "n": args.n,
        "repeats": args.repeats,
        "budget_s": args.budget,
        "rows": rows,
        "symbench_breakdown": parts,
        "notes": {p.symbench: p.note for p in PAIRS if p.note},
    }
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
