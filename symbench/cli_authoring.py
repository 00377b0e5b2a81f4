"""Commands for task authors: ``symbench new-task`` and ``symbench check``.

Registered by :mod:`symbench.cli` (see ``EXTENSIONS``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from symbench.cli import UsageError, _task, _write


def _default_task_folder() -> str:
    """Where ``new-task`` writes without ``--dir``: the first SYMBENCH_TASK_PATH folder, or
    the ``tasks/`` folder of a source checkout; never an installed package."""
    import symbench.tasks
    from symbench.registry import task_folders

    folders = task_folders()
    if folders:
        return str(folders[0])
    here = Path(list(symbench.tasks.__path__)[0])
    if "site-packages" not in here.parts and "dist-packages" not in here.parts and os.access(here, os.W_OK):
        return str(here)
    raise UsageError(
        "choose a folder for your task: symbench new-task NAME --dir DIR "
        "(then set SYMBENCH_TASK_PATH=DIR, or pass --tasks-dir DIR, so SymBench finds it)"
    )


def cmd_new_task(args: argparse.Namespace) -> int:
    import keyword
    import re
    from importlib import resources

    from symbench.registry import all_tasks, task_folders

    name = args.name
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or keyword.iskeyword(name) or len(name) > 60:
        raise UsageError(f"task name must be a lower-case identifier such as my_puzzle, got {name!r}")
    if name in all_tasks() or name == "symbench":
        raise UsageError(f"a task named {name!r} already exists")
    folder = Path(args.dir) if args.dir else Path(_default_task_folder())
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    target = folder / f"{name}.py"
    if target.exists():
        raise UsageError(f"{target} already exists")
    template = resources.files("symbench").joinpath("templates/task_template.py.txt").read_text("utf-8")
    class_name = "".join(part.capitalize() for part in name.split("_")) or "NewTask"
    text = template.replace("__NAME__", name).replace("__CLASS__", class_name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".py.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)  # never leave a half-written task file behind
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    found = any(folder.resolve() == f.resolve() for f in task_folders())
    builtin = not args.dir and not found
    hint = "" if found or builtin else f"\nSymBench finds it once you run: export SYMBENCH_TASK_PATH={folder.resolve()}"
    _write(f"wrote {target}{hint}\nnext: edit it, then run `symbench show {name}` and `symbench check {name}` "
           "(see docs/adding-a-task.md)\n")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run the contract checks on tasks (a user's own, found through SYMBENCH_TASK_PATH, or any)."""
    from symbench.checks import run_checks

    names = args.tasks or _builtin_or_all()
    failed = 0
    for name in names:
        for result in run_checks(_task(name), include_slow=args.slow):
            mark = "ok  " if result.ok else "FAIL"
            _write(f"{mark} {result.task}: {result.check}" + (f"\n     {result.message}" if result.message else "") + "\n")
            failed += not result.ok
    _write(f"{failed} check(s) failed\n" if failed else "all checks passed\n")
    return 1 if failed else 0


def _builtin_or_all() -> list[str]:
    """The user's own tasks when there are any, else every task."""
    from symbench.registry import all_tasks, is_builtin

    tasks = all_tasks()
    own = [n for n, t in tasks.items() if not is_builtin(t)]
    return own or list(tasks)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-task", help="write a small working example task to start from")
    p.add_argument("name", help="the new task's name (lower-case identifier)")
    p.add_argument("--dir", help="folder to write into, created if needed (default: the first SYMBENCH_TASK_PATH "
                                 "folder, or tasks/ in a source checkout)")
    p.set_defaults(func=cmd_new_task)

    p = sub.add_parser("check", help="run the contract checks on tasks (default: your own tasks, else all)")
    p.add_argument("tasks", nargs="*", help="task names (default: tasks outside SymBench, else every task)")
    p.add_argument("--slow", action="store_true", help="also run the slow checks (many instances per level)")
    p.set_defaults(func=cmd_check)
