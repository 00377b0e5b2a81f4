"""game24 (seen): combine the given numbers with + - * / and parentheses to reach a target.

Rules (TASKS.md 1). Every given number is used exactly once; only ``+ - * /`` (``×`` and
``÷`` are read as ``*`` and ``/``) and parentheses are allowed; the expression must equal
the target exactly. A trailing ``= target`` is accepted and stripped.

Verification (any_valid): the expression is tokenised and parsed by
:func:`symbench.answer.parse_arithmetic` - never ``eval`` - and evaluated with exact
fractions, so ``8/(3-8/3)`` is exactly 24 (the original's float ``eval`` rejected it).
Decimals, unary minus, ``**``, ``//`` and adjacent numbers (concatenation such as
``1 2`` or ``(1)(2)``) are rejected; the multiset of integer literals must equal the
given numbers.

Choices made here:

* "Distinct solutions" (levels 1 and 3) counts expression trees built by combining two
  sub-results at a time, up to commutativity of ``+`` and ``*`` (so ``a+b`` and ``b+a``
  are one solution, but ``(a+b)+c`` and ``a+(b+c)`` are two). When a split has two equal
  halves (``5/5`` in 3 5 5 7), ``a/b`` and ``b/a`` are the same tree and count once.
* Level 3 keeps the hard tail: either every solution needs a non-integer intermediate
  result, or there are at most two solutions.
* Levels 1-3 (four numbers in 1-13, target 24) are a small family: only 1,362 such
  puzzles are solvable (the original list is the same 1,362), 321 of them meet level 1
  and 267 level 3. They are drawn from a table of all of them (``_game24_table``) by
  slot: the index picks every 100th puzzle of the level's sorted list starting at
  ``index % 100`` and the seed picks one of those, so the first 100 instances of a level
  are 100 different puzzles. Level 4 draws by hash slot (``_distinct``), to the same end.
* Level 5 draws 6-7 numbers in 1-50; the target is the value of a random expression
  tree over them (positive intermediates), kept when it is an integer in [24, 500], so
  it is reachable by construction, and that tree's expression is the reference (nothing
  is searched; the same holds for the original 20-80-number sweeps as overrides).
* ``size`` is the number of numbers plus, for four numbers, a bonus that grows as the
  solution count shrinks (fewer solutions = harder).

Validity (the registry-wide checks hold it): Answers are expressions (any valid one
passes), with many different references per level, so there is no answer class to
balance. Distinct instances: Levels 1-4 are drawn by slot (see above), so a level's
first 100 instances are 100 different puzzles (levels 1-3 from the table).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import combinations

from symbench.answer import AnswerFormat, ParseError, UndefinedValueError, parse_arithmetic, same_multiset, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SLOTS, SlotFilter
from ._game24_table import four_number_puzzles

_MAX_ATTEMPTS = 5_000
_SEARCH_BUDGET = 3_000
_TREE_FROM = 6  # from this many numbers on, the target comes from a random tree (never searched)


# --------------------------------------------------------------------------- exact search


def _combine(a: Fraction, b: Fraction):
    """(value, op, left_first) for every result of one binary step on a and b."""
    yield a + b, "+", True
    yield a * b, "*", True
    yield a - b, "-", True
    yield b - a, "-", False
    if b != 0:
        yield a / b, "/", True
    if a != 0:
        yield b / a, "/", False


@lru_cache(maxsize=None)
def _sub_multisets(items: tuple[int, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Unordered splits of a sorted multiset into two non-empty sorted parts (each once),
    the smaller part first."""
    n = len(items)
    seen = set()
    out = []
    for r in range(1, n // 2 + 1):
        for idx in combinations(range(n), r):
            left = tuple(items[i] for i in idx)
            right = tuple(items[i] for i in range(n) if i not in idx)
            key = (left, right) if len(left) < len(right) or left <= right else (right, left)
            if key in seen:
                continue
            seen.add(key)
            out.append(key)
    return out


@lru_cache(maxsize=50_000)
def _table(items: tuple[int, ...], integers_only: bool) -> dict[Fraction, tuple[int, str]]:
    """value -> (number of distinct trees, one expression) for a sorted multiset.

    With ``integers_only`` every intermediate result must be an integer.
    """
    if len(items) == 1:
        return {Fraction(items[0]): (1, str(items[0]))}
    table: dict[Fraction, tuple[int, str]] = {}
    for left, right in _sub_multisets(items):
        _add_split(table, left, right, integers_only)
    return table


def _add_split(table: dict[Fraction, tuple[int, str]], left: tuple[int, ...], right: tuple[int, ...], integers_only: bool) -> None:
    """Add to ``table`` every tree whose root joins a tree over ``left`` with one over ``right``.

    When both parts are the same multiset, the ordered pairs (T1, T2) and (T2, T1) are
    one unordered pair: each pair of values is visited once, and two trees of the same
    value give ``c*(c+1)/2`` sums and products but ``c*c`` differences and quotients.
    """
    lt = _table(left, integers_only)
    rt = _table(right, integers_only)
    symmetric = left == right
    values = list(rt.items())
    for i, (a, (ca, ea)) in enumerate(lt.items()):
        for j, (b, (cb, eb)) in enumerate(values):
            if symmetric and j < i:
                continue  # the pair (b, a) was counted already
            for value, op, left_first in _combine(a, b):
                if integers_only and value.denominator != 1:
                    continue
                count = ca * cb
                if symmetric and i == j:
                    # Trees T1, T2 of the same value: a-b and b-a (a/b and b/a) are the
                    # same set of trees, so count the ordered pairs once; + and * count
                    # the unordered pairs, T1 with itself included.
                    if not left_first:
                        continue
                    count = ca * (ca + 1) // 2 if op in "+*" else ca * ca
                if value in table:
                    table[value] = (table[value][0] + count, table[value][1])
                else:
                    x, y = (ea, eb) if left_first else (eb, ea)
                    table[value] = (count, f"({x}{op}{y})")


def _inverse(a: Fraction, target: Fraction):
    """(b, op, left_first) with ``a op b == target`` (or ``b op a`` when not left_first)."""
    yield target - a, "+", True
    if a != 0:
        yield target / a, "*", True
    yield a - target, "-", True
    yield a + target, "-", False
    if a != 0 and target != 0:
        yield a / target, "/", True
    if a != 0:
        yield target * a, "/", False


def _count_and_expression(numbers: list[int], target: int) -> tuple[int, str | None]:
    """For at most 4 numbers: (number of distinct solutions, one solution)."""
    return _solutions(tuple(sorted(numbers)), target, False)


def _integer_solution_exists(numbers: list[int], target: int) -> bool:
    """Whether some solution keeps every intermediate result an integer."""
    return _solutions(tuple(sorted(numbers)), target, True)[0] > 0


@lru_cache(maxsize=100_000)
def _solutions(key: tuple[int, ...], target: int, integers_only: bool) -> tuple[int, str | None]:
    """Counts match :func:`_table` of the whole set without building it: every split
    iterates its smaller side and looks the partner value up by inverting the op."""
    t = Fraction(target)
    if len(key) <= 3:
        return _table(key, integers_only).get(t, (0, None))
    count = 0
    expr: str | None = None
    for left, right in _sub_multisets(key):
        if left == right:  # build this split's own table so that pairs are not counted twice
            split: dict[Fraction, tuple[int, str]] = {}
            _add_split(split, left, right, integers_only)
            hit = split.get(t)
            if hit is not None:
                count += hit[0]
                expr = expr or hit[1]
            continue
        lt, rt = _table(left, integers_only), _table(right, integers_only)
        if len(lt) > len(rt):
            lt, rt = rt, lt
        for a, (ca, ea) in lt.items():
            for b, op, left_first in _inverse(a, t):
                hit = rt.get(b)
                if hit is None:
                    continue
                count += ca * hit[0]
                if expr is None:
                    x, y = (ea, hit[1]) if left_first else (hit[1], ea)
                    expr = f"({x}{op}{y})"
    return count, expr


def _reach(items: tuple[int, ...], target: Fraction, budget: list[int]) -> str | None:
    """One expression over the sorted multiset ``items`` equal to ``target``, or None."""
    if len(items) <= 3:
        hit = _table(items, False).get(target)
        return hit[1] if hit else None
    budget[0] -= 1
    if budget[0] < 0:
        return None
    for left, right in _sub_multisets(items):
        if len(left) > 3:
            continue
        for a, (_, ea) in _table(left, False).items():  # left is the smaller part
            for b, op, left_first in _inverse(a, target):
                eb = _reach(right, b, budget)
                if eb is not None:
                    x, y = (ea, eb) if left_first else (eb, ea)
                    return f"({x}{op}{y})"
                if budget[0] < 0:
                    return None
    return None


def find_expression(numbers: list[int], target: int, budget: int = _SEARCH_BUDGET) -> str | None:
    """One expression reaching ``target`` (deterministic), or None within the budget."""
    return _find_cached(tuple(sorted(numbers)), target, budget)


@lru_cache(maxsize=10_000)
def _find_cached(numbers: tuple[int, ...], target: int, budget: int) -> str | None:
    expr = _reach(numbers, Fraction(target), [budget])
    if expr is None:
        return None
    return expr[1:-1] if expr.startswith("(") and _balanced_outer(expr) else expr


def _random_tree(rng: random.Random, numbers: list[int]) -> tuple[int, str] | None:
    """(value, expression) of a random expression tree over ``numbers`` if the value is an integer."""
    values = [(Fraction(x), str(x)) for x in numbers]
    while len(values) > 1:
        i, j = sorted(rng.sample(range(len(values)), 2))
        (b, eb), (a, ea) = values.pop(j), values.pop(i)
        # the steps with a positive result (values are positive): + * and both quotients
        # always, and the difference in the order that is positive; only the chosen one is computed
        options = ["+", "*", "a/b", "b/a"] + (["a-b"] if a > b else ["b-a"] if b > a else [])
        choice = rng.choice(options)
        op, left_first = choice[-2] if len(choice) == 3 else choice, not choice.startswith("b")
        x, y = (a, b) if left_first else (b, a)
        value = x + y if op == "+" else x * y if op == "*" else x - y if op == "-" else x / y
        x, y = (ea, eb) if left_first else (eb, ea)
        values.append((value, f"({x}{op}{y})"))
    value, expr = values[0]
    if value.denominator != 1:
        return None
    return int(value), expr[1:-1] if len(numbers) > 1 else expr


def _balanced_outer(expr: str) -> bool:
    depth = 0
    for i, ch in enumerate(expr):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(expr) - 1:
            return False
    return True


@lru_cache(maxsize=64)
def _table_pool(config: "Game24Config") -> tuple[tuple[tuple[int, ...], int], ...] | None:
    """The table's puzzles that meet ``config`` (numbers and solution count), or None when
    the config is outside the table (not four numbers in 1-13 with target 24)."""
    lo, hi = config.values
    if config.count != (4, 4) or config.target != (24, 24) or hi > 13:
        return None
    pool = tuple(
        (numbers, count)
        for numbers, count, integral in four_number_puzzles()
        if lo <= numbers[0] and numbers[-1] <= hi and count >= config.min_solutions
        and not (config.hard_tail and count > 2 and integral)
    )
    if not pool:
        raise GenerationError(f"game24: no four-number puzzle meets {config}")
    return pool


# --------------------------------------------------------------------------- task


def _without_trailing_target(answer: str, target: int) -> str:
    """``answer`` without a trailing ``= target`` (linear: no regex rescans a whitespace run)."""
    s = answer.rstrip()
    value = str(target)
    if s.endswith(value):
        head = s[: -len(value)].rstrip()
        if head.endswith("="):
            return head[:-1].rstrip()
    return answer


@dataclass(frozen=True)
class Game24Config(TaskConfig):
    count: tuple[int, int] = (4, 4)
    values: tuple[int, int] = (1, 13)
    target: tuple[int, int] = (24, 24)
    min_solutions: int = 1
    hard_tail: bool = False

    def validate(self) -> None:
        count = self.require_range("count", 2, 80)
        self.require_range("values", 1, 20_000)
        self.require_range("target", 1, 10**6)
        self.require_int("min_solutions", 1, 1_000)
        self.require_bool("hard_tail")
        if (self.min_solutions > 1 or self.hard_tail) and count[1] > 4:
            raise ValueError("Game24Config.min_solutions and hard_tail need count <= 4 (solutions are counted exactly)")


class Game24(SymbolicTask):
    name = "game24"
    split = "seen"
    description = "Combine the given numbers with + - * / and parentheses to reach the target."
    answer_mode = "any_valid"
    version = 2
    display_name = "Game 24"
    paper_order = 1
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = Game24Config
    presets = {
        1: Game24Config(count=(4, 4), values=(1, 9), min_solutions=3),
        2: Game24Config(count=(4, 4), values=(1, 13)),
        3: Game24Config(count=(4, 4), values=(1, 13), hard_tail=True),
        4: Game24Config(count=(5, 5), values=(1, 13)),
        5: Game24Config(count=(6, 7), values=(1, 50), target=(24, 500)),
    }

    def generate(self, rng: random.Random, config: Game24Config, index: int) -> dict:
        pool = _table_pool(config)
        if pool is not None:  # four numbers in 1-13, target 24: draw from the table by slot
            numbers, count = rng.choice(pool[index % SLOTS :: SLOTS] or pool)
            return {"numbers": list(numbers), "target": 24, "solutions": count}
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            k = rng.randint(*config.count)
            numbers = sorted(rng.randint(*config.values) for _ in range(k))
            if k >= _TREE_FROM:  # the random tree's value is the target and its expression the reference
                tree = _random_tree(rng, numbers)
                if tree is None or not config.target[0] <= tree[0] <= config.target[1]:
                    continue
                return {"numbers": numbers, "target": tree[0], "solutions": None, "expression": tree[1]}
            target = rng.randint(*config.target)
            if not slots.accepts((numbers, target)):
                continue
            if k <= 4:
                count, expr = _count_and_expression(numbers, target)
                if count < config.min_solutions or expr is None:
                    continue
                if config.hard_tail and count > 2 and _integer_solution_exists(numbers, target):
                    continue
                solutions = count
            else:
                if find_expression(numbers, target) is None:
                    continue
                solutions = None
            return {"numbers": numbers, "target": target, "solutions": solutions}
        raise GenerationError(f"game24: no solvable numbers for {config} in {_MAX_ATTEMPTS} attempts")

    def solve(self, params: dict) -> str:
        if params.get("expression") is not None:  # six or more numbers: the generating tree
            return params["expression"]
        expr = find_expression(params["numbers"], params["target"])
        if expr is None:  # generate() only keeps solvable instances
            raise GenerationError(f"game24: no solution found for {params}")
        return expr

    def question(self, params: dict) -> str:
        numbers = " ".join(map(str, params["numbers"]))
        k = len(params["numbers"])
        target = params["target"]
        example = "<<<(10-9)*(11+13)>>> for the numbers 9 10 11 13 and target 24"
        if sorted(params["numbers"]) == [9, 10, 11, 13] and target == 24:  # never give the answer away
            example = "<<<(2+2)*(1+5)>>> for the numbers 1 2 2 5 and target 24"
        return (
            f"Use all of the following {k} numbers exactly once each, together with the operations "
            f"+, -, *, / and parentheses, to write an arithmetic expression whose value is exactly {target}.\n"
            "Rules: every given number must appear exactly once (as written; do not join digits into new numbers "
            "or split them); no other numbers; no unary minus, no exponentiation, no decimals; division is exact "
            "(fractions are allowed in intermediate results).\n\n"
            f"Numbers: {numbers}\nTarget: {target}\n\n"
            f"Return your final answer as the expression alone inside triple angle brackets, for example {example}."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        target = params["target"]
        text = _without_trailing_target(answer, target)
        try:
            expr = parse_arithmetic(text)
        except UndefinedValueError as exc:
            return Verdict.fail(f"the expression has no value: {exc}")
        except ParseError as exc:
            return Verdict.bad_format(f"cannot parse the expression: {exc}")
        used = [int(x) for x in expr.literals]
        if not same_multiset(used, params["numbers"]):
            return Verdict.fail(
                f"the expression uses the numbers {sorted(used)}, but exactly {sorted(params['numbers'])} must be used once each"
            )
        if expr.value != target:
            return Verdict.fail(f"the expression equals {expr.value}, not {target}")
        return Verdict.ok(f"{short(text, 80)} = {target}")

    def size(self, params: dict) -> float:
        k = len(params["numbers"])
        bonus = 0.0
        if params.get("solutions"):
            bonus = 1.0 / params["solutions"]
        return k + bonus
