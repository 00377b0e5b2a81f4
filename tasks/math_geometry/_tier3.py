"""Tier-3 families of math_geometry: two steps with radicals.

Distance in simplest radical form, the missing side of a right triangle,
equilateral-triangle area/height, 45-45-90 and 30-60-90 triangles, the space diagonal of a
box, sides of similar figures from an area ratio, the exterior angle of an isosceles
triangle, and the regular hexagon and inscribed square. Importing the module registers
them in ``FAMILIES``.
"""

from __future__ import annotations

from fractions import Fraction

from symbench.contract import GenerationError
from symbench.tasks._exact_surds import SQRT, R

from ._common import _MAX_ATTEMPTS, _coord, _family, _nonsquare, _pt
from ._tier1 import _LatticeDistance


@_family("radical_distance", 3, 2)
class _RadicalDistance:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            p = [_coord(rng, scale), _coord(rng, scale)]
            q = [_coord(rng, scale), _coord(rng, scale)]
            n = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
            if n and _nonsquare(n):
                return {"p": p, "q": q}
        raise GenerationError("radical_distance: no pair")

    calc = _LatticeDistance.calc

    @staticmethod
    def text(d):
        return (
            f"What is the distance between the points {_pt(d['p'])} and {_pt(d['q'])}? "
            "Express your answer in simplest radical form."
        )


@_family("right_triangle_radical", 3, 2)
class _RightRadical:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            ask = rng.choice(["hyp", "leg"])
            a = rng.randint(2, 8 + 4 * scale)
            b = rng.randint(2, 8 + 4 * scale)
            if ask == "leg":
                a, b = min(a, b), max(a, b) + 1
            n = a * a + b * b if ask == "hyp" else b * b - a * a
            if n > 0 and _nonsquare(n):
                return {"a": a, "b": b, "ask": ask}
        raise GenerationError("right_triangle_radical: no triangle")

    @staticmethod
    def calc(d):
        a, b = d["a"], d["b"]
        return SQRT(a * a + b * b) if d["ask"] == "hyp" else SQRT(b * b - a * a)

    @staticmethod
    def text(d):
        if d["ask"] == "hyp":
            first = f"A right triangle has legs of lengths {d['a']} and {d['b']}. What is the length of the hypotenuse?"
        else:
            first = (
                f"A right triangle has a hypotenuse of length {d['b']} and a leg of length {d['a']}. "
                "What is the length of the other leg?"
            )
        return first + " Express your answer in simplest radical form."


@_family("equilateral", 3, 2)
class _Equilateral:
    @staticmethod
    def gen(rng, scale):
        return {"s": rng.randint(2, 10 + 5 * scale), "ask": rng.choice(["area", "height", "area_from_perimeter"])}

    @staticmethod
    def calc(d):
        s = d["s"]
        if d["ask"] == "height":
            return R(Fraction(s, 2)) * SQRT(3)
        return R(Fraction(s * s, 4)) * SQRT(3)

    @staticmethod
    def text(d):
        s = d["s"]
        if d["ask"] == "height":
            return f"What is the length of an altitude of an equilateral triangle with side length {s}? Express your answer in simplest radical form."
        if d["ask"] == "area":
            return f"What is the area of an equilateral triangle with side length {s}? Express your answer in simplest radical form."
        return (
            f"An equilateral triangle has a perimeter of {3 * s}. What is its area? "
            "Express your answer in simplest radical form."
        )


_SPECIAL = {
    # given, asked, (factor numerator, denominator, radicand): asked = given * factor
    "45_leg_to_hyp": ("45-45-90", "a leg", "the hypotenuse", (1, 1, 2)),
    "45_hyp_to_leg": ("45-45-90", "the hypotenuse", "a leg", (1, 2, 2)),
    "30_short_to_long": ("30-60-90", "the shorter leg", "the longer leg", (1, 1, 3)),
    "30_hyp_to_long": ("30-60-90", "the hypotenuse", "the longer leg", (1, 2, 3)),
    "30_long_to_hyp": ("30-60-90", "the longer leg", "the hypotenuse", (2, 3, 3)),
    "30_long_to_short": ("30-60-90", "the longer leg", "the shorter leg", (1, 3, 3)),
}


@_family("special_right", 3, 2)
class _SpecialRight:
    @staticmethod
    def gen(rng, scale):
        return {"kind": rng.choice(sorted(_SPECIAL)), "v": rng.randint(2, 10 + 6 * scale)}

    @staticmethod
    def calc(d):
        num, den, rad = _SPECIAL[d["kind"]][3]
        return R(Fraction(d["v"] * num, den)) * SQRT(rad)

    @staticmethod
    def text(d):
        tri, given, asked, _ = _SPECIAL[d["kind"]]
        return (
            f"In a {tri} triangle, {given} has length {d['v']}. What is the length of {asked}? "
            "Express your answer in simplest radical form."
        )


@_family("space_diagonal", 3, 2)
class _SpaceDiagonal:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            dims = sorted(rng.randint(1, 6 + 3 * scale) for _ in range(3))
            n = sum(x * x for x in dims)
            if _nonsquare(n):
                return {"dims": dims}
        raise GenerationError("space_diagonal: no box")

    @staticmethod
    def calc(d):
        return SQRT(sum(x * x for x in d["dims"]))

    @staticmethod
    def text(d):
        a, b, c = d["dims"]
        return (
            f"A rectangular box has edge lengths {a}, {b} and {c}. What is the length of a diagonal joining two "
            "opposite vertices of the box (passing through its interior)? Express your answer in simplest radical form."
        )


@_family("similar_area", 3, 2)
class _SimilarArea:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            a1 = rng.randint(2, 10 + 5 * scale)
            a2 = rng.randint(2, 10 + 5 * scale)
            q = Fraction(a2, a1)
            if a1 != a2 and _nonsquare(q.numerator * q.denominator):
                return {"a1": a1, "a2": a2, "s": rng.randint(2, 6 + 2 * scale), "shape": rng.choice(["triangles", "pentagons", "rectangles"])}
        raise GenerationError("similar_area: none")

    @staticmethod
    def calc(d):
        return R(d["s"]) * SQRT(Fraction(d["a2"], d["a1"]))

    @staticmethod
    def text(d):
        return (
            f"Two similar {d['shape']} have areas {d['a1']} and {d['a2']}. A side of the first has length {d['s']}. "
            "What is the length of the corresponding side of the second? Express your answer in simplest radical form."
        )


@_family("isosceles_exterior", 3, 2, "angle")
class _IsoExterior:
    @staticmethod
    def gen(rng, scale):
        return {"a": rng.randrange(20, 170, 2)}

    @staticmethod
    def calc(d):
        return R(180 - (180 - d["a"]) // 2)

    @staticmethod
    def text(d):
        return (
            f"In triangle ABC, AB = AC and angle BAC measures {d['a']} degrees. Side BC is extended beyond C to a "
            "point D. What is the measure, in degrees, of angle ACD?"
        )


@_family("hexagon_square", 3, 2)
class _HexSquare:
    @staticmethod
    def gen(rng, scale):
        return {"v": rng.randint(2, 8 + 4 * scale), "ask": rng.choice(["hexagon_area", "hexagon_long_diag_area", "inscribed_square_side", "inscribed_square_perimeter"])}

    @staticmethod
    def calc(d):
        v = d["v"]
        if d["ask"] == "hexagon_area":
            return R(Fraction(3 * v * v, 2)) * SQRT(3)
        if d["ask"] == "hexagon_long_diag_area":  # long diagonal 2v, side v
            return R(Fraction(3 * v * v, 2)) * SQRT(3)
        if d["ask"] == "inscribed_square_side":
            return R(v) * SQRT(2)
        return R(4 * v) * SQRT(2)

    @staticmethod
    def text(d):
        v = d["v"]
        if d["ask"] == "hexagon_area":
            return f"What is the area of a regular hexagon with side length {v}? Express your answer in simplest radical form."
        if d["ask"] == "hexagon_long_diag_area":
            return (
                f"The longest diagonal of a regular hexagon has length {2 * v}. What is the area of the hexagon? "
                "Express your answer in simplest radical form."
            )
        if d["ask"] == "inscribed_square_side":
            return (
                f"A square is inscribed in a circle of radius {v}. What is the side length of the square? "
                "Express your answer in simplest radical form."
            )
        return (
            f"A square is inscribed in a circle of radius {v}. What is the perimeter of the square? "
            "Express your answer in simplest radical form."
        )
