"""The shared extraction and parsers that every verifier builds on."""

from fractions import Fraction

import pytest

from symbench.answer import (
    ParseError,
    extract_final_answer,
    extract_python_code,
    normalize_answer,
    parse_arithmetic,
    parse_int,
    parse_json,
    parse_list,
    parse_number,
)


def test_last_final_answer_wins_and_spans_lines():
    assert extract_final_answer("<<<1>>> then <<<2\n3>>>") == "2\n3"
    assert extract_final_answer("no answer here") is None
    assert extract_final_answer("<<<>>>") == ""


def test_python_code_block_is_found():
    text = "first\n```python\nprint(1)\n```\nand\n```\nprint(2)\n```"
    assert extract_python_code(text) == "print(2)\n"
    assert extract_python_code("```js\nx\n```") is None


@pytest.mark.parametrize("raw, expected", [("  'ABC' ", "ABC"), ("`x`", "x"), ("```\n12\n```", "12"), ("'abc", "'abc"), ("“q”", "q"), ('"a", "b"', '"a", "b"')])
def test_normalisation_strips_one_harmless_wrapper(raw, expected):
    assert normalize_answer(raw) == expected


def test_numbers_are_exact():
    assert parse_number("0.1") + parse_number("0.2") == Fraction(3, 10)
    assert parse_number("-7/2") == Fraction(-7, 2)
    assert parse_number("1,234,567", allow_grouping=True) == 1234567
    for bad in ("1,23", "12 apples", "1e5", "nan", "1/0", "", "١٣", "１３"):
        with pytest.raises(ParseError):
            parse_number(bad, allow_grouping=True)
    assert parse_int("-42") == -42
    for bad in ("4.0", "١٣", "1٣"):
        with pytest.raises(ParseError):
            parse_int(bad)


def test_lists():
    assert parse_list("[a, 'b', c]") == ["a", "b", "c"]
    assert parse_list("1 2  3", sep=None) == ["1", "2", "3"]
    assert parse_list("[]") == []
    with pytest.raises(ParseError):
        parse_list("a,,b")


def test_json_rejects_duplicates_and_nan():
    assert parse_json('{"a": 1}') == {"a": 1}
    for bad in ('{"a": 1, "a": 2}', "[NaN]", "{'a': 1}", "[" * 10000):
        with pytest.raises(ParseError):
            parse_json(bad)


def test_arithmetic_is_parsed_not_evaluated_by_python():
    e = parse_arithmetic("8/(3-8/3)")
    assert e.value == 24 and e.literals == [8, 3, 8, 3]
    assert parse_arithmetic("2 × (3 ÷ 4)").value == Fraction(3, 2)
    assert parse_arithmetic("-2+3", allow_unary_minus=True).value == 1
    assert parse_arithmetic("2^10", allow_power=True).value == 1024
    for bad in ("٣+٣", "9" * 5000, "((2^64)^64)^64", "__import__('os')", "2**3", "7//2", "1 2", "(1)(2)", "-1", "1/0", "1.5", "(1+2", "1+", "", "2^3", "(" * 5000 + "1" + ")" * 5000):
        with pytest.raises(ParseError):
            parse_arithmetic(bad, allow_power=bad.startswith("((2"))
