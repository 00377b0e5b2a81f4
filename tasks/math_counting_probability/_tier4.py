"""Tier-4 families of math_counting_probability: inclusion-exclusion and conditional probability.

Integers in [1, N] divisible by some of a, b, c, conditional dice, conditional draws,
stars and bars with an upper bound, letters in the right envelopes (derangements) and
lattice paths avoiding two points. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from symbench.contract import GenerationError

from ._common import (
    ENUM_CAP,
    _DIV_SETS,
    _MAX_ATTEMPTS,
    _bounded_dp,
    _div_counts,
    _family,
    _lattice_dp,
    _lcm,
    _paths,
    _periodic_count,
)


@_family("divisibility_union", 4)
class _DivUnion:
    @staticmethod
    def gen(rng, s):
        a, b, c = rng.choice(_DIV_SETS)
        return {"n": rng.randint(100, 500 * s), "abc": [a, b, c], "ask": rng.choice(["any", "none", "ab_not_c"])}

    @staticmethod
    def formula(d):
        n, (a, b, c) = d["n"], d["abc"]
        s1, s2, s3 = _div_counts(n, a, b, c)
        union = s1 - s2 + s3
        if d["ask"] == "any":
            return Fraction(union)
        if d["ask"] == "none":
            return Fraction(n - union)
        ab = n // a + n // b - n // _lcm(a, b)
        abc = n // _lcm(a, c) + n // _lcm(b, c) - n // _lcm(a, b, c)
        return Fraction(ab - abc)

    @staticmethod
    def second(d):
        n, (a, b, c) = d["n"], d["abc"]
        if d["ask"] == "any":
            pred = lambda x: x % a == 0 or x % b == 0 or x % c == 0  # noqa: E731
        elif d["ask"] == "none":
            pred = lambda x: x % a and x % b and x % c  # noqa: E731
        else:
            pred = lambda x: (x % a == 0 or x % b == 0) and x % c != 0  # noqa: E731
        return Fraction(_periodic_count(n, _lcm(a, b, c), pred))

    @staticmethod
    def text(d):
        n, (a, b, c) = d["n"], d["abc"]
        what = {
            "any": f"are divisible by at least one of {a}, {b} and {c}",
            "none": f"are divisible by none of {a}, {b} and {c}",
            "ab_not_c": f"are divisible by {a} or by {b} (or both) but not by {c}",
        }[d["ask"]]
        return f"How many integers from 1 to {n}, inclusive, {what}?"


@_family("conditional_dice", 4)
class _ConditionalDice:
    @staticmethod
    def gen(rng, s):
        for _ in range(_MAX_ATTEMPTS):
            v, total = rng.randint(1, 6), rng.randint(3, 11)
            if 1 <= total - v <= 6:
                return {"v": v, "s": total, "given": rng.choice(["face", "sum"])}
        raise GenerationError("conditional_dice: none")

    @staticmethod
    def formula(d):
        v, s = d["v"], d["s"]
        both = 2 if s - v != v else 1  # (v, s-v) and (s-v, v)
        if d["given"] == "face":
            return Fraction(both, 11)
        return Fraction(both, 6 - abs(s - 7))

    @staticmethod
    def second(d):
        v, s = d["v"], d["s"]
        rolls = list(itertools.product(range(1, 7), repeat=2))
        has_v = {r for r in rolls if v in r}
        has_s = {r for r in rolls if sum(r) == s}
        cond = has_v if d["given"] == "face" else has_s
        return Fraction(len(has_v & has_s), len(cond))

    @staticmethod
    def text(d):
        if d["given"] == "face":
            q = f"Given that at least one of the dice shows a {d['v']}, what is the probability that the sum is {d['s']}?"
        else:
            q = f"Given that the sum is {d['s']}, what is the probability that at least one of the dice shows a {d['v']}?"
        return "Two fair six-sided dice are rolled. " + q + " Express your answer as a common fraction."


@_family("conditional_draw", 4)
class _ConditionalDraw:
    @staticmethod
    def gen(rng, s):
        return {"counts": [rng.randint(2, 5 + s), rng.randint(2, 5 + s), rng.randint(0, 3 + s)], "given": rng.choice(["one_red", "same"])}

    @staticmethod
    def formula(d):
        r, b, g = d["counts"]
        n = r + b + g
        both_red = math.comb(r, 2)
        if d["given"] == "one_red":
            return Fraction(both_red, math.comb(n, 2) - math.comb(n - r, 2))
        return Fraction(both_red, math.comb(r, 2) + math.comb(b, 2) + math.comb(g, 2))

    @staticmethod
    def second(d):
        balls = [i for i, x in enumerate(d["counts"]) for _ in range(x)]
        cond = hit = 0
        for i, j in itertools.permutations(range(len(balls)), 2):  # ordered draws
            x, y = balls[i], balls[j]
            given = (0 in (x, y)) if d["given"] == "one_red" else x == y
            if given:
                cond += 1
                hit += x == y == 0
        return Fraction(hit, cond)

    @staticmethod
    def text(d):
        r, b, g = d["counts"]
        bag = f"{r} red and {b} blue balls" if g == 0 else f"{r} red, {b} blue and {g} green balls"
        given = "at least one of them is red" if d["given"] == "one_red" else "they are the same colour"
        return (
            f"A bag contains {bag}. Two balls are drawn at random without replacement. Given that {given}, what is "
            "the probability that both are red? Express your answer as a common fraction."
        )


@_family("bounded_stars", 4)
class _BoundedStars:
    @staticmethod
    def gen(rng, s):
        for _ in range(_MAX_ATTEMPTS):
            k = rng.randint(3, 3 + s)
            u = rng.randint(2, 3 + s)
            n = rng.randint(u + 1, k * u - 1)
            return {"n": n, "k": k, "u": u}
        raise GenerationError("bounded_stars: none")  # pragma: no cover

    @staticmethod
    def formula(d):
        n, k, u = d["n"], d["k"], d["u"]
        total = 0
        for j in range(k + 1):
            m = n - j * (u + 1)
            if m < 0:
                break
            total += (-1) ** j * math.comb(k, j) * math.comb(m + k - 1, k - 1)
        return Fraction(total)

    @staticmethod
    def second(d):
        return Fraction(_bounded_dp(d["n"], d["k"], 0, d["u"]))

    @staticmethod
    def text(d):
        return (
            f"In how many ways can {d['n']} identical marbles be put into {d['k']} different boxes if every box can "
            f"hold at most {d['u']} marbles (boxes may stay empty and all marbles are used)?"
        )


def _derangements(m: int) -> int:
    return sum((-1) ** i * math.factorial(m) // math.factorial(i) for i in range(m + 1))


@_family("envelopes", 4)
class _Envelopes:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(4, 6 + s)
        return {"n": n, "j": rng.randint(0, n - 2), "prob": rng.choice([True, False])}

    @staticmethod
    def formula(d):
        n, j = d["n"], d["j"]
        ways = math.comb(n, j) * _derangements(n - j)
        return Fraction(ways, math.factorial(n)) if d["prob"] else Fraction(ways)

    @staticmethod
    def second(d):
        n, j = d["n"], d["j"]
        if math.factorial(n) <= ENUM_CAP:
            ways = sum(1 for p in itertools.permutations(range(n)) if sum(p[i] == i for i in range(n)) == j)
        else:  # recurrence D(m) = (m - 1)(D(m - 1) + D(m - 2))
            der = [1, 0]
            for m in range(2, n + 1):
                der.append((m - 1) * (der[-1] + der[-2]))
            ways = math.comb(n, j) * der[n - j]
        return Fraction(ways, math.factorial(n)) if d["prob"] else Fraction(ways)

    @staticmethod
    def text(d):
        n, j = d["n"], d["j"]
        exact = "none of the letters is" if j == 0 else f"exactly {j} of the letters {'is' if j == 1 else 'are'}"
        if d["prob"]:
            return (
                f"{n} letters are placed at random into {n} addressed envelopes, one letter per envelope, all "
                f"arrangements equally likely. What is the probability that {exact} in the correct envelope? "
                "Express your answer as a common fraction."
            )
        return (
            f"{n} letters are placed into {n} addressed envelopes, one letter per envelope. In how many ways can "
            f"this be done so that {exact} in the correct envelope?"
        )


@_family("lattice_avoid_two", 4)
class _LatticeAvoidTwo:
    @staticmethod
    def gen(rng, s):
        for _ in range(_MAX_ATTEMPTS):
            a, b = rng.randint(4, 5 + s), rng.randint(3, 4 + s)
            p = [rng.randint(1, a - 1), rng.randint(0, b - 1)]
            q = [rng.randint(1, a - 1), rng.randint(1, b)]
            if p != q:
                return {"a": a, "b": b, "p": p, "q": q}
        raise GenerationError("lattice_avoid_two: none")

    @staticmethod
    def formula(d):
        a, b, p, q = d["a"], d["b"], d["p"], d["q"]
        first, second = sorted([p, q])
        via_p = _paths(*p) * _paths(a - p[0], b - p[1])
        via_q = _paths(*q) * _paths(a - q[0], b - q[1])
        via_both = _paths(*first) * _paths(second[0] - first[0], second[1] - first[1]) * _paths(a - second[0], b - second[1])
        return Fraction(_paths(a, b) - via_p - via_q + via_both)

    @staticmethod
    def second(d):
        return Fraction(_lattice_dp(d["a"], d["b"], {tuple(d["p"]), tuple(d["q"])}))

    @staticmethod
    def text(d):
        (px, py), (qx, qy) = d["p"], d["q"]
        return (
            f"A path goes from (0, 0) to ({d['a']}, {d['b']}) in unit steps, each step going one unit to the right "
            f"or one unit up. How many such paths pass through neither ({px}, {py}) nor ({qx}, {qy})?"
        )
