"""Tier-5 families of math_geometry: four or more steps across several objects.

The area between the circumcircle and the incircle of a triangle given by coordinates, the
distance between circumcentre and incentre, two or three composed transformations of a
point, a cone rolled from a sector, a sphere minus an inscribed cylinder, a cube inscribed
in the sphere inscribed in a cube, and a right triangle minus its incircle / circumcircle
minus the triangle. Importing the module registers them in ``FAMILIES``.
"""

from __future__ import annotations

import random
from fractions import Fraction

from symbench.tasks._exact_surds import PI, SQRT, R

from ._common import _ROT, _coord, _family, _fr, _frac_text, _gcd, _heronian, _pt, _tri_measures, _triple


def _place_triangle(rng: random.Random, d: dict, scale: int) -> list[list[int]]:
    """Lattice vertices of the glued triangle, moved by a random isometry of the grid."""
    pts = [[-d["a1"], 0], [d["a2"], 0], [0, d["h"]]]
    if rng.random() < 0.5:
        pts = [[y, x] for x, y in pts]
    sx, sy = rng.choice([-1, 1]), rng.choice([-1, 1])
    tx, ty = _coord(rng, scale), _coord(rng, scale)
    pts = [[sx * x + tx, sy * y + ty] for x, y in pts]
    rng.shuffle(pts)
    return pts


@_family("annulus_triangle", 5, 5)
class _Annulus:
    @staticmethod
    def gen(rng, scale):
        d = _heronian(rng, 20 + 12 * scale)
        d["pts"] = _place_triangle(rng, d, scale)
        return d

    @staticmethod
    def calc(d):
        _, _, r, big_r = _tri_measures(d)
        return R(big_r * big_r - r * r) * PI

    @staticmethod
    def text(d):
        a, b, c = (_pt(p) for p in d["pts"])
        return (
            f"A triangle has vertices {a}, {b} and {c}. What is the area of the region that lies inside the "
            "triangle's circumscribed circle but outside its inscribed circle? Express your answer in terms of pi."
        )


@_family("incenter_circumcenter", 5, 5)
class _EulerOI:
    @staticmethod
    def gen(rng, scale):
        d = _heronian(rng, 20 + 12 * scale)
        if rng.random() < 0.5:
            d["pts"] = _place_triangle(rng, d, scale)
        return d

    @staticmethod
    def calc(d):
        _, _, r, big_r = _tri_measures(d)
        return SQRT(big_r * big_r - 2 * big_r * r)

    @staticmethod
    def text(d):
        if "pts" in d:
            a, b, c = (_pt(p) for p in d["pts"])
            intro = f"A triangle has vertices {a}, {b} and {c}."
        else:
            a, b, c = sorted(_tri_measures(d)[0])
            intro = f"A triangle has side lengths {a}, {b} and {c}."
        return (
            intro + " What is the distance between the centre of its inscribed circle and the centre of its "
            "circumscribed circle? Express your answer in simplest radical form."
        )


_LINES = {
    "x": "the vertical line x = {k}",
    "y": "the horizontal line y = {k}",
    "diag": "the line y = x",
    "antidiag": "the line y = -x",
}


def _reflect(line: str, k: Fraction, x: Fraction, y: Fraction) -> tuple[Fraction, Fraction]:
    if line == "x":
        return 2 * k - x, y
    if line == "y":
        return x, 2 * k - y
    if line == "diag":
        return y, x
    return -y, -x


@_family("composed_transformations", 5, 4, "point")
class _Composed:
    @staticmethod
    def gen(rng, scale):
        p = [_coord(rng, scale), _coord(rng, scale)]
        c = [_coord(rng, scale), _coord(rng, scale)]
        line = rng.choice(sorted(_LINES))
        k = rng.randint(-5, 5)
        num = rng.choice([1, 2, 3, 3, 5])
        den = rng.choice([2, 3, 4]) if num in (1, 3) else rng.choice([1, 2, 3])
        return {
            "p": p,
            "c": c,
            "angle": rng.choice([90, 180, 270]),
            "line": line,
            "k": k,
            "factor": [num, den],
            "center": [_coord(rng, scale), _coord(rng, scale)],
            "order": rng.choice(["rotate_reflect_dilate", "reflect_rotate_dilate"]),
        }

    @staticmethod
    def calc(d):
        x, y = Fraction(d["p"][0]), Fraction(d["p"][1])
        cx, cy = d["c"]

        def rotate(x, y):
            dx, dy = _ROT[d["angle"]](x - cx, y - cy)
            return cx + dx, cy + dy

        def reflect(x, y):
            return _reflect(d["line"], Fraction(d["k"]), x, y)

        if d["order"] == "rotate_reflect_dilate":
            x, y = reflect(*rotate(x, y))
        else:
            x, y = rotate(*reflect(x, y))
        f = _fr(d["factor"])
        ox, oy = d["center"]
        return [R(ox + f * (x - ox)), R(oy + f * (y - oy))]

    @staticmethod
    def text(d):
        rot = f"rotate it {d['angle']} degrees counterclockwise about {_pt(d['c'])}"
        ref = "reflect it across " + _LINES[d["line"]].format(k=d["k"])
        first, second = (rot, ref) if d["order"] == "rotate_reflect_dilate" else (ref, rot)
        f = _frac_text(_fr(d["factor"]))
        return (
            f"Start with the point {_pt(d['p'])}. First {first}; then {second}; finally apply the dilation with "
            f"centre {_pt(d['center'])} and scale factor {f}. What are the coordinates of the final image?"
        )


@_family("cone_from_sector", 5, 4)
class _ConeSector:
    @staticmethod
    def gen(rng, scale):
        # the base radius R*angle/360 is made an integer
        angle = rng.choice([60, 72, 90, 120, 144, 150, 180, 200, 216, 240, 270, 288, 300])
        step = 360 // _gcd(360, angle)
        big_r = step * rng.randint(1, max(1, (12 + 6 * scale) // step))
        return {"R": big_r, "angle": angle}

    @staticmethod
    def calc(d):
        big_r = d["R"]
        r = Fraction(big_r * d["angle"], 360)
        return R(r * r / 3) * SQRT(big_r * big_r - r * r) * PI

    @staticmethod
    def text(d):
        return (
            f"A sector with radius {d['R']} and central angle {d['angle']} degrees is cut from a circle of paper and "
            "rolled into a right circular cone by joining its two straight edges without overlap, so that the arc "
            "becomes the circumference of the base. What is the volume of the cone? Express your answer in terms of "
            "pi, in simplest radical form."
        )


@_family("sphere_minus_cylinder", 5, 4)
class _SphereCylinder:
    @staticmethod
    def gen(rng, scale):
        big_r = rng.randint(3, 8 + 3 * scale)
        return {"R": big_r, "h": rng.randint(2, 2 * big_r - 1)}

    @staticmethod
    def calc(d):
        big_r, h = d["R"], d["h"]
        r2 = Fraction(big_r * big_r) - Fraction(h * h, 4)
        return R(Fraction(4 * big_r**3, 3) - r2 * h) * PI

    @staticmethod
    def text(d):
        return (
            f"A right circular cylinder of height {d['h']} is inscribed in a sphere of radius {d['R']} (both circular "
            "edges of the cylinder lie on the sphere). What is the volume of the part of the ball that lies outside "
            "the cylinder? Express your answer in terms of pi."
        )


@_family("cube_sphere_cube", 5, 4)
class _CubeSphereCube:
    @staticmethod
    def gen(rng, scale):
        return {"a": rng.randint(2, 6 + 3 * scale), "ask": rng.choice(["cube_minus_cube", "ball_minus_cube"])}

    @staticmethod
    def calc(d):
        a = d["a"]
        # sphere radius a/2; the small cube's space diagonal is a, so its edge is a/sqrt(3)
        # and its volume a^3/(3*sqrt(3)) = a^3*sqrt(3)/9
        small = R(Fraction(a**3, 9)) * SQRT(3)
        if d["ask"] == "cube_minus_cube":
            return R(a**3) - small
        return R(Fraction(a**3, 6)) * PI - small

    @staticmethod
    def text(d):
        a = d["a"]
        base = (
            f"A sphere is inscribed in a cube with edge length {a}, and a smaller cube is inscribed in the sphere "
            "(all eight of its vertices lie on the sphere). "
        )
        if d["ask"] == "cube_minus_cube":
            return base + (
                "What is the volume of the region inside the larger cube but outside the smaller cube? "
                "Express your answer in simplest radical form."
            )
        return base + (
            "What is the volume of the region inside the sphere but outside the smaller cube? "
            "Express your answer in terms of pi, in simplest radical form."
        )


@_family("right_triangle_circles", 5, 4)
class _RightCircles:
    @staticmethod
    def gen(rng, scale):
        a, b, c = _triple(rng, 20 + 15 * scale)
        return {"a": a, "b": b, "c": c, "ask": rng.choice(["minus_incircle", "circumcircle_minus", "between_circles"])}

    @staticmethod
    def calc(d):
        a, b, c = d["a"], d["b"], d["c"]
        r = Fraction(a + b - c, 2)
        if d["ask"] == "minus_incircle":
            return R(Fraction(a * b, 2)) - R(r * r) * PI
        if d["ask"] == "circumcircle_minus":
            return R(Fraction(c * c, 4)) * PI - R(Fraction(a * b, 2))
        return R(Fraction(c * c, 4) - r * r) * PI

    @staticmethod
    def text(d):
        base = f"A right triangle has legs of lengths {d['a']} and {d['b']}. "
        if d["ask"] == "minus_incircle":
            what = "inside the triangle but outside its inscribed circle"
        elif d["ask"] == "circumcircle_minus":
            what = "inside the triangle's circumscribed circle but outside the triangle"
        else:
            what = "inside the triangle's circumscribed circle but outside its inscribed circle"
        return base + f"What is the area of the region {what}? Express your answer in terms of pi."
