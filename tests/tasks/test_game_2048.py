import pytest

from symbench.registry import get_task

TASK = get_task("game_2048")

# Worked by hand. Start at (2,1) holding 2.
#  u: (1,1) holds 2 -> merge, (1,1)=4, tile there     r: (1,2) empty -> move
#  r: (1,3) holds 4 -> merge, (1,3)=8                  d: (2,3) empty -> move
#  d: (3,3) holds 4 != 8 -> blocked, stays at (2,3)    l: (2,2) holds 8 -> merge, (2,2)=16
#  r: (2,3) empty -> move                              r: outside the grid -> nothing
HAND = {
    "grid": [[2, 0, 4], [2, 8, 0], [0, 4, 4]],
    "start": [2, 1],
    "moves": "urrddlrr",
    "merges": 3,
    "min_merges": 0,
}
HAND_ANSWER = "0, 0, 0, 0, 0, 16, 0, 4, 4"


def test_hand_worked_instance():
    assert TASK.solve(HAND) == HAND_ANSWER
    assert TASK.check(HAND, HAND_ANSWER).correct


@pytest.mark.parametrize(
    "text",
    [
        "0,0,0,0,0,16,0,4,4",
        "[0, 0, 0, 0, 0, 16, 0, 4, 4]",
        "0, 0, 0\n0, 0, 16\n0, 4, 4",
        "0 0 0\n0 0 16\n0 4 4",
        "0, 0, 0,\n0, 0, 16,\n0, 4, 4",
        "[[0, 0, 0], [0, 0, 16], [0, 4, 4]]",
        "[[0, 0, 0],\n [0, 0, 16],\n [0, 4, 4]]",
        "[0, 0, 0], [0, 0, 16], [0, 4, 4]",
        "'0, 0, 0, 0, 0, 16, 0, 4, 4'",
    ],
)
def test_format_variants_accepted(text):
    assert TASK.verify({"params": HAND}, f"<<<{text}>>>").correct


@pytest.mark.parametrize(
    "text",
    [
        "0, 0, 0, 0, 0, 16, 0, 4, 8",  # one wrong cell
        "0, 0, 0, 0, 16, 0, 0, 4, 4",  # tile stopped one step early
        "2, 0, 4, 2, 8, 0, 0, 4, 4",  # the unchanged input
        "0, 0, 0, 0, 0, 16, 0, 4",  # a value missing
        "0 0 0 0 0 16 0 4 4",  # flat list without commas
        "0, 0, 0\n0, 0, 16",  # a row missing
        "[[0, 0, 0], [0, 0, 16], [0, 4]]",
        "[[0, 0, 0], [0, 0, 16]]",
        "[[0, 0, 0], [0, 0, 16], [0, 4, 4]",
        "0, 0, 0, 0, 0, 16.0, 0, 4, 4",  # not an integer
        "0, 0, 0, 0, 0, -16, 0, 4, 4",
    ],
)
def test_near_misses_rejected(text):
    verdict = TASK.verify({"params": HAND}, f"<<<{text}>>>")
    assert not verdict.correct, text
    assert verdict.reason


def test_blocked_steps_do_not_move_other_tiles():
    # only the tracked tile moves: the 4 at (1,2) blocks a 2 and stays put
    params = {"grid": [[2, 4], [0, 0]], "start": [1, 1], "moves": "rdr", "merges": 0, "min_merges": 0}
    assert TASK.solve(params) == "0, 4, 0, 2"


def test_generated_start_cell_holds_a_tile_and_the_grid_changes():
    for level in range(1, 6):
        for i in range(20):
            inst = TASK.instance(level, 3, i)
            p = inst.params
            r, c = p["start"]
            assert p["grid"][r - 1][c - 1] > 0
            flat_input = ", ".join(str(v) for row in p["grid"] for v in row)
            assert inst.answer != flat_input
            assert p["merges"] >= TASK.presets[level].min_merges
            assert inst.answer.count(",") == len(p["grid"]) ** 2 - 1


@pytest.mark.parametrize("level", [1, 3, 5])
def test_a_flat_list_takes_round_or_square_outer_brackets(level):
    # TASKS.md 0.5(c): the outer pair is optional and may be [] or (); this task used to reject ()
    inst = TASK.instance(level, seed=0, index=0)
    body = ", ".join(item.strip() for item in inst.answer.strip("[]()").split(","))
    for text in (body, f"[{body}]", f"({body})", body.replace(", ", ",")):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert TASK.verify(inst, f"<<<[{body})>>>").code == "bad_format"
