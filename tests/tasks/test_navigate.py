import pytest

from symbench.registry import get_task

TASK = get_task("navigate")


def _params(style, instructions, ask="return"):
    return {"style": style, "instructions": instructions, "ask": ask, "scenario": 0, "steps_max": 10}


# Facing north: 3 forward -> (0,3). Turn right (east), 2 steps -> (2,3). Turn around (west), 2 steps -> (0,3).
# Turn left from west = south, 3 steps -> (0,0): back at the start.
HAND_TURNS = _params(
    "turns",
    [
        ["move", "plain", 3, 0],
        ["turn", "right", 0],
        ["move", "plain", 2, 0],
        ["turn", "around", 0],
        ["move", "plain", 2, 1],
        ["turn", "left", 0],
        ["move", "plain", 3, 2],
    ],
)

# Facing north: 2 steps left -> (-2,0). Turn right (east); 3 steps backward = west -> (-5,0).
# 1 step right while facing east = south -> (-5,-1). Manhattan distance 6.
HAND_MIXED = _params(
    "mixed",
    [["move", "left", 2, 0], ["turn", "right", 1], ["move", "backward", 3, 0], ["move", "right", 1, 0]],
    ask="distance",
)


def test_hand_worked_turns():
    q = TASK.question(HAND_TURNS)
    assert "Take 3 steps. Turn right. Take 2 steps. Turn around. Walk 2 steps. Turn left. Move 3 steps." in q
    assert TASK.solve(HAND_TURNS) == "Yes"
    assert TASK.check(HAND_TURNS, "yes").correct
    # one step count off by one: no longer closed
    off = _params("turns", [list(i) for i in HAND_TURNS["instructions"]])
    off["instructions"][4][2] = 3
    assert TASK.solve(off) == "No"


def test_hand_worked_mixed_distance():
    assert TASK.solve(HAND_MIXED) == "6"
    q = TASK.question(HAND_MIXED)
    assert "Take 2 steps left. Make a right turn. Take 3 steps backward. Take 1 step right." in q
    assert "Manhattan distance" in q
    inst = {"params": HAND_MIXED}
    assert TASK.verify(inst, "<<<6>>>").correct
    assert TASK.verify(inst, "<<< '6' >>>").correct
    for bad in ("<<<5>>>", "<<<7>>>", "<<<-6>>>", "<<<6 steps>>>", "<<<six>>>", "<<<6.0>>>", "<<<Yes>>>", "<<<" + "9" * 5000 + ">>>"):
        assert not TASK.verify(inst, bad).correct, bad


def test_always_face_forward_styles():
    # forward/back only: 3 forward, 5 backward, 2 forward -> back at the start
    p = _params("forward", [["move", "forward", 3, 0], ["move", "backward", 5, 0], ["move", "forward", 2, 3]])
    assert TASK.solve(p) == "Yes"
    assert TASK.question(p).count("Always face forward.") == 1
    g = _params("grid", [["move", "left", 4, 0], ["move", "forward", 1, 0], ["move", "right", 4, 0]])
    assert TASK.solve(g) == "No"


def test_yes_no_variants_and_near_misses():
    inst = {"params": HAND_TURNS}
    for ok in ("<<<Yes>>>", "<<<YES>>>", "<<<yes>>>", "<<< 'Yes' >>>"):
        assert TASK.verify(inst, ok).correct
    for bad in ("<<<No>>>", "<<<Y>>>", "<<<Yes.>>>", "<<<True>>>", "<<<0>>>", "Yes I think"):
        assert not TASK.verify(inst, bad).correct


def _simulate(instructions):
    # independent re-implementation with complex numbers: heading 1j = north, multiply by -1j to turn right
    pos, heading = 0, 1j
    rel = {"forward": 1, "plain": 1, "backward": -1, "left": 1j, "right": -1j}
    turn = {"left": 1j, "right": -1j, "around": -1}
    for ins in instructions:
        if ins[0] == "turn":
            heading *= turn[ins[1]]
        else:
            pos += heading * rel[ins[1]] * ins[2]
    return int(abs(pos.real) + abs(pos.imag))


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_generated_answers_match_an_independent_simulation(level):
    for index in range(40):
        inst = TASK.instance(level, 2, index)
        dist = _simulate(inst.params["instructions"])
        if inst.params["ask"] == "distance":
            assert inst.answer == str(dist)
            assert not TASK.verify(inst, f"<<<{dist + 1}>>>").correct
        else:
            assert inst.answer == ("Yes" if dist == 0 else "No")
            assert not TASK.verify(inst, "<<<%s>>>" % ("No" if dist == 0 else "Yes")).correct


def test_level_structure():
    for index in range(60):
        p1 = TASK.instance(1, 0, index).params
        assert 3 <= len(p1["instructions"]) <= 4
        assert all(i[0] == "move" and i[1] in ("forward", "backward") for i in p1["instructions"])
        p3 = TASK.instance(3, 0, index).params
        assert any(i[0] == "turn" for i in p3["instructions"])
        assert all(i[1] == "plain" for i in p3["instructions"] if i[0] == "move")
        p5 = TASK.instance(5, 0, index)
        assert 20 <= len(p5.params["instructions"]) <= 30
    asks = [TASK.instance(5, 1, i).params["ask"] for i in range(100)]
    assert 30 <= asks.count("distance") <= 70


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_yes_no_balanced_exactly_by_index_parity(level):
    # every item of L1-L4 is Yes/No: even index -> Yes, odd -> No, so indices 0..2k-1 hold k of each
    insts = [TASK.instance(level, 1, i) for i in range(20)]
    assert [inst.answer for inst in insts] == ["Yes", "No"] * 10
    # the answer comes from the walk itself (checked against an independent simulation)
    assert [_simulate(inst.params["instructions"]) == 0 for inst in insts] == [True, False] * 10


def test_level5_yes_no_items_follow_index_parity():
    # L5 keeps the RNG's choice between the Yes/No and the distance question; every Yes/No item still has
    # the answer fixed by its index parity, and both kinds of question occur at both parities
    kinds = set()
    for index in range(40):
        inst = TASK.instance(5, 3, index)
        kinds.add((inst.params["ask"], index % 2))
        if inst.params["ask"] == "return":
            assert inst.answer == ("Yes" if index % 2 == 0 else "No")
            assert inst.answer == ("Yes" if _simulate(inst.params["instructions"]) == 0 else "No")
    assert kinds == {("return", 0), ("return", 1), ("distance", 0), ("distance", 1)}


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_the_parity_of_the_step_counts_does_not_tell_the_answer(level):
    # Every closed walk has an even total; the open ("No") walks must too, or parity answers.
    for i in range(60):
        p = TASK.instance(level, 3, i).params
        assert sum(ins[2] for ins in p["instructions"] if ins[0] == "move") % 2 == 0, (level, i)
