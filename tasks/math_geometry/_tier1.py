"""Tier-1 families of math_geometry: one formula, integer answer.

Hypotenuse/leg of a Pythagorean triangle, regular polygon angles and diagonal counts, box
volume/surface, the third angle of a triangle and the integer distance between lattice
points. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

from fractions import Fraction

from symbench.tasks._exact_surds import SQRT, R

from ._common import _coord, _family, _pt, _triple


@_family("right_triangle_side", 1, 1)
class _RightSide:
    @staticmethod
    def gen(rng, scale):
        a, b, c = _triple(rng, 20 + 20 * scale)
        if rng.random() < 0.5:
            a, b = b, a
        return {"a": a, "b": b, "c": c, "ask": rng.choice(["hyp", "leg"])}

    @staticmethod
    def calc(d):
        if d["ask"] == "hyp":
            return SQRT(d["a"] ** 2 + d["b"] ** 2)
        return SQRT(d["c"] ** 2 - d["a"] ** 2)

    @staticmethod
    def text(d):
        if d["ask"] == "hyp":
            return f"A right triangle has legs of lengths {d['a']} and {d['b']}. What is the length of its hypotenuse?"
        return (
            f"A right triangle has a hypotenuse of length {d['c']} and one leg of length {d['a']}. "
            "What is the length of the other leg?"
        )


_POLY_NAMES = {3: "triangle", 4: "square", 5: "pentagon", 6: "hexagon", 8: "octagon", 9: "nonagon", 10: "decagon", 12: "dodecagon"}


@_family("polygon_angles", 1, 1, "angle")
class _PolygonAngles:
    @staticmethod
    def gen(rng, scale):
        ask = rng.choice(["interior", "sum", "diagonals", "sides_from_exterior"])
        divisors = [n for n in range(3, 40 * scale + 1) if 360 % n == 0]
        if ask in ("interior", "sides_from_exterior"):
            n = rng.choice(divisors)
        else:
            n = rng.randint(5, 10 + 8 * scale)
        return {"n": n, "ask": ask}

    @staticmethod
    def calc(d):
        n = d["n"]
        return R(
            {
                "interior": Fraction(180 * (n - 2), n),
                "sum": 180 * (n - 2),
                "diagonals": n * (n - 3) // 2,
                "sides_from_exterior": n,
            }[d["ask"]]
        )

    @staticmethod
    def text(d):
        n = d["n"]
        name = f"regular polygon with {n} sides"
        if d["ask"] == "interior":
            return f"What is the measure, in degrees, of each interior angle of a {name}?"
        if d["ask"] == "sum":
            return f"What is the sum, in degrees, of the interior angles of a convex polygon with {n} sides?"
        if d["ask"] == "diagonals":
            return f"How many diagonals does a convex polygon with {n} sides have?"
        return (
            f"Each exterior angle of a regular polygon measures {360 // n} degrees. "
            "How many sides does the polygon have?"
        )


@_family("box_measure", 1, 1)
class _Box:
    @staticmethod
    def gen(rng, scale):
        dims = [rng.randint(2, 5 + 3 * scale) for _ in range(3)]
        return {"dims": dims, "ask": rng.choice(["volume", "surface"])}

    @staticmethod
    def calc(d):
        a, b, c = d["dims"]
        return R(a * b * c if d["ask"] == "volume" else 2 * (a * b + a * c + b * c))

    @staticmethod
    def text(d):
        a, b, c = d["dims"]
        what = "volume" if d["ask"] == "volume" else "total surface area"
        return f"A rectangular box measures {a} by {b} by {c} units. What is its {what}?"


@_family("third_angle", 1, 1, "angle")
class _ThirdAngle:
    @staticmethod
    def gen(rng, scale):
        if rng.random() < 0.5:
            a = rng.randint(10, 120)
            b = rng.randint(10, 170 - a)
            return {"a": a, "b": b, "iso": False}
        v = rng.randrange(20, 170, 2)
        return {"a": v, "b": 0, "iso": True}

    @staticmethod
    def calc(d):
        if d["iso"]:
            return R((180 - d["a"]) // 2)
        return R(180 - d["a"] - d["b"])

    @staticmethod
    def text(d):
        if d["iso"]:
            return (
                f"In isosceles triangle ABC, AB = AC and angle BAC measures {d['a']} degrees. "
                "What is the measure, in degrees, of angle ABC?"
            )
        return (
            f"In triangle ABC, angle A measures {d['a']} degrees and angle B measures {d['b']} degrees. "
            "What is the measure, in degrees, of angle C?"
        )


@_family("lattice_distance", 1, 1)
class _LatticeDistance:
    @staticmethod
    def gen(rng, scale):
        a, b, _ = _triple(rng, 10 + 10 * scale)
        if rng.random() < 0.5:
            a, b = b, a
        x, y = _coord(rng, scale), _coord(rng, scale)
        return {"p": [x, y], "q": [x + rng.choice([-1, 1]) * a, y + rng.choice([-1, 1]) * b]}

    @staticmethod
    def calc(d):
        (x1, y1), (x2, y2) = d["p"], d["q"]
        return SQRT((x2 - x1) ** 2 + (y2 - y1) ** 2)

    @staticmethod
    def text(d):
        return f"What is the distance between the points {_pt(d['p'])} and {_pt(d['q'])} in the coordinate plane?"
