from symbench.registry import get_task
from symbench.tasks.string_synthesis import BASE_METHODS, BLOCKS, EXTRA_POOL, WEIGHTS

TASK = get_task("string_synthesis")


def _params(counts, mode, extras=()):
    methods = [[dict(c), dict(p)] for c, p in list(BASE_METHODS) + [EXTRA_POOL[i] for i in extras]]
    return {"counts": list(counts) + [0] * 6, "mode": mode, "methods": methods, "applications": 1}


def test_hand_worked_exhaustive_and_single_differ():
    # Start 2 [A], 2 [B], 3 [C].
    # Exhaustive: method 1 twice -> 0 [A], 0 [B], 1 [C], 2 {A}; methods 2-6 cannot run; next pass changes nothing.
    ex = _params([2, 2, 3], "exhaustive")
    assert TASK.solve(ex) == "0 0 1 2 0 0 0 0 0"
    # Single: m1 once (1,1,2,{A}1); m2 once (0,0,2,{A}1,{C}1); m3 skip; m4 once ([C]0, {C}2);
    # m5 once ({A}0, {C}1, (A)1, (B)1); m6 skip; next cycle nothing can run.
    single = _params([2, 2, 3], "single")
    assert TASK.solve(single) == "0 0 0 0 0 1 1 1 0"
    assert TASK.check(ex, "0 0 1 2 0 0 0 0 0").correct
    assert not TASK.check(ex, "0 0 0 0 0 1 1 1 0").correct
    assert "as many times as its inputs allow" in TASK.question(ex)
    assert "ONCE" in TASK.question(single)


def test_hand_worked_recycling_method():
    # Methods 1-6 plus method 7: (C) -> [A] + [B]. Start 0 [A], 2 [B], 2 [C], exhaustive.
    # Pass 1: m3 twice -> {B}2; m6 -> (C)1; m7 -> [A]1 [B]1. Pass 2: m2 -> {C}1. Pass 3: nothing.
    params = _params([0, 2, 2], "exhaustive", extras=(0,))
    assert TASK.solve(params) == "0 0 0 0 0 1 0 0 0"
    assert "Method 7: consume one (C) to produce one [A] and one [B]." in TASK.question(params)


def test_every_method_lowers_the_potential():
    for consumed, produced in list(BASE_METHODS) + list(EXTRA_POOL):
        def pot(side):
            return sum(WEIGHTS[BLOCKS.index(b)] * n for b, n in side.items())
        assert pot(consumed) > pot(produced)


def test_format_variants_and_near_misses():
    params = _params([2, 2, 3], "exhaustive")
    inst = {"params": params}
    for good in ("0 0 1 2 0 0 0 0 0", "0, 0, 1, 2, 0, 0, 0, 0, 0", "[0,0,1,2,0,0,0,0,0]", " 0  0 1 2 0 0 0 0 0 "):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in (
        "0 0 1 3 0 0 0 0 0",  # one wrong count
        "0 0 1 2 0 0 0 0",  # eight counts
        "0 0 1 2 0 0 0 0 0 0",  # ten counts
        "001200000",  # concatenated digits (the original's format)
        "0 0 1 2 0 0 0 0 -0",
        "[A]: 0, [B]: 0, [C]: 1, {A}: 2, {B}: 0, {C}: 0, (A): 0, (B): 0, (C): 0",
        "0 0 1 2.0 0 0 0 0 0",
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_counts_of_ten_or_more_are_compared_as_numbers():
    params = _params([12, 12, 1], "exhaustive")
    # m1 once -> [A]11 [B]11 [C]0 {A}1; m2 eleven times -> {C}11; m5 once -> {A}0 {C}10 (A)1 (B)1.
    assert TASK.solve(params) == "0 0 0 0 0 10 1 1 0"
    assert not TASK.check(params, "0 0 0 0 0 1 0 1 1").correct


def _independent(counts, methods, mode):
    """Turn-by-turn reading of the stated procedure (one turn = one method position)."""
    state = list(counts)
    idx = {b: i for i, b in enumerate(BLOCKS)}

    def can(m):
        return all(state[idx[b]] >= n for b, n in m[0].items())

    turn, idle = 0, 0
    while idle < len(methods):
        m = methods[turn % len(methods)]
        if can(m):
            idle = 0
            while True:
                for b, n in m[0].items():
                    state[idx[b]] -= n
                for b, n in m[1].items():
                    state[idx[b]] += n
                if mode == "single" or not can(m):
                    break
        else:
            idle += 1
        turn += 1
    return " ".join(map(str, state))


def test_generated_instances_match_an_independent_simulation():
    for level in (1, 3, 4, 5):
        for i in range(10):
            inst = TASK.instance(level, seed=2, index=i)
            p = inst.params
            methods = [(c, d) for c, d in p["methods"]]
            assert _independent(p["counts"], methods, p["mode"]) == inst.answer
            assert len(methods) == (8 if level == 5 else 6)
            assert p["mode"] == ("single" if level >= 4 else "exhaustive")


def test_methods_are_numbered_in_a_random_order_unless_fixed():
    from symbench.tasks.string_synthesis import BASE_METHODS

    base = [[c, p] for c, p in BASE_METHODS]
    orders = [TASK.instance(1, 0, i).params["methods"] for i in range(20)]
    assert all(sorted(map(str, m)) == sorted(map(str, base)) for m in orders)
    assert any(m != base for m in orders)
    assert TASK.instance(1, 0, 0, overrides={"shuffle_methods": False}).params["methods"] == base


def test_fast_simulation_matches_the_turn_by_turn_reading_on_random_method_sets():
    # Batched exhaustive runs and the index-based single mode must agree with the plain
    # reading for any counts and methods, including one that produces what it consumes.
    import random

    from symbench.tasks.string_synthesis import BASE_METHODS, EXTRA_POOL, simulate

    feeds_itself = ({"[A]": 1, "{B}": 1}, {"[A]": 1, "(C)": 1})
    rng = random.Random(5)
    for _ in range(300):
        methods = list(BASE_METHODS) + rng.sample(list(EXTRA_POOL) + [feeds_itself], rng.randint(0, 3))
        rng.shuffle(methods)
        counts = [rng.randint(0, 25) for _ in range(3)] + [rng.randint(0, 3) for _ in range(6)]
        for mode in ("exhaustive", "single"):
            final, _ = simulate(counts, methods, mode)
            assert " ".join(map(str, final)) == _independent(counts, methods, mode)


def test_slot_keys_are_the_repr_of_counts_and_methods():
    import random

    from symbench.tasks.string_synthesis import BASE_METHODS, EXTRA_POOL, _key_repr

    pool = list(BASE_METHODS) + list(EXTRA_POOL)
    rng = random.Random(1)
    for _ in range(100):
        numbers = rng.sample(range(len(pool)), rng.randint(1, len(pool)))
        counts = [rng.randint(0, 10_000) for _ in range(3)] + [0] * 6
        assert _key_repr(counts, numbers) == repr((counts, [pool[k] for k in numbers]))
