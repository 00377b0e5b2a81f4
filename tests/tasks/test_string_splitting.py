from symbench.registry import get_task
from symbench.tasks.string_splitting import BASE_METHODS, EXTRA_POOL, WEIGHTS

TASK = get_task("string_splitting")


def _params(a, b, c, extras=()):
    methods = [[dict(x), dict(y)] for x, y in list(BASE_METHODS) + [EXTRA_POOL[i] for i in extras]]
    return {"counts": [a, b, c, 0, 0, 0], "methods": methods, "runs": 1}


def test_hand_worked_base_methods():
    # A=1, B=2, C=1. Turn 1 (m1): A->2X+Y: A0 X2 Y1. m2: 2B->X: B0 X3. m3: C=1 < 2, skip. m4: B=0, skip.
    # m5: X+Y->Z: X2 Y0 Z1. Next cycle: nothing can run. Final [A,B,C,X,Y,Z] = [0,0,1,2,0,1].
    params = _params(1, 2, 1)
    assert TASK.solve(params) == "[0, 0, 1, 2, 0, 1]"
    assert TASK.check(params, "[0, 0, 1, 2, 0, 1]").correct


def test_hand_worked_extra_method():
    # Methods 1-5 plus method 6: Z + A -> 2B. Start A=2.
    # m1: A1 X2 Y1; m2-m4 skip; m5: X1 Y0 Z1; m6: Z0 A0 B2; m1 skip; m2: B0 X2; m3-m6 skip... stop.
    params = _params(2, 0, 0, extras=(0,))
    assert TASK.solve(params) == "[0, 0, 0, 2, 0, 0]"
    assert "Method 6: turn one unit of part Z and one unit of machine A into two units of machine B." in TASK.question(params)


def test_every_method_lowers_the_potential():
    def pot(side):
        return sum(WEIGHTS[k] * n for k, n in side.items())

    for consumed, produced in list(BASE_METHODS) + list(EXTRA_POOL):
        assert pot(consumed) > pot(produced)


def test_format_variants_and_near_misses():
    inst = {"params": _params(1, 2, 1)}
    for good in ("[0, 0, 1, 2, 0, 1]", '["0","0","1","2","0","1"]', "0, 0, 1, 2, 0, 1", "0 0 1 2 0 1", "(0,0,1,2,0,1)"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in (
        "[0, 0, 1, 2, 1, 1]",  # one wrong count
        "[0, 0, 1, 2, 0]",  # five values
        "001201",  # concatenated
        "[0, 0, 1, 2, 0, 1, 0]",
        "[0, 0, 1, 2.0, 0, 1]",
        "{'A': 0, 'B': 0, 'C': 1, 'X': 2, 'Y': 0, 'Z': 1}",
        "[0, 0, 1, 2, 0, -1]",
        "[\"0', 0, 1, 2, 0, 1]",
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_two_digit_counts_are_not_ambiguous():
    # The original joined the values into one string; here [1, 10, ...] and [11, 0, ...] differ.
    params = _params(0, 21, 0)
    # m2 ten times over ten cycles: B 21 -> 1, X 10. Nothing else runs.
    assert TASK.solve(params) == "[0, 1, 0, 10, 0, 0]"
    assert not TASK.check(params, "[0, 10, 1, 0, 0, 0]").correct
    assert not TASK.check(params, "[0, 1, 0, 1, 0, 0, 0]").correct


def _independent(counts, methods):
    """Pass-by-pass re-simulation of the stated turns: each pass tries every method once, in order."""
    state = list(counts)
    index = {k: i for i, k in enumerate("ABCXYZ")}
    progress = True
    while progress:
        progress = False
        for consumed, produced in methods:
            if all(state[index[k]] >= n for k, n in consumed.items()):
                for k, n in consumed.items():
                    state[index[k]] -= n
                for k, n in produced.items():
                    state[index[k]] += n
                progress = True
    return "[" + ", ".join(map(str, state)) + "]"


def test_generated_instances_match_an_independent_simulation():
    for level in (1, 3, 5):
        for i in range(10):
            inst = TASK.instance(level, seed=4, index=i)
            p = inst.params
            assert _independent(p["counts"], [(c, d) for c, d in p["methods"]]) == inst.answer
            lo, hi = TASK.presets[level].counts
            assert all(lo <= x <= hi for x in p["counts"][:3])
            assert (6 <= len(p["methods"]) <= 7) if level == 5 else len(p["methods"]) == 5


def test_methods_are_numbered_in_a_random_order_unless_fixed():
    from symbench.tasks.string_splitting import BASE_METHODS

    base = [[c, p] for c, p in BASE_METHODS]
    orders = [TASK.instance(1, 0, i).params["methods"] for i in range(20)]
    assert all(sorted(map(str, m)) == sorted(map(str, base)) for m in orders)
    assert any(m != base for m in orders)
    fixed = TASK.instance(1, 0, 0, overrides={"shuffle_methods": False}).params["methods"]
    assert fixed == base


def _turn_by_turn(counts, methods):
    """The stated procedure read literally: one try per turn, stop after a full round of failed tries."""
    items = "ABCXYZ"
    state = dict(zip(items, counts))
    turn = idle = 0
    while idle < len(methods):
        consumed, produced = methods[turn % len(methods)]
        if all(state[k] >= n for k, n in consumed.items()):
            for k, n in consumed.items():
                state[k] -= n
            for k, n in produced.items():
                state[k] += n
            idle = 0
        else:
            idle += 1
        turn += 1
    return [state[k] for k in items]


def test_pass_by_pass_simulation_matches_the_turn_by_turn_reading():
    import random

    from symbench.tasks.string_splitting import simulate

    rng = random.Random(3)
    for _ in range(300):
        methods = list(BASE_METHODS) + rng.sample(list(EXTRA_POOL), rng.randint(0, len(EXTRA_POOL)))
        rng.shuffle(methods)
        counts = [rng.randint(0, 30) for _ in range(3)] + [rng.randint(0, 3) for _ in range(3)]
        assert simulate(counts, methods)[0] == _turn_by_turn(counts, methods)


def test_slot_keys_are_the_repr_of_counts_and_methods():
    import random

    from symbench.tasks.string_splitting import _key_repr

    pool = list(BASE_METHODS) + list(EXTRA_POOL)
    rng = random.Random(1)
    for _ in range(100):
        numbers = rng.sample(range(len(pool)), rng.randint(1, len(pool)))
        counts = [rng.randint(0, 10_000) for _ in range(3)] + [0] * 3
        assert _key_repr(counts, numbers) == repr((counts, [pool[k] for k in numbers]))
