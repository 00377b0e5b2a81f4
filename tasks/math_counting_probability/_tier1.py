"""Tier-1 families of math_counting_probability: one direct count.

Podium orders (nPr), committees (nCr), shelf orders (n!), codes by the product rule and
handshakes / round-robin games. Importing the module registers them in ``FAMILIES``.
Each family has two to four wordings (``w``), so that the tier is not a few hundred
questions only.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from ._common import ENUM_CAP, _ORDINALS, _family


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@_family("podium", 1)
class _Podium:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(5, 10 + 4 * s)
        return {"n": n, "k": rng.randint(2, min(4, n - 1)), "w": rng.randrange(4)}

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
        n, k, w = d["n"], d["k"], d.get("w", 0)
        if w == 1:
            offices = _and(["president", "vice-president", "secretary", "treasurer"][:k])
            return (
                f"A club with {n} members elects a {offices}. No member may hold more than one office. "
                "In how many ways can the offices be filled?"
            )
        if w == 2:
            return (
                f"{n} students enter a science fair that awards {_and(_ORDINALS[:k])} prizes, at most one per "
                "student. In how many different ways can the prizes be awarded?"
            )
        if w == 3:
            return (
                f"A gallery owns {n} different paintings and has a row of {k} spots on one wall. In how many "
                f"different ways can {k} of the paintings be hung there (the order along the wall matters)?"
            )
        return (
            f"A race has {n} runners and there are no ties. In how many different ways can the "
            f"{_and(_ORDINALS[:k])} places be filled?"
        )


@_family("committee", 1)
class _Committee:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(6, 10 + 5 * s)
        return {"n": n, "k": rng.randint(2, min(6, n - 2)), "w": rng.randrange(4)}

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
        n, k, w = d["n"], d["k"], d.get("w", 0)
        if w == 1:
            return (
                f"A pizzeria offers {n} different toppings. How many different pizzas with exactly {k} different "
                "toppings can be ordered? (The order of the toppings does not matter.)"
            )
        if w == 2:
            return f"A student picks {k} of her {n} different books to take on a trip. How many different selections are possible?"
        if w == 3:
            return (
                f"A coach picks a team of {k} players from a squad of {n}; positions do not matter. "
                "How many different teams are possible?"
            )
        return (
            f"In how many ways can a committee of {k} people be chosen from a club of {n} people? "
            "(The order of selection does not matter.)"
        )


@_family("shelf", 1)
class _Shelf:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(4, 7 + 2 * s), "w": rng.randrange(4)}

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
        n, w = d["n"], d.get("w", 0)
        if w == 1:
            return f"{n} friends line up in a single row for a photo. How many different orders are possible?"
        if w == 2:
            return f"A race has {n} lanes and {n} runners, one runner per lane. In how many ways can the runners be assigned to the lanes?"
        if w == 3:
            return f"A playlist holds {n} different songs. In how many different orders can all of them be played, each once?"
        return f"In how many different orders can {n} different books be arranged in a row on a shelf?"


@_family("codes", 1)
class _Codes:
    @staticmethod
    def gen(rng, s):
        return {
            "letters": rng.randint(1, 3),
            "digits": rng.randint(1, 2 + s),
            "alphabet": rng.choice([5, 6, 8, 10, 26]),
            "repeat": rng.choice([True, False]),
            "w": rng.randrange(2),
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
        if d.get("w", 0) == 1:
            return (
                f"A licence plate shows {letters} taken from an alphabet of {d['alphabet']} letters, followed by "
                f"{digits} from 0 to 9. {rep} How many different plates can be made?"
            )
        return (
            f"A code consists of {letters} chosen from an alphabet of {d['alphabet']} letters, followed by "
            f"{digits} from 0 to 9. {rep} How many different codes are possible?"
        )


@_family("handshakes", 1)
class _Handshakes:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(5, 12 + 8 * s), "games": rng.choice([1, 1, 2, 3]), "w": rng.randrange(3)}

    @staticmethod
    def formula(d):
        return Fraction(d["games"] * math.comb(d["n"], 2))

    @staticmethod
    def second(d):
        return Fraction(d["games"] * sum(1 for i in range(d["n"]) for j in range(i + 1, d["n"])))

    @staticmethod
    def text(d):
        n, w = d["n"], d.get("w", 0)
        if d["games"] == 1 and w == 1:
            return f"{n} points lie on a circle. How many different line segments join two of the points?"
        if d["games"] == 1 and w == 2:
            return f"A country has {n} cities, and every two of them are joined by exactly one direct road. How many roads are there?"
        if d["games"] == 1:
            return f"At a party, each of {n} people shakes hands exactly once with each of the others. How many handshakes take place?"
        if w == 1:
            return (
                f"In a chess club of {n} players, every two players play each other exactly {d['games']} times. "
                "How many games are played in total?"
            )
        return (
            f"In a tournament with {d['n']} teams, every pair of teams plays each other exactly {d['games']} times. "
            "How many games are played in total?"
        )
