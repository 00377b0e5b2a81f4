"""The paper's single-model methods as Inspect solvers (``--solver symbench/<name>``).

Every one leaves the final answer in the last assistant message, for the unchanged
SymBench scorer: a ``<<<...>>>`` in text, or a Python program that prints one.
Wording comes from :mod:`symbench.harness.prompts`; cost is recorded per role.
"""

from __future__ import annotations

import re
from typing import Any

from inspect_ai.model import ChatMessage, ChatMessageSystem, ChatMessageUser
from inspect_ai.solver import Generate, Solver, TaskState, solver

from symbench.answer import extract_final_answer, extract_python_code
from symbench.harness import prompts
from symbench.harness.executor import run_python
from symbench.harness.methods.common import ask, check_options, choice_option, describe_execution, int_option, task_model

METHOD_STORE_KEY = "symbench:method"


def _question(state: TaskState) -> str:
    return state.input_text


def _note(**fields: Any) -> None:
    """Record what a method decided (a choice, a fallback) in the sample store."""
    from inspect_ai.util import store

    data = dict(store().get(METHOD_STORE_KEY) or {})
    data.update(fields)
    store().set(METHOD_STORE_KEY, data)


async def _answer(state: TaskState, messages: list[ChatMessage], before: list[ChatMessage] | None = None) -> TaskState:
    """Ask the task model; the transcript becomes ``before`` + ``messages`` + the reply,
    which is the output the scorer judges."""
    output = await ask(task_model(), messages)
    state.messages = list(before or []) + messages + [output.message]
    state.output = output
    return state


def _with_suffix(state: TaskState, suffix: str) -> list[ChatMessage]:
    return [ChatMessageUser(content=_question(state) + suffix)]


@solver(name="only_question")
def only_question(**unknown: Any) -> Solver:
    """The question alone, one call (the paper's "Only Question"; the tasks' default)."""
    check_options("only_question", unknown, ())

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await _answer(state, [ChatMessageUser(content=_question(state))])

    return solve


@solver(name="text_cot")
def text_cot(**unknown: Any) -> Solver:
    """Reason step by step in text, no code ("All Text + CoT")."""
    check_options("text_cot", unknown, ())

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await _answer(state, _with_suffix(state, prompts.TEXT_COT))

    return solve


@solver(name="code_cot")
def code_cot(**unknown: Any) -> Solver:
    """Reason, then answer with one program that prints the answer ("All Code + CoT")."""
    check_options("code_cot", unknown, ())

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await _answer(state, _with_suffix(state, prompts.CODE_COT))

    return solve


@solver(name="assistant_prompt")
def assistant_prompt(**unknown: Any) -> Solver:
    """A coding-assistant system prompt before the question, one turn ("AutoGen Conca.")."""
    check_options("assistant_prompt", unknown, ())

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await _answer(state, [ChatMessageSystem(content=prompts.ASSISTANT_SYSTEM), ChatMessageUser(content=_question(state))])

    return solve


def parse_mode(text: str) -> str | None:
    """``Code`` or ``Text`` from a reply's last ``<<<...>>>`` (any case), else None."""
    found = extract_final_answer(text or "")
    if found is None:
        return None
    word = found.strip().strip("'\"").lower()
    return {"code": prompts.CODE, "text": prompts.TEXT}.get(word)


@solver(name="code_text_choice")
def code_text_choice(default: str = "code", **unknown: Any) -> Solver:
    """The model first picks <<<Code>>> or <<<Text>>>, then answers with that prompt
    ("Code/Text Choice"). An unparseable choice falls back to ``default`` (recorded)."""
    check_options("code_text_choice", unknown, ("default",))
    fallback = choice_option("code_text_choice", "default", default, ("code", "text"))

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        first = [ChatMessageUser(content=_question(state) + prompts.CHOICE_REQUEST)]
        reply = await ask(task_model(), first)
        mode = parse_mode(reply.completion)
        _note(choice=mode or fallback.capitalize(), choice_parsed=mode is not None)
        mode = mode or fallback.capitalize()
        follow = prompts.CHOSEN_CODE if mode == prompts.CODE else prompts.CHOSEN_TEXT
        return await _answer(state, first + [reply.message, ChatMessageUser(content=follow)])

    return solve


_SCORE_RE = re.compile(r"^\s*(code|text)\s*[:=]\s*([0-9]{1,2})\b", re.IGNORECASE | re.MULTILINE)


def parse_estimate(text: str) -> dict[str, int] | None:
    """``{"Code": a, "Text": b}`` from a ``Code: a`` / ``Text: b`` reply (0-10), else None."""
    found: dict[str, int] = {}
    for word, number in _SCORE_RE.findall(text or ""):
        value = int(number)
        if 0 <= value <= 10:
            found.setdefault(word.capitalize(), value)
    return found if set(found) == {prompts.CODE, prompts.TEXT} else None


@solver(name="self_estimate")
def self_estimate(default: str = "code", **unknown: Any) -> Solver:
    """The model scores how well code and text would each work; the higher one is used
    (a tie or an unparseable reply uses ``default``, recorded)."""
    check_options("self_estimate", unknown, ("default",))
    fallback = choice_option("self_estimate", "default", default, ("code", "text"))

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        first = [ChatMessageUser(content=_question(state) + prompts.ESTIMATE_REQUEST)]
        reply = await ask(task_model(), first)
        scores = parse_estimate(reply.completion)
        if scores is None or scores[prompts.CODE] == scores[prompts.TEXT]:
            mode = fallback.capitalize()
        else:
            mode = max(scores, key=lambda k: scores[k])
        _note(estimate=scores, choice=mode, choice_parsed=scores is not None)
        follow = prompts.CHOSEN_CODE if mode == prompts.CODE else prompts.CHOSEN_TEXT
        return await _answer(state, first + [reply.message, ChatMessageUser(content=follow)])

    return solve


def _code_text_summary(method: str, show_output: bool, exec_timeout: Any, unknown: dict[str, Any]) -> Solver:
    check_options(method, unknown, ("exec_timeout",))
    timeout = int_option(method, "exec_timeout", exec_timeout, 1, 600)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        model = task_model()
        text_msgs = _with_suffix(state, prompts.TEXT_COT)
        code_msgs = _with_suffix(state, prompts.CODE_COT)
        text_reply = await ask(model, text_msgs)
        code_reply = await ask(model, code_msgs)
        execution_text = ""
        if show_output:
            code = extract_python_code(code_reply.completion)
            execution = await run_python(code, timeout=timeout) if code else None
            execution_text = "\n--- output of the program ---\n" + describe_execution(execution) + "\n"
            _note(summary_execution=execution.to_dict() if execution else None)
        request = prompts.SUMMARY_REQUEST.format(
            output_note=prompts.SUMMARY_OUTPUT_NOTE if show_output else "",
            text_answer=text_reply.completion.strip(),
            code_answer=code_reply.completion.strip(),
            execution=execution_text,
        )
        transcript = text_msgs + [text_reply.message] + code_msgs + [code_reply.message]
        return await _answer(state, [ChatMessageUser(content=_question(state)), ChatMessageUser(content=request)], before=transcript)

    return solve


@solver(name="code_text_sum1")
def code_text_sum1(exec_timeout: int = 10, **unknown: Any) -> Solver:
    """A text answer and a code answer, then the model gives the final answer from both
    ("Code + Text + Sum.1")."""
    return _code_text_summary("code_text_sum1", False, exec_timeout, unknown)


@solver(name="code_text_sum2")
def code_text_sum2(exec_timeout: int = 10, **unknown: Any) -> Solver:
    """As Sum.1, and the summary also sees the code's executed output ("Code + Text + Sum.2")."""
    return _code_text_summary("code_text_sum2", True, exec_timeout, unknown)


@solver(name="symbolic_agent")
def symbolic_agent(max_turns: int = 3, exec_timeout: int = 10, **unknown: Any) -> Solver:
    """Steered to symbolic computation; after seeing its program's output it may revise,
    up to ``max_turns`` model calls ("Symbolic Agent")."""
    check_options("symbolic_agent", unknown, ("max_turns", "exec_timeout"))
    turns = int_option("symbolic_agent", "max_turns", max_turns, 1, 20)
    timeout = int_option("symbolic_agent", "exec_timeout", exec_timeout, 1, 600)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        messages: list[ChatMessage] = _with_suffix(state, prompts.SYMBOLIC_AGENT)
        for turn in range(turns):
            state = await _answer(state, messages)
            messages = list(state.messages)
            text = state.output.completion
            code = extract_python_code(text)
            if extract_final_answer(text) is not None or code is None or turn == turns - 1:
                break
            execution = await run_python(code, timeout=timeout)
            messages.append(ChatMessageUser(content=prompts.SYMBOLIC_FOLLOW_UP.format(execution=describe_execution(execution))))
        _note(turns=sum(1 for m in state.messages if m.role == "assistant"))
        return state

    return solve
