"""Inspect entry point (``[project.entry-points.inspect_ai] symbench``).

Importing it registers the ``symbench`` sandbox, the offline ``symbench/*`` models,
one task per SymBench task (``symbench/game24``...) and the suite ``symbench/symbench``.
"""

from symbench.harness.providers import symbench_models  # noqa: F401
from symbench.harness.sandbox import SymbenchSandbox  # noqa: F401
from symbench.harness.task import register_inspect_tasks, symbench_suite  # noqa: F401

register_inspect_tasks(globals())
