"""``symbench export`` (fixed instance sets as data files) and ``symbench lm-eval-path``.

Registered by :mod:`symbench.cli` (see ``EXTENSIONS``). Pure: no Inspect import.
"""

from __future__ import annotations

import argparse
import shlex

from symbench.cli import UsageError, _write

#: the instance parameters ``export`` takes as flags, with the names ``-T`` gives them
SET_FLAGS = ("tasks", "split", "n", "complexity", "seed")


def _spec(args: argparse.Namespace):
    from symbench.export import InstanceSet
    from symbench.params import ParameterError

    given = {k: getattr(args, k) for k in SET_FLAGS if getattr(args, k) is not None}
    if args.suite is None:
        try:
            return InstanceSet.from_params(given, name="custom" if given else "symbench")
        except ParameterError as exc:
            raise UsageError(str(exc)) from None
    return _suite_spec(args.suite, given)


def _suite_spec(ref: str, given: dict):
    """The instances of a suite (name or YAML file); ``--tasks``, ``--n`` and ``--complexity`` override it."""
    try:
        from symbench.suites import load_suite
    except ImportError:
        raise UsageError(
            "suites are not available in this SymBench; give the set with --tasks/--split/--n/--complexity/--seed"
        ) from None
    from symbench.export import InstanceSet

    fixed = [k for k in ("split", "seed") if k in given]
    if fixed:
        raise UsageError(f"--{fixed[0]} cannot change a suite; copy the suite file and edit it instead")
    from symbench.params import ParameterError, parse_params

    try:
        parsed = parse_params(given, suite=True, flag="--")  # the same checks as without a suite
        suite = load_suite(ref).with_overrides(
            tasks=",".join(parsed["tasks"]) if "tasks" in given else None,
            n=parsed["n"] if "n" in given else None,
            complexity=list(parsed["complexity"]) if "complexity" in given else None,
        )
    except (ParameterError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    return InstanceSet.from_suite(suite)


def _command(args: argparse.Namespace, spec) -> str:
    """The command that remakes this export, for the dataset card."""
    if args.suite:
        words = [args.suite] + [w for k in ("tasks", "n", "complexity") if getattr(args, k) is not None for w in (f"--{k}", getattr(args, k))]
    else:
        words = ["--tasks", ",".join(spec.tasks), "--n", str(spec.n), "--complexity", ",".join(map(str, spec.complexity)), "--seed", str(spec.seed)]
    return "symbench export " + " ".join(shlex.quote(w) for w in words) + " --out DIR"


def cmd_export(args: argparse.Namespace) -> int:
    from symbench.export import export_set

    spec = _spec(args)
    command = _command(args, spec)
    try:
        result = export_set(spec, args.out, force=args.force, command=command)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    _write(
        f"wrote {result.records} instances of {len(spec.tasks)} task(s) to {result.path}\n"
        f"load with: datasets.load_dataset({str(result.path)!r}, split='test')\n"
    )
    return 0


def cmd_lm_eval_path(args: argparse.Namespace) -> int:
    from symbench.lm_eval import include_path

    try:
        path = include_path()
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    _write(f"{path}\n")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a fixed instance set as JSONL and Parquet with a dataset card")
    p.add_argument("suite", nargs="?", help="a suite name or YAML file (or give the set with the flags below)")
    p.add_argument("--out", required=True, help="the folder to write (it must not exist yet, unless --force)")
    p.add_argument("--tasks", help="comma list of task names, or 'all' (as -T tasks)")
    p.add_argument("--split", help="seen, unseen or all (as -T split)")
    p.add_argument("--n", help="instances per task (as -T n; default 100)")
    p.add_argument("--complexity", help="'all', a level 1-5 or a comma list (as -T complexity)")
    p.add_argument("--seed", help="seed (as -T seed; default 0)")
    p.add_argument("--force", action="store_true", help="replace an earlier export at --out")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("lm-eval-path", help="print the folder to pass to lm-eval's --include_path")
    p.set_defaults(func=cmd_lm_eval_path)
