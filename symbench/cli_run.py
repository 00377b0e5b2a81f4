"""``symbench run SUITE`` and ``symbench leaderboard build|check``.

Registered by :mod:`symbench.cli` (see ``EXTENSIONS``). Inspect and matplotlib are imported
only inside the command functions, so ``symbench list`` stays fast. Inspect's usual options
(``-M``, ``--model-role``, ``--max-tokens``, ``--limit``, ``--epochs``, ``--sandbox``,
``--max-connections``...) are passed through to ``eval_set`` under their Inspect names.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from symbench.cli import UsageError, _nonneg, _positive, _write

#: (flag, eval_set keyword, type, help); generation options go to Inspect's GenerateConfig
EVAL_FLAGS: tuple[tuple[str, str, Any, str], ...] = (
    ("--limit", "limit", _positive, "samples per task (Inspect's --limit)"),
    ("--epochs", "epochs", _positive, "repeat every sample this many times"),
    ("--sandbox", "sandbox", str, "sandbox type (default: symbench's jail)"),
    ("--max-samples", "max_samples", _positive, "samples run in parallel per task"),
    ("--max-tasks", "max_tasks", _positive, "tasks run in parallel"),
    ("--max-subprocesses", "max_subprocesses", _positive, "subprocesses run in parallel"),
    ("--max-sandboxes", "max_sandboxes", _positive, "sandboxes run in parallel"),
    ("--time-limit", "time_limit", _positive, "seconds allowed per sample"),
    ("--token-limit", "token_limit", _positive, "tokens allowed per sample"),
    ("--message-limit", "message_limit", _positive, "messages allowed per sample"),
    ("--retry-attempts", "retry_attempts", _nonneg, "eval-set retries of a failed task (Inspect's default 10)"),
    ("--log-format", "log_format", str, "eval or json"),
    ("--log-level", "log_level", str, "console log level"),
    ("--display", "display", str, "Inspect display: full, conversation, rich, plain, log, none"),
)
GENERATE_FLAGS: tuple[tuple[str, str, Any, str], ...] = (
    ("--max-tokens", "max_tokens", _positive, "maximum tokens per completion"),
    ("--temperature", "temperature", float, "sampling temperature"),
    ("--top-p", "top_p", float, "nucleus sampling"),
    ("--seed", "seed", _nonneg, "generation seed (the instance seed is --instance-seed)"),
    ("--max-connections", "max_connections", _positive, "concurrent model connections"),
)


def _pairs(items: list[str] | None, flag: str) -> dict[str, Any]:
    """``KEY=VALUE`` pairs; values are read as YAML, as Inspect's own -M/-T/-S are."""
    import yaml

    out: dict[str, Any] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{flag} expects KEY=VALUE, got {item!r}")
        try:
            out[key.strip()] = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            out[key.strip()] = raw
    return out


def _fail_on_error(value: str) -> bool | float:
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--fail-on-error takes true, false or a number, got {value!r}") from None


def _load_suite(ref: str):
    from symbench.suites import load_suite

    try:
        return load_suite(ref)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_run(args: argparse.Namespace) -> int:
    """Run a suite through Inspect's eval_set, then print its leaderboard."""
    from symbench.suites import ModelSpec

    suite = _load_suite(args.suite)
    models = None
    if args.model:
        models = (ModelSpec(model=args.model, label=args.model),)
    try:
        suite = suite.with_overrides(tasks=args.tasks, n=args.n, complexity=args.complexity, models=models)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.instance_seed is not None:
        from dataclasses import replace

        suite = replace(suite, seed=args.instance_seed)
    eval_options = {dest: getattr(args, dest) for _, dest, _, _ in EVAL_FLAGS if getattr(args, dest) is not None}
    if args.log_realtime is not None:
        eval_options["log_realtime"] = args.log_realtime
    if args.fail_on_error is not None:
        eval_options["fail_on_error"] = args.fail_on_error
    generate = {dest: getattr(args, dest) for _, dest, _, _ in GENERATE_FLAGS if getattr(args, dest) is not None}
    roles = {k: str(v) for k, v in _pairs(args.model_role, "--model-role").items()}
    log_dir = args.log_dir or os.path.join("logs", suite.name)

    from symbench.harness.leaderboard.runner import RunError, run_suite

    try:
        outcomes = run_suite(suite, log_dir=log_dir, eval_options=eval_options, generate_options=generate,
                             model_args=_pairs(args.model_arg, "-M"), role_overrides=roles)
    except RunError as exc:
        raise UsageError(str(exc)) from None
    failed = False
    for outcome in outcomes:
        if outcome.interrupted:
            print(f"symbench: interrupted during {outcome.model_label} · {outcome.method_label}; "
                  f"rerun the same command to resume (finished samples are kept under {log_dir})", file=sys.stderr)
            return 130
        for task, message in outcome.failures:
            failed = True
            print(f"symbench: {outcome.model_label} · {outcome.method_label} · {task}: {message}", file=sys.stderr)
    if not args.no_leaderboard:
        out = args.out or os.path.join(log_dir, "leaderboard")
        _build_and_report([log_dir], out, reference=None, columns="auto", compare=[], resamples=0, plots=True)
    return 1 if failed else 0


def _build_and_report(log_dirs: list[str], out: str, *, reference: str | None, columns: str,
                      compare: list[list[str]], resamples: int, plots: bool) -> None:
    from symbench.harness.leaderboard.build import build

    kwargs: dict[str, Any] = {"reference": reference, "reference_columns": columns, "compare": [tuple(p) for p in compare], "plots": plots}
    if resamples:
        kwargs["resamples"] = resamples
    try:
        result = build(log_dirs, out, **kwargs)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    _write(result.markdown)
    for note in result.notes:
        print(f"symbench: {note}", file=sys.stderr)
    _write("wrote " + ", ".join(result.files) + "\n")


def cmd_leaderboard_build(args: argparse.Namespace) -> int:
    """Read Inspect logs and write the leaderboard (Markdown, JSON, HTML, PNG plots)."""
    for folder in args.logdir:
        if not os.path.isdir(folder):
            raise UsageError(f"log folder {folder} does not exist")
    reference = args.reference
    if reference is None and args.reference_columns != "auto":
        reference = "paper"
    _build_and_report(args.logdir, args.out, reference=reference, columns=args.reference_columns,
                      compare=args.compare or [], resamples=args.resamples, plots=not args.no_plots)
    return 0


def cmd_leaderboard_check(args: argparse.Namespace) -> int:
    """Run the baseline's suite afresh (or read --from-logs) and compare cell by cell."""
    import shutil
    import tempfile

    from symbench.harness.leaderboard import check
    from symbench.harness.leaderboard.build import make_board

    baseline = None
    if not args.update or os.path.exists(args.baseline):
        try:
            baseline = check.load_baseline(args.baseline)
        except ValueError as exc:
            if not args.update:
                raise UsageError(str(exc)) from None
    from symbench.suites import suite_names

    stem = os.path.splitext(os.path.basename(args.baseline))[0]
    suite_ref = args.suite or (baseline or {}).get("suite") or (stem if stem in suite_names() else None)
    if not suite_ref:
        raise UsageError("give --suite (the baseline does not name one)")
    suite = _load_suite(suite_ref)
    log_dir = args.from_logs
    scratch = None
    if log_dir is None:
        from symbench.harness.leaderboard.runner import RunError, run_suite

        scratch = log_dir = args.log_dir or tempfile.mkdtemp(prefix=f"symbench-check-{suite.name}-")
        try:
            outcomes = run_suite(suite, log_dir=log_dir, eval_options={"display": args.display or "none"})
        except RunError as exc:
            raise UsageError(str(exc)) from None
        bad = [f"{o.model_label} · {o.method_label} · {t}: {m}" for o in outcomes for t, m in o.failures]
        if bad or any(o.interrupted for o in outcomes):
            raise UsageError("the suite run failed, nothing compared: " + "; ".join(bad or ["interrupted"]))
    try:
        board, rows = make_board([log_dir])
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    fresh = check.baseline_from(board, rows, suite)
    if args.update:
        with open(args.baseline, "w", encoding="utf-8") as fh:
            fh.write(check.dumps_baseline(fresh))
        _write(f"wrote {args.baseline}: {len(fresh['cells'])} cells of suite {suite.name}\n")
        problems = []
    else:
        problems = check.compare(baseline, fresh)
        if baseline.get("suite_digest") not in (None, fresh["suite_digest"]):
            print(f"symbench: note: suite {suite.name} changed since the baseline was written "
                  f"(digest {baseline['suite_digest']} -> {fresh['suite_digest']})", file=sys.stderr)
        _write(check.report(problems, args.baseline, len(baseline["cells"])))
    if scratch and not args.log_dir:
        if problems:
            _write(f"logs of this run kept in {scratch}\n")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 1 if problems else 0


def _leaderboard_needs_action(args: argparse.Namespace) -> int:
    raise UsageError("leaderboard needs an action: build LOGDIR --out DIR, or check --baseline FILE")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run a suite (leaderboards/suites) through Inspect's eval_set; prints its leaderboard")
    p.add_argument("suite", nargs="?", default="selftest",
                   help="a shipped suite (paper, smoke, ci, selftest) or a .yaml file (default selftest: the oracle on every task)")
    p.add_argument("--model", help="evaluate this Inspect model instead of the suite's models")
    p.add_argument("-M", "--model-arg", action="append", metavar="KEY=VALUE", help="model argument (repeatable)")
    p.add_argument("--model-role", action="append", metavar="ROLE=MODEL", help="model role, e.g. guide=openai/gpt-4o (repeatable)")
    p.add_argument("--log-dir", help="Inspect log folder (default logs/SUITE); rerunning resumes it")
    p.add_argument("--out", help="leaderboard folder (default LOGDIR/leaderboard)")
    p.add_argument("--no-leaderboard", action="store_true", help="do not build the leaderboard after the run")
    p.add_argument("--tasks", help="override the suite's tasks: a comma list, '' for all")
    p.add_argument("--n", type=_positive, help="override the suite's instances per task")
    p.add_argument("--complexity", help="override the suite's levels: 'all', a level or a comma list")
    p.add_argument("--instance-seed", type=_nonneg, help="override the suite's instance seed")
    for flag, dest, kind, text in EVAL_FLAGS + GENERATE_FLAGS:
        p.add_argument(flag, dest=dest, type=kind, help=text)
    p.add_argument("--fail-on-error", type=_fail_on_error, help="true, false, a share (<1) or a count of sample errors")
    p.add_argument("--log-realtime", action=argparse.BooleanOptionalAction, default=None,
                   help="Inspect's realtime event log (suites set their default; see docs/leaderboards.md)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("leaderboard", help="leaderboards from Inspect logs: build, check")
    p.set_defaults(func=_leaderboard_needs_action)
    lb = p.add_subparsers(dest="leaderboard_command", metavar="ACTION", parser_class=type(p))
    b = lb.add_parser("build", help="write leaderboard.md/.json, index.html and plots from logs")
    b.add_argument("logdir", nargs="+", help="folder(s) of Inspect logs (searched recursively)")
    b.add_argument("--out", required=True, help="output folder")
    b.add_argument("--reference", nargs="?", const="paper", default=None, metavar="FILE",
                   help="add published reference columns (default file: the CodeSteer paper's Table 1)")
    b.add_argument("--reference-columns", default="auto", metavar="KEYS",
                   help="auto (the paper's GPT-4o column of each method present), all, or a comma list of keys")
    b.add_argument("--compare", nargs=2, action="append", metavar=("A", "B"),
                   help="paired bootstrap CI of column A minus column B (key, method label or unique part); repeatable")
    b.add_argument("--resamples", type=_positive, default=0, help="bootstrap resamples (default 10000)")
    b.add_argument("--no-plots", action="store_true", help="skip the PNG plots")
    b.set_defaults(func=cmd_leaderboard_build)
    c = lb.add_parser("check", help="compare a fresh run of a suite with a committed baseline")
    c.add_argument("--baseline", required=True, help="baseline JSON, e.g. leaderboards/baselines/ci.json")
    c.add_argument("--suite", help="suite to run (default: the one the baseline names)")
    c.add_argument("--update", action="store_true", help="rewrite the baseline from this run (deliberate re-baselining)")
    c.add_argument("--log-dir", help="keep this run's logs here (default: a temporary folder, kept only on failure)")
    c.add_argument("--from-logs", metavar="DIR", help="compare existing logs instead of running the suite")
    c.add_argument("--display", help="Inspect display for the run (default none)")
    c.set_defaults(func=cmd_leaderboard_check)
