from symbench.registry import get_task
from symbench.tasks.light_puzzles import simulate

TASK = get_task("light_puzzles")

# Worked out by hand. Grid 1 0 / 0 1. A = {(1,1), (1,2)}, B = {(1,2), (2,2)}; presses A, B, A.
#  (1,1): toggled by A twice -> stays 1
#  (1,2): A twice and B once -> toggled once: 0 -> 1
#  (2,1): never touched -> 0
#  (2,2): B once: 1 -> 0
HAND = {
    "size": 2,
    "grid": [[1, 0], [0, 1]],
    "buttons": [{"name": "A", "cells": [[1, 1], [1, 2]]}, {"name": "B", "cells": [[1, 2], [2, 2]]}],
    "presses": ["A", "B", "A"],
}


def test_hand_worked():
    assert TASK.solve(HAND) == "1,1,0,0"
    assert TASK.check(HAND, "1,1,0,0").correct
    q = TASK.question(HAND)
    assert "toggles" in q and "(1, 2)" in q and "Round 3: press button A." in q


def test_format_variants_accepted():
    inst = {"params": HAND}
    for text in ("1,1,0,0", "1, 1, 0, 0", "[1, 1, 0, 0]", "'1,1,0,0'", "(1,1,0,0)", "1,1,\n0,0"):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text


def test_near_misses_rejected():
    inst = {"params": HAND}
    for text in ("1,1,0,1", "0,1,0,0", "1,1,0", "1,1,0,0,0", "1 1 0 0", "1100", "[[1,1],[0,0]]", "1,1,0,2", "1,1,0,0.0"):
        assert not TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert "row 2, column 2" in TASK.check(HAND, "1,1,0,1").reason


def test_toggle_not_set():
    # pressing the same button twice restores the grid (toggle semantics, not "switch on")
    params = dict(HAND, presses=["B", "B"])
    assert simulate(params) == HAND["grid"]


def test_generated_levels_follow_the_table():
    for level in (1, 3, 5):
        cfg = TASK.presets[level]
        for i in range(5):
            p = TASK.instance(level, seed=0, index=i).params
            n = p["size"]
            assert cfg.size[0] <= n <= cfg.size[1]
            assert cfg.buttons[0] <= len(p["buttons"]) <= cfg.buttons[1]
            assert cfg.presses[0] <= len(p["presses"]) <= cfg.presses[1]
            for b in p["buttons"]:
                cells = [tuple(c) for c in b["cells"]]
                assert len(set(cells)) == len(cells) and 2 <= len(cells) <= max(2, n * n // 2)
                assert all(1 <= r <= n and 1 <= c <= n for r, c in cells)
            if cfg.require_repeat:
                assert len(set(p["presses"])) < len(p["presses"])
                assert set(p["presses"]) == {b["name"] for b in p["buttons"]}
