"""boxnet (seen): agents on a grid push coloured boxes to same-coloured targets.

Rules (TASKS.md 4). An R x C grid of squares, named by their centres
``square[r+0.5, c+0.5]`` (r in [0, R) is the row, c in [0, C) the column), has one agent
per square, ``Agent[r+0.5, c+0.5]``. Squares hold any number of ``box_<colour>`` and
``target_<colour>`` items; every box has one target of its colour (a colour with k boxes
has k targets). In one step each agent does at most one action, on a box in its own
square: ``move(box_<col>, square[x, y])`` pushes it to one of the 4 neighbouring squares
(centres differ by exactly 1 in one coordinate), and ``move(box_<col>, target_<col>)``
puts it on a same-coloured target in that square (box and target both disappear). The
plan succeeds when no box is left after its last step.

Answer: strict JSON, a list of steps, each step an object mapping agents to actions::

    [{"Agent[0.5, 0.5]": "move(box_blue, square[0.5, 1.5])"}, {"Agent[0.5, 1.5]": "move(box_blue, target_blue)"}]

Agents not named in a step stay idle; an empty object ``{}`` is an idle step. Spaces after
the commas inside names are optional.

Semantics chosen for the spec: the actions of one step are simultaneous and checked
against the state at the start of the step, so a box pushed into a square can be acted on
only from the next step; an agent may appear once per step (duplicate JSON keys, or two
spellings of the same agent, are rejected). The verifier is strict: a malformed key or
action, an agent or destination outside the grid, a box that is not in the agent's square
at the start of the step, a destination that is not a neighbour, a missing or
different-coloured target, or too many steps rejects the whole plan, naming the first
offending step.

Choices made here (the catalogue leaves them open):

* Item positions are uniform and independent (a box may start on its own target).
* The reference solver pairs each colour's boxes with its targets by brute-force minimum
  total Manhattan distance, then simulates in parallel: every agent acts on the box of its
  square that is farthest from its paired target (longest remaining work first), pushing
  it one square along a shortest path (along the axis with the larger remaining distance,
  rows on ties) or, when it is already there, putting it on the target. The reference length sets the level 4-5 step
  budgets (2 x reference, reference + 1); levels 1-3 have none.
* Level 1 is a small family (a 1x2 grid): it takes 2-3 colours (TASKS.md: 2) so that it
  holds about 1,500 layouts, and 1x2 grids are drawn by slot (``_distinct``), so the
  level's first 100 instances are 100 different layouts (larger grids are a large space).
* ``size`` is the number of boxes plus the reference plan length plus R*C/4.
* The format example in the question swaps its colours when it would solve the instance
  (possible on a 1x2 grid), so it is never a valid answer.

Original defects avoided: invalid actions are not ignored, actions of one step do not let a
box hop several squares, the action syntax tolerates missing spaces, minus signs are kept
(and fail as off-grid), off-grid destinations are rejected instead of crashing, duplicate
keys are not merged, and levels 4-5 have an efficiency (step budget) requirement.

Validity (the registry-wide checks hold it): Answers are step plans (any valid plan
passes), with many different references per level, so there is no answer class to
balance. Distinct instances: 1x2 grids are drawn by slot (see above); larger grids are a
large space.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_json, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

COLOURS = ("blue", "red", "green", "purple", "orange", "yellow")
_NUM = r"([+-]?[0-9]{1,6}(?:\.[0-9]{1,6})?)"  # ASCII digits only
_AGENT_RE = re.compile(rf"Agent\[\s*{_NUM}\s*,\s*{_NUM}\s*\]")
_ACTION_RE = re.compile(rf"move\(\s*box_([a-z]+)\s*,\s*(?:square\[\s*{_NUM}\s*,\s*{_NUM}\s*\]|target_([a-z]+))\s*\)")
_MAX_STEPS = 10_000
_EXAMPLES = tuple(
    f'[{{"Agent[0.5, 0.5]": "move(box_{a}, square[0.5, 1.5])", "Agent[0.5, 1.5]": "move(box_{b}, target_{b})"}}, '
    f'{{"Agent[0.5, 1.5]": "move(box_{a}, target_{a})"}}]'
    for a, b in (("blue", "red"), ("red", "blue"))
)

Square = tuple[int, int]


def square_name(sq: Square) -> str:
    return f"square[{sq[0]}.5, {sq[1]}.5]"


def agent_name(sq: Square) -> str:
    return f"Agent[{sq[0]}.5, {sq[1]}.5]"


def _index(number: str, limit: int) -> int | None:
    """``k`` when the decimal ``number`` (as ``_NUM`` matches it) is exactly ``k + 0.5`` with
    ``0 <= k < limit``, else None.

    Read from the digits, without arithmetic: a number is ``k + 0.5`` exactly when its
    fraction digits are ``5`` and then only zeros, and ``k`` is then its whole part. A
    negative number is never a centre inside the grid (``-0.5`` is ``-1 + 0.5``).
    """
    if number[0] == "-":
        return None
    whole, _, frac = number.lstrip("+").partition(".")
    if frac.rstrip("0") != "5":
        return None
    k = int(whole)
    return k if k < limit else None


def _centre(x: str, y: str, rows: int, cols: int) -> Square | None:
    """Grid cell of the centre (x, y), or None when it is not a centre inside the grid."""
    r = _index(x, rows)
    if r is None:
        return None
    c = _index(y, cols)
    return None if c is None else (r, c)


def _dist(a: Square, b: Square) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def reference_plan(params: dict) -> list[dict[str, str]]:
    """Matched, parallel greedy plan (see the module docstring)."""
    boxes = [(col, (r, c)) for col, r, c in params["boxes"]]
    targets = [(col, (r, c)) for col, r, c in params["targets"]]
    goal: dict[int, Square] = {}
    for colour in sorted({col for col, _ in boxes}):
        b_ids = [i for i, (col, _) in enumerate(boxes) if col == colour]
        t_pos = [sq for col, sq in targets if col == colour]
        best = min(
            itertools.permutations(range(len(t_pos))),
            key=lambda perm: sum(_dist(boxes[b][1], t_pos[t]) for b, t in zip(b_ids, perm)),
        )
        for b, t in zip(b_ids, best):
            goal[b] = t_pos[t]
    pos = {i: sq for i, (_, sq) in enumerate(boxes)}
    steps: list[dict[str, str]] = []
    while pos:
        by_square: dict[Square, list[int]] = {}
        for i in sorted(pos):
            by_square.setdefault(pos[i], []).append(i)
        step: dict[str, str] = {}
        done, moved = [], {}
        for sq in sorted(by_square):
            # the box with the longest way still to go first; a box at its target is matched
            i = max(by_square[sq], key=lambda j: (_dist(sq, goal[j]), -j))
            if goal[i] == sq:
                step[agent_name(sq)] = f"move(box_{boxes[i][0]}, target_{boxes[i][0]})"
                done.append(i)
                continue
            dr, dc = goal[i][0] - sq[0], goal[i][1] - sq[1]
            if abs(dr) >= abs(dc):
                nxt = (sq[0] + (1 if dr > 0 else -1), sq[1])
            else:
                nxt = (sq[0], sq[1] + (1 if dc > 0 else -1))
            step[agent_name(sq)] = f"move(box_{boxes[i][0]}, {square_name(nxt)})"
            moved[i] = nxt
        for i in done:
            del pos[i]
        pos.update(moved)
        steps.append(step)
    return steps


@dataclass(frozen=True)
class BoxNetConfig(TaskConfig):
    rows: tuple[int, int] = (2, 2)
    cols: tuple[int, int] = (2, 3)
    colours: tuple[int, int] = (5, 5)
    boxes_per_colour: tuple[int, int] = (1, 3)
    budget: str = "none"

    def validate(self) -> None:
        self.require_range("rows", 1, 20)
        self.require_range("cols", 1, 20)
        self.require_range("colours", 1, len(COLOURS))
        self.require_range("boxes_per_colour", 1, 5)
        self.require_choice("budget", ("none", "double", "plus_one"))
        if self.rows[1] * self.cols[1] < 2:
            raise ValueError(f"{self._where('rows')}/{self._where('cols')}: the grid needs at least 2 squares")


class BoxNet(SymbolicTask):
    name = "boxnet"
    split = "seen"
    description = "Coordinate one agent per grid square to push coloured boxes onto matching targets."
    answer_mode = "any_valid"
    version = 2
    display_name = "BoxNet"
    paper_order = 4
    family = "planning"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = BoxNetConfig
    presets = {
        1: BoxNetConfig(rows=(1, 1), cols=(2, 2), colours=(2, 3), boxes_per_colour=(1, 1)),
        2: BoxNetConfig(rows=(2, 2), cols=(2, 2), colours=(3, 3), boxes_per_colour=(1, 1)),
        3: BoxNetConfig(rows=(2, 2), cols=(2, 3), colours=(5, 5), boxes_per_colour=(1, 3)),
        4: BoxNetConfig(rows=(2, 2), cols=(4, 4), colours=(5, 5), boxes_per_colour=(1, 3), budget="double"),
        5: BoxNetConfig(rows=(4, 4), cols=(4, 8), colours=(5, 6), boxes_per_colour=(2, 3), budget="plus_one"),
    }

    def generate(self, rng: random.Random, config: BoxNetConfig, index: int) -> dict:
        slots = SlotFilter(index)
        while True:
            params = self._draw(rng, config)
            if params["rows"] * params["cols"] > 2 or slots.accepts((params["rows"], params["cols"], params["boxes"], params["targets"])):
                break  # only the 1x2 grids are a small family
        ref = len(reference_plan(params))
        params["reference_steps"] = ref
        params["budget"] = {"none": None, "double": 2 * ref, "plus_one": ref + 1}[config.budget]
        return params

    def _draw(self, rng: random.Random, config: BoxNetConfig) -> dict:
        for _ in range(100):
            rows, cols = rng.randint(*config.rows), rng.randint(*config.cols)
            if rows * cols >= 2:
                break
        else:
            raise GenerationError(f"boxnet: no grid with at least 2 squares for {config}")
        picked = sorted(rng.sample(range(len(COLOURS)), rng.randint(*config.colours)))
        boxes, targets = [], []
        for k in picked:
            for _ in range(rng.randint(*config.boxes_per_colour)):
                boxes.append([COLOURS[k], rng.randrange(rows), rng.randrange(cols)])
                targets.append([COLOURS[k], rng.randrange(rows), rng.randrange(cols)])
        return {"rows": rows, "cols": cols, "boxes": boxes, "targets": targets, "budget_rule": config.budget}

    def solve(self, params: dict) -> str:
        return json.dumps(reference_plan(params))

    # ------------------------------------------------------------------ prompt
    def question(self, params: dict) -> str:
        rows, cols = params["rows"], params["cols"]
        items: dict[Square, list[str]] = {}
        for col, r, c in params["boxes"]:
            items.setdefault((r, c), []).append(f"box_{col}")
        for col, r, c in params["targets"]:
            items.setdefault((r, c), []).append(f"target_{col}")
        lines = []
        for r in range(rows):
            for c in range(cols):
                here = sorted(items.get((r, c), []))
                actions = []
                for box in sorted({i for i in here if i.startswith("box_")}):
                    colour = box[4:]
                    if f"target_{colour}" in here:
                        actions.append(f"move({box}, target_{colour})")
                    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                        nr, nc = r + dr, c + dc
                        if 0 <= nr < rows and 0 <= nc < cols:
                            actions.append(f"move({box}, {square_name((nr, nc))})")
                lines.append(
                    f"{agent_name((r, c))}: I am in {square_name((r, c))}, I can observe {here}, "
                    f"I can do {actions}"
                )
        budget = params["budget"]
        limit = (
            f"The plan must finish within {budget} steps (at most {budget} entries in the list).\n"
            if budget is not None
            else "Try to be efficient: use as few steps as you can.\n"
        )
        return (
            f"You coordinate the agents of a {rows}x{cols} grid of squares. Each square is named by its centre, "
            f"square[x, y] with x = row + 0.5 (rows 0..{rows - 1}) and y = column + 0.5 (columns 0..{cols - 1}); "
            "there is one agent per square, named Agent[x, y] after its square. Squares hold coloured boxes "
            "(box_<colour>) and targets (target_<colour>); every box must end on a target of its own colour.\n"
            "Rules:\n"
            "- In one step each agent does at most one action, and only on a box that is in its own square:\n"
            "  move(box_<colour>, square[x, y]) pushes the box to a neighbouring square (up, down, left or right: "
            "the centres differ by exactly 1 in one coordinate), or\n"
            "  move(box_<colour>, target_<colour>) puts the box on a target of the same colour in the same square; "
            "the box and that target then disappear.\n"
            "- All actions of a step happen at the same time and are checked against the state at the start of the "
            "step: a box pushed into a square can be acted on from the next step only.\n"
            "- The task is done when no box is left. Any invalid action makes the whole plan fail.\n"
            f"{limit}\n"
            "Current state, one line per agent:\n" + "\n".join(lines) + "\n\n"
            "Answer with a JSON list of steps; each step is a JSON object that maps agent names to their actions "
            "(agents not named stay idle). Use double quotes and give each agent at most once per step.\n"
            "Return your final answer as <<<[...]>>>, for example:\n"
            f"<<<{self._example(params)}>>>"
        )

    def _example(self, params: dict) -> str:
        """The format example; never one that solves this instance (rare on a 1x2 grid)."""
        for example in _EXAMPLES:
            if not self.check(params, example).correct:
                return example
        raise GenerationError("boxnet: every format example solves this instance")  # cannot happen: they exclude each other

    # ------------------------------------------------------------------ verify
    def check(self, params: dict, answer: str) -> Verdict:
        try:
            plan = parse_json(answer)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not valid JSON: {exc}")
        if not isinstance(plan, list):
            return Verdict.bad_format("the answer must be a JSON list of steps")
        if len(plan) > _MAX_STEPS:
            return Verdict.bad_format(f"too many steps ({len(plan)})")
        # First the shape of every key and action (a malformed step anywhere is a format
        # error, whatever comes before it); their parts are kept for the simulation. A plan
        # names the same agents and actions again and again, so each text is read once.
        parsed: list[list[tuple[str, tuple, tuple]]] = []
        agents: dict[str, tuple] = {}
        moves: dict[str, tuple] = {}
        for k, step in enumerate(plan, 1):
            if not isinstance(step, dict):
                return Verdict.bad_format(f"step {k}: each step must be a JSON object mapping agents to actions")
            actions = []
            for key, action in step.items():
                g = agents.get(key)
                if g is None:
                    m = _AGENT_RE.fullmatch(key)
                    if not m:
                        return Verdict.bad_format(f"step {k}: malformed agent name {short(key)}")
                    g = agents[key] = m.groups()
                a = moves.get(action) if isinstance(action, str) else None
                if a is None:
                    m = _ACTION_RE.fullmatch(action) if isinstance(action, str) else None
                    if not m:
                        return Verdict.bad_format(f"step {k}: malformed action {short(action)} for {short(key)}")
                    a = moves[action] = m.groups()
                actions.append((key, g, a))
            parsed.append(actions)
        budget = params["budget"]
        if budget is not None and len(plan) > budget:
            return Verdict.fail(f"the plan has {len(plan)} steps; at most {budget} are allowed")
        rows, cols = params["rows"], params["cols"]
        # (square, colour) -> count; plain dicts (a missing key counts 0), cheaper than Counters
        boxes: dict = {}
        for col, r, c in params["boxes"]:
            boxes[((r, c), col)] = boxes.get(((r, c), col), 0) + 1
        targets: dict = {}
        for col, r, c in params["targets"]:
            targets[((r, c), col)] = targets.get(((r, c), col), 0) + 1
        cells: dict[tuple[str, str], Square | None] = {}

        def centre(x: str, y: str) -> Square | None:
            try:
                return cells[(x, y)]
            except KeyError:
                sq = cells[(x, y)] = _centre(x, y, rows, cols)
                return sq

        for k, actions in enumerate(parsed, 1):
            seen: set[Square] = set()
            removed: dict = {}
            added: dict = {}
            used_targets: dict = {}
            for key, (ax, ay), a in actions:
                sq = centre(ax, ay)
                if sq is None:
                    return Verdict.fail(f"step {k}: {short(key)} is not an agent of the {rows}x{cols} grid")
                if sq in seen:
                    return Verdict.fail(f"step {k}: {agent_name(sq)} is given more than one action")
                seen.add(sq)
                colour, x, y, target = a
                here = (sq, colour)
                if boxes.get(here, 0) - removed.get(here, 0) <= 0:
                    return Verdict.fail(f"step {k}: there is no box_{colour} in {square_name(sq)} at the start of the step")
                if target is not None:
                    if target != colour:
                        return Verdict.fail(f"step {k}: box_{colour} cannot go on target_{target}")
                    if targets.get(here, 0) - used_targets.get(here, 0) <= 0:
                        return Verdict.fail(f"step {k}: there is no target_{colour} in {square_name(sq)}")
                    used_targets[here] = used_targets.get(here, 0) + 1
                else:
                    dest = centre(x, y)
                    if dest is None:
                        return Verdict.fail(f"step {k}: square[{x}, {y}] is not a square of the {rows}x{cols} grid")
                    if abs(dest[0] - sq[0]) + abs(dest[1] - sq[1]) != 1:
                        return Verdict.fail(f"step {k}: {square_name(dest)} is not a neighbour of {square_name(sq)}")
                    added[(dest, colour)] = added.get((dest, colour), 0) + 1
                removed[here] = removed.get(here, 0) + 1
            for item, n in removed.items():
                boxes[item] = boxes.get(item, 0) - n
            for item, n in added.items():
                boxes[item] = boxes.get(item, 0) + n
            for item, n in used_targets.items():
                targets[item] = targets.get(item, 0) - n
        left = sum(n for n in boxes.values() if n > 0)
        if left:
            return Verdict.fail(f"{left} box(es) are not on a target after the last step")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        boxes = params["boxes"]
        return len(boxes) + params["reference_steps"] + params["rows"] * params["cols"] / 4
