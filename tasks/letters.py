"""letters (unseen): count a letter in a word and list where it occurs.

Rules (TASKS.md 29). Given a word (or, at the higher levels, a random string of letters)
and a target letter, report how often the letter occurs and its positions, counted from
1 for the first character. Answer format::

    <<<Count: 3, Positions: [2, 7, 11]>>>

The labels ``Count`` and ``Positions`` are matched case-insensitively and spaces around
the punctuation are free; the positions must be written in square brackets, separated by
commas. The verifier requires the right count and, after sorting, exactly the right
positions: a repeated position or a count that does not match the list is wrong.

Choices made here where the catalogue leaves them open:

* Real words come from a word list bundled with the repository (``_letters_words.py``,
  about 460 English words of 5 to 25 letters); nothing is downloaded. Levels 4 and 5 use
  synthetic strings of random lower-case letters in which the target letter is planted
  exactly the sampled number of times.
* The frequency is drawn uniformly from the level's range first, then a (word, letter)
  pair with exactly that frequency is drawn, so frequencies are balanced rather than
  dominated by letters that occur once. Any letter a-z can be the target (the original
  used only a, g, m, s, y).
* The real-word levels are a small family (about 1,000-1,900 (word, letter) pairs per
  level, and only a handful with a letter 4-5 times), so they draw by slot of (word,
  letter) (``_distinct``): a level's first 100 instances are 100 different pairs. A slot
  may hold no pair of a rare frequency, so frequencies 4-5 come up a little less often.
* ``size`` is the length of the word divided by 10 plus the number of occurrences.

Original defects avoided: the generator needed the network (a downloaded list); the
verifier compared positions as sets, so duplicates passed; the prompt had no final-answer
wrapper instruction.

Validity (the registry-wide checks hold it): Answers are counts with positions; the
frequency is drawn uniformly from the level's range (above). Distinct instances: The
real-word levels are drawn by slot (see above), so a level's first 100 instances are 100
different puzzles; synthetic strings are a large space.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from symbench.answer import AnswerFormat, short, strip_quotes
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter, slot

SOURCES: tuple[str, ...] = ("real", "synthetic")
_ANSWER_RE = re.compile(r"count\s*:\s*([0-9]{1,7})\s*,\s*positions\s*:\s*\[(.*)\]", re.IGNORECASE | re.DOTALL | re.ASCII)
_POSITION_RE = re.compile(r"[0-9]{1,7}")
_MAX_ATTEMPTS = 100


@lru_cache(maxsize=None)
def _pairs(lo: int, hi: int) -> dict[int, tuple[tuple[str, str], ...]]:
    """frequency -> sorted (word, letter) pairs for words of length lo..hi (built on first use)."""
    from symbench.tasks._letters_words import WORDS  # noqa: PLC0415 - keep import time low

    out: dict[int, list[tuple[str, str]]] = {}
    for word in WORDS:
        if lo <= len(word) <= hi:
            for letter in sorted(set(word)):
                out.setdefault(word.count(letter), []).append((word, letter))
    return {f: tuple(v) for f, v in out.items()}


@lru_cache(maxsize=None)
def _words(lo: int, hi: int) -> tuple[str, ...]:
    """The bundled words of length lo..hi, sorted (a per-config table, built on first use)."""
    return tuple(sorted({w for group in _pairs(lo, hi).values() for w, _ in group}))


@lru_cache(maxsize=1 << 16)
def _absent_letters(word: str) -> tuple[str, ...]:
    return tuple(sorted(set(string.ascii_lowercase) - set(word)))


@lru_cache(maxsize=1 << 16)
def _slot(word: str, letter: str) -> int:
    """The slot of the puzzle (word, letter); a level draws the same few thousand pairs again
    and again, so each pair's hash is worked out once (two strings: equal keys, equal repr)."""
    return slot((word, letter))


def positions(word: str, letter: str) -> list[int]:
    """1-based positions of ``letter`` in ``word`` (found with ``str.find``, at C speed)."""
    if len(letter) != 1:  # no single character equals it
        return []
    out = []
    i = word.find(letter)
    while i >= 0:
        out.append(i + 1)
        i = word.find(letter, i + 1)
    return out


def _format(pos: list[int]) -> str:
    return f"Count: {len(pos)}, Positions: [{', '.join(map(str, pos))}]"


@dataclass(frozen=True)
class LettersConfig(TaskConfig):
    length: tuple[int, int] = (15, 25)
    frequency: tuple[int, int] = (1, 5)
    source: str = "real"

    def validate(self) -> None:
        length = self.require_range("length", 1, 20_000)
        freq = self.require_range("frequency", 0, 20_000)
        self.require_choice("source", SOURCES)
        if freq[0] > length[1]:
            raise ValueError(f"LettersConfig.frequency {freq} cannot be met by words of length {length}")


class Letters(SymbolicTask):
    name = "letters"
    split = "unseen"
    description = "Count how often a letter occurs in a word and list its 1-based positions."
    answer_mode = "unique"
    version = 2
    display_name = "Letters"
    paper_order = 29
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("text", case_insensitive=True)
    Config = LettersConfig
    presets = {
        1: LettersConfig(length=(5, 10), frequency=(1, 2)),
        2: LettersConfig(length=(10, 15), frequency=(1, 5)),
        3: LettersConfig(length=(15, 25), frequency=(1, 5)),
        4: LettersConfig(length=(50, 200), frequency=(3, 10), source="synthetic"),
        5: LettersConfig(length=(350, 800), frequency=(5, 30), source="synthetic"),
    }

    def generate(self, rng: random.Random, config: LettersConfig, index: int) -> dict:
        lo_f, hi_f = config.frequency
        if config.source == "real":
            pairs = _pairs(*config.length)
            words = _words(*config.length)
            choices = [f for f in range(lo_f, hi_f + 1) if pairs.get(f) or (f == 0 and words)]
            if not choices:
                raise GenerationError(f"letters: no bundled word of length {config.length} has a letter {config.frequency} times")
            slots = SlotFilter(index)
            while True:  # the filter accepts anything once its patience is spent
                freq = rng.choice(choices)
                if freq == 0:
                    word = rng.choice(words)
                    letter = rng.choice(_absent_letters(word))
                else:
                    word, letter = rng.choice(pairs[freq])
                if slots.accepts_slot(_slot(word, letter)):
                    return {"word": word, "letter": letter, "source": "real"}
        for _ in range(_MAX_ATTEMPTS):
            length = rng.randint(*config.length)
            if lo_f > length:
                continue
            freq = rng.randint(lo_f, min(hi_f, length))
            letter = rng.choice(string.ascii_lowercase)
            others = [c for c in string.ascii_lowercase if c != letter]
            chars = [rng.choice(others) for _ in range(length)]
            for i in rng.sample(range(length), freq):
                chars[i] = letter
            return {"word": "".join(chars), "letter": letter, "source": "synthetic"}
        raise GenerationError(f"letters: no string found for {config}")

    def solve(self, params: dict) -> str:
        return _format(positions(params["word"], params["letter"]))

    def question(self, params: dict) -> str:
        word, letter = params["word"], params["letter"]
        if params["source"] == "real":
            ask = f'How many times does the letter "{letter}" occur in the word "{word}", and at which positions?'
        else:
            ask = (
                f"Consider the following string of {len(word)} lowercase letters:\n{word}\n\n"
                f'How many times does the letter "{letter}" occur in this string, and at which positions?'
            )
        answer = self.solve(params)
        example = "Count: 2, Positions: [3, 8]"
        if example == answer:
            example = "Count: 1, Positions: [4]"
        return (
            f"{ask} Positions are counted from 1 (the first character is position 1); list them in increasing order.\n"
            "Write the answer in the form Count: N, Positions: [p1, p2, ...] (an empty list [] if the letter does "
            f"not occur).\nReturn your final answer inside triple angle brackets, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        word = params["word"]
        expected = positions(word, params["letter"])
        if answer == _format(expected):  # the reference's own spelling (the reading below would accept it too)
            return Verdict.ok()
        m = _ANSWER_RE.fullmatch(answer.strip())
        if not m:
            return Verdict.bad_format(f"answer is not of the form 'Count: N, Positions: [..]': {short(answer)}")
        count = int(m.group(1))
        inner = m.group(2).strip()
        items = [] if not inner else [strip_quotes(t) for t in inner.split(",")]
        if len(items) > len(word):
            return Verdict.fail(f"{len(items)} positions listed, but the word has only {len(word)} characters")
        got = []
        for item in items:
            if not _POSITION_RE.fullmatch(item):
                return Verdict.bad_format(f"position {short(item)} is not a positive integer")
            got.append(int(item))
        if len(set(got)) != len(got):
            return Verdict.fail("a position is listed more than once")
        if count != len(got):
            return Verdict.fail(f"the count {count} does not match the {len(got)} positions listed")
        if count != len(expected):
            return Verdict.fail(f"wrong count: {count}")
        got.sort()
        for g, e in zip(got, expected):
            if g != e:
                return Verdict.fail(f"wrong position {g}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return len(params["word"]) / 10 + len(positions(params["word"], params["letter"]))
