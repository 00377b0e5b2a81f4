import random
from fractions import Fraction

import pytest

from symbench.registry import get_task
from symbench.tasks._new_operator_expressions import apply_op, evaluate, parse_expression, render

TASK = get_task("new_operator")

OPS = [
    {"symbol": "#", "template": "lin", "coefs": [2, 3]},
    {"symbol": "@", "template": "ratio", "coefs": [1, 1]},
    {"symbol": "$", "template": "prod", "coefs": [1, 4]},
]
# Worked out by hand, left to right with equal precedence:
#   3 # 4 = 2*3 + 3*4 = 18;  18 @ 5 = (18 + 5)/5 = 23/5;  23/5 $ 6 = 1 * 23/5 * 6 = 138/5.
# (The original's bug would have reported only 5 $ 6 = 30.)
HAND = {"operators": OPS, "tiers": None, "expression": "(3 # 4) @ 5 $ 6", "operands": 4, "applications": 3}


def test_hand_worked_left_to_right():
    assert TASK.solve(HAND) == "138/5"
    assert TASK.check(HAND, "138/5").correct
    q = TASK.question(HAND)
    assert "a # b = 2*a + 3*b" in q and "a @ b = (a + b)/b" in q and "a $ b = 1*a*b" in q
    assert "(3 # 4) @ 5 $ 6" in q and "left to right" in q


def test_equivalent_forms_accepted():
    inst = {"params": HAND}
    for text in ("<<<138/5>>>", "<<<27.6>>>", "<<<27.60>>>", "<<<276/10>>>", "<<< '138/5' >>>", "<<<138 / 5>>>"):
        assert TASK.verify(inst, text).correct, text


def test_near_misses_rejected():
    inst = {"params": HAND}
    for text in ("27.5", "138/4", "30", "27", "28", "27.6 exactly", "x = 138/5", "138/5.0", "2.76e1", "27,6", "-138/5"):
        assert not TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert not TASK.verify(inst, "<<<" + "9" * 5000 + ">>>").correct


def test_precedence_table_and_nested_definitions():
    ops = [
        {"symbol": "#", "template": "lin", "coefs": [1, 1]},  # a + b
        {"symbol": "@", "template": "prod", "coefs": [1, 1]},  # a * b
        {"symbol": "~", "template": "scaled", "coefs": [2, 1], "ref": "#"},  # (a # b)*2
        {"symbol": "%", "template": "swap", "coefs": [3, 1], "ref": "@"},  # (b @ a) - 3
    ]
    tiers = {"#": 1, "@": 2, "~": 1, "%": 1}
    # @ binds tighter: 2 # (3 @ 4) = 2 + 12 = 14 (left to right without the table would give 20)
    params = {"operators": ops, "tiers": tiers, "expression": "2 # 3 @ 4", "operands": 3, "applications": 2}
    assert TASK.solve(params) == "14"
    assert "tier 2: @" in TASK.question(params)
    # 1 ~ 2 = (1 + 2)*2 = 6, then 6 % 5 = (5 * 6) - 3 = 27
    params2 = dict(params, expression="1 ~ 2 % 5")
    assert TASK.solve(params2) == "27"


def test_templates():
    ops = {
        "a": {"symbol": "a", "template": "linm", "coefs": [3, 2]},
        "b": {"symbol": "b", "template": "sq", "coefs": [5, 1]},
        "c": {"symbol": "c", "template": "pair", "coefs": [2, 4]},
        "d": {"symbol": "d", "template": "inner", "coefs": [3, 1], "ref": "a"},
        "e": {"symbol": "e", "template": "shift", "coefs": [2, 1], "ref": "c"},
        "f": {"symbol": "f", "template": "ratio", "coefs": [1, 1]},
    }
    F = Fraction
    assert apply_op(ops, "a", F(4), F(5)) == 2  # 12 - 10
    assert apply_op(ops, "b", F(3), F(2)) == 19  # 9 + 10
    assert apply_op(ops, "c", F(1), F(1)) == 15  # 3 * 5
    assert apply_op(ops, "d", F(4), F(2)) == 2  # 4 a (2 + 3) = 12 - 10
    assert apply_op(ops, "e", F(1), F(1)) == 17  # 15 + 2
    with pytest.raises(ZeroDivisionError):
        apply_op(ops, "f", F(1), F(0))


def test_render_parse_round_trip():
    rng = random.Random(3)
    syms = ["#", "@", "$", "&"]
    for _ in range(300):
        tiers = {s: rng.randint(1, 3) for s in syms}

        def build(n):
            if n == 1:
                return ["num", rng.randint(1, 9)]
            cut = rng.randint(1, n - 1)
            return ["op", rng.choice(syms), build(cut), build(n - cut)]

        tree = build(rng.randint(2, 7))
        for style in ("full", "mixed"):
            text = render(tree, tiers, style, rng)
            assert parse_expression(text, tiers) == tree, text


def test_generated_instances_are_unambiguous_and_exact():
    for level in (2, 4, 5):
        for i in range(8):
            inst = TASK.instance(level, seed=1, index=i)
            p = inst.params
            ops = {op["symbol"]: op for op in p["operators"]}
            tiers = p["tiers"] or {s: 1 for s in ops}
            tree = parse_expression(p["expression"], tiers)
            assert Fraction(inst.answer) == evaluate(tree, ops)
            if level >= 4:
                # the grouping rules matter: another reading gives a different tree
                other = {s: 1 for s in ops} if p["tiers"] else None
                if other is not None:
                    assert parse_expression(p["expression"], other) != tree
            if level == 5:
                assert 4 <= len(p["operators"]) <= 5 and len(set(p["tiers"].values())) >= 2
    nested = [any("ref" in op for op in TASK.instance(5, 1, i).params["operators"]) for i in range(8)]
    assert sum(nested) >= 4
