"""The format and verdict-code checks catch tasks that break TASKS.md 0.5, on a toy task."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest

from symbench.answer import AnswerFormat, ParseError, parse_list
from symbench.checks import CheckFailure
from symbench.checks.formats import (
    flat_items,
    harmless_variants,
    harmless_variants_of_the_reference_pass,
    near_misses,
    near_misses_of_the_reference_fail,
    verdict_codes_say_what_is_wrong,
    wrong_candidates,
)
from symbench.contract import LEVELS, SymbolicTask, TaskConfig, Verdict


@dataclass(frozen=True)
class SortConfig(TaskConfig):
    count: tuple[int, int] = (3, 3)

    def validate(self) -> None:
        self.require_range("count", 2, 10)


class SortDigits(SymbolicTask):
    """Sort some digits; the answer is a flat list. Follows every rule."""

    name = "toy_sort"
    split = "unseen"
    description = "Sort digits."
    answer_mode = "unique"
    answer_format = AnswerFormat("list")
    Config = SortConfig
    presets = {level: SortConfig(count=(level + 1, level + 1)) for level in LEVELS}

    def generate(self, rng: random.Random, config: SortConfig) -> dict:
        return {"digits": [rng.randint(0, 9) for _ in range(rng.randint(*config.count))]}

    def solve(self, params: dict) -> str:
        return "[" + ", ".join(map(str, sorted(params["digits"]))) + "]"

    def question(self, params: dict) -> str:
        return f"Sort {params['digits']}. Answer as <<<[1, 2, 3]>>>."

    def check(self, params: dict, answer: str) -> Verdict:
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if len(items) != len(params["digits"]) or not all(re.fullmatch("[0-9]", x) for x in items):
            return Verdict.bad_format("expected one digit per item")
        if [int(x) for x in items] != sorted(params["digits"]):
            return Verdict.fail("not sorted")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return len(params["digits"])


class OnlySquareBrackets(SortDigits):
    def check(self, params: dict, answer: str) -> Verdict:
        if answer.startswith("("):
            return Verdict.bad_format("use []")
        return super().check(params, answer)


class FailsEverything(SortDigits):
    def check(self, params: dict, answer: str) -> Verdict:
        verdict = super().check(params, answer)
        return Verdict.fail(verdict.reason) if verdict.code == "bad_format" else verdict


class ReadsOnlyThePrefix(SortDigits):
    def check(self, params: dict, answer: str) -> Verdict:
        n = len(params["digits"])  # takes the first n digits it finds and ignores the rest
        return super().check(params, ", ".join(re.findall("[0-9]", answer)[:n]))


class CaseBlind(SortDigits):
    answer_format = AnswerFormat("text")

    def solve(self, params: dict) -> str:
        return "Sorted: " + super().solve(params)

    def check(self, params: dict, answer: str) -> Verdict:
        if not answer.lower().startswith("sorted:"):
            return Verdict.bad_format("say 'Sorted:'")
        return super().check(params, answer[7:])


def test_a_task_that_follows_the_rules_passes_every_format_check():
    task = SortDigits()
    for check in (harmless_variants_of_the_reference_pass, near_misses_of_the_reference_fail, verdict_codes_say_what_is_wrong):
        check(task)


@pytest.mark.parametrize(
    "task, check, message",
    [
        (OnlySquareBrackets(), harmless_variants_of_the_reference_pass, "in \\(\\)"),
        (FailsEverything(), verdict_codes_say_what_is_wrong, "gives wrong, not bad_format"),
        (ReadsOnlyThePrefix(), near_misses_of_the_reference_fail, "written twice"),
        (CaseBlind(), near_misses_of_the_reference_fail, "case swapped"),
    ],
    ids=["rejects ()", "garbage is 'wrong'", "accepts the answer twice", "ignores case it does not declare"],
)
def test_each_broken_rule_is_caught(task, check, message):
    with pytest.raises(CheckFailure, match=message):
        check(task)


def test_declaring_case_insensitivity_makes_the_other_case_harmless():
    class Declared(CaseBlind):
        answer_format = AnswerFormat("text", case_insensitive=True)

    near_misses_of_the_reference_fail(Declared())
    harmless_variants_of_the_reference_pass(Declared())


def test_flat_lists_are_recognised_from_the_reference():
    assert flat_items("[1, 2, 3]") == (["1", "2", "3"], ",", True)
    assert flat_items('["a", "b"]') == (["a", "b"], ",", True)
    assert flat_items("0 0 1") == (["0", "0", "1"], None, False)
    assert flat_items("[(, 1, +, 2, )]") == (["(", "1", "+", "2", ")"], ",", True)
    for not_flat in ("[[1, 2], [3, 4]]", "[(0.5, 1), (1, 2)]", "a,b\nc,d", "Count: 2, Positions: [1, 3]"):
        assert flat_items(not_flat) is None, not_flat


def test_variants_follow_the_declared_shape():
    as_list = harmless_variants("[1, 2]", AnswerFormat("list"))
    assert {"(1, 2)", "1,2", "[1 , 2]", '["1", "2"]'} <= set(as_list.values())
    assert "(A)" not in harmless_variants("(A)", AnswerFormat("list")).values()
    assert "[A]" not in harmless_variants("(A)", AnswerFormat("list")).values()  # an option letter is not a list
    assert {"yes", "YES"} <= set(harmless_variants("Yes", AnswerFormat("choice")).values())
    assert "1,234,567" in harmless_variants("1234567", AnswerFormat("number")).values()
    assert "abc" not in harmless_variants("ABC", AnswerFormat("text")).values()
    misses = near_misses("[1, 2, 3]", AnswerFormat("list"))
    assert misses["last item dropped"] == "1, 2" and misses["mismatched brackets"] == "[1, 2, 3)"
    assert near_misses("12345", AnswerFormat("number"))["bad grouping"] == "123,45"
    assert "case swapped" not in near_misses("Yes", AnswerFormat("choice"))


def test_wrong_candidates_keep_the_shape():
    assert wrong_candidates("Yes", AnswerFormat("choice"))[0] == "No"
    assert wrong_candidates("(A)", AnswerFormat("choice"))[0] == "(B)"
    assert wrong_candidates("18/35", AnswerFormat("number"))[0] == "53/35"
    assert wrong_candidates("0", AnswerFormat("number"))[0] == "1"
    assert "[2, 1]" in wrong_candidates("[1, 2]", AnswerFormat("list"))
