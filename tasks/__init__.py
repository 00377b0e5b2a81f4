"""SymBench tasks, one module each (installed as ``symbench.tasks``).

See ``docs/adding-a-task.md``; ``symbench new-task NAME`` writes a starting point.
"""
