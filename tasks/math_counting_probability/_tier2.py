"""Tier-2 families of math_counting_probability: one restriction.

Two people together / apart in a row, anagrams of words with repeated letters,
committees that must include / exclude someone, round tables, digit strings with a
restriction and stars and bars. Importing the module registers them in ``FAMILIES``.
Families have several wordings (``w``) and name pairs (``pair``), so that the tier is not
a few hundred questions only.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from ._common import (
    ENUM_CAP,
    WORDS_LONG,
    WORDS_SHORT,
    _bounded_dp,
    _count_strings,
    _family,
    _letter_counts,
    _multinomial,
    _row_count,
)

_PAIRS = (("Alice", "Bob"), ("Carla", "Dev"), ("Emma", "Felix"), ("Grace", "Hamid"), ("Ines", "Jonas"))
# more short words with repeated letters (tier 2 only)
_WORDS_EXTRA = (
    "APPLE", "BAGGAGE", "BALLAD", "BOTTLE", "CHERRY", "COOKIE", "GIGGLE", "HAPPEN", "KITTEN", "LETTUCE",
    "MIRROR", "NEEDLE", "POPPY", "RATTLE", "SETTLE", "SUMMER", "TATTOO", "TOFFEE", "WALLET", "YELLOW",
)


@_family("together_apart", 2)
class _TogetherApart:
    @staticmethod
    def gen(rng, s):
        return {
            "n": rng.randint(4, 6 + min(s, 2) + (s >= 4) * 3),
            "together": rng.choice([True, False]),
            "pair": rng.randrange(len(_PAIRS)),
            "w": rng.randrange(2),
        }

    @staticmethod
    def formula(d):
        n = d["n"]
        tog = 2 * math.factorial(n - 1)
        return Fraction(tog if d["together"] else math.factorial(n) - tog)

    @staticmethod
    def second(d):
        n = d["n"]
        if math.factorial(n) > ENUM_CAP:  # DP over positions of A and B
            adjacent_pos = 2 * (n - 1)
            pairs = adjacent_pos if d["together"] else n * (n - 1) - adjacent_pos
            return Fraction(pairs * math.factorial(n - 2))
        return Fraction(_row_count(n, lambda p: (abs(p.index(0) - p.index(1)) == 1) == d["together"]))

    @staticmethod
    def text(d):
        a, b = _PAIRS[d.get("pair", 0)]
        if d.get("w", 0) == 1:
            rel = "insist on standing next to each other" if d["together"] else "refuse to stand next to each other"
            return (
                f"{d['n']} children, including {a} and {b}, line up in a single row. "
                f"If {a} and {b} {rel}, how many different lines are possible?"
            )
        rel = "must sit next to each other" if d["together"] else "refuse to sit next to each other"
        return (
            f"{d['n']} people, including {a} and {b}, are to sit in a row of {d['n']} chairs. "
            f"If {a} and {b} {rel}, how many seating arrangements are possible?"
        )


@_family("anagrams", 2)
class _Anagrams:
    @staticmethod
    def gen(rng, s):
        words = WORDS_SHORT + _WORDS_EXTRA if s <= 2 else WORDS_SHORT + WORDS_LONG
        return {"word": rng.choice(words), "w": rng.randrange(2)}

    @staticmethod
    def formula(d):
        return Fraction(_multinomial(list(_letter_counts(d["word"]).values())))

    @staticmethod
    def second(d):
        counts = tuple(_letter_counts(d["word"]).values())
        return Fraction(_count_strings(counts, lambda st, k: 0, 0, lambda st: True))

    @staticmethod
    def text(d):
        if d.get("w", 0) == 1:
            return f"How many different strings of letters can be made by rearranging all the letters of {d['word']}?"
        return f"How many distinct arrangements of the letters of the word {d['word']} are there?"


@_family("committee_member", 2)
class _CommitteeMember:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(7, 10 + 4 * s)
        return {
            "n": n,
            "k": rng.randint(3, min(6, n - 3)),
            "rule": rng.choice(["include", "exclude", "not_both"]),
            "pair": rng.randrange(len(_PAIRS)),
        }

    @staticmethod
    def formula(d):
        n, k = d["n"], d["k"]
        if d["rule"] == "include":
            return Fraction(math.comb(n - 1, k - 1))
        if d["rule"] == "exclude":
            return Fraction(math.comb(n - 1, k))
        return Fraction(math.comb(n, k) - math.comb(n - 2, k - 2))

    @staticmethod
    def second(d):
        n, k, rule = d["n"], d["k"], d["rule"]

        def ok(c):
            if rule == "include":
                return 0 in c
            if rule == "exclude":
                return 0 not in c
            return not (0 in c and 1 in c)

        if math.comb(n, k) <= ENUM_CAP:
            return Fraction(sum(1 for c in itertools.combinations(range(n), k) if ok(set(c))))
        # split on the special people: the others are chosen freely
        total = 0
        for a in (0, 1):
            for b in (0, 1):
                if ok({x for x, flag in ((0, a), (1, b)) if flag}):
                    total += math.comb(n - 2, k - a - b) if k - a - b >= 0 else 0
        return Fraction(total)

    @staticmethod
    def text(d):
        a, b = _PAIRS[d.get("pair", 0)]
        rule = {
            "include": f"{a} insists on being on the committee",
            "exclude": f"{a} refuses to be on the committee",
            "not_both": f"{a} and {b} refuse to serve on the committee together",
        }[d["rule"]]
        return (
            f"A club has {d['n']} members, including {a} and {b}. A committee of {d['k']} members is to be chosen. "
            f"If {rule}, how many different committees are possible?"
        )


@_family("round_table", 2)
class _RoundTable:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(4, 7 + s), "w": rng.randrange(3)}

    @staticmethod
    def formula(d):
        return Fraction(math.factorial(d["n"] - 1))

    @staticmethod
    def second(d):
        n = d["n"]
        if math.factorial(n) > ENUM_CAP:
            return Fraction(math.factorial(n) // n)
        seen = set()
        for p in itertools.permutations(range(n)):
            i = p.index(0)
            seen.add(p[i:] + p[:i])
        return Fraction(len(seen))

    @staticmethod
    def text(d):
        n, w = d["n"], d.get("w", 0)
        if w == 1:
            return (
                f"{n} children stand in a circle holding hands. How many different circles are possible, if two "
                "circles count as the same when one is a rotation of the other?"
            )
        if w == 2:
            return (
                f"{n} knights sit at a round table with {n} identical chairs. Seatings that differ only by a rotation "
                "are the same. How many different seatings are there?"
            )
        return (
            f"In how many ways can {n} people be seated around a round table if two seatings are considered "
            "the same when one is a rotation of the other?"
        )


@_family("digit_numbers", 2)
class _DigitNumbers:
    @staticmethod
    def gen(rng, s):
        rules = ["distinct", "odd_digits", "no_digit", "even_distinct", "increasing", "multiple_of_5", "has_digit"]
        return {"k": rng.randint(2, 4), "rule": rng.choice(rules), "digit": rng.randint(1, 9)}

    @staticmethod
    def formula(d):
        k, rule = d["k"], d["rule"]
        if rule == "distinct":
            return Fraction(9 * math.perm(9, k - 1))
        if rule == "odd_digits":
            return Fraction(5**k)
        if rule == "no_digit":  # digit is 1..9: first place 8 choices, others 9
            return Fraction(8 * 9 ** (k - 1))
        if rule == "increasing":  # a strictly increasing string cannot start with 0: k digits from 1-9
            return Fraction(math.comb(9, k))
        if rule == "multiple_of_5":  # first digit 9 ways, middle 10 each, last 0 or 5
            return Fraction(9 * 10 ** (k - 2) * 2)
        if rule == "has_digit":  # complement of no_digit
            return Fraction(9 * 10 ** (k - 1) - 8 * 9 ** (k - 1))
        # even with distinct digits: last digit 0 -> 9*8*...; last digit 2,4,6,8 -> first nonzero
        return Fraction(math.perm(9, k - 1) + 4 * 8 * math.perm(8, k - 2))

    @staticmethod
    def second(d):
        k, rule, dig = d["k"], d["rule"], str(d["digit"])

        def ok(x):
            t = str(x)
            if rule == "distinct":
                return len(set(t)) == k
            if rule == "odd_digits":
                return all(c in "13579" for c in t)
            if rule == "no_digit":
                return dig not in t
            if rule == "increasing":
                return all(a < b for a, b in zip(t, t[1:]))
            if rule == "multiple_of_5":
                return x % 5 == 0
            if rule == "has_digit":
                return dig in t
            return len(set(t)) == k and x % 2 == 0

        return Fraction(sum(1 for x in range(10 ** (k - 1), 10**k) if ok(x)))

    @staticmethod
    def text(d):
        k = d["k"]
        what = {
            "distinct": "have all digits different",
            "odd_digits": "have only odd digits",
            "no_digit": f"do not contain the digit {d['digit']}",
            "even_distinct": "are even and have all digits different",
            "increasing": "have digits that strictly increase from left to right",
            "multiple_of_5": "are multiples of 5",
            "has_digit": f"contain the digit {d['digit']} at least once",
        }[d["rule"]]
        return f"How many {k}-digit positive integers (no leading zero) {what}?"


@_family("stars_bars", 2)
class _StarsBars:
    @staticmethod
    def gen(rng, s):
        k = rng.randint(2, 3 + s // 2)
        return {"n": rng.randint(k + 1, 8 + 3 * s), "k": k, "positive": rng.choice([True, False]), "w": rng.randrange(3)}

    @staticmethod
    def formula(d):
        n, k = d["n"], d["k"]
        return Fraction(math.comb(n - 1, k - 1) if d["positive"] else math.comb(n + k - 1, k - 1))

    @staticmethod
    def second(d):
        return Fraction(_bounded_dp(d["n"], d["k"], 1 if d["positive"] else 0, d["n"]))

    @staticmethod
    def text(d):
        n, k, w = d["n"], d["k"], d.get("w", 0)
        if w == 1:
            cond = "no box is left empty" if d["positive"] else "boxes may be left empty"
            return f"In how many ways can {n} identical balls be put into {k} different boxes if {cond}?"
        if w == 2:
            kind = "positive" if d["positive"] else "non-negative"
            names = " + ".join(f"x{i}" for i in range(1, k + 1))
            return f"How many solutions in {kind} integers does the equation {names} = {n} have?"
        cond = "each child gets at least one candy" if d["positive"] else "some children may get no candy"
        return (
            f"In how many ways can {d['n']} identical candies be given to {d['k']} different children if all the "
            f"candies are given out and {cond}?"
        )
