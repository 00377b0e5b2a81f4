"""The task registry: where SymBench finds its tasks.

Three sources, in this order:

1. **Built in**: every module of ``symbench.tasks`` (the ``tasks/`` folder) that defines a
   :class:`~symbench.contract.SymbolicTask` subclass. A large task may be a package
   ``tasks/<name>/`` whose ``__init__`` defines the task class; its submodules are the
   task's own helpers and are not scanned.
2. **Installed packages**: entry points in the group ``symbench.tasks``. An entry point
   names a module or package (scanned like ``symbench.tasks``: each of its modules that
   defines one task class) or a task class itself, e.g. in ``pyproject.toml``::

       [project.entry-points."symbench.tasks"]
       my_tasks = "my_package.tasks"

3. **Folders**: ``SYMBENCH_TASK_PATH``, folders separated by ``os.pathsep`` (``:``); each
   ``*.py`` file and package in them is a task module, as in ``tasks/``. ``symbench
   --tasks-dir DIR`` sets it for one command.

Modules and packages whose name starts with ``_`` are helpers, not tasks. A name used
twice, or a module without exactly one task class, stops discovery with a message
naming the files.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import os
import pkgutil
import sys
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from symbench.contract import SPLITS, SymbolicTask, validate_task_class

ENTRY_POINT_GROUP = "symbench.tasks"
PATH_VARIABLE = "SYMBENCH_TASK_PATH"
#: names that would clash with the Inspect entry module's own objects
RESERVED = ("symbench",)


class UnknownTaskError(ValueError):
    pass


class RegistryError(ValueError):
    """A task could not be registered (clash, bad module); the message names the files."""


def _task_class(module: ModuleType) -> type[SymbolicTask]:
    classes = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, SymbolicTask) and obj.__module__ == module.__name__ and not inspect.isabstract(obj)
    ]
    if len(classes) != 1:
        raise RegistryError(
            f"task module {module.__name__} ({getattr(module, '__file__', '?')}) must define exactly one "
            f"SymbolicTask subclass, found {len(classes)}"
        )
    return classes[0]


def _scan_package(package: ModuleType) -> list[type[SymbolicTask]]:
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            found.append(_task_class(importlib.import_module(f"{package.__name__}.{info.name}")))
    return found


def _from_entry_point(value: object, name: str) -> list[type[SymbolicTask]]:
    if inspect.isclass(value) and issubclass(value, SymbolicTask):
        return [value]
    if isinstance(value, ModuleType):
        return _scan_package(value) if hasattr(value, "__path__") else [_task_class(value)]
    raise RegistryError(f"entry point {name!r} in group {ENTRY_POINT_GROUP} must name a module, a package or a SymbolicTask subclass")


def _load_file(path: Path, folder: Path) -> ModuleType:
    """Import a task file or package from a user folder under a private, unique name."""
    tag = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]
    name = f"symbench_user_{tag}_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    if path.is_dir():
        spec = importlib.util.spec_from_file_location(name, path / "__init__.py", submodule_search_locations=[str(path)])
    else:
        spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RegistryError(f"cannot import task file {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    if str(folder) not in sys.path:  # so a task file can import its own helper modules
        sys.path.append(str(folder))
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise RegistryError(f"importing task file {path} failed: {type(exc).__name__}: {exc}") from exc
    return module


def task_folders() -> list[Path]:
    raw = os.environ.get(PATH_VARIABLE, "")
    folders = []
    for part in raw.split(os.pathsep):
        if not part.strip():
            continue
        folder = Path(part).expanduser()
        if not folder.is_dir():
            raise RegistryError(f"{PATH_VARIABLE} names {part!r}, which is not a folder")
        folders.append(folder)
    return folders


def _from_folder(folder: Path) -> list[type[SymbolicTask]]:
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        if (path.suffix == ".py" and path.is_file()) or (path.is_dir() and (path / "__init__.py").exists()):
            found.append(_task_class(_load_file(path, folder)))
    return found


def _origin(cls: type) -> str:
    return getattr(sys.modules.get(cls.__module__), "__file__", None) or cls.__module__


@lru_cache(maxsize=1)
def _discover() -> dict[str, SymbolicTask]:
    import symbench.tasks as builtin

    classes: list[type[SymbolicTask]] = list(_scan_package(builtin))
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            value = ep.load()
        except Exception as exc:
            raise RegistryError(f"entry point {ep.name!r} ({ep.value}) in group {ENTRY_POINT_GROUP} failed to load: {exc}") from exc
        classes += _from_entry_point(value, ep.name)
    for folder in task_folders():
        classes += _from_folder(folder)

    found: dict[str, SymbolicTask] = {}
    where: dict[str, str] = {}
    for cls in classes:
        validate_task_class(cls)
        if cls.name in RESERVED:
            raise RegistryError(f"task name {cls.name!r} ({_origin(cls)}) is reserved")
        if cls.name in found:
            if type(found[cls.name]) is cls:
                continue
            raise RegistryError(f"task name {cls.name!r} is defined twice: {where[cls.name]} and {_origin(cls)}")
        found[cls.name] = cls()
        where[cls.name] = _origin(cls)
    return dict(sorted(found.items()))


def refresh() -> None:
    """Forget what was discovered (after changing ``SYMBENCH_TASK_PATH`` in-process)."""
    _discover.cache_clear()


def all_tasks() -> dict[str, SymbolicTask]:
    """Every registered task by name, in name order."""
    return dict(_discover())


def is_builtin(task: SymbolicTask) -> bool:
    return type(task).__module__.startswith("symbench.tasks.")


def task_names(split: str = "all") -> list[str]:
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be one of seen, unseen, all; got {split!r}")
    return [name for name, t in _discover().items() if split == "all" or t.split == split]


def get_task(name: str) -> SymbolicTask:
    tasks = _discover()
    if name not in tasks:
        raise UnknownTaskError(f"unknown task {name!r}; known tasks: {', '.join(tasks)}")
    return tasks[name]
