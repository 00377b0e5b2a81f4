"""constrained_linear_arrangement (seen): deduce the opponent's cards from round results.

Rules (TASKS.md 21). Both players hold one copy of every card of the game and play each
card at most once. For every round the question gives your card and the result from
your side (win, loss or draw); the task is to name the opponent's card in every round.
Three games, each printed in the question with its full outcome table:

* elements (A Wood, B Fire, C Earth, D Metal, E Water). Generation A->B->C->D->E->A,
  overcoming A->C, C->E, E->B, B->D, D->A. With the symmetric reading the catalogue asks
  for: your card generates the opponent's -> you lose; your card overcomes the
  opponent's -> you win; the opponent's card generates yours -> you win; the opponent's
  card overcomes yours -> you lose; only identical cards draw.
* stick (A Stick, B Tiger, C Chicken, D Worm): A beats B, B beats C, C beats D, D beats
  A; the same card or opposite cards (two steps apart: A-C, B-D) draw.
* animal (A Elephant > B Lion > C Tiger > D Leopard > E Wolf > F Dog > G Cat > H Mouse):
  the higher animal wins, except that the Mouse beats the Elephant; the same card draws.

Answer: the opponent's cards in round order, ``<<<A,B,C>>>``.

Choices made here (the catalogue leaves them open):

* Levels 1-3: your cards and the opponent's cards are each R distinct cards drawn
  uniformly and the results follow from the table; several opponent sequences may fit
  and any of them is accepted.
* Levels 4-5 (uniqueness enforced): plain rejection sampling only finds unique animal
  instances when most rounds are draws, i.e. trivial (a draw reveals the card). So the
  rounds are built as a chain of forced deductions instead: each new round is chosen
  so that, among the cards not yet attributed to the opponent, exactly one gives its
  result; draws are used only when no win/loss round can be forced (the elements game
  needs one draw to start a chain, the animal game needs none). The rounds are then
  shuffled, and a backtracking counter that stops at 2 solutions confirms that exactly
  one opponent sequence fits.
* The verifier (any_valid) parses a comma-separated list (optional outer brackets,
  spaces and per-item quotes), accepts lower-case letters (the alphabet is single-case),
  and checks: exactly R items, each a card of this game, pairwise distinct, and every
  round's result under the table equals the stated one. The first failing point is
  reported. It never compares with the reference sequence.
* The prompt's example is a sequence of the right length that does not fit the results.
* Level 1 is a small family (the stick game with 2-3 rounds has 508 different
  questions), so it takes 2-4 rounds (TASKS.md: 2-3; 1,012 questions). The forced
  chains of levels 4-5 are a small family as well, so every level draws by slot of
  (game, your cards, results) (``_distinct``): a level's first 100 instances are 100
  different questions.
* ``size`` is log2 of the number of ordered opponent sequences (n!/(n-R)!), plus 3 when
  uniqueness is enforced.

Original defects avoided: the elements draw rule now agrees with the rule text; the
stick text says that opposite cards draw; the verifier checks distinctness and letter
validity and applies the Mouse-Elephant exception correctly in both directions; draw
rounds no longer force an exact match with one reference.

Validity (the registry-wide checks hold it): Answers are card sequences, with many
different references per level, so there is no answer class to balance. Distinct
instances: Drawn by slot (see above), so a level's first 100 instances are 100 different
puzzles.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from functools import lru_cache

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter


GAMES: dict[str, tuple[str, ...]] = {
    "elements": ("Wood", "Fire", "Earth", "Metal", "Water"),
    "stick": ("Stick", "Tiger", "Chicken", "Worm"),
    "animal": ("Elephant", "Lion", "Tiger", "Leopard", "Wolf", "Dog", "Cat", "Mouse"),
}
GAME_NAMES: tuple[str, ...] = tuple(GAMES)
WIN, LOSS, DRAW = "win", "loss", "draw"
_MAX_ATTEMPTS = 5_000


def cards_of(game: str) -> str:
    return "ABCDEFGH"[: len(GAMES[game])]


def outcome(game: str, mine: str, theirs: str) -> str:
    """The result of one round from your side."""
    x, y = ord(mine) - 65, ord(theirs) - 65
    if x == y:
        return DRAW
    if game == "elements":
        # d=1: yours generates theirs; d=2: yours overcomes theirs;
        # d=3: theirs overcomes yours; d=4: theirs generates yours
        return {1: LOSS, 2: WIN, 3: LOSS, 4: WIN}[(y - x) % 5]
    if game == "stick":
        return {1: WIN, 2: DRAW, 3: LOSS}[(y - x) % 4]
    # animal: A (Elephant) strongest ... H (Mouse) weakest, but the Mouse beats the Elephant
    if (x, y) == (0, 7):
        return LOSS
    if (x, y) == (7, 0):
        return WIN
    return WIN if x < y else LOSS


def count_solutions(game: str, mine: list[str], results: list[str], limit: int = 2) -> int:
    """Number of opponent sequences consistent with the results, stopping at ``limit``."""
    cards = cards_of(game)
    used: set[str] = set()
    found = 0

    def search(r: int) -> bool:
        nonlocal found
        if r == len(mine):
            found += 1
            return found >= limit
        for c in cards:
            if c not in used and outcome(game, mine[r], c) == results[r]:
                used.add(c)
                if search(r + 1):
                    return True
                used.discard(c)
        return False

    search(0)
    return found


def first_solution(game: str, mine: list[str], results: list[str]) -> list[str] | None:
    cards = cards_of(game)
    chosen: list[str] = []

    def search(r: int) -> bool:
        if r == len(mine):
            return True
        for c in cards:
            if c not in chosen and outcome(game, mine[r], c) == results[r]:
                chosen.append(c)
                if search(r + 1):
                    return True
                chosen.pop()
        return False

    return chosen if search(0) else None


@lru_cache(maxsize=None)
def allowed_cards(game: str, mine: str, result: str) -> frozenset[str]:
    """The opponent cards that give ``result`` against ``mine``."""
    return frozenset(c for c in cards_of(game) if outcome(game, mine, c) == result)


@lru_cache(maxsize=None)
def _allowed_masks(game: str) -> tuple[dict[str, int], ...]:
    """Per card of yours and result, the opponent cards giving it, as a bit set."""
    cards = cards_of(game)
    return tuple(
        {result: sum(1 << i for i, c in enumerate(cards) if c in allowed_cards(game, x, result)) for result in (WIN, LOSS, DRAW)}
        for x in cards
    )


def _forced_chain(rng: random.Random, game: str, n_rounds: int) -> tuple[list[str], list[str]] | None:
    """Rounds whose opponent cards are forced one after another (so the answer is unique).

    Step k picks (your card x, result, opponent card t) such that, among the cards the
    opponent has not been assigned yet, ``t`` is the only one giving that result against
    ``x``. Solving the rounds in construction order then leaves one choice each time.
    Draws are used only when no win/loss round can be forced. The rounds are shuffled
    afterwards so that the display order does not reveal the deduction order.
    """
    cards = cards_of(game)
    masks = _allowed_masks(game)
    mine: list[str] = []
    theirs: list[str] = []
    free = (1 << len(cards)) - 1  # the opponent cards not assigned yet, as a bit set
    for _ in range(n_rounds):
        options: list[tuple[int, int, str]] = []
        draws: list[tuple[int, int, str]] = []
        for xi, x in enumerate(cards):
            if x in mine:
                continue
            for result in (WIN, LOSS, DRAW):
                left = masks[xi][result] & free
                if left and not left & (left - 1):  # exactly one card left
                    (draws if result == DRAW else options).append((xi, left.bit_length() - 1, result))
        pick = options or draws
        if not pick:
            return None
        xi, ti, _ = rng.choice(pick)
        mine.append(cards[xi])
        theirs.append(cards[ti])
        free &= ~(1 << ti)
    order = list(range(n_rounds))
    rng.shuffle(order)
    return [mine[i] for i in order], [theirs[i] for i in order]


@dataclass(frozen=True)
class ConstrainedLinearArrangementConfig(TaskConfig):
    games: tuple[str, ...] = GAME_NAMES
    rounds: tuple[int, int] = (4, 4)
    unique: bool = False

    def validate(self) -> None:
        games = self.games
        if (
            not isinstance(games, tuple)
            or not games
            or any(not isinstance(g, str) or g not in GAMES for g in games)
            or len(set(games)) != len(games)
        ):
            raise ValueError(
                f"{self._where('games')} must be a non-empty tuple of distinct names among "
                f"{', '.join(GAME_NAMES)}, got {games!r}"
            )
        limit = min(len(GAMES[g]) for g in games)
        self.require_range("rounds", 1, limit)
        self.require_bool("unique")


class ConstrainedLinearArrangement(SymbolicTask):
    name = "constrained_linear_arrangement"
    split = "seen"
    description = "Deduce the opponent's card in every round of a card game from your cards and the results."
    answer_mode = "any_valid"
    version = 2
    display_name = "Cons. Linear Arrange."
    paper_order = 21
    family = "logic"
    origin = "paper"
    answer_format = AnswerFormat("list", case_insensitive=True)
    Config = ConstrainedLinearArrangementConfig
    presets = {
        1: ConstrainedLinearArrangementConfig(games=("stick",), rounds=(2, 4)),
        2: ConstrainedLinearArrangementConfig(games=("elements", "stick"), rounds=(3, 3)),
        3: ConstrainedLinearArrangementConfig(games=("elements", "stick", "animal"), rounds=(4, 4)),
        4: ConstrainedLinearArrangementConfig(games=("elements", "animal"), rounds=(5, 5), unique=True),
        5: ConstrainedLinearArrangementConfig(games=("animal",), rounds=(6, 8), unique=True),
    }

    # ------------------------------------------------------------------ generation
    def generate(self, rng: random.Random, config: ConstrainedLinearArrangementConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            game = rng.choice(config.games)
            n_rounds = rng.randint(*config.rounds)
            cards = cards_of(game)
            if config.unique:
                built = _forced_chain(rng, game, n_rounds)
                if built is None:
                    continue
                mine, theirs = built
            else:
                mine = rng.sample(cards, n_rounds)
                theirs = rng.sample(cards, n_rounds)
            results = [outcome(game, a, b) for a, b in zip(mine, theirs)]
            if not slots.accepts((game, mine, results)):
                continue
            if config.unique and count_solutions(game, mine, results) != 1:
                continue  # the construction guarantees uniqueness; this is a safety net
            return {"game": game, "mine": mine, "results": results, "unique": config.unique}
        raise GenerationError(
            f"constrained_linear_arrangement: no instance found for {config} in {_MAX_ATTEMPTS} attempts"
        )

    # ------------------------------------------------------------------ answer
    def solve(self, params: dict) -> str:
        solution = first_solution(params["game"], params["mine"], params["results"])
        if solution is None:  # cannot happen for generated instances (the hidden cards fit)
            raise GenerationError("constrained_linear_arrangement: the results have no consistent answer")
        return ",".join(solution)

    def _table(self, game: str) -> str:
        cards = cards_of(game)
        symbol = {WIN: "W", LOSS: "L", DRAW: "D"}
        header = "you \\ opp | " + " ".join(cards)
        rows = [f"{c:>9} | " + " ".join(symbol[outcome(game, c, o)] for o in cards) for c in cards]
        return "\n".join([header, "-" * len(header)] + rows)

    def question(self, params: dict) -> str:
        game = params["game"]
        names = GAMES[game]
        cards = cards_of(game)
        listing = ", ".join(f"{c} = {n}" for c, n in zip(cards, names))
        if game == "elements":
            rules = (
                "The elements generate each other in the cycle A -> B -> C -> D -> E -> A (Wood generates Fire, Fire "
                "generates Earth, Earth generates Metal, Metal generates Water, Water generates Wood) and overcome "
                "each other as A -> C, C -> E, E -> B, B -> D, D -> A.\n"
                "- If your card generates the opponent's card, you lose; if the opponent's card generates yours, you "
                "win.\n"
                "- If your card overcomes the opponent's card, you win; if the opponent's card overcomes yours, you "
                "lose.\n"
                "- Only identical cards draw."
            )
        elif game == "stick":
            rules = (
                "Stick beats Tiger, Tiger beats Chicken, Chicken beats Worm and Worm beats Stick (A beats B, B beats "
                "C, C beats D, D beats A). Identical cards draw, and opposite cards (two steps apart in that cycle: A "
                "and C, B and D) also draw."
            )
        else:
            rules = (
                "The animals are ranked Elephant > Lion > Tiger > Leopard > Wolf > Dog > Cat > Mouse (A strongest, H "
                "weakest). The higher-ranked animal wins, with one exception: the Mouse (H) beats the Elephant (A). "
                "Identical cards draw."
            )
        said = {WIN: "you won", LOSS: "you lost", DRAW: "it was a draw"}
        rounds = "\n".join(
            f"Round {i}: you played {c} ({names[ord(c) - 65]}); {said[res]}."
            for i, (c, res) in enumerate(zip(params["mine"], params["results"]), 1)
        )
        n = len(params["mine"])
        if params["unique"]:
            closing = "Exactly one sequence of opponent cards is consistent with these results."
        else:
            closing = "If several sequences of opponent cards are consistent with these results, any one of them is accepted."
        return (
            f"Two players play a card game with the cards {listing}. Each player holds exactly one copy of every card "
            "and plays each card at most once, so the opponent never plays the same card twice.\n\n"
            f"Rules: {rules}\n\n"
            "Outcome table from your side (row = your card, column = opponent's card; W = you win, L = you lose, "
            f"D = draw):\n{self._table(game)}\n\n"
            f"The game had {n} rounds:\n{rounds}\n\n"
            f"Which card did the opponent play in each round? {closing}\n\n"
            f"Return your final answer as the opponent's {n} card letters in round order, separated by commas, inside "
            f"triple angle brackets, for example <<<{self._example(params)}>>>."
        )

    def _example(self, params: dict) -> str:
        n = len(params["mine"])
        for perm in itertools.islice(itertools.permutations(cards_of(params["game"]), n), 2_000):
            text = ",".join(perm)
            if not self.check(params, text).correct:
                return text
        return ",".join(["A"] * n)  # repeated cards: never valid for n >= 2

    def check(self, params: dict, answer: str) -> Verdict:
        game = params["game"]
        mine = params["mine"]
        results = params["results"]
        cards = cards_of(game)
        n = len(mine)
        if len(answer) > 20 * n + 50:
            return Verdict.bad_format(f"answer is far too long for {n} cards")
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if len(items) != n:
            return Verdict.bad_format(f"expected {n} cards (one per round), got {len(items)}")
        played: list[str] = []
        for r, item in enumerate(items, 1):
            card = item.upper()
            if len(card) != 1 or not item.isascii() or card not in cards:
                return Verdict.bad_format(f"round {r}: {short(item)} is not a card of this game ({', '.join(cards)})")
            if card in played:
                return Verdict.fail(f"round {r}: the opponent already played card {card}")
            played.append(card)
        for r, (a, b, res) in enumerate(zip(mine, played, results), 1):
            got = outcome(game, a, b)
            if got != res:
                return Verdict.fail(f"round {r}: your {a} against {b} is a {got} for you, but the stated result is a {res}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        n = len(GAMES[params["game"]])
        r = len(params["mine"])
        return math.log2(math.perm(n, r)) + (3 if params["unique"] else 0)
