import random

import pytest

from symbench.registry import get_task
from symbench.tasks.pattern_recognition import _draw_decoy, uniform3

TASK = get_task("pattern_recognition")

# Worked by hand: the A block fills rows 1-3, columns 1-3 (0-based). It cannot grow: row 0
# (ABCD), row 4 (FGHA), column 0 (BCDE) and column 4 (ECDE) all break it. Bottom-right: [3, 3].
HAND = {
    "grid": ["ABCDEF", "BAAACD", "CAAADE", "DAAAEF", "EFGHAB", "FGHABC"],
    "square": 3,
    "alphabet": 8,
    "decoys": 0,
}

# A 4x4 block of Q at rows 2-5, columns 1-4: its 3x3 sub-squares are not answers.
BIG = {
    "grid": [
        "ABCDEFGH",
        "HGFEDCBA",
        "AQQQQBCD",
        "BQQQQCDE",
        "CQQQQDEF",
        "DQQQQEFG",
        "EFGHABCD",
        "FGHABCDE",
    ],
    "square": 4,
    "alphabet": 9,
    "decoys": 0,
}


def test_hand_worked_instances():
    assert TASK.solve(HAND) == "[3, 3]"
    assert TASK.check(HAND, "[3, 3]").correct
    assert TASK.solve(BIG) == "[5, 4]"
    assert not TASK.check(BIG, "[4, 3]").correct  # bottom-right of a 3x3 sub-square
    assert not TASK.check(BIG, "[4, 4]").correct


@pytest.mark.parametrize("text", ["[3, 3]", "[3,3]", "[ 3 , 3 ]", "(3, 3)", "3, 3", "'[3, 3]'"])
def test_format_variants_accepted(text):
    assert TASK.verify({"params": HAND}, f"<<<{text}>>>").correct, text


@pytest.mark.parametrize(
    "text",
    ["[3, 2]", "[2, 3]", "[1, 1]", "[4, 4]", "[3]", "[3, 3, 3]", "[3.0, 3]", "[-3, 3]", "[3 3]", "row 3, column 3", "[[3, 3]]",
     "[\u0663, \u0663]", "[\uff13, \uff13]"],  # Arabic-Indic and full-width 3: not ASCII integers
)
def test_near_misses_rejected(text):
    verdict = TASK.verify({"params": HAND}, f"<<<{text}>>>")
    assert not verdict.correct, text
    assert verdict.reason


def _maximal_squares(grid):
    """Brute force, independent of the task code: every one-letter square of side >= 3 that
    is not inside a larger one."""
    rows, cols = len(grid), len(grid[0])
    found = []
    for r in range(rows):
        for c in range(cols):
            s = 3
            while r + s <= rows and c + s <= cols and len({grid[r + a][c + b] for a in range(s) for b in range(s)}) == 1:
                found.append((r, c, s))
                s += 1
    return [
        (r, c, s)
        for (r, c, s) in found
        if not any((r2, c2, s2) != (r, c, s) and r2 <= r and c2 <= c and r + s <= r2 + s2 and c + s <= c2 + s2 for (r2, c2, s2) in found)
    ]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_generated_instances_have_exactly_one_maximal_square(level):
    for i in range(6 if level < 5 else 3):
        inst = TASK.instance(level, 7, i)
        maximal = _maximal_squares(inst.params["grid"])
        assert len(maximal) == 1, maximal
        r, c, s = maximal[0]
        assert s == inst.params["square"]
        assert inst.answer == f"[{r + s - 1}, {c + s - 1}]"


def test_large_decoys_hold_no_uniform_three_by_three_window():
    rng = random.Random(1)
    for k in (3, 5, 8):
        for _ in range(30):
            # background of distinct labels, so only the decoy itself could form a uniform window
            grid = [[f"{r},{c}" for c in range(20)] for r in range(20)]
            _draw_decoy(rng, grid, ["A", "B", "C", "D"], k, "large")
            painted = sum(cell in "ABCD" for row in grid for cell in row)
            assert painted >= 2 * k  # something was drawn
            assert not any(uniform3(grid, r, c) for r in range(18) for c in range(18))


def test_level_five_uses_few_letters_and_decoys():
    inst = TASK.instance(5, 0, 0)
    assert len(set("".join(inst.params["grid"]))) <= 4
    assert 4 <= inst.params["decoys"] <= 8
    assert 25 <= len(inst.params["grid"]) <= 40
