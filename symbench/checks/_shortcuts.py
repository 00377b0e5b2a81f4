"""Cheap shortcut guessers for the ``no_shortcuts`` check (see :mod:`symbench.checks.validity`).

Two kinds, both learned on one seed and scored on another:

* **surface rules**: one cheap feature of the question text (the parity of its count of
  sentences, lines, words, characters or numbers, the parity of the sum or the largest of
  its numbers, or whether it is longer / has more numbers than the training median) is
  mapped to the answer class seen most often with that feature value in training;
* **option rules** (multiple choice only, reading only the options): rank the options by
  one key (length; value as a tuple of its numbers, the first three in any order, so a
  date ranks by day, month or year first; how many parts
  or characters it shares with the other options; how often its parts occur among the
  options) and answer the option at the rank that was right most often in training.
  This covers "the most central option", "the most frequent option", "the longest
  option", "the middle date" and so on.

Ties are scored fairly: a guess that ties between ``t`` options earns ``1/t`` when the
right one is among them, as a guesser breaking ties at random would on average.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from statistics import median
from itertools import permutations
from typing import Callable, Sequence

_OPTION_RE = re.compile(r"^\s*\(([A-Z])\)\s+(.*\S)\s*$", re.M)
_INT_RE = re.compile(r"\d+")
_PART_RE = re.compile(r"[A-Za-z]+|\d+")
_SENTENCE_RE = re.compile(r"[.!?](?:\s|$)")


def options_of(question: str, answer: str) -> list[str] | None:
    """The option texts (A), (B), ... of a multiple-choice question whose answer is ``(X)``."""
    if not re.fullmatch(r"\([A-Z]\)", answer.strip()):
        return None
    found = _OPTION_RE.findall(question)
    letters = [letter for letter, _ in found]
    if len(found) < 2 or letters != [chr(ord("A") + i) for i in range(len(found))]:
        return None
    return [text for _, text in found]


# --------------------------------------------------------------------------- surface rules


def _ints(text: str) -> list[int]:
    return [int(x) for x in _INT_RE.findall(text)[:10_000] if len(x) < 30]


def surface_features(question: str) -> dict[str, float]:
    nums = _ints(question)
    return {
        "sentences_parity": len(_SENTENCE_RE.findall(question)) % 2,
        "lines_parity": question.count("\n") % 2,
        "words_parity": len(question.split()) % 2,
        "chars_parity": len(question) % 2,
        "numbers_parity": len(nums) % 2,
        "number_sum_parity": sum(nums) % 2,
        "largest_number_parity": (max(nums) % 2) if nums else -1,
        "last_number_parity": (nums[-1] % 2) if nums else -1,
        "length": len(question),
        "numbers": len(nums),
    }


_BY_MEDIAN = ("length", "numbers")  # continuous features, split at the training median


def _discretise(rows: list[dict[str, float]], cuts: dict[str, float]) -> list[dict[str, float]]:
    return [{k: (v > cuts[k]) if k in cuts else v for k, v in row.items()} for row in rows]


def best_surface_rule(train_q: Sequence[str], train_a: Sequence[str], test_q: Sequence[str], test_a: Sequence[str]):
    """(feature, test accuracy) of the single-feature rule that does best on the training set."""
    train = [surface_features(q) for q in train_q]
    cuts = {k: median(row[k] for row in train) for k in _BY_MEDIAN}
    train, test = _discretise(train, cuts), _discretise([surface_features(q) for q in test_q], cuts)
    overall = Counter(train_a).most_common(1)[0][0]
    best: tuple[float, str, dict] | None = None
    for feature in train[0]:
        by_value: dict[object, Counter] = defaultdict(Counter)
        for row, a in zip(train, train_a):
            by_value[row[feature]][a] += 1
        rule = {v: c.most_common(1)[0][0] for v, c in by_value.items()}
        train_acc = sum(rule[row[feature]] == a for row, a in zip(train, train_a)) / len(train_a)
        if best is None or train_acc > best[0]:
            best = (train_acc, feature, rule)
    _, feature, rule = best  # type: ignore[misc]
    test_acc = sum(rule.get(row[feature], overall) == a for row, a in zip(test, test_a)) / len(test_a)
    return feature, test_acc


# --------------------------------------------------------------------------- option rules


def _parts(text: str) -> list[str]:
    return _PART_RE.findall(text.lower())


def _shared_parts(opts: list[str]) -> list[int]:
    parts = [_parts(o) for o in opts]
    return [sum(sum(a == b for a, b in zip(p, q)) for j, q in enumerate(parts) if j != i) for i, p in enumerate(parts)]


def _shared_part_multiset(opts: list[str]) -> list[int]:
    bags = [Counter(_parts(o)) for o in opts]
    return [sum(sum((b & c).values()) for j, c in enumerate(bags) if j != i) for i, b in enumerate(bags)]


def _shared_chars(opts: list[str]) -> list[int]:
    return [sum(sum(a == b for a, b in zip(o, p)) for j, p in enumerate(opts) if j != i) for i, o in enumerate(opts)]


def _part_frequency(opts: list[str]) -> list[int]:
    freq = Counter(part for o in opts for part in set(_parts(o)))
    return [sum(freq[part] for part in set(_parts(o))) for o in opts]


def _value_by(order: tuple[int, ...]) -> Callable[[list[str]], list]:
    """The options' numbers as a tuple, the first three taken in ``order`` (a date's fields
    in any order: day first, year first, ...), the rest after them."""

    def key(opts: list[str]) -> list:
        out = []
        for o in opts:
            nums = _ints(o)
            head = [nums[i] for i in order if i < len(nums)]
            out.append(tuple(head + nums[len(order):]))
        return out

    return key


OPTION_KEYS: dict[str, Callable[[list[str]], list]] = {
    "length": lambda opts: [len(o) for o in opts],
    **{f"value{''.join(map(str, p))}": _value_by(p) for p in permutations(range(3))},
    "shared_parts": _shared_parts,
    "shared_part_multiset": _shared_part_multiset,
    "shared_chars": _shared_chars,
    "part_frequency": _part_frequency,
}


def _rank_credit(keys: list, right: int, rank: int) -> float:
    """Credit of guessing the options whose key has ``rank`` among the distinct keys (negative: from the top)."""
    distinct = sorted(set(keys))
    if not -len(distinct) <= rank < len(distinct):
        return 0.0
    chosen = [i for i, k in enumerate(keys) if k == distinct[rank]]
    return 1.0 / len(chosen) if right in chosen else 0.0


def best_option_rule(train: Sequence[tuple[list[str], int]], test: Sequence[tuple[list[str], int]]):
    """(key and rank, test accuracy) of the option-ranking rule that does best on the training set.

    Each item is (option texts, index of the right option)."""
    width = max(len(opts) for opts, _ in train)
    ranks = range(-width, width)
    best: tuple[float, str, int] | None = None
    for name, key in OPTION_KEYS.items():
        keyed = [(key(opts), right) for opts, right in train]
        for rank in ranks:
            acc = sum(_rank_credit(k, right, rank) for k, right in keyed) / len(keyed)
            if best is None or acc > best[0]:
                best = (acc, name, rank)
    _, name, rank = best  # type: ignore[misc]
    key = OPTION_KEYS[name]
    test_acc = sum(_rank_credit(key(opts), right, rank) for opts, right in test) / len(test)
    return f"{name} rank {rank}", test_acc
