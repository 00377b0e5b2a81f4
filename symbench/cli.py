"""The ``symbench`` command line. Imports are lazy so that ``list`` and ``generate`` start fast.

Every bad argument ends in one line on stderr (``symbench: error: ...``) and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import Any, NoReturn, Sequence

EXIT_USAGE = 2
EXIT_FAILURE = 1
#: the most ``symbench verify`` reads from stdin
MAX_STDIN_CHARS = 50_000_000
#: Modules that add command groups; each defines ``register(subparsers)`` and keeps its
#: heavy imports (Inspect, torch) inside the command functions.
EXTENSIONS = ("symbench.cli_authoring", "symbench.cli_run", "symbench.cli_export", "symbench.cli_models")


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage block
        raise UsageError(message)


# --------------------------------------------------------------------------- helpers


def _task(name: str):
    from symbench.registry import UnknownTaskError, get_task

    try:
        return get_task(name)
    except UnknownTaskError as exc:
        raise UsageError(str(exc)) from None


def _level(value: str) -> int:
    if value not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(f"complexity must be 1, 2, 3, 4 or 5, got {value}")
    return int(value)


def _levels(value: str) -> tuple[int, ...]:
    """'all', a level, or a comma list of levels (the same parser as -T complexity)."""
    from symbench.params import ParameterError, parse_complexity

    try:
        return parse_complexity(value)
    except ParameterError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _nonneg(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {value}")
    return int(value)


def _positive(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or len(value) > 19 or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return int(value)


def _count(value: str) -> int:
    """How many instances to generate: 1 .. the same bound as -T n."""
    from symbench.params import MAX_N

    n = _positive(value)
    if n > MAX_N:
        raise argparse.ArgumentTypeError(f"at most {MAX_N} instances at a time (use --start to continue), got {value}")
    return n


def _seconds(value: str) -> float:
    try:
        out = float(value)
    except ValueError:
        out = -1.0
    if not 0 < out <= 600:
        raise argparse.ArgumentTypeError(f"timeout must be a number of seconds in (0, 600], got {value!r}")
    return out


def _overrides(pairs: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--set expects KEY=VALUE (VALUE in JSON, e.g. count=[4,6]), got {pair!r}")
        try:
            out[key] = json.loads(raw)
        except json.JSONDecodeError:
            out[key] = raw
    return out


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `symbench generate ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --------------------------------------------------------------------------- commands


def cmd_list(args: argparse.Namespace) -> int:
    from symbench.registry import all_tasks

    rows = [t.summary() for t in all_tasks().values() if args.split in ("all", t.split)]
    if args.json:
        _write(json.dumps(rows, indent=2) + "\n")
        return 0
    from tabulate import tabulate

    table = [[r["name"], r["split"], "1-5", r["answer_mode"], r["description"]] for r in rows]
    _write(tabulate(table, headers=["task", "split", "levels", "answers", "description"]) + "\n")
    return 0


def _generate_records(args: argparse.Namespace, single: tuple[int, int] | None = None) -> list[dict]:
    from symbench.identity import sample_plan

    task = _task(args.task)
    levels = args.complexity if isinstance(args.complexity, tuple) else (args.complexity,)
    overrides = _overrides(args.set)
    out = []
    plan = [single] if single is not None else sample_plan(args.n, levels, start=args.start)
    try:
        for level, index in plan:
            out.append(task.instance(level, args.seed, index, overrides=overrides).to_record())
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return out


def cmd_generate(args: argparse.Namespace) -> int:
    records = _generate_records(args)
    _write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from symbench.identity import parse_instance_id

    digest = None
    if "/" in args.task:  # a sample id as logs show it: game24/c3/s0/2
        try:
            args.task, args.complexity, args.seed, args.index, digest = parse_instance_id(args.task)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if digest is not None and not args.set:
            raise UsageError("that id was made with config overrides: pass the same --set KEY=VALUE options again")
    record = _generate_records(args, single=(args.complexity, args.index))[0]
    if digest is not None and record["config_digest"] != digest:
        raise UsageError(f"these --set values give config {record['config_digest']}, not the id's {digest}")
    params = json.dumps(record["params"], ensure_ascii=False)
    if len(params) > 400:
        params = params[:400] + " ..."
    _write(
        f"id:         {record['id']}\n"
        f"task:       {record['task']} (complexity {record['complexity']}, seed {record['seed']}, index {record['index']})\n"
        f"params:     {params}\n"
        f"\n--- question ---\n{record['question']}\n"
        f"\n--- reference answer ---\n<<<{record['answer']}>>>\n"
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from symbench.contract import Instance
    from symbench.schema import validate_record

    task = _task(args.task)
    raw = sys.stdin.read(MAX_STDIN_CHARS + 1)
    if len(raw) > MAX_STDIN_CHARS:
        raise UsageError(f"the instance record on stdin is over {MAX_STDIN_CHARS} characters")
    if not raw.strip():
        raise UsageError("verify reads one instance record (JSON, as printed by `symbench generate`) on stdin; got nothing")
    first = raw.strip().splitlines()[0] if raw.lstrip().startswith("{") and "\n{" in raw.strip() else raw
    try:
        record = json.loads(first)
    except json.JSONDecodeError as exc:
        raise UsageError(f"stdin is not a JSON instance record ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise UsageError("stdin is not an instance record: its JSON is nested too deeply") from None
    try:
        validate_record(record)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if record["task"] != task.name:
        raise UsageError(f"the instance on stdin is for task {record['task']!r}, not {task.name!r}")
    verdict = task.verify(Instance.from_record(record), args.answer)
    _write(json.dumps(verdict.to_dict()) + "\n")
    return 0


def cmd_sandbox_run(args: argparse.Namespace) -> int:
    import asyncio

    from symbench.harness.jail import JailLimits, SandboxUnavailable, run_python_file

    try:
        with open(args.file, encoding="utf-8") as fh:
            source = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from None
    limits = JailLimits(timeout_s=args.timeout, cpu_s=max(1, int(args.timeout) + 1))
    try:
        result = asyncio.run(run_python_file(source, limits=limits))
    except SandboxUnavailable as exc:
        print(f"symbench: error: {exc}", file=sys.stderr)
        return 1
    _write(result.to_json() + "\n")
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="symbench", description="SymBench: procedurally generated symbolic-reasoning tasks.")
    parser.add_argument("--tasks-dir", action="append", metavar="DIR",
                        help="also load the tasks in DIR (repeatable; adds to SYMBENCH_TASK_PATH)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", help="list the registered tasks")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--split", choices=("seen", "unseen", "all"), default="all")
    p.set_defaults(func=cmd_list)

    def instance_args(p: argparse.ArgumentParser, n: bool) -> None:
        p.add_argument("task", help="task name (see `symbench list`)" + ("" if n else ", or a sample id such as game24/c3/s0/2"))
        p.add_argument("--complexity", "-c", type=_levels if n else _level, default=(1, 2, 3, 4, 5) if n else 3,
                       help="'all' (levels in turn; default), a level 1-5 or a comma list" if n else "level 1-5 (default 3)")
        p.add_argument("--seed", type=_nonneg, default=0, help="seed (default 0)")
        p.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a config knob (VALUE is JSON)")

    p = sub.add_parser("generate", help="generate instances as JSONL on stdout")
    instance_args(p, n=True)
    p.add_argument("--n", type=_count, default=10, help="number of instances (default 10, at most 100000)")
    p.add_argument("--start", type=_nonneg, default=0, help="first instance index (default 0)")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("show", help="show one instance, readable")
    instance_args(p, n=False)
    p.add_argument("--index", type=_nonneg, default=0, help="instance index (default 0)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("verify", help="judge an answer for the instance record read on stdin")
    p.add_argument("task")
    p.add_argument("--answer", required=True, help="the answer text (a full response or the bare answer)")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("sandbox", help="the code-execution sandbox")
    sbx = p.add_subparsers(dest="sandbox_command", metavar="ACTION", parser_class=_Parser)
    r = sbx.add_parser("run", help="run a Python file exactly as the scorer would; prints JSON")
    r.add_argument("file")
    r.add_argument("--timeout", type=_seconds, default=10.0, help="wall-clock limit in seconds (default 10)")
    r.set_defaults(func=cmd_sandbox_run)

    for module in EXTENSIONS:  # bigger command groups live in modules of their own
        importlib.import_module(module).register(sub)
    return parser


def _add_task_dirs(folders: list[str]) -> None:
    """``--tasks-dir``: extend SYMBENCH_TASK_PATH for this process and what it starts."""
    from symbench.registry import PATH_VARIABLE, refresh

    for folder in folders:
        if not os.path.isdir(folder):
            raise UsageError(f"--tasks-dir {folder}: not a folder")
    current = [p for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p]
    os.environ[PATH_VARIABLE] = os.pathsep.join(current + [os.path.abspath(f) for f in folders])
    refresh()


def sub_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.tasks_dir:
            _add_task_dirs(args.tasks_dir)
        if not getattr(args, "func", None):
            if args.command == "sandbox":
                raise UsageError("sandbox needs an action: symbench sandbox run FILE.py [--timeout S]")
            raise UsageError(f"a command is required: {', '.join(sub_names(parser))}")
        return args.func(args)
    except UsageError as exc:
        print(f"symbench: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for the user; SYMBENCH_DEBUG=1 shows the traceback
        if os.environ.get("SYMBENCH_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"symbench: error: {message} (set SYMBENCH_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    # run the importable module, so command modules share its UsageError class
    from symbench.cli import main as _main

    sys.exit(_main())
