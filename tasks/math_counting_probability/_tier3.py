"""Tier-3 families of math_counting_probability: two restrictions or equally likely outcomes.

P(k dice sum to s), balls drawn without replacement, fair-coin binomial probabilities,
lattice paths avoiding a point, committees with both genders, rows with two seating
restrictions and the expected value of a die game. Importing the module registers them
in ``FAMILIES``.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from symbench.contract import GenerationError

from ._common import ENUM_CAP, _MAX_ATTEMPTS, _dice_dp, _family, _lattice_dp, _paths, _row_count


def _dice_formula(k: int, faces: int, s: int) -> int:
    """Ways for k dice (1..faces) to sum to s, by inclusion-exclusion."""
    total = 0
    for j in range(k + 1):
        m = s - faces * j - 1
        if m < k - 1:
            break
        total += (-1) ** j * math.comb(k, j) * math.comb(m, k - 1)
    return total


@_family("dice_sum", 3)
class _DiceSum:
    @staticmethod
    def gen(rng, s):
        k = rng.choice([2, 3])
        return {"k": k, "faces": 6, "s": rng.randint(k + 1, 6 * k - 1)}

    @staticmethod
    def formula(d):
        return Fraction(_dice_formula(d["k"], d["faces"], d["s"]), d["faces"] ** d["k"])

    @staticmethod
    def second(d):
        k, f = d["k"], d["faces"]
        if f**k <= ENUM_CAP:
            hits = sum(1 for roll in itertools.product(range(1, f + 1), repeat=k) if sum(roll) == d["s"])
        else:
            hits = _dice_dp(k, f)[d["s"]]
        return Fraction(hits, f**k)

    @staticmethod
    def text(d):
        return (
            f"{d['k']} fair {d['faces']}-sided dice (faces numbered 1 to {d['faces']}) are rolled. What is the "
            f"probability that the sum of the numbers rolled is {d['s']}? Express your answer as a common fraction."
        )


_COLOURS = ("red", "blue", "green")


@_family("balls_draw", 3)
class _BallsDraw:
    @staticmethod
    def gen(rng, s):
        counts = [rng.randint(2, 4 + s), rng.randint(2, 4 + s)]
        if rng.random() < 0.5:
            counts.append(rng.randint(1, 3 + s))
        draw = rng.choice([2, 3])
        return {"counts": counts, "draw": draw, "ask": rng.choice(["same", "exactly_one_red", "at_least_one_blue"])}

    @staticmethod
    def _good(d, drawn_counts):
        if d["ask"] == "same":
            return max(drawn_counts) == d["draw"]
        if d["ask"] == "exactly_one_red":
            return drawn_counts[0] == 1
        return drawn_counts[1] >= 1

    @staticmethod
    def formula(d):
        c, k = d["counts"], d["draw"]
        n = sum(c)
        total = math.comb(n, k)
        if d["ask"] == "same":
            good = sum(math.comb(x, k) for x in c)
        elif d["ask"] == "exactly_one_red":
            good = c[0] * math.comb(n - c[0], k - 1)
        else:
            good = total - math.comb(n - c[1], k)
        return Fraction(good, total)

    @staticmethod
    def second(d):
        balls = [i for i, x in enumerate(d["counts"]) for _ in range(x)]
        good = total = 0
        for combo in itertools.combinations(range(len(balls)), d["draw"]):
            drawn = [0] * len(d["counts"])
            for b in combo:
                drawn[balls[b]] += 1
            total += 1
            good += _BallsDraw._good(d, drawn)
        return Fraction(good, total)

    @staticmethod
    def text(d):
        bag = ", ".join(f"{x} {col}" for x, col in zip(d["counts"], _COLOURS))
        ask = {
            "same": "all of them are the same colour",
            "exactly_one_red": "exactly one of them is red",
            "at_least_one_blue": "at least one of them is blue",
        }[d["ask"]]
        return (
            f"A bag contains {bag} balls. {d['draw']} balls are drawn at random without replacement. "
            f"What is the probability that {ask}? Express your answer as a common fraction."
        )


@_family("fair_coins", 3)
class _FairCoins:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(4, 7 + 2 * s)
        return {"n": n, "k": rng.randint(1, n - 1), "ask": rng.choice(["exactly", "at_least"])}

    @staticmethod
    def formula(d):
        n, k = d["n"], d["k"]
        good = math.comb(n, k) if d["ask"] == "exactly" else sum(math.comb(n, j) for j in range(k, n + 1))
        return Fraction(good, 2**n)

    @staticmethod
    def second(d):
        n, k = d["n"], d["k"]
        ok = (lambda h: h == k) if d["ask"] == "exactly" else (lambda h: h >= k)
        if 2**n <= ENUM_CAP:
            return Fraction(sum(1 for m in range(2**n) if ok(bin(m).count("1"))), 2**n)
        dist = [Fraction(1)]
        for _ in range(n):
            dist = [((dist[h] if h < len(dist) else 0) + (dist[h - 1] if h else 0)) / 2 for h in range(len(dist) + 1)]
        return sum((p for h, p in enumerate(dist) if ok(h)), Fraction(0))

    @staticmethod
    def text(d):
        what = f"exactly {d['k']}" if d["ask"] == "exactly" else f"at least {d['k']}"
        return (
            f"A fair coin is flipped {d['n']} times. What is the probability of getting {what} heads? "
            "Express your answer as a common fraction."
        )


@_family("lattice_avoid", 3)
class _LatticeAvoid:
    @staticmethod
    def gen(rng, s):
        a, b = rng.randint(3, 4 + s), rng.randint(2, 3 + s)
        return {"a": a, "b": b, "p": [rng.randint(1, a - 1), rng.randint(1, b - 1)]}

    @staticmethod
    def formula(d):
        a, b, (px, py) = d["a"], d["b"], d["p"]
        return Fraction(_paths(a, b) - _paths(px, py) * _paths(a - px, b - py))

    @staticmethod
    def second(d):
        return Fraction(_lattice_dp(d["a"], d["b"], {tuple(d["p"])}))

    @staticmethod
    def text(d):
        px, py = d["p"]
        return (
            f"A path goes from (0, 0) to ({d['a']}, {d['b']}) in unit steps, each step going either one unit to the "
            f"right (increasing x by 1) or one unit up (increasing y by 1). How many such paths do not pass through "
            f"the point ({px}, {py})?"
        )


@_family("committee_mixed", 3)
class _CommitteeMixed:
    @staticmethod
    def gen(rng, s):
        m, w = rng.randint(3, 5 + 2 * s), rng.randint(3, 5 + 2 * s)
        k = rng.randint(3, min(6, m + w - 2))
        return {"m": m, "w": w, "k": k, "ask": rng.choice(["both", "at_least_two_women"])}

    @staticmethod
    def formula(d):
        m, w, k = d["m"], d["w"], d["k"]
        if d["ask"] == "both":
            return Fraction(math.comb(m + w, k) - math.comb(m, k) - math.comb(w, k))
        return Fraction(math.comb(m + w, k) - math.comb(m, k) - w * math.comb(m, k - 1))

    @staticmethod
    def second(d):
        m, w, k = d["m"], d["w"], d["k"]
        if d["ask"] == "both":
            ok = lambda j: 1 <= j <= k - 1  # noqa: E731 - j women
        else:
            ok = lambda j: j >= 2  # noqa: E731
        return Fraction(sum(math.comb(w, j) * math.comb(m, k - j) for j in range(0, k + 1) if ok(j)))

    @staticmethod
    def text(d):
        cond = "at least one man and at least one woman" if d["ask"] == "both" else "at least two women"
        return (
            f"A committee of {d['k']} is to be chosen from {d['m']} men and {d['w']} women. How many committees "
            f"contain {cond}?"
        )


@_family("row_two_rules", 3)
class _RowTwoRules:
    @staticmethod
    def gen(rng, s):
        return {"n": rng.randint(5, 7), "variant": rng.choice(["end_apart", "middle_together"])}

    @staticmethod
    def formula(d):
        n = d["n"]
        f = math.factorial
        if d["variant"] == "end_apart":
            # A at one of 2 ends; the other n-1 fill a row, B and C not adjacent there
            return Fraction(2 * (f(n - 1) - 2 * f(n - 2)))
        # B and C as one block (2 orders) -> (n-1)! orders; remove those with A at an end
        return Fraction(2 * f(n - 1) - 2 * 2 * f(n - 2))

    @staticmethod
    def second(d):
        n = d["n"]
        if d["variant"] == "end_apart":
            pred = lambda p: p.index(0) in (0, n - 1) and abs(p.index(1) - p.index(2)) != 1  # noqa: E731
        else:
            pred = lambda p: p.index(0) not in (0, n - 1) and abs(p.index(1) - p.index(2)) == 1  # noqa: E731
        return Fraction(_row_count(n, pred))

    @staticmethod
    def text(d):
        if d["variant"] == "end_apart":
            rule = "Ann must sit at one of the two ends of the row, and Ben and Cal must not sit next to each other"
        else:
            rule = "Ann must not sit at either end of the row, and Ben and Cal must sit next to each other"
        return f"{d['n']} people, among them Ann, Ben and Cal, sit in a row of {d['n']} chairs. {rule}. How many seating arrangements are possible?"


@_family("die_game_value", 3)
class _DieGame:
    @staticmethod
    def gen(rng, s):
        for _ in range(_MAX_ATTEMPTS):
            d = {"n": rng.choice([4, 6, 8, 10, 12]), "game": rng.choice(["square", "double", "prime_or_lose"]), "lose": rng.randint(1, 5)}
            v = _DieGame.formula(d)
            if v not in (0, -1):
                return d
        raise GenerationError("die_game_value: none")

    @staticmethod
    def formula(d):
        n = d["n"]
        if d["game"] == "square":
            return Fraction((n + 1) * (2 * n + 1), 6)
        if d["game"] == "double":
            return Fraction(2 ** (n + 1) - 2, n)
        primes = [p for p in range(2, n + 1) if all(p % q for q in range(2, p))]
        return Fraction(sum(primes) - d["lose"] * (n - len(primes)), n)

    @staticmethod
    def second(d):
        n = d["n"]
        total = Fraction(0)
        for i in range(1, n + 1):
            if d["game"] == "square":
                total += i * i
            elif d["game"] == "double":
                total += 2**i
            else:
                is_prime = i > 1 and all(i % q for q in range(2, i))
                total += i if is_prime else -d["lose"]
        return total / n

    @staticmethod
    def text(d):
        n = d["n"]
        rule = {
            "square": "you win k^2 dollars",
            "double": "you win 2^k dollars",
            "prime_or_lose": f"you win k dollars if k is a prime number and otherwise you lose {d['lose']} dollars",
        }[d["game"]]
        return (
            f"A fair {n}-sided die with faces numbered 1 to {n} is rolled once. If it shows k, {rule}. "
            "What is the expected value of your winnings, in dollars? Express your answer as a common fraction "
            "(or an integer)."
        )
