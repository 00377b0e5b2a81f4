"""The symbench command line, run as a user would (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from symbench.registry import all_tasks
from symbench.schema import validate_record

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symbench.cli", *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_list_json_names_every_task_with_split_and_levels():
    out = cli("list", "--json")
    assert out.returncode == 0
    rows = json.loads(out.stdout)
    assert {r["name"] for r in rows} == set(all_tasks())
    for r in rows:
        assert r["split"] in ("seen", "unseen") and r["levels"] == [1, 2, 3, 4, 5] and r["description"]
    unseen = json.loads(cli("list", "--json", "--split", "unseen").stdout)
    assert unseen and all(r["split"] == "unseen" for r in unseen)


def test_generate_writes_schema_valid_jsonl_that_matches_the_library():
    out = cli("generate", "game24", "--n", "4", "--complexity", "2", "--seed", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 4
    task = all_tasks()["game24"]
    for i, line in enumerate(lines):
        record = json.loads(line)
        validate_record(record)
        assert record == task.instance(2, 3, i).to_record()


def test_generate_all_levels_in_turn_and_overrides():
    records = [json.loads(l) for l in cli("generate", "string_insertion", "--n", "5").stdout.splitlines()]
    assert [r["complexity"] for r in records] == [1, 2, 3, 4, 5]
    record = json.loads(cli("generate", "game24", "--n", "1", "-c", "2", "--set", "count=[5,5]").stdout)
    assert len(record["params"]["numbers"]) == 5


def test_verify_judges_an_answer_for_the_record_on_stdin():
    line = cli("generate", "blocksworld", "--n", "1", "-c", "1").stdout
    record = json.loads(line)
    good = cli("verify", "blocksworld", "--answer", f"<<<{record['answer']}>>>", stdin=line)
    assert json.loads(good.stdout) == {"correct": True, "code": "correct", "reason": json.loads(good.stdout)["reason"]}
    bad = json.loads(cli("verify", "blocksworld", "--answer", "Move Z from 1 to 2", stdin=line).stdout)
    assert bad["correct"] is False and bad["code"] in ("wrong", "bad_format") and "step 1" in bad["reason"]


def test_show_prints_question_and_reference():
    out = cli("show", "game24", "--complexity", "1", "--index", "2")
    assert out.returncode == 0
    record = all_tasks()["game24"].instance(1, 0, 2)
    assert record.question in out.stdout and f"<<<{record.answer}>>>" in out.stdout


def test_show_accepts_a_sample_id_as_logs_print_it():
    record = all_tasks()["game24"].instance(4, 7, 3)
    out = cli("show", "game24/c4/s7/3")
    assert out.returncode == 0, out.stderr
    assert record.question in out.stdout and f"id:         {record.id}" in out.stdout
    overridden = all_tasks()["game24"].instance(3, 0, 2, overrides={"values": [1, 12]})
    assert overridden.id != "game24/c3/s0/2"  # an override never shares an id with a preset
    out = cli("show", overridden.id, "--set", "values=[1,12]")
    assert out.returncode == 0 and overridden.question in out.stdout


def test_generate_takes_a_list_of_levels_and_counts_indices_per_level():
    lines = cli("generate", "game24", "--n", "4", "-c", "2,5").stdout.splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == ["game24/c2/s0/0", "game24/c5/s0/0", "game24/c2/s0/1", "game24/c5/s0/1"]


@pytest.mark.parametrize(
    "args, stdin, fragment",
    [
        ((), None, "a command is required"),
        (("frobnicate",), None, "invalid choice"),
        (("generate", "nope"), None, "unknown task 'nope'; known tasks:"),
        (("generate", "game24", "--complexity", "7"), None, "complexity must be 'all', a level 1-5"),
        (("generate", "game24", "--complexity", ""), None, "empty value"),
        (("generate", "game24", "--n", "1000000000000"), None, "at most 100000 instances"),
        (("show", "game24", "--complexity", "7"), None, "complexity must be 1, 2, 3, 4 or 5, got 7"),
        (("show", "game24/c3/s0"), None, "not a SymBench sample id"),
        (("show", "game24/c3+807dbc5adf7e/s0/2"), None, "pass the same --set"),
        (("show", "game24/c3+000000000000/s0/2", "--set", "values=[1,12]"), None, "not the id's 000000000000"),
        (("verify", "game24", "--answer", "1"), "[" * 100_000, "nested too deeply"),
        (("generate", "game24", "--n", "-3"), None, "expected a positive integer"),
        (("generate", "game24", "--seed", "x"), None, "expected a non-negative integer"),
        (("generate", "game24", "--set", "count=[9,1]"), None, "Game24Config.count must be a pair"),
        (("generate", "game24", "--set", "bogus=1"), None, "unknown Game24Config field(s) bogus; allowed:"),
        (("generate", "game24", "--set", "novalue"), None, "--set expects KEY=VALUE"),
        (("show", "game24", "--complexity", "all"), None, "complexity must be"),
        (("verify", "game24"), None, "--answer"),
        (("verify", "game24", "--answer", "1"), "", "reads one instance record"),
        (("verify", "game24", "--answer", "1"), "{not json", "stdin is not a JSON instance record"),
        (("verify", "game24", "--answer", "1"), '{"id": 3}', "invalid instance record"),
        (("sandbox",), None, "sandbox needs an action"),
        (("sandbox", "run", "/no/such/file.py"), None, "cannot read /no/such/file.py"),
        (("sandbox", "run", "x.py", "--timeout", "0"), None, "timeout must be a number of seconds"),
        (("new-task", "Bad-Name"), None, "task name must be a lower-case identifier"),
        (("new-task", "game24"), None, "already exists"),
        (("run", "--tasks", "nope"), None, "unknown task(s) nope"),
        (("run", "--complexity", "9", "--tasks", "game24"), None, "-T complexity"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(args, stdin, fragment):
    out = cli(*args, stdin=stdin)
    assert out.returncode == 2, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("symbench: error:") and fragment in lines[0], lines[0]
    assert "Traceback" not in out.stderr


def test_verify_rejects_a_record_of_another_task():
    line = cli("generate", "game24", "--n", "1").stdout
    out = cli("verify", "blocksworld", "--answer", "x", stdin=line)
    assert out.returncode == 2 and "is for task 'game24'" in out.stderr


def test_new_task_writes_a_working_task_that_passes_the_registry_suite():
    name = f"zz_probe_{os.getpid()}"
    target = REPO / "tasks" / f"{name}.py"
    try:
        out = cli("new-task", name)
        assert out.returncode == 0, out.stderr
        assert target.exists()
        again = cli("new-task", name)
        assert again.returncode == 2 and "already exists" in again.stderr
        # the new file is discovered and passes every registry-wide test as written
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", str(REPO / "tests" / "test_registry_wide.py"), "-k", name],
            capture_output=True, text=True, cwd=REPO, timeout=300,
        )
        assert run.returncode == 0, run.stdout[-3000:]
        assert " passed" in run.stdout and "failed" not in run.stdout
        listed = json.loads(cli("list", "--json").stdout)
        assert name in {r["name"] for r in listed}
    finally:
        target.unlink(missing_ok=True)
