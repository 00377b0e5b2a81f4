"""The SymBench scorer: final answer -> (sandboxed code run if needed) -> strict verifier.

The answer is the last ``<<<...>>>`` of the final assistant message. If there is none
and the message holds a Python code block, the code runs in the task's sandbox and the
answer is the last ``<<<...>>>`` it prints. The score is strictly 1 or 0; its metadata
records where the answer came from, the execution result and the verifier's reason.
"""

from __future__ import annotations

import time
from typing import Any

from inspect_ai.scorer import Score, Target, accuracy, grouped, scorer, stderr
from inspect_ai.solver import TaskState
from inspect_ai.util import sandbox

from symbench.answer import extract_final_answer, extract_python_code
from symbench.registry import get_task

#: stdout/stderr kept in score metadata (the sandbox itself caps at 64 KiB)
METADATA_OUTPUT_CHARS = 4_000
CODE_FILE = "answer_program.py"


def _cap(text: str, limit: int = METADATA_OUTPUT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


async def run_answer_code(code: str, timeout: int) -> dict[str, Any]:
    """Run model code in the current sample's sandbox; never raises for the program's faults."""
    box = sandbox()
    await box.write_file(CODE_FILE, code)
    start = time.monotonic()
    try:
        result = await box.exec(["python3", CODE_FILE], timeout=timeout, timeout_retry=False)
        return {
            "exit_code": result.returncode,
            "stdout": result.stdout,
            "stderr": result.stderr,
            "timed_out": False,
            "duration_s": round(time.monotonic() - start, 4),
        }
    except TimeoutError:
        return {
            "exit_code": 124,
            "stdout": "",
            "stderr": f"timed out after {timeout} s",
            "timed_out": True,
            "duration_s": round(time.monotonic() - start, 4),
        }


def symbench_metrics(by_task: bool = False) -> list:
    metrics: list = [accuracy(), stderr(), grouped(accuracy(), "complexity", all=False, name_template="complexity_{group_name}")]
    if by_task:
        metrics.append(grouped(accuracy(), "task", all=False))
    return metrics


@scorer(metrics=symbench_metrics())
def symbench_scorer(exec_timeout: int = 10) -> Any:
    """Strict 0/1 scorer for SymBench samples (metadata holds the instance record)."""

    async def score(state: TaskState, target: Target) -> Score:
        record = state.metadata
        task = get_task(record["task"])
        text = state.output.completion if state.output else ""
        answer = extract_final_answer(text)
        meta: dict[str, Any] = {"answer_source": "text" if answer is not None else None, "execution": None}
        if answer is None:
            code = extract_python_code(text)
            if code is not None:
                execution = await run_answer_code(code, exec_timeout)
                answer = extract_final_answer(execution["stdout"])
                meta["answer_source"] = "code" if answer is not None else None
                meta["execution"] = {**execution, "stdout": _cap(execution["stdout"]), "stderr": _cap(execution["stderr"])}
        if answer is None:
            reason = "no final answer: no <<<...>>> in the response"
            if meta["execution"] is not None:
                reason += " and the response's Python code printed none"
            meta["reason"] = reason
            return Score(value=0.0, answer=None, explanation=reason, metadata=meta)
        verdict = task.verify(record, answer, extract=False)
        meta["reason"] = verdict.reason
        return Score(value=1.0 if verdict.correct else 0.0, answer=answer, explanation=verdict.reason, metadata=meta)

    return score
