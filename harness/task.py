"""The Inspect task factory: one ``@task`` per registered SymBench task, plus the suite.

Parameters (``-T``): ``n`` samples per task (default 100, as in the paper),
``complexity`` (``all`` - the default, levels spread evenly - or a level 1..5, or a
comma list such as ``1,2``), ``seed`` (default 0), ``exec_timeout`` (seconds for the
scorer's code run, default 10), and for the suite ``tasks`` (comma list) and ``split``
(``seen``, ``unseen`` or ``all``). A bad value fails before any model call.
"""

from __future__ import annotations

from typing import Any, Callable

from inspect_ai import Task, task
from inspect_ai._util.error import PrerequisiteError
from inspect_ai.solver import generate

from symbench.contract import LEVELS, SPLITS
from symbench.harness.dataset import build_dataset, mark_instance
from symbench.harness.sandbox import SANDBOX_NAME
from symbench.harness.scorer import symbench_metrics, symbench_scorer
from symbench.registry import all_tasks, task_names

MAX_N = 100_000
MAX_EXEC_TIMEOUT = 600


class TaskParameterError(PrerequisiteError, ValueError):
    """A bad ``-T`` parameter. Inspect prints it as one message, without a traceback."""

    def __init__(self, message: str) -> None:
        PrerequisiteError.__init__(self, message)
        ValueError.__init__(self, message)

    def __str__(self) -> str:
        return str(self.message)


def reject_unknown(unknown: dict[str, Any], allowed: tuple[str, ...]) -> None:
    if unknown:
        raise TaskParameterError(
            f"unknown task parameter(s) {', '.join('-T ' + k for k in sorted(unknown))}; allowed: {', '.join(allowed)}"
        )


def _int_param(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise TaskParameterError(f"-T {name} must be an integer in [{low}, {high}], got {value!r}")
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not low <= value <= high:
        raise TaskParameterError(f"-T {name} must be an integer in [{low}, {high}], got {value!r}")
    return value


def parse_complexity(value: Any) -> tuple[int, ...]:
    allowed = "'all', a level 1-5, or a comma list of levels such as 1,2"
    if value is None or (isinstance(value, str) and value.strip().lower() == "all"):
        return LEVELS
    items: list[Any]
    if isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    else:
        items = [value]
    levels = []
    for item in items:
        if isinstance(item, bool):
            raise TaskParameterError(f"-T complexity must be {allowed}; got {value!r}")
        if isinstance(item, str) and item.isdigit():
            item = int(item)
        if not isinstance(item, int) or item not in LEVELS:
            raise TaskParameterError(f"-T complexity must be {allowed}; got {value!r}")
        if item not in levels:
            levels.append(item)
    if not levels:
        raise TaskParameterError(f"-T complexity must be {allowed}; got {value!r}")
    return tuple(levels)


def parse_task_list(tasks: Any, split: Any) -> list[str]:
    if split not in (*SPLITS, "all"):
        raise TaskParameterError(f"-T split must be one of seen, unseen, all; got {split!r}")
    chosen = task_names(split)
    if tasks is None or tasks == "" or tasks == "all":
        return chosen
    names = [t.strip() for t in tasks.split(",")] if isinstance(tasks, str) else [str(t) for t in tasks]
    known = all_tasks()
    unknown = [t for t in names if t not in known]
    if unknown:
        raise TaskParameterError(f"-T tasks: unknown task(s) {', '.join(unknown)}; known tasks: {', '.join(known)}")
    outside = [t for t in names if t not in chosen]
    if outside:
        raise TaskParameterError(f"-T tasks: {', '.join(outside)} not in split {split!r}")
    return names


def symbench_task(
    tasks: list[str],
    n: Any = 100,
    complexity: Any = "all",
    seed: Any = 0,
    exec_timeout: Any = 10,
    sandbox: str | tuple[str, str] | None = SANDBOX_NAME,
    name: str = "symbench",
) -> Task:
    """Build an Inspect ``Task`` over ``tasks`` (validated parameters, strict scorer)."""
    n = _int_param("n", n, 1, MAX_N)
    seed = _int_param("seed", seed, 0, 2**63 - 1)
    exec_timeout = _int_param("exec_timeout", exec_timeout, 1, MAX_EXEC_TIMEOUT)
    levels = parse_complexity(complexity)
    dataset = build_dataset(tasks, n, levels, seed, name=name)
    return Task(
        dataset=dataset,
        setup=mark_instance(),
        solver=generate(),
        scorer=symbench_scorer(exec_timeout=exec_timeout),
        metrics=symbench_metrics(by_task=len(tasks) > 1),
        sandbox=sandbox,
        name=name,
        version="0.1.0",
    )


def _single_task_factory(task_name: str, description: str) -> Callable[..., Task]:
    def factory(n: int = 100, complexity: str = "all", seed: int = 0, exec_timeout: int = 10, **unknown: Any) -> Task:
        reject_unknown(unknown, ("n", "complexity", "seed", "exec_timeout"))
        return symbench_task([task_name], n=n, complexity=complexity, seed=seed, exec_timeout=exec_timeout, name=task_name)

    factory.__name__ = task_name
    factory.__qualname__ = task_name
    factory.__doc__ = f"SymBench {task_name}: {description}"
    return factory


def register_inspect_tasks(namespace: dict[str, Any]) -> None:
    """Create and register one ``@task`` per SymBench task inside ``namespace``."""
    for task_name, spec in all_tasks().items():
        namespace[task_name] = task(name=task_name)(_single_task_factory(task_name, spec.description))


@task(name="symbench")
def symbench_suite(
    tasks: str = "all",
    split: str = "all",
    n: int = 100,
    complexity: str = "all",
    seed: int = 0,
    exec_timeout: int = 10,
    **unknown: Any,
) -> Task:
    """The SymBench suite: ``n`` samples of every chosen task (``-T tasks=a,b -T split=seen``)."""
    reject_unknown(unknown, ("tasks", "split", "n", "complexity", "seed", "exec_timeout"))
    chosen = parse_task_list(tasks, split)
    return symbench_task(chosen, n=n, complexity=complexity, seed=seed, exec_timeout=exec_timeout, name="symbench")
