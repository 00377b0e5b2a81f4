"""``symbench/code_interpreter``: a tool loop with a Python tool ("Code Interpreter").

The tool is an Inspect ``@tool`` over the one executor, so its programs run in the
task's sandbox (the SymBench jail by default) with the same limits as the scorer's.
Inspect's own machinery carries the tool calls (``model.generate(tools=...)`` and
``execute_tools``); nothing here parses tool calls from text. The loop stops when the
model answers without calling the tool, or after ``max_turns`` model calls, when it is
asked once more for its final answer without tools.
"""

from __future__ import annotations

from typing import Any

from inspect_ai.model import ChatMessage, ChatMessageSystem, ChatMessageUser, execute_tools
from inspect_ai.solver import Generate, Solver, TaskState, solver
from inspect_ai.tool import Tool, tool

from symbench.harness import prompts
from symbench.harness.executor import run_python
from symbench.harness.common import ask, check_options, describe_execution, int_option, task_model


@tool(name="python")
def python_tool(timeout: int = 10) -> Tool:
    async def execute(code: str) -> str:
        """Run a Python program (the standard library, numpy and sympy) and return what it printed.

        Args:
            code: The complete Python program to run. Print every result you need.
        """
        execution = await run_python(code, timeout=timeout, filename="tool_program.py")
        return describe_execution(execution)

    return execute


@solver(name="code_interpreter")
def code_interpreter(max_turns: int = 5, exec_timeout: int = 10, **unknown: Any) -> Solver:
    """Tool loop with a Python tool in the sandbox, at most ``max_turns`` model calls."""
    check_options("code_interpreter", unknown, ("max_turns", "exec_timeout"))
    turns = int_option("code_interpreter", "max_turns", max_turns, 1, 50)
    timeout = int_option("code_interpreter", "exec_timeout", exec_timeout, 1, 600)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        model = task_model()
        tools = [python_tool(timeout=timeout)]
        messages: list[ChatMessage] = [
            ChatMessageSystem(content=prompts.INTERPRETER_SYSTEM),
            ChatMessageUser(content=state.input_text),
        ]
        output = None
        for _ in range(turns):
            output = await ask(model, messages, tools=tools)
            messages.append(output.message)
            if not output.message.tool_calls:
                break
            result = await execute_tools(messages, tools)
            messages.extend(result.messages)
        else:
            messages.append(ChatMessageUser(content=prompts.INTERPRETER_LIMIT))
            output = await ask(model, messages)
            messages.append(output.message)
        state.messages = messages
        state.output = output
        return state

    return solve
