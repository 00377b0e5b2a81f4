"""Tier-5 families of math_counting_probability: two families combined, larger parameters.

P(all vowels adjacent) in a random anagram, sums of 4-6 dice with 6-12 faces,
biased-coin "at least k", P(divisible by exactly one of a, b, c), random committees with
two conditions, random lattice paths through one point but not another and the expected
maximum of several dice. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from symbench.contract import GenerationError

from ._common import (
    ENUM_CAP,
    WORDS_LONG,
    WORDS_SHORT,
    _DIV_SETS,
    _MAX_ATTEMPTS,
    _VOWELS,
    _count_strings,
    _dice_dp,
    _div_counts,
    _family,
    _lattice_dp,
    _lcm,
    _letter_counts,
    _multinomial,
    _paths,
    _periodic_count,
    _q,
    _text,
)
from ._tier3 import _DiceSum


@_family("anagram_vowels_together", 5)
class _AnagramVowels:
    @staticmethod
    def gen(rng, s):
        pool = [w for w in WORDS_LONG + WORDS_SHORT if 2 <= sum(ch in _VOWELS for ch in w) < len(w) - 1]
        return {"word": rng.choice(sorted(pool))}

    @staticmethod
    def formula(d):
        counts = _letter_counts(d["word"])
        vow = [c for ch, c in counts.items() if ch in _VOWELS]
        con = [c for ch, c in counts.items() if ch not in _VOWELS]
        together = _multinomial(con + [1]) * _multinomial(vow)
        return Fraction(together, _multinomial(list(counts.values())))

    @staticmethod
    def second(d):
        counts = _letter_counts(d["word"])
        kinds = list(counts)
        is_v = [ch in _VOWELS for ch in kinds]
        n_v = sum(c for ch, c in counts.items() if ch in _VOWELS)

        # state: 0 = no vowel yet, 1 = inside the vowel block, 2 = block closed
        def step(state: int, kind: int) -> int | None:
            if is_v[kind]:
                return 1 if state in (0, 1) else None
            return 0 if state == 0 else 2

        together = _count_strings(tuple(counts.values()), step, 0, lambda st: True)
        total = _count_strings(tuple(counts.values()), lambda st, k: 0, 0, lambda st: True)
        if n_v < 2:
            raise GenerationError(f"the word {d['word']!r} needs at least two vowels")
        return Fraction(together, total)

    @staticmethod
    def text(d):
        return (
            f"The letters of the word {d['word']} are arranged in a random order, all distinct arrangements being "
            "equally likely. What is the probability that all the vowels (A, E, I, O, U; Y is not a vowel) are next "
            "to each other, forming one block? Express your answer as a common fraction."
        )


@_family("many_dice_sum", 5)
class _ManyDice:
    @staticmethod
    def gen(rng, s):
        k = rng.randint(4, 3 + max(1, s - 2))
        faces = rng.choice([6, 8, 10, 12])
        lo, hi = k, k * faces
        return {"k": k, "faces": faces, "s": rng.randint(lo + (hi - lo) // 4, hi - (hi - lo) // 4)}

    formula = _DiceSum.formula

    @staticmethod
    def second(d):
        return Fraction(_dice_dp(d["k"], d["faces"])[d["s"]], d["faces"] ** d["k"])

    text = _DiceSum.text


@_family("biased_coin", 5)
class _BiasedCoin:
    @staticmethod
    def gen(rng, s):
        n = rng.randint(6, 6 + 3 * s)
        num, den = rng.choice([(1, 3), (2, 3), (1, 4), (3, 4), (2, 5), (3, 5), (1, 6)])
        return {"n": n, "p": [num, den], "k": rng.randint(2, n - 2), "ask": rng.choice(["at_least", "at_most"])}

    @staticmethod
    def formula(d):
        n, k, p = d["n"], d["k"], _q(d["p"])
        js = range(k, n + 1) if d["ask"] == "at_least" else range(0, k + 1)
        return sum((math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in js), Fraction(0))

    @staticmethod
    def second(d):
        n, k, p = d["n"], d["k"], _q(d["p"])
        dist = [Fraction(1)]
        for _ in range(n):
            dist = [(dist[h] if h < len(dist) else 0) * (1 - p) + (dist[h - 1] * p if h else 0) for h in range(len(dist) + 1)]
        ok = (lambda h: h >= k) if d["ask"] == "at_least" else (lambda h: h <= k)
        return sum((x for h, x in enumerate(dist) if ok(h)), Fraction(0))

    @staticmethod
    def text(d):
        what = "at least" if d["ask"] == "at_least" else "at most"
        return (
            f"A biased coin lands heads with probability {_text(_q(d['p']))} on each flip, independently. It is "
            f"flipped {d['n']} times. What is the probability of getting {what} {d['k']} heads? Express your answer "
            "as a common fraction."
        )


@_family("divisible_exactly_one", 5)
class _DivExactlyOne:
    @staticmethod
    def gen(rng, s):
        a, b, c = rng.choice(_DIV_SETS)
        return {"n": rng.randint(1000, 20000 * s), "abc": [a, b, c]}

    @staticmethod
    def formula(d):
        n, (a, b, c) = d["n"], d["abc"]
        s1, s2, s3 = _div_counts(n, a, b, c)
        return Fraction(s1 - 2 * s2 + 3 * s3, n)

    @staticmethod
    def second(d):
        n, (a, b, c) = d["n"], d["abc"]
        pred = lambda x: (x % a == 0) + (x % b == 0) + (x % c == 0) == 1  # noqa: E731
        return Fraction(_periodic_count(n, _lcm(a, b, c), pred), n)

    @staticmethod
    def text(d):
        n, (a, b, c) = d["n"], d["abc"]
        return (
            f"An integer is chosen uniformly at random from 1 to {n}, inclusive. What is the probability that it is "
            f"divisible by exactly one of the numbers {a}, {b} and {c}? Express your answer as a common fraction."
        )


@_family("random_committee", 5)
class _RandomCommittee:
    @staticmethod
    def gen(rng, s):
        m, w = rng.randint(4, 6 + 2 * s), rng.randint(4, 6 + 2 * s)
        k = rng.randint(4, min(8, m + w - 3))
        return {"m": m, "w": w, "k": k, "j": rng.randint(1, min(3, k - 1, w))}

    @staticmethod
    def formula(d):
        m, w, k, j = d["m"], d["w"], d["k"], d["j"]
        good = sum(math.comb(w, i) * math.comb(m, k - i) for i in range(j, k + 1))
        # committees with at least j women containing both Alice (a woman) and Bob (a man)
        both = sum(math.comb(w - 1, i - 1) * math.comb(m - 1, k - i - 1) for i in range(max(j, 1), k))
        return Fraction(good - both, math.comb(m + w, k))

    @staticmethod
    def second(d):
        m, w, k, j = d["m"], d["w"], d["k"], d["j"]
        # DP over people: state (size, women, alice, bob); Alice is woman 0, Bob is man 0
        people = [("w", i == 0, False) for i in range(w)] + [("m", False, i == 0) for i in range(m)]
        states: dict[tuple[int, int, bool, bool], int] = {(0, 0, False, False): 1}
        for sex, is_alice, is_bob in people:
            nxt: dict[tuple[int, int, bool, bool], int] = {}
            for (size, women, al, bo), cnt in states.items():
                nxt[(size, women, al, bo)] = nxt.get((size, women, al, bo), 0) + cnt
                if size < k:
                    key = (size + 1, women + (sex == "w"), al or is_alice, bo or is_bob)
                    nxt[key] = nxt.get(key, 0) + cnt
            states = nxt
        good = sum(c for (size, women, al, bo), c in states.items() if size == k and women >= j and not (al and bo))
        total = sum(c for (size, *_), c in states.items() if size == k)
        return Fraction(good, total)

    @staticmethod
    def text(d):
        return (
            f"A club has {d['m']} men (one of them is Bob) and {d['w']} women (one of them is Alice). A committee of "
            f"{d['k']} members is chosen at random, all committees being equally likely. What is the probability that "
            f"the committee has at least {d['j']} women and does not contain both Alice and Bob? Express your answer "
            "as a common fraction."
        )


@_family("lattice_through_prob", 5)
class _LatticeThrough:
    @staticmethod
    def gen(rng, s):
        for _ in range(_MAX_ATTEMPTS):
            a, b = rng.randint(5, 6 + s), rng.randint(4, 5 + s)
            p = [rng.randint(1, a - 1), rng.randint(1, b - 1)]
            q = [rng.randint(1, a - 1), rng.randint(1, b - 1)]
            if p != q:
                d = {"a": a, "b": b, "p": p, "q": q}
                if _LatticeThrough.formula(d) > 0:
                    return d
        raise GenerationError("lattice_through_prob: none")

    @staticmethod
    def formula(d):
        a, b, p, q = d["a"], d["b"], d["p"], d["q"]
        via_p = _paths(*p) * _paths(a - p[0], b - p[1])
        if q[0] <= p[0] and q[1] <= p[1]:
            via_pq = _paths(*q) * _paths(p[0] - q[0], p[1] - q[1]) * _paths(a - p[0], b - p[1])
        elif q[0] >= p[0] and q[1] >= p[1]:
            via_pq = _paths(*p) * _paths(q[0] - p[0], q[1] - p[1]) * _paths(a - q[0], b - q[1])
        else:
            via_pq = 0
        return Fraction(via_p - via_pq, _paths(a, b))

    @staticmethod
    def second(d):
        a, b, p, q = d["a"], d["b"], tuple(d["p"]), tuple(d["q"])
        # DP with a flag "has visited p"; q is blocked
        grid = {}
        for x in range(a + 1):
            for y in range(b + 1):
                for flag in (0, 1):
                    if (x, y) == q:
                        grid[(x, y, flag)] = 0
                        continue
                    if (x, y) == (0, 0):
                        val = 1 if flag == (1 if p == (0, 0) else 0) else 0
                    else:
                        val = 0
                        for px, py in ((x - 1, y), (x, y - 1)):
                            if px < 0 or py < 0:
                                continue
                            if (x, y) == p:
                                val += grid[(px, py, 0)] + grid[(px, py, 1)] if flag else 0
                            else:
                                val += grid[(px, py, flag)]
                    grid[(x, y, flag)] = val
        return Fraction(grid[(a, b, 1)], _lattice_dp(a, b, set()))

    @staticmethod
    def text(d):
        (px, py), (qx, qy) = d["p"], d["q"]
        return (
            f"A path from (0, 0) to ({d['a']}, {d['b']}) consists of unit steps, each one unit to the right or one "
            "unit up; one such path is chosen at random, all paths being equally likely. What is the probability "
            f"that it passes through ({px}, {py}) but not through ({qx}, {qy})? Express your answer as a common fraction."
        )


@_family("expected_max_dice", 5)
class _ExpectedMax:
    @staticmethod
    def gen(rng, s):
        return {"k": rng.randint(2, 2 + max(1, s - 2)), "faces": rng.choice([4, 6, 8, 10, 12, 20])}

    @staticmethod
    def formula(d):
        k, f = d["k"], d["faces"]
        return Fraction(sum(m * (m**k - (m - 1) ** k) for m in range(1, f + 1)), f**k)

    @staticmethod
    def second(d):
        k, f = d["k"], d["faces"]
        if f**k <= ENUM_CAP:
            return Fraction(sum(max(r) for r in itertools.product(range(1, f + 1), repeat=k)), f**k)
        dist = {0: 1}  # distribution of the running maximum
        for _ in range(k):
            new: dict[int, int] = {}
            for mx, c in dist.items():
                for face in range(1, f + 1):
                    key = max(mx, face)
                    new[key] = new.get(key, 0) + c
            dist = new
        return Fraction(sum(mx * c for mx, c in dist.items()), f**k)

    @staticmethod
    def text(d):
        return (
            f"{d['k']} fair {d['faces']}-sided dice (faces numbered 1 to {d['faces']}) are rolled. What is the "
            "expected value of the largest number rolled? Express your answer as a common fraction."
        )
