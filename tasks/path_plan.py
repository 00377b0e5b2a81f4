"""path_plan (seen): plan a polyline through a 2-D arena, entering some boxes and avoiding others.

Rules (TASKS.md 2). The arena is bounded by four wall slabs ``(x_min, x_max, y_min, y_max)``:
(-1.5, -1.4, -1.5, 1.5), (1.4, 1.5, -1.5, 1.5), (-1.5, 1.5, -1.5, -1.4) and
(-1.5, 1.5, 1.4, 1.5), so the free area is the open square (-1.4, 1.4)^2. Inside it lie
axis-aligned coloured boxes, a start and an end point. A trajectory is a list of
waypoints joined by straight segments; the first waypoint must equal the start and the
last the end. Walls and boxes are closed rectangles: a segment that touches one, even at
a single boundary point, hits it. No segment may hit a wall; every box to visit must be
hit by some segment, no box to avoid may be hit, and boxes the instruction does not name
may be crossed freely. At level 5 the visits must happen in the stated order, judged by
the first time the path touches each of those boxes, and the path may have at most 12
waypoints (at most 100 at the other levels; the limit is stated in the question).

Answer: ``[(x0, y0), (x1, y1), ...]`` with plain decimal numbers (``-0.35``, ``1``; no
exponents, at most 20 characters each). Square brackets for the pairs and a missing
outer bracket are tolerated. Coordinates are read as exact rationals from their decimal
text, and every test below is exact (Liang-Barsky clipping with Fractions: a segment hits
a rectangle iff the clipped parameter interval is non-empty, so touching counts).

Generation. ``boxes`` boxes are placed by rejection sampling on a 0.05 lattice, sides in
``side``, pairwise at least ``min_gap`` apart (x-gap or y-gap), and each side either on a
wall or at least ``min_gap`` from it. Start and end lie on the lattice, at least 0.05 from
every box (Chebyshev distance) and from the walls, and at least 1.5 apart. The
instruction is random (``visit``/``avoid`` counts), ``all_others`` (avoid every box that
is not visited) or ``original``: one of the 9 distinct original instructions (the
original #3 duplicated #0) whose visit and avoid counts fall in the level's ranges,
which needs the 7 original colours to be present. With ``all_others`` (level 4) and with
the templates, the avoid count follows from the instruction; the ``avoid`` range only
filters the templates and is otherwise unused.

Reference planner (instead of the original occupancy grid, which is too slow here): a
visibility graph whose nodes are the start, the end, the centres of the boxes to visit and
the corners of every box pushed out by 0.02, and whose edges keep 0.01 away from every
forbidden box. Unordered visits try every visit order over pairwise shortest paths; ordered
visits plan leg by leg, forbidding the avoided boxes and the visit boxes not yet due. A
pass then drops waypoints while a float check with a 0.005 margin still passes, and the
result is re-checked exactly by the verifier (falling back to the unshortened path).
All waypoints are multiples of 0.001. Layouts without a plan (or, at level 5, without one
of at most 12 waypoints) are rejected and resampled, at most 300 times; so are trivial
layouts in which the straight segment from start to end is already a valid answer.

Other choices: ``size`` counts boxes, visits, avoided boxes, the order constraint and
narrow gaps. Original defects avoided: grazing or collinear contact counts as entering
(the original's strict orientation test missed it), start/end are compared exactly, the
visit order is checked where the question asks for one, and every instance is solvable.

Validity (the registry-wide checks hold it): Answers are paths (any valid one passes),
with many different references per level, so there is no answer class to balance.
Distinct instances: A level's first 100 instances are distinct without help (its space
is large).
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from symbench.answer import AnswerFormat, ParseError, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict
from symbench.tasks._path_plan_arena import UNIT, _clip, _fmt, _free_point, _layout, _units, plan_path

COLOURS = ("red", "blue", "green", "yellow", "pink", "purple", "orange", "cyan", "brown", "gray")
N_ORIGINAL_COLOURS = 7
WALLS = ((-1.5, -1.4, -1.5, 1.5), (1.4, 1.5, -1.5, 1.5), (-1.5, 1.5, -1.5, -1.4), (-1.5, 1.5, 1.4, 1.5))
_WALLS_EXACT = tuple(tuple(Fraction(str(v)) for v in w) for w in WALLS)
# the distinct original instructions: (must enter, must avoid); None = "all other boxes"
TEMPLATES: tuple[tuple[tuple[str, ...], tuple[str, ...] | None], ...] = (
    (("green", "yellow"), ()),
    (("yellow", "purple", "red", "green"), ()),
    (("yellow", "purple", "red", "green"), ("blue",)),
    (("blue",), None),
    (("green", "yellow"), ("pink",)),
    (("yellow", "orange"), ("blue", "purple", "red")),
    (("green", "yellow", "red"), ("blue",)),
    (("purple", "orange", "pink"), None),
    (("yellow", "red", "green"), ("blue",)),
)
_MAX_LAYOUTS = 300
_NUM_RE = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"  # ASCII digits only
_PAIR_RE = re.compile(rf"\s*[(\[]\s*({_NUM_RE})\s*,\s*({_NUM_RE})\s*[)\]]\s*")


# --------------------------------------------------------------------------- task


@dataclass(frozen=True)
class PathPlanConfig(TaskConfig):
    boxes: tuple[int, int] = (7, 7)
    visit: tuple[int, int] = (2, 4)
    avoid: tuple[int, int] = (0, 3)
    instruction: str = "random"
    ordered: bool = False
    max_waypoints: int = 100
    min_gap: float = 0.1
    side: tuple[float, float] = (0.2, 1.0)

    def validate(self) -> None:
        boxes = self.require_range("boxes", 1, len(COLOURS))
        visit = self.require_range("visit", 1, len(COLOURS))
        avoid = self.require_range("avoid", 0, len(COLOURS) - 1)
        mode = self.require_choice("instruction", ("random", "all_others", "original"))
        self.require_bool("ordered")
        self.require_int("max_waypoints", 2, 1_000)
        gap = self.min_gap
        if isinstance(gap, bool) or not isinstance(gap, (int, float)) or not 0.05 <= gap <= 0.5:
            raise ValueError(f"{self._where('min_gap')} must be a number in [0.05, 0.5], got {gap!r}")
        side = self.require_float_range("side", 0.05, 1.5)
        if _side_steps(side)[1] < _side_steps(side)[0]:
            raise ValueError(f"{self._where('side')} must contain a multiple of 0.05, got {side!r}")
        if mode == "original":
            if boxes[0] < N_ORIGINAL_COLOURS:
                raise ValueError(f"{self._where('boxes')} must be at least 7 with instruction='original', got {boxes!r}")
            if not _templates(self):
                raise ValueError(f"{self._where('visit')}/{self._where('avoid')}: no original instruction fits {visit}/{avoid}")
        else:
            if visit[0] > boxes[0] or (mode == "random" and visit[0] + avoid[0] > boxes[0]):
                raise ValueError(
                    f"{self._where('visit')}/{self._where('avoid')} ({visit}/{avoid}) need more than {boxes[0]} boxes"
                )


def _side_steps(side: tuple[float, float]) -> tuple[int, int]:
    """The side range in lattice steps (multiples of 0.05 inside it)."""
    return math.ceil(side[0] * 20 - 1e-9), math.floor(side[1] * 20 + 1e-9)


def _templates(config: PathPlanConfig) -> list[int]:
    out = []
    for i, (enter, away) in enumerate(TEMPLATES):
        n_avoid = config.boxes[0] - len(enter) if away is None else len(away)
        n_avoid_hi = config.boxes[1] - len(enter) if away is None else len(away)
        if config.visit[0] <= len(enter) <= config.visit[1] and (
            config.avoid[0] <= n_avoid <= config.avoid[1] and config.avoid[0] <= n_avoid_hi <= config.avoid[1]
        ):
            out.append(i)
    return out


def _decode(params: dict):
    """Boxes, start and end in thousandths, with visit/avoid as box indices."""
    index = {c: i for i, c in enumerate(params["colours"])}
    boxes = [tuple(_units(v) for v in b) for b in params["boxes"]]
    start = tuple(_units(v) for v in params["start"])
    end = tuple(_units(v) for v in params["end"])
    visit = [index[c] for c in params["visit"]]
    avoid = [index[c] for c in params["avoid"]]
    return boxes, start, end, visit, avoid


@lru_cache(maxsize=128)
def _reference(key: str) -> str | None:
    params = json.loads(key)
    boxes, start, end, visit, avoid = _decode(params)
    found = plan_path(boxes, start, end, visit, avoid, params["ordered"], params["max_waypoints"])
    if found is None:
        return None
    for path in found:  # the shortened path, else the full one; both re-checked exactly
        if len(path) > params["max_waypoints"]:
            continue
        text = "[" + ", ".join(f"({_fmt(x)}, {_fmt(y)})" for x, y in path) + "]"
        if _check(params, text) is None:
            return text
    return None


def _key(params: dict) -> str:
    keep = ("colours", "boxes", "start", "end", "visit", "avoid", "ordered", "max_waypoints")
    return json.dumps({k: params[k] for k in keep}, sort_keys=True)


class _TooManyWaypoints(ParseError):
    """The path has more waypoints than the question allows (a wrong answer, not a malformed one)."""


def _parse_path(text: str, limit: int) -> list[tuple[Fraction, Fraction]]:
    s = text.strip()
    if (s[:1], s[-1:]) in (("[", "]"), ("(", ")")) and _PAIR_RE.match(s, 1):
        s = s[1:-1]
    points = []
    pos = 0
    while True:
        m = _PAIR_RE.match(s, pos)
        if not m:
            raise ParseError(f"expected a waypoint '(x, y)' at {short(s[pos : pos + 30])}")
        for num in m.groups():
            if len(num) > 20:
                raise ParseError(f"coordinate {short(num)} is longer than 20 characters")
        points.append((Fraction(m.group(1)), Fraction(m.group(2))))
        if len(points) > limit:
            raise _TooManyWaypoints(f"more than {limit} waypoints")
        pos = m.end()
        if pos == len(s):
            return points
        if s[pos] != ",":
            raise ParseError(f"expected ',' between waypoints at {short(s[pos : pos + 30])}")
        pos += 1


def _pt(p) -> str:
    return f"({_fmt_exact(p[0])}, {_fmt_exact(p[1])})"


def _fmt_exact(v: Fraction) -> str:
    if v.denominator == 1:
        return str(v.numerator)
    return format(float(v), ".6g")


def _check(params: dict, answer: str) -> Verdict | None:
    """None if ``answer`` is a valid plan, otherwise why not (bad_format or wrong)."""
    limit = params["max_waypoints"]
    try:
        path = _parse_path(answer, limit)
    except _TooManyWaypoints as exc:
        return Verdict.fail(str(exc))
    except ParseError as exc:
        return Verdict.bad_format(f"malformed path: {exc}")
    start = tuple(Fraction(v) for v in params["start"])
    end = tuple(Fraction(v) for v in params["end"])
    if len(path) < 2:
        return Verdict.fail("the path needs at least two waypoints (start and end)")
    if path[0] != start:
        return Verdict.fail(f"the first waypoint {_pt(path[0])} is not the start {_pt(start)}")
    if path[-1] != end:
        return Verdict.fail(f"the last waypoint {_pt(path[-1])} is not the end {_pt(end)}")
    colours = params["colours"]
    boxes = [tuple(Fraction(v) for v in b) for b in params["boxes"]]
    index = {c: i for i, c in enumerate(colours)}
    visit = [index[c] for c in params["visit"]]
    avoid = {index[c] for c in params["avoid"]}
    entered: dict[int, tuple[int, Fraction]] = {}
    expected = 0  # next visit box due (ordered instances)
    for s in range(len(path) - 1):
        (px, py), (qx, qy) = path[s], path[s + 1]
        where = f"segment {s + 1} from {_pt(path[s])} to {_pt(path[s + 1])}"
        for wall in _WALLS_EXACT:
            if _clip(px, py, qx, qy, *wall) is not None:
                return Verdict.fail(f"{where} touches a wall")
        firsts = []
        for b, box in enumerate(boxes):
            if b in avoid or (b in visit and b not in entered):
                t = _clip(px, py, qx, qy, *box)
                if t is None:
                    continue
                if b in avoid:
                    return Verdict.fail(f"{where} enters the {colours[b]} box, which must be avoided")
                firsts.append((t, b))
        for t, b in sorted(firsts):
            entered[b] = (s, t)
            if params["ordered"]:
                if visit[expected] != b:
                    return Verdict.fail(f"{where} enters the {colours[b]} box before the {colours[visit[expected]]} box")
                expected += 1
    missing = [colours[b] for b in visit if b not in entered]
    if missing:
        return Verdict.fail(f"the path never enters the {', '.join(missing)} box(es)")
    return None


class PathPlan(SymbolicTask):
    name = "path_plan"
    split = "seen"
    description = "Plan a polyline in a walled 2-D arena that enters some coloured boxes and avoids others."
    answer_mode = "any_valid"
    version = 1
    display_name = "Path Plan"
    paper_order = 2
    family = "planning"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = PathPlanConfig
    presets = {
        1: PathPlanConfig(boxes=(3, 3), visit=(1, 1), avoid=(0, 1), min_gap=0.3),
        2: PathPlanConfig(boxes=(5, 5), visit=(2, 2), avoid=(1, 1), min_gap=0.2),
        3: PathPlanConfig(boxes=(7, 7), visit=(2, 4), avoid=(0, 3), instruction="original", min_gap=0.15),
        4: PathPlanConfig(boxes=(7, 7), visit=(3, 4), avoid=(3, 4), instruction="all_others", min_gap=0.1),
        5: PathPlanConfig(
            boxes=(9, 10), visit=(4, 5), avoid=(2, 6), ordered=True, max_waypoints=12, min_gap=0.1
        ),
    }

    def generate(self, rng: random.Random, config: PathPlanConfig) -> dict:
        gap = round(config.min_gap * UNIT)
        side = _side_steps(config.side)
        for _ in range(_MAX_LAYOUTS):
            n = rng.randint(*config.boxes)
            boxes = _layout(rng, n, gap, side)
            if boxes is None:
                continue
            start = _free_point(rng, boxes)
            end = _free_point(rng, boxes)
            if start is None or end is None or (start[0] - end[0]) ** 2 + (start[1] - end[1]) ** 2 < 1500**2:
                continue
            if config.instruction == "original":
                colours = list(COLOURS[:N_ORIGINAL_COLOURS]) + rng.sample(COLOURS[N_ORIGINAL_COLOURS:], n - N_ORIGINAL_COLOURS)
                enter, away = TEMPLATES[rng.choice(_templates(config))]
                visit = list(enter)
                avoid_all = away is None
                avoid = [c for c in colours if c not in visit] if avoid_all else list(away)
            else:
                colours = rng.sample(COLOURS, n)
                visit = rng.sample(colours, min(n, rng.randint(*config.visit)))
                others = [c for c in colours if c not in visit]
                avoid_all = config.instruction == "all_others"
                avoid = others if avoid_all else rng.sample(others, min(len(others), rng.randint(*config.avoid)))
            params = {
                "colours": colours,
                "boxes": [[_fmt(v) for v in b] for b in boxes],
                "start": [_fmt(v) for v in start],
                "end": [_fmt(v) for v in end],
                "visit": visit,
                "avoid": avoid,
                "avoid_all_others": avoid_all,
                "ordered": config.ordered,
                "max_waypoints": config.max_waypoints,
                "min_gap": config.min_gap,
            }
            straight = f"[({params['start'][0]}, {params['start'][1]}), ({params['end'][0]}, {params['end'][1]})]"
            if _check(params, straight) is None:
                continue  # trivial: the straight line from start to end already satisfies everything
            if _reference(_key(params)) is not None:
                return params
        raise GenerationError(f"path_plan: no solvable layout for {config} in {_MAX_LAYOUTS} attempts")

    def solve(self, params: dict) -> str:
        ref = _reference(_key(params))
        if ref is None:
            raise GenerationError("path_plan: the reference planner found no path for these params")
        return ref

    def question(self, params: dict) -> str:
        boxes = "\n".join(
            f"- {c} box: x from {b[0]} to {b[1]}, y from {b[2]} to {b[3]}" for c, b in zip(params["colours"], params["boxes"])
        )
        walls = ", ".join(f"({a}, {b}, {c}, {d})" for a, b, c, d in WALLS)
        visit = ", ".join(params["visit"])
        if params["ordered"]:
            order = (
                f"Visit these boxes in exactly this order: {' -> '.join(params['visit'])}. The order is judged by the "
                "first moment the path touches each of them, so the path must not touch a later one of these boxes "
                "before it has touched all earlier ones."
            )
        else:
            order = f"The path must enter each of these boxes: {visit} (in any order)."
        if params["avoid_all_others"]:
            away = "The path must not touch any other box."
        elif params["avoid"]:
            away = f"The path must not touch these boxes: {', '.join(params['avoid'])}."
        else:
            away = "No box has to be avoided."
        free = [c for c in params["colours"] if c not in params["visit"] and c not in params["avoid"]]
        if free:
            away += f" The remaining boxes ({', '.join(free)}) may be crossed freely."
        sx, sy = params["start"]
        ex, ey = params["end"]
        return (
            "A robot moves in a 2-D arena along a trajectory of waypoints joined by straight line segments.\n"
            f"The arena is enclosed by four walls given as (x_min, x_max, y_min, y_max): {walls}; so the free "
            "area is -1.4 < x < 1.4, -1.4 < y < 1.4. Walls and boxes are closed rectangles: a segment that touches "
            "one, even at a single boundary point or along an edge, counts as entering it.\n"
            f"Axis-aligned boxes:\n{boxes}\n"
            f"Start: ({sx}, {sy}). End: ({ex}, {ey}).\n\n"
            "Rules:\n"
            f"- The first waypoint must be exactly the start ({sx}, {sy}) and the last exactly the end ({ex}, {ey}).\n"
            "- No segment may touch a wall.\n"
            f"- {order}\n"
            f"- {away}\n"
            f"- Use at most {params['max_waypoints']} waypoints in total (start and end included).\n\n"
            "Give the waypoints as a list of (x, y) pairs written as plain decimal numbers (no exponents, at most "
            "20 characters each); they are read exactly as written.\n"
            "Return your final answer as <<<[(x0, y0), (x1, y1), ...]>>>, for example "
            "<<<[(-1.3, -1.3), (-0.2, 0.45), (1.3, 1.3)]>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        return _check(params, answer) or Verdict.ok()

    def size(self, params: dict) -> float:
        gap_bonus = max(0.0, 0.3 - params["min_gap"]) * 10
        return len(params["boxes"]) + 2 * len(params["visit"]) + len(params["avoid"]) + 3 * params["ordered"] + gap_bonus
