import pytest

from symbench.registry import get_task

TASK = get_task("pooling")

M3 = [[1, -2, 3], [4, 5, -6], [7, 0, 2]]


def _params(matrix, window, stride, operation):
    return {"matrix": matrix, "window": window, "stride": stride, "operation": operation}


@pytest.mark.parametrize(
    "operation, expected",
    [
        # windows (2x2, stride 1): [1,-2,4,5] [-2,3,5,-6] [4,5,7,0] [5,-6,0,2]
        ("max", "5, 5, 7, 5"),
        ("min", "-2, -6, 0, -6"),
        # sums 8, 0, 16, 1 divided by 4
        ("average", "2, 0, 4, 1/4"),
    ],
)
def test_hand_worked_3x3(operation, expected):
    params = _params(M3, 2, 1, operation)
    assert TASK.solve(params) == expected
    assert TASK.check(params, expected).correct


def test_hand_worked_stride_two_skips_the_last_row_and_column():
    # 5x5 matrix with value 5r+c; 2x2 windows at rows/cols 0 and 2; row/col 4 is never covered
    matrix = [[5 * r + c for c in range(5)] for r in range(5)]
    params = _params(matrix, 2, 2, "max")
    assert TASK.solve(params) == "6, 8, 16, 18"
    assert "2×2 window positions" in TASK.question(params)


# 3x3 average of a 4x4 matrix 1..16 with the 1 replaced by 0: the first window sums 53,
# the others are the centre values 7, 10 and 11 (sums 63, 90, 99).
NINTHS = _params([[0, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]], 3, 1, "average")


def test_hand_worked_ninths():
    assert TASK.solve(NINTHS) == "53/9, 7, 10, 11"


@pytest.mark.parametrize(
    "text",
    [
        "53/9, 7, 10, 11",
        "[53/9, 7, 10, 11]",
        "106/18, 7.0, 10, 11",  # unreduced fraction and 7.0 are exact
        "5.89, 7, 10, 11",  # half-up to two places
        "5.89, 7.00, 10, 11",
        "53/9, 7\n10, 11",  # one row per line
        "[[53/9, 7], [10, 11]]",
    ],
)
def test_average_variants_accepted(text):
    assert TASK.verify({"params": NINTHS}, f"<<<{text}>>>").correct, text


@pytest.mark.parametrize(
    "text",
    [
        "5.88, 7, 10, 11",  # 0.0089 away
        "5.8889, 7, 10, 11",  # neither exact nor rounded to two places
        "5.885, 7, 10, 11",  # 0.0039 away, but not the rounded value
        "5.889, 7, 10, 11",
        "5.89, 7.001, 10, 11",  # close to an integer average, but not equal
        "5.9, 7, 10, 11",  # 0.011 away
        "5, 7, 10, 11",  # int() of the average
        "53/8, 7, 10, 11",
        "53/9, 7, 10, 12",  # one wrong integer
        "53/9, 7, 10",  # a value missing
        "53/9 7 10 11",  # no commas
        "53/9, 7, 10, 11, 0",
        "53/9, 7, 10, eleven",
        "5.89 + 0, 7, 10, 11",
    ],
)
def test_average_near_misses_rejected(text):
    verdict = TASK.verify({"params": NINTHS}, f"<<<{text}>>>")
    assert not verdict.correct, text


def test_tolerance_applies_only_to_decimals_of_averages():
    params = _params(M3, 2, 1, "max")
    assert TASK.check(params, "5.0, 5, 7, 5").correct  # exactly 5
    assert not TASK.check(params, "5.004, 5, 7, 5").correct  # max values must be exact
    # a fraction must be exact even for averages: 5.885 is close to 53/9 but 1177/200 is not 53/9
    assert not TASK.check(NINTHS, "1177/200, 7, 10, 11").correct


def test_level_five_uses_strides_and_min():
    seen = {(i.params["stride"], i.params["operation"]) for i in (TASK.instance(5, 0, k) for k in range(40))}
    assert {s for s, _ in seen} == {1, 2}
    assert {o for _, o in seen} == {"max", "min", "average"}


# One 4x4 window (16 values) over a 4x4 matrix: sum 34 gives 34/16 = 2.125, a tie at two places.
TIE = _params([[2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 4]], 4, 1, "average")
NEG_TIE = _params([[-v for v in row] for row in TIE["matrix"]], 4, 1, "average")


def test_rounding_is_two_places_half_away_from_zero():
    assert TASK.solve(TIE) == "17/8"
    for text in ("17/8", "2.125", "2.13", "34/16", "2.1250"):
        assert TASK.check(TIE, text).correct, text
    # the old 0.005 tolerance accepted all of these
    for text in ("2.12", "2.129", "2.1249", "2.121", "2.13 ", "2.1"):
        assert TASK.check(TIE, text).correct == (text.strip() == "2.13"), text
    assert TASK.check(NEG_TIE, "-2.13").correct and TASK.check(NEG_TIE, "-17/8").correct
    assert not TASK.check(NEG_TIE, "-2.12").correct
    # exact 7/4 = 1.75: a nearby decimal is a wrong value, not a rounding
    seven_quarters = _params([[1, 2], [4, 0]], 2, 1, "average")
    assert TASK.check(seven_quarters, "1.75").correct and TASK.check(seven_quarters, "1.750").correct
    assert not TASK.check(seven_quarters, "1.755").correct
    assert not TASK.check(seven_quarters, "1.8").correct
    assert "away from zero" in TASK.question(TIE)


@pytest.mark.parametrize("level", [1, 3, 5])
def test_a_flat_list_takes_round_or_square_outer_brackets(level):
    # TASKS.md 0.5(c): the outer pair is optional and may be [] or (); this task used to reject ()
    inst = TASK.instance(level, seed=0, index=0)
    body = ", ".join(item.strip() for item in inst.answer.strip("[]()").split(","))
    for text in (body, f"[{body}]", f"({body})", body.replace(", ", ",")):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert TASK.verify(inst, f"<<<[{body})>>>").code == "bad_format"


def test_fast_pooling_matches_window_by_window_pooling():
    # The separable, slice-based pooling must give every window's own max, min and mean.
    import random
    from fractions import Fraction

    from symbench.answer import format_fraction
    from symbench.tasks.pooling import pool

    rng = random.Random(4)
    for _ in range(400):
        n = rng.randint(2, 12)
        window = rng.randint(1, n)
        stride = rng.randint(1, 4)
        matrix = [[rng.randint(-60, 60) for _ in range(n)] for _ in range(n)]
        m = (n - window) // stride + 1
        for operation in ("max", "min", "average"):
            naive = []
            for i in range(m):
                row = []
                for j in range(m):
                    cells = [matrix[i * stride + a][j * stride + b] for a in range(window) for b in range(window)]
                    value = {"max": max, "min": min}.get(operation)
                    row.append(Fraction(value(cells)) if value else Fraction(sum(cells), len(cells)))
                naive.append(row)
            assert pool(matrix, window, stride, operation) == naive, (n, window, stride, operation)
            text = ", ".join(format_fraction(v) for row in naive for v in row)
            assert TASK.solve({"matrix": matrix, "window": window, "stride": stride, "operation": operation}) == text
