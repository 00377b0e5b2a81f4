"""Scripted "models" with known, partial skill, for the ``ci`` suite and the tests.

Each is a callable for ``symbench/scripted`` (``outputs=``), named in a suite as
``args: {outputs: {callable: "symbench.harness.leaderboard.skills:NAME"}}``. They read the
current sample's instance (never a table), so their scores are known in advance from
the sample plan alone, whatever the task:

* :func:`by_level`: levels 1-2 answer right in text, level 3 answers right with a
  program (the sandbox path), level 4 answers wrongly, level 5 gives no final answer.
  So every task scores exactly 60%, with 20% wrong (or bad format) and 20% no answer.
* :func:`even_index`: right on even instance indices, no final answer on odd ones.
"""

from __future__ import annotations

from typing import Any

from symbench.harness.dataset import current_instance
from symbench.harness.providers import oracle_program

WRONG = "I am sure of it: <<<symbench-deliberately-wrong>>>"
NO_ANSWER = "I cannot solve this one."


def by_level(messages: list[Any]) -> str:
    instance = current_instance()
    if instance is None:
        return NO_ANSWER
    if instance.complexity <= 2:
        return f"The answer is <<<{instance.answer}>>>"
    if instance.complexity == 3:
        return "```python\n" + oracle_program(instance.answer) + "```\n"
    if instance.complexity == 4:
        return WRONG
    return NO_ANSWER


def even_index(messages: list[Any]) -> str:
    instance = current_instance()
    if instance is None or instance.index % 2:
        return NO_ANSWER
    return f"<<<{instance.answer}>>>"
