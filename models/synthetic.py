"""A synthetic set-up with a known answer, to prove that guide training learns.

No API model can be run here, so the mechanism is shown against a scripted task model
whose skill depends on the mode it is asked for:

* on :data:`CODE_TASKS` (game24, gsm_hard) it answers correctly only when guided to
  code (it then writes a program that prints the answer, run in the sandbox) and wrongly
  in text;
* on :data:`TEXT_TASKS` (web_of_lies, date_understanding) the reverse: right in text,
  wrong with code.

So the best guide picks the task's mode at its first turn and returns the answer at
the next. The teacher guide (:func:`teacher_guide`) knows nothing: at every turn it
offers both modes (and, after an answer, also returning it) in turn across the tree
sampler's candidates, so synthesis explores both branches; the returns then tell which
was right. The benchmark ``benchmarks/train_guide_mode.py`` trains SmolLM2 on that data
and measures how often the trained guide's first guidance picks the right mode.

Both are callables for ``symbench/scripted`` (``-M outputs={callable: ...}``); they read
the current sample's instance (never a table of answers).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from symbench.harness import prompts
from symbench.harness.dataset import current_instance
from symbench.harness.providers import oracle_program

CODE_TASKS = ("game24", "gsm_hard")
TEXT_TASKS = ("web_of_lies", "date_understanding")
TASKS = CODE_TASKS + TEXT_TASKS
WRONG = "I worked it out: <<<symbench-synthetic-wrong>>>"
GUIDE_CODE = "This needs exact search or arithmetic: write a Python program that computes the answer and prints it.\n<<<Code>>>"
GUIDE_TEXT = "Read the problem carefully and reason it through step by step in text.\n<<<Text>>>"
GUIDE_RETURN = "The answer is consistent with the checks.\n<<<Return Answer>>>"


def best_mode(task: str) -> str:
    """The mode the synthetic task model needs on ``task`` (Code or Text)."""
    if task in CODE_TASKS:
        return prompts.CODE
    if task in TEXT_TASKS:
        return prompts.TEXT
    raise ValueError(f"task {task!r} is not in the synthetic set-up; allowed: {', '.join(TASKS)}")


def _text(message: Any) -> str:
    return message.text if hasattr(message, "text") else str(message.get("content", ""))


def requested_mode(messages: list[Any]) -> str | None:
    """The mode the task model's latest request asks for, from the solver's wording."""
    last = _text(messages[-1]) if messages else ""
    if last.endswith(prompts.CODE_COT):
        return prompts.CODE
    if last.endswith(prompts.TEXT_COT):
        return prompts.TEXT
    return None


def mode_task_model(messages: list[Any]) -> str:
    """Right in the task's mode, wrong in the other; declines the self-check."""
    instance = current_instance()
    mode = requested_mode(messages)
    if instance is None or instance.task not in TASKS:
        return "I only know the synthetic set-up's tasks."
    if mode is None:  # the self-check request or anything else: no program, verdict unknown
        return "I cannot check this."
    if mode != best_mode(instance.task):
        return WRONG
    if mode == prompts.CODE:
        return "```python\n" + oracle_program(instance.answer) + "```\n"
    return f"Reasoning step by step, the answer is <<<{instance.answer}>>>"


_calls: Counter = Counter()


def teacher_guide(messages: list[Any]) -> str:
    """An uninformed teacher: cycles through its options for the same conversation, so
    the tree sampler's candidates at a turn cover both modes (and returning)."""
    history = "\n".join(_text(m) for m in messages)
    key = hashlib.sha256(history.encode()).hexdigest()
    k = _calls[key]
    _calls[key] += 1
    rounds = sum(1 for m in messages if getattr(m, "role", None) == "assistant")
    options = (GUIDE_CODE, GUIDE_TEXT) if rounds == 0 else (GUIDE_RETURN, GUIDE_CODE, GUIDE_TEXT)
    return options[(k + int(key[:2], 16)) % len(options)]
