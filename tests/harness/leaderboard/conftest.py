"""Shared runs for the leaderboard tests: tiny suites through the real eval_set path."""

from __future__ import annotations

import pytest

from symbench.suites import MethodSpec, ModelSpec, Suite

BY_LEVEL = {"callable": "symbench.harness.leaderboard.skills:by_level"}
EVEN_INDEX = {"callable": "symbench.harness.leaderboard.skills:even_index"}
QUIET = {"display": "none", "log_realtime": False}


def small_suite(tasks=("string_insertion", "letters"), n=5, models=None, name="t", **kw) -> Suite:
    if models is None:
        models = (
            ModelSpec(model="symbench/oracle", label="oracle", deterministic=True),
            ModelSpec(model="symbench/scripted", label="by-level", args={"outputs": BY_LEVEL}, deterministic=True),
        )
    return Suite(name=name, tasks=tuple(tasks), methods=(MethodSpec("only_question", label="only_question"),),
                 models=tuple(models), n=n, **kw)


def run(suite: Suite, log_dir) -> list:
    from symbench.harness.leaderboard.runner import run_suite

    outcomes = run_suite(suite, log_dir=str(log_dir), eval_options=dict(QUIET))
    assert all(o.ok for o in outcomes), [(o.model_label, o.failures) for o in outcomes]
    return outcomes


@pytest.fixture(scope="session")
def small_logs(tmp_path_factory):
    """Oracle and the by-level skill on two tasks, 5 instances each (one per level)."""
    folder = tmp_path_factory.mktemp("small_logs")
    run(small_suite(), folder)
    return folder


@pytest.fixture
def make_suite():
    return small_suite


@pytest.fixture
def run_quiet():
    return run
