"""The hang guard fails a verifier that is quadratic or accepts hostile text, and passes a linear one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from symbench.checks import CheckFailure
from symbench.checks.robustness import bounded_call, hostile_texts, verifiers_are_fast_and_strict_on_hostile_answers
from symbench.contract import MAX_ANSWER_CHARS, Verdict

_spec = importlib.util.spec_from_file_location("toy_formats", Path(__file__).with_name("test_formats.py"))
_toy = sys.modules.setdefault("toy_formats", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(_toy)
SortDigits = _toy.SortDigits


class Quadratic(SortDigits):
    def check(self, params: dict, answer: str) -> Verdict:
        sum(answer.count(" ", i) for i in range(len(answer)))  # O(n^2) on long text
        return super().check(params, answer)


class AcceptsLongText(SortDigits):
    def check(self, params: dict, answer: str) -> Verdict:
        return Verdict.ok() if len(answer) > 100_000 else super().check(params, answer)


def test_a_linear_verifier_passes():
    verifiers_are_fast_and_strict_on_hostile_answers(SortDigits())


@pytest.mark.parametrize("task, message", [(Quadratic(), "did not finish within"), (AcceptsLongText(), "accepted it")])
def test_a_slow_or_lenient_verifier_fails(task, message):
    with pytest.raises(CheckFailure, match=message):
        verifiers_are_fast_and_strict_on_hostile_answers(task)


def test_hostile_texts_fill_the_answer_cap():
    texts = hostile_texts()
    assert len(texts) > 40
    assert {len(t) for t in texts.values()} == {MAX_ANSWER_CHARS}


def test_the_guard_is_a_base_exception_that_verify_cannot_swallow():
    def swallow() -> str:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - what a verifier's broad except would do
            return "swallowed"

    with pytest.raises(CheckFailure, match="did not finish"):
        bounded_call(swallow, seconds=0.2)
