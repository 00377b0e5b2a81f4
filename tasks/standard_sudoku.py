"""standard_sudoku (seen): fill a 9x9 sudoku that has exactly one solution.

Rules (TASKS.md 28). Fill every blank of the 9x9 grid with a digit 1-9 so that each row,
each column and each of the nine 3x3 boxes holds every digit once; the given digits stay.
In the question blanks are shown as empty places between commas.

Answer format: ``<<<[[5,3,4,6,7,8,9,1,2], ..., 9 rows]>>>`` (a JSON-style list of 9 lists
of 9 integers). Also accepted: 9 lines of 9 digits, written either together
(``534678912``) or separated by commas or spaces.

Choices made here (the catalogue leaves them open):

* The full grid comes from randomised backtracking over an empty grid (the cell with the
  fewest candidates first, digits in random order), so solutions are arbitrary sudoku
  grids. (A permuted fixed pattern would be cheaper but gives itself away: all its
  mini-rows or all its mini-columns come from only nine digit triples.)
* Cells are removed in a random order while the solution stays unique, until the blank
  count drawn from the level's range is reached. A removal is kept without search when
  the removed digit is forced by the remaining givens (naked or hidden single). It is
  rejected without search when the removed cell and a second digit w close over rows,
  columns and boxes into a set of blank cells holding only the two digits (swapping
  them there gives a second solution). Otherwise a bounded backtracking search
  (candidate sets, naked-single propagation, fewest-candidates branching, the known
  solution's digit tried first) looks for a solution with another digit in that cell,
  and the removal is kept only if there is none. Running out of the search budget
  counts as "not unique" (the cell stays given). If the random pass ends with fewer
  blanks than the level's minimum, a fresh grid is drawn (attempt cap, then
  ``GenerationError``); the actual blank count is stored, never just the target. The
  tests count solutions with the same search stopping after two.
* Level 5 additionally requires that naked and hidden singles alone do not solve the
  puzzle; after the target is reached the generator keeps removing cells (within the
  range) until that holds, else it draws a new grid. The blank range 56-64 is the
  catalogue's; in practice a random pass rarely gets beyond 58-60 blanks, so level 5
  puzzles mostly have 56-59 blanks, and an override asking for at least 60 blanks
  usually ends in ``GenerationError`` rather than in a silently easier puzzle.
* The verifier checks rules (``any_valid``): shape, digits 1-9, givens kept, rows,
  columns and boxes. Because every puzzle is unique this accepts exactly the one
  solution; the reason names the first violation.
* ``size`` is the blank count, plus 5 when singles alone do not solve the puzzle.

Original defects avoided: the blank count could fall short of its target silently, and
difficulty was measured only by the blank count.

Validity (the registry-wide checks hold it): Answers are solved grids, with many
different references per level, so there is no answer class to balance. Distinct
instances: A level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from itertools import chain
from operator import itemgetter
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict
from symbench.tasks._standard_sudoku_solver import UNITS, _full_grid, _Remover, search, singles_solve

_MAX_ATTEMPTS = 40


_ROW_RE = re.compile(r"\[([^\[\]]*)\]")
_DIGITS = frozenset("123456789")  # an item is exactly one of these (what re [1-9] matches in full)
_NINE_DIGITS_RE = re.compile(r"[1-9]{9}")
_SEPARATORS_RE = re.compile(r"[,\s]+")
#: the reference's own spelling, [[d,d,...], [d,...], ...]
_CANONICAL_RE = re.compile(r"\[\[[1-9](?:,[1-9]){8}\](?:, \[[1-9](?:,[1-9]){8}\]){8}\]")


def parse_grid(answer: str) -> list[list[int]]:
    """9 rows of 9 digits from ``[[...], ...]`` or 9 lines. Raises ParseError."""
    s = answer.strip()
    if _CANONICAL_RE.fullmatch(s):  # the general reading below gives the same grid, slower
        cells = _canonical_cells(s)
        return [list(cells[r * 9 : r * 9 + 9]) for r in range(9)]
    if s.startswith("["):
        if not s.endswith("]"):
            raise ParseError("unbalanced brackets")
        inner = s[1:-1]
        rows = _ROW_RE.findall(inner)
        if _ROW_RE.sub("", inner).strip(" \t\n,"):
            raise ParseError("expected a list of 9 lists of 9 digits")
        if len(rows) != 9:
            raise ParseError(f"expected 9 rows, got {len(rows)}")
        grid = []
        for k, row in enumerate(rows):
            items = [strip.strip().strip("'\"") for strip in row.split(",")]
            if len(items) != 9 or not all(x in _DIGITS for x in items):
                raise ParseError(f"row {k + 1} must hold 9 digits 1-9, got {short(row)}")
            grid.append([int(x) for x in items])
        return grid
    lines = [line.strip() for line in s.splitlines() if line.strip()]
    if len(lines) != 9:
        raise ParseError(f"expected 9 rows, got {len(lines)}")
    grid = []
    for k, line in enumerate(lines):
        if _NINE_DIGITS_RE.fullmatch(line):
            items = list(line)
        else:
            items = [x for x in _SEPARATORS_RE.split(line) if x]
            if len(items) != 9 or not all(x in _DIGITS for x in items):
                raise ParseError(f"row {k + 1} must hold 9 digits 1-9, got {short(line)}")
        grid.append([int(x) for x in items])
    return grid


_DROP_PUNCTUATION = str.maketrans("", "", "[], ")
_DIGIT_VALUES = bytes.maketrans(b"123456789", bytes(range(1, 10)))


def _canonical_cells(s: str) -> bytes:
    """The 81 values of a grid in the reference's spelling (``_CANONICAL_RE``), row by row."""
    return s.translate(_DROP_PUNCTUATION).encode("ascii").translate(_DIGIT_VALUES)


_GIVEN_MASK = bytes([0] + [0xFF] * 255)  # byte value -> 0xFF where a puzzle cell holds a given
_UNIT_CELLS = tuple(itemgetter(*unit) for unit in UNITS)  # the 9 values of each row, column and box


def _all_rules_hold(puzzle: list[list[int]], cells: bytes) -> bool:
    """Whether the 81 ``cells`` (values 1-9, row by row) keep every given and repeat no
    digit in a row, column or box.

    The same judgement as the rule-by-rule loop in ``check`` (which names the first
    violation), made on bytes at C speed; any doubt (a puzzle that is not 9x9 small
    integers) answers False and leaves the judgement to that loop.
    """
    if len(puzzle) != 9 or any(len(row) != 9 for row in puzzle):
        return False
    try:
        given = bytes(chain.from_iterable(puzzle))
    except (TypeError, ValueError):
        return False
    mask = int.from_bytes(given.translate(_GIVEN_MASK), "big")
    if int.from_bytes(cells, "big") & mask != int.from_bytes(given, "big"):
        return False
    for unit in _UNIT_CELLS:
        if len(set(unit(cells))) != 9:
            return False
    return True


@dataclass(frozen=True)
class StandardSudokuConfig(TaskConfig):
    blanks: tuple[int, int] = (46, 50)
    beyond_singles: bool = False

    def validate(self) -> None:
        self.require_range("blanks", 0, 64)
        self.require_bool("beyond_singles")


class StandardSudoku(SymbolicTask):
    name = "standard_sudoku"
    split = "seen"
    description = "Solve a 9x9 sudoku with a unique solution."
    answer_mode = "any_valid"
    version = 1
    display_name = "Standard Sudoku"
    paper_order = 28
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = StandardSudokuConfig
    presets = {
        1: StandardSudokuConfig(blanks=(30, 35)),
        2: StandardSudokuConfig(blanks=(36, 45)),
        3: StandardSudokuConfig(blanks=(46, 50)),
        4: StandardSudokuConfig(blanks=(51, 55)),
        5: StandardSudokuConfig(blanks=(56, 64), beyond_singles=True),
    }

    def generate(self, rng: random.Random, config: StandardSudokuConfig) -> dict:
        lo, hi = config.blanks
        for _ in range(_MAX_ATTEMPTS):
            full = _full_grid(rng)
            remover = _Remover(full)
            g = remover.g
            target = rng.randint(lo, hi)
            order = list(range(81))
            rng.shuffle(order)
            blanks = 0
            done = False
            checked = -1  # blank count at which singles_solve last said "solvable"
            for k, cell in enumerate(order):
                if blanks >= target and blanks != checked:
                    if not config.beyond_singles or not singles_solve(g):
                        done = True
                        break
                    checked = blanks
                    if blanks >= hi:
                        break
                if blanks + (81 - k) < lo:
                    break  # the level's minimum is out of reach with this order
                if remover.try_remove(cell):
                    blanks += 1
            if not done and lo <= blanks <= hi:
                done = not config.beyond_singles or not singles_solve(g)
            if done:
                return {
                    "puzzle": [g[r * 9 : r * 9 + 9] for r in range(9)],
                    "blanks": blanks,
                    "beyond_singles": not singles_solve(g),
                }
        raise GenerationError(f"standard_sudoku: no puzzle for {config} in {_MAX_ATTEMPTS} attempts")

    def solve(self, params: dict) -> str:
        flat = [v for row in params["puzzle"] for v in row]
        sols = search(flat, 1, budget=10**7)
        if not sols:  # pragma: no cover - generated puzzles are solvable
            raise GenerationError("standard_sudoku: puzzle has no solution")
        sol = sols[0]
        return "[" + ", ".join("[" + ",".join(str(v) for v in sol[r * 9 : r * 9 + 9]) + "]" for r in range(9)) + "]"

    def question(self, params: dict) -> str:
        lines = "\n".join(",".join(str(v) if v else "" for v in row) for row in params["puzzle"])
        return (
            "Solve the following 9x9 sudoku. Each line is one row, cells are separated by commas and an empty "
            "place between two commas (or at the start or end of a line) is a blank cell.\n\n"
            f"{lines}\n\n"
            "Fill every blank with a digit from 1 to 9 so that every row, every column and every one of the "
            "nine 3x3 boxes contains each digit from 1 to 9 exactly once. The given digits must not change. "
            "The puzzle has exactly one solution.\n\n"
            "Return your final answer as the completed grid, a list of the 9 rows from top to bottom, each a "
            "list of 9 integers, inside triple angle brackets, for example "
            "<<<[[1,2,3,4,5,6,7,8,9],[4,5,6,7,8,9,1,2,3],[7,8,9,1,2,3,4,5,6],[2,3,4,5,6,7,8,9,1],"
            "[5,6,7,8,9,1,2,3,4],[8,9,1,2,3,4,5,6,7],[3,4,5,6,7,8,9,1,2],[6,7,8,9,1,2,3,4,5],"
            "[9,1,2,3,4,5,6,7,8]]>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if _CANONICAL_RE.fullmatch(answer):  # parse_grid's reading of the reference spelling, kept as bytes
            cells = _canonical_cells(answer)
            if _all_rules_hold(params["puzzle"], cells):
                return Verdict.ok()
            grid = [list(cells[r * 9 : r * 9 + 9]) for r in range(9)]
        else:
            try:
                grid = parse_grid(answer)
            except ParseError as exc:
                return Verdict.bad_format(str(exc))
            if _all_rules_hold(params["puzzle"], bytes(chain.from_iterable(grid))):
                return Verdict.ok()
        for r, row in enumerate(params["puzzle"]):
            for c, v in enumerate(row):
                if v and grid[r][c] != v:
                    return Verdict.fail(f"the given {v} at row {r + 1}, column {c + 1} was changed to {grid[r][c]}")
        flat = [v for row in grid for v in row]
        for kind, units in (("row", UNITS[:9]), ("column", UNITS[9:18]), ("box", UNITS[18:])):
            for k, unit in enumerate(units):
                values = [flat[i] for i in unit]
                if len(set(values)) != 9:
                    dup = next(v for v in values if values.count(v) > 1)
                    return Verdict.fail(f"{kind} {k + 1} contains {dup} more than once")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["blanks"] + (5 if params["beyond_singles"] else 0)
