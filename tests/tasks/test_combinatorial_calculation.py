from fractions import Fraction

from symbench.registry import get_task
from symbench.tasks.combinatorial_calculation import reachable

TASK = get_task("combinatorial_calculation")

# Worked out by hand: 9, 1, 2 in this order with target 20: (9 + 1) * 2 = 10 * 2 = 20.
HAND = {"numbers": [9, 1, 2], "target": 20, "reference": ["(", "9", "+", "1", ")", "*", "2"]}


def verdict(params, text):
    return TASK.verify({"params": params}, f"<<<{text}>>>")


def test_interval_dp_matches_hand_enumeration():
    # [2, 3, 4] by hand: 2 op (3 op 4) with 3 op 4 in {7, -1, 12, 3/4} gives
    # 9, -5, 14, 2/7, 1, 3, -2, 14, -10, 24, 1/6, 11/4, 5/4, 3/2, 8/3;
    # (2 op 3) op 4 with 2 op 3 in {5, -1, 6, 2/3} gives
    # 9, 1, 20, 5/4, 3, -5, -4, -1/4, 10, 2, 24, 3/2, 14/3, -10/3, 8/3, 1/6.
    values = set(reachable([2, 3, 4])[(0, 3)])
    integers = {int(v) for v in values if v.denominator == 1}
    assert integers == {9, -5, 14, 1, 3, -2, -10, 24, 20, -4, 10, 2}
    assert Fraction(2, 7) in values and Fraction(-10, 3) in values
    assert len(values) == len(
        {
            Fraction(x)
            for x in "9 -5 14 2/7 1 3 -2 -10 24 1/6 11/4 5/4 3/2 8/3 20 -4 -1/4 10 2 14/3 -10/3".split()
        }
    )


def test_hand_worked_instance_and_format_variants():
    assert TASK.solve(HAND) == "[(, 9, +, 1, ), *, 2]"
    assert verdict(HAND, "[(, 9, +, 1, ), *, 2]").correct
    assert verdict(HAND, "[ ( , 9 , + , 1 , ) , * , 2 ]").correct
    assert verdict(HAND, "['(', '9', '+', '1', ')', '*', '2']").correct
    assert verdict(HAND, "(, 9, +, 1, ), *, 2").correct  # no outer brackets
    assert verdict(HAND, "(9+1)*2").correct  # plain expression
    assert verdict(HAND, "((9 + 1) * 2)").correct  # redundant parentheses


def test_fractional_intermediate_results_are_exact():
    # 6 / (1 - 3/4) = 6 / (1/4) = 24, numbers 6, 1, 3, 4 in order
    params = {"numbers": [6, 1, 3, 4], "target": 24, "reference": ["6", "/", "(", "1", "-", "3", "/", "4", ")"]}
    assert verdict(params, TASK.solve(params)).correct
    assert verdict(params, "6*(1+3)*4/4").reason.startswith("the expression uses 5")
    assert not verdict(params, "6/1-3/4").correct  # 21/4


def test_alternative_valid_answer_accepted():
    # 8 * 3 - 1 + ... : numbers 8, 3, 1, 1 target 24; the generator's reference may differ,
    # any correct expression is accepted: 8*3*1*1 and 8*3+1-1 and 8*(3/1)/1.
    params = {"numbers": [8, 3, 1, 1], "target": 24, "reference": ["8", "*", "3", "*", "1", "*", "1"]}
    for text in ("8*3*1*1", "8*3+1-1", "[8, *, (, 3, /, 1, ), /, 1]", "(8*3-1)+1"):
        assert verdict(params, text).correct, text


def test_near_misses_rejected():
    cases = {
        "(9-1)*2": "evaluates to 16",
        "(9+1)*3": "number 3 is 3",
        "2*(9+1)": "number 1 is 2",
        "(9+1)2": "implicit multiplication",
        "91*2": "uses 2 numbers",
        "(9+1)*2*1": "uses 4 numbers",
        "-(9+1)*2": "unary",
        "((9+1)*2": "missing",
        "[(, 9, +, 1, ), x, 2]": "not a token",
        "[(, 09, +, 1, ), *, 2]": "number 1 is 09",
        "(9+1)*2 = 20": "unexpected character",
        "(9+1)**2": "",
        "20": "uses 1 numbers",
    }
    for text, reason in cases.items():
        v = verdict(HAND, text)
        assert not v.correct, text
        assert reason in v.reason, (text, v.reason)


def test_division_by_zero_is_rejected_not_raised():
    params = {"numbers": [9, 1, 1], "target": 9, "reference": ["9", "*", "1", "*", "1"]}
    v = verdict(params, "9/(1-1)")
    assert not v.correct and "division by zero" in v.reason


def test_generated_targets_in_range_and_order_enforced():
    for level, (lo, hi) in ((3, (50, 100)), (4, (100, 300)), (5, (300, 1000))):
        for i in range(5):
            inst = TASK.instance(level, 3, i)
            p = inst.params
            assert lo <= p["target"] <= hi
            assert all(1 <= x <= 9 for x in p["numbers"])
            # reversing the token list breaks the order (unless palindromic)
            rev = list(reversed(p["reference"]))
            rev = [{"(": ")", ")": "("}.get(t, t) for t in rev]
            nums = [t for t in p["reference"] if t.isdigit()]
            if nums != nums[::-1]:
                assert not TASK.verify(inst, "<<<[" + ", ".join(rev) + "]>>>").correct


def test_question_states_operator_precedence():
    # References such as "2 + 1 * 8" = 10 rely on * binding tighter than + (left to right it
    # would be 24), so the question must say which precedence the verifier uses.
    params = {"numbers": [2, 1, 8], "target": 10, "reference": ["2", "+", "1", "*", "8"]}
    assert verdict(params, "2+1*8").correct and not verdict(params, "(2+1)*8").correct
    q = TASK.question(params)
    assert "* and / before + and -" in q and "left to right" in q
