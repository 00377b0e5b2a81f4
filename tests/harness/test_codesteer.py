"""Every branch of the CodeSteer loop, with scripted guide and task models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import list_eval_logs, read_eval_log
from inspect_ai.model import get_model

import symbench._registry  # noqa: F401
from symbench.harness import prompts
from symbench.harness.codesteer.solver import codesteer, parse_guidance
from symbench.harness.codesteer.trajectory import read_trajectory, validate_trajectory
from symbench.harness.codesteer.view import guide_view
from symbench.harness.dataset import current_instance
from symbench.harness.providers import oracle_program
from symbench.harness.scorer import SCORER_NAME
from symbench.harness.task import symbench_task

INSPECT = str(Path(sys.executable).with_name("inspect"))


def _model(fn):
    return get_model("symbench/scripted", outputs=fn, memoize=False)


def _guide(*replies):
    """A guide replying ``replies[k]`` to its k-th call (its own turn count)."""
    return _model(lambda messages: replies[min(sum(m.role == "assistant" for m in messages), len(replies) - 1)])


def _task_model(answers, self_check="```python\nprint('<' * 3 + 'Correct' + '>' * 3)\n```"):
    """A task model answering ``answers[k]`` (callables get the instance) to its k-th guidance."""

    def reply(messages):
        if messages[-1].text == prompts.SELF_CHECK_REQUEST:
            return self_check
        k = sum(m.role == "assistant" for m in messages)
        answer = answers[min(k, len(answers) - 1)]
        return answer(current_instance()) if callable(answer) else answer

    return _model(reply)


def right_code(inst):
    return "```python\n" + oracle_program(inst.answer) + "```"


def right_text(inst):
    return f"<<<{inst.answer}>>>"


def _run(task_model, guide, tmp_path, n=1, task="letters", **options):
    [log] = inspect_eval(
        symbench_task([task], n=n, solver=codesteer(**options)),
        model=task_model, model_roles={"guide": guide}, display="none", log_dir=str(tmp_path),
    )
    assert log.status == "success", log.error
    sample = log.samples[0]
    trajectory = read_trajectory(sample.store)
    validate_trajectory(trajectory)
    return sample, trajectory


def test_code_path_runs_the_program_and_both_checkers(tmp_path):
    sample, traj = _run(_task_model([right_code]), _guide("Write a search. <<<Code>>>", "Good. <<<Return Answer>>>"), tmp_path)
    assert traj["outcome"] == "returned"
    assert [t["mode"] for t in traj["turns"]] == ["Code", "Return Answer"]
    first = traj["turns"][0]
    assert first["execution"]["exit_code"] == 0 and "<<<" in first["execution"]["stdout"]
    assert first["symbolic"]["prints_constant_only"] is True
    assert first["self_check"]["verdict"] == "correct"
    assert first["tokens"]["guide"] > 0 and first["tokens"]["task"] > 0
    assert sample.scores[SCORER_NAME].value == 1.0
    # the task model saw the guidance and the code instruction
    assert "Write a search." in sample.messages[0].text and sample.messages[0].text.endswith(prompts.CODE_COT)


def test_text_path_and_the_guide_sees_the_round(tmp_path):
    views = []

    def guide(messages):
        views.append([(m.role, m.text) for m in messages])
        return "Reason it out. <<<Text>>>" if len(views) == 1 else "<<<Return Answer>>>"

    sample, traj = _run(_task_model([right_text]), _model(guide), tmp_path)
    assert traj["outcome"] == "returned" and traj["turns"][0]["mode"] == "Text"
    assert traj["turns"][0]["code"] is None and traj["turns"][0]["execution"] is None
    assert sample.messages[0].text.endswith(prompts.TEXT_COT)
    second_view = views[1]
    assert second_view[0] == ("system", prompts.GUIDE_SYSTEM)
    assert second_view[-1][0] == "user" and "Round 1 result" in second_view[-1][1]
    assert sample.scores[SCORER_NAME].value == 1.0


def test_a_switch_from_text_to_code(tmp_path):
    sample, traj = _run(
        _task_model(["I think <<<wrong>>>", right_code]),
        _guide("<<<Text>>>", "The self-check failed; compute it. <<<Code>>>", "<<<Return Answer>>>"),
        tmp_path,
    )
    assert [t["mode"] for t in traj["turns"]] == ["Text", "Code", "Return Answer"]
    assert traj["turns"][1]["instruction"] == "The self-check failed; compute it."
    assert sample.scores[SCORER_NAME].value == 1.0
    assert sample.messages[-2].text.startswith("Guidance for your next attempt: The self-check failed")


def test_the_turn_limit_ends_the_loop(tmp_path):
    sample, traj = _run(_task_model(["<<<wrong>>>"]), _guide("<<<Code>>>"), tmp_path, max_turns=2)
    assert traj["outcome"] == "turn_limit"
    assert sum(t["answer"] is not None for t in traj["turns"]) == 3
    assert sum(m.role == "assistant" for m in sample.messages) == 3


def test_malformed_guidance_uses_the_default_first_and_ends_the_loop_later(tmp_path):
    sample, traj = _run(_task_model(["<<<wrong>>>", right_text]), _guide("no marker here", "still none"), tmp_path, first_mode="text")
    first, second = traj["turns"]
    assert first["guidance_parsed"] is False and first["mode"] == "Text"
    assert second["mode"] is None and traj["outcome"] == "guide_unparseable"
    assert sample.scores[SCORER_NAME].answer == "wrong"  # the latest answer is kept


def test_an_empty_answer_ends_the_loop(tmp_path):
    sample, traj = _run(_task_model(["   "]), _guide("<<<Code>>>"), tmp_path)
    assert traj["outcome"] == "empty_answer"
    assert sample.scores[SCORER_NAME].metadata["verdict"] == "no_answer"


def test_a_sandbox_timeout_is_recorded_and_the_loop_goes_on(tmp_path):
    slow = "```python\nimport time\nprint('started', flush=True)\ntime.sleep(30)\n```"
    sample, traj = _run(_task_model([slow, right_text]), _guide("<<<Code>>>", "Too slow. <<<Text>>>", "<<<Return Answer>>>"),
                        tmp_path, exec_timeout=1, self_check=False)
    execution = traj["turns"][0]["execution"]
    assert execution["timed_out"] is True and "started" in execution["stdout"]
    assert traj["turns"][0]["self_check"] is None
    assert traj["outcome"] == "returned" and sample.scores[SCORER_NAME].value == 1.0


def test_a_model_error_is_an_outcome_not_a_crash(tmp_path):
    def broken(messages):
        raise RuntimeError("the guide's API is down")

    sample, traj = _run(_task_model([right_code]), _model(broken), tmp_path)
    assert traj["outcome"] == "model_error" and "API is down" in traj["error"]
    assert sample.scores[SCORER_NAME].metadata["verdict"] == "no_answer"


def test_guide_view_is_the_function_the_solver_uses(tmp_path):
    seen = []

    def guide(messages):
        seen.append([{"role": m.role, "content": m.text} for m in messages])
        return "<<<Code>>>" if len(seen) == 1 else "<<<Return Answer>>>"

    sample, traj = _run(_task_model([right_code]), _model(guide), tmp_path)
    # rebuilt from the logged trajectory, the guide's second view is exactly what it saw
    assert guide_view(traj["question"], traj["turns"][:1]) == seen[1]
    assert guide_view(traj["question"], [])[-1]["content"] == prompts.GUIDE_FIRST.format(question=traj["question"])


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("Use a search.\n<<<Code>>>", ("Use a search.", "Code")),
        ("think <<< text >>>", ("think", "Text")),
        ("<<<return   answer>>>", ("", "Return Answer")),
        ("Use code. <<<Python>>>", ("Use code. <<<Python>>>", None)),
        ("", ("", None)),
    ],
)
def test_parse_guidance(reply, expected):
    assert parse_guidance(reply) == expected


def test_codesteer_with_another_guide_model_from_the_command_line(tmp_path):
    guide = '{model: symbench/scripted, model_args: {outputs: "Compute it exactly. <<<Code>>>"}}'
    run = subprocess.run(
        [INSPECT, "eval", "symbench/game24", "--solver", "symbench/codesteer", "-S", "max_turns=1", "--model", "symbench/oracle",
         "--model-role", f"guide={guide}", "-T", "n=5", "--log-dir", str(tmp_path), "--display", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    log = read_eval_log(list_eval_logs(str(tmp_path))[0])
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert "guide" in (log.eval.model_roles or {})
    traj = read_trajectory(log.samples[0].store)
    validate_trajectory(traj)
    assert traj["outcome"] == "turn_limit" and traj["turns"][0]["instruction"] == "Compute it exactly."
