from symbench.registry import get_task
from symbench.tasks.synthesis_decomposition import FIXED, has_potential

TASK = get_task("synthesis_decomposition")


def fixed(name, start):
    items, recipes = FIXED[name]
    return {
        "recipe_set": name,
        "items": list(items),
        "recipes": [{"inputs": [list(p) for p in i], "outputs": [list(p) for p in o]} for i, o in recipes],
        "start": list(start),
    }


def test_hand_worked_two_crop():
    # A=3 B=4: each round M1 (A+B->X) applies, M2 (3A->2X) never has 3 A's.
    # (2,3,1) -> (1,2,2) -> (0,1,3) -> nothing applies.
    p = fixed("two_crop", [3, 4, 0])
    assert TASK.solve(p) == "[0, 1, 3]"
    assert TASK.check(p, "[0, 1, 3]").correct


def test_hand_worked_two_product():
    # start A6 B3 C5 X0 Y0, methods M1 2A+B+C->3X, M2 A+B->2C, M3 2C+X->Y, M4 A+2X->Y
    # round 1: M1 -> A4 B2 C4 X3; M2 -> A3 B1 C6; M3 -> C4 X2 Y1; M4 -> A2 X0 Y2
    # round 2: M1 -> A0 B0 C3 X3; M2 no A; M3 -> C1 X2 Y3; M4 no A
    # round 3: nothing applies -> [0, 0, 1, 2, 3]
    p = fixed("two_product", [6, 3, 5, 0, 0])
    assert TASK.solve(p) == "[0, 0, 1, 2, 3]"
    assert TASK.check(p, "[0, 0, 1, 2, 3]").correct


def test_format_variants_and_near_misses():
    inst = {"params": fixed("two_product", [6, 3, 5, 0, 0])}
    for good in ("[0, 0, 1, 2, 3]", "[0,0,1,2,3]", "0, 0, 1, 2, 3", "(0, 0, 1, 2, 3)", " [ 0 , 0 , 1 , 2 , 3 ] "):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in (
        "[0, 0, 1, 2, 4]",  # one wrong count
        "[0, 0, 2, 1, 3]",  # two swapped
        "[0, 0, 1, 2]",  # missing Y
        "[0, 0, 1, 2, 3, 0]",
        "[0 0 1 2 3]",
        "[0, 0, 1.0, 2, 3]",
        "[0, 0, -1, 2, 3]",
        "[A=0, B=0, C=1, X=2, Y=3]",
        "{'A': 0, 'B': 0, 'C': 1, 'X': 2, 'Y': 3}",
        "[0, 0, \u0661, 2, 3]",  # Arabic-Indic 1 (int() would read it as 1)
        "[0, 0, 1, \uff12, 3]",  # full-width 2
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def _cycle_reference(items, recipes, start):
    """The original wording: cycle through the methods, one try per turn, stop when none is possible."""
    stock = dict(zip(items, start))
    possible = lambda r: all(stock[i] >= n for i, n in r["inputs"])  # noqa: E731
    turn = 0
    while any(possible(r) for r in recipes):
        r = recipes[turn % len(recipes)]
        if possible(r):
            for i, n in r["inputs"]:
                stock[i] -= n
            for i, n in r["outputs"]:
                stock[i] += n
        turn += 1
    return [stock[i] for i in items]


def test_generated_answers_match_the_turn_based_wording_and_are_unique():
    for level in (1, 2, 3, 4, 5):
        for index in range(8):
            inst = TASK.instance(level, seed=6, index=index)
            p = inst.params
            expected = _cycle_reference(p["items"], p["recipes"], p["start"])
            assert inst.answer == "[" + ", ".join(map(str, expected)) + "]"
            # every single-count change is rejected
            for k in range(len(expected)):
                for delta in (-1, 1):
                    other = list(expected)
                    other[k] += delta
                    if other[k] >= 0:
                        assert not TASK.check(p, str(other)).correct


def test_level5_random_sets_are_well_formed():
    for index in range(8):
        p = TASK.instance(5, seed=1, index=index).params
        assert p["recipe_set"] == "random" and 5 <= len(p["recipes"]) <= 6
        assert all(10 <= n <= 30 for n in p["start"][:3]) and all(n == 0 for n in p["start"][3:])
        for r in p["recipes"]:
            ins = {i for i, _ in r["inputs"]}
            outs = {i for i, _ in r["outputs"]}
            assert ins and outs and not ins & outs
        assert len({str(r) for r in p["recipes"]}) == len(p["recipes"])
        assert "product" in TASK.question(p) and "Method 5:" in TASK.question(p)


def test_potential_check():
    swap = [{"inputs": [["A", 1]], "outputs": [["B", 1]]}, {"inputs": [["B", 1]], "outputs": [["A", 1]]}]
    assert not has_potential(swap, {"A": 1, "B": 1})  # A <-> B could cycle forever
    assert has_potential(
        [{"inputs": [["A", 2], ["B", 1], ["C", 1]], "outputs": [["X", 3]]}, {"inputs": [["A", 1], ["B", 1]], "outputs": [["C", 2]]}],
        {"A": 2, "B": 2, "C": 1, "X": 1},
    )


def test_fixed_sets_are_numbered_in_a_random_order_unless_fixed():
    original = fixed("two_product", [0, 0, 0, 0, 0])["recipes"]
    orders = [TASK.instance(3, 0, i).params["recipes"] for i in range(20)]
    assert all(sorted(map(str, r)) == sorted(map(str, original)) for r in orders)
    assert any(r != original for r in orders)
    assert TASK.instance(3, 0, 0, overrides={"shuffle_recipes": False}).params["recipes"] == original
