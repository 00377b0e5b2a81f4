"""pattern_recognition (seen): find the one maximal square block of a single letter.

Rules (TASKS.md 22). An R×C matrix of upper-case letters contains exactly one square
block of side k ≥ 3 whose cells all hold the same letter and that is maximal (it cannot
be grown to a larger such square). Smaller squares inside it also consist of one letter;
they are part of it, not separate answers. The answer is the 0-based ``[row, column]``
of the block's bottom-right cell (row 0 is the top row, column 0 the left column).

Answer format: ``<<<[row, column]>>>``, e.g. ``<<<[4, 7]>>>``; round brackets or no
brackets are accepted too (shared ``parse_list``), the two values must be plain integers.

Uniqueness (enforced at generation time). After planting the k×k square P, every 3×3
window of the matrix is scanned. Every uniform window must lie inside P; a stray uniform
window gets one of its cells outside P changed to another letter, and the scan goes on
around that cell (a bounded repair loop; after too many repairs the instance is
resampled). This is enough: any uniform square of side ≥ 3 is the union of its uniform
3×3 windows, so it lies inside P, and P cannot be extended. A second, independent check
(the largest-square dynamic programme that ``solve`` uses) must find side k at exactly
one bottom-right cell, P's. The original's check only fired for squares reaching the
matrix edge, so it did almost nothing.

Decoys (the catalogue asks for k×(k+1) rectangles, which would themselves contain
uniform k×k squares; they are built so that they do not):

* ``small``: solid 2×2 blocks and 3×2 / 2×3 rectangles of one letter;
* ``large``: k×(k+1) or (k+1)×k rectangles of one letter "punctured" on a lattice of
  every third row and column (so every 3×3 window inside them has one odd cell), and
  L-shapes made of two bars two cells thick with arms of length k..k+2.

Decoys are drawn before the square (which overwrites them) and their letters are random,
so they often share the square's letter. Background letters come from a random subset of
``alphabet`` letters of A-Z. ``size`` is R·C/10 + 3·decoys + (26 − alphabet).

Validity (the registry-wide checks hold it): Answers are cell coordinates, with many
different references per level, so there is no answer class to balance. Distinct
instances: A level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

DECOY_KINDS = ("none", "small", "large")
_MAX_ATTEMPTS = 200
_INT_RE = re.compile(r"[0-9]{1,6}")  # ASCII digits only (\d would take "٣" or "３")

Grid = list[list[str]]


def uniform3(grid: Grid, r: int, c: int) -> bool:
    """Is the 3×3 window with top-left cell (r, c) one letter?"""
    ch = grid[r][c]
    return all(grid[r + a][c + b] == ch for a in range(3) for b in range(3))


def largest_squares(grid: Grid) -> tuple[int, list[tuple[int, int]]]:
    """Side of the largest one-letter square and every bottom-right cell where it ends."""
    rows, cols = len(grid), len(grid[0])
    dp = [[1] * cols for _ in range(rows)]
    best, where = 1, []
    for r in range(rows):
        for c in range(cols):
            if r and c and grid[r][c] == grid[r - 1][c] == grid[r][c - 1] == grid[r - 1][c - 1]:
                dp[r][c] = 1 + min(dp[r - 1][c], dp[r][c - 1], dp[r - 1][c - 1])
            if dp[r][c] > best:
                best, where = dp[r][c], [(r, c)]
            elif dp[r][c] == best:
                where.append((r, c))
    return best, where


@dataclass(frozen=True)
class PatternRecognitionConfig(TaskConfig):
    rows: tuple[int, int] = (10, 15)
    cols: tuple[int, int] = (10, 15)
    square: tuple[int, int] = (3, 7)
    alphabet: int = 26
    decoys: tuple[int, int] = (0, 0)
    decoy_kind: str = "none"

    def validate(self) -> None:
        rows = self.require_range("rows", 6, 80)
        cols = self.require_range("cols", 6, 80)
        square = self.require_range("square", 3, 40)
        self.require_int("alphabet", 3, 26)
        self.require_range("decoys", 0, 40)
        self.require_choice("decoy_kind", DECOY_KINDS)
        if square[0] > min(rows[0], cols[0]) // 2:
            raise ValueError(
                f"{self._where('square')} {square} must start at most at half the smallest side "
                f"({min(rows[0], cols[0]) // 2})"
            )


class PatternRecognition(SymbolicTask):
    name = "pattern_recognition"
    split = "seen"
    description = "Find the bottom-right corner of the one maximal single-letter square (side >= 3) in a letter matrix."
    answer_mode = "unique"
    version = 1
    display_name = "Pattern Recognition"
    paper_order = 22
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = PatternRecognitionConfig
    presets = {
        1: PatternRecognitionConfig(rows=(6, 8), cols=(6, 8), square=(3, 3)),
        2: PatternRecognitionConfig(rows=(8, 10), cols=(8, 10), square=(3, 4)),
        3: PatternRecognitionConfig(rows=(10, 15), cols=(10, 15), square=(3, 7)),
        4: PatternRecognitionConfig(
            rows=(16, 20), cols=(16, 20), square=(3, 6), alphabet=6, decoys=(3, 6), decoy_kind="small"
        ),
        5: PatternRecognitionConfig(
            rows=(25, 40), cols=(25, 40), square=(3, 8), alphabet=4, decoys=(4, 8), decoy_kind="large"
        ),
    }

    def generate(self, rng: random.Random, config: PatternRecognitionConfig) -> dict:
        for _ in range(_MAX_ATTEMPTS):
            rows, cols = rng.randint(*config.rows), rng.randint(*config.cols)
            k = rng.randint(config.square[0], min(config.square[1], min(rows, cols) // 2))
            letters = sorted(rng.sample(string.ascii_uppercase, config.alphabet))
            grid = [[rng.choice(letters) for _ in range(cols)] for _ in range(rows)]
            n_decoys = rng.randint(*config.decoys) if config.decoy_kind != "none" else 0
            for _ in range(n_decoys):
                _draw_decoy(rng, grid, letters, k, config.decoy_kind)
            top, left = rng.randint(0, rows - k), rng.randint(0, cols - k)
            letter = rng.choice(letters)
            for r in range(top, top + k):
                for c in range(left, left + k):
                    grid[r][c] = letter
            if not _repair(rng, grid, letters, top, left, k):
                continue
            side, ends = largest_squares(grid)
            if side != k or ends != [(top + k - 1, left + k - 1)]:
                continue  # cannot happen after a successful repair; kept as a second check
            return {
                "grid": ["".join(row) for row in grid],
                "square": k,
                "alphabet": config.alphabet,
                "decoys": n_decoys,
            }
        raise GenerationError(f"pattern_recognition: no unique instance for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _answer(params: dict) -> tuple[int, int]:
        _, ends = largest_squares([list(row) for row in params["grid"]])
        return ends[0]

    def solve(self, params: dict) -> str:
        r, c = self._answer(params)
        return f"[{r}, {c}]"

    def question(self, params: dict) -> str:
        grid = params["grid"]
        rows, cols = len(grid), len(grid[0])
        matrix_text = "\n".join(" ".join(row) for row in grid)
        return (
            f"Here is a matrix of upper-case letters with {rows} rows and {cols} columns, one row per line, "
            f"letters separated by spaces:\n\n{matrix_text}\n\n"
            "Somewhere in it is a square block of side at least 3 (at least 3×3 cells) in which every cell holds "
            "the same letter. Exactly one such block is maximal, i.e. cannot be extended to a larger square of one "
            "letter; smaller squares inside it are part of it and do not count separately. There is no other "
            "one-letter square of side 3 or more anywhere in the matrix.\n\n"
            "Give the row and column of the bottom-right cell of that block. Coordinates start from 0: the top row "
            "is row 0 and the leftmost column is column 0.\n\n"
            "Return your final answer as <<<[row, column]>>>, for example <<<[12, 5]>>> for row 12, column 5."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if len(items) != 2:
            return Verdict.bad_format(f"expected two integers [row, column], got {len(items)} values")
        if not all(_INT_RE.fullmatch(item) for item in items):
            return Verdict.bad_format(f"row and column must be non-negative integers, got {short(answer)}")
        got = (int(items[0]), int(items[1]))
        if got != self._answer(params):
            return Verdict.fail(f"{list(got)} is not the bottom-right cell of the maximal one-letter square")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        grid = params["grid"]
        return len(grid) * len(grid[0]) / 10 + 3 * params["decoys"] + (26 - params["alphabet"])


# --------------------------------------------------------------------------- generation helpers


def _draw_decoy(rng: random.Random, grid: Grid, letters: list[str], k: int, kind: str) -> None:
    """Paint one decoy shape at a random place inside the grid (skipped if it does not fit)."""
    letter = rng.choice(letters)
    others = [x for x in letters if x != letter]
    if kind == "small":
        h, w = rng.choice([(2, 2), (3, 2), (2, 3)])
        cells = {(a, b): letter for a in range(h) for b in range(w)}
    elif rng.random() < 0.5:
        h, w = rng.choice([(k, k + 1), (k + 1, k)])
        pr, pc = rng.randrange(3), rng.randrange(3)
        cells = {
            (a, b): rng.choice(others) if a % 3 == pr and b % 3 == pc else letter for a in range(h) for b in range(w)
        }
    else:
        h, w = rng.randint(k, k + 2), rng.randint(k, k + 2)
        cells = {(a, b): letter for a in range(h) for b in range(w) if a < 2 or b < 2}
        flip_r, flip_c = rng.random() < 0.5, rng.random() < 0.5
        cells = {((h - 1 - a) if flip_r else a, (w - 1 - b) if flip_c else b): v for (a, b), v in cells.items()}
    rows, cols = len(grid), len(grid[0])
    if h > rows or w > cols:
        return
    top, left = rng.randint(0, rows - h), rng.randint(0, cols - w)
    for (a, b), v in cells.items():
        grid[top + a][left + b] = v


def _repair(rng: random.Random, grid: Grid, letters: list[str], top: int, left: int, k: int) -> bool:
    """Break every uniform 3×3 window that is not inside the planted square; False if it takes too long."""
    rows, cols = len(grid), len(grid[0])

    def inside_square(r: int, c: int) -> bool:
        return top <= r < top + k and left <= c < left + k

    def stray(r: int, c: int) -> bool:
        inside = top <= r and r + 2 < top + k and left <= c and c + 2 < left + k
        return not inside and uniform3(grid, r, c)

    todo = [(r, c) for r in range(rows - 2) for c in range(cols - 2) if stray(r, c)]
    budget = 20 + rows * cols // 4
    while todo:
        r, c = todo.pop()
        if not stray(r, c):
            continue
        budget -= 1
        if budget < 0:
            return False
        outside = [(r + a, c + b) for a in range(3) for b in range(3) if not inside_square(r + a, c + b)]
        x, y = rng.choice(outside)
        grid[x][y] = rng.choice([ch for ch in letters if ch != grid[x][y]])
        for a in range(3):
            for b in range(3):
                wr, wc = x - a, y - b
                if 0 <= wr <= rows - 3 and 0 <= wc <= cols - 3 and stray(wr, wc):
                    todo.append((wr, wc))
    return True
