"""mahjong_pattern (seen): track a 13-card letter hand through rounds and classify each draw.

Rules (TASKS.md 17). Cards are the letters A-Z. The starting hand has 13 cards and no
letter appears more than twice in it. Each round one card is added; the round's result
is decided from the hand as it was *before* the addition together with the new card:

* Peng (1): the hand already holds at least two copies of the new card's letter;
* Chi (2), only when the Chi rule is in play: the hand holds two cards of two different
  letters that, together with the new card, are three consecutive letters of the
  alphabet (a new Q with P+R, with O+P or with R+S; no wrap-around after Z);
* Peng takes precedence over Chi; anything else is Pass (0).

After the result is decided one named card, which was in the hand before the addition,
is removed so that the hand has 13 cards again. The last round adds a card and removes
nothing. Levels 1-4 ask for the last round's result (one digit); level 5 asks for the
list of all round results in round order, ``[r1,r2,...]``.

Choices made here (the catalogue leaves them open):

* Balancing. The last round's result class is fixed by the instance index, cycling
  through the classes the rules allow: ``index % 2`` gives Pass/Peng without the Chi rule
  (L1-L2), ``index % 3`` gives Pass/Peng/Chi with it (L3-L5), as the codes 0, 1, 2. So
  every run of 2 (or 3) consecutive indices has each final result exactly once, and the
  last round's target is always met (hand and rounds are resampled otherwise, keeping
  that target). The index decides nothing else. At L5, which asks for every round, this
  balances the last entry of the list.
* The target result of every earlier round is drawn uniformly (with the instance RNG)
  from the results the rules allow, and the added card is picked among the letters that
  give that result; if no letter can give it the round falls back to another result.
* The removed card is a uniformly chosen card of the pre-addition hand, so it may be
  the letter just drawn (one copy of it leaves, the new one stays), and a hand may hold
  three or more copies of a letter after a Peng; the Peng rule only asks for "at least
  two copies", which the question states.
* The hand is shown in dealing order (not sorted), separated by spaces.
* The final-result answer is exactly one digit of the allowed results; the level 5
  list accepts optional outer brackets, spaces and per-item quotes, but every item must
  be a single digit 0/1/2 (2 only when Chi is in play) and the length must match.
* ``size`` is the number of rounds, doubled when the Chi rule is in play, plus the
  number of rounds again when every round must be reported.

Original defects avoided: Chi is never scored when the rules shown omit it; the added
card is always a letter A-Z (no ``chr(ord('Z')+1)``); Chi detection works on the set of
letters in hand, so a repeated middle letter cannot hide a sequence.

Validity (the registry-wide checks hold it): The last round's result is balanced by the
index (above). The balancing slot is the instance's position within its own level
(``sample_plan``), so this balance holds within every level of any suite set, including
the default ``-T complexity=all`` with n=100. Distinct instances: A level's first 100
instances are distinct without help (its space is large). No cheap rule (one surface
feature of the question, or the options alone) beats chance.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HAND_SIZE = 13
PASS, PENG, CHI = 0, 1, 2
NAMES = {PASS: "Pass", PENG: "Peng", CHI: "Chi"}
_MAX_ATTEMPTS = 500


def chi_possible(hand_letters: set[str], card: str) -> bool:
    """True if two different letters of the hand form a run of three with ``card``."""
    i = LETTERS.index(card)
    for a, b in ((i - 2, i - 1), (i - 1, i + 1), (i + 1, i + 2)):
        if 0 <= a and b < len(LETTERS) and LETTERS[a] in hand_letters and LETTERS[b] in hand_letters:
            return True
    return False


def classify(hand: list[str], card: str, chi: bool) -> int:
    """The result of adding ``card`` to ``hand`` (the pre-addition hand)."""
    if hand.count(card) >= 2:
        return PENG
    if chi and chi_possible(set(hand), card):
        return CHI
    return PASS


def simulate(hand: list[str], rounds: list[list[str | None]], chi: bool) -> list[int]:
    """Results of all rounds; each round is ``[added, removed or None]``.

    The hand is kept as counts per letter (a letter leaves the counts when none is left):
    a result depends only on how many of a letter the hand holds and which letters it
    holds, as in :func:`classify`, so nothing is recounted round after round.
    """
    counts: dict[str, int] = {}
    for card in hand:
        counts[card] = counts.get(card, 0) + 1
    results = []
    for added, removed in rounds:
        if counts.get(added, 0) >= 2:
            results.append(PENG)
        elif chi and chi_possible(counts, added):  # type: ignore[arg-type] - the letters held are the keys
            results.append(CHI)
        else:
            results.append(PASS)
        if removed is not None:
            left = counts.get(removed, 0) - 1  # removed from the pre-addition cards
            if left < 0:
                raise ValueError(f"card {removed!r} is not in the hand")
            if left:
                counts[removed] = left
            else:
                del counts[removed]
            counts[added] = counts.get(added, 0) + 1
    return results


@dataclass(frozen=True)
class MahjongPatternConfig(TaskConfig):
    rounds: tuple[int, int] = (3, 4)
    chi: bool = True
    report_all: bool = False

    def validate(self) -> None:
        self.require_range("rounds", 1, 60)
        self.require_bool("chi")
        self.require_bool("report_all")


class MahjongPattern(SymbolicTask):
    name = "mahjong_pattern"
    split = "seen"
    description = "Follow a 13-letter card hand through rounds of add/remove and classify draws as Peng, Chi or Pass."
    answer_mode = "unique"
    version = 1
    display_name = "Mahjong"
    paper_order = 17
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = MahjongPatternConfig
    presets = {
        1: MahjongPatternConfig(rounds=(1, 1), chi=False),
        2: MahjongPatternConfig(rounds=(2, 3), chi=False),
        3: MahjongPatternConfig(rounds=(3, 4), chi=True),
        4: MahjongPatternConfig(rounds=(5, 6), chi=True),
        5: MahjongPatternConfig(rounds=(10, 15), chi=True, report_all=True),
    }

    # ------------------------------------------------------------------ generation
    def generate(self, rng: random.Random, config: MahjongPatternConfig, index: int) -> dict:
        classes = [PASS, PENG, CHI] if config.chi else [PASS, PENG]
        # the last round's class is balanced exactly by the index (and kept through retries); nothing else uses it
        final_target = classes[index % len(classes)]
        for _ in range(_MAX_ATTEMPTS):
            n_rounds = rng.randint(*config.rounds)
            deck = [c for c in LETTERS for _ in range(2)]
            hand = rng.sample(deck, HAND_SIZE)
            current = list(hand)
            rounds: list[list[str | None]] = []
            ok = True
            for r in range(n_rounds):
                last = r == n_rounds - 1
                target = final_target if last else rng.choice(classes)
                options = self._cards_for(current, target, config.chi)
                if not options:
                    if last:
                        ok = False
                        break
                    fallback = [c for c in classes if c != target and self._cards_for(current, c, config.chi)]
                    target = rng.choice(fallback)
                    options = self._cards_for(current, target, config.chi)
                added = rng.choice(options)
                removed = None if last else rng.choice(current)
                rounds.append([added, removed])
                if removed is not None:
                    current.remove(removed)
                    current.append(added)
            if ok:
                return {
                    "hand": hand,
                    "rounds": rounds,
                    "chi": config.chi,
                    "report_all": config.report_all,
                }
        raise GenerationError(f"mahjong_pattern: no instance found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _cards_for(hand: list[str], target: int, chi: bool) -> list[str]:
        return [c for c in LETTERS if classify(hand, c, chi) == target]

    # ------------------------------------------------------------------ answer
    def solve(self, params: dict) -> str:
        results = simulate(params["hand"], params["rounds"], params["chi"])
        if params["report_all"]:
            return "[" + ",".join(map(str, results)) + "]"
        return str(results[-1])

    def question(self, params: dict) -> str:
        chi = params["chi"]
        rules = [
            "Cards are the letters A to Z. You start with the 13 cards listed below.",
            "In every round one card is added to the hand. The round's result is decided by comparing the new "
            "card with the cards held BEFORE it was added:",
            "- Peng: the hand already holds at least two cards of the same letter as the new card.",
        ]
        if chi:
            rules.append(
                "- Chi: the hand holds two cards of two different letters that, together with the new card, are three "
                "consecutive letters of the alphabet. For a new Q that means P and R, or O and P, or R and S "
                "(the alphabet does not wrap around after Z)."
            )
            rules.append("- Peng takes precedence over Chi. If neither applies, the result is Pass.")
            codes = "Write Pass as 0, Peng as 1 and Chi as 2."
        else:
            rules.append("- Otherwise the result is Pass.")
            codes = "Write Pass as 0 and Peng as 1."
        rules.append(
            "After the result of a round is decided, the card named for removal (a card that was in the hand before "
            "the addition) is removed, so the hand has 13 cards again before the next round. The last round only adds "
            "a card."
        )
        lines = []
        n = len(params["rounds"])
        for i, (added, removed) in enumerate(params["rounds"], 1):
            if removed is None:
                lines.append(f"Round {i}: add card {added}.")
            else:
                lines.append(f"Round {i}: add card {added}, then remove card {removed}.")
        if params["report_all"]:
            ask = (
                f"Give the result of every round, rounds 1 to {n} in order, as a list of digits. {codes}\n\n"
                "Return your final answer as a bracketed, comma-separated list of digits inside triple angle "
                "brackets, for example <<<[0,2,1]>>> for a game of three rounds."
            )
        else:
            options = "<<<0>>>, <<<1>>> or <<<2>>>" if chi else "<<<0>>> or <<<1>>>"
            ask = (
                f"What is the result of the last round (round {n})? {codes}\n\n"
                f"Return your final answer as a single digit inside triple angle brackets: {options}."
            )
        return (
            "\n".join(rules)
            + "\n\nInitial cards: "
            + " ".join(params["hand"])
            + "\n\n"
            + "\n".join(lines)
            + "\n\n"
            + ask
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = simulate(params["hand"], params["rounds"], params["chi"])
        allowed = "012" if params["chi"] else "01"
        if params["report_all"]:
            if answer == "[" + ",".join(map(str, expected)) + "]":  # the reference's own spelling
                return Verdict.ok()
            if len(answer) > 10 * len(expected) + 20:
                return Verdict.bad_format(f"answer is far too long for a list of {len(expected)} results")
            try:
                items = parse_list(answer)
            except ParseError as exc:
                return Verdict.bad_format(str(exc))
            for pos, item in enumerate(items, 1):
                if len(item) != 1 or item not in allowed:
                    return Verdict.bad_format(f"item {pos} must be one of the digits {', '.join(allowed)}, got {short(item)}")
            if len(items) != len(expected):
                return Verdict.bad_format(f"expected {len(expected)} results, got {len(items)}")
            for pos, (got, want) in enumerate(zip(items, expected), 1):
                if int(got) != want:
                    return Verdict.fail(f"round {pos}: answered {NAMES[int(got)]} ({got}), which is wrong")
            return Verdict.ok()
        if len(answer) != 1 or answer not in allowed:  # exactly one of the allowed digits
            return Verdict.bad_format(f"answer must be a single digit among {', '.join(allowed)}, got {short(answer)}")
        if int(answer) != expected[-1]:
            return Verdict.fail(f"answered {NAMES[int(answer)]} ({answer}), which is not the last round's result")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        n = len(params["rounds"])
        return n * (2 if params["chi"] else 1) + (n if params["report_all"] else 0)
