"""new_operator (seen): evaluate an expression built from newly defined binary operators.

Rules (TASKS.md 14). Operators use the symbols ``# @ $ & % ~``. Each is defined for
operands ``a`` and ``b`` by one template with small integer coefficients:

* basic: ``c1*a + c2*b``, ``c1*a*b``, ``(a + b)/b``;
* extended (levels 4-5): ``c1*a - c2*b``, ``a*a + c*b``, ``(a + c)*(b + d)``;
* nested (level 5): a definition may use an operator defined before it, e.g.
  ``a & b = (a # b)*2``, ``(a # b) + 3*a``, ``(b # a) - 3`` or ``a # (b + 2)``.

Evaluation rules stated in every question: parentheses first; without a precedence
table all new operators have the same precedence and group from left to right; with a
precedence table (level 5) higher tiers are applied first and operators of one tier
group from left to right. Arithmetic is exact (rationals).

Answer: the exact value as an integer, a fraction ``p/q`` or a terminating decimal
(``-7/2``, ``-3.5``); any exactly equal form passes, nothing else (no words, no rounding).

Choices made here (the catalogue leaves them open):

* The expression is a random binary tree over the operators (level 2 is the left-deep
  ``(a#b)#c`` of the catalogue). Level 1-3 put parentheses around every inner operation;
  levels 4-5 write the fewest parentheses the grouping rules need and add some redundant
  ones; at least one pair of parentheses is shown. At level 4 the left-to-right default
  must matter (grouping from the right would give a different tree) and at level 5 the
  precedence table must matter (reading it left to right without the table would give a
  different tree).
* Every defined operator is used, directly or through another used definition.
* Instances whose intermediate or final values grow beyond 10**9 in numerator or 10**4 in
  denominator, or that divide by zero, are resampled.
* The stored expression text is the single source of truth: ``solve`` re-parses the text
  the model sees with the stated rules and evaluates it exactly.
* Expressions of two operands (level 1: one operator applied once, a small family) are
  drawn by slot of their question text (``_distinct``), so a
  level's first 100 instances are 100 different questions.
* ``size`` counts operator applications after expanding nested definitions, plus the
  number of operands.

Original defects avoided: the reference here evaluates every operator (the original
dropped all but one when two stood outside parentheses), definitions and question use the
same names ``a`` and ``b``, the answer format asks for a number (not "a list of values
and symbols"), and values are exact rationals, never compared as floats.

Validity (the registry-wide checks hold it): Answers are numbers, with many different
references per level, so there is no answer class to balance. Distinct instances:
Expressions of two operands are drawn by slot (see above), so a level's first
100 instances are 100 different puzzles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from symbench.answer import AnswerFormat, ParseError, format_fraction, parse_number, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter
from symbench.tasks._new_operator_expressions import (
    _Overflow,
    _all_used,
    _grouping_matters,
    definition_text,
    evaluate,
    parse_expression,
    render,
)

SYMBOLS = ("#", "@", "$", "&", "%", "~")
BASIC = ("lin", "prod", "ratio")
EXTENDED = ("linm", "sq", "pair")
NESTED = ("scaled", "shift", "swap", "inner")
_MAX_ATTEMPTS = 3_000
_SLOTTED_OPERANDS = 2  # expressions up to this many operands are drawn by slot


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class NewOperatorConfig(TaskConfig):
    operators: tuple[int, int] = (2, 2)
    operands: tuple[int, int] = (3, 3)
    operand_max: int = 10
    coef_max: int = 5
    extended: bool = False
    nested: bool = False
    precedence: bool = False
    parens: str = "full"
    shape: str = "random"

    def validate(self) -> None:
        ops = self.require_range("operators", 1, len(SYMBOLS))
        operands = self.require_range("operands", 2, 12)
        self.require_int("operand_max", 1, 100)
        self.require_int("coef_max", 1, 20)
        self.require_bool("extended")
        nested = self.require_bool("nested")
        self.require_bool("precedence")
        self.require_choice("parens", ("full", "mixed"))
        self.require_choice("shape", ("left", "random"))
        if not nested and ops[0] > operands[1] - 1:
            raise ValueError(
                f"NewOperatorConfig.operators {ops} cannot all appear in an expression with at most {operands[1]} operands"
            )


class NewOperator(SymbolicTask):
    name = "new_operator"
    split = "seen"
    description = "Evaluate an expression over newly defined binary operators exactly."
    answer_mode = "unique"
    version = 2
    display_name = "New Operator"
    paper_order = 14
    family = "math"
    origin = "paper"
    answer_format = AnswerFormat("number")
    Config = NewOperatorConfig
    presets = {
        1: NewOperatorConfig(operators=(1, 1), operands=(2, 2), shape="left"),
        2: NewOperatorConfig(operators=(1, 1), operands=(3, 3), shape="left"),
        3: NewOperatorConfig(operators=(2, 2), operands=(3, 3)),
        4: NewOperatorConfig(operators=(3, 3), operands=(4, 4), extended=True, parens="mixed"),
        5: NewOperatorConfig(
            operators=(4, 5), operands=(5, 7), operand_max=9, extended=True, nested=True, precedence=True, parens="mixed"
        ),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: NewOperatorConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            k = rng.randint(*config.operators)
            n = rng.randint(*config.operands)
            if not config.nested and k > n - 1:
                continue
            symbols = rng.sample(SYMBOLS, k)
            ops = self._definitions(rng, symbols, config)
            tiers = self._tiers(rng, symbols, config.precedence)
            tree = self._tree(rng, n, symbols, config)
            if not _all_used(tree, ops):
                continue
            text = render(tree, tiers, config.parens, rng)
            if parse_expression(text, tiers) != tree:
                raise GenerationError(f"new_operator: rendering {text!r} does not parse back")  # a bug
            if config.parens == "mixed" and ("(" not in text or not _grouping_matters(text, tiers, config.precedence)):
                continue
            counter = [0]
            try:
                evaluate(tree, ops, counter)
            except (ZeroDivisionError, _Overflow):
                continue
            params = {
                "operators": [ops[s] for s in symbols],
                "tiers": tiers if config.precedence else None,
                "expression": text,
                "operands": n,
                "applications": counter[0],
            }
            # the question itself is the key: unused coefficients must not count as a difference
            if n <= _SLOTTED_OPERANDS and not slots.accepts(self.question(params)):
                continue
            return params
        raise GenerationError(f"new_operator: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _definitions(rng: random.Random, symbols: list[str], config: NewOperatorConfig) -> dict[str, dict]:
        ops: dict[str, dict] = {}
        for i, sym in enumerate(symbols):
            pool = list(BASIC) + (list(EXTENDED) if config.extended else [])
            if config.nested and i > 0 and rng.random() < 0.6:
                pool = list(NESTED)
            t = rng.choice(pool)
            coefs = [rng.randint(1, config.coef_max), rng.randint(1, config.coef_max)]
            op = {"symbol": sym, "template": t, "coefs": coefs}
            if t in NESTED:
                op["ref"] = rng.choice(symbols[:i])
            ops[sym] = op
        return ops

    @staticmethod
    def _tiers(rng: random.Random, symbols: list[str], precedence: bool) -> dict[str, int]:
        if not precedence or len(symbols) < 2:
            return {s: 1 for s in symbols}
        for _ in range(100):
            tiers = {s: rng.randint(1, 3) for s in symbols}
            if len(set(tiers.values())) >= 2:
                return tiers
        return {s: 1 + (i % 2) for i, s in enumerate(symbols)}

    @staticmethod
    def _tree(rng: random.Random, n: int, symbols: list[str], config: NewOperatorConfig) -> list:
        leaves = [["num", rng.randint(1, config.operand_max)] for _ in range(n)]
        if config.shape == "left":
            tree = leaves[0]
            for leaf in leaves[1:]:
                tree = ["op", rng.choice(symbols), tree, leaf]
            return tree

        def build(items: list) -> list:
            if len(items) == 1:
                return items[0]
            cut = rng.randint(1, len(items) - 1)
            return ["op", rng.choice(symbols), build(items[:cut]), build(items[cut:])]

        return build(leaves)

    # ----------------------------------------------------------------- answer
    def _value(self, params: dict) -> Fraction:
        ops = {op["symbol"]: op for op in params["operators"]}
        tiers = params["tiers"] or {s: 1 for s in ops}
        return evaluate(parse_expression(params["expression"], tiers), ops)

    def solve(self, params: dict) -> str:
        return format_fraction(self._value(params))

    def question(self, params: dict) -> str:
        defs = "\n".join(definition_text(op) for op in params["operators"])
        tiers = params["tiers"]
        if tiers:
            levels = sorted(set(tiers.values()), reverse=True)
            table = "\n".join(
                f"- tier {t}: " + ", ".join(s for s in (op["symbol"] for op in params["operators"]) if tiers[s] == t)
                for t in levels
            )
            grouping = (
                "Precedence table (a higher tier binds more tightly and is applied first):\n"
                f"{table}\n"
                "Operators of the same tier are applied from left to right (a op b op c means (a op b) op c). "
                "Parentheses are always evaluated first."
            )
        else:
            grouping = (
                "All of these operators have the same precedence and are applied from left to right: "
                "a op b op c means (a op b) op c. Parentheses are always evaluated first."
            )
        value = self.solve(params)
        example = "-7/2" if value != "-7/2" else "5/3"
        return (
            "New binary operators are defined as follows (a is the left operand, b the right operand; "
            "*, +, - and / are ordinary multiplication, addition, subtraction and division):\n"
            f"{defs}\n\n"
            "Inside a definition the usual arithmetic rules apply. "
            f"{grouping}\n\n"
            f"Compute the exact value of:\n{params['expression']}\n\n"
            "Use exact arithmetic (no rounding). Return your final answer as <<<value>>>, where the value is an "
            f"integer, a fraction p/q or a terminating decimal, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if len(answer) > 200:
            return Verdict.bad_format(f"answer is too long for a number: {short(answer)}")
        try:
            got = parse_number(answer, allow_grouping=True)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not an exact number: {exc}")
        expected = self._value(params)
        if got != expected:
            return Verdict.fail(f"wrong value {format_fraction(got)}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["applications"] + params["operands"]
