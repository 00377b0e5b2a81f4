"""What every answering method shares: model calls that record cost per role, option
checking for ``-S`` values, and the executor report shown to models.

Cost: every call goes through :func:`ask`, which adds the model's own usage report to
the sample store under ``symbench:usage`` as ``{"roles": {role: {input_tokens,
output_tokens, total_tokens, calls, seconds}}, "seconds": total}``.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

from inspect_ai._util.error import PrerequisiteError  # no public name for Inspect's one-line errors
from inspect_ai.model import ChatMessage, GenerateConfig, Model, ModelOutput, get_model
from inspect_ai.tool import Tool
from inspect_ai.util import store

from symbench.harness.executor import Execution, cap_text
from symbench.harness.prompts import NOT_RUN

USAGE_KEY = "symbench:usage"
TASK_ROLE = "task"
GUIDE_ROLE = "guide"


class MethodOptionError(PrerequisiteError, ValueError):
    """A bad ``-S`` option; Inspect prints it as one line before any model call."""

    def __init__(self, message: str) -> None:
        PrerequisiteError.__init__(self, message)
        ValueError.__init__(self, message)

    def __str__(self) -> str:
        return str(self.message)


def check_options(method: str, unknown: dict[str, Any], allowed: Sequence[str]) -> None:
    if unknown:
        raise MethodOptionError(
            f"symbench/{method}: unknown option(s) {', '.join('-S ' + k for k in sorted(unknown))}; "
            f"allowed: {', '.join(allowed) or 'none'}"
        )


def int_option(method: str, name: str, value: Any, low: int, high: int) -> int:
    raw = value.strip() if isinstance(value, str) else value
    if isinstance(raw, str) and raw.isascii() and raw.isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise MethodOptionError(f"symbench/{method}: -S {name} must be a whole number from {low} to {high}, got {value}")
    return raw


def choice_option(method: str, name: str, value: Any, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise MethodOptionError(f"symbench/{method}: -S {name} must be one of {', '.join(allowed)}, got {value}")
    return value


def record_usage(role: str, output: ModelOutput, seconds: float) -> None:
    data = store().get(USAGE_KEY) or {"roles": {}, "seconds": 0.0}
    entry = data["roles"].setdefault(role, {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0, "calls": 0, "seconds": 0.0})
    usage = output.usage
    if usage is not None:
        entry["input_tokens"] += usage.input_tokens
        entry["output_tokens"] += usage.output_tokens
        entry["total_tokens"] += usage.total_tokens
    entry["calls"] += 1
    entry["seconds"] = round(entry["seconds"] + seconds, 4)
    data["seconds"] = round(data["seconds"] + seconds, 4)
    store().set(USAGE_KEY, data)


async def ask(
    model: Model,
    messages: list[ChatMessage],
    role: str = TASK_ROLE,
    tools: Sequence[Tool] = (),
    config: GenerateConfig | None = None,
) -> ModelOutput:
    """One model call, its cost recorded under ``role``."""
    start = time.monotonic()
    output = await model.generate(messages, tools=list(tools), config=config or GenerateConfig())
    record_usage(role, output, time.monotonic() - start)
    return output


def task_model() -> Model:
    return get_model()


def guide_model() -> Model:
    """The ``guide`` model role (``--model-role guide=...``), else the task model itself,
    with the eval's generation settings.

    Without a guide role Inspect hands out a copy of the task model tagged ``guide``; a
    copy is not the active model, so Inspect would drop the eval's ``max_tokens``,
    ``temperature`` and the like for it. Measured with SmolLM2 guiding itself in the
    smoke suite: its guidance ran at Inspect's default of 2,048 tokens instead of the
    suite's 256 (one batch took 1,000 s) and at no set temperature. So the copy gets the
    eval's settings merged in, exactly as the task model's own calls do."""
    task = get_model()
    guide = get_model(role="guide", default=task)
    if guide is not task and guide.api is task.api:  # the fallback copy, not a bound role
        try:
            from inspect_ai.model._generate_config import active_generate_config
        except ImportError:  # a later Inspect: the task model itself (calls then count as task's in Inspect)
            return task
        guide.config = guide.config.merge(active_generate_config())
    return guide


def describe_execution(execution: Execution | None, limit: int = 2_000) -> str:
    """A program run as the models see it: exit status, (capped) stdout and stderr."""
    if execution is None:
        return NOT_RUN
    status = "timed out" if execution.timed_out else f"exit code {execution.exit_code}"
    parts = [f"[{status}]", "stdout:", cap_text(execution.stdout.strip(), limit) or "(empty)"]
    if execution.stderr.strip():
        parts += ["stderr:", cap_text(execution.stderr.strip(), limit)]
    return "\n".join(parts)
