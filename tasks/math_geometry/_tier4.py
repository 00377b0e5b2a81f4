"""Tier-4 families of math_geometry: three-step compositions.

Inradius and circumradius of a Heronian triangle, cone volume from the slant height, the
total surface area of a cone, rotation about a point other than the origin, square/circle
regions, a trapezoid cut off by a parallel line, the centroid-to-vertex distance and angle
chasing with an angle bisector in an isosceles triangle. Importing the module registers
them in ``FAMILIES``.
"""

from __future__ import annotations

from fractions import Fraction

from symbench.contract import GenerationError
from symbench.tasks._exact_surds import PI, SQRT, R

from ._common import _MAX_ATTEMPTS, _ROT, _coord, _det, _family, _heronian, _pt, _tri_measures


@_family("triangle_inradius", 4, 3)
class _Inradius:
    @staticmethod
    def gen(rng, scale):
        return _heronian(rng, 20 + 15 * scale)

    @staticmethod
    def calc(d):
        return R(_tri_measures(d)[2])

    @staticmethod
    def text(d):
        a, b, c = sorted(_tri_measures(d)[0])
        return f"A triangle has side lengths {a}, {b} and {c}. What is the radius of its inscribed circle?"


@_family("triangle_circumradius", 4, 3)
class _Circumradius:
    gen = _Inradius.gen

    @staticmethod
    def calc(d):
        return R(_tri_measures(d)[3])

    @staticmethod
    def text(d):
        a, b, c = sorted(_tri_measures(d)[0])
        return f"A triangle has side lengths {a}, {b} and {c}. What is the radius of its circumscribed circle?"


@_family("cone_from_slant", 4, 3)
class _ConeSlant:
    @staticmethod
    def gen(rng, scale):
        r = rng.randint(2, 6 + 3 * scale)
        return {"r": r, "l": rng.randint(r + 1, r + 6 + 2 * scale)}

    @staticmethod
    def calc(d):
        r, l = d["r"], d["l"]
        return R(Fraction(r * r, 3)) * SQRT(l * l - r * r) * PI

    @staticmethod
    def text(d):
        return (
            f"A right circular cone has base radius {d['r']} and slant height {d['l']}. What is its volume? "
            "Express your answer in terms of pi, in simplest radical form."
        )


@_family("cone_surface", 4, 3)
class _ConeSurface:
    @staticmethod
    def gen(rng, scale):
        return {"r": rng.randint(2, 6 + 3 * scale), "h": rng.randint(2, 8 + 3 * scale)}

    @staticmethod
    def calc(d):
        r, h = d["r"], d["h"]
        return R(r * r) * PI + R(r) * SQRT(r * r + h * h) * PI

    @staticmethod
    def text(d):
        return (
            f"A right circular cone has base radius {d['r']} and height {d['h']}. What is its total surface area "
            "(the base plus the lateral surface)? Express your answer in terms of pi, in simplest radical form."
        )


@_family("rotate_about_point", 4, 3, "point")
class _RotateAbout:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            p = [_coord(rng, scale), _coord(rng, scale)]
            c = [_coord(rng, scale), _coord(rng, scale)]
            if p != c and c != [0, 0]:
                return {"p": p, "c": c, "angle": rng.choice([90, 180, 270])}
        raise GenerationError("rotate_about_point: none")

    @staticmethod
    def calc(d):
        (x, y), (cx, cy) = d["p"], d["c"]
        dx, dy = _ROT[d["angle"]](x - cx, y - cy)
        return [R(cx + dx), R(cy + dy)]

    @staticmethod
    def text(d):
        return (
            f"The point {_pt(d['p'])} is rotated {d['angle']} degrees counterclockwise about the point {_pt(d['c'])}. "
            "What are the coordinates of its image?"
        )


@_family("square_circle_region", 4, 3)
class _SquareCircle:
    @staticmethod
    def gen(rng, scale):
        return {"v": rng.randint(2, 8 + 4 * scale), "ask": rng.choice(["square_minus_circle", "circle_minus_square"])}

    @staticmethod
    def calc(d):
        v = d["v"]
        if d["ask"] == "square_minus_circle":  # square side v, inscribed circle radius v/2
            return R(v * v) - R(Fraction(v * v, 4)) * PI
        return R(v * v) * PI - R(2 * v * v)  # circle radius v, inscribed square area 2v^2

    @staticmethod
    def text(d):
        v = d["v"]
        if d["ask"] == "square_minus_circle":
            return (
                f"A circle is inscribed in a square of side length {v}. What is the area of the region inside the "
                "square but outside the circle? Express your answer in terms of pi."
            )
        return (
            f"A square is inscribed in a circle of radius {v}. What is the area of the region inside the circle "
            "but outside the square? Express your answer in terms of pi."
        )


@_family("parallel_cut", 4, 3)
class _ParallelCut:
    @staticmethod
    def gen(rng, scale):
        return {"p": rng.randint(1, 4 + 2 * scale), "q": rng.randint(1, 4 + 2 * scale), "area": rng.randint(10, 40 + 30 * scale)}

    @staticmethod
    def calc(d):
        k = Fraction(d["p"], d["p"] + d["q"])
        return R(d["area"] * (1 - k * k))

    @staticmethod
    def text(d):
        return (
            f"In triangle ABC, point D lies on side AB and point E lies on side AC so that DE is parallel to BC. "
            f"AD = {d['p']}, DB = {d['q']}, and the area of triangle ABC is {d['area']}. "
            "What is the area of quadrilateral DBCE?"
        )


@_family("centroid_distance", 4, 3)
class _Centroid:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            pts = [[_coord(rng, scale), _coord(rng, scale)] for _ in range(3)]
            if _det(pts) != 0:
                return {"pts": pts}
        raise GenerationError("centroid_distance: none")

    @staticmethod
    def calc(d):
        pts = d["pts"]
        gx = Fraction(sum(p[0] for p in pts), 3)
        gy = Fraction(sum(p[1] for p in pts), 3)
        return SQRT((gx - pts[0][0]) ** 2 + (gy - pts[0][1]) ** 2)

    @staticmethod
    def text(d):
        a, b, c = (_pt(p) for p in d["pts"])
        return (
            f"Triangle ABC has vertices A{a}, B{b} and C{c}. Let G be the centroid of the triangle (the intersection "
            "of its medians). What is the distance AG? Express your answer in simplest radical form."
        )


@_family("isosceles_bisector", 4, 3, "angle")
class _IsoBisector:
    @staticmethod
    def gen(rng, scale):
        return {"a": rng.randrange(20, 176, 4)}

    @staticmethod
    def calc(d):
        a = d["a"]
        beta = (180 - a) // 2
        return R(180 - a - beta // 2)

    @staticmethod
    def text(d):
        return (
            f"In triangle ABC, AB = AC and angle BAC measures {d['a']} degrees. The bisector of angle ABC meets "
            "side AC at D. What is the measure, in degrees, of angle ADB?"
        )
