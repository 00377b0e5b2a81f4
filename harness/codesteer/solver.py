"""``symbench/codesteer``: a guide model steers the task model between code and text.

Roles: the task model is the eval's ``--model``; the guide is the model role ``guide``
(``--model-role guide=...``), the task model itself when none is given.

* Turn 0: the guide reads the question (through :func:`.view.guide_view`) and replies
  with an instruction ending in ``<<<Code>>>`` or ``<<<Text>>>``; the task model answers.
* Then up to ``max_turns`` rounds: the latest answer's program goes through the Symbolic
  Checker and the one executor, the task model checks its own answer (Self-answer
  Checker), and the guide sees all of it and replies with the next instruction or
  ``<<<Return Answer>>>``.
* The final answer is the task model's last answer, judged by the unchanged scorer.

Every run ends in one recorded outcome (see ``trajectory.OUTCOMES``); model errors,
sandbox failures and unparseable guidance never crash the eval.
"""

from __future__ import annotations

import time
from typing import Any

from inspect_ai.model import ChatMessage, ChatMessageAssistant, ChatMessageSystem, ChatMessageUser, ModelOutput
from inspect_ai.solver import Generate, Solver, TaskState, solver
from inspect_ai.util import LimitExceededError, store_as

from symbench.answer import extract_final_answer, extract_python_code
from symbench.harness import prompts
from symbench.harness.codesteer.checkers import analyse_code, parse_self_check
from symbench.harness.codesteer.trajectory import CodeSteerTrajectory, new_turn
from symbench.harness.codesteer.view import guide_view
from symbench.harness.executor import run_python
from symbench.harness.methods.common import (
    GUIDE_ROLE,
    TASK_ROLE,
    ask,
    check_options,
    choice_option,
    guide_model,
    int_option,
    task_model,
)

_MARKERS = {"code": prompts.CODE, "text": prompts.TEXT, "return answer": prompts.RETURN_ANSWER}


def parse_guidance(reply: str) -> tuple[str, str | None]:
    """(instruction text, mode) from a guide reply; mode is Code, Text, Return Answer or None."""
    marker = extract_final_answer(reply or "")
    mode = _MARKERS.get(" ".join(marker.split()).lower()) if marker is not None else None
    text = (reply or "").strip()
    if mode is not None:
        cut = text.rfind("<<<")
        text = text[:cut].strip() if cut >= 0 else text
    return text, mode


def _to_chat(messages: list[dict[str, str]]) -> list[ChatMessage]:
    kinds = {"system": ChatMessageSystem, "user": ChatMessageUser, "assistant": ChatMessageAssistant}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


def _tokens(output: ModelOutput) -> int:
    return output.usage.total_tokens if output.usage else 0


class _SandboxFailure(RuntimeError):
    """Running a program failed for a reason of the sandbox, not of the program."""


async def _execute(code: str, timeout: int, filename: str = "program.py") -> dict[str, Any]:
    try:
        return (await run_python(code, timeout=timeout, filename=filename)).to_dict(cap=2_000)
    except LimitExceededError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as the run's outcome
        raise _SandboxFailure(f"{type(exc).__name__}: {exc}") from exc


class _Run:
    """One sample's CodeSteer loop, its trajectory kept in the store as it goes."""

    def __init__(self, state: TaskState, max_turns: int, exec_timeout: int, self_check: bool, first_mode: str):
        self.state = state
        self.max_turns = max_turns
        self.exec_timeout = exec_timeout
        self.self_check = self_check
        self.first_mode = first_mode
        self.task, self.guide = task_model(), guide_model()
        self.traj = store_as(CodeSteerTrajectory)
        self.traj.question = state.input_text
        self.traj.max_turns = max_turns
        self.turns: list[dict[str, Any]] = []
        self.task_messages: list[ChatMessage] = []
        self.last_output: ModelOutput | None = None

    def _save(self, outcome: str = "", error: str = "") -> None:
        self.traj.turns = [dict(t) for t in self.turns]
        if outcome:
            self.traj.outcome, self.traj.error = outcome, error

    async def _ask_guide(self) -> dict[str, Any]:
        start = time.monotonic()
        output = await ask(self.guide, _to_chat(guide_view(self.traj.question, self.turns)), role=GUIDE_ROLE)
        text, mode = parse_guidance(output.completion)
        parsed = mode is not None and not (not self.turns and mode == prompts.RETURN_ANSWER)
        if not self.turns and not parsed:  # the first guidance must pick a mode: documented default
            mode = self.first_mode
        turn = new_turn(len(self.turns), output.completion, text, mode, parsed)
        turn["tokens"]["guide"] = _tokens(output)
        turn["seconds"]["guide"] = round(time.monotonic() - start, 4)
        self.turns.append(turn)
        self._save()
        return turn

    async def _ask_task(self, turn: dict[str, Any]) -> str:
        suffix = prompts.CODE_COT if turn["mode"] == prompts.CODE else prompts.TEXT_COT
        if not self.task_messages:
            content = prompts.TASK_GUIDED.format(question=self.traj.question, guidance=turn["instruction"]) + suffix
        else:
            content = prompts.TASK_FOLLOW_UP.format(guidance=turn["instruction"]) + suffix
        self.task_messages.append(ChatMessageUser(content=content))
        start = time.monotonic()
        output = await ask(self.task, self.task_messages, role=TASK_ROLE)
        self.task_messages.append(output.message)
        self.last_output = output
        turn["answer"] = output.completion
        turn["code"] = extract_python_code(output.completion)
        turn["tokens"]["task"] += _tokens(output)
        turn["seconds"]["task"] = round(turn["seconds"]["task"] + time.monotonic() - start, 4)
        self._save()
        return output.completion

    async def _check(self, turn: dict[str, Any]) -> None:
        """Symbolic Checker, execution and Self-answer Checker for the turn's answer."""
        code = turn["code"]
        if code is not None:
            turn["symbolic"] = analyse_code(code).to_dict()
            turn["execution"] = await _execute(code, self.exec_timeout)
        if self.self_check:
            turn["self_check"] = await self._self_check(turn)
        turn["checked"] = True
        self._save()

    async def _self_check(self, turn: dict[str, Any]) -> dict[str, Any]:
        messages: list[ChatMessage] = [
            *self.task_messages,
            ChatMessageUser(content=prompts.SELF_CHECK_REQUEST),
        ]
        start = time.monotonic()
        output = await ask(self.task, messages, role=TASK_ROLE)
        turn["tokens"]["task"] += _tokens(output)
        turn["seconds"]["task"] = round(turn["seconds"]["task"] + time.monotonic() - start, 4)
        code = extract_python_code(output.completion)
        if code is None:
            return {"verdict": "unknown", "code": None, "stdout": "", "note": "the self-check reply had no program"}
        execution = await _execute(code, self.exec_timeout, "self_check.py")
        return {"verdict": parse_self_check(execution["stdout"]), "code": code, **execution}

    async def run(self) -> None:
        turn = await self._ask_guide()
        if not (await self._ask_task(turn)).strip():
            return self._save("empty_answer")
        for _ in range(self.max_turns):
            await self._check(turn)
            turn = await self._ask_guide()
            if turn["mode"] == prompts.RETURN_ANSWER:
                return self._save("returned")
            if turn["mode"] is None:
                return self._save("guide_unparseable")
            if not (await self._ask_task(turn)).strip():
                return self._save("empty_answer")
        self._save("turn_limit")


@solver(name="codesteer")
def codesteer(max_turns: int = 5, exec_timeout: int = 10, self_check: bool = True, first_mode: str = "code", **unknown: Any) -> Solver:
    """CodeSteer: the ``guide`` role steers the task model over up to ``max_turns`` rounds."""
    check_options("codesteer", unknown, ("max_turns", "exec_timeout", "self_check", "first_mode"))
    turns = int_option("codesteer", "max_turns", max_turns, 0, 20)
    timeout = int_option("codesteer", "exec_timeout", exec_timeout, 1, 600)
    mode = choice_option("codesteer", "first_mode", first_mode, ("code", "text")).capitalize()
    check = choice_option("codesteer", "self_check", self_check, (True, False, "true", "false"))
    check = check in (True, "true")

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        run = _Run(state, turns, timeout, check, mode)
        try:
            await run.run()
        except LimitExceededError:
            raise
        except _SandboxFailure as exc:
            run._save("sandbox_error", str(exc)[:1000])
        except Exception as exc:  # noqa: BLE001 - a model failure is an outcome, not a crash
            run._save("model_error", f"{type(exc).__name__}: {exc}"[:1000])
        state.messages = list(run.task_messages)
        if run.last_output is not None:
            state.output = run.last_output
        return state

    return solve

