"""statistical_counting (seen): score the maximal runs of repeated letters in a string.

Rules (TASKS.md 18). The string uses the first k letters of the alphabet. A maximal
run is a block of consecutive equal letters that cannot be extended to either side.
Every maximal run whose length reaches the letter's threshold adds the letter's score
once, however long the run is; runs below the threshold add nothing. The answer is the
total, starting from 0.

* Levels 1-4: the threshold is 2 for every letter and the i-th letter scores i
  (A=1, B=2, ...), as in the original.
* Level 5: each letter gets its own threshold (2-4) and its own score (1-9), both
  listed in the question, one line per letter.

Answer: ``<<<integer>>>``.

Choices made here (the catalogue leaves them open):

* The string is built letter by letter: with probability 0.4 the next letter repeats
  the previous one, otherwise it is drawn uniformly from the other k-1 letters. This
  gives runs of length 2, 3, 4, ... often enough that thresholds above 2 matter (a
  plain uniform string over 11 letters would almost never contain a run of 4). Every
  one of the k letters appears at least once (resampled otherwise).
* The question states "per maximal run" and gives a worked mini-example, which the
  original omitted.
* The verifier accepts a signed integer in ASCII digits, with thousands separators only
  if they are correctly grouped; the digit count is capped before conversion. Anything else (words,
  decimals such as ``12.0``, expressions) is rejected.
* ``size`` is length/10 plus the number of letters, plus the spread of thresholds.

Original defects avoided: the rule now says a run counts once however long it is;
non-integer answers give an incorrect verdict instead of crashing ``int()``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_int, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
REPEAT_PROBABILITY = 0.4
_MAX_ATTEMPTS = 1_000


def runs(s: str) -> list[tuple[str, int]]:
    """The maximal runs of ``s`` as (letter, length), left to right."""
    out: list[tuple[str, int]] = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1] = (ch, out[-1][1] + 1)
        else:
            out.append((ch, 1))
    return out


def total_score(s: str, scores: dict[str, int], thresholds: dict[str, int]) -> int:
    return sum(scores[ch] for ch, n in runs(s) if n >= thresholds[ch])


@dataclass(frozen=True)
class StatisticalCountingConfig(TaskConfig):
    length: tuple[int, int] = (25, 45)
    letters: tuple[int, int] = (3, 6)
    min_run: tuple[int, int] = (2, 2)
    random_scores: bool = False
    score_range: tuple[int, int] = (1, 9)

    def validate(self) -> None:
        length = self.require_range("length", 2, 5_000)
        letters = self.require_range("letters", 2, 26)
        self.require_range("min_run", 2, 10)
        self.require_bool("random_scores")
        self.require_range("score_range", 1, 99)
        if length[0] < letters[1]:
            raise ValueError(
                f"StatisticalCountingConfig.length {length} must be at least the largest letter count {letters[1]} "
                "(every letter appears in the string)"
            )


class StatisticalCounting(SymbolicTask):
    name = "statistical_counting"
    split = "seen"
    description = "Add a letter's score for every maximal run of repeated letters in a string."
    answer_mode = "unique"
    version = 1
    display_name = "Statistical Counting"
    paper_order = 18
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("number")
    Config = StatisticalCountingConfig
    presets = {
        1: StatisticalCountingConfig(length=(5, 10), letters=(2, 2)),
        2: StatisticalCountingConfig(length=(15, 20), letters=(3, 4)),
        3: StatisticalCountingConfig(length=(25, 45), letters=(3, 6)),
        4: StatisticalCountingConfig(length=(55, 65), letters=(3, 7)),
        5: StatisticalCountingConfig(length=(100, 300), letters=(8, 11), min_run=(2, 4), random_scores=True),
    }

    def generate(self, rng: random.Random, config: StatisticalCountingConfig) -> dict:
        for _ in range(_MAX_ATTEMPTS):
            k = rng.randint(*config.letters)
            length = rng.randint(*config.length)
            alphabet = ALPHABET[:k]
            chars = [rng.choice(alphabet)]
            while len(chars) < length:
                if rng.random() < REPEAT_PROBABILITY:
                    chars.append(chars[-1])
                else:
                    chars.append(rng.choice([c for c in alphabet if c != chars[-1]]))
            if len(set(chars)) < k:
                continue
            if config.random_scores:
                scores = [rng.randint(*config.score_range) for _ in alphabet]
            else:
                scores = list(range(1, k + 1))
            thresholds = [rng.randint(*config.min_run) for _ in alphabet]
            return {"string": "".join(chars), "letters": k, "scores": scores, "thresholds": thresholds}
        raise GenerationError(f"statistical_counting: no string found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _tables(params: dict) -> tuple[dict[str, int], dict[str, int]]:
        alphabet = ALPHABET[: params["letters"]]
        return dict(zip(alphabet, params["scores"])), dict(zip(alphabet, params["thresholds"]))

    def _answer(self, params: dict) -> int:
        scores, thresholds = self._tables(params)
        return total_score(params["string"], scores, thresholds)

    def solve(self, params: dict) -> str:
        return str(self._answer(params))

    def question(self, params: dict) -> str:
        k = params["letters"]
        alphabet = ALPHABET[:k]
        scores, thresholds = self._tables(params)
        uniform = all(t == 2 for t in params["thresholds"]) and params["scores"] == list(range(1, k + 1))
        intro = (
            f"A string is made of the letters {', '.join(alphabet)}. A maximal run is a block of consecutive equal "
            "letters that cannot be extended to the left or to the right; for example AABBBAC consists of the maximal "
            "runs AA, BBB, A and C."
        )
        if uniform:
            rule = (
                "Start with 0 points. The letters are worth "
                + ", ".join(f"{c} = {i}" for i, c in enumerate(alphabet, 1))
                + " (the i-th letter of the alphabet is worth i). Every "
                "maximal run of length 2 or more adds the value of its letter ONCE, however long the run is (AAAA adds "
                "1, not 3); a single letter adds nothing, and separate runs of the same letter each count."
            )
        else:
            table = "\n".join(
                f"- {c}: every maximal run of {thresholds[c]} or more {c}'s adds {scores[c]} point"
                + ("s" if scores[c] != 1 else "")
                for c in alphabet
            )
            rule = (
                "Start with 0 points. Each letter has its own minimum run length and its own value:\n"
                f"{table}\n"
                "A maximal run that reaches its letter's minimum length adds that letter's value ONCE, however long the "
                "run is; shorter runs add nothing, and separate runs of the same letter each count."
            )
        answer = self._answer(params)
        example = 42 if answer != 42 else 17
        return (
            f"{intro}\n\n{rule}\n\n"
            f"String: {params['string']}\n\n"
            "What is the total score? Return your final answer as a single integer inside triple angle brackets, "
            f"for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if len(answer) > 30:
            return Verdict.bad_format(f"expected a single integer, got {short(answer)}")
        try:
            value = parse_int(answer, allow_grouping=True)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        expected = self._answer(params)
        if value != expected:
            return Verdict.fail(f"wrong total: {value}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        spread = max(params["thresholds"]) - min(params["thresholds"])
        return len(params["string"]) / 10 + params["letters"] + spread
