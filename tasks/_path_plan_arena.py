"""Arena geometry, layout sampling and the reference planner of path_plan (not a task).

Coordinates are integers in thousandths (``UNIT``); the free area is ``(-HALF, HALF)^2``
and boxes, start and end lie on a 0.05 lattice. :func:`_clip` is the Liang-Barsky test
(exact on Fractions, which the verifier uses). :func:`plan_path` is the reference
planner: a visibility graph over the start, the end, the centres of the boxes to visit
and the corners of every box pushed out by 0.02, edges kept 0.01 away from forbidden
boxes, shortest paths by Dijkstra, every visit order tried (or leg by leg when the order
is fixed), then a shortcut pass that drops waypoints while a float check with 0.005
margins still passes. :func:`_layout` and :func:`_free_point` sample box layouts and
start / end points by rejection.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

UNIT = 1000  # planner coordinates are integers in thousandths
HALF = 1400  # the free area is (-HALF, HALF)^2 in units
LATTICE = 50  # boxes, start and end lie on a 0.05 lattice
_PUSH = 20  # visibility-graph corners lie 0.02 outside their box
_CLEAR = 10  # graph edges keep 0.01 away from forbidden boxes
_MARGIN = 5  # the shortcut pass keeps 0.005 margins


# --------------------------------------------------------------------------- geometry


def _clip(px, py, qx, qy, x0, x1, y0, y1):
    """Liang-Barsky: the smallest t in [0, 1] with P + t(Q - P) in the closed box, or None.

    Works on ints, floats or Fractions (exact for Fractions)."""
    if max(px, qx) < x0 or min(px, qx) > x1 or max(py, qy) < y0 or min(py, qy) > y1:
        return None
    dx, dy = qx - px, qy - py
    t0, t1 = 0, 1
    for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            r = q / p
            if r > t1:
                return None
            if r > t0:
                t0 = r
        else:
            r = q / p
            if r < t0:
                return None
            if r < t1:
                t1 = r
    return t0


def _grow(box, d):
    x0, x1, y0, y1 = box
    return (x0 - d, x1 + d, y0 - d, y1 + d)


def _fmt(u: int) -> str:
    """Thousandths as a short decimal: 250 -> '0.25', -1300 -> '-1.3', 0 -> '0.0'."""
    sign = "-" if u < 0 else ""
    whole, frac = divmod(abs(u), UNIT)
    return f"{sign}{whole}.{(f'{frac:03d}'.rstrip('0') or '0')}"


def _units(text: str) -> int:
    return round(Fraction(text) * UNIT)


# --------------------------------------------------------------------------- planner


def _float_ok(path, boxes, visit, avoid, ordered) -> bool:
    """Validity with margins: clear of avoided boxes, robust visits, robust order."""
    loose: dict[int, tuple] = {}
    robust: dict[int, tuple] = {}
    for s in range(len(path) - 1):
        (px, py), (qx, qy) = path[s], path[s + 1]
        for b in avoid:
            if _clip(px, py, qx, qy, *_grow(boxes[b], _MARGIN)) is not None:
                return False
        for b in visit:
            if b not in loose:
                t = _clip(px, py, qx, qy, *_grow(boxes[b], _MARGIN))
                if t is not None:
                    loose[b] = (s, t)
            if b not in robust:
                t = _clip(px, py, qx, qy, *_grow(boxes[b], -_MARGIN))
                if t is not None:
                    robust[b] = (s, t)
    if len(robust) != len(visit):
        return False
    if ordered:
        return all(robust[a] < loose[b] for a, b in zip(visit, visit[1:]))
    return True


def _dijkstra(n, coords, block, forbid, src, dst):
    """Shortest node path src -> dst using edges whose blocking mask avoids ``forbid``."""
    inf = float("inf")
    dist = [inf] * n
    prev = [-1] * n
    done = [False] * n
    dist[src] = 0.0
    ok = [block[u][u] & forbid == 0 for u in range(n)]
    while True:
        u, best = -1, inf
        for i in range(n):
            if not done[i] and dist[i] < best:
                u, best = i, dist[i]
        if u < 0 or u == dst:
            break
        done[u] = True
        ux, uy = coords[u]
        row = block[u]
        for v in range(n):
            if not done[v] and ok[v] and row[v] & forbid == 0:
                vx, vy = coords[v]
                d = best + ((ux - vx) ** 2 + (uy - vy) ** 2) ** 0.5
                if d < dist[v]:
                    dist[v], prev[v] = d, u
    if dist[dst] == inf:
        return None
    out = [dst]
    while out[-1] != src:
        out.append(prev[out[-1]])
    return dist[dst], out[::-1]


def plan_path(boxes, start, end, visit, avoid, ordered, max_waypoints):
    """A waypoint list in thousandths that passes the margin check, or None."""
    nb = len(boxes)
    coords = [start, end] + [((boxes[b][0] + boxes[b][1]) // 2, (boxes[b][2] + boxes[b][3]) // 2) for b in visit]
    for x0, x1, y0, y1 in boxes:
        for cx, cy in ((x0 - _PUSH, y0 - _PUSH), (x0 - _PUSH, y1 + _PUSH), (x1 + _PUSH, y0 - _PUSH), (x1 + _PUSH, y1 + _PUSH)):
            if abs(cx) < HALF - _CLEAR and abs(cy) < HALF - _CLEAR:
                coords.append((cx, cy))
    n = len(coords)
    grown = [_grow(b, _CLEAR) for b in boxes]
    block = [[0] * n for _ in range(n)]
    for u in range(n):
        ux, uy = coords[u]
        for v in range(u, n):
            vx, vy = coords[v]
            mask = 0
            for b in range(nb):
                if _clip(ux, uy, vx, vy, *grown[b]) is not None:
                    mask |= 1 << b
            block[u][v] = block[v][u] = mask
    amask = sum(1 << b for b in avoid)
    keys = list(range(2, 2 + len(visit)))  # node index of each visit centre, in the stated order
    if ordered:
        later = [sum(1 << b for b in visit[i + 1 :]) for i in range(len(visit))]
        nodes = [0]
        legs = [(k, amask | later[i]) for i, k in enumerate(keys)] + [(1, amask)]
        for dst, forbid in legs:
            found = _dijkstra(n, coords, block, forbid, nodes[-1], dst)
            if found is None:
                return None
            nodes += found[1][1:]
    else:
        ends = [0] + keys
        legs = {}
        for a in ends:
            for b in keys + [1]:
                if a != b and (b, a) not in legs:
                    found = _dijkstra(n, coords, block, amask, a, b)
                    legs[(a, b)] = found
                    legs[(b, a)] = None if found is None else (found[0], found[1][::-1])
        best = None
        for perm in itertools.permutations(keys):
            seq = [0, *perm, 1]
            parts = [legs[(a, b)] for a, b in zip(seq, seq[1:])]
            if any(p is None for p in parts):
                continue
            total = sum(p[0] for p in parts)
            if best is None or total < best[0]:
                best = (total, parts)
        if best is None:
            return None
        nodes = [0]
        for _, part in best[1]:
            nodes += part[1:]
    path = [coords[i] for i in nodes]
    path = [p for i, p in enumerate(path) if i == 0 or p != path[i - 1]]
    if not _float_ok(path, boxes, visit, avoid, ordered):
        return None
    full = path
    changed = True
    while changed:
        changed = False
        k = 1
        while k < len(path) - 1:
            cand = path[:k] + path[k + 1 :]
            if _float_ok(cand, boxes, visit, avoid, ordered):
                path, changed = cand, True
            else:
                k += 1
    return [path, full]


# --------------------------------------------------------------------------- layouts


def _layout(rng: random.Random, n: int, gap: int, side: tuple[int, int]) -> list[tuple[int, int, int, int]] | None:
    boxes: list[tuple[int, int, int, int]] = []
    for _ in range(n):
        for _ in range(300):
            w, h = LATTICE * rng.randint(*side), LATTICE * rng.randint(*side)
            x0 = -HALF + LATTICE * rng.randint(0, (2 * HALF - w) // LATTICE)
            y0 = -HALF + LATTICE * rng.randint(0, (2 * HALF - h) // LATTICE)
            x1, y1 = x0 + w, y0 + h
            if any(0 < d < gap for d in (x0 + HALF, HALF - x1, y0 + HALF, HALF - y1)):
                continue
            if all(max(b[0] - x1, x0 - b[1]) >= gap or max(b[2] - y1, y0 - b[3]) >= gap for b in boxes):
                boxes.append((x0, x1, y0, y1))
                break
        else:
            return None
    return boxes


def _free_point(rng: random.Random, boxes) -> tuple[int, int]:
    for _ in range(500):
        x = LATTICE * rng.randint(-(HALF - LATTICE) // LATTICE, (HALF - LATTICE) // LATTICE)
        y = LATTICE * rng.randint(-(HALF - LATTICE) // LATTICE, (HALF - LATTICE) // LATTICE)
        if all(x <= b[0] - LATTICE or x >= b[1] + LATTICE or y <= b[2] - LATTICE or y >= b[3] + LATTICE for b in boxes):
            return (x, y)
    return None  # type: ignore[return-value]
