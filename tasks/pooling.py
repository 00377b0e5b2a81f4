"""pooling (seen): max / min / average pooling of an integer matrix with a sliding window.

Rules (TASKS.md 15). An N×N integer matrix is given one row per line, values separated by
commas. An n×n window starts at the top-left corner and slides with stride s: s columns
to the right at a time, and, once a row of windows is done, back to the left edge and s
rows down. There is no padding: a window never reaches outside the matrix, so the output
is m×m with m = ⌊(N − n) / s⌋ + 1. Each output cell is the maximum, the minimum or the
average of the n² values under its window (one operation per instance).

Answer format: the m² output values row-major, separated by commas
(``<<<5, -2, 12, 7>>>``). One pair of outer brackets, one row per line, or bracketed rows
are also accepted (``symbench.answer.split_grid``).

How values are judged (stated in the question):

* every value is read as an exact number (integer, decimal or ``p/q``, e.g. ``-7/3``) and
  is right when it equals the exact result; ``5.0`` therefore counts as 5;
* for average pooling a decimal with at most two decimal places is also right when it is
  the exact average rounded to two places, halves rounded away from zero (``2.33`` for
  7/3, ``2.13`` for 2.125, ``-2.13`` for -2.125), as TASKS.md 15 asks. Anything else must
  be exact: ``2.333`` for 7/3, ``2.12`` for 2.125 or ``1.755`` for 1.75 are wrong.

This fixes the original checker, which ran ``int()`` on every value and so could never
accept a non-integer average (nor even ``3.0``), and gave no rounding rule for ninths.
Nothing from the answer is evaluated: values go through the shared ``parse_number`` after
a length cap.

Choices made here: the reference writes averages as reduced fractions (``-7/3``) and
integers as integers; ``size`` is m² × n² / 4 plus 8 for average pooling (the only
operation with non-integer results). Level 5 adds min pooling and strides of 2.

Validity (the registry-wide checks hold it): Answers are matrices, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate
from math import gcd
from operator import sub

from symbench.answer import AnswerFormat, ParseError, parse_number, short, split_grid, strip_quotes
from symbench.contract import SymbolicTask, TaskConfig, Verdict

OPERATIONS = ("max", "min", "average")
_MAX_VALUE_CHARS = 40


def round2(value: Fraction) -> Fraction:
    """``value`` rounded to two decimal places, halves away from zero."""
    scaled = abs(value) * 100
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if value >= 0 else -whole, 100)


def _decimal_places(token: str) -> int | None:
    """Digits after the decimal point of a decimal token, or None when it has no point."""
    text = strip_quotes(token)
    return len(text.partition(".")[2]) if "." in text else None


def _slide(seq, window: int, stride: int, reduce) -> list[int]:
    """``reduce`` (max, min or sum) of ``seq[j:j+window]`` for j = 0, stride, 2*stride, ...
    while the window fits. With stride 1, maxima and minima map over shifted copies and
    sums are differences of prefix sums, so the loops run inside the interpreter's C code."""
    if stride > 1:  # few windows: one slice each
        return [reduce(seq[j : j + window]) for j in range(0, len(seq) - window + 1, stride)]
    if window == 1:
        return list(seq)
    if reduce is sum:
        prefix = [0, *accumulate(seq)]
        return list(map(sub, prefix[window:], prefix[: len(prefix) - window]))
    return list(map(reduce, *[seq[k:] for k in range(window)]))


def _window_values(matrix: list[list[int]], window: int, stride: int, operation: str) -> list[list[int]]:
    """The max, min or (for ``average``) sum of every window, as exact integers.

    Separable: every row is reduced over its horizontal windows, then every column of
    those results over its vertical windows; the max of maxima, the min of minima and the
    sum of sums are the window's own.
    """
    reduce = max if operation == "max" else min if operation == "min" else sum
    across = [_slide(row, window, stride, reduce) for row in matrix]
    down = [_slide(column, window, stride, reduce) for column in zip(*across)]
    return [list(row) for row in zip(*down)]


def pool(matrix: list[list[int]], window: int, stride: int, operation: str) -> list[list[Fraction]]:
    """The exact m×m result of pooling ``matrix``."""
    values = _window_values(matrix, window, stride, operation)
    if operation == "average":
        cells = window * window
        return [[Fraction(v, cells) for v in row] for row in values]
    return [[Fraction(v) for v in row] for row in values]


def _reference_text(matrix: list[list[int]], window: int, stride: int, operation: str) -> str:
    """The reference answer, ``format_fraction`` of every result, without building Fractions."""
    values = _window_values(matrix, window, stride, operation)
    if operation != "average":
        return ", ".join([str(v) for row in values for v in row])
    cells = window * window
    texts = []
    for row in values:
        for v in row:
            g = gcd(v, cells)
            texts.append(str(v // g) if g == cells else f"{v // g}/{cells // g}")
    return ", ".join(texts)


@dataclass(frozen=True)
class PoolingConfig(TaskConfig):
    size: tuple[int, int] = (5, 6)
    window: tuple[int, int] = (3, 3)
    stride: tuple[int, int] = (1, 1)
    operations: tuple[str, ...] = ("max", "average")
    values: tuple[int, int] = (-10, 20)

    def validate(self) -> None:
        size = self.require_range("size", 2, 30)
        window = self.require_range("window", 2, 10)
        self.require_range("stride", 1, 5)
        ops = self.operations
        if (
            not isinstance(ops, tuple)
            or not ops
            or not all(isinstance(o, str) and o in OPERATIONS for o in ops)
            or len(set(ops)) != len(ops)
        ):
            raise ValueError(
                f"{self._where('operations')} must be a non-empty tuple of distinct names from "
                f"{', '.join(OPERATIONS)}, got {ops!r}"
            )
        values = self.require_range("values", -1000, 1000)
        if values[0] == values[1]:
            raise ValueError(f"{self._where('values')} must span at least two values, got {values!r}")
        if window[1] > size[0]:
            raise ValueError(f"{self._where('window')} {window} must not exceed the smallest matrix size {size[0]}")


class Pooling(SymbolicTask):
    name = "pooling"
    split = "seen"
    description = "Slide an n×n window over an integer matrix and output the max/min/average of each window."
    answer_mode = "unique"
    version = 1
    display_name = "Pooling"
    paper_order = 15
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = PoolingConfig
    presets = {
        1: PoolingConfig(size=(3, 3), window=(2, 2), operations=("max",)),
        2: PoolingConfig(size=(4, 4), window=(2, 2), operations=("max", "average")),
        3: PoolingConfig(size=(5, 6), window=(3, 3), operations=("max", "average")),
        4: PoolingConfig(size=(7, 8), window=(3, 3), operations=("max", "average"), values=(-50, 50)),
        5: PoolingConfig(
            size=(9, 10), window=(2, 4), stride=(1, 2), operations=("max", "min", "average"), values=(-50, 50)
        ),
    }

    def generate(self, rng: random.Random, config: PoolingConfig) -> dict:
        n_size = rng.randint(*config.size)
        window = rng.randint(config.window[0], min(config.window[1], n_size))
        stride = rng.randint(*config.stride)
        operation = rng.choice(config.operations)
        matrix = [[rng.randint(*config.values) for _ in range(n_size)] for _ in range(n_size)]
        return {"matrix": matrix, "window": window, "stride": stride, "operation": operation}

    @staticmethod
    def _result(params: dict) -> list[list[Fraction]]:
        return pool(params["matrix"], params["window"], params["stride"], params["operation"])

    def solve(self, params: dict) -> str:
        return _reference_text(params["matrix"], params["window"], params["stride"], params["operation"])

    def question(self, params: dict) -> str:
        n_size = len(params["matrix"])
        window, stride, operation = params["window"], params["stride"], params["operation"]
        m = (n_size - window) // stride + 1
        matrix_text = "\n".join(", ".join(str(v) for v in row) for row in params["matrix"])
        what = {"max": "the maximum", "min": "the minimum", "average": "the average (arithmetic mean)"}[operation]
        if stride == 1:
            slide = "one column to the right at a time; after the last window of a row of windows it returns to the left edge and moves one row down"
        else:
            slide = (
                f"{stride} columns to the right at a time; after the last window of a row of windows it returns to "
                f"the left edge and moves {stride} rows down"
            )
        if operation == "average":
            rule = (
                "Averages need not be integers. Write each value either exactly, as an integer, a fraction p/q "
                "(for example -7/3) or a decimal equal to it (for example 2.125), or rounded to two decimal places "
                "with halves rounded away from zero (for example 2.33 for 7/3, 2.13 for 2.125 and -2.13 for -2.125). "
                "Any other value, such as 2.333 for 7/3, counts as wrong."
            )
            example = "5, -7/3, 2.25"
        else:
            rule = "All values are integers."
            example = "5, -2, 12"
        return (
            f"Here is a {n_size}×{n_size} matrix of integers, one row per line, values separated by commas:\n"
            f"{matrix_text}\n\n"
            f"Perform {operation} pooling with a {window}×{window} window and stride {stride}. The window starts at the "
            f"top-left corner of the matrix and slides {slide}. There is no padding: the window never extends beyond "
            f"the matrix, so there are {m}×{m} window positions. For each position take {what} of the "
            f"{window * window} values under the window. The results, kept in the order of their window positions, "
            f"form a {m}×{m} matrix.\n\n"
            f"{rule}\n\n"
            f"Return your final answer as <<<...>>> holding the {m * m} values of the result matrix flattened in "
            f"row-major order (first row left to right, then the next row), separated by commas. For example, a "
            f"list of three values would be written <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        # The reference's own spelling is right without reading it value by value (every
        # value in it is the exact result, and far shorter than the length cap).
        if answer == self.solve(params):
            return Verdict.ok()
        expected = self._result(params)
        m = len(expected)
        try:
            tokens = split_grid(answer, m, m)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        average = params["operation"] == "average"
        for i, row in enumerate(tokens):
            for j, token in enumerate(row):
                where = f"output row {i + 1}, column {j + 1}"
                if len(token) > _MAX_VALUE_CHARS:
                    return Verdict.bad_format(f"value at {where} is too long")
                try:
                    value = parse_number(token)
                except ParseError:
                    return Verdict.bad_format(f"value at {where} is not a number: {short(token)}")
                target = expected[i][j]
                if value == target:
                    continue
                places = _decimal_places(token)
                if average and places is not None and places <= 2 and value == round2(target):
                    continue
                return Verdict.fail(f"wrong value at {where}: {short(token)}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        n_size, window, stride = len(params["matrix"]), params["window"], params["stride"]
        m = (n_size - window) // stride + 1
        return m * m * window * window / 4 + (8 if params["operation"] == "average" else 0)
