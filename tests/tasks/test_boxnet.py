import json

import pytest

from symbench.registry import get_task

TASK = get_task("boxnet")

# 1x2 grid. square[0.5, 0.5] holds box_red; square[0.5, 1.5] holds box_blue, target_blue, target_red.
# By hand: step 1, the left agent pushes red right while the right agent matches blue (both act on the
# state at the start of the step); step 2, the right agent puts the red box on target_red. Two steps.
PARAMS = {
    "rows": 1,
    "cols": 2,
    "boxes": [["red", 0, 0], ["blue", 0, 1]],
    "targets": [["red", 0, 1], ["blue", 0, 1]],
    "budget_rule": "none",
    "reference_steps": 2,
    "budget": None,
}
A00, A01 = "Agent[0.5, 0.5]", "Agent[0.5, 1.5]"
PUSH = "move(box_red, square[0.5, 1.5])"


def _plan(*steps):
    return json.dumps(list(steps))


def test_hand_worked_reference():
    ref = _plan({A00: PUSH, A01: "move(box_blue, target_blue)"}, {A01: "move(box_red, target_red)"})
    assert TASK.solve(PARAMS) == ref
    assert TASK.check(PARAMS, ref).correct
    assert "I can do ['move(box_red, square[0.5, 1.5])']" in TASK.question(PARAMS)


def test_other_valid_plans_accepted():
    slow = _plan({A01: "move(box_blue, target_blue)"}, {}, {A00: PUSH}, {A01: "move(box_red, target_red)"})
    assert TASK.check(PARAMS, slow).correct
    compact = '[{"Agent[0.5,0.5]":"move(box_red,square[0.5,1.5])","Agent[0.5,1.5]":"move(box_blue,target_blue)"},' \
              '{"Agent[0.5,1.5]":"move( box_red , target_red )"}]'
    assert TASK.check(PARAMS, compact).correct
    # with a budget of 2 the slow plan is rejected, the two-step one accepted
    tight = dict(PARAMS, budget=2)
    assert not TASK.check(tight, slow).correct
    assert "at most 2" in TASK.check(tight, slow).reason
    assert TASK.check(tight, compact).correct


def test_simultaneous_swap_is_legal():
    params = dict(PARAMS, boxes=[["red", 0, 0], ["blue", 0, 1]], targets=[["red", 0, 1], ["blue", 0, 0]])
    swap = _plan({A00: PUSH, A01: "move(box_blue, square[0.5, 0.5])"},
                 {A00: "move(box_blue, target_blue)", A01: "move(box_red, target_red)"})
    assert TASK.check(params, swap).correct
    assert len(json.loads(TASK.solve(params))) == 2


@pytest.mark.parametrize(
    "answer, reason",
    [
        # the pushed box is not yet in the right square during the same step
        (_plan({A00: PUSH, A01: "move(box_red, target_red)"}, {A01: "move(box_blue, target_blue)"}), "step 1: there is no box_red"),
        (_plan({A00: "move(box_red, square[0.5, -0.5])"}), "not a square"),
        (_plan({A00: "move(box_red, square[0.5, 2.5])"}), "not a square"),
        (_plan({A00: "move(box_red, square[0.5, 0.5])"}), "not a neighbour"),
        (_plan({A01: "move(box_blue, target_red)"}), "cannot go on target_red"),
        (_plan({A00: "move(box_red, target_red)"}), "no target_red"),
        (_plan({"Agent[0.5, 2.5]": PUSH}), "not an agent"),
        (_plan({"Agent[-0.5, 0.5]": PUSH}), "not an agent"),
        (_plan({"agent 1": PUSH}), "malformed agent"),
        (_plan({A00: "push(box_red, right)"}), "malformed action"),
        (_plan({A00: None}), "malformed action"),
        ('[{"Agent[0.5, 1.5]": "move(box_blue, target_blue)", "Agent[0.5,1.5]": "move(box_blue, target_blue)"}]', "more than one action"),
        ('[{"Agent[0.5, 1.5]": "move(box_blue, target_blue)", "Agent[0.5, 1.5]": "move(box_blue, target_blue)"}]', "duplicate key"),
        ("[{'Agent[0.5, 0.5]': 'move(box_red, square[0.5, 1.5])'}]", "not valid JSON"),
        (_plan({A00: PUSH, A01: "move(box_blue, target_blue)"}), "not on a target"),
        ('{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])"}', "list of steps"),
        ('[["Agent[0.5, 0.5]", "move(box_red, square[0.5, 1.5])"]]', "JSON object"),
        # one action per agent per step: the blue box is gone after step 1, so a second match fails
        (_plan({A01: "move(box_blue, target_blue)"}, {A01: "move(box_blue, target_blue)"}), "step 2: there is no box_blue"),
    ],
)
def test_near_misses_rejected(answer, reason):
    verdict = TASK.verify({"params": PARAMS}, f"<<<{answer}>>>")
    assert not verdict.correct
    assert reason in verdict.reason, verdict.reason


def test_budgets_follow_the_level_table():
    for level, rule in ((3, None), (4, lambda n: 2 * n), (5, lambda n: n + 1)):
        for index in range(5):
            inst = TASK.instance(level, seed=2, index=index)
            p = inst.params
            assert len(json.loads(inst.answer)) == p["reference_steps"]
            assert p["budget"] == (None if rule is None else rule(p["reference_steps"]))
            if p["budget"] is not None:
                assert f"within {p['budget']} steps" in inst.question
                padded = json.loads(inst.answer) + [{}] * (p["budget"] - p["reference_steps"] + 1)
                assert not TASK.check(p, json.dumps(padded)).correct
    p5 = TASK.instance(5, seed=0, index=0).params
    assert p5["rows"] == 4 and 4 <= p5["cols"] <= 8
    counts = {}
    for col, _, _ in p5["boxes"]:
        counts[col] = counts.get(col, 0) + 1
    assert 5 <= len(counts) <= 6 and all(2 <= n <= 3 for n in counts.values())


def test_format_example_never_solves_the_instance():
    # blue box left, red box right, both targets right: the usual example plan would solve it.
    params = dict(PARAMS, boxes=[["blue", 0, 0], ["red", 0, 1]], targets=[["red", 0, 1], ["blue", 0, 1]])
    usual = ('[{"Agent[0.5, 0.5]": "move(box_blue, square[0.5, 1.5])", "Agent[0.5, 1.5]": "move(box_red, target_red)"}, '
             '{"Agent[0.5, 1.5]": "move(box_blue, target_blue)"}]')
    assert TASK.check(params, usual).correct
    example = TASK.question(params).rsplit("<<<", 1)[1].split(">>>")[0]
    assert example != usual and not TASK.check(params, example).correct
    assert usual in TASK.question(PARAMS)


def test_centres_are_read_exactly_as_decimal_numbers():
    # The verifier reads a centre from its digits; every spelling the action syntax admits
    # must give the cell that exact decimal arithmetic gives (k + 0.5 inside the grid).
    import itertools
    import re
    from fractions import Fraction

    from symbench.tasks.boxnet import _NUM, _centre

    def by_fractions(x, y, rows, cols):
        fx, fy = Fraction(x) - Fraction(1, 2), Fraction(y) - Fraction(1, 2)
        if fx.denominator != 1 or fy.denominator != 1:
            return None
        r, c = int(fx), int(fy)
        return (r, c) if 0 <= r < rows and 0 <= c < cols else None

    wholes = ["0", "00", "1", "01", "2", "3", "10", "000003"]
    fracs = ["", ".5", ".50", ".500000", ".05", ".55", ".0", ".4", ".6", ".25", ".499999", ".500001"]
    numbers = [s + w + f for s, w, f in itertools.product(["", "+", "-"], wholes, fracs)]
    assert all(re.fullmatch(_NUM, n) for n in numbers)
    for x, y in itertools.product(numbers, ["0.5", "1.5", "-0.5", "+2.50", "3.5", "1"]):
        for rows, cols in ((1, 2), (4, 8), (11, 11)):
            assert _centre(x, y, rows, cols) == by_fractions(x, y, rows, cols), (x, y, rows, cols)
