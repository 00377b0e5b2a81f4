"""The story-building kit the gsm_hard templates share (not a task).

Every template builds a story sentence by sentence while it computes the answer with
exact Fractions and, alongside, a formula string over the stated numbers. Each binary
operation in the formula is one "operation" of the level table. A template picks which of
its optional steps to include so that the operation count hits the requested target.
This module holds the pieces for that: quantities (:class:`Q`, value + formula + label),
the context that draws numbers and counts operations (:class:`Ctx`), the choice of
optional steps (:func:`pick`), the finished :class:`Story`, number formatting, the
people and percentages the stories use, and distractor sentences.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from typing import Callable

PEOPLE: tuple[tuple[str, str], ...] = (
    ("Maya", "she"), ("Omar", "he"), ("Lena", "she"), ("Tariq", "he"), ("Priya", "she"), ("Jonas", "he"),
    ("Rosa", "she"), ("Kofi", "he"), ("Hana", "she"), ("Mateo", "he"), ("Ingrid", "she"), ("Dev", "he"),
    ("Aisha", "she"), ("Felix", "he"), ("Nora", "she"), ("Ravi", "he"),
)
PERCENTS = (5, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 60, 65, 70, 75, 80, 85, 90)


class Retry(Exception):
    """The random choices do not work out (negative, inexact or impossible); draw again."""


class Q:
    """A quantity: exact value, formula text and how it is shown in the story."""

    __slots__ = ("v", "e", "label")

    def __init__(self, v: Fraction, e: str, label: str):
        self.v = v
        self.e = e
        self.label = label


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_money(v: Fraction) -> str:
    if v.denominator == 1:
        return "$" + fmt_int(v.numerator)
    cents = v * 100
    if cents.denominator != 1:  # pragma: no cover - guarded by the money checks
        raise Retry
    c = cents.numerator
    return f"${c // 100:,}.{c % 100:02d}"


class Ctx:
    """Random numbers under the level's magnitude rules, and counted operations."""

    def __init__(self, rng: random.Random, small_max: int, big_digits: tuple[int, int], big_left: int, integer: bool):
        self.rng = rng
        self.small_max = small_max
        self.big_digits = big_digits
        self.big_left = big_left
        self.no_big = big_left == 0  # L1: every stated number stays <= small_max
        self.big_used = 0
        self.ops = 0
        self.divisions = 0  # divisions and percentages
        self.integer = integer  # every intermediate must be an integer (money templates relax this)

    # ---------------------------------------------------------------- numbers
    def _small(self, lo: int, hi: int, mult: int = 1) -> int:
        hi = min(hi, self.small_max)
        lo = min(lo, hi)
        a, b = -(-lo // mult), hi // mult
        if a > b or b <= 0:
            raise Retry
        return max(mult, self.rng.randint(max(a, 1), b) * mult)

    def _big(self, mult: int = 1, below: int | None = None) -> int | None:
        if self.big_left <= 0 or self.rng.random() >= 0.75:
            return None
        d = self.rng.randint(*self.big_digits)
        lo, hi = 10 ** (d - 1), 10**d - 1
        if below is not None:
            hi = min(hi, below - 1)
        a, b = -(-lo // mult), hi // mult
        if a > b:
            return None
        self.big_left -= 1
        self.big_used += 1
        return self.rng.randint(a, b) * mult

    def num(self, lo: int, hi: int, *, big: bool = False, mult: int = 1, money: bool = False) -> Q:
        value = self._big(mult) if big else None
        if value is None:
            value = self._small(lo, hi, mult)
        label = fmt_money(Fraction(value)) if money else fmt_int(value)
        return Q(Fraction(value), str(value), label)

    def below(self, q: Q, lo: int, hi: int, *, big: bool = False, money: bool = False) -> Q:
        """A number strictly smaller than ``q`` (for subtractions that must stay positive)."""
        limit = q.v.numerator // q.v.denominator
        value = self._big(below=limit) if big and limit > 10 ** (self.big_digits[0] - 1) else None
        if value is None:
            hi = min(hi, limit - 1, self.small_max)
            if hi < max(lo, 1):
                raise Retry
            value = self.rng.randint(max(lo, 1), hi)
        label = fmt_money(Fraction(value)) if money else fmt_int(value)
        return Q(Fraction(value), str(value), label)

    def const(self, n: int) -> Q:
        return Q(Fraction(n), str(n), fmt_int(n))

    def percent(self, q: Q, choices: tuple[int, ...] = PERCENTS) -> Q:
        """A percentage p with q * p / 100 exact (an integer unless money is allowed)."""
        good = [p for p in choices if p <= self.small_max and self._exact(q.v * p / 100)]
        if not good:
            raise Retry
        p = self.rng.choice(good)
        return Q(Fraction(p), str(p), f"{p}%")

    def divisor(self, q: Q, lo: int, hi: int) -> Q:
        """A divisor d of q with lo <= d <= hi (exact division)."""
        hi = min(hi, self.small_max)
        if q.v.denominator != 1:
            raise Retry
        n = q.v.numerator
        good = [d for d in range(max(lo, 2), hi + 1) if n % d == 0]
        if not good:
            raise Retry
        d = self.rng.choice(good)
        return Q(Fraction(d), str(d), fmt_int(d))

    def _exact(self, v: Fraction) -> bool:
        return v.denominator == 1 if self.integer else (v * 100).denominator == 1

    # ---------------------------------------------------------------- operations
    def add(self, a: Q, b: Q) -> Q:
        self.ops += 1
        return Q(a.v + b.v, f"({a.e} + {b.e})", "")

    def sub(self, a: Q, b: Q) -> Q:
        self.ops += 1
        if b.v >= a.v:
            raise Retry
        return Q(a.v - b.v, f"({a.e} - {b.e})", "")

    def mul(self, a: Q, b: Q) -> Q:
        self.ops += 1
        return Q(a.v * b.v, f"({a.e} * {b.e})", "")

    def div(self, a: Q, b: Q) -> Q:
        self.ops += 1
        self.divisions += 1
        v = a.v / b.v
        if not self._exact(v) or v <= 0:
            raise Retry
        return Q(v, f"({a.e} / {b.e})", "")

    def pct_of(self, a: Q, p: Q) -> Q:
        """p% of a: two operations (times p, divided by 100)."""
        return self.div(self.mul(a, p), self.const(100))

    def minus_pct(self, a: Q, p: Q) -> Q:
        """a reduced by p% of itself: three operations."""
        return self.sub(a, self.pct_of(a, p))


def pick(rng: random.Random, budget: int, options: list[tuple[str, int, tuple[str, ...]]]) -> set[str]:
    """A random set of optional steps (name, cost, prerequisites) whose costs sum to ``budget``."""
    if budget < 0:
        raise Retry
    fits = []
    for r in range(len(options) + 1):
        for combo in itertools.combinations(options, r):
            names = {c[0] for c in combo}
            if sum(c[1] for c in combo) == budget and all(set(c[2]) <= names for c in combo):
                fits.append(names)
    if not fits:
        raise Retry
    return rng.choice(fits)


class Story:
    def __init__(self, template: str, sentences: list[str], question: str, define: str, value: Q, kind: str,
                 distractors: list[str]):
        self.template = template
        self.sentences = sentences
        self.question = question
        self.define = define
        self.value = value
        self.kind = kind  # "int" or "money"
        self.distractors = distractors


def _seeded(seed: Q | None, make: Callable[[], Q]) -> Q:
    return seed if seed is not None else make()


def _distractor(ctx: Ctx, texts: tuple[str, ...], big: bool) -> list[str]:
    out = []
    for t in texts:
        if big:
            d = ctx.rng.randint(*ctx.big_digits)
            n = ctx.rng.randint(10 ** (d - 1), 10**d - 1)
        else:
            n = ctx.rng.randint(3, 99)
        out.append(t.format(x=fmt_int(n)))
    return out
