"""Tier-1 families of math_counting_probability: one direct count.

Podium orders (nPr), committees (nCr), shelf orders (n!), codes by the product rule and
handshakes / round-robin games. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from ._common import ENUM_CAP, _ORDINALS, _family


@_family("podium", 1)
class _Podium:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(5, 8 + 4 * s)
        return {"n": n, "k": rng.randint(2, min(4, n - 1))}

    @staticmethod
    def formula(d):
        return Fraction(math.perm(d["n"], d["k"]))

    @staticmethod
    def second(d):
        if math.perm(d["n"], d["k"]) <= ENUM_CAP:
            return Fraction(sum(1 for _ in itertools.permutations(range(d["n"]), d["k"])))
        return Fraction(math.factorial(d["n"]) // math.factorial(d["n"] - d["k"]))

    @staticmethod
    def text(d):
        names = _ORDINALS[: d["k"]]
        places = ", ".join(names[:-1]) + " and " + names[-1]
        return (
            f"A race has {d['n']} runners and there are no ties. In how many different ways can the "
            f"{places} places be filled?"
        )


@_family("committee", 1)
class _Committee:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(6, 10 + 5 * s)
        return {"n": n, "k": rng.randint(2, min(6, n - 2))}

    @staticmethod
    def formula(d):
        return Fraction(math.comb(d["n"], d["k"]))

    @staticmethod
    def second(d):  # Pascal's triangle
        row = [1]
        for _ in range(d["n"]):
            row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
        return Fraction(row[d["k"]])

    @staticmethod
    def text(d):
        return (
            f"In how many ways can a committee of {d['k']} people be chosen from a club of {d['n']} people? "
            "(The order of selection does not matter.)"
        )


@_family("shelf", 1)
class _Shelf:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(4, 6 + 2 * s)}

    @staticmethod
    def formula(d):
        return Fraction(math.factorial(d["n"]))

    @staticmethod
    def second(d):
        if d["n"] <= 7:
            return Fraction(sum(1 for _ in itertools.permutations(range(d["n"]))))
        return Fraction(math.prod(range(1, d["n"] + 1)))

    @staticmethod
    def text(d):
        return f"In how many different orders can {d['n']} different books be arranged in a row on a shelf?"


@_family("codes", 1)
class _Codes:
    @staticmethod
    def gen(rng, s):
        return {
            "letters": rng.randint(1, 3),
            "digits": rng.randint(1, 2 + s),
            "alphabet": rng.choice([5, 6, 8, 10, 26]),
            "repeat": rng.choice([True, False]),
        }

    @staticmethod
    def formula(d):
        a, l, g = d["alphabet"], d["letters"], d["digits"]
        if d["repeat"]:
            return Fraction(a**l * 10**g)
        return Fraction(math.perm(a, l) * math.perm(10, g))

    @staticmethod
    def second(d):  # position by position
        total = 1
        for i in range(d["letters"]):
            total *= d["alphabet"] - (0 if d["repeat"] else i)
        for i in range(d["digits"]):
            total *= 10 - (0 if d["repeat"] else i)
        return Fraction(total)

    @staticmethod
    def text(d):
        rep = "Symbols may be repeated." if d["repeat"] else "No letter and no digit may be used more than once."
        letters = "1 letter" if d["letters"] == 1 else f"{d['letters']} letters"
        digits = "1 digit" if d["digits"] == 1 else f"{d['digits']} digits"
        return (
            f"A code consists of {letters} chosen from an alphabet of {d['alphabet']} letters, followed by "
            f"{digits} from 0 to 9. {rep} How many different codes are possible?"
        )


@_family("handshakes", 1)
class _Handshakes:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(5, 12 + 8 * s), "games": rng.choice([1, 1, 2, 3])}

    @staticmethod
    def formula(d):
        return Fraction(d["games"] * math.comb(d["n"], 2))

    @staticmethod
    def second(d):
        return Fraction(d["games"] * sum(1 for i in range(d["n"]) for j in range(i + 1, d["n"])))

    @staticmethod
    def text(d):
        if d["games"] == 1:
            return f"At a party, each of {d['n']} people shakes hands exactly once with each of the others. How many handshakes take place?"
        return (
            f"In a tournament with {d['n']} teams, every pair of teams plays each other exactly {d['games']} times. "
            "How many games are played in total?"
        )
