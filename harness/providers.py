"""Offline model providers (Inspect ``@modelapi``): no network, no tokenizer download.

* ``symbench/oracle`` answers every SymBench sample correctly, by writing a Python code
  block that prints ``<<<reference answer>>>`` - so an oracle run goes through the
  code executor. It regenerates the current sample's instance from the id that the
  task's setup step put in the sample store (instances are pure functions of their id),
  so it keeps no table and works under any solver. Asked by a method for something other
  than an answer (a CodeSteer guidance, a code/text choice, a self-estimate, a
  self-check, a tool call), it gives that request a well-formed reply.
* ``symbench/scripted`` replays given outputs, chosen by the conversation's turn (the
  number of assistant messages already in the input), so it is deterministic under
  concurrency: ``-M outputs=TEXT`` (every turn), a list (turn 0, 1, ...; the last one
  repeats), a mapping ``{turn: text}`` with an optional ``"*"`` default, or, from
  Python, a callable ``(messages) -> text``.
"""

from __future__ import annotations

import json
import math
from typing import Any, Callable, Mapping

from inspect_ai._util.error import PrerequisiteError  # no public name for Inspect's one-line errors
from inspect_ai.model import ChatMessage, GenerateConfig, ModelAPI, ModelOutput, ModelUsage, modelapi
from inspect_ai.tool import ToolChoice, ToolInfo

from symbench.harness import prompts
from symbench.harness.dataset import current_instance

PROVIDER = "symbench"
MODELS = ("oracle", "scripted")

Outputs = str | list | Mapping | Callable[[list[ChatMessage]], str]


class ModelArgumentError(PrerequisiteError, ValueError):
    """A bad ``-M`` argument of an offline model; Inspect prints it as one line."""

    def __init__(self, message: str) -> None:
        PrerequisiteError.__init__(self, message)
        ValueError.__init__(self, message)

    def __str__(self) -> str:
        return str(self.message)


def approx_tokens(text: str) -> int:
    """A download-free token estimate (about four characters a token)."""
    return max(1, math.ceil(len(text) / 4)) if text else 0


def oracle_program(answer: str) -> str:
    """Python source printing ``<<<answer>>>``; the text itself holds no ``<<<...>>>``."""
    return f'ANSWER = {json.dumps(answer)}\nprint("<" * 3 + ANSWER + ">" * 3)\n'


def oracle_answer(answer: str) -> str:
    return "Here is a program that prints the answer.\n\n```python\n" + oracle_program(answer) + "```\n"


def conversation_turn(messages: list[ChatMessage]) -> int:
    """How many assistant turns the conversation already has (0 for a first question)."""
    return sum(1 for m in messages if m.role == "assistant")


def _check_outputs(outputs: Any) -> Outputs:
    if callable(outputs) or isinstance(outputs, str):
        return outputs
    if isinstance(outputs, list):
        if not outputs or not all(isinstance(o, str) for o in outputs):
            raise ModelArgumentError("symbench/scripted outputs must be a non-empty list of strings (one per turn)")
        return outputs
    if isinstance(outputs, Mapping):
        table: dict[Any, str] = {}
        for key, value in outputs.items():
            if not isinstance(value, str):
                raise ModelArgumentError(f"symbench/scripted outputs[{key!r}] must be a string")
            if key == "*":
                table["*"] = value
            elif isinstance(key, int) and not isinstance(key, bool) and key >= 0 or isinstance(key, str) and key.isdigit():
                table[int(key)] = value
            else:
                raise ModelArgumentError(f"symbench/scripted outputs keys must be turn numbers 0, 1, ... or '*', got {key!r}")
        return table
    raise ModelArgumentError(
        "symbench/scripted outputs must be a string, a list of strings (one per turn), "
        "a mapping {turn: text} or a callable"
    )


class SymbenchModel(ModelAPI):
    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),
        outputs: Any = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [], config)
        if model_name not in MODELS:
            raise ModelArgumentError(
                f"unknown symbench model {model_name!r}; choose one of: " + ", ".join(f"symbench/{m}" for m in MODELS)
            )
        if model_args:
            allowed = "none" if model_name == "oracle" else "outputs"
            raise ModelArgumentError(
                f"unknown model argument(s) for symbench/{model_name}: {', '.join('-M ' + k for k in sorted(model_args))}; allowed: {allowed}"
            )
        if model_name == "oracle" and outputs is not None:
            raise ModelArgumentError("symbench/oracle takes no outputs (did you mean symbench/scripted?)")
        if model_name == "scripted":
            if outputs is None:
                raise ModelArgumentError("symbench/scripted needs outputs: -M outputs=TEXT (or, from Python, a list, mapping or callable)")
            outputs = _check_outputs(outputs)
        self._outputs = outputs

    def _scripted(self, messages: list[ChatMessage]) -> str:
        outputs = self._outputs
        if isinstance(outputs, str):
            return outputs
        if callable(outputs):
            return str(outputs(messages))
        turn = conversation_turn(messages)
        if isinstance(outputs, list):
            return outputs[min(turn, len(outputs) - 1)]
        if turn in outputs:
            return outputs[turn]
        if "*" in outputs:
            return outputs["*"]
        raise RuntimeError(f"symbench/scripted has no output for turn {turn} (and no '*' default)")

    def _oracle(self, messages: list[ChatMessage], tools: list[ToolInfo]) -> str | ModelOutput:
        instance = current_instance()
        if instance is None:
            return "I do not know this problem (the oracle only answers inside a SymBench task's samples)."
        return oracle_reply(messages, tools, instance.answer)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        reply = self._oracle(input, tools) if self.model_name == "oracle" else self._scripted(input)
        if isinstance(reply, ModelOutput):
            output, text = reply, reply.completion + json.dumps([c.arguments for c in reply.message.tool_calls or []])
        else:
            output, text = ModelOutput.from_content(model=f"{PROVIDER}/{self.model_name}", content=reply), reply
        prompt = sum(approx_tokens(m.text) for m in input)
        completion = approx_tokens(text)
        output.usage = ModelUsage(input_tokens=prompt, output_tokens=completion, total_tokens=prompt + completion)
        return output

    async def count_text_tokens(self, text: str) -> int:
        return approx_tokens(text)

    def max_connections(self) -> int:
        return 32


def oracle_reply(messages: list[ChatMessage], tools: list[ToolInfo], answer: str) -> str | ModelOutput:
    """The oracle's reply to whatever the conversation asks of it (see the module docstring)."""
    last = messages[-1] if messages else None
    last_text = last.text if last is not None else ""
    if messages and messages[0].role == "system" and messages[0].text == prompts.GUIDE_SYSTEM:
        if last_text.startswith(prompts.GUIDE_FIRST.split("{", 1)[0]):
            return "Write a program that computes the answer exactly and prints it.\n<<<Code>>>"
        return "The answer is well supported.\n<<<Return Answer>>>"
    if last_text.endswith(prompts.CHOICE_REQUEST):
        return "<<<Code>>>"
    if last_text.endswith(prompts.ESTIMATE_REQUEST):
        return "Code: 9\nText: 3"
    if last_text == prompts.SELF_CHECK_REQUEST:
        return "```python\nprint('<' * 3 + 'Correct' + '>' * 3)\n```\n"
    if any(t.name == "python" for t in tools):
        if last is not None and last.role == "tool":
            return f"The program printed the answer.\n<<<{answer}>>>"
        return ModelOutput.for_tool_call(f"{PROVIDER}/oracle", "python", {"code": oracle_program(answer)})
    if "--- code attempt ---" in last_text:  # a summariser asks for the final answer in text
        return f"Both attempts agree.\n<<<{answer}>>>"
    return oracle_answer(answer)


@modelapi(name=PROVIDER)
def symbench_models() -> type[ModelAPI]:
    return SymbenchModel
