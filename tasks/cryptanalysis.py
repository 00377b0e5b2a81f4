"""cryptanalysis (unseen): deduce a digits-then-letters password from guesses and feedback.

Rules (TASKS.md 32). The password is ``D`` different digits (0-9) followed by ``L``
different upper-case letters (2+2 at levels 1-4, 3+3 at level 5). Every guess has the
same shape (its digits differ from each other, so do its letters). For each guess the
numbers and the letters get separate feedback. Every guessed item falls into exactly one
category, and the feedback says how many items of its group are in each category:

* correct and in the correct position;
* correct but in the wrong position (it occurs elsewhere in the password's group);
* incorrect and too small / too early in the alphabet: not in the password and smaller
  (earlier) than every digit (letter) of the password;
* incorrect and too large / too late in the alphabet: not in the password and larger
  (later) than every digit (letter) of the password;
* incorrect: not in the password and neither smaller nor larger than all of them.

Counts are words: "one", "two", "both" (all of 2), "all three" (all of 3). Only non-empty
categories are listed, in the order above, joined with "; ". Feedback never says which
guessed item a clause is about.

Answer: ``["3", "7", "K", "Q"]``: the password's characters in order, each quoted or
bare, brackets optional; letters may be written in lower case (they are upper-cased).

Choices made here (the catalogue leaves them open):

* Unlike the original, two absent items with different descriptions are not merged into a
  bare "both numbers are incorrect": every category is counted, so the feedback is a
  function of (guess, password) that the question can state in full.
* Candidates are filtered with bit sets over all ordered digit tuples and all ordered
  letter tuples (numbers and letters are independent, so the 3+3 space of about 1.1e7
  passwords is 720 x 15600 tuples); each guess's feedback class is built from per-symbol
  masks (at position i, anywhere, below the minimum, above the maximum), never by
  enumerating passwords one at a time.
* Random guesses are added until the password is the only consistent one (no guess may
  repeat the password's digits or letters exactly); if the level's guess budget runs out
  the instance is resampled. Levels 3-5 then drop guesses, in random order, whose removal
  keeps the password unique, so every remaining guess is needed (an irredundant set).
* Irredundant sets are small (two to six guesses for 2+2), so levels 3-5 also demand a
  minimum number of remaining guesses (3, 4, 5); levels 1-2 keep every informative guess
  (guesses that rule nothing out are never shown).
* ``size`` is the number of guesses times the password length divided by 4, doubled for
  irredundant sets (every clue must be combined with the others).

Original defects avoided: the feedback vocabulary is explained; difficulty follows the
actual clues (redundant guesses removed, longer password at level 5), not only a budget.

Validity (the registry-wide checks hold it): Answers are passwords, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import itertools
import random
import string
from dataclasses import dataclass
from functools import lru_cache

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

DIGITS = string.digits
LETTERS = string.ascii_uppercase
CATEGORIES = ("place", "moved", "low", "high", "between")
_MAX_ATTEMPTS = 400


# --------------------------------------------------------------------------- feedback


def feedback_counts(guess: list[int], secret: list[int]) -> tuple[int, ...]:
    """How many guessed items fall in each of CATEGORIES (symbols as indices)."""
    counts = [0] * 5
    lo, hi = min(secret), max(secret)
    for i, g in enumerate(guess):
        if secret[i] == g:
            counts[0] += 1
        elif g in secret:
            counts[1] += 1
        elif g < lo:
            counts[2] += 1
        elif g > hi:
            counts[3] += 1
        else:
            counts[4] += 1
    return tuple(counts)


def describe(counts: tuple[int, ...] | list[int], letters: bool) -> str:
    m = sum(counts)
    noun = ("letter", "letters") if letters else ("number", "numbers")
    phrases = (
        "correct and in the correct position",
        "correct but in the wrong position",
        "incorrect and too early in the alphabet" if letters else "incorrect and too small",
        "incorrect and too late in the alphabet" if letters else "incorrect and too large",
        "incorrect",
    )
    parts = []
    for count, phrase in zip(counts, phrases):
        if not count:
            continue
        if count == 1:
            parts.append(f"one {noun[0]} is {phrase}")
        elif count == m:
            head = "both" if m == 2 else f"all {_word(m)}"
            parts.append(f"{head} {noun[1]} are {phrase}")
        else:
            parts.append(f"{_word(count)} {noun[1]} are {phrase}")
    return "; ".join(parts)


def _word(k: int) -> str:
    return ("zero", "one", "two", "three", "four", "five", "six")[k] if k <= 6 else str(k)


# --------------------------------------------------------------------------- candidate sets


class _Space:
    """All ordered m-tuples of distinct symbols 0..size-1, with per-symbol bit masks."""

    def __init__(self, size: int, m: int):
        self.tuples = list(itertools.permutations(range(size), m))
        total = len(self.tuples)
        self.full = (1 << total) - 1
        at = [[bytearray(total) for _ in range(size)] for _ in range(m)]
        has = [bytearray(total) for _ in range(size)]
        below_min = [bytearray(total) for _ in range(size)]
        above_max = [bytearray(total) for _ in range(size)]
        for k, t in enumerate(self.tuples):
            lo, hi = min(t), max(t)
            for i, s in enumerate(t):
                at[i][s][k] = 1
                has[s][k] = 1
            for s in range(lo):
                below_min[s][k] = 1
            for s in range(hi + 1, size):
                above_max[s][k] = 1
        self.at = [[_mask(b) for b in row] for row in at]
        self.has = [_mask(b) for b in has]
        self.below_min = [_mask(b) for b in below_min]  # tuples whose minimum is above the symbol
        self.above_max = [_mask(b) for b in above_max]  # tuples whose maximum is below the symbol
        self.patterns = {}
        for assignment in itertools.product(range(5), repeat=m):
            key = tuple(assignment.count(c) for c in range(5))
            self.patterns.setdefault(key, []).append(assignment)

    def consistent(self, guess: list[int], counts: tuple[int, ...]) -> int:
        """Bit set of the tuples that would give ``counts`` for ``guess``."""
        cats = []
        for i, g in enumerate(guess):
            place = self.at[i][g]
            moved = self.has[g] & ~place
            low = self.below_min[g]
            high = self.above_max[g]
            between = self.full & ~self.has[g] & ~low & ~high
            cats.append((place, moved, low, high, between))
        out = 0
        for assignment in self.patterns.get(tuple(counts), ()):
            acc = self.full
            for i, c in enumerate(assignment):
                acc &= cats[i][c]
                if not acc:
                    break
            out |= acc
        return out


def _mask(flags: bytearray) -> int:
    """Bit k of the result is ``flags[k]``."""
    return int(bytes(flags[::-1]).translate(_BITCHARS), 2) if flags else 0


_BITCHARS = bytes.maketrans(b"\x00\x01", b"01")


@lru_cache(maxsize=None)
def _space(size: int, m: int) -> _Space:
    return _Space(size, m)


def consistent_passwords(params: dict, limit: int = 2) -> list[str]:
    """Up to ``limit`` passwords consistent with every guess (as strings)."""
    groups = []
    for alphabet, key in ((DIGITS, "digits"), (LETTERS, "letters")):
        m = params[key]
        space = _space(len(alphabet), m)
        alive = space.full
        for g in params["guesses"]:
            part = g["guess"][:m] if key == "digits" else g["guess"][params["digits"]:]
            counts = g["numbers" if key == "digits" else "letters"]
            alive &= space.consistent([alphabet.index(c) for c in part], tuple(counts))
        found = []
        k = 0
        while alive and len(found) < limit:
            low = alive & -alive
            k = low.bit_length() - 1
            found.append("".join(alphabet[s] for s in space.tuples[k]))
            alive ^= low
        groups.append(found)
    return [d + l for d in groups[0] for l in groups[1]][:limit]


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class CryptanalysisConfig(TaskConfig):
    digits: int = 2
    letters: int = 2
    budget: tuple[int, int] = (10, 12)
    remove_redundant: bool = True
    min_guesses: int = 3

    def validate(self) -> None:
        self.require_int("digits", 1, 3)
        self.require_int("letters", 1, 3)
        budget = self.require_range("budget", 1, 60)
        self.require_bool("remove_redundant")
        low = self.require_int("min_guesses", 1, 60)
        if low > budget[1]:
            raise ValueError(f"CryptanalysisConfig.min_guesses must not exceed the largest budget {budget[1]}, got {low}")


class Cryptanalysis(SymbolicTask):
    name = "cryptanalysis"
    split = "unseen"
    description = "Deduce a digits-then-letters password from guesses with Mastermind-like feedback."
    answer_mode = "unique"
    version = 1
    display_name = "Cryptanalysis"
    paper_order = 32
    family = "search"
    origin = "paper"
    answer_format = AnswerFormat("list", case_insensitive=True)
    Config = CryptanalysisConfig
    presets = {
        1: CryptanalysisConfig(budget=(4, 6), remove_redundant=False, min_guesses=1),
        2: CryptanalysisConfig(budget=(7, 9), remove_redundant=False, min_guesses=1),
        3: CryptanalysisConfig(budget=(10, 12), min_guesses=3),
        4: CryptanalysisConfig(budget=(13, 18), min_guesses=4),
        5: CryptanalysisConfig(digits=3, letters=3, budget=(14, 24), min_guesses=5),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: CryptanalysisConfig) -> dict:
        nd, nl = config.digits, config.letters
        dspace, lspace = _space(10, nd), _space(26, nl)
        for _ in range(_MAX_ATTEMPTS):
            budget = rng.randint(*config.budget)
            secret_d = rng.sample(range(10), nd)
            secret_l = rng.sample(range(26), nl)
            guesses: list[tuple[list[int], list[int], int, int]] = []
            alive_d, alive_l = dspace.full, lspace.full
            while len(guesses) < budget and (alive_d & (alive_d - 1) or alive_l & (alive_l - 1)):
                gd = rng.sample(range(10), nd)
                gl = rng.sample(range(26), nl)
                if gd == secret_d or gl == secret_l:
                    continue
                md = dspace.consistent(gd, feedback_counts(gd, secret_d))
                ml = lspace.consistent(gl, feedback_counts(gl, secret_l))
                if alive_d & md == alive_d and alive_l & ml == alive_l:
                    continue  # tells nothing new
                alive_d &= md
                alive_l &= ml
                guesses.append((gd, gl, md, ml))
            if alive_d & (alive_d - 1) or alive_l & (alive_l - 1):
                continue
            if config.remove_redundant:
                guesses = _irredundant(rng, guesses, dspace.full, lspace.full)
            if len(guesses) < config.min_guesses:
                continue
            records = [
                {
                    "guess": "".join(DIGITS[s] for s in gd) + "".join(LETTERS[s] for s in gl),
                    "numbers": list(feedback_counts(gd, secret_d)),
                    "letters": list(feedback_counts(gl, secret_l)),
                }
                for gd, gl, _, _ in guesses
            ]
            return {
                "digits": nd,
                "letters": nl,
                "guesses": records,
                "password": "".join(DIGITS[s] for s in secret_d) + "".join(LETTERS[s] for s in secret_l),
                "irredundant": config.remove_redundant,
            }
        raise GenerationError(f"cryptanalysis: no unique guess set for {config} in {_MAX_ATTEMPTS} attempts")

    # ----------------------------------------------------------------- answer
    def solve(self, params: dict) -> str:
        found = consistent_passwords(params, limit=2)
        if len(found) != 1:
            raise GenerationError(f"cryptanalysis: {len(found)} consistent passwords, expected exactly 1")
        return "[" + ", ".join(f'"{c}"' for c in found[0]) + "]"

    def question(self, params: dict) -> str:
        nd, nl = params["digits"], params["letters"]
        lines = []
        for i, g in enumerate(params["guesses"], 1):
            text = g["guess"]
            shown = " ".join(text)
            lines.append(
                f"Guess {i}: {shown}. Numbers: {describe(g['numbers'], False)}. Letters: {describe(g['letters'], True)}."
            )
        example_chars = list("0123456789"[:nd]) + list("ABCDEFG"[:nl])
        if "".join(example_chars) == params["password"]:
            example_chars = list("9876543210"[:nd]) + list("ZYXWVU"[:nl])
        example = "[" + ", ".join(f'"{c}"' for c in example_chars) + "]"
        return (
            f"A password consists of {nd} different digits (0-9) followed by {nl} different upper-case letters "
            f"(A-Z). Every guess below has the same shape. For each guess you get separate feedback for its "
            "numbers and for its letters. Each guessed item is in exactly one category, and the feedback tells "
            "how many items of that group are in each category (never which ones):\n"
            "- \"correct and in the correct position\": the item is in the password at the same place;\n"
            "- \"correct but in the wrong position\": the item is in the password, at another place;\n"
            "- \"incorrect and too small\" (letters: \"too early in the alphabet\"): the item is not in the "
            "password and is smaller (earlier) than every digit (letter) of the password;\n"
            "- \"incorrect and too large\" (letters: \"too late in the alphabet\"): the item is not in the "
            "password and is larger (later) than every digit (letter) of the password;\n"
            "- \"incorrect\": the item is not in the password and is neither smaller nor larger than all of them.\n"
            "Only non-empty categories are mentioned; \"both\" and \"all three\" mean every item of the group.\n\n"
            + "\n".join(lines)
            + "\n\nExactly one password is consistent with all the feedback. Find it.\n\n"
            f"Return your final answer as <<<[...]>>>: a list of the {nd + nl} characters of the password in order, "
            f"each in double quotes, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        nd, nl = params["digits"], params["letters"]
        if len(answer) > 500:
            return Verdict.bad_format("answer is far too long for a password")
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not a list of characters: {exc}")
        if len(items) != nd + nl:
            return Verdict.bad_format(f"expected {nd + nl} characters, got {len(items)}")
        for i, item in enumerate(items):
            if len(item) != 1:
                return Verdict.bad_format(f"item {i + 1} must be a single character, got {short(item)}")
            if i < nd and item not in DIGITS:
                return Verdict.bad_format(f"item {i + 1} must be a digit, got {short(item)}")
            if i >= nd and not ("A" <= item.upper() <= "Z" and item.isascii()):
                return Verdict.bad_format(f"item {i + 1} must be a letter, got {short(item)}")
        got = "".join(items).upper()
        expected = params["password"]
        if got != expected:
            wrong = [i + 1 for i, (a, b) in enumerate(zip(got, expected)) if a != b]
            return Verdict.fail(f"wrong password (positions {wrong} differ)")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        weight = 2 if params["irredundant"] else 1
        return len(params["guesses"]) * weight * (params["digits"] + params["letters"]) / 4


def _irredundant(rng: random.Random, guesses: list, full_d: int, full_l: int) -> list:
    """Drop guesses (random order) whose removal keeps both groups unique."""
    keep = list(range(len(guesses)))
    order = list(keep)
    rng.shuffle(order)
    for j in order:
        rest = [k for k in keep if k != j]
        alive_d, alive_l = full_d, full_l
        for k in rest:
            alive_d &= guesses[k][2]
            alive_l &= guesses[k][3]
        if not alive_d & (alive_d - 1) and not alive_l & (alive_l - 1):
            keep = rest
    return [guesses[k] for k in keep]
