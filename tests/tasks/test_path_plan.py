import pytest

from symbench.contract import GenerationError
from symbench.registry import get_task

TASK = get_task("path_plan")
pp = __import__("symbench.tasks.path_plan", fromlist=["x"])

# The original's example layout 1 with its instruction #5 (enter green and yellow, avoid pink).
COLOURS = ["yellow", "red", "green", "blue", "pink", "purple", "orange"]
BOXES = [
    ["-1.0", "-0.7", "-0.25", "0.5"],
    ["0.0", "0.9", "-1.0", "-0.5"],
    ["0.2", "0.7", "0.8", "1.2"],
    ["-0.5", "0.5", "-0.5", "0.5"],
    ["-1.2", "0.0", "0.6", "0.9"],
    ["-1.0", "-0.5", "-1.3", "-0.9"],
    ["0.6", "1.2", "-0.5", "0.5"],
]
PARAMS = {
    "colours": COLOURS,
    "boxes": BOXES,
    "start": ["-1.3", "-1.3"],
    "end": ["1.3", "1.3"],
    "visit": ["green", "yellow"],
    "avoid": ["pink"],
    "avoid_all_others": False,
    "ordered": False,
    "max_waypoints": 100,
    "min_gap": 0.1,
}
# Worked by hand: (-0.85, 0) lies inside yellow (x in [-1, -0.7], y in [-0.25, 0.5]); the segment
# (-0.85, 0) -> (0.1, 0.55) stays below y = 0.6, so it misses pink (it crosses blue, which is free);
# (0.1, 0.55) -> (0.45, 1.0) keeps x > 0 (pink ends at x = 0) and crosses y = 0.8 at x = 0.294,
# inside green's [0.2, 0.7]; all waypoints are strictly inside the walls.
HAND = "[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]"


def _ok(params, answer):
    return TASK.verify({"params": params}, f"<<<{answer}>>>")


def test_hand_worked_path_and_reference():
    assert _ok(PARAMS, HAND).correct
    ref = TASK.solve(PARAMS)
    assert ref != HAND and _ok(PARAMS, ref).correct
    # format variants: brackets for pairs, no outer brackets, spacing, trailing zeros
    assert _ok(PARAMS, "[[-1.3,-1.3],[-0.85,0],[0.1,0.55],[0.45,1],[1.3,1.3]]").correct
    assert _ok(PARAMS, "(-1.30, -1.300), (-0.85, 0), (.1, .55), (0.45, 1.0), (+1.3, 1.3)").correct


def test_touching_counts_exactly():
    # ending a segment exactly on pink's corner (0, 0.6) enters pink ...
    corner = "[(-1.3, -1.3), (-0.85, 0.0), (0.0, 0.6), (0.45, 1.0), (1.3, 1.3)]"
    verdict = _ok(PARAMS, corner)
    assert not verdict.correct and "segment 2" in verdict.reason and "pink" in verdict.reason
    # ... while 0.001 to the right it passes below the corner (y = 0.59929 at x = 0)
    assert _ok(PARAMS, "[(-1.3, -1.3), (-0.85, 0.0), (0.001, 0.6), (0.45, 1.0), (1.3, 1.3)]").correct
    # running along pink's lower edge y = 0.6 is touching it
    edge = "[(-1.3, -1.3), (-0.85, 0.0), (-0.6, 0.6), (0.1, 0.6), (0.45, 1.0), (1.3, 1.3)]"
    assert "pink" in _ok(PARAMS, edge).reason
    # grazing green at its corner (0.2, 0.8) counts as entering it
    graze = "[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (0.2, 0.8), (1.3, 1.3)]"
    assert _ok(PARAMS, graze).correct


@pytest.mark.parametrize(
    "answer, reason",
    [
        ("[(-1.3, -1.2999), (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]", "not the start"),
        # equal to -1.3 as a float, but not as an exact decimal
        ("[(-1.3000000000000001, -1.3), (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]", "not the start"),
        ("[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0)]", "not the end"),
        ("[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (1.4, 1.0), (1.3, 1.3)]", "segment 3 from (0.1, 0.55) to (1.4, 1) touches a wall"),
        ("[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (1.3, 0.55), (1.3, 1.3)]", "never enters the green"),
        ("[(-1.3, -1.3), (-0.85, 0.0), (-0.5, 0.75), (0.45, 1.0), (1.3, 1.3)]", "segment 2 from (-0.85, 0) to (-0.5, 0.75) enters the pink box"),
        ("[(-1.3, -1.3) (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]", "expected ','"),
        ("[-1.3, -1.3, -0.85, 0.0, 0.1, 0.55, 0.45, 1.0, 1.3, 1.3]", "malformed"),
        ("[(-1.3, -1.3), (-8.5e-1, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]", "malformed"),
        ("[(-1.3, -1.3), (-17/20, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3)]", "malformed"),
        ("[(-1.3, -1.3), (-0.85, 0.0), (0.1, 0.55), (0.45, 1.0), (1.3, 1.3),]", "malformed"),
        ("[(-1.3, -1.3), (-0.850000000000000000001, 0.0), (1.3, 1.3)]", "longer than 20"),
        ("[(-1.3, -1.3)]", "at least two"),
    ],
)
def test_near_misses_rejected(answer, reason):
    verdict = _ok(PARAMS, answer)
    assert not verdict.correct
    assert reason in verdict.reason, verdict.reason


def test_order_and_waypoint_limit():
    ordered = dict(PARAMS, ordered=True, visit=["green", "yellow"])
    verdict = _ok(ordered, HAND)
    assert not verdict.correct and "enters the yellow box before the green box" in verdict.reason
    assert _ok(dict(PARAMS, ordered=True, visit=["yellow", "green"]), HAND).correct
    assert "more than 4 waypoints" in _ok(dict(PARAMS, max_waypoints=4), HAND).reason
    # the planner respects the order too (yellow first is the natural route; green first is not)
    for visit in (["yellow", "green"], ["green", "yellow"]):
        params = dict(PARAMS, ordered=True, visit=visit, max_waypoints=12)
        assert _ok(params, TASK.solve(params)).correct


def test_unsolvable_layout_is_refused():
    # two avoided boxes that meet wall to wall seal the start in the lower-left corner
    params = dict(
        PARAMS,
        colours=["red", "blue", "green"],
        boxes=[["-1.4", "-0.8", "-0.9", "-0.8"], ["-0.9", "-0.8", "-1.4", "-0.8"], ["0.5", "0.9", "0.5", "0.9"]],
        visit=["green"],
        avoid=["red", "blue"],
    )
    with pytest.raises(GenerationError):
        TASK.solve(params)
    with pytest.raises(GenerationError):
        TASK.instance(1, 0, 0, overrides={"boxes": (3, 3), "side": (1.5, 1.5)})


def _gap(a, b):
    return max(max(b[0] - a[1], a[0] - b[1]), max(b[2] - a[3], a[2] - b[3]))


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_generated_layouts_follow_the_spec(level):
    config = TASK.presets[level]
    for index in range(6):
        inst = TASK.instance(level, seed=4, index=index)
        p = inst.params
        boxes = [[float(v) for v in b] for b in p["boxes"]]
        assert config.boxes[0] <= len(boxes) <= config.boxes[1]
        for i, b in enumerate(boxes):
            assert -1.4 <= b[0] < b[1] <= 1.4 and -1.4 <= b[2] < b[3] <= 1.4
            assert 0.2 - 1e-9 <= b[1] - b[0] <= 1.0 + 1e-9 and 0.2 - 1e-9 <= b[3] - b[2] <= 1.0 + 1e-9
            for other in boxes[i + 1 :]:
                assert _gap(b, other) >= p["min_gap"] - 1e-9
        for point in (p["start"], p["end"]):
            x, y = map(float, point)
            assert abs(x) <= 1.35 and abs(y) <= 1.35
            assert all(_gap([x, x, y, y], b) >= 0.05 - 1e-9 for b in boxes)
        assert not set(p["visit"]) & set(p["avoid"])
        if level == 3:
            assert (tuple(p["visit"]), None if p["avoid_all_others"] else tuple(p["avoid"])) in pp.TEMPLATES
        if level == 4:
            assert sorted(p["visit"] + p["avoid"]) == sorted(p["colours"]) and p["avoid_all_others"]
        if level == 5:
            assert p["ordered"] and 4 <= len(p["visit"]) <= 5 and len(p["avoid"]) >= 2
            assert inst.answer.count("(") <= 12 and "at most 12 waypoints" in inst.question
        # the straight line is never enough; the reference always is
        straight = f"[({p['start'][0]}, {p['start'][1]}), ({p['end'][0]}, {p['end'][1]})]"
        assert not TASK.check(p, straight).correct
        assert TASK.check(p, inst.answer).correct
