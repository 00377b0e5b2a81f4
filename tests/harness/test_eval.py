"""Inspect end to end with the offline models (oracle, scripted) and the jailed sandbox."""

from __future__ import annotations

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.model import get_model

import symbench._registry  # noqa: F401  (registers sandbox, models, tasks)
from symbench.harness.dataset import current_instance
from symbench.harness.scorer import SCORER_NAME as SCORER
from symbench.harness.task import TaskParameterError, symbench_suite, symbench_task

PILOTS = ["game24", "blocksworld", "string_insertion"]


def _run(task, model, **kw):
    [log] = inspect_eval(task, model=model, display="none", log_dir=kw.pop("log_dir"), **kw)
    assert log.status == "success", log.error
    return log


def _metrics(log):
    return {k: v.value for k, v in log.results.scores[0].metrics.items()}


@pytest.mark.parametrize("name", PILOTS)
def test_oracle_scores_one_through_the_sandbox(name, tmp_path):
    log = _run(symbench_task([name], n=10, name=name), "symbench/oracle", log_dir=str(tmp_path))
    metrics = _metrics(log)
    assert metrics["accuracy"] == 1.0
    assert {f"complexity_{i}" for i in range(1, 6)} <= set(metrics)
    assert log.eval.sandbox.type == "symbench"
    for sample in log.samples:
        score = sample.scores[SCORER]
        assert score.value == 1.0
        assert score.metadata["answer_source"] == "code"  # the oracle answers with a program
        assert score.metadata["execution"]["exit_code"] == 0
        assert score.metadata["execution"]["duration_s"] > 0


@pytest.mark.parametrize("name", PILOTS)
def test_wrong_scripted_answers_score_zero(name, tmp_path):
    log = _run(symbench_task([name], n=5, name=name), get_model("symbench/scripted", outputs="The answer is <<<ABC wrong>>>"), log_dir=str(tmp_path))
    assert _metrics(log)["accuracy"] == 0.0
    for sample in log.samples:
        score = sample.scores[SCORER]
        assert score.value == 0.0 and score.answer == "ABC wrong" and score.metadata["reason"]


def test_reference_answers_as_text_score_one(tmp_path):
    """The scripted model answers each sample with its reference inside <<< >>> (text path)."""
    def respond(messages):
        return f"Thinking...\n<<<{current_instance().answer}>>>"

    log = _run(symbench_task(["string_insertion", "game24"], n=4), get_model("symbench/scripted", outputs=respond, memoize=False), log_dir=str(tmp_path))
    assert _metrics(log)["accuracy"] == 1.0
    assert all(s.scores[SCORER].metadata["answer_source"] == "text" for s in log.samples)


def test_missing_answer_and_failing_code_score_zero_with_reasons(tmp_path):
    outputs = [
        "I could not solve it.",
        "```python\nprint('no brackets here')\n```",
        "```python\nwhile True:\n    pass\n```",
    ]

    def by_index(messages):  # one output per sample, whatever order they run in
        return outputs[current_instance().index]

    log = _run(symbench_task(["string_insertion"], n=3, complexity=1, exec_timeout=1), get_model("symbench/scripted", outputs=by_index, memoize=False), log_dir=str(tmp_path))
    assert _metrics(log)["accuracy"] == 0.0
    scores = [s.scores[SCORER] for s in log.samples]
    assert all(sc.metadata["reason"].startswith("no final answer") for sc in scores)
    executions = sorted((sc.metadata["execution"] is not None, bool(sc.metadata["execution"] and sc.metadata["execution"]["timed_out"])) for sc in scores)
    assert executions == [(False, False), (True, False), (True, True)]


def test_code_that_times_out_is_recorded(tmp_path):
    log = _run(
        symbench_task(["game24"], n=1, exec_timeout=1),
        get_model("symbench/scripted", outputs="```python\nimport time\ntime.sleep(30)\nprint('<' * 3 + '1' + '>' * 3)\n```"),
        log_dir=str(tmp_path),
    )
    score = log.samples[0].scores[SCORER]
    assert score.value == 0.0
    assert score.metadata["execution"]["timed_out"] is True
    assert score.metadata["execution"]["duration_s"] < 10


def test_suite_runs_and_groups_by_task(tmp_path):
    log = _run(symbench_suite(tasks="game24,string_insertion", n=3), "symbench/oracle", log_dir=str(tmp_path))
    metrics = _metrics(log)
    assert metrics["accuracy"] == 1.0
    assert metrics["game24"] == 1.0 and metrics["string_insertion"] == 1.0
    assert len(log.samples) == 6


def test_suite_split_selects_tasks():
    from symbench.registry import all_tasks

    unseen = symbench_suite(split="unseen", n=1)
    tasks_in = {s.metadata["task"] for s in unseen.dataset}
    assert tasks_in == {n for n, t in all_tasks().items() if t.split == "unseen"}


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"n": 0}, "-T n must be a whole number from 1 to 100000, got 0"),
        ({"n": "many"}, "-T n"),
        ({"complexity": 6}, "-T complexity must be 'all', a level 1-5"),
        ({"complexity": ""}, "got an empty value"),
        ({"complexity": [1, 9]}, "got 1,9"),
        ({"complexity": "hard"}, "-T complexity"),
        ({"seed": -1}, "-T seed"),
        ({"split": "both"}, "-T split must be one of seen, unseen, all"),
        ({"tasks": "game24,nope"}, "unknown task(s) nope"),
        ({"temperature": 1}, "unknown parameter(s) -T temperature"),
    ],
)
def test_bad_task_parameters_fail_before_any_model_call(kwargs, fragment):
    with pytest.raises(TaskParameterError) as info:
        symbench_suite(**kwargs)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_bad_model_arguments_are_reported():
    with pytest.raises(ValueError, match="needs outputs"):
        get_model("symbench/scripted")
    with pytest.raises(ValueError, match="unknown symbench model"):
        get_model("symbench/gpt5")


def test_inspect_cli_runs_a_symbench_task_from_any_folder(tmp_path):
    """The entry point makes `inspect eval symbench/<task>` work after install, anywhere."""
    import subprocess
    import sys
    from pathlib import Path

    from inspect_ai.log import list_eval_logs, read_eval_log

    inspect_exe = str(Path(sys.executable).with_name("inspect"))
    out = subprocess.run(
        [inspect_exe, "eval", "symbench/game24", "--model", "symbench/oracle", "-T", "n=20", "--log-dir", str(tmp_path / "logs"), "--display", "plain"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    [info] = list_eval_logs(str(tmp_path / "logs"))
    log = read_eval_log(info)
    assert log.eval.sandbox.type == "symbench"
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert len(log.samples) == 20

    bad = subprocess.run(
        [inspect_exe, "eval", "symbench/game24", "--model", "symbench/oracle", "-T", "complexity=9", "--log-dir", str(tmp_path / "bad")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert bad.returncode != 0
    assert "-T complexity must be" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr
