"""permutations_combinations (unseen): arrange labelled books on a shelf under constraints.

Rules (TASKS.md 37). n books labelled ``A, B, ...`` go on positions 1..n, numbered from
left to right, one book per position. Constraint types:

* book X is at position p / is not at position p;
* X is to the left of Y / to the right of Y (anywhere, not necessarily next to it);
* X is next to Y (adjacent positions);
* level 5 adds: exactly k books stand between X and Y; X is not next to Y; X is in an
  even-numbered position.

Answer: ``["A", "C", "B", ...]``, the labels in position order 1..n. Any arrangement that
satisfies every constraint is accepted. Quotes are optional; lower-case labels are
accepted (the labels are a single-case alphabet).

Choices made here (the catalogue leaves them open):

* A hidden arrangement is drawn first and every constraint is true for it, so each
  instance is satisfiable; the hidden arrangement is the reference answer.
* Levels 1-3: the level's number of random true constraints, no duplicates (also none
  that restate another: "X left of Y" with "Y right of X", "X next to Y" with "Y next to X").
* Levels 4-5 (unique solution enforced): constraints are added by counter-example: the
  bounded permutation solver (``_permutation_csp``, stops after 2
  solutions) finds a second arrangement, and a random true constraint that it violates is
  added, until only the hidden arrangement is left. With ``prefer_weak = K`` (levels 4-5:
  5) up to K such candidates are drawn and the weakest kind is kept (relations and
  exclusions before fixed positions), so puzzles rely less on "book X is at position p".
  Constraints whose removal keeps the solution unique are then dropped (random order)
  while the count is above the level's target; below the range, extra true constraints
  are added. Instances that need more
  constraints than the range allows are resampled. Verification stays rule-based
  (any_valid), which for these levels accepts exactly one arrangement.
* ``size`` is the number of books (doubled when the solution is unique) plus half the
  number of constraints.

Original defects avoided: the answer must be a permutation of the n labels (no missing
items, no duplicates); every constraint is checked on the answer itself, not by comparing
with one stored solution.

Validity (the registry-wide checks hold it): Answers are book orders, with many
different references per level, so there is no answer class to balance. Distinct
instances: A level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._permutation_csp import SearchLimit, solve_permutation

LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BASIC_KINDS = ("at", "not_at", "left", "right", "adjacent")
EXTRA_KINDS = ("between", "not_adjacent", "even")
_MAX_ATTEMPTS = 200
# rough share of arrangements a constraint of each kind rules out (for prefer_weak)
_STRENGTH = {"at": 9, "adjacent": 8, "between": 8, "left": 5, "right": 5, "even": 5, "not_adjacent": 2, "not_at": 1}
_NODE_CAP = 50_000


# --------------------------------------------------------------------------- semantics
# A constraint is [kind, x, y, k]: x, y book indices (y = -1 when unused), k a position
# (1-based) for at/not_at or the number of books in between for "between".


def holds(c: list, pos: list[int]) -> bool:
    """``pos[book]`` is the 1-based position of each book."""
    kind, x, y, k = c
    px = pos[x]
    if kind == "at":
        return px == k
    if kind == "not_at":
        return px != k
    if kind == "even":
        return px % 2 == 0
    py = pos[y]
    if kind == "left":
        return px < py
    if kind == "right":
        return px > py
    if kind == "adjacent":
        return abs(px - py) == 1
    if kind == "not_adjacent":
        return abs(px - py) != 1
    if kind == "between":
        return abs(px - py) - 1 == k
    raise ValueError(f"unknown constraint kind {kind!r}")


def same_rule(c: list) -> tuple:
    """A key equal for constraints that say the same thing ("X left of Y" = "Y right of X",
    "X next to Y" = "Y next to X"), so that no instance lists one rule twice."""
    kind, x, y, k = c
    if kind == "right":
        return ("left", y, x, k)
    if kind in ("adjacent", "not_adjacent", "between"):
        return (kind, min(x, y), max(x, y), k)
    return (kind, x, y, k)


def render(c: list) -> str:
    kind, x, y, k = c
    X = LABELS[x]
    Y = LABELS[y] if y >= 0 else ""
    return {
        "at": f"Book {X} must be at position {k}.",
        "not_at": f"Book {X} must not be at position {k}.",
        "even": f"Book {X} must be at an even-numbered position.",
        "left": f"Book {X} must be somewhere to the left of book {Y}.",
        "right": f"Book {X} must be somewhere to the right of book {Y}.",
        "adjacent": f"Book {X} must be next to book {Y}.",
        "not_adjacent": f"Book {X} must not be next to book {Y}.",
        "between": f"There must be exactly {k} book{'s' if k != 1 else ''} between book {X} and book {Y}.",
    }[kind]


def solutions(n: int, constraints: list[list], limit: int = 2) -> list[list[int]]:
    """Up to ``limit`` arrangements (book -> 1-based position) satisfying everything."""
    domains = [(1 << n) - 1] * n
    binary = []
    for c in constraints:
        kind, x, y, k = c
        if y < 0:
            mask = 0
            for p in range(n):
                if holds(c, [p + 1 if b == x else 0 for b in range(n)]):
                    mask |= 1 << p
            domains[x] &= mask
            continue
        table = []
        for px in range(n):
            mask = 0
            for py in range(n):
                if px != py and holds([kind, 0, 1, k], [px + 1, py + 1]):
                    mask |= 1 << py
            table.append(mask)
        binary.append((x, y, table))
    found = solve_permutation(n, domains, binary, limit=limit, node_cap=_NODE_CAP)
    return [[p + 1 for p in sol] for sol in found]


def order_to_positions(order: list[int]) -> list[int]:
    pos = [0] * len(order)
    for i, book in enumerate(order):
        pos[book] = i + 1
    return pos


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class PermutationsCombinationsConfig(TaskConfig):
    books: tuple[int, int] = (7, 8)
    constraints: tuple[int, int] = (8, 10)
    unique: bool = False
    extra_types: bool = False
    prefer_weak: int = 1

    def validate(self) -> None:
        self.require_range("books", 3, 16)
        self.require_range("constraints", 1, 80)
        self.require_bool("unique")
        self.require_bool("extra_types")
        self.require_int("prefer_weak", 1, 20)


class PermutationsCombinations(SymbolicTask):
    name = "permutations_combinations"
    split = "unseen"
    description = "Arrange labelled books on a shelf so that position and order constraints hold."
    answer_mode = "any_valid"
    version = 1
    display_name = "Permut. and Combina."
    paper_order = 37
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list", case_insensitive=True)
    Config = PermutationsCombinationsConfig
    presets = {
        1: PermutationsCombinationsConfig(books=(4, 4), constraints=(3, 4)),
        2: PermutationsCombinationsConfig(books=(6, 6), constraints=(7, 8)),
        3: PermutationsCombinationsConfig(books=(7, 8), constraints=(8, 10)),
        4: PermutationsCombinationsConfig(books=(9, 9), constraints=(10, 11), unique=True, prefer_weak=5),
        5: PermutationsCombinationsConfig(
            books=(10, 12), constraints=(12, 18), unique=True, extra_types=True, prefer_weak=5
        ),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: PermutationsCombinationsConfig) -> dict:
        for _ in range(_MAX_ATTEMPTS):
            n = rng.randint(*config.books)
            order = list(range(n))
            rng.shuffle(order)
            pos = order_to_positions(order)
            try:
                if config.unique:
                    chosen = self._unique_constraints(rng, n, pos, config)
                else:
                    chosen = self._random_constraints(rng, n, pos, config, rng.randint(*config.constraints))
            except SearchLimit:
                continue
            if chosen is None:
                continue
            return {
                "books": n,
                "constraints": chosen,
                "solution": [LABELS[b] for b in order],
                "unique": config.unique,
            }
        raise GenerationError(f"permutations_combinations: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _candidate(rng: random.Random, n: int, pos: list[int], extra: bool) -> list:
        kinds = BASIC_KINDS + (EXTRA_KINDS if extra else ())
        weights = (3, 2, 2, 2, 3) + ((3, 2, 1) if extra else ())
        kind = rng.choices(kinds, weights)[0]
        x, y = rng.sample(range(n), 2)
        if kind == "at":
            return ["at", x, -1, pos[x]]
        if kind == "not_at":
            k = rng.choice([p for p in range(1, n + 1) if p != pos[x]])
            return ["not_at", x, -1, k]
        if kind == "even":
            x = rng.choice([b for b in range(n) if pos[b] % 2 == 0])
            return ["even", x, -1, 0]
        if kind in ("left", "right"):
            kind = "left" if pos[x] < pos[y] else "right"
            return [kind, x, y, 0]
        if kind == "adjacent":
            neighbours = [b for b in range(n) if abs(pos[b] - pos[x]) == 1]
            return ["adjacent", x, rng.choice(neighbours), 0]
        if kind == "not_adjacent":
            far = [b for b in range(n) if abs(pos[b] - pos[x]) > 1]
            if not far:
                return ["not_at", x, -1, rng.choice([p for p in range(1, n + 1) if p != pos[x]])]
            return ["not_adjacent", x, rng.choice(far), 0]
        gap = abs(pos[x] - pos[y]) - 1
        if gap == 0:  # "exactly 0 books between" is just "next to"
            return ["adjacent", x, y, 0]
        return ["between", x, y, gap]

    def _random_constraints(
        self, rng: random.Random, n: int, pos: list[int], config: PermutationsCombinationsConfig, count: int
    ) -> list[list] | None:
        chosen: list[list] = []
        for _ in range(100 * count):
            if len(chosen) >= count:
                break
            c = self._candidate(rng, n, pos, config.extra_types)
            if all(same_rule(c) != same_rule(d) for d in chosen):
                chosen.append(c)
        return chosen if len(chosen) == count else None

    def _unique_constraints(
        self, rng: random.Random, n: int, pos: list[int], config: PermutationsCombinationsConfig
    ) -> list[list] | None:
        chosen: list[list] = []
        for _ in range(6 * n + 20):
            others = [s for s in solutions(n, chosen) if s != pos]
            if not others:
                break
            other = others[0]
            found: list[list] = []
            for _ in range(300):
                c = self._candidate(rng, n, pos, config.extra_types)
                if c not in chosen and c not in found and not holds(c, other):
                    found.append(c)
                    if len(found) >= config.prefer_weak:
                        break
            if not found:
                return None
            chosen.append(min(found, key=lambda c: _STRENGTH[c[0]]))
        else:
            return None
        lo, hi = config.constraints
        target = rng.randint(lo, hi)
        order = list(range(len(chosen)))
        rng.shuffle(order)
        drop: set[int] = set()
        for i in order:
            if len(chosen) - len(drop) <= target:
                break
            trial = [c for j, c in enumerate(chosen) if j not in drop and j != i]
            if len(solutions(n, trial)) == 1:
                drop.add(i)
        chosen = [c for j, c in enumerate(chosen) if j not in drop]
        if len(chosen) > hi:
            return None
        for _ in range(100 * n):
            if len(chosen) >= target:
                break
            c = self._candidate(rng, n, pos, config.extra_types)
            if all(same_rule(c) != same_rule(d) for d in chosen):
                chosen.insert(rng.randint(0, len(chosen)), c)
        return chosen if lo <= len(chosen) <= hi else None

    # ----------------------------------------------------------------- answer
    def solve(self, params: dict) -> str:
        return "[" + ", ".join(f'"{b}"' for b in params["solution"]) + "]"

    def question(self, params: dict) -> str:
        n = params["books"]
        labels = LABELS[:n]
        lines = "\n".join(f"{i}. {render(c)}" for i, c in enumerate(params["constraints"], 1))
        example = None
        candidates = [list(labels), list(labels[::-1])] + [list(labels[i:] + labels[:i]) for i in range(1, n)]
        for cand in candidates:
            if not self.check(params, _fmt(cand)).correct:
                example = cand
                break
        if example is None:  # pragma: no cover - every rotation and the reversal satisfy everything
            example = ["X"] * n
        uniq = " Exactly one arrangement satisfies all of them." if params["unique"] else (
            " If several arrangements satisfy all of them, give any one."
        )
        return (
            f"Arrange {n} books labelled {', '.join(labels)} on a shelf with positions 1 to {n}, numbered from "
            "left to right; every position holds exactly one book. \"To the left of\" means at any smaller "
            "position (not necessarily adjacent); \"next to\" means in adjacent positions; \"exactly k books "
            "between X and Y\" counts the books standing strictly between them.\n\n"
            f"Constraints:\n{lines}\n\n"
            f"Find an arrangement that satisfies every constraint.{uniq}\n\n"
            "Return your final answer as <<<[...]>>>: the list of the book labels in position order from 1 to "
            f"{n}, each label in double quotes, for example <<<{_fmt(example)}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = params["books"]
        if len(answer) > 20 * n + 100:
            return Verdict.bad_format("answer is far too long")
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not a list of book labels: {exc}")
        if len(items) != n:
            return Verdict.bad_format(f"expected {n} books, got {len(items)}")
        labels = LABELS[:n]
        order = []
        for i, item in enumerate(items):
            label = item.upper()
            # ASCII only: str.upper() maps the dotless "ı" to "I" (and "ſ" to "S")
            if len(label) != 1 or not item.isascii() or label not in labels:
                return Verdict.bad_format(f"item {i + 1} is not one of the labels {', '.join(labels)}: {short(item)}")
            order.append(labels.index(label))
        if len(set(order)) != n:
            dup = next(LABELS[b] for b in order if order.count(b) > 1)
            return Verdict.fail(f"book {dup} appears more than once")
        pos = order_to_positions(order)
        for i, c in enumerate(params["constraints"], 1):
            if not holds(c, pos):
                return Verdict.fail(f"constraint {i} is violated: {render(c)}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["books"] * (2 if params["unique"] else 1) + len(params["constraints"]) / 2


def _fmt(labels: list[str]) -> str:
    return "[" + ", ".join(f'"{b}"' for b in labels) + "]"
