"""game_2048 (unseen): move ONE tile of a 2048-style grid step by step and report the grid.

Rules (TASKS.md 36). An n×n grid holds powers of two and 0 for an empty cell. Only the
tile that starts at the given 1-based (row, column) ever moves; row 1 is the top row and
column 1 the left column. It follows a string of single-step moves ``u`` (up, row - 1),
``d`` (down, row + 1), ``l`` (left, column - 1) and ``r`` (right, column + 1). For each
step, with T the cell the tile would step into:

* T is outside the grid: nothing happens;
* T is empty (0): the tile moves to T;
* T holds the same value: they merge, T becomes twice the value, the tile's old cell
  becomes 0 and the tracked tile is now the merged tile at T;
* T holds a different value: nothing happens, and the next step starts from the same cell.

No other tile ever moves. The answer is the final grid.

Answer format: the n² values row-major, separated by commas (``<<<2, 0, 4, 0>>>``). Also
accepted (``symbench.answer.split_grid``): one row per line (values separated by commas,
or by spaces, a trailing comma per line allowed), one optional pair of outer brackets,
or a list of bracketed rows (``[[2, 0], [4, 0]]``). Values are plain non-negative
integers.

Choices made here (the catalogue leaves them open):

* The start cell always holds a tile (the original often started on an empty cell, which
  made "moving the number" meaningless), and the final grid must differ from the start
  grid (a tile that steps away and back again is resampled), so copying the input grid
  is never right. From level 3 on, at least ``min_merges`` merges (1 at levels 3-4, 2 at
  level 5) must happen along the way; a rejection loop with a hard cap enforces both.
* Start values are ``2 .. 2**max_exponent`` (32 as in the original); the number of tiles is
  drawn from ``tiles_per_row × n`` (n..2n as in the original, up to 3n at level 5) and
  capped at n² - 1 so that the tile can always move somewhere in principle.
* The answer is unique (the simulation is deterministic); the verifier splits the grid
  with the shared grid splitter (no eval, at most 12 digits per value) and reports the
  first wrong cell.
* ``size`` is n² plus twice the number of moves plus 5 per required merge.
* Only the single-tile variant is implemented (the full-slide variant is optional).

Validity (the registry-wide checks hold it): Answers are grids, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, short, split_grid
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

_MAX_ATTEMPTS = 5_000
_STEPS = {"u": (-1, 0), "d": (1, 0), "l": (0, -1), "r": (0, 1)}
_VALUE_RE = re.compile(r"[0-9]{1,12}")  # ASCII digits only


def simulate(grid: list[list[int]], start: tuple[int, int], moves: str) -> tuple[list[list[int]], int]:
    """Final grid and the number of merges of the tracked tile.

    ``start`` is 0-based (row, column).
    """
    g = [row[:] for row in grid]
    n = len(g)
    r, c = start
    merged = 0
    for step in moves:
        dr, dc = _STEPS[step]
        tr, tc = r + dr, c + dc
        if not (0 <= tr < n and 0 <= tc < n):
            continue
        if g[tr][tc] == 0:
            g[tr][tc], g[r][c] = g[r][c], 0
        elif g[tr][tc] == g[r][c]:
            g[tr][tc], g[r][c] = 2 * g[r][c], 0
            merged += 1
        else:
            continue
        r, c = tr, tc
    return g, merged


def format_grid(grid: list[list[int]]) -> str:
    return ", ".join(str(v) for row in grid for v in row)


def parse_grid(text: str, n: int) -> list[list[int]]:
    """Read an n×n grid of non-negative integers (see the module docstring for the forms)."""
    return [[_value(tok) for tok in row] for row in split_grid(text, n, n)]


def _value(token: str) -> int:
    tok = token.strip()
    if not _VALUE_RE.fullmatch(tok):
        raise ParseError(f"expected a non-negative integer, got {short(tok)}")
    return int(tok)


@dataclass(frozen=True)
class Game2048Config(TaskConfig):
    size: tuple[int, int] = (4, 4)
    moves: tuple[int, int] = (4, 4)
    tiles_per_row: tuple[int, int] = (1, 2)
    max_exponent: int = 5
    min_merges: int = 0

    def validate(self) -> None:
        self.require_range("size", 2, 12)
        self.require_range("moves", 1, 60)
        self.require_range("tiles_per_row", 1, 4)
        self.require_int("max_exponent", 1, 10)
        merges = self.require_int("min_merges", 0, 5)
        if merges > self.moves[0]:
            raise ValueError(f"Game2048Config.min_merges ({merges}) cannot exceed the fewest moves {self.moves[0]}")


class Game2048(SymbolicTask):
    name = "game_2048"
    split = "unseen"
    description = "Move one tile of a 2048 grid along a u/d/l/r string (merging equal tiles) and give the grid."
    answer_mode = "unique"
    version = 1
    display_name = "2048"
    paper_order = 36
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = Game2048Config
    presets = {
        1: Game2048Config(size=(2, 2), moves=(2, 2)),
        2: Game2048Config(size=(3, 3), moves=(3, 3)),
        3: Game2048Config(size=(4, 4), moves=(4, 4), min_merges=1),
        4: Game2048Config(size=(5, 5), moves=(5, 6), min_merges=1),
        5: Game2048Config(size=(6, 8), moves=(10, 20), tiles_per_row=(1, 3), min_merges=2),
    }

    def generate(self, rng: random.Random, config: Game2048Config) -> dict:
        values = [2**e for e in range(1, config.max_exponent + 1)]
        for _ in range(_MAX_ATTEMPTS):
            n = rng.randint(*config.size)
            count = min(rng.randint(config.tiles_per_row[0] * n, config.tiles_per_row[1] * n), n * n - 1)
            cells = rng.sample(range(n * n), count)
            grid = [[0] * n for _ in range(n)]
            for cell in cells:
                grid[cell // n][cell % n] = rng.choice(values)
            start = cells[0]
            moves = "".join(rng.choice("udlr") for _ in range(rng.randint(*config.moves)))
            final, merged = simulate(grid, (start // n, start % n), moves)
            if final == grid or merged < config.min_merges:
                continue
            return {
                "grid": grid,
                "start": [start // n + 1, start % n + 1],
                "moves": moves,
                "merges": merged,
                "min_merges": config.min_merges,
            }
        raise GenerationError(f"game_2048: no instance found for {config} in {_MAX_ATTEMPTS} attempts")

    def _final(self, params: dict) -> list[list[int]]:
        row, col = params["start"]
        return simulate(params["grid"], (row - 1, col - 1), params["moves"])[0]

    def solve(self, params: dict) -> str:
        return format_grid(self._final(params))

    def question(self, params: dict) -> str:
        n = len(params["grid"])
        row, col = params["start"]
        grid_text = "\n".join(", ".join(str(v) for v in r) for r in params["grid"])
        example = "0, 4, 2, 8, 0, 0, 16, 2, 4" if n == 2 else "0, 4, 2, 8"
        example_size = "3×3" if n == 2 else "2×2"
        return (
            f"A grid of {n}×{n} cells holds powers of two; 0 marks an empty cell. Rows are numbered 1 to {n} from top to "
            f"bottom and columns 1 to {n} from left to right. Each row is written on its own line with its values "
            "separated by commas.\n\n"
            "Only ONE tile moves: the tile that starts at the given (row, column). No other tile ever moves. It "
            "follows a sequence of single-step moves: u = up one row, d = down one row, l = left one column, "
            "r = right one column. For each step, look at the cell the tile would step into:\n"
            "- if that cell is outside the grid, nothing happens;\n"
            "- if that cell is empty (0), the tile moves into it;\n"
            "- if that cell holds the same value, the two merge: that cell becomes double the value, the cell the "
            "tile came from becomes 0, and the merged tile is the one that continues with the next steps;\n"
            "- if that cell holds a different value, nothing happens and the next step starts from the same cell.\n\n"
            f"Grid:\n{grid_text}\n\n"
            f"Move the tile at (row {row}, column {col}) with the move sequence '{params['moves']}'. "
            "What is the grid after all the moves?\n\n"
            f"Return your final answer as <<<...>>> holding all {n * n} values of the final grid in row-major order "
            f"(first row left to right, then the second row, and so on), separated by commas. For example, a "
            f"{example_size} grid would be written <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = len(params["grid"])
        try:
            grid = parse_grid(answer, n)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        expected = self._final(params)
        for i in range(n):
            for j in range(n):
                if grid[i][j] != expected[i][j]:
                    return Verdict.fail(f"wrong value at row {i + 1}, column {j + 1}: got {grid[i][j]}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        n = len(params["grid"])
        return n * n + 2 * len(params["moves"]) + 5 * params["min_merges"]
