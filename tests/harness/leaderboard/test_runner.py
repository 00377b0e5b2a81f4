"""``symbench run SUITE``: eval_set per (model, method), resume after an interruption, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from inspect_ai.log import list_eval_logs, read_eval_log

from symbench.cli import main
from symbench.harness.leaderboard.logs import read_rows

COUNTING_MODEL = '''
import os, signal
from symbench.harness.dataset import current_instance

def answer(messages):
    instance = current_instance()
    with open(os.environ["COUNT_FILE"], "a") as fh:
        fh.write(instance.id + "\\n")
    stop = int(os.environ.get("STOP_AFTER", "0"))
    if stop:
        with open(os.environ["COUNT_FILE"]) as fh:
            if sum(1 for _ in fh) == stop:
                os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle of the run
    return f"<<<{instance.answer}>>>"

def broken(messages):
    raise RuntimeError("connection refused by the model server")
'''


def _suite_file(tmp_path: Path, realtime: bool, function: str = "answer") -> Path:
    (tmp_path / "counting_model.py").write_text(COUNTING_MODEL)
    suite = tmp_path / "resume.yaml"
    suite.write_text(textwrap.dedent(f"""
        name: resume
        tasks: [letters, number_multiply]
        n: 6
        methods: [only_question]
        models:
          - model: symbench/scripted
            label: counting
            args: {{outputs: {{callable: "counting_model:{function}"}}}}
        generate: {{max_connections: 1}}
        eval: {{max_tasks: 1, log_realtime: {str(realtime).lower()}, retry_attempts: 0}}
    """))
    return suite


def _cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(tmp_path), "COUNT_FILE": str(tmp_path / "calls.txt"), **env}
    return subprocess.run([sys.executable, "-m", "symbench.cli", *args], capture_output=True, text=True,
                          timeout=300, env=full_env, cwd=tmp_path)


@pytest.mark.parametrize("realtime", [True, False])
def test_an_interrupted_suite_resumes_with_nothing_lost_or_repeated(tmp_path, realtime):
    suite = _suite_file(tmp_path, realtime)
    logs = tmp_path / "logs"
    first = _cli(tmp_path, "run", str(suite), "--log-dir", str(logs), "--display", "none", "--no-leaderboard", STOP_AFTER="8")
    assert first.returncode == 130, first.stderr
    assert "rerun the same command to resume" in first.stderr and "Traceback" not in first.stderr
    calls_first = (tmp_path / "calls.txt").read_text().splitlines()
    assert 8 <= len(calls_first) < 12
    finished = {r.sample_id for r in read_rows(str(logs)).rows if r.score is not None}
    assert len(finished) >= 7  # at most the one sample in flight at the interruption is unfinished
    second = _cli(tmp_path, "run", str(suite), "--log-dir", str(logs), "--display", "none")
    assert second.returncode == 0, second.stderr
    calls_second = (tmp_path / "calls.txt").read_text().splitlines()[len(calls_first):]
    assert not finished & set(calls_second)  # nothing finished is asked again
    assert len(calls_second) == len(set(calls_second)) == 12 - len(finished)
    rows = read_rows(str(logs)).rows
    assert len(rows) == 12 and all(r.score == 1.0 for r in rows)  # nothing lost
    assert {r.sample_id for r in rows} == finished | set(calls_second)
    assert "| Letters | 100.0 (6) |" in second.stdout


def test_a_model_failing_during_the_run_is_one_line_per_task(tmp_path):
    suite = _suite_file(tmp_path, False, function="broken")
    out = _cli(tmp_path, "run", str(suite), "--log-dir", str(tmp_path / "logs"), "--display", "none", "--no-leaderboard")
    assert out.returncode == 1
    ours = [line for line in out.stderr.splitlines() if line.startswith("symbench:")]
    assert len(ours) == 2 and all("connection refused by the model server" in line for line in ours), out.stderr
    assert "counting · only_question · letters" in out.stderr


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["run", "nosuch"], "unknown suite 'nosuch'; shipped suites: ci, paper, selftest, smoke"),
        (["run", "smoke"], "suite smoke names no model; give one with --model"),
        (["run", "ci", "--model", "nosuchprovider/x"], "model nosuchprovider/x:"),
        (["run", "{bad_method}"], "no Inspect solver named symbench/no_such_method is registered"),
        (["run", "ci", "-M", "novalue"], "-M expects KEY=VALUE"),
        (["run", "ci", "--tasks", "nope"], "unknown task(s) nope"),
        (["leaderboard", "check", "--baseline", "/no/such.json"], "does not exist"),
    ],
)
def test_bad_runs_are_one_line(args, fragment, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntasks: [letters]\nn: 1\nmethods: [no_such_method]\nmodels: [symbench/oracle]\n")
    args = [a.format(bad_method=bad) for a in args] + ["--display", "none"] * (args[0] == "run")
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("symbench: error:") and fragment in err[0], err


def test_each_model_and_method_gets_its_own_eval_set_and_labels(tmp_path, make_suite, run_quiet):
    from symbench.suites import MethodSpec

    suite = make_suite(tasks=("letters",), n=2)
    suite = type(suite)(**{**vars(suite), "methods": (MethodSpec("only_question", label="only_question"),
                                                      MethodSpec("inspect_ai/generate", label="plain-generate"))})
    outcomes = run_quiet(suite, tmp_path)
    assert sorted((o.model_label, o.method_label) for o in outcomes) == [
        ("by-level", "only_question"), ("by-level", "plain-generate"), ("oracle", "only_question"), ("oracle", "plain-generate")]
    for o in outcomes:
        [info] = list_eval_logs(o.log_dir)
        log = read_eval_log(info, header_only=True)
        assert log.eval.metadata["symbench"]["method_label"] == o.method_label
        assert log.eval.task_args["n"] == 2 and log.eval.task == "letters"
        assert log.eval.solver == (None if o.method_label == "only_question" else "inspect_ai/generate")
    # the same suite again: every eval set is complete, nothing runs, the logs stay
    before = sorted(str(p) for p in tmp_path.rglob("*.eval"))
    run_quiet(suite, tmp_path)
    assert sorted(str(p) for p in tmp_path.rglob("*.eval")) == before


def test_inspect_options_and_model_roles_pass_through(tmp_path, capsys):
    suite = tmp_path / "one.yaml"
    suite.write_text("name: one\ntasks: [letters]\nn: 3\nmethods: [only_question, codesteer]\n"
                     "models: [{model: symbench/oracle, label: oracle}]\neval: {log_realtime: false}\n")
    code = main(["run", str(suite), "--log-dir", str(tmp_path / "logs"), "--display", "none", "--no-leaderboard",
                 "--limit", "2", "--epochs", "2", "--max-tokens", "77", "--temperature", "0",
                 "--model-role", "guide=symbench/oracle"])
    assert code == 0, capsys.readouterr().err
    rows = read_rows(str(tmp_path / "logs")).rows
    assert {r.column for r in rows} == {"oracle [guide=symbench/oracle] · only_question", "oracle [guide=symbench/oracle] · codesteer"}
    assert len(rows) == 2 * 2 * 2  # --limit 2 samples, --epochs 2, two methods
    for info in list_eval_logs(str(tmp_path / "logs")):
        log = read_eval_log(info, header_only=True)
        assert log.eval.config.limit == 2 and log.eval.config.epochs == 2
        assert log.plan.config.max_tokens == 77 and log.plan.config.temperature == 0
        assert str(log.eval.model_roles["guide"].model) == "symbench/oracle"


def test_a_model_entry_with_only_runs_just_its_part_of_the_grid(tmp_path, capsys):
    suite = tmp_path / "narrow.yaml"
    suite.write_text(textwrap.dedent("""
        name: narrow
        tasks: [letters, number_multiply]
        n: 4
        complexity: [1, 2]
        methods: [only_question, code_cot]
        models:
          - {model: symbench/oracle, label: everything}
          - model: symbench/oracle
            label: few
            only: {tasks: [number_multiply], n: 1, complexity: [2], methods: [code_cot]}
            generate: {max_tokens: 33}
        eval: {log_realtime: false}
    """))
    code = main(["run", str(suite), "--log-dir", str(tmp_path / "logs"), "--display", "none", "--no-leaderboard"])
    assert code == 0, capsys.readouterr().err
    rows = read_rows(str(tmp_path / "logs")).rows
    few = [r for r in rows if r.column.startswith("few")]
    assert len([r for r in rows if r.column.startswith("everything")]) == 2 * 2 * 4
    assert [(r.column, r.task, r.complexity) for r in few] == [("few · code_cot", "number_multiply", 2)]
    [info] = list_eval_logs(str(tmp_path / "logs" / "few" / "code_cot"))
    log = read_eval_log(info, header_only=True)
    assert log.plan.config.max_tokens == 33 and log.eval.task_args["complexity"] == "2"
    # the command line narrows further: at level 1 only, nothing is left for "few", and it says so
    capsys.readouterr()
    code = main(["run", str(suite), "--log-dir", str(tmp_path / "level1"), "--display", "none", "--no-leaderboard",
                 "--complexity", "1", "--n", "1"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "nothing left to run for few" in err
    assert {r.column for r in read_rows(str(tmp_path / "level1")).rows} == {"everything · only_question", "everything · code_cot"}


def test_a_bad_embedded_model_setting_stops_the_ci_suite_before_any_model_runs(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SYMBENCH_THREADS", "0")  # the ci suite's SmolLM2 entry pins torch's threads
    assert main(["run", "ci", "--log-dir", str(tmp_path / "logs"), "--display", "none", "--no-leaderboard"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("symbench: error: local model smollm2:"), err
    assert not list(tmp_path.rglob("*.eval"))  # the oracle and the scripted model did not run first
