"""logical_equation (seen): give letters distinct values from a list so that equations hold.

Rules (TASKS.md 13). N letters ``A, B, ...`` each take a different value from a list of N
distinct positive integers, so the letters form a permutation of the list. Numbered
constraints, one per line, each relate two letters:

* ``X + Y = s`` (sum), ``X - Y = d`` (difference, always written with ``d > 0``),
* ``X = 2.4 * Y`` (a multiple; the factor has one decimal, 1.1 to 4.9, and is exact),
* ``X > Y``.

Answer: ``[vA, vB, ...]``, the values in alphabetical order of the letters, as integers.

Choices made here (the catalogue leaves them open):

* The value list is built so that multiples exist: each new value is, with some
  probability, an existing value times a one-decimal factor that keeps it an integer
  (otherwise a random integer in ``1..value_max``). It is shown sorted.
* Constraints are added by counter-example: the bounded permutation solver
  (``_permutation_csp``, stops after 2 solutions) looks for a second
  assignment; a new true constraint that this second assignment violates is added, until
  the hidden assignment is the only one. Then constraints whose removal keeps the
  solution unique are dropped, in random order, while the count is above the level's
  target; if the count is below the level's range, further true constraints (redundant
  ones) are added. Instances whose unique set is larger than the range are resampled.
* ``gt_percent`` is the share of ``>`` constraints among sampled candidates (about 5%
  as in the original at levels 1-4, 30% at level 5); the equation types are otherwise
  uniform over sum/difference/multiple (multiple only where the hidden values allow it).
* Uniqueness is guaranteed, so the verifier checks that the answer is a permutation of
  the list satisfying every constraint under exact integer arithmetic (``10*X == k*Y``
  for a factor ``k/10``), which is the same as matching the reference. Brackets and
  spacing are free; the answer must list exactly N integers.
* ``size`` is N plus a tenth of the constraint count plus the ``>`` count.

Original defects avoided: uniqueness is enforced (many original puzzles had several
solutions), the value list has no duplicates, multiples are compared exactly (the
original compared floats, so ``1.1*10 != 11``).

Validity (the registry-wide checks hold it): Answers are value lists, with many
different references per level, so there is no answer class to balance. Distinct
instances: A level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._permutation_csp import SearchLimit, solve_permutation

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MAX_ATTEMPTS = 200
_NODE_CAP = 60_000
_INT_RE = re.compile(r"[+-]?[0-9]{1,12}")


# --------------------------------------------------------------------------- semantics


def holds(constraint: list, a: dict[str, int] | list[int]) -> bool:
    """Whether ``constraint`` holds for the assignment (letter index -> value)."""
    kind, x, y, p = constraint
    vx, vy = a[x], a[y]
    if kind == "sum":
        return vx + vy == p
    if kind == "diff":
        return vx - vy == p
    if kind == "mult":
        return 10 * vx == p * vy
    if kind == "gt":
        return vx > vy
    raise ValueError(f"unknown constraint kind {kind!r}")


def render(constraint: list) -> str:
    kind, x, y, p = constraint
    X, Y = LETTERS[x], LETTERS[y]
    if kind == "sum":
        return f"{X} + {Y} = {p}"
    if kind == "diff":
        return f"{X} - {Y} = {p}"
    if kind == "mult":
        return f"{X} = {p // 10}.{p % 10} * {Y}"
    return f"{X} > {Y}"


def _solutions(values: list[int], constraints: list[list], limit: int = 2) -> list[list[int]]:
    """Up to ``limit`` assignments (letter -> value) satisfying everything."""
    n = len(values)
    binary = []
    for c in constraints:
        kind, x, y, p = c
        table = []
        for vx in values:
            mask = 0
            for j, vy in enumerate(values):
                if holds([kind, 0, 1, p], [vx, vy]):
                    mask |= 1 << j
            table.append(mask)
        binary.append((x, y, table))
    found = solve_permutation(n, [(1 << n) - 1] * n, binary, limit=limit, node_cap=_NODE_CAP)
    return [[values[i] for i in sol] for sol in found]


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class LogicalEquationConfig(TaskConfig):
    letters: tuple[int, int] = (9, 11)
    value_max: int = 150
    constraints: tuple[int, int] = (7, 11)
    gt_percent: int = 5

    def validate(self) -> None:
        letters = self.require_range("letters", 3, 26)
        value_max = self.require_int("value_max", 10, 100_000)
        self.require_range("constraints", 1, 100)
        self.require_int("gt_percent", 0, 90)
        if value_max < 2 * letters[1]:
            raise ValueError(
                f"LogicalEquationConfig.value_max must be at least twice the largest letter count, got {value_max}"
            )


class LogicalEquation(SymbolicTask):
    name = "logical_equation"
    split = "seen"
    description = "Assign distinct listed values to letters so that sum/difference/multiple/order constraints hold."
    answer_mode = "unique"
    version = 2
    display_name = "Logical Equation"
    paper_order = 13
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = LogicalEquationConfig
    presets = {
        1: LogicalEquationConfig(letters=(5, 5), value_max=30, constraints=(5, 6), gt_percent=5),
        2: LogicalEquationConfig(letters=(7, 7), value_max=60, constraints=(6, 7), gt_percent=5),
        3: LogicalEquationConfig(letters=(9, 11), value_max=150, constraints=(7, 11), gt_percent=5),
        4: LogicalEquationConfig(letters=(13, 15), value_max=250, constraints=(10, 14), gt_percent=5),
        5: LogicalEquationConfig(letters=(17, 20), value_max=500, constraints=(16, 21), gt_percent=30),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: LogicalEquationConfig) -> dict:
        for _ in range(_MAX_ATTEMPTS):
            n = rng.randint(*config.letters)
            values = _value_list(rng, n, config.value_max)
            if values is None:
                continue
            hidden = list(values)
            rng.shuffle(hidden)
            try:
                constraints = self._constraints(rng, hidden, values, config)
            except SearchLimit:
                continue
            if constraints is None:
                continue
            return {
                "letters": n,
                "values": sorted(values),
                "constraints": constraints,
                "solution": hidden,
                "value_max": config.value_max,
            }
        raise GenerationError(f"logical_equation: no unique puzzle for {config} in {_MAX_ATTEMPTS} attempts")

    def _constraints(
        self, rng: random.Random, hidden: list[int], values: list[int], config: LogicalEquationConfig
    ) -> list[list] | None:
        n = len(hidden)
        mult_pairs = [
            (x, y, 10 * hidden[x] // hidden[y])
            for x in range(n)
            for y in range(n)
            if x != y and (10 * hidden[x]) % hidden[y] == 0 and 11 <= 10 * hidden[x] // hidden[y] <= 49
        ]

        def candidate() -> list:
            r = rng.randrange(100)
            if r < config.gt_percent:
                x, y = rng.sample(range(n), 2)
                if hidden[x] < hidden[y]:
                    x, y = y, x
                return ["gt", x, y, 0]
            kind = rng.choice(("sum", "diff", "mult") if mult_pairs else ("sum", "diff"))
            if kind == "mult":
                x, y, k = rng.choice(mult_pairs)
                return ["mult", x, y, k]
            x, y = rng.sample(range(n), 2)
            if kind == "sum":
                x, y = min(x, y), max(x, y)
                return ["sum", x, y, hidden[x] + hidden[y]]
            if hidden[x] < hidden[y]:
                x, y = y, x
            return ["diff", x, y, hidden[x] - hidden[y]]

        hi = config.constraints[1]
        chosen: list[list] = []
        for _ in range(4 * n + 10):
            sols = _solutions(values, chosen)
            others = [s for s in sols if s != hidden]
            if not others:
                break
            other = others[0]
            for _ in range(200):
                c = candidate()
                if c not in chosen and not holds(c, other):
                    chosen.append(c)
                    break
            else:
                return None
        else:
            return None
        target = rng.randint(*config.constraints)
        # Try dropping each constraint once, in random order. (Shuffle the constraints
        # themselves: indices into ``chosen`` go stale as it shrinks.)
        order = list(chosen)
        rng.shuffle(order)
        for c in order:
            if len(chosen) <= target:
                break
            trial = [d for d in chosen if d is not c]
            if len(_solutions(values, trial)) == 1:
                chosen = trial
        if len(chosen) > hi:
            return None
        for _ in range(50 * n):
            if len(chosen) >= target:
                break
            c = candidate()
            if c not in chosen:
                chosen.insert(rng.randint(0, len(chosen)), c)
        if len(chosen) < config.constraints[0]:
            return None
        return chosen

    # ----------------------------------------------------------------- answer
    def solve(self, params: dict) -> str:
        sols = _solutions(params["values"], params["constraints"], limit=1)
        if not sols:
            raise GenerationError("logical_equation: puzzle has no solution")
        return "[" + ", ".join(str(v) for v in sols[0]) + "]"

    def question(self, params: dict) -> str:
        n = params["letters"]
        letters = ", ".join(LETTERS[:n])
        values = params["values"]
        lines = "\n".join(f"{i}. {render(c)}" for i, c in enumerate(params["constraints"], 1))
        example = list(values)
        if example == params["solution"]:
            example = example[::-1]
        return (
            f"There are {n} letters {letters}. Each letter stands for a different number from the list "
            f"{values}; every number in the list is used by exactly one letter.\n\n"
            "The letters satisfy these constraints (\"X = 2.4 * Y\" means X is exactly 2.4 times Y; "
            "\"X > Y\" means X is strictly larger than Y; all arithmetic is exact):\n"
            f"{lines}\n\n"
            "Find the value of every letter. The solution is unique.\n\n"
            f"Return your final answer as <<<[vA, vB, ...]>>>: the {n} values as integers, listed in the "
            f"alphabetical order of the letters ({letters}), for example <<<{_fmt(example)}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = params["letters"]
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not a list of integers: {exc}")
        if len(items) != n:
            return Verdict.bad_format(f"expected {n} values, got {len(items)}")
        got = []
        for i, item in enumerate(items):
            if not _INT_RE.fullmatch(item):
                return Verdict.bad_format(f"value for {LETTERS[i]} is not an integer: {short(item)}")
            got.append(int(item))
        values = params["values"]
        if sorted(got) != sorted(values):
            missing = sorted(set(values) - set(got))
            extra = sorted(set(got) - set(values))
            if extra:
                return Verdict.fail(f"{extra[0]} is not in the value list")
            if missing:
                return Verdict.fail(f"the answer is not a permutation of the list (missing {missing[0]})")
            return Verdict.fail("the answer uses a value more than once")
        for i, c in enumerate(params["constraints"], 1):
            if not holds(c, got):
                return Verdict.fail(f"constraint {i} ({render(c)}) does not hold")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        cons = params["constraints"]
        return params["letters"] + len(cons) / 10 + sum(1 for c in cons if c[0] == "gt")


def _fmt(values: list[int]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def _value_list(rng: random.Random, n: int, value_max: int) -> list[int] | None:
    values: list[int] = []
    seen: set[int] = set()
    for _ in range(50 * n):
        if len(values) == n:
            break
        v = None
        if values and rng.random() < 0.45:
            base = rng.choice(values)
            options = [k for k in range(11, 50) if (base * k) % 10 == 0 and base * k // 10 <= value_max]
            if options:
                v = base * rng.choice(options) // 10
        if v is None:
            v = rng.randint(1, value_max)
        if v not in seen:
            seen.add(v)
            values.append(v)
    return values if len(values) == n else None
