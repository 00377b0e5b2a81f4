"""Inspect entry point (``[project.entry-points.inspect_ai] symbench``).

Importing it registers the ``symbench`` sandbox, the offline ``symbench/*`` models,
one task per SymBench task (``symbench/game24``...), the suite ``symbench/symbench``
and the answering methods as solvers (``--solver symbench/code_cot``...).
"""

from symbench.harness.methods import METHODS  # noqa: F401  (registers the symbench/<method> solvers)
from symbench.harness.providers import symbench_models  # noqa: F401
from symbench.harness.sandbox import SymbenchSandbox  # noqa: F401
from symbench.harness.task import register_inspect_tasks, symbench_suite  # noqa: F401

register_inspect_tasks(globals())
