"""``symbench leaderboard check``: passes on an unchanged tree, fails on each planted regression."""

from __future__ import annotations

import copy
import json
import textwrap

import pytest

from symbench.cli import main
from symbench.contract import Verdict
from symbench.harness.dataset import instance_for_id
from symbench.harness.leaderboard.check import compare, load_baseline
from symbench.registry import get_task

SUITE = """
name: tiny-ci
tasks: [letters, number_multiply]
n: 5
methods: [only_question]
models:
  - {model: symbench/oracle, label: oracle, deterministic: true}
  - model: symbench/scripted
    label: by-level
    deterministic: true
    args: {outputs: {callable: "symbench.harness.leaderboard.skills:by_level"}}
eval: {log_realtime: false}
"""


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("check")
    suite = folder / "tiny-ci.yaml"
    suite.write_text(textwrap.dedent(SUITE))
    path = folder / "baseline.json"
    assert main(["leaderboard", "check", "--baseline", str(path), "--suite", str(suite), "--update"]) == 0
    return suite, path


@pytest.fixture(autouse=True)
def fresh_instances():
    instance_for_id.cache_clear()  # the oracle must regenerate under a patched task
    yield
    instance_for_id.cache_clear()


def _check(baseline, capsys):
    suite, path = baseline
    code = main(["leaderboard", "check", "--baseline", str(path), "--suite", str(suite)])
    return code, capsys.readouterr().out


def _problem_lines(out):
    return [line.split() for line in out.splitlines() if line.startswith("  ")]


def test_baseline_holds_every_cell_with_its_instances(baseline):
    doc = load_baseline(str(baseline[1]))
    cells = {(c["column"], c["task"]): c for c in doc["cells"]}
    assert set(cells) == {(c, t) for c in ("oracle · only_question", "by-level · only_question") for t in ("letters", "number_multiply")}
    for (column, task), cell in cells.items():
        assert cell["n"] == 5 and cell["accuracy"] == (1.0 if column.startswith("oracle") else 0.6)
        assert sorted(cell["instances"]) == [f"{task}/c{level}/s0/0" for level in range(1, 6)]
        assert cell["instances"][f"{task}/c2/s0/0"] == get_task(task).instance(2, 0, 0).fingerprint
    assert doc["suite"] == "tiny-ci" and doc["format"] == "symbench-baseline/1"


def test_check_passes_on_an_unchanged_tree(baseline, capsys):
    code, out = _check(baseline, capsys)
    assert code == 0 and "leaderboard check passed: 4 cells match" in out


def test_a_broken_verifier_fails_the_check_as_a_score_change(baseline, capsys, monkeypatch):
    cls = type(get_task("letters"))
    monkeypatch.setattr(cls, "verify", lambda self, instance, response, extract=True: Verdict.fail("planted bug"))
    code, out = _check(baseline, capsys)
    assert code == 1 and "FAILED: 2 of 4 cells" in out
    problems = _problem_lines(out)
    assert {(p[0], p[3], p[4]) for p in problems} == {("oracle", "letters", "score"), ("by-level", "letters", "score")}
    assert "100.0 -> 0.0" in out and "60.0 -> 0.0" in out and "exact match required" in out


def test_a_changed_prompt_fails_the_check_as_changed_instances(baseline, capsys, monkeypatch):
    cls = type(get_task("number_multiply"))
    original = cls.question
    monkeypatch.setattr(cls, "question", lambda self, params: original(self, params) + "\nThink carefully.")
    code, out = _check(baseline, capsys)
    assert code == 1
    problems = _problem_lines(out)
    assert {(p[0], p[3], p[4]) for p in problems} == {("oracle", "number_multiply", "instances"), ("by-level", "number_multiply", "instances")}
    assert "instances changed: 5 of 5 fingerprints differ" in out


def test_a_changed_generator_fails_the_check_as_changed_instances(baseline, capsys, monkeypatch):
    cls = type(get_task("letters"))
    original = cls.generate

    def generate(self, rng, config, *rest):
        rng.random()  # one extra draw: different, still valid instances
        return original(self, rng, config, *rest)

    monkeypatch.setattr(cls, "generate", generate)
    code, out = _check(baseline, capsys)
    assert code == 1
    assert {(p[3], p[4]) for p in _problem_lines(out)} == {("letters", "instances")}
    assert "score" not in {p[4] for p in _problem_lines(out)}  # never reported as a model change


def _doc(accuracy, stderr, deterministic):
    cell = {"column": "m · x", "task": "letters", "deterministic": deterministic, "accuracy": accuracy, "stderr": stderr,
            "n": 100, "correct": round(100 * accuracy), "verdicts": {"correct": round(100 * accuracy)},
            "versions": [1], "fingerprints": "f", "instances": {"letters/c1/s0/0": "a"}}
    return {"cells": [cell]}


def test_sampled_columns_get_two_standard_errors_of_tolerance():
    base = _doc(0.50, 0.05, False)
    assert compare(base, _doc(0.61, 0.05, False)) == []  # 0.11 < 2 * sqrt(2) * 0.05 = 0.141
    [problem] = compare(base, _doc(0.66, 0.05, False))
    assert problem.kind == "score" and "tolerance ±14.1" in problem.detail
    assert compare(_doc(0.5, 0.0, True), _doc(0.5, 0.0, True)) == []
    assert compare(_doc(0.5, 0.0, True), _doc(0.51, 0.0, True))[0].kind == "score"


def test_cells_added_or_removed_are_reported():
    base = _doc(0.5, 0.0, True)
    other = copy.deepcopy(base)
    other["cells"][0]["task"] = "pooling"
    kinds = sorted(p.kind for p in compare(base, other))
    assert kinds == ["missing", "new"]


def test_a_file_that_is_not_a_baseline_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"cells": []}))
    with pytest.raises(ValueError, match="not a SymBench baseline"):
        load_baseline(str(path))
