"""Shared pieces of the math_counting_probability families (not a task).

The family registry (:class:`Family`, :data:`FAMILIES` and the ``_family`` decorator
that the tier modules use), the word lists of the anagram families, the exact-fraction
helpers that store answers in ``params``, and the counting routines (multiset strings
accepted by an automaton, dice and lattice-path dynamic programmes, periodic counts)
that serve as the independent second method of several families.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any, Callable

_MAX_ATTEMPTS = 200
ENUM_CAP = 20_000
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]
_VOWELS = set("AEIOU")

WORDS_SHORT = (
    "BANANA", "LETTER", "COFFEE", "PEPPER", "BALLOON", "CANNON", "CHEESE", "LLAMA", "PUZZLE", "BUBBLE",
    "DOLLAR", "RABBIT", "MAMMAL", "ASSESS", "GRAMMAR", "ADDRESS", "SUCCESS", "ALABAMA", "PARALLEL", "TOMORROW",
)
WORDS_LONG = (
    "COMMITTEE", "MISSISSIPPI", "TENNESSEE", "STATISTICS", "BOOKKEEPER", "REFERENCE", "PROBABILITY",
    "CALCULUS", "ARRANGEMENT", "ASSASSINATE", "ACCOMMODATE", "EMBARRASSMENT", "PARAPHERNALIA",
    "MATHEMATICS", "PINEAPPLE", "BALLERINA", "CARAVANSARAI", "HULLABALOO", "POSSESSION", "INNOCENCE",
)


def _f(q: Fraction) -> Any:
    return [q.numerator, q.denominator]


def _q(d: Any) -> Fraction:
    return Fraction(d[0], d[1]) if isinstance(d, list) else Fraction(d)


def _text(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def _multinomial(counts: list[int]) -> int:
    out = math.factorial(sum(counts))
    for c in counts:
        out //= math.factorial(c)
    return out


def _letter_counts(word: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in word:
        out[ch] = out.get(ch, 0) + 1
    return dict(sorted(out.items()))


def _count_strings(counts: tuple[int, ...], accept: Callable[[int, int], int | None], start: int, final: Callable[[int], bool]) -> int:
    """Number of arrangements of a multiset (letter kinds 0..m-1 with ``counts``)
    accepted by a small automaton: ``accept(state, kind)`` gives the next state or None.
    A memoised search over (remaining counts, state): the independent second method
    for the word families."""

    @lru_cache(maxsize=None)
    def go(rem: tuple[int, ...], state: int) -> int:
        if not any(rem):
            return 1 if final(state) else 0
        total = 0
        for kind, c in enumerate(rem):
            if c:
                nxt = accept(state, kind)
                if nxt is not None:
                    total += go(rem[:kind] + (c - 1,) + rem[kind + 1 :], nxt)
        return total

    return go(tuple(counts), start)


def _dice_dp(k: int, faces: int) -> list[int]:
    """ways[s] for the sum s of k dice with faces 1..faces (convolution)."""
    ways = [1]
    for _ in range(k):
        new = [0] * (len(ways) + faces)
        for s, w in enumerate(ways):
            if w:
                for f in range(1, faces + 1):
                    new[s + f] += w
        ways = new
    return ways


def _lattice_dp(a: int, b: int, blocked: set[tuple[int, int]]) -> int:
    grid = [[0] * (b + 1) for _ in range(a + 1)]
    for x in range(a + 1):
        for y in range(b + 1):
            if (x, y) in blocked:
                continue
            if x == 0 and y == 0:
                grid[x][y] = 1
                continue
            grid[x][y] = (grid[x - 1][y] if x else 0) + (grid[x][y - 1] if y else 0)
    return grid[a][b]


def _paths(dx: int, dy: int) -> int:
    return math.comb(dx + dy, dx) if dx >= 0 and dy >= 0 else 0


def _lcm(*xs: int) -> int:
    out = 1
    for x in xs:
        out = out * x // math.gcd(out, x)
    return out


def _periodic_count(n: int, period: int, pred: Callable[[int], bool]) -> int:
    """#{1 <= x <= n : pred(x)} for a predicate with the given period (loop over one period)."""
    per = sum(1 for x in range(1, period + 1) if pred(x))
    q, r = divmod(n, period)
    return q * per + sum(1 for x in range(1, r + 1) if pred(x))


def _row_count(n: int, pred: Callable[[tuple[int, ...]], bool]) -> int:
    return sum(1 for p in itertools.permutations(range(n)) if pred(p))


_DIV_SETS = [(2, 3, 5), (2, 3, 7), (3, 4, 5), (2, 5, 7), (3, 5, 7), (4, 6, 9), (2, 7, 11), (3, 4, 10), (5, 6, 8), (4, 5, 6), (6, 10, 15), (2, 9, 12)]


def _div_counts(n: int, a: int, b: int, c: int) -> tuple[int, int, int]:
    """(S1, S2, S3) of inclusion-exclusion for 'divisible by a, b, c'."""
    s1 = n // a + n // b + n // c
    s2 = n // _lcm(a, b) + n // _lcm(a, c) + n // _lcm(b, c)
    s3 = n // _lcm(a, b, c)
    return s1, s2, s3


def _bounded_dp(n: int, k: int, lo: int, hi: int) -> int:
    """#solutions of x1 + ... + xk = n with lo <= xi <= hi (table over partial sums)."""
    ways = [0] * (n + 1)
    ways[0] = 1
    for _ in range(k):
        new = [0] * (n + 1)
        for t, w in enumerate(ways):
            if w:
                for x in range(lo, hi + 1):
                    if t + x > n:
                        break
                    new[t + x] += w
        ways = new
    return ways[n]


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Family:
    name: str
    tier: int
    gen: Callable[[random.Random, int], dict]
    formula: Callable[[dict], Fraction]
    second: Callable[[dict], Fraction]
    text: Callable[[dict], str]


FAMILIES: dict[str, Family] = {}


def _family(name: str, tier: int):
    def register(cls):
        FAMILIES[name] = Family(name, tier, cls.gen, cls.formula, cls.second, cls.text)
        return cls

    return register
