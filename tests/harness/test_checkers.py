"""The Symbolic Checker on real snippets, and the self-check verdict parser."""

from __future__ import annotations

import textwrap

import pytest

from symbench.harness.codesteer.checkers import analyse_code, parse_self_check
from symbench.harness.providers import oracle_program


def code(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def test_a_hard_coded_print_scores_zero():
    for program in (oracle_program("4*(1+5)"), 'print("<<<42>>>")\n', 'answer = 42\nprint(f"<<<{answer}>>>")\n'):
        a = analyse_code(program)
        assert a.prints_constant_only and a.score == 0
        assert "prints a constant" in a.report and "no search" in a.report


def test_a_brute_force_search_over_permutations():
    a = analyse_code(code("""
        from itertools import permutations
        from fractions import Fraction
        for p in permutations([1, 2, 3, 4]):
            if Fraction(p[0], p[1]) + p[2] * p[3] == 24:
                print(f"<<<{p}>>>")
                break
    """))
    assert a.search == ["permutations"] and a.loops == 1 and a.branches == 1 and a.exact_arithmetic
    assert not a.prints_constant_only and a.score >= 6
    assert "itertools.permutations" in a.report and "1 loop" in a.report


def test_a_recursive_search():
    a = analyse_code(code("""
        def solve(nums):
            if len(nums) == 1:
                return nums[0] == 24
            return any(solve(nums[:i] + nums[i + 1:]) for i in range(len(nums)))
        print(solve([1, 2, 3, 4]))
    """))
    assert a.recursive == ["solve"] and a.functions == ["solve"] and a.comprehensions == 1
    assert "recursion in solve()" in a.report


def test_plain_arithmetic_is_a_straight_line_calculation_not_a_constant():
    for program in ("x = 17 * 23\ny = x - 5\nprint(y)\n", "import math\nprint(math.sqrt(2) * 3)\n"):
        a = analyse_code(program)
        assert a.loops == 0 and not a.search and not a.recursive
        assert not a.prints_constant_only and a.score >= 0
        assert "straight-line calculation" in a.report


def test_the_word_for_in_a_string_is_not_a_loop():
    a = analyse_code('print("for while if permutations(range(9))".format())\n')
    assert a.loops == 0 and a.branches == 0 and a.search == []
    a = analyse_code('text = "for x in y: for"\nprint(text)\n')
    assert a.loops == 0 and a.prints_constant_only


@pytest.mark.parametrize("bad", ["def f(:\n", "", "   ", "(" * 500 + ")" * 500, "x" * 300_000])
def test_unparseable_or_huge_code_is_reported_not_raised(bad):
    a = analyse_code(bad)
    assert not a.parsed and a.report


@pytest.mark.parametrize(
    "stdout, verdict",
    [("<<<Correct>>>", "correct"), ("checking...\n<<<Incorrect: row 2 repeats a letter>>>", "incorrect"), ("looks fine", "unknown"), ("<<<maybe>>>", "unknown")],
)
def test_parse_self_check(stdout, verdict):
    assert parse_self_check(stdout) == verdict
