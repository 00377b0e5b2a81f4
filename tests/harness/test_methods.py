"""The single-model methods, driven by offline models (oracle and scripted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import list_eval_logs, read_eval_log
from inspect_ai.model import ModelOutput, get_model

import symbench._registry  # noqa: F401
from symbench.harness import prompts
from symbench.harness.dataset import current_instance
from symbench.harness.methods import METHODS
from symbench.harness.methods.baselines import parse_estimate, parse_mode
from symbench.harness.common import MethodOptionError
from symbench.harness.providers import oracle_program
from symbench.harness.scorer import SCORER_NAME
from symbench.harness.task import symbench_task

INSPECT = str(Path(sys.executable).with_name("inspect"))
PAPER_METHODS = [
    "only_question", "text_cot", "code_cot", "assistant_prompt", "code_text_choice", "code_text_sum1",
    "code_text_sum2", "code_interpreter", "symbolic_agent", "self_estimate", "codesteer",
]


def _run(solver, model, tmp_path, task="letters", n=2, **kw):
    [log] = inspect_eval(symbench_task([task], n=n, solver=solver), model=model, display="none", log_dir=str(tmp_path), **kw)
    assert log.status == "success", log.error
    return log


def _scripted(fn):
    return get_model("symbench/scripted", outputs=fn, memoize=False)


def _right():
    return f"<<<{current_instance().answer}>>>"


def test_every_paper_method_is_registered():
    assert sorted(METHODS) == sorted(PAPER_METHODS)


@pytest.mark.parametrize("method", PAPER_METHODS)
def test_each_method_runs_from_the_inspect_cli_with_the_oracle(method, tmp_path):
    run = subprocess.run(
        [INSPECT, "eval", "symbench/game24", "--solver", f"symbench/{method}", "--model", "symbench/oracle", "-T", "n=5",
         "--log-dir", str(tmp_path), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    log = read_eval_log(list_eval_logs(str(tmp_path))[0])
    assert log.status == "success" and log.eval.solver == f"symbench/{method}"
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    usage = log.samples[0].store["symbench:usage"]
    assert usage["roles"]["task"]["calls"] >= 1 and usage["roles"]["task"]["total_tokens"] > 0


def test_text_cot_and_code_cot_send_their_instructions(tmp_path):
    seen = []

    def model(messages):
        seen.append(messages[-1].text)
        return _right()

    _run(METHODS["text_cot"](), _scripted(model), tmp_path, n=1)
    _run(METHODS["code_cot"](), _scripted(model), tmp_path, n=1)
    assert seen[0].endswith(prompts.TEXT_COT) and seen[1].endswith(prompts.CODE_COT)


def test_assistant_prompt_puts_a_system_message_first(tmp_path):
    log = _run(METHODS["assistant_prompt"](), _scripted(lambda m: _right()), tmp_path, n=1)
    first = log.samples[0].messages[0]
    assert first.role == "system" and first.text == prompts.ASSISTANT_SYSTEM


@pytest.mark.parametrize("reply, expected", [("<<<Code>>>", "Code"), ("I pick <<<text>>>", "Text"), ("<<<both>>>", None), ("code", None)])
def test_parse_mode(reply, expected):
    assert parse_mode(reply) == expected


def test_code_text_choice_follows_the_choice_and_falls_back_when_unparseable(tmp_path):
    def model(messages):
        if messages[-1].text.endswith(prompts.CHOICE_REQUEST):
            return "<<<Text>>>"
        return _right()

    log = _run(METHODS["code_text_choice"](), _scripted(model), tmp_path, n=2, task="letters")
    for sample in log.samples:
        follow_up = [m.text for m in sample.messages if m.role == "user"][-1]
        assert sample.store["symbench:method"] == {"choice": "Text", "choice_parsed": True}
        assert follow_up == prompts.CHOSEN_TEXT
        assert sample.scores[SCORER_NAME].value == 1.0

    log = _run(METHODS["code_text_choice"](), _scripted(lambda m: "hmm" if m[-1].text.endswith(prompts.CHOICE_REQUEST) else _right()), tmp_path, n=1)
    method = log.samples[0].store["symbench:method"]
    assert method == {"choice": "Code", "choice_parsed": False}


@pytest.mark.parametrize(
    "reply, expected",
    [("Code: 7\nText: 3", {"Code": 7, "Text": 3}), ("text = 10\ncode: 2", {"Code": 2, "Text": 10}), ("Code: 11\nText: 3", None), ("Code: 5", None)],
)
def test_parse_estimate(reply, expected):
    assert parse_estimate(reply) == expected


def test_self_estimate_uses_the_higher_score(tmp_path):
    def model(messages):
        if messages[-1].text.endswith(prompts.ESTIMATE_REQUEST):
            return "Code: 2\nText: 8"
        return _right()

    log = _run(METHODS["self_estimate"](), _scripted(model), tmp_path, n=1)
    sample = log.samples[0]
    assert sample.store["symbench:method"]["choice"] == "Text"
    assert [m.text for m in sample.messages if m.role == "user"][-1] == prompts.CHOSEN_TEXT


@pytest.mark.parametrize("method, shows_output", [("code_text_sum1", False), ("code_text_sum2", True)])
def test_summarisers_see_both_attempts_and_sum2_the_output(method, shows_output, tmp_path):
    requests = []

    def model(messages):
        last = messages[-1].text
        if last.endswith(prompts.TEXT_COT):
            return "text attempt says <<<nope>>>"
        if last.endswith(prompts.CODE_COT):
            return "```python\nprint('OUTPUT-MARK')\n```"
        requests.append(last)
        return _right()

    log = _run(METHODS[method](), _scripted(model), tmp_path, n=1)
    [request] = requests
    assert "text attempt says <<<nope>>>" in request and "print('OUTPUT-MARK')" in request
    assert ("OUTPUT-MARK\n" in request.split("--- output of the program ---")[-1]) is shows_output
    assert log.samples[0].scores[SCORER_NAME].value == 1.0


def test_symbolic_agent_revises_after_seeing_the_output_and_stops_at_max_turns(tmp_path):
    def model(messages):
        turn = sum(m.role == "assistant" for m in messages)
        if turn == 0:
            return "```python\nprint('first try')\n```"
        assert "first try" in messages[-1].text  # it saw its program's output
        return _right()

    log = _run(METHODS["symbolic_agent"](), _scripted(model), tmp_path, n=1)
    assert log.samples[0].store["symbench:method"]["turns"] == 2
    assert log.samples[0].scores[SCORER_NAME].value == 1.0

    always_code = _scripted(lambda m: "```python\nprint('again')\n```")
    log = _run(METHODS["symbolic_agent"](max_turns=3), always_code, tmp_path, n=1)
    assert log.samples[0].store["symbench:method"]["turns"] == 3


def test_code_interpreter_runs_tool_calls_in_the_sandbox_and_asks_for_an_answer_at_the_limit(tmp_path):
    def model(messages):
        return ModelOutput.for_tool_call("symbench/scripted", "python", {"code": oracle_program(current_instance().answer)})

    def final(messages):
        if messages[-1].role == "user" and messages[-1].text == prompts.INTERPRETER_LIMIT:
            tool_outputs = [m.text for m in messages if m.role == "tool"]
            assert tool_outputs and "<<<" in tool_outputs[-1]  # the tool really ran the program
            return _right()
        return model(messages)

    log = _run(METHODS["code_interpreter"](max_turns=2), _scripted(final), tmp_path, n=1)
    sample = log.samples[0]
    assert sum(m.role == "tool" for m in sample.messages) == 2
    assert sample.messages[-2].text == prompts.INTERPRETER_LIMIT
    assert sample.scores[SCORER_NAME].value == 1.0


@pytest.mark.parametrize(
    "method, options, fragment",
    [
        ("code_interpreter", {"max_turns": 0}, "-S max_turns must be a whole number from 1 to 50, got 0"),
        ("symbolic_agent", {"exec_timeout": "x"}, "-S exec_timeout"),
        ("code_text_choice", {"default": "maybe"}, "-S default must be one of code, text, got maybe"),
        ("text_cot", {"temperature": 1}, "unknown option(s) -S temperature"),
        ("codesteer", {"first_mode": "both"}, "-S first_mode"),
    ],
)
def test_bad_solver_options_are_one_line_errors(method, options, fragment):
    with pytest.raises(MethodOptionError) as info:
        METHODS[method](**options)
    assert fragment in str(info.value)


def test_a_bad_solver_option_on_the_command_line_gives_one_line(tmp_path):
    run = subprocess.run(
        [INSPECT, "eval", "symbench/letters", "--solver", "symbench/code_interpreter", "-S", "max_turns=0",
         "--model", "symbench/oracle", "--log-dir", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode != 0
    assert "-S max_turns must be" in run.stdout + run.stderr and "Traceback" not in run.stdout + run.stderr
