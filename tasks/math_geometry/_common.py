"""Shared pieces of the math_geometry families (not a task).

The family registry (:class:`Family`, :data:`FAMILIES` and the ``_family`` decorator that
the tier modules use) and the generation helpers several tiers need: Pythagorean triples
and Heronian triangles with their exact measures, lattice coordinates, and the
conversions between Fractions and the JSON form kept in ``params``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable

_MAX_ATTEMPTS = 200
# --------------------------------------------------------------------------- helpers

_TRIPLES: list[tuple[int, int, int]] = []


def _triples() -> list[tuple[int, int, int]]:
    """All Pythagorean triples (a < b < c) with c <= 200, sorted."""
    if not _TRIPLES:
        found = set()
        for m in range(2, 15):
            for n in range(1, m):
                if (m - n) % 2 == 1 and _gcd(m, n) == 1:
                    a, b, c = m * m - n * n, 2 * m * n, m * m + n * n
                    k = 1
                    while k * c <= 200:
                        found.add((min(a, b) * k, max(a, b) * k, c * k))
                        k += 1
        _TRIPLES.extend(sorted(found))
    return _TRIPLES


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def _triple(rng: random.Random, max_c: int) -> tuple[int, int, int]:
    pool = [t for t in _triples() if t[2] <= max_c]
    return rng.choice(pool)


def _legs_by_leg(max_c: int) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    for a, b, c in _triples():
        if c <= max_c:
            out.setdefault(a, []).append((b, c))
            out.setdefault(b, []).append((a, c))
    return out


def _heronian(rng: random.Random, max_c: int) -> dict[str, Any]:
    """Two right triangles glued along a common leg h: integer sides, rational area."""
    table = _legs_by_leg(max_c)
    h = rng.choice(sorted(table))
    (a1, c1) = rng.choice(table[h])
    (a2, c2) = rng.choice(table[h])
    return {"h": h, "a1": a1, "c1": c1, "a2": a2, "c2": c2}


def _tri_measures(t: dict[str, Any]) -> tuple[list[int], Fraction, Fraction, Fraction]:
    """Sides, area, inradius and circumradius of a glued Heronian triangle."""
    sides = [t["c1"], t["c2"], t["a1"] + t["a2"]]
    area = Fraction((t["a1"] + t["a2"]) * t["h"], 2)
    s = Fraction(sum(sides), 2)
    r = area / s
    big_r = Fraction(sides[0] * sides[1] * sides[2]) / (4 * area)
    return sides, area, r, big_r


def _frac_text(q: Fraction | int) -> str:
    q = Fraction(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def _fr(data: Any) -> Fraction:
    return Fraction(data[0], data[1]) if isinstance(data, list) else Fraction(data)


def _fj(q: Fraction) -> Any:
    return q.numerator if q.denominator == 1 else [q.numerator, q.denominator]


def _pt(p: list) -> str:
    return f"({_frac_text(_fr(p[0]))}, {_frac_text(_fr(p[1]))})"


def _coord(rng: random.Random, scale: int) -> int:
    return rng.randint(-4 - 2 * scale, 4 + 2 * scale)


def _nonsquare(n: int) -> bool:
    r = int(n**0.5)
    while r * r > n:
        r -= 1
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r * r != n


def _det(pts: list) -> int:
    (x1, y1), (x2, y2), (x3, y3) = pts
    return (x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1)


_ROT = {90: lambda x, y: (-y, x), 180: lambda x, y: (-x, -y), 270: lambda x, y: (y, -x)}


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Family:
    name: str
    tier: int
    steps: int
    kind: str  # "scalar", "angle" or "point"
    gen: Callable[[random.Random, int], dict]
    calc: Callable[[dict], Any]
    text: Callable[[dict], str]


FAMILIES: dict[str, Family] = {}


def _family(name: str, tier: int, steps: int, kind: str = "scalar"):
    def register(cls):
        FAMILIES[name] = Family(name, tier, steps, kind, cls.gen, cls.calc, cls.text)
        return cls

    return register
