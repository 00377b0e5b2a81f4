"""reversi (seen): replay a list of Reversi (Othello) moves and report the board.

Rules (TASKS.md 27). An n x n board (n even) holds ``0`` (black, the player the prompt
speaks to), ``1`` (white) and ``*`` (empty). The standard start has the centre 2 x 2 as
``1 0`` over ``0 1``; black moves first. A move puts the mover's piece on an empty cell
and flips every straight line (8 directions) of opponent pieces that is closed at the far
end by a piece of the mover; a move is legal only if it flips at least one piece. A player
without a legal move passes. The prompt shows the position BEFORE the listed moves and
the listed moves (1-based ``(row, column)``), each labelled with its player; the answer
is the position after all of them.

Answer: the n*n cells in row-major order separated by commas, e.g. ``*,0,1,*,...``.
Whitespace around the commas (or line breaks between rows) and one pair of outer
brackets are tolerated, as are quotes around single cells inside brackets (``['0', ...]``); anything
else is rejected.
The answer is unique (the final position is a function of the start and the moves) and
is compared cell by cell.

Choices made here (the catalogue leaves them open):

* Every listed move is legal and its player is named explicitly; passes are listed as
  their own entries ("White has no legal move and passes") wherever they happen, at
  every level; ``allow_passes=False`` (levels 1-4) resamples sequences that need one,
  so passes only appear at level 5, as the level table asks.
* Midgame starts (levels 4-5) play ``prior_moves`` random legal moves that are not listed;
  the prompt shows that position and says whose turn it is. Sequences in which the game
  ends before the last listed move are resampled.
* Levels 1-3 are small families when they start from the initial position: one move on
  the 4x4 start has 4 possible questions, two or three moves 56, and 6x6 openings of 2-3
  moves a few hundred. So they start after a few unlisted random moves (level 1: 2-6,
  levels 2-3: 0-4; TASKS.md: the initial position) and are drawn by slot of (position,
  player to move, listed moves) (``_distinct``): a level's first 100 instances are 100
  different questions.
* ``size`` is the number of listed moves weighted by the board side (n / 4).

Original defects avoided: the original stored the board AFTER the moves and showed it as
the "previous" position, so the expected answer equalled the board in the question; it
also never said that the moves are legal Othello moves. Here the shown position is the
one before the moves, and the prompt states that all listed moves are legal.

Validity (the registry-wide checks hold it): Answers are boards, with many different
references per level, so there is no answer class to balance. Distinct instances: Levels
1-3 are drawn by slot (see above), so a level's first 100 instances are 100 different
puzzles.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from symbench.answer import AnswerFormat, short, strip_outer_brackets, strip_quotes
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

BLACK, WHITE, EMPTY = "0", "1", "*"
NAMES = {BLACK: "Black (0)", WHITE: "White (1)"}
_DIRS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))
_MAX_ATTEMPTS = 500
_SEP = re.compile(r"\s*,\s*|\s+")


def initial_board(n: int) -> list[list[str]]:
    board = [[EMPTY] * n for _ in range(n)]
    h = n // 2
    board[h - 1][h - 1], board[h - 1][h] = WHITE, BLACK
    board[h][h - 1], board[h][h] = BLACK, WHITE
    return board


def other(player: str) -> str:
    return WHITE if player == BLACK else BLACK


def flips(board: list[list[str]], player: str, r: int, c: int) -> list[tuple[int, int]]:
    """Cells flipped if ``player`` plays at (r, c) (0-based); empty if illegal."""
    n = len(board)
    if board[r][c] != EMPTY:
        return []
    opp = other(player)
    out: list[tuple[int, int]] = []
    for dr, dc in _DIRS:
        line = []
        rr, cc = r + dr, c + dc
        while 0 <= rr < n and 0 <= cc < n and board[rr][cc] == opp:
            line.append((rr, cc))
            rr += dr
            cc += dc
        if line and 0 <= rr < n and 0 <= cc < n and board[rr][cc] == player:
            out.extend(line)
    return out


def legal_moves(board: list[list[str]], player: str) -> list[tuple[int, int]]:
    n = len(board)
    return [(r, c) for r in range(n) for c in range(n) if flips(board, player, r, c)]


@lru_cache(maxsize=100_000)
def _legal_cached(rows: tuple[str, ...], player: str) -> list[tuple[int, int]]:
    """``legal_moves`` of a board given as row strings; small boards repeat across draws."""
    return legal_moves([list(row) for row in rows], player)


def _legal(board: list[list[str]], player: str) -> list[tuple[int, int]]:
    return _legal_cached(tuple("".join(row) for row in board), player)


def play(board: list[list[str]], player: str, move: list[int] | None) -> None:
    """Apply ``move`` (1-based [row, col]) for ``player`` in place; ``None`` is a pass."""
    if move is None:
        if legal_moves(board, player):
            raise ValueError(f"{NAMES[player]} passes although it has a legal move")
        return
    r, c = move[0] - 1, move[1] - 1
    flipped = flips(board, player, r, c)
    if not flipped:
        raise ValueError(f"illegal move {move} for {NAMES[player]}")
    board[r][c] = player
    for rr, cc in flipped:
        board[rr][cc] = player


@dataclass(frozen=True)
class ReversiConfig(TaskConfig):
    board_size: int = 6
    prior_moves: tuple[int, int] = (0, 0)
    listed_moves: tuple[int, int] = (2, 3)
    allow_passes: bool = False

    def validate(self) -> None:
        n = self.require_int("board_size", 4, 16)
        if n % 2:
            raise ValueError(f"{self._where('board_size')} must be even, got {n}")
        prior = self.require_range("prior_moves", 0, 200)
        listed = self.require_range("listed_moves", 1, 200)
        self.require_bool("allow_passes")
        if prior[1] + listed[0] > n * n - 4:
            raise ValueError(
                f"{self._where('prior_moves')}/{self._where('listed_moves')}: {prior[1]} + {listed[0]} moves do not fit "
                f"on a {n}x{n} board"
            )


class Reversi(SymbolicTask):
    name = "reversi"
    split = "seen"
    description = "Replay legal Reversi moves (with flips and passes) and report the final board."
    answer_mode = "unique"
    version = 2
    display_name = "Reversi"
    paper_order = 27
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = ReversiConfig
    presets = {
        1: ReversiConfig(board_size=4, prior_moves=(2, 6), listed_moves=(1, 1)),
        2: ReversiConfig(board_size=4, prior_moves=(0, 4), listed_moves=(2, 3)),
        3: ReversiConfig(board_size=6, prior_moves=(0, 4), listed_moves=(2, 3)),
        4: ReversiConfig(board_size=6, prior_moves=(6, 10), listed_moves=(4, 6)),
        5: ReversiConfig(board_size=8, prior_moves=(10, 20), listed_moves=(6, 10), allow_passes=True),
    }

    # ------------------------------------------------------------------ generation
    def generate(self, rng: random.Random, config: ReversiConfig, index: int) -> dict:
        n = config.board_size
        slotted = n <= 6 and config.prior_moves[1] <= 6  # small families: levels 1-3
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            prior = rng.randint(*config.prior_moves)
            listed = rng.randint(*config.listed_moves)
            board = initial_board(n)
            player = BLACK
            ok = True
            for _ in range(prior):  # unlisted moves; a player without a move passes silently
                moves = _legal(board, player)
                if not moves:
                    player = other(player)
                    moves = _legal(board, player)
                    if not moves:
                        ok = False
                        break
                r, c = rng.choice(moves)
                play(board, player, [r + 1, c + 1])
                player = other(player)
            if not ok:
                continue
            start = ["".join(row) for row in board]
            to_move = player
            entries: list[dict] = []
            played = 0
            passes = 0
            while played < listed:
                moves = _legal(board, player)
                if not moves:
                    if not _legal(board, other(player)):
                        ok = False  # game over before the last listed move
                        break
                    entries.append({"player": player, "move": None})
                    passes += 1
                    player = other(player)
                    continue
                r, c = rng.choice(moves)
                play(board, player, [r + 1, c + 1])
                entries.append({"player": player, "move": [r + 1, c + 1]})
                played += 1
                player = other(player)
            if not ok or (passes and not config.allow_passes):
                continue
            if slotted and not slots.accepts((start, to_move, entries)):
                continue
            return {
                "n": n,
                "board": start,
                "to_move": to_move,
                "moves": entries,
                "prior_moves": prior,
                "listed_moves": listed,
                "passes": passes,
            }
        raise GenerationError(f"reversi: no move sequence found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def final_board(params: dict) -> list[list[str]]:
        board = [list(row) for row in params["board"]]
        for entry in params["moves"]:
            play(board, entry["player"], entry["move"])
        return board

    def solve(self, params: dict) -> str:
        return ",".join(cell for row in self.final_board(params) for cell in row)

    # ------------------------------------------------------------------ prompt
    def question(self, params: dict) -> str:
        n = params["n"]
        grid = "\n".join(" ".join(row) for row in params["board"])
        lines = []
        for i, entry in enumerate(params["moves"], 1):
            who = NAMES[entry["player"]]
            if entry["move"] is None:
                lines.append(f"{i}. {who} has no legal move and passes.")
            else:
                r, c = entry["move"]
                lines.append(f"{i}. {who} places a piece at (row {r}, column {c}).")
        if params["prior_moves"]:
            situation = (
                f"The game is already under way ({params['prior_moves']} moves have been played). "
                f"It is now {NAMES[params['to_move']]}'s turn. The current position is:"
            )
        else:
            situation = "The game starts from the standard opening position, and Black moves first:"
        example = ",".join(cell for row in initial_board(n) for cell in row)
        return (
            f"You are playing Reversi (Othello) as Black on a {n}x{n} board. '0' is a black piece, '1' a white "
            "piece and '*' an empty cell. Rows and columns are numbered from 1, starting at the top-left corner.\n"
            "Rules: the players alternate, Black first. A move places the mover's piece on an empty cell; every "
            "straight line (horizontal, vertical or diagonal) of one or more opponent pieces that starts next to "
            "the new piece and is closed at its far end by another piece of the mover is flipped to the mover's "
            "colour. A move is legal only if it flips at least one piece; a player with no legal move passes.\n\n"
            f"{situation}\n{grid}\n\n"
            "Then these moves are played, in this order (all of them are legal):\n" + "\n".join(lines) + "\n\n"
            f"What is the position after the last listed entry? Give all {n * n} cells in "
            "row-major order (row 1 from left to right, then row 2, ...), each as 0, 1 or *, separated by commas.\n"
            "Return your final answer as <<<cells>>>; for example, the standard opening position of this board "
            f"would be written <<<{example}>>>."
        )

    # ------------------------------------------------------------------ verify
    def check(self, params: dict, answer: str) -> Verdict:
        n = params["n"]
        body = strip_outer_brackets(answer)
        if len(body) > 20 * n * n + 100:
            return Verdict.bad_format(f"answer is far too long for {n * n} cells")
        cells = [strip_quotes(t) for t in _SEP.split(body)] if body else []
        for i, cell in enumerate(cells):
            if cell not in (BLACK, WHITE, EMPTY):
                return Verdict.bad_format(f"cell {i + 1} is {short(cell)}; each cell must be 0, 1 or *, separated by commas")
        if len(cells) != n * n:
            return Verdict.bad_format(f"expected {n * n} cells, got {len(cells)}")
        expected = [cell for row in self.final_board(params) for cell in row]
        for i, (got, want) in enumerate(zip(cells, expected)):
            if got != want:
                return Verdict.fail(f"wrong cell at (row {i // n + 1}, column {i % n + 1}): {got}, expected {want}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return len(params["moves"]) * params["n"] / 4 + params["prior_moves"] / 100
