"""Answer extraction and the shared, safe parsers that verifiers build on (TASKS.md 0.5).

Nothing here executes model text: numbers, lists, JSON and arithmetic are read with
small tokenisers and recursive-descent parsers, evaluated with exact ``Fraction``s.
Every parser raises :class:`ParseError` (a ``ValueError``) with a readable message;
verifiers turn that into a ``bad_format`` verdict.

Everything here runs in time linear in the length of its input (or under a stated
bound: numbers are capped at :data:`MAX_NUMBER_CHARS` characters, arithmetic at a
token, depth and size limit, JSON nesting by the interpreter's recursion limit, turned
into a :class:`ParseError`). Modules: ``extract`` (the final answer, wrappers),
``lists`` (flat lists, grids), ``values`` (numbers, choices, JSON), ``arithmetic``,
``formats`` (the ``answer_format`` a task declares), ``errors``.
"""

from symbench.answer.arithmetic import Expr, parse_arithmetic
from symbench.answer.errors import ParseError, UndefinedValueError, short
from symbench.answer.extract import extract_final_answer, extract_python_code, normalize_answer, strip_fence, strip_quotes
from symbench.answer.formats import SHAPES, AnswerFormat
from symbench.answer.lists import parse_list, split_grid, strip_outer_brackets
from symbench.answer.values import (
    MAX_NUMBER_CHARS,
    format_fraction,
    parse_choice,
    parse_int,
    parse_json,
    parse_number,
    parse_option_letter,
    same_multiset,
)

__all__ = [
    "AnswerFormat",
    "Expr",
    "MAX_NUMBER_CHARS",
    "ParseError",
    "SHAPES",
    "UndefinedValueError",
    "extract_final_answer",
    "extract_python_code",
    "format_fraction",
    "normalize_answer",
    "parse_arithmetic",
    "parse_choice",
    "parse_int",
    "parse_json",
    "parse_list",
    "parse_number",
    "parse_option_letter",
    "same_multiset",
    "short",
    "split_grid",
    "strip_fence",
    "strip_outer_brackets",
    "strip_quotes",
]
