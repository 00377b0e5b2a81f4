"""Suite files: the shipped ones are valid; bad ones fail with a message naming the problem."""

from __future__ import annotations

import pytest

from symbench.contract import LEVELS
from symbench.registry import all_tasks, task_names
from symbench.suites import load_suite, parse_suite, suite_names

METHODS = ["only_question", "text_cot", "code_cot", "assistant_prompt", "code_text_choice", "code_text_sum1",
           "code_text_sum2", "code_interpreter", "symbolic_agent", "self_estimate", "codesteer"]


def test_shipped_suites_load():
    assert suite_names() == ["ci", "paper", "selftest", "smoke"]
    for name in suite_names():
        suite = load_suite(name)
        assert suite.name == name and suite.tasks and suite.methods
        assert set(suite.tasks) <= set(all_tasks())


def test_paper_suite_is_the_papers_set_up():
    paper = load_suite("paper")
    assert paper.tasks == tuple(task_names("all")) and len(paper.tasks) == 37
    assert paper.n == 100 and paper.complexity == LEVELS and paper.seed == 0
    assert [m.name for m in paper.methods] == METHODS
    assert [m.solver for m in paper.methods][:2] == [None, "symbench/text_cot"]  # question only = the task's own solver


def test_smoke_and_ci_suites_are_small_and_offline_where_promised():
    smoke = load_suite("smoke")
    assert len(smoke.tasks) <= 6 and smoke.n * len(smoke.tasks) <= 12
    assert {"only_question", "code_cot", "codesteer"} <= {m.name for m in smoke.methods}
    assert smoke.generate["max_tokens"] <= 512 and smoke.generate["temperature"] == 0
    ci = load_suite("ci")
    assert ci.models and all(m.deterministic for m in ci.models)
    # offline: the project's own providers, or the embedded model from its local folder
    assert all(m.model.startswith("symbench/") or (m.model == "hf/local" and m.local) for m in ci.models)
    [smol] = [m for m in ci.models if m.local]
    tasks, methods, args = smol.grid(ci)
    assert len(tasks) * args["n"] * len(methods) <= 12  # "a few" greedy samples
    assert smol.args["do_sample"] is False and smol.generate["max_connections"] == 1
    assert {all_tasks()[t].split for t in ci.tasks} == {"seen", "unseen"}
    assert {all_tasks()[t].origin for t in ci.tasks} == {"paper", "recreated"}


def _doc(**changes):
    doc = {"name": "x", "tasks": ["game24"], "methods": ["only_question"]}
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not None}


def test_defaults_labels_and_method_names():
    suite = parse_suite(_doc(methods=["only_question", {"name": "codesteer", "options": {"max_turns": 3}},
                                      {"name": "mypkg/my_solver", "label": "mine"}]))
    assert suite.n == 100 and suite.complexity == LEVELS and suite.seed == 0 and suite.exec_timeout == 10
    assert [m.label for m in suite.methods] == ["only_question", "codesteer(max_turns=3)", "mine"]
    assert [m.solver for m in suite.methods] == [None, "symbench/codesteer", "mypkg/my_solver"]
    assert suite.task_args() == {"n": 100, "complexity": "all", "seed": 0, "exec_timeout": 10}
    assert parse_suite(_doc(complexity=[2, 1])).complexity_arg == "2,1"
    assert parse_suite(_doc(tasks=None, split="unseen")).tasks == tuple(task_names("unseen"))


@pytest.mark.parametrize(
    "changes, fragment",
    [
        ({"tasks": ["nope"]}, "unknown task(s) nope"),
        ({"split": "seen"}, "give either tasks or split, not both"),
        ({"complexity": 7}, "complexity"),
        ({"complexity": []}, "complexity"),
        ({"n": 0}, "n: 0 is less than the minimum of 1"),
        ({"methods": []}, "methods"),
        ({"methods": ["only_question", "only_question"]}, "two methods share the label 'only_question'"),
        ({"models": ["symbench/oracle", "symbench/oracle"]}, "two models share the label 'symbench/oracle'"),
        ({"models": ["no-provider"]}, "models.0"),
        ({"colour": "red"}, "'colour' was unexpected"),
        ({"generate": {"max_tokns": 5}}, "generate"),
        ({"name": "Bad Name"}, "name"),
        ({"models": [{"model": "symbench/oracle", "only": {"tasks": ["letters"]}}]},
         "model symbench/oracle: only.tasks: letters not among the suite's tasks (game24)"),
        ({"models": [{"model": "symbench/oracle", "only": {"methods": ["code_cot"]}}]},
         "only.methods: code_cot not among the suite's method labels (only_question)"),
        ({"models": [{"model": "symbench/oracle", "only": {}}]}, "models.0"),
        ({"complexity": [1, 2], "models": [{"model": "symbench/oracle", "only": {"complexity": [2, 5]}}]},
         "only.complexity: level 5 not among the suite's levels (1, 2)"),
        ({"models": [{"model": "symbench/oracle", "only": {"n": 0}}]}, "models.0"),
    ],
)
def test_bad_suites_name_the_problem(changes, fragment):
    with pytest.raises(ValueError) as err:
        parse_suite(_doc(**changes), "mine.yaml")
    assert str(err.value).startswith("suite mine.yaml") and fragment in str(err.value), str(err.value)


def test_files_and_yaml_errors(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: s\ntasks: [letters]\nmethods: [only_question]\nn: 3\n")
    assert load_suite(str(path)).n == 3
    path.write_text("name: [unclosed\n")
    with pytest.raises(ValueError, match=r"is not valid YAML at line"):
        load_suite(str(path))
    with pytest.raises(ValueError, match="cannot read suite file"):
        load_suite(str(tmp_path / "missing.yaml"))
    with pytest.raises(ValueError, match="unknown suite 'nope'; shipped suites: ci, paper, selftest, smoke"):
        load_suite("nope")


def test_overrides_and_digest():
    suite = load_suite("ci")
    smaller = suite.with_overrides(tasks="letters", n=2, complexity="1,2")
    assert smaller.tasks == ("letters",) and smaller.n == 2 and smaller.complexity == (1, 2)
    assert suite.with_overrides(tasks="").tasks == tuple(task_names("all"))
    assert suite.digest() == load_suite("ci").digest()
    assert smaller.digest() != suite.digest()
    with pytest.raises(ValueError, match="unknown task"):
        suite.with_overrides(tasks="letters,nope")


def test_a_model_entry_narrows_the_grid_never_widens_it():
    suite = parse_suite(_doc(
        tasks=["game24", "letters", "pooling"], n=10, complexity=[1, 2, 3],
        methods=["only_question", "code_cot", {"name": "codesteer", "options": {"max_turns": 1}, "label": "cs"}],
        models=["symbench/oracle", {"model": "symbench/scripted", "label": "few", "generate": {"max_tokens": 9},
                                    "only": {"tasks": ["pooling", "letters"], "n": 2, "complexity": [3],
                                             "methods": ["cs"]}}]))
    full, few = suite.models
    assert full.grid(suite) == (suite.tasks, suite.methods, suite.task_args())
    tasks, methods, args = few.grid(suite)
    assert tasks == ("letters", "pooling")  # the suite's order
    assert [m.label for m in methods] == ["cs"]
    assert args == {"n": 2, "complexity": "3", "seed": 0, "exec_timeout": 10}
    assert few.generate == {"max_tokens": 9}
    # the command line narrows the suite further; a model's own limits still hold
    smaller = suite.with_overrides(n=1, complexity="1")
    assert few.grid(smaller)[2]["n"] == 1 and few.grid(smaller)[0] == ()  # no level left for it
    assert suite.digest() != parse_suite(_doc(
        tasks=["game24", "letters", "pooling"], n=10, complexity=[1, 2, 3],
        methods=["only_question", "code_cot", {"name": "codesteer", "options": {"max_turns": 1}, "label": "cs"}],
        models=["symbench/oracle", {"model": "symbench/scripted", "label": "few"}])).digest()
