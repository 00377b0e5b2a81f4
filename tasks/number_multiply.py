"""number_multiply (unseen): the exact product of a few signed integers.

Rules (TASKS.md 31). The question asks for the value of ``a * b * c ...`` where every
factor is a signed integer with an exact number of decimal digits. The answer is that
integer, written in decimal.

Answer format: ``<<<-123456>>>``. A leading sign is optional for positive results and
thousands separators are accepted only when every group after the first has exactly
three digits (``1,234,567``). Only ASCII digits are read; leading zeros, spaces inside
the number, decimals, exponents, words and expressions are rejected.

Choices made here (the catalogue leaves them open):

* A digit pattern is written as a string of comma-separated entries, one per factor,
  each either a digit count ``d`` or a range ``lo-hi`` sampled independently per factor
  (``"12-20,12-20"``). A level lists several patterns and the generator picks one.
* A ``d``-digit factor is drawn uniformly from ``[10**(d-1), 10**d - 1]`` (exactly ``d``
  digits, fixing the original's off-by-one lower bound); one-digit factors are drawn from
  2..9 so that 0 and 1 never appear. Each factor gets a random sign when
  ``allow_negative`` is on (the default), and negative factors are shown in parentheses.
* Level 5 reads "[12,12]-[20,20]" as two factors of 12 to 20 digits each (sampled
  independently), and the alternative as 3-4 factors of 8-12 digits.
* The verifier compares the whole integer exactly (``unique`` mode). Before any
  conversion it rejects answers longer than the reference allows, so a huge digit string
  is never turned into an int; the comparison is never a substring test.
* ``size`` is the total number of digits of the factors.

Original defects avoided: correctness was a substring test (``12345`` passed for
``1234``), and the lower bound ``10**(d-1) - 1`` let a ``d``-digit factor have ``d-1``
digits.

Validity (the registry-wide checks hold it): Answers are products, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, short
from symbench.contract import SymbolicTask, TaskConfig, Verdict

_ENTRY = re.compile(r"(\d{1,3})(?:-(\d{1,3}))?")
_MAX_DIGITS = 200
_MAX_FACTORS = 8
_PLAIN = re.compile(r"[+-]?(?:0|[1-9][0-9]*)")
_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def parse_pattern(pattern: str) -> list[tuple[int, int]]:
    """``"1,2-3,4"`` -> [(1, 1), (2, 3), (4, 4)]; raises ValueError on anything else."""
    if not isinstance(pattern, str):
        raise ValueError(f"a digit pattern must be a string, got {pattern!r}")
    entries = pattern.replace(" ", "").split(",")
    out = []
    for entry in entries:
        m = _ENTRY.fullmatch(entry)
        if not m:
            raise ValueError(f"bad digit pattern entry {entry!r} in {pattern!r}")
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if not 1 <= lo <= hi <= _MAX_DIGITS:
            raise ValueError(f"digit counts must satisfy 1 <= lo <= hi <= {_MAX_DIGITS} in {pattern!r}")
        out.append((lo, hi))
    if not 2 <= len(out) <= _MAX_FACTORS:
        raise ValueError(f"a pattern needs 2 to {_MAX_FACTORS} factors, got {pattern!r}")
    return out


@dataclass(frozen=True)
class NumberMultiplyConfig(TaskConfig):
    patterns: tuple[str, ...] = ("2,2",)
    allow_negative: bool = True

    def validate(self) -> None:
        where = self._where("patterns")
        allowed = (
            f"a non-empty tuple of digit patterns such as '1,2,4' or '12-20,12-20' "
            f"(2-{_MAX_FACTORS} factors, 1-{_MAX_DIGITS} digits each)"
        )
        if not isinstance(self.patterns, tuple) or not self.patterns:
            raise ValueError(f"{where} must be {allowed}, got {self.patterns!r}")
        for pattern in self.patterns:
            try:
                parse_pattern(pattern)
            except ValueError as exc:
                raise ValueError(f"{where} must be {allowed}: {exc}") from None
        self.require_bool("allow_negative")


class NumberMultiply(SymbolicTask):
    name = "number_multiply"
    split = "unseen"
    description = "Multiply a few signed integers with given digit counts exactly."
    answer_mode = "unique"
    version = 1
    display_name = "Number Multiply"
    paper_order = 31
    family = "math"
    origin = "paper"
    answer_format = AnswerFormat("number")
    Config = NumberMultiplyConfig
    presets = {
        1: NumberMultiplyConfig(patterns=("2,2",)),
        2: NumberMultiplyConfig(patterns=("1,2,4", "1,3,4")),
        3: NumberMultiplyConfig(patterns=("1,2,2,4", "4,4")),
        4: NumberMultiplyConfig(patterns=("8,8", "6,6,6")),
        5: NumberMultiplyConfig(patterns=("12-20,12-20", "8-12,8-12,8-12", "8-12,8-12,8-12,8-12")),
    }

    def generate(self, rng: random.Random, config: NumberMultiplyConfig) -> dict:
        pattern = parse_pattern(rng.choice(config.patterns))
        factors = []
        for lo, hi in pattern:
            digits = rng.randint(lo, hi)
            low = 2 if digits == 1 else 10 ** (digits - 1)
            value = rng.randint(low, 10**digits - 1)
            if config.allow_negative and rng.random() < 0.5:
                value = -value
            factors.append(value)
        # factors are stored as strings: JSON readers elsewhere may not keep 20-digit ints
        return {"factors": [str(f) for f in factors]}

    @staticmethod
    def _product(params: dict) -> int:
        result = 1
        for f in params["factors"]:
            result *= int(f)
        return result

    def solve(self, params: dict) -> str:
        return str(self._product(params))

    def question(self, params: dict) -> str:
        shown = " * ".join(f"({f})" if f.startswith("-") else f for f in params["factors"])
        return (
            f"What is the result of {shown}?\n\n"
            "Compute the exact integer value (no rounding, no scientific notation). Return your final answer "
            "as a single integer inside triple angle brackets, written with digits and a leading minus sign "
            "if it is negative, for example <<<-123456789>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = self.solve(params)
        if answer == expected:  # the reference's own spelling (the reading below would accept it too)
            return Verdict.ok()
        s = answer.strip()
        if _PLAIN.fullmatch(s):
            digits = s
        elif _GROUPED.fullmatch(s):
            digits = s.replace(",", "")
        else:
            return Verdict.bad_format(f"expected a single integer, got {short(answer)}")
        # bound the work before any conversion: the product has this many characters
        if len(digits) > len(expected) + 1:
            return Verdict.fail(f"wrong product: too long ({len(digits.lstrip('+-'))} digits, more than the product has)")
        value = int(digits)
        if str(value) == expected:
            return Verdict.ok()
        if value == -int(expected):
            return Verdict.fail("wrong sign")
        return Verdict.fail(f"wrong product: {short(answer)}")

    def size(self, params: dict) -> float:
        return float(sum(len(f.lstrip("-")) for f in params["factors"]))
