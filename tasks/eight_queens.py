"""eight_queens (unseen): complete an N-queens board that has pre-placed queens and blocked cells.

Rules (TASKS.md 30). An N x N board is given as N strings: ``1`` is a pre-placed queen,
``0`` an empty cell and ``X`` a blocked cell. Place queens so that the board holds N
queens in total, no two in the same row, column or diagonal, none on a blocked cell, and
every pre-placed queen stays where it is.

Answer format: all N queens, pre-placed ones included, as 0-based ``row column`` pairs
separated by commas: ``<<<0 3, 1 5, ...>>>`` (row 0 is the top string, column 0 its first
character). Pairs may come in any order; semicolons or new lines also separate pairs,
one pair of outer brackets is ignored, and ``(r, c)`` tuples are accepted too.

Choices made here (the catalogue leaves them open):

* The reference solver is a deterministic bitmask backtracking search from the board
  alone (pre-placed queens fixed, blocked cells excluded).
* The generator draws a random full solution (randomised backtracking, fewest-options
  row first), takes the pre-placed queens from it, and puts blocked cells only on cells
  that solution leaves empty, so every instance is solvable.
* With ``unique`` on (level 5) the blocked cells are chosen to leave exactly one
  completion: while a bounded solver (stopping after two solutions, with a node budget)
  still finds another completion, the cell used most often by a sample of up to 48 other
  completions is blocked. If more blocked cells than the level allows would be needed the
  attempt is redrawn; if fewer are needed, random extra cells off the solution are
  blocked (blocking never adds completions).
* Level 1 is a small family (an empty 8x8 board with 0-1 queens and 0-2 blocked cells
  comes up again and again), so 8x8 boards without uniqueness are drawn by slot
  (``_distinct``): a level's first 100 instances are 100 different boards. Larger boards
  are a large family and are not slotted.
  Up to 400 boards are drawn from one random full solution.
* The verifier checks rules only (``any_valid``): exactly N distinct in-range pairs,
  every pre-placed queen present, no queen on an X, no two queens attacking; the reason
  names the first violation.
* ``size`` is N plus the number of pre-placed queens plus half the blocked cells, plus 2
  when the completion is unique.

Original defects avoided: pre-placed queens were never checked; parse errors silently
truncated the list; the question left unclear whether the given queens are listed.

Validity (the registry-wide checks hold it): Answers are queen placements (any valid one
passes), with many different references per level, so there is no answer class to
balance. Distinct instances: 8x8 boards without uniqueness are drawn by slot (see above), so
a level's first 100 instances are 100 different puzzles; larger boards are a large space.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, short, strip_outer_brackets, strip_quotes
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

_MAX_ATTEMPTS = 60
_PER_SOLUTION = 400  # boards tried per random full solution before drawing another
_NODE_BUDGET = 200_000
_SAMPLE = 48
_TUPLE = re.compile(r"\(\s*([0-9]{1,4})\s*,\s*([0-9]{1,4})\s*\)")  # ASCII digits only
_PAIR = re.compile(r"([0-9]{1,4})[ \t]+([0-9]{1,4})")


class _Budget(Exception):
    pass


def _search(n: int, fixed: dict[int, int], blocked: set[tuple[int, int]], limit: int,
            rng: random.Random | None = None, budget: int = _NODE_BUDGET) -> list[list[int]]:
    """Up to ``limit`` completions (column per row). Raises _Budget when the node budget runs out.

    ``rng`` randomises the column order (used to draw a random solution)."""
    full = (1 << n) - 1
    block = [0] * n
    for r, c in blocked:
        block[r] |= 1 << c
    cols = d1 = d2 = 0
    placed = [-1] * n
    for r, c in fixed.items():
        bit = 1 << c
        if cols & bit or d1 >> r & bit or d2 >> (n - 1 - r) & bit or block[r] & bit:
            return []
        cols |= bit
        d1 |= bit << r
        d2 |= bit << (n - 1 - r)
        placed[r] = c
    free = [r for r in range(n) if r not in fixed]
    found: list[list[int]] = []
    nodes = 0

    def rec(cols: int, d1: int, d2: int, free: list[int]) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > budget:
            raise _Budget
        if not free:
            found.append(placed[:])
            return len(found) >= limit
        best = -1
        best_avail = 0
        best_count = n + 1
        for r in free:
            avail = full & ~(cols | (d1 >> r) | (d2 >> (n - 1 - r)) | block[r])
            cnt = avail.bit_count()
            if cnt < best_count:
                best, best_avail, best_count = r, avail, cnt
                if cnt == 0:
                    return False
        rest = [r for r in free if r != best]
        options = []
        a = best_avail
        while a:
            low = a & -a
            options.append(low)
            a ^= low
        if rng is not None:
            rng.shuffle(options)
        for bit in options:
            placed[best] = bit.bit_length() - 1
            if rec(cols | bit, d1 | (bit << best), d2 | (bit << (n - 1 - best)), rest):
                return True
        placed[best] = -1
        return False

    rec(cols, d1, d2, free)
    return found


def count_completions(n: int, queens: list[list[int]], blocked: list[list[int]], limit: int = 2) -> int:
    """Number of completions, stopping at ``limit`` (used by the tests)."""
    return len(_search(n, {r: c for r, c in queens}, {(r, c) for r, c in blocked}, limit))


#: the reference's own spelling, ``r c, r c, ...``
_CANONICAL = re.compile(r"[0-9]{1,4} [0-9]{1,4}(?:, [0-9]{1,4} [0-9]{1,4})*")


def parse_queens(answer: str, n: int) -> list[tuple[int, int]]:
    """Parse ``r c, r c, ...`` (or ``(r, c), ...``). Raises ParseError with a reason."""
    if _CANONICAL.fullmatch(answer) and answer.count(",") == n - 1:  # the reading below, at once
        return [(int(r), int(c)) for r, _, c in (p.partition(" ") for p in answer.split(", "))]
    s = strip_outer_brackets(answer)
    if "(" in s:
        pairs = _TUPLE.findall(s)
        rest = _TUPLE.sub("", s)
        if rest.strip(" \t\n,;"):
            raise ParseError(f"unexpected text {short(rest.strip())} between the (row, column) pairs")
    else:
        parts = re.split(r"[,;\n]", s)
        if len(parts) > n:
            raise ParseError(f"{len(parts)} items listed, expected exactly {n} queens")
        parts = [strip_quotes(p) for p in parts]
        pairs = []
        for p in parts:
            m = _PAIR.fullmatch(p)
            if not m:
                raise ParseError(f"expected 'row column', got {short(p)}")
            pairs.append(m.groups())
    if len(pairs) != n:
        raise ParseError(f"{len(pairs)} queens listed, expected exactly {n} (pre-placed ones included)")
    return [(int(r), int(c)) for r, c in pairs]


def _all_rules_hold(n: int, pairs: list[tuple[int, int]], params: dict) -> bool:
    """Whether the queens are on the board, distinct, keep the pre-placed ones, avoid the
    blocked cells and share no row, column or diagonal: the rule-by-rule loop of ``check``
    (which names the first violation) at once, on sets."""
    cells = set(pairs)
    if len(cells) != len(pairs) or not all(0 <= r < n and 0 <= c < n for r, c in pairs):
        return False
    if any((r, c) not in cells for r, c in params["queens"]) or any((r, c) in cells for r, c in params["blocked"]):
        return False
    k = len(pairs)
    return (
        len({r for r, _ in pairs}) == k
        and len({c for _, c in pairs}) == k
        and len({r + c for r, c in pairs}) == k
        and len({r - c for r, c in pairs}) == k
    )


@dataclass(frozen=True)
class EightQueensConfig(TaskConfig):
    board: tuple[int, int] = (8, 8)
    queens: tuple[int, int] = (2, 3)
    blocked: tuple[int, int] = (3, 4)
    unique: bool = False

    def validate(self) -> None:
        n_lo, n_hi = self.require_range("board", 4, 20)
        self.require_range("queens", 0, 20)
        self.require_range("blocked", 0, 200)
        self.require_bool("unique")
        if self.queens[1] > n_lo:
            raise ValueError(f"EightQueensConfig.queens {self.queens} cannot exceed the smallest board size {n_lo}")
        if self.blocked[1] > n_lo * n_lo - n_lo:
            raise ValueError(
                f"EightQueensConfig.blocked {self.blocked} cannot exceed N*N-N = {n_lo * n_lo - n_lo} cells"
            )


class EightQueens(SymbolicTask):
    name = "eight_queens"
    split = "unseen"
    description = "Complete an N-queens board keeping pre-placed queens and avoiding blocked cells."
    answer_mode = "any_valid"
    version = 2
    display_name = "Eight Queen"
    paper_order = 30
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = EightQueensConfig
    presets = {
        1: EightQueensConfig(board=(8, 8), queens=(0, 1), blocked=(0, 2)),
        2: EightQueensConfig(board=(8, 8), queens=(1, 2), blocked=(2, 4)),
        3: EightQueensConfig(board=(8, 8), queens=(2, 3), blocked=(3, 4)),
        4: EightQueensConfig(board=(10, 10), queens=(2, 4), blocked=(6, 10)),
        5: EightQueensConfig(board=(12, 14), queens=(3, 5), blocked=(10, 20), unique=True),
    }

    def generate(self, rng: random.Random, config: EightQueensConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience // _PER_SOLUTION):
            n = rng.randint(*config.board)
            try:
                solution = _search(n, {}, set(), 1, rng=rng)[0]
            except (_Budget, IndexError):
                continue
            on_solution = {(r, solution[r]) for r in range(n)}
            # the cells a blocked cell may take when nothing is blocked yet: the same for
            # every board drawn from this solution, so listed once
            off_solution = sorted((r, c) for r in range(n) for c in range(n) if (r, c) not in on_solution)
            # several boards from one full solution (drawing a solution is the costly part)
            for _ in range(1 if config.unique else _PER_SOLUTION):
                board = self._draw_board(rng, config, n, solution, on_solution, off_solution)
                if board is None:
                    break
                fixed, blocked = board
                if config.unique or n > 8 or slots.accepts((n, sorted(fixed.items()), sorted(blocked))):
                    return {
                        "n": n,
                        "queens": [[r, fixed[r]] for r in sorted(fixed)],
                        "blocked": sorted([r, c] for r, c in blocked),
                        "unique": config.unique,
                    }
        raise GenerationError(f"eight_queens: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    def _draw_board(self, rng, config, n, solution, on_solution, off_solution):
        """(pre-placed queens, blocked cells) taken from ``solution``, or None to redraw it.
        ``off_solution``: the cells not on the solution, sorted."""
        k = rng.randint(*config.queens)
        rows = sorted(rng.sample(range(n), k))
        fixed = {r: solution[r] for r in rows}
        target = rng.randint(*config.blocked)
        blocked: set[tuple[int, int]] = set()
        if config.unique:
            try:
                blocked = self._force_unique(rng, n, fixed, solution, config.blocked[1])
            except _Budget:
                return None
            if blocked is None:
                return None
        off = [cell for cell in off_solution if cell not in blocked] if blocked else off_solution
        extra = max(0, target - len(blocked))
        blocked |= set(rng.sample(off, extra))
        return fixed, blocked

    @staticmethod
    def _force_unique(rng, n, fixed, solution, max_blocked):
        blocked: set[tuple[int, int]] = set()
        target = {(r, solution[r]) for r in range(n)}
        while True:
            sols = _search(n, fixed, blocked, _SAMPLE + 1)
            others = [s for s in sols if s != solution]
            if not others:
                return blocked
            if len(blocked) >= max_blocked:
                return None
            counts: dict[tuple[int, int], int] = {}
            for s in others:
                for r, c in enumerate(s):
                    if (r, c) not in target:
                        counts[(r, c)] = counts.get((r, c), 0) + 1
            top = max(counts.values())
            blocked.add(rng.choice(sorted(cell for cell, v in counts.items() if v == top)))

    @staticmethod
    def _board(params: dict) -> list[str]:
        n = params["n"]
        grid = [["0"] * n for _ in range(n)]
        for r, c in params["queens"]:
            grid[r][c] = "1"
        for r, c in params["blocked"]:
            grid[r][c] = "X"
        return ["".join(row) for row in grid]

    def solve(self, params: dict) -> str:
        fixed = {r: c for r, c in params["queens"]}
        blocked = {(r, c) for r, c in params["blocked"]}
        try:
            found = _search(params["n"], fixed, blocked, 1)
        except _Budget:
            found = []
        if not found:  # generate() only emits boards with a completion
            raise GenerationError(f"eight_queens: no completion found for {params}")
        return ", ".join(f"{r} {c}" for r, c in enumerate(found[0]))

    def question(self, params: dict) -> str:
        n = params["n"]
        board = "\n".join(self._board(params))
        example = "0 1, 1 3, 2 0, 3 2"
        if self.solve(params) == example:
            example = "0 2, 1 0, 2 3, 3 1"
        return (
            f"Given a {n}x{n} board, each row written as a string: '1' is a queen that is already placed, "
            "'0' is an empty cell and 'X' is a blocked cell.\n\n"
            f"{board}\n\n"
            f"Place queens so that the board holds exactly {n} queens in total and no two queens attack each "
            "other (no two share a row, a column or a diagonal). Every pre-placed queen must stay where it is, "
            "and no queen may be placed on a blocked cell X.\n\n"
            f"Rows and columns are numbered from 0: row 0 is the first string above and column 0 is its first "
            f"character. Return your final answer as the positions of ALL {n} queens, including the pre-placed "
            "ones, as 'row column' pairs separated by commas inside triple angle brackets. For example, on an "
            f"empty 4x4 board a valid answer would be <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = params["n"]
        try:
            pairs = parse_queens(answer, n)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if _all_rules_hold(n, pairs, params):
            return Verdict.ok()
        seen = set()
        for r, c in pairs:
            if not (0 <= r < n and 0 <= c < n):
                return Verdict.fail(f"queen ({r}, {c}) is off the {n}x{n} board")
            if (r, c) in seen:
                return Verdict.fail(f"queen ({r}, {c}) is listed twice")
            seen.add((r, c))
        for r, c in params["queens"]:
            if (r, c) not in seen:
                return Verdict.fail(f"the pre-placed queen ({r}, {c}) is missing")
        blocked = {(r, c) for r, c in params["blocked"]}
        for r, c in pairs:
            if (r, c) in blocked:
                return Verdict.fail(f"queen ({r}, {c}) is on a blocked cell")
        rows, cols, d1, d2 = {}, {}, {}, {}
        for r, c in pairs:
            for table, key, what in ((rows, r, "row"), (cols, c, "column"), (d1, r + c, "diagonal"), (d2, r - c, "diagonal")):
                if key in table:
                    other = table[key]
                    return Verdict.fail(f"queens {other} and ({r}, {c}) share a {what}")
                table[key] = (r, c)
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["n"] + len(params["queens"]) + len(params["blocked"]) / 2 + (2 if params["unique"] else 0)
