"""light_puzzles (seen): press buttons that toggle lights on a grid, report the final grid.

Rules (TASKS.md 16). An n x n grid of lights is given (1 = on, 0 = off). Buttons A, B, ...
each control a listed set of distinct cells, written as 1-based ``(row, column)`` pairs.
Pressing a button toggles every light it controls (on becomes off, off becomes on).
The buttons are pressed one per round, in the given order; a button may be pressed
several times.

Answer: the final grid flattened row by row (row 1 left to right, then row 2, ...) as
n*n comma-separated values ``0``/``1``; spaces and one pair of outer brackets are allowed.

Choices made here (the catalogue leaves them open):

* The initial grid is uniformly random; each button controls between 2 and floor(n*n/2)
  distinct cells (as in the original); presses are uniformly random among the buttons.
* With ``require_repeat`` (level 5) at least one button is pressed twice or more, so its
  effect has to be undone or combined correctly; and every button is pressed at least once.
* The simulation is deterministic, so the answer is unique and compared exactly; the
  verifier names the first wrong cell.
* Level 1 is a tiny family: a 2x2 grid with one button pressed once has only 96
  different questions. It takes 2x2 or 3x3 grids (TASKS.md: 2x2), still one button and
  one press, and grids up to 3x3 are drawn by slot of (grid, buttons, presses)
  (``_distinct``), so a level's first 100 instances are 100 different puzzles.
* ``size`` is the number of toggles performed plus the number of cells.

Original defects avoided: the question says that a press toggles and that coordinates
are 1-based (row, column).

Validity (the registry-wide checks hold it): Answers are light grids, with many
different references per level, so there is no answer class to balance. Distinct
instances: Drawn by slot (see above), so a level's first 100 instances are 100 different
puzzles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

NAMES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MAX_ATTEMPTS = 200


def simulate(params: dict) -> list[list[int]]:
    grid = [list(row) for row in params["grid"]]
    cells = {b["name"]: b["cells"] for b in params["buttons"]}
    for name in params["presses"]:
        for r, c in cells[name]:
            grid[r - 1][c - 1] ^= 1
    return grid


@dataclass(frozen=True)
class LightPuzzlesConfig(TaskConfig):
    size: tuple[int, int] = (4, 4)
    buttons: tuple[int, int] = (2, 3)
    presses: tuple[int, int] = (3, 3)
    require_repeat: bool = False

    def validate(self) -> None:
        self.require_range("size", 2, 30)
        buttons = self.require_range("buttons", 1, len(NAMES))
        presses = self.require_range("presses", 1, 500)
        repeat = self.require_bool("require_repeat")
        if repeat and presses[0] < buttons[1] + 1:
            raise ValueError(
                "LightPuzzlesConfig.presses must allow every button once plus a repeat when require_repeat is set, "
                f"got presses={presses} with buttons={buttons}"
            )


class LightPuzzles(SymbolicTask):
    name = "light_puzzles"
    split = "seen"
    description = "Toggle grid lights with buttons pressed in sequence and report the final grid."
    answer_mode = "unique"
    version = 2
    display_name = "Light Puzzles"
    paper_order = 16
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = LightPuzzlesConfig
    presets = {
        1: LightPuzzlesConfig(size=(2, 3), buttons=(1, 1), presses=(1, 1)),
        2: LightPuzzlesConfig(size=(3, 3), buttons=(2, 2), presses=(2, 2)),
        3: LightPuzzlesConfig(size=(4, 4), buttons=(2, 3), presses=(3, 3)),
        4: LightPuzzlesConfig(size=(5, 5), buttons=(3, 3), presses=(4, 4)),
        5: LightPuzzlesConfig(size=(6, 7), buttons=(4, 5), presses=(8, 12), require_repeat=True),
    }

    def generate(self, rng: random.Random, config: LightPuzzlesConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            n = rng.randint(*config.size)
            k = rng.randint(*config.buttons)
            m = rng.randint(*config.presses)
            grid = [[rng.randint(0, 1) for _ in range(n)] for _ in range(n)]
            everything = [[r, c] for r in range(1, n + 1) for c in range(1, n + 1)]
            buttons = []
            for i in range(k):
                count = rng.randint(2, max(2, n * n // 2))
                cells = sorted(rng.sample(everything, count))
                buttons.append({"name": NAMES[i], "cells": cells})
            names = [b["name"] for b in buttons]
            if config.require_repeat:
                presses = names + [rng.choice(names) for _ in range(m - k)]
                rng.shuffle(presses)
            else:
                presses = [rng.choice(names) for _ in range(m)]
            if config.require_repeat and len(set(presses)) == len(presses):
                continue
            if n <= 3 and not slots.accepts((grid, buttons, presses)):  # larger grids: a large space
                continue
            return {"size": n, "grid": grid, "buttons": buttons, "presses": presses}
        raise GenerationError(f"light_puzzles: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    def solve(self, params: dict) -> str:
        return ",".join(str(v) for row in simulate(params) for v in row)

    def question(self, params: dict) -> str:
        n = params["size"]
        grid = "\n".join(" ".join(str(v) for v in row) for row in params["grid"])
        buttons = "\n".join(
            f"Button {b['name']} controls the lights at " + ", ".join(f"({r}, {c})" for r, c in b["cells"]) + "."
            for b in params["buttons"]
        )
        rounds = "\n".join(f"Round {i}: press button {name}." for i, name in enumerate(params["presses"], 1))
        answer = self.solve(params)
        example = ",".join("1" if i % 3 == 0 else "0" for i in range(n * n))
        if example == answer:
            example = ",".join("0" if i % 3 == 0 else "1" for i in range(n * n))
        return (
            f"There is a {n} x {n} grid of lights; 1 means the light is on and 0 means it is off. "
            "Initial state (row 1 at the top, column 1 on the left):\n"
            f"{grid}\n\n"
            "Each button controls a set of lights, given as (row, column) positions counted from 1. Pressing a "
            "button toggles every light it controls: a light that is on turns off and a light that is off turns on.\n"
            f"{buttons}\n\n"
            "The buttons are pressed in this order, one per round:\n"
            f"{rounds}\n\n"
            "What is the state of the grid after the last round? Return your final answer as <<<...>>>: the "
            f"{n * n} values 0/1 of the final grid, row by row from the top (each row left to right), separated "
            f"by commas. For example: <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        n = params["size"]
        if len(answer) > 20 * n * n + 100:
            return Verdict.bad_format("answer is far too long")
        try:
            items = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(f"answer is not a comma-separated list of 0/1 values: {exc}")
        if len(items) != n * n:
            return Verdict.bad_format(f"expected {n * n} values, got {len(items)}")
        for i, item in enumerate(items):
            if item not in ("0", "1"):
                return Verdict.bad_format(f"value {i + 1} must be 0 or 1, got {short(item)}")
        final = simulate(params)
        for i, item in enumerate(items):
            r, c = divmod(i, n)
            if int(item) != final[r][c]:
                return Verdict.fail(f"wrong light at row {r + 1}, column {c + 1}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        cells = {b["name"]: len(b["cells"]) for b in params["buttons"]}
        return sum(cells[p] for p in params["presses"]) + params["size"] ** 2
