"""The Inspect task factory: one ``@task`` per registered SymBench task, plus the suite.

Task parameters (``-T``) come from :mod:`symbench.params` (one table for the single
tasks, the suite and the command line). As in inspect_evals' humaneval, every task
also takes ``solver``, ``scorer`` and ``sandbox`` from Python, and ``--solver`` replaces
the solver from the command line; the task's setup step (which records the instance
id for the offline models) runs whatever the solver is. A bad value fails before any
model call, as one line.
"""

from __future__ import annotations

import hashlib
import inspect as pyinspect
from typing import Any, Callable, Sequence

from inspect_ai import Task, task
from inspect_ai._util.error import PrerequisiteError  # no public name for Inspect's one-line errors
from inspect_ai.scorer import Scorer
from inspect_ai.solver import Solver

from symbench.harness.dataset import build_dataset, mark_instance
from symbench.harness.methods.baselines import only_question
from symbench.harness.sandbox import SANDBOX_NAME
from symbench.harness.scorer import symbench_metrics, symbench_scorer
from symbench.params import ParameterError, params_for, parse_params
from symbench.registry import all_tasks, get_task

SandboxSpec = str | tuple[str, str] | None


class TaskParameterError(PrerequisiteError, ParameterError):
    """A bad ``-T`` parameter. Inspect prints it as one message, without a traceback."""

    def __init__(self, message: str) -> None:
        PrerequisiteError.__init__(self, message)
        ParameterError.__init__(self, message)

    def __str__(self) -> str:
        return str(self.message)


def inspect_version(task_names: Sequence[str]) -> int | str:
    """Inspect's ``Task(version=...)``: the task's own version, or for several tasks a
    short digest of every ``name:version`` pair (it changes when any task changes)."""
    if len(task_names) == 1:
        return get_task(task_names[0]).version
    pairs = ",".join(f"{n}:{get_task(n).version}" for n in sorted(task_names))
    return "suite-" + hashlib.sha256(pairs.encode()).hexdigest()[:10]


def symbench_task(
    tasks: list[str],
    n: Any = 100,
    complexity: Any = "all",
    seed: Any = 0,
    exec_timeout: Any = 10,
    solver: Solver | Sequence[Solver] | None = None,
    scorer: Scorer | Sequence[Scorer] | None = None,
    sandbox: SandboxSpec = SANDBOX_NAME,
    name: str = "symbench",
) -> Task:
    """Build an Inspect ``Task`` over ``tasks``: validated parameters, the strict scorer,
    the model's plain answer (``only_question``) unless ``solver`` says otherwise."""
    try:
        values = parse_params({"n": n, "complexity": complexity, "seed": seed, "exec_timeout": exec_timeout})
    except ParameterError as exc:
        raise TaskParameterError(str(exc)) from None
    dataset = build_dataset(tasks, values["n"], values["complexity"], values["seed"], name=name)
    return Task(
        dataset=dataset,
        setup=mark_instance(),
        solver=solver if solver is not None else only_question(),
        scorer=scorer if scorer is not None else symbench_scorer(exec_timeout=values["exec_timeout"]),
        metrics=symbench_metrics(by_task=len(tasks) > 1),
        sandbox=sandbox,
        name=name,
        version=inspect_version(tasks),
        metadata={"symbench_versions": {t: get_task(t).version for t in tasks}},
    )


_OBJECT_PARAMS = (
    ("solver", None),
    ("scorer", None),
    ("sandbox", SANDBOX_NAME),
)


def _signature(suite: bool) -> pyinspect.Signature:
    """The task function's signature, built from the parameter table (so ``inspect info``
    and ``-T`` checking see every parameter), plus the Python-only objects."""
    kind = pyinspect.Parameter.KEYWORD_ONLY
    params = [pyinspect.Parameter(p.name, kind, default=p.default) for p in params_for(suite)]
    params += [pyinspect.Parameter(n, kind, default=d) for n, d in _OBJECT_PARAMS]
    params.append(pyinspect.Parameter("unknown", pyinspect.Parameter.VAR_KEYWORD))
    return pyinspect.Signature(params, return_annotation=Task)


def _make_factory(task_name: str | None, doc: str) -> Callable[..., Task]:
    suite = task_name is None

    def factory(**kwargs: Any) -> Task:
        objects = {n: kwargs.pop(n, d) for n, d in _OBJECT_PARAMS}
        try:
            values = parse_params(kwargs, suite=suite)
        except ParameterError as exc:
            raise TaskParameterError(str(exc)) from None
        names = values.pop("tasks") if suite else [task_name]
        values.pop("split", None)
        return symbench_task(names, **values, **objects, name=task_name or "symbench")

    factory.__name__ = factory.__qualname__ = task_name or "symbench"
    factory.__doc__ = doc
    factory.__signature__ = _signature(suite)  # type: ignore[attr-defined]
    return factory


def register_inspect_tasks(namespace: dict[str, Any]) -> None:
    """Create and register one ``@task`` per SymBench task (and the suite) in ``namespace``."""
    for task_name, spec in all_tasks().items():
        namespace[task_name] = task(name=task_name)(_make_factory(task_name, f"SymBench {task_name}: {spec.description}"))
    namespace["symbench"] = symbench_suite


symbench_suite = task(name="symbench")(
    _make_factory(None, "The SymBench suite: n samples of every chosen task (-T tasks=a,b -T split=seen).")
)
