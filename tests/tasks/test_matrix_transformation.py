import pytest

from symbench.registry import get_task
from symbench.tasks.matrix_transformation import TRANSFORMS, apply, apply_all

TASK = get_task("matrix_transformation")

ABC = [["A", "B", "C"], ["D", "E", "F"]]


@pytest.mark.parametrize(
    "transform, expected",
    [
        # worked by hand on  A B C / D E F
        ("rotate90", [["D", "A"], ["E", "B"], ["F", "C"]]),  # left column, read bottom-up, becomes the top row
        ("rotate180", [["F", "E", "D"], ["C", "B", "A"]]),
        ("rotate270", [["C", "F"], ["B", "E"], ["A", "D"]]),
        ("transpose", [["A", "D"], ["B", "E"], ["C", "F"]]),
        ("flip_horizontal", [["C", "B", "A"], ["F", "E", "D"]]),
        ("flip_vertical", [["D", "E", "F"], ["A", "B", "C"]]),
    ],
)
def test_each_transform_by_hand(transform, expected):
    assert apply(ABC, transform) == expected


def test_hand_worked_instance_and_composition():
    params = {"matrix": ABC, "content": "letters", "transforms": ["rotate90"]}
    assert TASK.solve(params) == "D, A, E, B, F, C"
    assert TASK.check(params, "D, A, E, B, F, C").correct
    # flip top-bottom then transpose is the same as rotating 90° clockwise
    composed = {"matrix": ABC, "content": "letters", "transforms": ["flip_vertical", "transpose"]}
    assert TASK.solve(composed) == "D, A, E, B, F, C"
    # order matters: transpose then flip top-bottom is a 90° counter-clockwise turn
    assert apply_all(ABC, ["transpose", "flip_vertical"]) == apply(ABC, "rotate270")


PARAMS = {"matrix": ABC, "content": "letters", "transforms": ["rotate90"]}


@pytest.mark.parametrize(
    "text",
    ["D,A,E,B,F,C", "[D, A, E, B, F, C]", "['D', 'A', 'E', 'B', 'F', 'C']", "D, A\nE, B\nF, C", "D A\nE B\nF C",
     "[[D, A], [E, B], [F, C]]", '"D, A, E, B, F, C"'],
)
def test_format_variants_accepted(text):
    assert TASK.verify({"params": PARAMS}, f"<<<{text}>>>").correct, text


@pytest.mark.parametrize(
    "text",
    [
        "D, A, E, B, F, X",  # one wrong cell
        "A, D, B, E, C, F",  # transposed instead of rotated
        "C, F, B, E, A, D",  # rotated the wrong way
        "d, a, e, b, f, c",  # case matters
        "D, A, E, B, F",  # a cell missing
        "DAEBFC",  # no separators
        "D A E B F C",  # flat without commas
        "D, A, E\nB, F, C",  # wrong shape (2x3 instead of 3x2)
        "DA, EB, FC",
    ],
)
def test_near_misses_rejected(text):
    verdict = TASK.verify({"params": PARAMS}, f"<<<{text}>>>")
    assert not verdict.correct, text


def test_symbols_cannot_clash_with_answer_syntax():
    from symbench.tasks.matrix_transformation import ALPHABETS

    for alphabet in ALPHABETS.values():
        assert not set(alphabet) & set(",<>[]()\"'` \t\n")


def test_generated_instances_are_never_the_identity_or_a_copy():
    for level in (1, 2, 5):
        for i in range(25):
            inst = TASK.instance(level, 2, i)
            p = inst.params
            flat_in = ", ".join(c for row in p["matrix"] for c in row)
            assert inst.answer != flat_in
            assert all(t in TRANSFORMS for t in p["transforms"])
            if level == 5:
                assert 2 <= len(p["transforms"]) <= 4
                assert 6 <= len(p["matrix"]) <= 8
            else:
                assert p["transforms"] == ["rotate90"]


@pytest.mark.parametrize("level", [1, 3, 5])
def test_a_flat_list_takes_round_or_square_outer_brackets(level):
    # TASKS.md 0.5(c): the outer pair is optional and may be [] or (); this task used to reject ()
    inst = TASK.instance(level, seed=0, index=0)
    body = ", ".join(item.strip() for item in inst.answer.strip("[]()").split(","))
    for text in (body, f"[{body}]", f"({body})", body.replace(", ", ",")):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert TASK.verify(inst, f"<<<[{body})>>>").code == "bad_format"


def test_transforms_match_their_index_definitions_on_random_rectangles():
    import random

    from symbench.tasks.matrix_transformation import apply

    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 8), rng.randint(1, 8)
        m = [[rng.choice("AB12#") for _ in range(cols)] for _ in range(rows)]
        assert apply(m, "rotate90") == [[m[rows - 1 - i][j] for i in range(rows)] for j in range(cols)]
        assert apply(m, "rotate270") == [[m[i][cols - 1 - j] for i in range(rows)] for j in range(cols)]
        assert apply(m, "transpose") == [[m[i][j] for i in range(rows)] for j in range(cols)]
        assert apply(m, "rotate180") == [[m[rows - 1 - i][cols - 1 - j] for j in range(cols)] for i in range(rows)]
