"""The guide's view of a CodeSteer conversation: ONE function, used by the solver at
evaluation time and by ``symbench train synth`` to build SFT and DPO records, so the
guide is trained on exactly what it sees.

:func:`guide_view` takes the question and the trajectory's turns (see
:mod:`.trajectory`) and returns the guide's chat as plain ``{"role", "content"}``
messages: the guide's instructions, the problem, then per turn the guide's own reply
(assistant) and, once the task model answered it, the round's result (user): the
answer, the program output and both checkers' reports. It needs no Inspect objects.
"""

from __future__ import annotations

from typing import Any, Sequence

from symbench.harness import prompts

#: characters of an answer shown to the guide
ANSWER_CHARS = 4_000
OUTPUT_CHARS = 2_000


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


def describe_run(execution: dict[str, Any] | None) -> str:
    if not execution:
        return prompts.NOT_RUN
    status = "timed out" if execution.get("timed_out") else f"exit code {execution.get('exit_code')}"
    out = [f"[{status}]", "stdout:", _cap((execution.get("stdout") or "").strip(), OUTPUT_CHARS) or "(empty)"]
    if (execution.get("stderr") or "").strip():
        out += ["stderr:", _cap(execution["stderr"].strip(), OUTPUT_CHARS)]
    return "\n".join(out)


def _symbolic(report: dict[str, Any] | None) -> str:
    return report.get("report", "") if report else prompts.NO_CODE


def _self_check(report: dict[str, Any] | None) -> str:
    if not report:
        return prompts.NOT_RUN
    verdict = report.get("verdict", "unknown")
    detail = _cap((report.get("stdout") or "").strip(), 500)
    return f"{verdict}" + (f"\n{detail}" if detail else "")


def guide_view(question: str, turns: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    """The guide's messages after ``turns``: ends with a user message when the last turn
    was answered and checked (the guide speaks next), else with the guide's last reply."""
    messages = [
        {"role": "system", "content": prompts.GUIDE_SYSTEM},
        {"role": "user", "content": prompts.GUIDE_FIRST.format(question=question)},
    ]
    for turn in turns:
        messages.append({"role": "assistant", "content": turn["guidance"]})
        if turn.get("answer") is None or not turn.get("checked"):
            continue
        messages.append({
            "role": "user",
            "content": prompts.GUIDE_ROUND.format(
                round=turn["turn"] + 1,
                answer=_cap(turn["answer"], ANSWER_CHARS),
                execution=describe_run(turn.get("execution")),
                symbolic=_symbolic(turn.get("symbolic")),
                self_check=_self_check(turn.get("self_check")),
            ),
        })
    return messages
