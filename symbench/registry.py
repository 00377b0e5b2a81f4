"""The task registry: every module in ``symbench.tasks`` (the ``tasks/`` folder) that
defines a :class:`~symbench.contract.SymbolicTask` subclass is a SymBench task.

Adding a task is adding one file; nothing else is edited. A large task may instead be a
package ``tasks/<name>/`` whose ``__init__`` defines the task class; only the
``__init__`` is scanned, its submodules are the task's own helpers. Modules and
packages whose name starts with ``_`` are helpers, not tasks.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache

from symbench.contract import SPLITS, SymbolicTask, validate_task_class


class UnknownTaskError(ValueError):
    pass


@lru_cache(maxsize=1)
def _discover() -> dict[str, SymbolicTask]:
    import symbench.tasks as package

    found: dict[str, SymbolicTask] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        classes = [
            obj
            for obj in vars(module).values()
            if inspect.isclass(obj)
            and issubclass(obj, SymbolicTask)
            and obj.__module__ == module.__name__
            and not inspect.isabstract(obj)
        ]
        if len(classes) != 1:
            raise TypeError(
                f"task module {module.__name__} must define exactly one SymbolicTask subclass, found {len(classes)}"
            )
        cls = classes[0]
        validate_task_class(cls)
        if cls.name in found:
            raise TypeError(f"task name {cls.name!r} is defined twice ({module.__name__})")
        found[cls.name] = cls()
    return found


def all_tasks() -> dict[str, SymbolicTask]:
    """Every registered task by name, in name order."""
    return dict(_discover())


def task_names(split: str = "all") -> list[str]:
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be one of seen, unseen, all; got {split!r}")
    return [name for name, t in _discover().items() if split == "all" or t.split == split]


def get_task(name: str) -> SymbolicTask:
    tasks = _discover()
    if name not in tasks:
        raise UnknownTaskError(f"unknown task {name!r}; known tasks: {', '.join(tasks)}")
    return tasks[name]
