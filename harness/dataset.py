"""Instances -> Inspect samples (data flows one way: task -> instance -> sample)."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.solver import Generate, Solver, TaskState, solver
from inspect_ai.util import sandbox, store

from symbench.contract import LEVELS, Instance
from symbench.identity import parse_instance_id, sample_plan
from symbench.registry import get_task

#: Store key under which the task's setup step records the current sample's instance id.
INSTANCE_ID_KEY = "symbench:instance_id"


def generate_instances(task_name: str, n: int, complexity: Sequence[int], seed: int) -> list[Instance]:
    """``n`` instances spread over ``complexity`` (see :func:`symbench.identity.sample_plan`)."""
    task = get_task(task_name)
    return [task.instance(level, seed, index) for level, index in sample_plan(n, complexity)]


def instance_to_sample(instance: Instance) -> Sample:
    return Sample(
        id=instance.id,
        input=instance.question,
        target=instance.answer,
        metadata=instance.to_record(),
    )


def build_dataset(task_names: Iterable[str], n: int, complexity: Sequence[int] = LEVELS, seed: int = 0, name: str = "symbench") -> MemoryDataset:
    samples = [instance_to_sample(inst) for t in task_names for inst in generate_instances(t, n, complexity, seed)]
    return MemoryDataset(samples, name=name, shuffled=False)


@solver(name="symbench/mark_instance")
def mark_instance() -> Solver:
    """The task's setup step (it runs whatever ``--solver`` is chosen): records the
    sample's instance id in the sample store, so offline models can regenerate it."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        store().set(INSTANCE_ID_KEY, str(state.sample_id))
        _warn_if_unisolated()
        return state

    return solve


_warned_local = False
LOCAL_WARNING = (
    "symbench: warning: --sandbox local runs model-written code directly on this machine, "
    "with no isolation (no jail, your files and network reachable); use the default sandbox or docker"
)


def _warn_if_unisolated() -> None:
    """Print one line, once per process, when the run's sandbox is Inspect's ``local``."""
    global _warned_local
    if _warned_local:
        return
    try:
        env = sandbox()
    except (ProcessLookupError, RuntimeError, ValueError):
        return
    inner = getattr(env, "_sandbox", env)  # Inspect hands out an event-logging proxy
    if type(inner).__name__ == "LocalSandboxEnvironment":
        _warned_local = True
        import logging
        import sys

        print(LOCAL_WARNING, file=sys.stderr, flush=True)
        logging.getLogger("symbench").warning(LOCAL_WARNING)


@lru_cache(maxsize=256)
def instance_for_id(sample_id: str) -> Instance:
    """Regenerate an instance from its id (instances are pure functions of it).

    Raises ``ValueError`` for an id that is malformed, names an unknown task, or was made
    with config overrides (those cannot be rebuilt from the id alone)."""
    task_name, level, seed, index, digest = parse_instance_id(sample_id)
    if digest is not None:
        raise ValueError(f"{sample_id} was made with config overrides; it cannot be regenerated from its id")
    return get_task(task_name).instance(level, seed, index)


def current_instance() -> Instance | None:
    """The instance of the sample being evaluated, or ``None`` outside a SymBench sample."""
    sample_id = store().get(INSTANCE_ID_KEY)
    if not sample_id:
        return None
    try:
        return instance_for_id(sample_id)
    except ValueError:
        return None
