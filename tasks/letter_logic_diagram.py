"""letter_logic_diagram (seen): complete a Latin square whose minor diagonal holds one letter.

Rules (TASKS.md 24). An n x n grid over the first n lower-case letters (n = 7 gives a-g):
every row and every column contains each letter exactly once, and all cells of the minor
diagonal, the cells (r, n-1-r) from top-right to bottom-left, hold the same letter. Some
cells are pre-filled; the rest must be filled in.

Answer format: n lines of n comma-separated letters, e.g. ``a,b,c,d,e`` per line. Also
accepted (the shared ``symbench.answer.split_grid``): a JSON-style ``[[...], ...]`` list of
rows (letters quoted or not), lines of letters separated by spaces, one pair of brackets
per line, and one flat row-major list. Letters are read case-insensitively.

Choices made here (the catalogue leaves them open):

* The full square comes from randomised backtracking: the diagonal letter is drawn, put
  on the whole minor diagonal, and the remaining cells are filled by a search that takes
  the cell with the fewest candidates first and tries letters in random order. So the
  solutions are not limited to the original's cyclic squares.
* Cells are removed in random order while the completion stays unique, until the blank
  count drawn from the level's range is reached; uniqueness is checked with a search that
  stops at a second solution (or, during generation, looks for a completion with another
  letter in the removed cell, which is equivalent) under a node budget; running out of
  budget counts as "not unique". When the random pass ends below the level's minimum a
  new square is drawn (attempt cap, then ``GenerationError``). The actual blank count is
  stored. Level 4 reads "30 to the uniqueness limit" as a target drawn from 30..49 that
  stops early at the limit, so it ranges from 30 up to whatever stays unique.
* The solver treats the diagonal letter as unknown when every diagonal cell is blank and
  tries each letter for it.
* All levels are unique by construction, but the verifier checks rules (``any_valid``):
  shape, letters, givens, rows, columns and the diagonal; the reason names the first
  violation.
* ``size`` is the number of blanks plus the grid side.

Original defects avoided: answers were compared with the stored grid although puzzles
were not unique; the question's line format differed from the validator's list format;
cyclic solutions made the pattern guessable.

Validity (the registry-wide checks hold it): Answers are completed grids, with many
different references per level, so there is no answer class to balance. Distinct
instances: A level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, short, split_grid
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

_LETTERS = "abcdefghijkl"
_MAX_ATTEMPTS = 40
_NODE_BUDGET = 3_000


class _Budget(Exception):
    pass


def _complete(n: int, g: list[int], limit: int, found: list[list[int]], forbid: tuple[int, int] | None,
              budget: list[int], prefer: list[int] | None) -> None:
    """Fill blanks (-1) of the flat grid ``g`` as a Latin square, appending solutions to
    ``found`` until it holds ``limit``. The diagonal is assumed already filled."""
    full = (1 << n) - 1
    rows = [0] * n
    cols = [0] * n
    for i, v in enumerate(g):
        if v >= 0:
            bit = 1 << v
            r, c = divmod(i, n)
            if rows[r] & bit or cols[c] & bit:
                return
            rows[r] |= bit
            cols[c] |= bit
    fcell, fbit = (forbid[0], 1 << forbid[1]) if forbid else (-1, 0)

    def place(i: int, bit: int) -> None:
        rows[i // n] |= bit
        cols[i % n] |= bit
        g[i] = bit.bit_length() - 1

    def unplace(i: int) -> None:
        bit = 1 << g[i]
        rows[i // n] ^= bit
        cols[i % n] ^= bit
        g[i] = -1

    def rec(empties: list[int]) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Budget
        filled: list[int] = []
        result = False
        while True:
            best, best_c, best_n = -1, 0, n + 1
            singles = []
            dead = False
            for i in empties:
                c = full & ~(rows[i // n] | cols[i % n])
                if i == fcell:
                    c &= ~fbit
                k = c.bit_count()
                if k == 1:
                    singles.append((i, c))
                elif k < best_n:
                    if k == 0:
                        dead = True
                        break
                    best, best_c, best_n = i, c, k
            if dead:
                break
            if singles:
                for i, c in singles:
                    if c & (rows[i // n] | cols[i % n]):
                        dead = True
                        break
                    place(i, c)
                    filled.append(i)
                if dead:
                    break
                empties = [i for i in empties if g[i] < 0]
                continue
            if best < 0:
                found.append(g[:])
                result = len(found) >= limit
                break
            rest = [i for i in empties if i != best]
            first = (1 << prefer[best]) & best_c if prefer else 0
            while best_c:
                bit = first or best_c & -best_c
                first = 0
                best_c ^= bit
                place(best, bit)
                done = rec(rest)
                unplace(best)
                if done:
                    result = True
                    break
            break
        for i in filled:
            unplace(i)
        return result

    rec([i for i, v in enumerate(g) if v < 0])


def search(n: int, grid: list[int], limit: int = 2, forbid: tuple[int, int] | None = None,
           budget: int = _NODE_BUDGET, prefer: list[int] | None = None) -> list[list[int]]:
    """Up to ``limit`` completions of the flat grid (``-1`` = blank, letters as 0..n-1).
    ``forbid=(cell, letter)`` excludes one letter from one blank; ``prefer`` is a full grid
    tried first. Raises _Budget when the node budget runs out."""
    diag = [r * n + (n - 1 - r) for r in range(n)]
    given = sorted({grid[i] for i in diag if grid[i] >= 0})
    if len(given) > 1:
        return []
    if given:
        letters = given
    else:
        letters = list(range(n))
        if prefer:
            letters.sort(key=lambda x: x != prefer[diag[0]])
    found: list[list[int]] = []
    left = [budget]
    for letter in letters:
        if forbid and forbid[0] in diag and forbid[1] == letter:
            continue
        g = list(grid)
        for i in diag:
            g[i] = letter
        _complete(n, g, limit, found, forbid, left, prefer)
        if len(found) >= limit:
            break
    return found


def count_solutions(n: int, grid: list[int], limit: int = 2) -> int:
    """Number of completions, stopping at ``limit`` (no node budget: for tests)."""
    return len(search(n, grid, limit, budget=10**9))


def _random_square(rng: random.Random, n: int) -> list[int] | None:
    g = [-1] * (n * n)
    letter = rng.randrange(n)
    for r in range(n):
        g[r * n + (n - 1 - r)] = letter
    full = (1 << n) - 1
    rows = [1 << letter] * n
    cols = [1 << letter] * n
    budget = [20_000]

    def rec(empties: list[int]) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Budget
        if not empties:
            return True
        best, best_c, best_n = -1, 0, n + 1
        for i in empties:
            c = full & ~(rows[i // n] | cols[i % n])
            k = c.bit_count()
            if k < best_n:
                best, best_c, best_n = i, c, k
                if k <= 1:
                    break
        if best_n == 0:
            return False
        rest = [i for i in empties if i != best]
        options = [v for v in range(n) if best_c >> v & 1]
        rng.shuffle(options)
        r, c = divmod(best, n)
        for v in options:
            bit = 1 << v
            rows[r] |= bit
            cols[c] |= bit
            g[best] = v
            if rec(rest):
                return True
            rows[r] ^= bit
            cols[c] ^= bit
        g[best] = -1
        return False

    try:
        return g if rec([i for i in range(n * n) if g[i] < 0]) else None
    except _Budget:
        return None


def _forced(n: int, g: list[int], cell: int, letter: int) -> bool:
    """With ``cell`` blank, do the givens alone force ``letter`` there?"""
    r, c = divmod(cell, n)
    if c == n - 1 - r and any(g[k * n + (n - 1 - k)] == letter for k in range(n) if k != r):
        return True
    seen = {g[r * n + k] for k in range(n)} | {g[k * n + c] for k in range(n)}
    return len(seen - {-1}) == n - 1


def parse_grid(answer: str, n: int) -> list[list[str]]:
    """n rows of n cells (lower-cased), in any shape ``split_grid`` reads. Raises ParseError."""
    # only ASCII is folded: str.lower() would turn the Kelvin sign into "k"
    return [[x.lower() if x.isascii() else x for x in row] for row in split_grid(answer, n, n)]


@dataclass(frozen=True)
class LetterLogicDiagramConfig(TaskConfig):
    size: tuple[int, int] = (7, 7)
    blanks: tuple[int, int] = (20, 25)

    def validate(self) -> None:
        lo, _ = self.require_range("size", 3, 12)
        self.require_range("blanks", 0, 144)
        if self.blanks[0] > lo * lo:
            raise ValueError(
                f"LetterLogicDiagramConfig.blanks {self.blanks} asks for more blanks than a {lo}x{lo} grid has"
            )


class LetterLogicDiagram(SymbolicTask):
    name = "letter_logic_diagram"
    split = "seen"
    description = "Complete a Latin square of letters whose minor diagonal holds a single letter."
    answer_mode = "any_valid"
    version = 1
    display_name = "Letter Logic Diagram"
    paper_order = 24
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("text", case_insensitive=True)
    Config = LetterLogicDiagramConfig
    presets = {
        1: LetterLogicDiagramConfig(size=(5, 5), blanks=(8, 10)),
        2: LetterLogicDiagramConfig(size=(7, 7), blanks=(15, 15)),
        3: LetterLogicDiagramConfig(size=(7, 7), blanks=(20, 25)),
        4: LetterLogicDiagramConfig(size=(7, 7), blanks=(30, 49)),
        5: LetterLogicDiagramConfig(size=(9, 9), blanks=(40, 55)),
    }

    def generate(self, rng: random.Random, config: LetterLogicDiagramConfig) -> dict:
        lo, hi = config.blanks
        for _ in range(_MAX_ATTEMPTS):
            n = rng.randint(*config.size)
            full = _random_square(rng, n)
            if full is None:
                continue
            g = list(full)
            target = min(rng.randint(lo, hi), n * n)
            order = list(range(n * n))
            rng.shuffle(order)
            blanks = 0
            for k, cell in enumerate(order):
                if blanks >= target or blanks + (n * n - k) < lo:
                    break
                letter = g[cell]
                g[cell] = -1
                if _forced(n, g, cell, letter):
                    blanks += 1
                    continue
                try:
                    unique = not search(n, g, 1, forbid=(cell, letter), prefer=full)
                except _Budget:
                    unique = False
                if unique:
                    blanks += 1
                else:
                    g[cell] = letter
            if lo <= blanks <= hi:
                return {
                    "n": n,
                    "puzzle": ["".join("." if v < 0 else _LETTERS[v] for v in g[r * n : r * n + n]) for r in range(n)],
                    "blanks": blanks,
                }
        raise GenerationError(f"letter_logic_diagram: no puzzle for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _flat(params: dict) -> list[int]:
        return [-1 if ch == "." else _LETTERS.index(ch) for row in params["puzzle"] for ch in row]

    def solve(self, params: dict) -> str:
        n = params["n"]
        sols = search(n, self._flat(params), 1, budget=10**7)
        if not sols:  # pragma: no cover - generated puzzles are solvable
            raise GenerationError("letter_logic_diagram: puzzle has no solution")
        sol = sols[0]
        return "\n".join(",".join(_LETTERS[v] for v in sol[r * n : r * n + n]) for r in range(n))

    def question(self, params: dict) -> str:
        n = params["n"]
        letters = _LETTERS[:n]
        grid = "\n".join(",".join("" if ch == "." else ch for ch in row) for row in params["puzzle"])
        example = "\n".join(",".join(letters[(r + c) % n] for c in range(n)) for r in range(n))
        return (
            f"Fill the {n}x{n} grid below with the letters {', '.join(letters)}. Each line is a row; cells are "
            "separated by commas and an empty place between commas (or at the start or end of a line) is an "
            "empty cell to fill. Pre-filled letters must stay as they are.\n\n"
            f"{grid}\n\n"
            "Rules:\n"
            f"1. Each row contains each of the letters {letters[0]}-{letters[-1]} exactly once.\n"
            f"2. Each column contains each of the letters {letters[0]}-{letters[-1]} exactly once.\n"
            "3. All cells on the minor diagonal, from the top-right corner to the bottom-left corner (counting "
            f"from 0: row 0 column {n - 1}, row 1 column {n - 2}, ..., row {n - 1} column 0), contain the same "
            "letter.\n\n"
            f"Return your final answer as the completed grid: {n} lines, each with {n} letters separated by "
            "commas, inside triple angle brackets. For example, the format (not the solution) is\n"
            f"<<<\n{example}\n>>>"
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = params["n"]
        letters = _LETTERS[:n]
        try:
            grid = parse_grid(answer, n)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        for r, row in enumerate(grid):
            for c, x in enumerate(row):
                if len(x) != 1 or x not in letters:
                    return Verdict.bad_format(f"cell ({r + 1}, {c + 1}) holds {short(x)}, not one of the letters {letters}")
        for r, row in enumerate(params["puzzle"]):
            for c, ch in enumerate(row):
                if ch != "." and grid[r][c] != ch:
                    return Verdict.fail(f"the given {ch} at row {r + 1}, column {c + 1} was changed to {grid[r][c]}")
        for r, row in enumerate(grid):
            if len(set(row)) != n:
                return Verdict.fail(f"row {r + 1} repeats a letter")
        for c in range(n):
            if len({grid[r][c] for r in range(n)}) != n:
                return Verdict.fail(f"column {c + 1} repeats a letter")
        diag = {grid[r][n - 1 - r] for r in range(n)}
        if len(diag) != 1:
            return Verdict.fail(f"the minor diagonal holds different letters: {', '.join(sorted(diag))}")
        return Verdict.ok()

    def wrong_answer(self, params: dict) -> str:
        """A well-formed wrong grid (for the format checks): the reference with rows 1 and 2
        swapped. Rows and columns stay Latin, but the minor diagonal breaks."""
        rows = self.solve(params).splitlines()
        rows[0], rows[1] = rows[1], rows[0]
        return "\n".join(rows)

    def size(self, params: dict) -> float:
        return params["blanks"] + params["n"]
