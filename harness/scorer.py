"""The SymBench scorer: final answer -> (sandboxed code run if needed) -> strict verifier.

The answer is the last ``<<<...>>>`` of the final assistant message. If there is none
and the message holds a Python code block, the code runs through the one executor
(:mod:`symbench.harness.executor`) and the answer is the last ``<<<...>>>`` it prints.
The score is strictly 1 or 0; its metadata records the verdict code, where the answer
came from, the execution result and the verifier's reason. Verification runs in a
worker thread, so one pathological answer cannot stall the other samples' event loop.
"""

from __future__ import annotations

from typing import Any

import anyio
from inspect_ai.scorer import Score, Target, accuracy, grouped, scorer, stderr
from inspect_ai._util.registry import RegistryInfo, registry_add, set_registry_info
from inspect_ai.solver import TaskState

from symbench.answer import extract_final_answer, extract_python_code
from symbench.contract import Verdict
from symbench.harness.executor import run_python
from symbench.registry import get_task

#: the scorer's name as logs record it (and ``inspect score`` looks it up)
SCORER_NAME = "symbench/symbench_scorer"
#: only the last this-many characters of a completion are searched for the answer
MAX_COMPLETION_CHARS = 1_000_000
CODE_FILE = "answer_program.py"


def symbench_metrics(by_task: bool = False) -> list:
    metrics: list = [accuracy(), stderr(), grouped(accuracy(), "complexity", all=False, name_template="complexity_{group_name}")]
    if by_task:
        metrics.append(grouped(accuracy(), "task", all=False))
    return metrics


async def judge_completion(record: dict[str, Any], text: str, exec_timeout: int) -> tuple[Verdict, str | None, dict[str, Any]]:
    """Judge a final message ``text`` for the instance ``record``: (verdict, answer, metadata)."""
    meta: dict[str, Any] = {"answer_source": None, "execution": None}
    if len(text) > MAX_COMPLETION_CHARS:
        meta["completion_truncated_chars"] = len(text) - MAX_COMPLETION_CHARS
        text = text[-MAX_COMPLETION_CHARS:]
    answer = extract_final_answer(text)
    if answer is not None:
        meta["answer_source"] = "text"
    else:
        code = extract_python_code(text)
        if code is not None:
            execution = await run_python(code, timeout=exec_timeout, filename=CODE_FILE)
            meta["execution"] = execution.to_dict()
            answer = extract_final_answer(execution.stdout)
            if answer is not None:
                meta["answer_source"] = "code"
    if answer is None:
        reason = "no final answer: no <<<...>>> in the response"
        if meta["execution"] is not None:
            reason += " and the response's Python code printed none"
        return Verdict.no_answer(reason), None, meta
    task = get_task(record["task"])
    verdict = await anyio.to_thread.run_sync(lambda: task.verify(record, answer, extract=False))
    return verdict, answer, meta


@scorer(metrics=symbench_metrics(), name=SCORER_NAME)
def symbench_scorer(exec_timeout: int = 10) -> Any:
    """Strict 0/1 scorer for SymBench samples (their metadata holds the instance record)."""

    async def score(state: TaskState, target: Target) -> Score:
        text = state.output.completion if state.output else ""
        verdict, answer, meta = await judge_completion(state.metadata, text, exec_timeout)
        meta["verdict"] = verdict.code
        meta["reason"] = verdict.reason
        return Score(value=1.0 if verdict.correct else 0.0, answer=answer, explanation=verdict.reason, metadata=meta)

    return score


def _rescore_alias(exec_timeout: int = 10) -> Any:
    return symbench_scorer(exec_timeout=exec_timeout)


# Inspect records a scorer under its name minus the package prefix
# ("symbench/symbench_scorer") and ``inspect score`` looks that name up as it stands,
# which no extension's scorer is registered under. So the recorded name is registered
# too, as an alias whose own registry name keeps the prefix: a re-scored log then
# records the same name again and can be re-scored once more.
registry_add(_rescore_alias, RegistryInfo(type="scorer", name=SCORER_NAME))
set_registry_info(_rescore_alias, RegistryInfo(type="scorer", name=f"symbench/{SCORER_NAME}"))
