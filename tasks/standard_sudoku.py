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
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

_ALL = 0x3FE  # bits 1..9
_MAX_ATTEMPTS = 40
_NODE_BUDGET = 3_000

ROW = [i // 9 for i in range(81)]
COL = [i % 9 for i in range(81)]
BOX = [(i // 27) * 3 + (i % 9) // 3 for i in range(81)]
UNITS = (
    [[r * 9 + c for c in range(9)] for r in range(9)]
    + [[r * 9 + c for r in range(9)] for c in range(9)]
    + [[(b // 3) * 27 + (b % 3) * 3 + (k // 3) * 9 + k % 3 for k in range(9)] for b in range(9)]
)
CELL_UNITS = [[u for u in UNITS if i in u] for i in range(81)]
PEERS = [sorted({j for u in CELL_UNITS[i] for j in u if j != i}) for i in range(81)]


class _Budget(Exception):
    pass


def _masks(grid: list[int]) -> tuple[list[int], list[int], list[int]] | None:
    rows, cols, boxes = [0] * 9, [0] * 9, [0] * 9
    for i, v in enumerate(grid):
        if v:
            bit = 1 << v
            if rows[ROW[i]] & bit or cols[COL[i]] & bit or boxes[BOX[i]] & bit:
                return None
            rows[ROW[i]] |= bit
            cols[COL[i]] |= bit
            boxes[BOX[i]] |= bit
    return rows, cols, boxes


_POP = [bin(m).count("1") for m in range(1 << 10)]
_DIGIT = {1 << d: d for d in range(1, 10)}


def search(grid: list[int], limit: int = 2, forbid: tuple[int, int] | None = None,
           budget: int = _NODE_BUDGET, prefer: list[int] | None = None) -> list[list[int]]:
    """Up to ``limit`` solutions of ``grid`` (0 = blank), by backtracking.

    Candidates are kept per cell and naked singles are propagated after every placement;
    the search branches on the blank with the fewest candidates. ``forbid=(cell, digit)``
    excludes one digit from one blank; ``prefer`` (a full grid) is tried first in every
    cell, which finds a second solution close to a known one quickly. Raises _Budget
    when more than ``budget`` branch points are needed."""
    start = _masks(grid)
    if start is None:
        return []
    rows, cols, boxes = start
    g = list(grid)
    cand = [0] * 81
    for i in range(81):
        if not g[i]:
            cand[i] = _ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]])
    if forbid:
        cand[forbid[0]] &= ~(1 << forbid[1])
    found: list[list[int]] = []
    trail: list[tuple[int, int]] = []  # (cell, previous candidates)
    placed: list[int] = []
    nodes = 0
    pop = _POP
    digit_of = _DIGIT

    def assign(i: int, bit: int, queue: list[int]) -> bool:
        g[i] = digit_of[bit]
        placed.append(i)
        for j in PEERS[i]:
            c = cand[j]
            if c & bit and not g[j]:
                trail.append((j, c))
                c ^= bit
                cand[j] = c
                if not c:
                    return False
                if pop[c] == 1:
                    queue.append(j)
        return True

    def propagate(queue: list[int]) -> bool:
        while queue:
            j = queue.pop()
            if g[j]:
                continue
            if not assign(j, cand[j], queue):
                return False
        return True

    def undo(tmark: int, pmark: int) -> None:
        while len(trail) > tmark:
            j, c = trail.pop()
            cand[j] = c
        while len(placed) > pmark:
            g[placed.pop()] = 0

    def rec() -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > budget:
            raise _Budget
        best, best_n = -1, 10
        for i in range(81):
            if not g[i]:
                n = pop[cand[i]]
                if n < best_n:
                    best, best_n = i, n
                    if n <= 2:
                        break
        if best < 0:
            found.append(g[:])
            return len(found) >= limit
        c = cand[best]
        first = (1 << prefer[best]) & c if prefer else 0
        while c:
            bit = first or c & -c
            first = 0
            c ^= bit
            tmark, pmark = len(trail), len(placed)
            queue: list[int] = []
            if assign(best, bit, queue) and propagate(queue) and rec():
                undo(tmark, pmark)
                return True
            undo(tmark, pmark)
        return False

    queue = [i for i in range(81) if not g[i] and pop[cand[i]] == 1]
    if any(not g[i] and not cand[i] for i in range(81)):
        return found
    if propagate(queue):
        rec()
    return found


def count_solutions(grid: list[int], limit: int = 2) -> int:
    """Number of solutions, stopping at ``limit`` (no node budget: for tests)."""
    return len(search(grid, limit, budget=10**9))


def singles_solve(grid: list[int]) -> bool:
    """True when naked and hidden singles alone fill the whole grid."""
    g = list(grid)
    start = _masks(g)
    if start is None:
        return False
    rows, cols, boxes = start
    progress = True
    while progress:
        progress = False
        cand = [0] * 81
        for i in range(81):
            if not g[i]:
                cand[i] = _ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]])
                if not cand[i]:
                    return False
        placements: dict[int, int] = {}
        for i in range(81):
            if not g[i] and cand[i].bit_count() == 1:
                placements[i] = cand[i]
        for unit in UNITS:
            for d in range(1, 10):
                bit = 1 << d
                spots = [i for i in unit if not g[i] and cand[i] & bit]
                if len(spots) == 1 and not any(g[i] == d for i in unit):
                    placements.setdefault(spots[0], bit)
        for i, bit in sorted(placements.items()):
            if rows[ROW[i]] & bit or cols[COL[i]] & bit or boxes[BOX[i]] & bit:
                return False
            g[i] = bit.bit_length() - 1
            rows[ROW[i]] |= bit
            cols[COL[i]] |= bit
            boxes[BOX[i]] |= bit
            progress = True
    return all(g)


class _Remover:
    """Removes cells from a full grid while the solution stays unique (one random pass)."""

    def __init__(self, full: list[int]):
        self.full = full
        self.g = list(full)
        self.rows, self.cols, self.boxes = _masks(full)  # type: ignore[misc]
        # where each digit sits in each row / column / box of the solution
        self.rpos = [0] * 90
        self.cpos = [0] * 90
        self.bpos = [0] * 90
        for i, d in enumerate(full):
            self.rpos[d * 9 + ROW[i]] = i
            self.cpos[d * 9 + COL[i]] = i
            self.bpos[d * 9 + BOX[i]] = i

    def _set(self, cell: int, digit: int) -> None:
        bit = 1 << digit
        self.rows[ROW[cell]] ^= bit
        self.cols[COL[cell]] ^= bit
        self.boxes[BOX[cell]] ^= bit
        self.g[cell] = digit if self.g[cell] == 0 else 0

    def _forced(self, cell: int, digit: int) -> bool:
        """With ``cell`` blank: do the givens alone force ``digit`` there (naked or hidden single)?"""
        rows, cols, boxes, g = self.rows, self.cols, self.boxes, self.g
        bit = 1 << digit
        if _ALL & ~(rows[ROW[cell]] | cols[COL[cell]] | boxes[BOX[cell]]) == bit:
            return True
        for unit in CELL_UNITS[cell]:
            for j in unit:
                if j != cell and not g[j] and not bit & (rows[ROW[j]] | cols[COL[j]] | boxes[BOX[j]]):
                    break
            else:
                return True
        return False

    def _swappable(self, cell: int, digit: int) -> bool:
        """Is there a second digit w such that the cells of ``digit`` and w that must be swapped
        together with ``cell`` (closing over rows, columns and boxes) are all blank? Then
        exchanging the two digits there gives another solution, so the removal is not unique."""
        full, g, rpos, cpos, bpos = self.full, self.g, self.rpos, self.cpos, self.bpos
        for w in range(1, 10):
            if w == digit:
                continue
            seen = {cell}
            stack = [cell]
            ok = True
            while stack and ok:
                y = stack.pop()
                other = w if full[y] == digit else digit
                for p in (rpos[other * 9 + ROW[y]], cpos[other * 9 + COL[y]], bpos[other * 9 + BOX[y]]):
                    if p not in seen:
                        if g[p]:
                            ok = False
                            break
                        seen.add(p)
                        stack.append(p)
            if ok:
                return True
        return False

    def try_remove(self, cell: int) -> bool:
        """Blank ``cell`` if the solution stays unique; return whether it was blanked."""
        digit = self.g[cell]
        self._set(cell, digit)
        if self._forced(cell, digit):
            return True
        if not self._swappable(cell, digit):
            try:
                if not search(self.g, 1, forbid=(cell, digit), prefer=self.full):
                    return True
            except _Budget:
                pass
        self._set(cell, digit)
        return False


def _full_grid(rng: random.Random) -> list[int]:
    """A random complete grid: randomised backtracking (fewest candidates first, digits
    tried in random order). Not a permuted fixed pattern, whose mini-rows would all come
    from three digit triples and give the solution away."""
    g = [0] * 81
    rows, cols, boxes = [0] * 9, [0] * 9, [0] * 9

    def rec() -> bool:
        best, best_c, best_n = -1, 0, 10
        for i in range(81):
            if not g[i]:
                c = _ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]])
                n = _POP[c]
                if n < best_n:
                    best, best_c, best_n = i, c, n
                    if n <= 1:
                        break
        if best < 0:
            return True
        digits = [d for d in range(1, 10) if best_c >> d & 1]
        rng.shuffle(digits)
        r, c, b = ROW[best], COL[best], BOX[best]
        for d in digits:
            bit = 1 << d
            g[best] = d
            rows[r] |= bit
            cols[c] |= bit
            boxes[b] |= bit
            if rec():
                return True
            rows[r] ^= bit
            cols[c] ^= bit
            boxes[b] ^= bit
        g[best] = 0
        return False

    if not rec():  # pragma: no cover - an empty grid always has a completion
        raise GenerationError("standard_sudoku: could not fill a grid")
    return g


def parse_grid(answer: str) -> list[list[int]]:
    """9 rows of 9 digits from ``[[...], ...]`` or 9 lines. Raises ValueError."""
    s = answer.strip()
    if s.startswith("["):
        if not s.endswith("]"):
            raise ValueError("unbalanced brackets")
        inner = s[1:-1]
        rows = re.findall(r"\[([^\[\]]*)\]", inner)
        if re.sub(r"\[[^\[\]]*\]", "", inner).strip(" \t\n,"):
            raise ValueError("expected a list of 9 lists of 9 digits")
        if len(rows) != 9:
            raise ValueError(f"expected 9 rows, got {len(rows)}")
        grid = []
        for k, row in enumerate(rows):
            items = [strip.strip().strip("'\"") for strip in row.split(",")]
            if len(items) != 9 or not all(re.fullmatch(r"[1-9]", x) for x in items):
                raise ValueError(f"row {k + 1} must hold 9 digits 1-9, got {short(row)}")
            grid.append([int(x) for x in items])
        return grid
    lines = [line.strip() for line in s.splitlines() if line.strip()]
    if len(lines) != 9:
        raise ValueError(f"expected 9 rows, got {len(lines)}")
    grid = []
    for k, line in enumerate(lines):
        if re.fullmatch(r"[1-9]{9}", line):
            items = list(line)
        else:
            items = [x for x in re.split(r"[,\s]+", line) if x]
            if len(items) != 9 or not all(re.fullmatch(r"[1-9]", x) for x in items):
                raise ValueError(f"row {k + 1} must hold 9 digits 1-9, got {short(line)}")
        grid.append([int(x) for x in items])
    return grid


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
        try:
            grid = parse_grid(answer)
        except ValueError as exc:
            return Verdict.fail(str(exc))
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
