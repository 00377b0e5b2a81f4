import pytest

from symbench.registry import get_task

TASK = get_task("boxlift")
boxlift = __import__("symbench.tasks.boxlift", fromlist=["x"])

# Hand-worked greedy: boxes heaviest first [70, 50, 30], lifters 40, 20, 30.
# Step 1: 70 needs lifters 0+1+2 (40, 60, 90 >= 70); nothing is left for 50 or 30.
# Step 2: 50 takes 0+1 (40, 60 >= 50); 30 takes lifter 2 (30 >= 30). Budget = 2 steps.
PARAMS = {
    "weights": [50, 30, 70],
    "capacities": [40, 20, 30],
    "budget_rule": "greedy",
    "restarts": 0,
    "search_seed": 0,
    "budget": 2,
    "greedy_steps": 2,
}
INST = {"params": PARAMS}


def test_hand_worked_greedy():
    ref = "Step 1: [(70, [0, 1, 2])]\nStep 2: [(50, [0, 1]), (30, [2])]"
    assert TASK.solve(PARAMS) == ref
    assert TASK.check(PARAMS, ref).correct
    assert "at most 2 steps" in TASK.question(PARAMS)


def test_other_valid_plans_accepted():
    for text in [
        "Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]",  # other order
        "Step 1: [(50, [1, 0]), (30, [2])]\n\nStep 2: [(70, [2, 0, 1])]",  # index order is free
        "step 1: [[50, [0, 1]], [30, [2]]]\nSTEP 2: [[70, [0, 1, 2]]]",  # brackets, case
        "Step 1: [(50, [0, 1]), (30, [2])] Step 2: [(70, [0, 1, 2])]",  # one line
        "Step 1: [(70,[0,1,2])]\nStep 2: [(30,[2]),(50,[0,1])]",
    ]:
        verdict = TASK.verify(INST, f"<<<{text}>>>")
        assert verdict.correct, (text, verdict)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Step 1: [(50, [0]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "carry 40 < box weight 50"),
        ("Step 1: [(50, [0, 0]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "used more than once"),
        ("Step 1: [(50, [0, 1]), (30, [1])]\nStep 2: [(70, [0, 1, 2])]", "used more than once"),
        ("Step 1: [(50, [0, -1]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "not in [0, 2]"),
        ("Step 1: [(50, [0, 3]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "not in [0, 2]"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(50, [0, 1, 2])]", "already been lifted"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(60, [0, 1, 2])]", "no box of weight 60"),
        ("Step 1: [(50, [0, 1]), (30, [2])]", "not lifted"),
        ("Step 1: [(30, [0])]\nStep 2: [(70, [0, 2])]\nStep 3: [(50, [0, 1])]", "at most 2"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 3: [(70, [0, 1, 2])]", "numbered"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(70, [0, 1, 2.0])]", "integers"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(70, [0, 1, true])]", "integers"),
        ("Step 1: [(50, [0, 1]), (30, [2])]\nStep 2: (70, [0, 1, 2])", "expected a list"),
        ("Step 1: [(50, [0, 1]), (30, [2])],\nStep 2: [(70, [0, 1, 2])]", "malformed"),
        ('[{"step": 1, "box": 50, "lifters": [0, 1]}]', "no 'Step 1"),
        ("Plan:\nStep 1: [(50, [0, 1]), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "before 'Step 1'"),
        ("Step 1: [(50, []), (30, [2])]\nStep 2: [(70, [0, 1, 2])]", "no lifters"),
    ],
)
def test_near_misses_rejected_with_reason(text, reason):
    verdict = TASK.verify(INST, f"<<<{text}>>>")
    assert not verdict.correct
    assert reason in verdict.reason, verdict.reason


def test_greedy_refuses_impossible_box_instead_of_looping():
    with pytest.raises(ValueError):
        boxlift.greedy_plan((100,), (40, 50))


def test_level5_budget_beats_greedy_and_reference_reaches_it():
    tighter = 0
    for index in range(10):
        inst = TASK.instance(5, seed=0, index=index)
        p = inst.params
        assert max(p["weights"]) <= sum(p["capacities"])
        assert p["budget"] <= p["greedy_steps"]
        assert inst.answer.count("Step ") == p["budget"]
        tighter += p["budget"] < p["greedy_steps"]
        # the greedy plan is no longer good enough when the budget is tighter
        greedy = boxlift.format_plan(boxlift.greedy_plan(tuple(p["weights"]), tuple(p["capacities"])))
        assert TASK.check(p, greedy).correct == (p["budget"] == p["greedy_steps"])
    assert tighter >= 5


def test_levels_1_to_4_budget_is_the_greedy_count():
    for level in (1, 2, 3, 4):
        p = TASK.instance(level, seed=1, index=0).params
        assert p["budget"] == p["greedy_steps"] == len(boxlift.greedy_plan(tuple(p["weights"]), tuple(p["capacities"])))
    p4 = TASK.instance(4, seed=1, index=0).params
    n = len(p4["weights"])
    lo, hi = (30, 300) if n <= 22 else (40, 400)
    assert all(lo <= w <= hi for w in p4["weights"])
