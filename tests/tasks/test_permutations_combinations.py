import itertools
import random

from symbench.registry import get_task
from symbench.tasks.permutations_combinations import holds, order_to_positions, solutions

TASK = get_task("permutations_combinations")
A, B, C, D = range(4)

# Worked out by hand (4 books):
#  1. A at position 1.  2. D next to A -> D at 2.  3. B to the right of C -> of positions 3, 4
#  C takes 3 and B takes 4.  4. C not at position 2 (consistent, redundant).
#  Unique arrangement: A D C B.
HAND = {
    "books": 4,
    "constraints": [["at", A, -1, 1], ["adjacent", D, A, 0], ["right", B, C, 0], ["not_at", C, -1, 2]],
    "solution": ["A", "D", "C", "B"],
    "unique": True,
}


def test_hand_worked_unique():
    assert solutions(4, HAND["constraints"], limit=5) == [order_to_positions([A, D, C, B])]
    assert TASK.solve(HAND) == '["A", "D", "C", "B"]'
    assert TASK.check(HAND, '["A", "D", "C", "B"]').correct
    q = TASK.question(HAND)
    assert "1. Book A must be at position 1." in q and "3. Book B must be somewhere to the right of book C." in q
    assert '<<<["A", "D", "C", "B"]>>>' not in q


def test_other_valid_arrangements_accepted():
    params = {"books": 4, "constraints": [["left", A, B, 0], ["not_adjacent", C, D, 0]], "solution": ["A", "C", "B", "D"], "unique": False}
    inst = {"params": params}
    for text in ('["A", "C", "B", "D"]', '["C", "A", "D", "B"]', "[D, A, B, C]", '["a", "c", "b", "d"]', "A, C, B, D"):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text
    # B before A, and C next to D
    assert not TASK.verify(inst, '<<<["B", "A", "C", "D"]>>>').correct
    assert not TASK.verify(inst, '<<<["A", "C", "D", "B"]>>>').correct


def test_near_misses_rejected():
    inst = {"params": HAND}
    for text in ('["A", "D", "B", "C"]', '["A", "A", "C", "B"]', '["A", "D", "C"]', '["A", "D", "C", "B", "E"]',
                 '["A", "D", "C", "E"]', '"A D C B"', "ADCB", '["AD", "C", "B"]', '["D", "A", "C", "B"]'):
        assert not TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert "appears more than once" in TASK.check(HAND, '["A", "A", "C", "B"]').reason
    assert "constraint 3" in TASK.check(HAND, '["A", "D", "B", "C"]').reason


def test_non_ascii_look_alike_labels_rejected():
    # 9 books A..I, no constraints: any permutation passes, so only the label check can fail.
    params = {"books": 9, "constraints": [], "solution": list("ABCDEFGHI"), "unique": False}
    assert TASK.check(params, '["A", "B", "C", "D", "E", "F", "G", "H", "I"]').correct
    assert TASK.check(params, '["a", "b", "c", "d", "e", "f", "g", "h", "i"]').correct
    # the dotless i upper-cases to "I" in Python, but it is not the label I
    verdict = TASK.check(params, '["A", "B", "C", "D", "E", "F", "G", "H", "\u0131"]')
    assert not verdict.correct and "item 9" in verdict.reason


def test_extra_kinds_semantics():
    pos = order_to_positions([A, B, C, D])  # A1 B2 C3 D4
    assert holds(["between", A, D, 2], pos) and not holds(["between", A, D, 1], pos)
    assert holds(["not_adjacent", A, C, 0], pos) and not holds(["not_adjacent", A, B, 0], pos)
    assert holds(["even", B, -1, 0], pos) and not holds(["even", C, -1, 0], pos)
    assert holds(["left", A, B, 0], pos) and holds(["right", D, A, 0], pos) and not holds(["right", A, D, 0], pos)


def _brute(n, constraints):
    return sum(
        all(holds(c, order_to_positions(list(order))) for c in constraints)
        for order in itertools.permutations(range(n))
    )


def test_solver_matches_brute_force():
    rng = random.Random(5)
    kinds = ["at", "not_at", "left", "right", "adjacent", "between", "not_adjacent", "even"]
    for _ in range(80):
        n = rng.randint(3, 6)
        cons = []
        for _ in range(rng.randint(0, 5)):
            kind = rng.choice(kinds)
            x, y = rng.sample(range(n), 2)
            if kind in ("at", "not_at"):
                cons.append([kind, x, -1, rng.randint(1, n)])
            elif kind == "even":
                cons.append([kind, x, -1, 0])
            else:
                cons.append([kind, x, y, rng.randint(1, max(1, n - 2)) if kind == "between" else 0])
        assert len(solutions(n, cons, limit=10**6)) == _brute(n, cons)


def test_unique_levels_have_exactly_one_solution():
    for level in (4, 5):
        cfg = TASK.presets[level]
        for i in range(4):
            p = TASK.instance(level, seed=6, index=i).params
            sols = solutions(p["books"], p["constraints"], limit=2)
            assert len(sols) == 1
            assert cfg.constraints[0] <= len(p["constraints"]) <= cfg.constraints[1]
            order = sorted(range(p["books"]), key=lambda b: sols[0][b])
            assert [chr(65 + b) for b in order] == p["solution"]
    kinds = {c[0] for i in range(6) for c in TASK.instance(5, seed=6, index=i).params["constraints"]}
    assert kinds & {"between", "not_adjacent", "even"}


def test_low_levels_are_satisfiable_and_sized():
    for i in range(5):
        p = TASK.instance(2, seed=1, index=i).params
        assert p["books"] == 6 and 7 <= len(p["constraints"]) <= 8
        assert TASK.check(p, TASK.solve(p)).correct


def test_no_constraint_is_listed_twice_in_other_words():
    # "A left of B" restates "B right of A"; "A next to B" restates "B next to A" (and so on):
    # a restated rule would make the level's constraint count smaller than it looks.
    def key(c):
        kind, x, y, k = c
        if kind == "right":
            return ("left", y, x, k)
        if kind in ("adjacent", "not_adjacent", "between"):
            return (kind, min(x, y), max(x, y), k)
        return (kind, x, y, k)

    for level in (1, 2, 3, 4, 5):
        for i in range(25 if level < 4 else 6):
            cons = TASK.instance(level, seed=2, index=i).params["constraints"]
            keys = [key(c) for c in cons]
            assert len(keys) == len(set(keys)), (level, i, cons)


def test_hand_checked_generated_instances():
    # Checked by hand against the printed constraints.
    # L1: B C A D -> A at 3 (not 1, not 2), B (1) left of A, C (2) left of A.
    # L5 (11 books): K1 B2 C3 A4 J5 G6 I7 F8 E9 D10 H11 -> A right of C; I left of D; 9 books between
    #   H and K; E right of F; F right of G; 1 between F and D; 7 between K and E; C left of G;
    #   J not at 4; 2 between J and F; 1 between A and B; G next to J.
    for level, answer in [(1, '["B", "C", "A", "D"]'), (5, '["K", "B", "C", "A", "J", "G", "I", "F", "E", "D", "H"]')]:
        inst = TASK.instance(level, seed=0, index=0)
        assert inst.answer == answer, level
