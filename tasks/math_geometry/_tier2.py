"""Tier-2 families of math_geometry: one formula, fraction or pi answer.

Circle area/circumference, sector area and arc length, cylinder/cone/sphere volumes and
areas, the shoelace area of a lattice triangle, midpoints, one reflection/rotation of a
point and trapezoid areas. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

from fractions import Fraction

from symbench.contract import GenerationError
from symbench.tasks._exact_surds import PI, R

from ._common import _MAX_ATTEMPTS, _coord, _det, _family, _fr, _frac_text, _pt


@_family("circle_measure", 2, 1)
class _Circle:
    @staticmethod
    def gen(rng, scale):
        given = rng.choice(["radius", "diameter"])
        value = rng.randint(1, 8 + 4 * scale)
        if given == "radius" and rng.random() < 0.3:
            return {"given": given, "value": [2 * value + 1, 2], "ask": rng.choice(["area", "circumference"])}
        return {"given": given, "value": value, "ask": rng.choice(["area", "circumference"])}

    @staticmethod
    def calc(d):
        v = _fr(d["value"])
        r = v if d["given"] == "radius" else v / 2
        return R(r * r) * PI if d["ask"] == "area" else R(2 * r) * PI

    @staticmethod
    def text(d):
        return (
            f"A circle has a {d['given']} of {_frac_text(_fr(d['value']))} units. "
            f"What is its {d['ask']}? Express your answer in terms of pi."
        )


@_family("sector", 2, 1)
class _Sector:
    @staticmethod
    def gen(rng, scale):
        angle = rng.choice([15, 20, 30, 36, 40, 45, 60, 72, 80, 90, 100, 120, 135, 140, 150, 160, 210, 225, 240, 270, 300])
        return {"r": rng.randint(2, 8 + 4 * scale), "angle": angle, "ask": rng.choice(["area", "arc"])}

    @staticmethod
    def calc(d):
        r, a = d["r"], d["angle"]
        return R(Fraction(a * r * r, 360)) * PI if d["ask"] == "area" else R(Fraction(a * r, 180)) * PI

    @staticmethod
    def text(d):
        what = "the area of the sector" if d["ask"] == "area" else "the length of the arc of the sector"
        return (
            f"A sector of a circle of radius {d['r']} has a central angle of {d['angle']} degrees. "
            f"What is {what}? Express your answer in terms of pi."
        )


@_family("solid_pi", 2, 1)
class _SolidPi:
    @staticmethod
    def gen(rng, scale):
        return {
            "solid": rng.choice(["cylinder_volume", "cone_volume", "sphere_volume", "sphere_area", "hemisphere_volume", "cylinder_lateral"]),
            "r": rng.randint(1, 5 + 2 * scale),
            "h": rng.randint(2, 8 + 3 * scale),
        }

    @staticmethod
    def calc(d):
        r, h = d["r"], d["h"]
        return R(
            {
                "cylinder_volume": Fraction(r * r * h),
                "cone_volume": Fraction(r * r * h, 3),
                "sphere_volume": Fraction(4 * r**3, 3),
                "sphere_area": Fraction(4 * r * r),
                "hemisphere_volume": Fraction(2 * r**3, 3),
                "cylinder_lateral": Fraction(2 * r * h),
            }[d["solid"]]
        ) * PI

    @staticmethod
    def text(d):
        r, h = d["r"], d["h"]
        return {
            "cylinder_volume": f"A right circular cylinder has radius {r} and height {h}. What is its volume?",
            "cone_volume": f"A right circular cone has base radius {r} and height {h}. What is its volume?",
            "sphere_volume": f"A sphere has radius {r}. What is its volume?",
            "sphere_area": f"A sphere has radius {r}. What is its surface area?",
            "hemisphere_volume": f"A solid hemisphere has radius {r}. What is its volume?",
            "cylinder_lateral": (
                f"A right circular cylinder has radius {r} and height {h}. "
                "What is the area of its curved (lateral) surface, excluding the two bases?"
            ),
        }[d["solid"]] + " Express your answer in terms of pi."


@_family("shoelace_triangle", 2, 1)
class _Shoelace:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            pts = [[_coord(rng, scale), _coord(rng, scale)] for _ in range(3)]
            if _det(pts) != 0:
                return {"pts": pts}
        raise GenerationError("shoelace_triangle: no non-degenerate triangle")

    @staticmethod
    def calc(d):
        return R(Fraction(abs(_det(d["pts"])), 2))

    @staticmethod
    def text(d):
        a, b, c = (_pt(p) for p in d["pts"])
        return f"What is the area of the triangle with vertices {a}, {b} and {c}?"


@_family("midpoint", 2, 1, "point")
class _Midpoint:
    @staticmethod
    def gen(rng, scale):
        return {"p": [_coord(rng, scale), _coord(rng, scale)], "q": [_coord(rng, scale), _coord(rng, scale)]}

    @staticmethod
    def calc(d):
        return [R(Fraction(d["p"][i] + d["q"][i], 2)) for i in range(2)]

    @staticmethod
    def text(d):
        return f"What are the coordinates of the midpoint of the segment with endpoints {_pt(d['p'])} and {_pt(d['q'])}?"


_SIMPLE_MAPS = {
    "reflect_x": ("reflected across the x-axis", lambda x, y: (x, -y)),
    "reflect_y": ("reflected across the y-axis", lambda x, y: (-x, y)),
    "reflect_diag": ("reflected across the line y = x", lambda x, y: (y, x)),
    "reflect_antidiag": ("reflected across the line y = -x", lambda x, y: (-y, -x)),
    "rot90": ("rotated 90 degrees counterclockwise about the origin", lambda x, y: (-y, x)),
    "rot180": ("rotated 180 degrees about the origin", lambda x, y: (-x, -y)),
    "rot270": ("rotated 90 degrees clockwise about the origin", lambda x, y: (y, -x)),
}


@_family("point_map", 2, 1, "point")
class _PointMap:
    @staticmethod
    def gen(rng, scale):
        for _ in range(_MAX_ATTEMPTS):
            p = [_coord(rng, scale), _coord(rng, scale)]
            if p[0] and p[1] and abs(p[0]) != abs(p[1]):
                return {"p": p, "map": rng.choice(sorted(_SIMPLE_MAPS))}
        raise GenerationError("point_map: no point")

    @staticmethod
    def calc(d):
        x, y = _SIMPLE_MAPS[d["map"]][1](*d["p"])
        return [R(x), R(y)]

    @staticmethod
    def text(d):
        return f"The point {_pt(d['p'])} is {_SIMPLE_MAPS[d['map']][0]}. What are the coordinates of its image?"


@_family("trapezoid_area", 2, 1)
class _Trapezoid:
    @staticmethod
    def gen(rng, scale):
        a = rng.randint(2, 8 + 4 * scale)
        b = rng.randint(a + 1, a + 10 + 2 * scale)
        return {"a": a, "b": b, "h": rng.randint(1, 6 + 3 * scale)}

    @staticmethod
    def calc(d):
        return R(Fraction((d["a"] + d["b"]) * d["h"], 2))

    @staticmethod
    def text(d):
        return (
            f"A trapezoid has parallel sides of lengths {d['a']} and {d['b']}, and the distance between them is "
            f"{d['h']}. What is its area?"
        )
