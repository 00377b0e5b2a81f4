"""The seams methods build on: injectable solver and scorer, the one executor, the
scripted model keyed by turn, re-scoring a log, task versions in the log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import list_eval_logs, read_eval_log
from inspect_ai.model import get_model
from inspect_ai.scorer import Score, Target, accuracy, scorer
from inspect_ai.solver import Generate, TaskState, chain_of_thought, generate, solver

import symbench._registry  # noqa: F401  (registers sandbox, models, tasks)
from symbench.harness.dataset import current_instance
from symbench.harness.scorer import SCORER_NAME
from symbench.harness.task import inspect_version, symbench_task
from symbench.registry import get_task

INSPECT = str(Path(sys.executable).with_name("inspect"))


def _run(task, model, tmp_path, **kw):
    [log] = inspect_eval(task, model=model, display="none", log_dir=str(tmp_path), **kw)
    assert log.status == "success", log.error
    return log


def test_an_injected_solver_replaces_the_default_and_the_oracle_still_answers(tmp_path):
    log = _run(symbench_task(["game24"], n=5, solver=[chain_of_thought(), generate()]), "symbench/oracle", tmp_path)
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    first_user = log.samples[0].messages[0].text
    assert "ANSWER: $ANSWER" in first_user  # the chain-of-thought template wrapped the question


def test_an_injected_scorer_is_used(tmp_path):
    @scorer(metrics=[accuracy()])
    def always_half():
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=0.5)

        return score

    log = _run(symbench_task(["letters"], n=2, scorer=always_half()), "symbench/oracle", tmp_path)
    assert log.results.scores[0].metrics["accuracy"].value == 0.5


@solver
def two_turns():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state = await generate(state)
        state.messages.append(user_message_text("Are you sure? Give the final answer."))
        return await generate(state)

    return solve


def user_message_text(text):
    from inspect_ai.model import ChatMessageUser

    return ChatMessageUser(content=text)


def test_scripted_outputs_are_chosen_by_turn_under_concurrency(tmp_path):
    model = get_model("symbench/scripted", outputs=["first draft", "<<<wrong>>>"], memoize=False)
    log = _run(symbench_task(["letters"], n=6, solver=two_turns()), model, tmp_path, max_connections=6)
    for sample in log.samples:
        replies = [m.text for m in sample.messages if m.role == "assistant"]
        assert replies == ["first draft", "<<<wrong>>>"]
        assert sample.scores[SCORER_NAME].answer == "wrong"


def test_scripted_mapping_with_default_and_missing_turn():
    from symbench.harness.providers import SymbenchModel

    with pytest.raises(ValueError, match="turn numbers"):
        SymbenchModel("scripted", outputs={"first": "x"})
    with pytest.raises(ValueError, match="non-empty list"):
        SymbenchModel("scripted", outputs=[])


def test_output_printed_before_a_timeout_is_kept(tmp_path):
    program = "```python\nprint('<' * 3 + 'partial' + '>' * 3, flush=True)\nimport time\ntime.sleep(30)\n```"
    log = _run(symbench_task(["game24"], n=1, exec_timeout=1), get_model("symbench/scripted", outputs=program), tmp_path)
    score = log.samples[0].scores[SCORER_NAME]
    execution = score.metadata["execution"]
    assert execution["timed_out"] is True and execution["exit_code"] == 124
    assert "<<<partial>>>" in execution["stdout"]
    assert score.answer == "partial" and score.metadata["verdict"] in ("bad_format", "wrong")
    assert execution["duration_s"] < 10


def test_scores_carry_the_verdict_code(tmp_path):
    outputs = {0: "no answer at all"}

    log = _run(symbench_task(["letters"], n=2), get_model("symbench/scripted", outputs=outputs, memoize=False), tmp_path)
    assert {s.scores[SCORER_NAME].metadata["verdict"] for s in log.samples} == {"no_answer"}
    log = _run(symbench_task(["letters"], n=2), "symbench/oracle", tmp_path)
    assert {s.scores[SCORER_NAME].metadata["verdict"] for s in log.samples} == {"correct"}


def test_the_log_records_task_versions(tmp_path):
    log = _run(symbench_task(["letters"], n=1, name="letters"), "symbench/oracle", tmp_path)
    assert log.eval.task_version == get_task("letters").version
    suite = symbench_task(["letters", "game24"], n=1)
    assert str(suite.version).startswith("suite-")
    assert inspect_version(["letters", "game24"]) == inspect_version(["game24", "letters"])


@pytest.mark.sandbox
def test_inspect_score_rescores_a_log_with_code_answers_twice(tmp_path):
    logs = tmp_path / "logs"
    run = subprocess.run(
        [INSPECT, "eval", "symbench/game24", "--model", "symbench/oracle", "-T", "n=3", "--log-dir", str(logs), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    [info] = list_eval_logs(str(logs))
    source = info.name.removeprefix("file://")
    current = source
    for round_ in (1, 2):
        out = str(tmp_path / f"rescored{round_}.eval")
        rescore = subprocess.run(
            [INSPECT, "score", current, "--action", "overwrite", "--output-file", out, "--display", "none"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
        )
        assert rescore.returncode == 0, (rescore.stdout[-2000:], rescore.stderr[-2000:])
        log = read_eval_log(out)
        assert log.results.scores[0].metrics["accuracy"].value == 1.0
        for sample in log.samples:
            score = sample.scores[SCORER_NAME]
            assert score.metadata["answer_source"] == "code" and score.metadata["execution"]["exit_code"] == 0
        current = out


def test_any_inspect_solver_from_the_command_line(tmp_path):
    run = subprocess.run(
        [INSPECT, "eval", "symbench/game24", "--solver", "chain_of_thought", "--model", "symbench/oracle", "-T", "n=5",
         "--log-dir", str(tmp_path / "logs"), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    [info] = list_eval_logs(str(tmp_path / "logs"))
    log = read_eval_log(info)
    assert log.status == "success" and len(log.samples) == 5
    assert "chain_of_thought" in log.eval.solver


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--model", "symbench/scripted"], "symbench/scripted needs outputs"),
        (["--model", "symbench/scripted", "-M", "outputs=x", "-M", "temperature=1"], "unknown model argument(s)"),
        (["--model", "symbench/oracle", "-T", "complexity="], "-T complexity must be"),
        (["--model", "symbench/oracle", "-T", "complexity=1,9"], "got 1,9"),
    ],
)
def test_bad_model_and_task_arguments_give_one_line(tmp_path, args, fragment):
    run = subprocess.run([INSPECT, "eval", "symbench/letters", *args, "--log-dir", str(tmp_path)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    text = run.stdout + run.stderr
    assert run.returncode != 0
    assert fragment in text, text[-1500:]
    assert "Traceback" not in text


def test_local_sandbox_warns_once_when_the_run_starts(tmp_path):
    run = subprocess.run(
        [INSPECT, "eval", "symbench/letters", "--model", "symbench/oracle", "-T", "n=3", "--sandbox", "local",
         "--log-dir", str(tmp_path), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stderr.count("--sandbox local runs model-written code directly on this machine") == 1
    quiet = subprocess.run(
        [INSPECT, "eval", "symbench/letters", "--model", "symbench/oracle", "-T", "n=1", "--log-dir", str(tmp_path), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert "no isolation" not in quiet.stderr
