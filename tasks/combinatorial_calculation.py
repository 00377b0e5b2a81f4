"""combinatorial_calculation (unseen): put operators between fixed-order digits to hit a target.

Rules (TASKS.md 34). A sequence of integers from 1 to 9 is given in a fixed order. The
solver writes an arithmetic expression that uses every number exactly once, in the given
order, joined by the binary operators ``+ - * /`` and parentheses, and whose exact value
equals the target. Numbers must not be reordered or concatenated, and there is no unary
minus. The usual precedence applies (``*`` and ``/`` before ``+`` and ``-``, left to right
otherwise), and the question says so. Division is exact (rational): intermediate results
may be fractions or negative, only the final value has to equal the target.

Answer format: a token list such as ``[(, 9, +, 1, ), *, 2]``; the outer brackets are
optional and each token may be quoted. A plain expression such as ``(9+1)*2`` is also
accepted, because the shared arithmetic parser rejects adjacent numbers, so a plain
expression is just as unambiguous as the token list.

Choices made here (the catalogue leaves them open):

* Instances with at most five numbers are generated with an exact interval DP over
  contiguous sub-sequences (the set of reachable Fractions per interval, with one
  expression kept for each value); the target is drawn uniformly from the integers of
  the level's target range that are reachable, and the digits are resampled until one
  is (with fixed targets such as 10 or 24 this means resampling until it is reachable).
* Longer sequences (L4/L5) would make the full DP explode, so the generator builds a
  random expression over all but the last four numbers (small random sub-trees over
  groups of 1-3 numbers, combined left to right while steering towards a goal inside the
  target range, intermediate values kept below 20 times the range's top), computes the
  exact DP set of the last four numbers, and picks the target uniformly among the
  integers in range that ``prefix op suffix`` reaches. Every target is therefore
  reachable by construction, and the reference expression proves it.
* The reference expression is stored in ``params["reference"]`` and returned by
  ``solve``: finding one again from the numbers alone would need a search with no useful
  bound for 10-20 numbers. It is checked by the same verifier as any answer.
* The verifier never compares with the reference: it tokenises the answer, checks that
  the number tokens are exactly the given numbers in order (written plainly, e.g. no
  ``09``), and evaluates it with :func:`symbench.answer.parse_arithmetic` (no unary
  signs, no adjacent numbers, no implicit multiplication, balanced parentheses,
  division by zero is an error), comparing the exact Fraction with the target.
* Level 1 is a small family: three numbers in a fixed order reach 10 in only 222 ways,
  so its target is 10-15 (TASKS.md: 10; 1,098 puzzles), and instances with at most four
  numbers are drawn by slot of their number sequence (``_distinct``): a level's first
  100 have different numbers.
* ``size`` is the count of numbers plus log10 of the target.

Original defects avoided: the order of the numbers was not enforced (only the sorted
multiset was compared); adjacent number tokens concatenated under ``eval``; the example
in the question was garbled; the generator enumerated parentheses ad hoc.

Validity (the registry-wide checks hold it): Answers are expressions (any valid one
passes), with many different references per level, so there is no answer class to
balance. Distinct instances: Drawn by slot (see above), so a level's first 100 instances
are 100 different puzzles.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from fractions import Fraction

from symbench.answer import (
    AnswerFormat,
    ParseError,
    UndefinedValueError,
    parse_arithmetic,
    short,
    strip_outer_brackets,
    strip_quotes,
)
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

_MAX_ATTEMPTS = 300
_DP_LIMIT = 5  # sequences up to this length are generated with the full interval DP
_SLOTTED = 4  # sequences up to this length are drawn by slot (small families)
_SUFFIX = 4  # length of the exactly solved suffix for longer sequences
_OPS = ("+", "-", "*", "/")
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
_PLAIN_NUMBER = re.compile(r"[0-9]{1,3}(?![0-9])")  # ASCII digits only
_EXAMPLE = "[(, 9, +, 1, ), *, 2, -, 3]"


# --------------------------------------------------------------------------- expression trees
# A tree is either an int (a leaf) or a tuple (op, left, right).


def _apply(op: str, a: Fraction, b: Fraction) -> Fraction | None:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        return None
    return a / b


def _tokens(tree) -> list[str]:
    """Tokens of ``tree`` with only the parentheses that precedence requires."""
    if isinstance(tree, int):
        return [str(tree)]
    op, left, right = tree
    lt, rt = _tokens(left), _tokens(right)
    if not isinstance(left, int) and _PREC[left[0]] < _PREC[op]:
        lt = ["(", *lt, ")"]
    if not isinstance(right, int) and (
        _PREC[right[0]] < _PREC[op] or (_PREC[right[0]] == _PREC[op] and op in "-/")
    ):
        rt = ["(", *rt, ")"]
    return [*lt, op, *rt]


def _value(tree) -> Fraction:
    if isinstance(tree, int):
        return Fraction(tree)
    op, left, right = tree
    v = _apply(op, _value(left), _value(right))
    if v is None:  # pragma: no cover - trees are built without division by zero
        raise GenerationError("division by zero in a generated expression")
    return v


def reachable(numbers: list[int]) -> dict[tuple[int, int], dict[Fraction, tuple]]:
    """Interval DP: for every contiguous [i, j) the reachable values with a back-pointer."""
    n = len(numbers)
    table: dict[tuple[int, int], dict[Fraction, tuple]] = {}
    for i, x in enumerate(numbers):
        table[(i, i + 1)] = {Fraction(x): ("leaf", x)}
    for length in range(2, n + 1):
        for i in range(0, n - length + 1):
            j = i + length
            cell: dict[Fraction, tuple] = {}
            for k in range(i + 1, j):
                left, right = table[(i, k)], table[(k, j)]
                for a in left:
                    for b in right:
                        for op in _OPS:
                            v = _apply(op, a, b)
                            if v is not None and v not in cell:
                                cell[v] = (op, k, a, b)
            table[(i, j)] = cell
    return table


def _rebuild(table, i: int, j: int, value: Fraction):
    entry = table[(i, j)][value]
    if entry[0] == "leaf":
        return entry[1]
    op, k, a, b = entry
    return (op, _rebuild(table, i, k, a), _rebuild(table, k, j, b))


def _random_group(rng: random.Random, numbers: list[int]):
    """A random small tree over 1-3 numbers with an integer value (exact divisions only)."""
    if len(numbers) == 1:
        return numbers[0]
    for _ in range(20):
        k = rng.randint(1, len(numbers) - 1)
        left = _random_group(rng, numbers[:k])
        right = _random_group(rng, numbers[k:])
        op = rng.choice(("+", "-", "*", "*", "/"))
        v = _apply(op, _value(left), _value(right))
        if v is not None and v.denominator == 1:
            return (op, left, right)
    return ("+", _random_group(rng, numbers[:1]), _random_group(rng, numbers[1:]))


def _random_prefix(rng: random.Random, numbers: list[int], goal: int, bound: int):
    groups = []
    i = 0
    while i < len(numbers):
        size = min(rng.randint(1, 3), len(numbers) - i)
        groups.append(_random_group(rng, numbers[i : i + size]))
        i += size
    tree = groups[0]
    total = _value(tree)
    for g in groups[1:]:
        gv = _value(g)
        options = []
        for op in _OPS:
            v = _apply(op, total, gv)
            if v is not None and v.denominator == 1 and abs(v) <= bound:
                options.append((abs(v - goal), op, v))
        if not options:
            return None
        options.sort(key=lambda t: (t[0], t[1]))
        choice = options[0] if rng.random() < 0.6 else rng.choice(options)
        tree = (choice[1], tree, g)
        total = choice[2]
    return tree


# --------------------------------------------------------------------------- answer parsing


def parse_tokens(answer: str) -> list[str]:
    """The answer as a token list: ``[(, 9, +, 1, ), *, 2]``, with or without brackets,
    or a plain expression ``(9+1)*2``. Raises ParseError."""
    s = answer.strip()
    if "," in s:
        tokens = [strip_quotes(t) for t in strip_outer_brackets(s).split(",")]
        for t in tokens:
            if t not in ("(", ")", "+", "-", "*", "/") and not re.fullmatch(r"[0-9]{1,3}", t):
                raise ParseError(f"not a token: {short(t)}")
        return tokens
    tokens = []
    pos = 0
    while pos < len(s):
        ch = s[pos]
        if ch.isspace():
            pos += 1
            continue
        m = _PLAIN_NUMBER.match(s, pos)
        if m:
            tokens.append(m.group(0))
            pos = m.end()
            continue
        if ch in "()+-*/":
            tokens.append(ch)
            pos += 1
            continue
        raise ParseError(f"unexpected character {ch!r} at position {pos}")
    return tokens


# --------------------------------------------------------------------------- task


@dataclass(frozen=True)
class CombinatorialCalculationConfig(TaskConfig):
    count: tuple[int, int] = (5, 5)
    target: tuple[int, int] = (50, 100)

    def validate(self) -> None:
        self.require_range("count", 2, 30)
        self.require_range("target", 1, 100_000)


class CombinatorialCalculation(SymbolicTask):
    name = "combinatorial_calculation"
    split = "unseen"
    description = "Insert + - * / and parentheses between digits in fixed order to reach a target."
    answer_mode = "any_valid"
    version = 2
    display_name = "Combinatorial Calcul."
    paper_order = 34
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = CombinatorialCalculationConfig
    presets = {
        1: CombinatorialCalculationConfig(count=(3, 3), target=(10, 15)),
        2: CombinatorialCalculationConfig(count=(4, 4), target=(24, 24)),
        3: CombinatorialCalculationConfig(count=(5, 5), target=(50, 100)),
        4: CombinatorialCalculationConfig(count=(6, 8), target=(100, 300)),
        5: CombinatorialCalculationConfig(count=(10, 20), target=(300, 1000)),
    }

    def generate(self, rng: random.Random, config: CombinatorialCalculationConfig, index: int) -> dict:
        lo, hi = config.target
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            n = rng.randint(*config.count)
            numbers = [rng.randint(1, 9) for _ in range(n)]
            if n <= _SLOTTED and not slots.accepts(numbers):
                continue
            if n <= _DP_LIMIT:
                table = reachable(numbers)
                targets = sorted(int(v) for v in table[(0, n)] if v.denominator == 1 and lo <= v <= hi)
                if not targets:
                    continue
                target = rng.choice(targets)
                tree = _rebuild(table, 0, n, Fraction(target))
            else:
                goal = rng.randint(lo, hi)
                prefix = _random_prefix(rng, numbers[: n - _SUFFIX], goal, 20 * hi)
                if prefix is None:
                    continue
                pv = _value(prefix)
                suffix = numbers[n - _SUFFIX :]
                table = reachable(suffix)
                found: dict[int, tuple[str, Fraction]] = {}
                for sv in table[(0, _SUFFIX)]:
                    for op in _OPS:
                        v = _apply(op, pv, sv)
                        if v is not None and v.denominator == 1 and lo <= v <= hi and int(v) not in found:
                            found[int(v)] = (op, sv)
                if not found:
                    continue
                target = rng.choice(sorted(found))
                op, sv = found[target]
                tree = (op, prefix, _rebuild(table, 0, _SUFFIX, sv))
            if _value(tree) != target:  # pragma: no cover - defensive
                raise GenerationError("combinatorial_calculation: reference expression has the wrong value")
            return {"numbers": numbers, "target": target, "reference": _tokens(tree)}
        raise GenerationError(
            f"combinatorial_calculation: no solvable instance for {config} in {_MAX_ATTEMPTS} attempts"
        )

    def solve(self, params: dict) -> str:
        return "[" + ", ".join(params["reference"]) + "]"

    def question(self, params: dict) -> str:
        numbers = ", ".join(str(x) for x in params["numbers"])
        return (
            f"You are given the numbers {numbers} in this fixed order, and the target {params['target']}.\n"
            "Insert the binary operators +, -, * and / and parentheses between the numbers so that the "
            "expression evaluates exactly to the target. Rules:\n"
            "- use every number exactly once and keep the given order (no reordering);\n"
            "- do not join numbers into multi-digit numbers (no concatenation);\n"
            "- every operator is binary: there is no unary minus or plus sign in front of a number or bracket;\n"
            "- an operator must stand between any two numbers or bracketed groups (no implicit "
            "multiplication such as 2(3+4) or (1+2)(3+4)), and parentheses must be balanced;\n"
            "- division is exact (not integer division): intermediate results may be fractions or negative, "
            "only the final value must equal the target;\n"
            "- the usual precedence applies: * and / before + and -, operators of equal precedence from left "
            "to right, parentheses first.\n\n"
            "Return your final answer as a list of tokens (numbers, operators and parentheses) separated by "
            "commas inside triple angle brackets. For example, for the numbers 9, 1, 2, 3 and the target 17 a "
            f"valid answer is <<<{_EXAMPLE}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        numbers = [str(x) for x in params["numbers"]]
        if len(answer) > 40 * len(numbers) + 100:
            return Verdict.bad_format(f"answer is far too long for an expression over {len(numbers)} numbers")
        try:
            tokens = parse_tokens(answer)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        try:
            expr = parse_arithmetic(" ".join(tokens))
        except UndefinedValueError as exc:
            return Verdict.fail(f"the expression has no value: {exc}")
        except ParseError as exc:
            return Verdict.bad_format(f"invalid expression: {exc}")
        used = [t for t in tokens if t[0].isdigit()]
        if len(used) != len(numbers):
            return Verdict.fail(f"the expression uses {len(used)} numbers, expected exactly {len(numbers)}")
        for pos, (got, want) in enumerate(zip(used, numbers)):
            if got != want:
                return Verdict.fail(f"number {pos + 1} is {got}, but the given order requires {want}")
        if [str(x) for x in expr.literals] != numbers:  # pragma: no cover - guarded by the token check
            return Verdict.fail("the numbers are not used exactly once in the given order")
        if expr.value != params["target"]:
            v = expr.value
            shown = str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
            return Verdict.fail(f"the expression evaluates to {shown}, not {params['target']}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return len(params["numbers"]) + math.log10(max(params["target"], 1))
