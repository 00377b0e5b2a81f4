"""Digests of instances and verdicts, to show that a speedup changed neither.

The golden fingerprints (tests/test_golden.py) cover the question and the reference
answer of ten instances per level. A speedup must keep more than that: the whole record
(``params`` included) of many instances, and the verdict (correct, code and reason) on
right, harmlessly varied and wrong answers. This script prints one digest per task and
level over all of those; run it before and after a change and compare:

    .venv/bin/python benchmarks/same_behaviour.py --out before.json
    (change the code)
    .venv/bin/python benchmarks/same_behaviour.py --compare before.json

It is a tool, not a test: the answers it tries are derived from the reference (so the
digest moves only when the code's behaviour does), and the digests say nothing about
whether that behaviour is right.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

SEEDS = ((0, 60), (7, 20))  # (seed, number of indices)


def variants(answer: str, other: str) -> list[tuple[str, bool]]:
    """Answers to judge, each with whether it goes through ``<<<...>>>`` extraction."""
    out = [
        answer,
        f"  {answer}\n",
        answer.upper(),
        answer.lower(),
        answer.replace(",", " "),
        answer.replace(" ", ","),
        answer.replace(", ", ","),
        f"[{answer}]",
        f'"{answer}"',
        f"```\n{answer}\n```",
        answer[:-1],
        answer + "0",
        answer + " 1",
        answer[1:],
        other,
        "",
        "garbage",
        "-0",
        "1e309",
        "9" * 5000,
    ]
    for pos in (0, len(answer) // 2, len(answer) - 1):
        if 0 <= pos < len(answer):
            c = answer[pos]
            repl = "1" if c != "1" else "2"
            out.append(answer[:pos] + repl + answer[pos + 1 :])
    pairs = [(v, False) for v in out]
    pairs += [(f"So the answer is <<<{answer}>>>.", True), (f"<<<{other}>>> then <<<{answer}>>>", True), ("no final answer", True)]
    return pairs


def level_digest(task, level: int) -> str:
    h = hashlib.sha256()
    for seed, count in SEEDS:
        insts = [task.instance(level, seed, i) for i in range(count + 1)]
        for inst, nxt in zip(insts, insts[1:]):
            h.update(json.dumps(inst.to_record(), sort_keys=True).encode())
            record = inst.to_record()
            for text, extract in variants(inst.answer, nxt.answer):
                for target in (inst, record):
                    verdict = task.verify(target, text, extract=extract)
                    h.update(json.dumps(verdict.to_dict(), sort_keys=True).encode())
    return h.hexdigest()[:16]


def compute(names: list[str]) -> dict:
    from symbench.registry import all_tasks

    tasks = all_tasks()
    result = {}
    for name in names:
        result[name] = {str(level): level_digest(tasks[name], level) for level in sorted(tasks[name].presets)}
        print(f"{name}: {result[name]}", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    from symbench.registry import all_tasks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", help="comma-separated task names (default: all)")
    parser.add_argument("--out", type=Path, help="write the digests here")
    parser.add_argument("--compare", type=Path, help="compare with digests written earlier; exit 1 on a difference")
    args = parser.parse_args(argv)
    names = sorted(all_tasks()) if not args.tasks else [n.strip() for n in args.tasks.split(",") if n.strip()]
    unknown = [n for n in names if n not in all_tasks()]
    if unknown:
        parser.error(f"unknown task(s) {', '.join(unknown)}; allowed: {', '.join(sorted(all_tasks()))}")
    now = compute(names)
    if args.out:
        args.out.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
    if args.compare:
        before = json.loads(args.compare.read_text())
        changed = [f"{n} level {lvl}" for n in names for lvl in now[n] if before.get(n, {}).get(lvl) != now[n][lvl]]
        if changed:
            print("CHANGED: " + ", ".join(changed))
            return 1
        print(f"same behaviour on {len(names)} task(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
