"""Tier-2 families of math_counting_probability: one restriction.

Two people together / apart in a row, anagrams of words with repeated letters,
committees that must include / exclude someone, round tables, digit strings with a
restriction and stars and bars. Importing the module registers them in ``FAMILIES``.
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


@_family("together_apart", 2)
class _TogetherApart:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(4, 5 + min(s, 2) + (s >= 4) * 3), "together": rng.choice([True, False])}

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
        rel = "must sit next to each other" if d["together"] else "refuse to sit next to each other"
        return (
            f"{d['n']} people, including Alice and Bob, are to sit in a row of {d['n']} chairs. "
            f"If Alice and Bob {rel}, how many seating arrangements are possible?"
        )


@_family("anagrams", 2)
class _Anagrams:
    @staticmethod
    def gen(rng, s):
        words = WORDS_SHORT if s <= 2 else WORDS_SHORT + WORDS_LONG
        return {"word": rng.choice(words)}

    @staticmethod
    def formula(d):
        return Fraction(_multinomial(list(_letter_counts(d["word"]).values())))

    @staticmethod
    def second(d):
        counts = tuple(_letter_counts(d["word"]).values())
        return Fraction(_count_strings(counts, lambda st, k: 0, 0, lambda st: True))

    @staticmethod
    def text(d):
        return f"How many distinct arrangements of the letters of the word {d['word']} are there?"


@_family("committee_member", 2)
class _CommitteeMember:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(7, 10 + 4 * s)
        return {"n": n, "k": rng.randint(3, min(6, n - 3)), "rule": rng.choice(["include", "exclude", "not_both"])}

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
        rule = {
            "include": "Alice insists on being on the committee",
            "exclude": "Alice refuses to be on the committee",
            "not_both": "Alice and Bob refuse to serve on the committee together",
        }[d["rule"]]
        return (
            f"A club has {d['n']} members, including Alice and Bob. A committee of {d['k']} members is to be chosen. "
            f"If {rule}, how many different committees are possible?"
        )


@_family("round_table", 2)
class _RoundTable:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(4, 6 + s)}

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
        return (
            f"In how many ways can {d['n']} people be seated around a round table if two seatings are considered "
            "the same when one is a rotation of the other?"
        )


@_family("digit_numbers", 2)
class _DigitNumbers:
    @staticmethod
    def gen(rng, s):
        return {"k": rng.randint(3, 4), "rule": rng.choice(["distinct", "odd_digits", "no_digit", "even_distinct"]), "digit": rng.randint(1, 9)}

    @staticmethod
    def formula(d):
        k, rule = d["k"], d["rule"]
        if rule == "distinct":
            return Fraction(9 * math.perm(9, k - 1))
        if rule == "odd_digits":
            return Fraction(5**k)
        if rule == "no_digit":  # digit is 1..9: first place 8 choices, others 9
            return Fraction(8 * 9 ** (k - 1))
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
        }[d["rule"]]
        return f"How many {k}-digit positive integers (no leading zero) {what}?"


@_family("stars_bars", 2)
class _StarsBars:
    @staticmethod
    def gen(rng, s):
        k = rng.randint(2, 3 + s // 2)
        return {"n": rng.randint(k + 1, 8 + 3 * s), "k": k, "positive": rng.choice([True, False])}

    @staticmethod
    def formula(d):
        n, k = d["n"], d["k"]
        return Fraction(math.comb(n - 1, k - 1) if d["positive"] else math.comb(n + k - 1, k - 1))

    @staticmethod
    def second(d):
        return Fraction(_bounded_dp(d["n"], d["k"], 1 if d["positive"] else 0, d["n"]))

    @staticmethod
    def text(d):
        cond = "each child gets at least one candy" if d["positive"] else "some children may get no candy"
        return (
            f"In how many ways can {d['n']} identical candies be given to {d['k']} different children if all the "
            f"candies are given out and {cond}?"
        )
