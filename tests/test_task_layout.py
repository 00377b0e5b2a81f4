"""The layout of tasks/: task packages are found through their __init__, and modules stay small."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import symbench.tasks
from symbench.contract import SymbolicTask
from symbench.registry import all_tasks

TASKS_DIR = Path(list(symbench.tasks.__path__)[0])
PACKAGES = sorted(p.name for p in TASKS_DIR.iterdir() if (p / "__init__.py").is_file() and not p.name.startswith("_"))
# The house rule is "no module over about 400 lines"; this is the point where "about" ends.
MAX_LINES = 450


def test_the_large_tasks_are_packages():
    assert {"date_understanding", "gsm_hard", "math_counting_probability", "math_geometry"} <= set(PACKAGES)


@pytest.mark.parametrize("name", PACKAGES)
def test_a_task_package_is_registered_by_the_class_in_its_init(name):
    task = all_tasks()[name]
    assert type(task).__module__ == f"symbench.tasks.{name}"
    package = importlib.import_module(f"symbench.tasks.{name}")
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        defined = [
            obj.__name__
            for obj in vars(module).values()
            if inspect.isclass(obj) and issubclass(obj, SymbolicTask) and obj.__module__ == module.__name__
        ]
        assert not defined, f"{module.__name__} defines task classes {defined}; only the package __init__ may"


def test_no_module_in_tasks_is_far_over_400_lines():
    sizes = {str(p.relative_to(TASKS_DIR)): len(p.read_text("utf-8").splitlines()) for p in TASKS_DIR.rglob("*.py")}
    assert len(sizes) > 40
    too_big = {path: n for path, n in sizes.items() if n > MAX_LINES}
    assert not too_big, f"split these modules (see docs/adding-a-task.md): {too_big}"
