"""Search, removal and grid filling for standard_sudoku (not a task).

Grids are flat lists of 81 digits (0 = blank); candidates are bit masks over digits 1-9.
:func:`search` is the bounded backtracking solver (naked-single propagation,
fewest-candidates branching, an optional cell/digit to forbid, a node budget), used by
:func:`count_solutions` (stops after ``limit``). :func:`singles_solve` tells whether naked
and hidden singles alone solve a puzzle. :class:`_Remover` blanks cells while the
solution stays unique (forced digits kept without search, two-digit swaps rejected
without search, otherwise a bounded search for another digit), and :func:`_full_grid`
draws a random complete grid by randomised backtracking.
"""

from __future__ import annotations

import random

from symbench.contract import GenerationError

_ALL = 0x3FE  # bits 1..9
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
