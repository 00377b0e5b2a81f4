"""logic_puzzle (seen): select grid cells with distinct values under row/column rules.

Rules (TASKS.md 20). An S x S grid of integers; positions are 0-based ``(row, column)``
with row 0 at the top and column 0 on the left. Select exactly K different cells such that

* the top-right cell ``(0, S-1)`` is selected;
* the selected cells hold pairwise different numbers;
* ``sum``: in every row and every column the selected numbers add up to at most the
  bound B (B = 4 in the original sizes; a row or column without selected cells has sum 0);
* ``product``: in every row and every column that has selected cells, the product of the
  selected numbers is greater than 0 (so no 0 and an even number of negatives);
* ``both`` (level 5's 12 x 12 variant): the sum and the product rule at once.

Answer: ``r c, r c, ...``: K pairs, row then column, separated by commas (any order).
Any selection satisfying every rule is accepted.

Variants (size, K, values, rule), from the original's complexity table:
c1 2x2, 3, 1..3, sum<=4 | c2 3x3, 4, 1..4, sum<=4 | c3 4x4, 6, -5..8 | c4 5x5, 9, -8..8 |
c5 5x5, 10, -10..10 | c6 6x6, 12, -12..12 | c7 7x7, 16, -14..14 | c8 8x8, 18, -16..16 |
c9 9x9, 20, -18..18 | c10 10x10, 25, -20..20 (c3-c10 product) | c11 12x12, 30, -24..24,
both with sum <= 20. Levels: L1 c1-c2, L2 c3-c4, L3 c5-c6, L4 c7-c8, L5 c9-c11.

Choices made here (the catalogue leaves them open):

* Every instance is generated around a hidden valid selection (so none is infeasible):
  K cells including the top-right one are drawn; for product rules the negative cells
  are drawn from the cycle space of the row/column incidence graph (random choices on
  the edges outside a spanning forest, the forest edges then fixed so that every row and
  column has an even number of negatives); distinct magnitudes are assigned and, for
  sum rules, repaired by random swaps until every line sum is within the bound. The
  other cells are random: in signed ranges 70% are positive and 30% are drawn from the
  non-positive part (0 included), as in the original.
* The hidden selection is the reference answer and is re-checked by the verifier.
* Level 1 is a small family: c1 (2x2, values 1-3) has 6 valid hidden selections and 18
  different grids, c2 (3x3, values 1-4) 32 selections. Their hidden selections are drawn
  uniformly from all valid ones, and grids up to 3x3 are drawn by slot of (variant,
  grid) (``_distinct``), the variant redrawn with each grid: a level's first 100 instances
  are 100 different grids (mostly c2, as c1 cannot fill 100 slots).
* ``size`` is K plus the number of cells divided by 10.

Original defects avoided: no stale memoised constraint checks (the original reused
results between grids, so some reference answers broke their own rules); the verifier
checks K distinct in-grid positions, the top-right cell, distinct values and both kinds
of line rule; the question uses 0-based coordinates throughout.

Validity (the registry-wide checks hold it): Answers are cell selections (any valid one
passes), with many different references per level, so there is no answer class to
balance. Distinct instances: Grids up to 3x3 are drawn by slot (see above), so a level's
first 100 instances are 100 different puzzles; larger grids are a large space.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass
from functools import lru_cache

from symbench.answer import AnswerFormat, short, strip_outer_brackets, strip_quotes
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

# name: (size, K, low value, high value, rule, sum bound)
VARIANTS: dict[str, tuple[int, int, int, int, str, int]] = {
    "c1": (2, 3, 1, 3, "sum", 4),
    "c2": (3, 4, 1, 4, "sum", 4),
    "c3": (4, 6, -5, 8, "product", 0),
    "c4": (5, 9, -8, 8, "product", 0),
    "c5": (5, 10, -10, 10, "product", 0),
    "c6": (6, 12, -12, 12, "product", 0),
    "c7": (7, 16, -14, 14, "product", 0),
    "c8": (8, 18, -16, 16, "product", 0),
    "c9": (9, 20, -18, 18, "product", 0),
    "c10": (10, 25, -20, 20, "product", 0),
    "c11": (12, 30, -24, 24, "both", 20),
}
_MAX_ATTEMPTS = 500
_SLOTTED_SIZE = 3  # grids up to this size are drawn by slot (small families)
_FILLINGS = 50  # fillings tried per planted selection when drawing by slot
_PAIR_RE = re.compile(r"([0-9]{1,3})\s+([0-9]{1,3})")


# --------------------------------------------------------------------------- rules


def violations(params: dict, cells: list[tuple[int, int]]) -> str | None:
    """The first broken rule of a selection, or None when it is valid."""
    grid = params["grid"]
    s, k, rule, bound = params["size"], params["k"], params["rule"], params["bound"]
    if len(cells) != k:
        return f"expected {k} cells, got {len(cells)}"
    for r, c in cells:
        if not (0 <= r < s and 0 <= c < s):
            return f"cell ({r}, {c}) is outside the {s}x{s} grid"
    if len(set(cells)) != len(cells):
        dup = next(x for x in cells if cells.count(x) > 1)
        return f"cell ({dup[0]}, {dup[1]}) is selected twice"
    if (0, s - 1) not in cells:
        return f"the top-right cell (0, {s - 1}) is not selected"
    seen: dict[int, tuple[int, int]] = {}
    for r, c in cells:
        v = grid[r][c]
        if v in seen:
            a = seen[v]
            return f"cells ({a[0]}, {a[1]}) and ({r}, {c}) both hold {v}"
        seen[v] = (r, c)
    for label, index in (("row", 0), ("column", 1)):
        for line in range(s):
            vals = [grid[r][c] for r, c in cells if (r, c)[index] == line]
            if rule in ("sum", "both") and sum(vals) > bound:
                return f"{label} {line}: the selected numbers sum to {sum(vals)} > {bound}"
            if rule in ("product", "both") and vals:
                product = 1
                for v in vals:
                    product *= v
                if product <= 0:
                    return f"{label} {line}: the product of the selected numbers is {product}, not > 0"
    return None


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class LogicPuzzleConfig(TaskConfig):
    variants: tuple[str, ...] = ("c5", "c6")

    def validate(self) -> None:
        v = self.variants
        ok = isinstance(v, tuple) and len(v) >= 1 and all(isinstance(x, str) and x in VARIANTS for x in v)
        if not ok or len(set(v)) != len(v):
            raise ValueError(
                f"LogicPuzzleConfig.variants must be a non-empty tuple of distinct names from "
                f"{', '.join(VARIANTS)}, got {v!r}"
            )


class LogicPuzzle(SymbolicTask):
    name = "logic_puzzle"
    split = "seen"
    description = "Select K grid cells with distinct values, including the top-right one, under row/column sum or product rules."
    answer_mode = "any_valid"
    version = 2
    display_name = "Logical Puzzle"
    paper_order = 20
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = LogicPuzzleConfig
    presets = {
        1: LogicPuzzleConfig(variants=("c1", "c2")),
        2: LogicPuzzleConfig(variants=("c3", "c4")),
        3: LogicPuzzleConfig(variants=("c5", "c6")),
        4: LogicPuzzleConfig(variants=("c7", "c8")),
        5: LogicPuzzleConfig(variants=("c9", "c10", "c11")),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: LogicPuzzleConfig, index: int) -> dict:
        slots = SlotFilter(index)
        variant = rng.choice(config.variants)
        for attempt in range(_MAX_ATTEMPTS + slots.patience):
            if attempt and VARIANTS[variant][0] <= _SLOTTED_SIZE:
                variant = rng.choice(config.variants)  # drawn by slot: the variant is part of the draw
            s, k, lo, hi, rule, bound = VARIANTS[variant]
            if s <= _SLOTTED_SIZE and rule == "sum" and lo >= 1:
                planted = rng.choice(_all_plantings(variant))
            else:
                planted = _plant(rng, s, k, lo, hi, rule, bound)
            if planted is None:
                continue
            cells, values = planted
            # several fillings around one planted selection (planting is the costly part)
            for _ in range(_FILLINGS if s <= _SLOTTED_SIZE else 1):
                grid = [[_filler(rng, lo, hi) for _ in range(s)] for _ in range(s)]
                for (r, c), v in zip(cells, values):
                    grid[r][c] = v
                if s > _SLOTTED_SIZE or slots.accepts((variant, grid)):
                    break
            else:
                continue
            order = sorted(cells)
            params = {
                "variant": variant,
                "size": s,
                "k": k,
                "rule": rule,
                "bound": bound,
                "grid": grid,
                "solution": [list(x) for x in order],
            }
            if violations(params, order) is None:
                return params
        raise GenerationError(f"logic_puzzle: could not plant a selection for {config.variants} in {_MAX_ATTEMPTS} attempts")

    # ----------------------------------------------------------------- answer
    def solve(self, params: dict) -> str:
        return ", ".join(f"{r} {c}" for r, c in params["solution"])

    def question(self, params: dict) -> str:
        s, k, rule, bound = params["size"], params["k"], params["rule"], params["bound"]
        width = max(len(str(v)) for row in params["grid"] for v in row)
        grid = "\n".join(" ".join(str(v).rjust(width) for v in row) for row in params["grid"])
        rules = []
        if rule in ("sum", "both"):
            rules.append(
                f"In every row and in every column, the selected numbers add up to at most {bound} "
                "(a row or column without selected cells counts as 0)."
            )
        if rule in ("product", "both"):
            rules.append(
                "In every row and in every column that contains at least one selected cell, the product of the "
                "selected numbers is greater than 0."
            )
        rule_text = "\n".join(f"- {r}" for r in rules)
        example_cells = [(0, s - 1)] + [(r, 0) for r in range(1, min(s, 3))]
        example = ", ".join(f"{r} {c}" for r, c in example_cells)
        return (
            f"Here is a {s} x {s} grid of integers. Positions are 0-based (row, column): row 0 is the top row, "
            f"column 0 the leftmost column, so the top-right cell is (0, {s - 1}).\n\n"
            f"{grid}\n\n"
            f"Select exactly {k} different cells such that:\n"
            f"- the top-right cell (0, {s - 1}) is selected;\n"
            "- no two selected cells hold the same number;\n"
            f"{rule_text}\n\n"
            "Any selection that satisfies all of these rules is accepted.\n\n"
            f"Return your final answer as <<<...>>>: the {k} selected positions, each written as \"row column\" "
            f"(two 0-based numbers separated by a space), separated by commas, for example <<<{example}>>> "
            f"(this example has only {len(example_cells)} cells; yours must have {k})."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        k = params["k"]
        if len(answer) > 20 * k + 100:
            return Verdict.bad_format("answer is far too long")
        cells = []
        for i, part in enumerate(strip_outer_brackets(answer).split(",")):
            m = _PAIR_RE.fullmatch(strip_quotes(part))
            if not m:
                return Verdict.bad_format(f"item {i + 1} is not a 'row column' pair of integers: {short(part.strip())}")
            cells.append((int(m.group(1)), int(m.group(2))))
        if len(cells) != k:
            return Verdict.bad_format(f"expected {k} cells, got {len(cells)}")
        problem = violations(params, cells)
        if problem:
            return Verdict.fail(problem)
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["k"] + params["size"] ** 2 / 10


# --------------------------------------------------------------------------- planting


@lru_cache(maxsize=None)
def _all_plantings(variant: str) -> tuple[tuple[list[tuple[int, int]], list[int]], ...]:
    """Every valid hidden selection of a small positive ``sum`` variant (c1, c2): drawn
    uniformly instead of by local search (which mostly fails on them)."""
    s, k, lo, hi, _, bound = VARIANTS[variant]
    top_right = (0, s - 1)
    others = [(r, c) for r in range(s) for c in range(s) if (r, c) != top_right]
    out = []
    for rest in itertools.combinations(others, k - 1):
        cells = [top_right, *rest]
        for values in itertools.permutations(range(lo, hi + 1), k):
            lines = [0] * (2 * s)
            for (r, c), v in zip(cells, values):
                lines[r] += v
                lines[s + c] += v
            if max(lines) <= bound:
                out.append((cells, list(values)))
    if not out:
        raise GenerationError(f"logic_puzzle: variant {variant} has no valid selection")
    return tuple(out)


def _filler(rng: random.Random, lo: int, hi: int) -> int:
    if lo >= 1:
        return rng.randint(lo, hi)
    if rng.random() < 0.7:
        return rng.randint(1, hi)
    return rng.randint(lo, 0)


def _plant(
    rng: random.Random, s: int, k: int, lo: int, hi: int, rule: str, bound: int
) -> tuple[list[tuple[int, int]], list[int]] | None:
    top_right = (0, s - 1)
    others = [(r, c) for r in range(s) for c in range(s) if (r, c) != top_right]
    cells = [top_right] + rng.sample(others, k - 1)
    if rule in ("product", "both"):
        negative = _even_negatives(rng, s, cells, 0.3)
    elif lo < 0:
        negative = [rng.random() < 0.3 for _ in cells]
    else:
        negative = [False] * len(cells)
    n_neg = sum(negative)
    pos_pool = list(range(max(lo, 1), hi + 1))
    neg_pool = list(range(lo, 0)) if lo < 0 else []
    if n_neg > len(neg_pool) or len(cells) - n_neg > len(pos_pool):
        return None
    pos_vals = rng.sample(pos_pool, len(cells) - n_neg)
    neg_vals = rng.sample(neg_pool, n_neg)
    values = [neg_vals.pop() if neg else pos_vals.pop() for neg in negative]
    if rule in ("sum", "both"):
        values = _repair_sums(rng, s, cells, values, negative, pos_pool, neg_pool, bound)
        if values is None:
            return None
    return cells, values


def _even_negatives(rng: random.Random, s: int, cells: list[tuple[int, int]], share: float) -> list[bool]:
    """Signs with an even number of negatives in every row and column (cycle space)."""
    # vertices: rows 0..s-1, columns s..2s-1; edge i joins row r and column s + c
    adj: list[list[tuple[int, int]]] = [[] for _ in range(2 * s)]
    for i, (r, c) in enumerate(cells):
        adj[r].append((s + c, i))
        adj[s + c].append((r, i))
    parent_edge = [-1] * (2 * s)
    seen = [False] * (2 * s)
    tree = set()
    post: list[int] = []
    for root in range(2 * s):
        if seen[root] or not adj[root]:
            continue
        seen[root] = True
        stack = [root]
        order = []
        while stack:
            v = stack.pop()
            order.append(v)
            for w, e in adj[v]:
                if not seen[w]:
                    seen[w] = True
                    parent_edge[w] = e
                    tree.add(e)
                    stack.append(w)
        post.extend(reversed(order))
    negative = [False] * len(cells)
    for i in range(len(cells)):
        if i not in tree:
            negative[i] = rng.random() < share
    parity = [0] * (2 * s)
    for i, neg in enumerate(negative):
        if neg and i not in tree:
            r, c = cells[i]
            parity[r] ^= 1
            parity[s + c] ^= 1
    for v in post:  # children before parents
        e = parent_edge[v]
        if e < 0:
            continue
        if parity[v]:
            negative[e] = True
            r, c = cells[e]
            parity[r] ^= 1
            parity[s + c] ^= 1
    return negative


def _repair_sums(
    rng: random.Random,
    s: int,
    cells: list[tuple[int, int]],
    values: list[int],
    negative: list[bool],
    pos_pool: list[int],
    neg_pool: list[int],
    bound: int,
) -> list[int] | None:
    """Local search: swap values of same-sign cells or take an unused value of the same
    sign, never increasing the total excess, until every line sum is <= bound."""
    values = list(values)
    lines = [0] * (2 * s)  # rows, then columns
    for (r, c), v in zip(cells, values):
        lines[r] += v
        lines[s + c] += v
    members: list[list[int]] = [[] for _ in range(2 * s)]
    for i, (r, c) in enumerate(cells):
        members[r].append(i)
        members[s + c].append(i)
    # a line whose cells are too many for the bound even with the smallest values: give up
    for line in members:
        n_pos = sum(1 for i in line if not negative[i])
        n_neg = len(line) - n_pos
        if sum(pos_pool[:n_pos]) + sum(neg_pool[:n_neg]) > bound:
            return None

    def over(x: int) -> int:
        return x - bound if x > bound else 0

    def delta(changes: dict[int, int]) -> int:
        return sum(over(lines[k] + d) - over(lines[k]) for k, d in changes.items())

    def apply(changes: dict[int, int]) -> None:
        for k, d in changes.items():
            lines[k] += d

    used = set(values)
    for _ in range(400):
        bad = [k for k in range(2 * s) if lines[k] > bound]
        if not bad:
            return values
        i = rng.choice(members[rng.choice(bad)])
        ri, ci = cells[i][0], s + cells[i][1]
        if rng.random() < 0.5:
            j = rng.randrange(len(cells))
            if j == i or negative[j] != negative[i]:
                continue
            d = values[j] - values[i]
            rj, cj = cells[j][0], s + cells[j][1]
            changes: dict[int, int] = {}
            for k, dd in ((ri, d), (ci, d), (rj, -d), (cj, -d)):
                changes[k] = changes.get(k, 0) + dd
            if delta(changes) <= 0:
                apply(changes)
                values[i], values[j] = values[j], values[i]
        else:
            pool = neg_pool if negative[i] else pos_pool
            new_value = rng.choice(pool)
            if new_value in used:
                continue
            d = new_value - values[i]
            changes = {ri: d, ci: d}
            if delta(changes) <= 0:
                apply(changes)
                used.discard(values[i])
                used.add(new_value)
                values[i] = new_value
    return None
