"""``symbench run``: evaluate tasks with a model through Inspect and print a table.

Registered by :mod:`symbench.cli` (see ``EXTENSIONS``); Inspect is imported only when
the command runs.
"""

from __future__ import annotations

import argparse

from symbench.cli import UsageError, _nonneg, _positive, _write


def cmd_run(args: argparse.Namespace) -> int:
    """Evaluate tasks with a model through Inspect and print a result table."""
    from symbench.registry import all_tasks

    names = [t.strip() for t in args.tasks.split(",")] if args.tasks else list(all_tasks())
    unknown = [t for t in names if t not in all_tasks()]
    if unknown:
        raise UsageError(f"unknown task(s) {', '.join(unknown)}; known tasks: {', '.join(all_tasks())}")
    from inspect_ai import eval as inspect_eval
    from tabulate import tabulate

    from symbench.harness.task import TaskParameterError, symbench_task

    try:
        tasks = [symbench_task([t], n=args.n, complexity=args.complexity, seed=args.seed, name=t) for t in names]
    except TaskParameterError as exc:
        raise UsageError(str(exc)) from None
    logs = inspect_eval(tasks, model=args.model, log_dir=args.log_dir, display="none", max_tasks=2)
    rows = []
    failed = False
    for log in logs:
        if log.status != "success" or not log.results:
            failed = True
            rows.append([log.eval.task, log.status, "", "", str(log.error.message if log.error else "")[:60]])
            continue
        metrics = log.results.scores[0].metrics
        per_level = " ".join(
            f"{k.split('_')[-1]}:{metrics[k].value:.2f}" for k in sorted(metrics) if k.startswith("complexity_")
        )
        rows.append([log.eval.task, "success", f"{metrics['accuracy'].value:.3f}", f"{metrics['stderr'].value:.3f}", per_level])
    _write(f"model: {args.model}   samples per task: {args.n}   logs: {args.log_dir}\n")
    _write(tabulate(rows, headers=["task", "status", "accuracy", "stderr", "accuracy by complexity"], disable_numparse=True) + "\n")
    return 1 if failed else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="evaluate tasks with a model (through Inspect) and print a table")
    p.add_argument("--model", default="symbench/oracle", help="any Inspect model (default symbench/oracle)")
    p.add_argument("--tasks", default="game24,blocksworld,string_insertion", help="comma list, or '' for all")
    p.add_argument("--n", type=_positive, default=20, help="samples per task (default 20)")
    p.add_argument("--complexity", default="all", help="'all', a level, or a comma list")
    p.add_argument("--seed", type=_nonneg, default=0)
    p.add_argument("--log-dir", default="logs", help="where Inspect writes its logs (default ./logs)")
    p.set_defaults(func=cmd_run)
