"""Offline model providers (Inspect ``@modelapi``): no network, no tokenizer download.

* ``symbench/oracle`` answers every SymBench sample correctly, by writing a Python code
  block that prints ``<<<reference answer>>>`` - so an oracle run goes through the
  scorer's sandbox path. It regenerates the current sample's instance from the id that
  the task's setup step put in the sample store (instances are pure functions of their
  id), so it keeps no table and works under any solver.
* ``symbench/scripted`` replays given outputs: ``-M outputs=TEXT`` (every call answers
  TEXT), a list (one per call, in order) or, from Python, a callable taking the
  message list and returning text.
"""

from __future__ import annotations

import json
import math
from typing import Any, Callable

from inspect_ai.model import ChatMessage, GenerateConfig, ModelAPI, ModelOutput, ModelUsage, modelapi
from inspect_ai.tool import ToolChoice, ToolInfo

from symbench.harness.dataset import current_instance

PROVIDER = "symbench"
MODELS = ("oracle", "scripted")


def approx_tokens(text: str) -> int:
    """A download-free token estimate (about four characters a token)."""
    return max(1, math.ceil(len(text) / 4)) if text else 0


def oracle_program(answer: str) -> str:
    """Python source printing ``<<<answer>>>``; the text itself holds no ``<<<...>>>``."""
    return f'ANSWER = {json.dumps(answer)}\nprint("<" * 3 + ANSWER + ">" * 3)\n'


class SymbenchModel(ModelAPI):
    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),
        outputs: str | list[str] | Callable[[list[ChatMessage]], str] | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [], config)
        if model_name not in MODELS:
            raise ValueError(f"unknown symbench model {model_name!r}; choose one of: " + ", ".join(f"symbench/{m}" for m in MODELS))
        if model_args:
            raise ValueError(f"unknown model argument(s) for symbench/{model_name}: {', '.join(sorted(model_args))}; allowed: outputs")
        if model_name == "oracle" and outputs is not None:
            raise ValueError("symbench/oracle takes no outputs (did you mean symbench/scripted?)")
        if model_name == "scripted":
            if outputs is None:
                raise ValueError("symbench/scripted needs outputs: -M outputs=TEXT, a list, or a callable")
            if not (isinstance(outputs, (str, list)) or callable(outputs)):
                raise ValueError("symbench/scripted outputs must be a string, a list of strings or a callable")
        self._outputs = outputs
        self._calls = 0

    def _scripted(self, messages: list[ChatMessage]) -> str:
        outputs = self._outputs
        if isinstance(outputs, str):
            return outputs
        if callable(outputs):
            return str(outputs(messages))
        assert isinstance(outputs, list)
        if self._calls >= len(outputs):
            raise RuntimeError(f"symbench/scripted ran out of outputs after {len(outputs)} calls")
        text = str(outputs[self._calls])
        self._calls += 1
        return text

    def _oracle(self, messages: list[ChatMessage]) -> str:
        instance = current_instance()
        if instance is None:
            return "I do not know this problem (the oracle only answers inside a SymBench task's samples)."
        return "Here is a program that prints the answer.\n\n```python\n" + oracle_program(instance.answer) + "```\n"

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        text = self._oracle(input) if self.model_name == "oracle" else self._scripted(input)
        output = ModelOutput.from_content(model=f"{PROVIDER}/{self.model_name}", content=text)
        prompt = sum(approx_tokens(m.text) for m in input)
        completion = approx_tokens(text)
        output.usage = ModelUsage(input_tokens=prompt, output_tokens=completion, total_tokens=prompt + completion)
        return output

    async def count_text_tokens(self, text: str) -> int:
        return approx_tokens(text)

    def max_connections(self) -> int:
        return 32


@modelapi(name=PROVIDER)
def symbench_models() -> type[ModelAPI]:
    return SymbenchModel
