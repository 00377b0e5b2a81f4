"""The CodeSteer loop as small steps, so the solver can run it straight through and the
training data synthesis can fork it at a turn (tree sampling).

:class:`Steering` holds one conversation: the guide's turns (see :mod:`.trajectory`), the
task model's messages and the latest output. ``propose`` asks the guide for a turn,
``accept`` adds it, ``answer`` gets the task model's answer, ``check`` runs the
Symbolic Checker, the program and the Self-answer Checker, and ``continue_from`` runs
all of that to an outcome. ``fork`` copies the conversation for another branch.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Callable

from inspect_ai.model import ChatMessage, ChatMessageAssistant, ChatMessageSystem, ChatMessageUser, GenerateConfig, Model, ModelOutput
from inspect_ai.util import LimitExceededError

from symbench.answer import extract_final_answer, extract_python_code
from symbench.harness import prompts
from symbench.harness.codesteer.checkers import analyse_code, parse_self_check
from symbench.harness.codesteer.trajectory import new_turn
from symbench.harness.codesteer.view import guide_view
from symbench.harness.executor import run_python
from symbench.harness.common import GUIDE_ROLE, TASK_ROLE, ask

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


def to_chat(messages: list[dict[str, str]]) -> list[ChatMessage]:
    kinds = {"system": ChatMessageSystem, "user": ChatMessageUser, "assistant": ChatMessageAssistant}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


def _tokens(output: ModelOutput) -> int:
    return output.usage.total_tokens if output.usage else 0


class SandboxFailure(RuntimeError):
    """Running a program failed for a reason of the sandbox, not of the program."""


async def _execute(code: str, timeout: int, filename: str = "program.py") -> dict[str, Any]:
    try:
        return (await run_python(code, timeout=timeout, filename=filename)).to_dict(cap=2_000)
    except LimitExceededError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as the run's outcome
        raise SandboxFailure(f"{type(exc).__name__}: {exc}") from exc


class Steering:
    def __init__(
        self,
        question: str,
        task: Model,
        guide: Model,
        *,
        max_turns: int,
        exec_timeout: int,
        self_check: bool,
        first_mode: str,
        on_change: Callable[["Steering"], None] | None = None,
    ) -> None:
        self.question = question
        self.task, self.guide = task, guide
        self.max_turns, self.exec_timeout = max_turns, exec_timeout
        self.self_check, self.first_mode = self_check, first_mode
        self.on_change = on_change
        self.turns: list[dict[str, Any]] = []
        self.task_messages: list[ChatMessage] = []
        self.last_output: ModelOutput | None = None
        self.outcome = ""
        self.error = ""

    # ------------------------------------------------------------------ steps
    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)

    @property
    def rounds(self) -> int:
        return sum(1 for t in self.turns if t["checked"])

    def fork(self) -> "Steering":
        twin = copy.copy(self)
        twin.turns = copy.deepcopy(self.turns)
        twin.task_messages = list(self.task_messages)
        twin.on_change = None
        return twin

    async def propose(self, config: GenerateConfig | None = None) -> dict[str, Any]:
        """Ask the guide for the next turn (not yet added)."""
        start = time.monotonic()
        output = await ask(self.guide, to_chat(guide_view(self.question, self.turns)), role=GUIDE_ROLE, config=config)
        text, mode = parse_guidance(output.completion)
        first = not self.turns
        parsed = mode is not None and not (first and mode == prompts.RETURN_ANSWER)
        if first and not parsed:  # the first guidance must pick a mode: the documented default
            mode = self.first_mode
        turn = new_turn(len(self.turns), output.completion, text, mode, parsed)
        turn["tokens"]["guide"] = _tokens(output)
        turn["seconds"]["guide"] = round(time.monotonic() - start, 4)
        return turn

    def accept(self, turn: dict[str, Any]) -> None:
        turn["turn"] = len(self.turns)
        self.turns.append(turn)
        self._changed()

    async def answer(self, turn: dict[str, Any]) -> bool:
        """The task model answers ``turn``'s guidance; False when the answer is empty."""
        suffix = prompts.CODE_COT if turn["mode"] == prompts.CODE else prompts.TEXT_COT
        if not self.task_messages:
            content = prompts.TASK_GUIDED.format(question=self.question, guidance=turn["instruction"]) + suffix
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
        self._changed()
        return bool(output.completion.strip())

    async def check(self, turn: dict[str, Any]) -> None:
        """Symbolic Checker, execution and Self-answer Checker for the turn's answer."""
        code = turn["code"]
        if code is not None:
            turn["symbolic"] = analyse_code(code).to_dict()
            turn["execution"] = await _execute(code, self.exec_timeout)
        if self.self_check:
            turn["self_check"] = await self._self_check(turn)
        turn["checked"] = True
        self._changed()

    async def _self_check(self, turn: dict[str, Any]) -> dict[str, Any]:
        messages: list[ChatMessage] = [*self.task_messages, ChatMessageUser(content=prompts.SELF_CHECK_REQUEST)]
        start = time.monotonic()
        output = await ask(self.task, messages, role=TASK_ROLE)
        turn["tokens"]["task"] += _tokens(output)
        turn["seconds"]["task"] = round(turn["seconds"]["task"] + time.monotonic() - start, 4)
        code = extract_python_code(output.completion)
        if code is None:
            return {"verdict": "unknown", "code": None, "stdout": "", "note": "the self-check reply had no program"}
        execution = await _execute(code, self.exec_timeout, "self_check.py")
        return {"verdict": parse_self_check(execution["stdout"]), "code": code, **execution}

    def finish(self, outcome: str, error: str = "") -> None:
        self.outcome, self.error = outcome, error
        self._changed()

    # ------------------------------------------------------------------ the loop
    async def continue_from(self, turn: dict[str, Any]) -> None:
        """From an accepted, unanswered turn to an outcome."""
        while True:
            if turn["mode"] == prompts.RETURN_ANSWER:
                return self.finish("returned")
            if turn["mode"] is None:
                return self.finish("guide_unparseable")
            if not await self.answer(turn):
                return self.finish("empty_answer")
            if self.rounds >= self.max_turns:
                return self.finish("turn_limit")
            await self.check(turn)
            turn = await self.propose()
            self.accept(turn)

    async def run(self) -> None:
        turn = await self.propose()
        self.accept(turn)
        await self.continue_from(turn)
