import itertools
import random

from symbench.registry import get_task
from symbench.tasks.logic_puzzle import VARIANTS, _even_negatives, violations

TASK = get_task("logic_puzzle")

# Worked out by hand: grid 1 2 / 3 1, K = 3, sums <= 4, top-right (0, 1) = 2 must be chosen.
#  {(0,1), (0,0), (1,0)}: values 2, 1, 3 distinct; row0 1+2=3, row1 3, col0 1+3=4, col1 2 -> valid
#  {(0,1), (1,0), (1,1)}: values 2, 3, 1 distinct; row1 3+1=4, col1 2+1=3 -> valid
#  {(0,1), (0,0), (1,1)}: 1 appears twice -> invalid
HAND = {"variant": "c1", "size": 2, "k": 3, "rule": "sum", "bound": 4, "grid": [[1, 2], [3, 1]],
        "solution": [[0, 0], [0, 1], [1, 0]]}


def test_hand_worked():
    assert TASK.solve(HAND) == "0 0, 0 1, 1 0"
    assert TASK.check(HAND, "0 0, 0 1, 1 0").correct
    assert TASK.check(HAND, "0 1, 1 0, 1 1").correct  # the other valid selection
    assert "both hold 1" in TASK.check(HAND, "0 1, 0 0, 1 1").reason
    q = TASK.question(HAND)
    assert "(0, 1)" in q and "at most 4" in q and "0-based" in q


def test_format_variants_accepted():
    inst = {"params": HAND}
    for text in ("0 0, 0 1, 1 0", "1 0,0 1,0 0", "[0 0, 0 1, 1 0]", "0  0 ,  0 1 , 1 0", "'0 1, 1 0, 1 1'"):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text


def test_near_misses_rejected():
    inst = {"params": HAND}
    for text in ("0 0, 1 0, 1 1", "0 1, 0 0", "0 1, 0 0, 1 0, 1 1", "0 1, 0 1, 1 0", "0 1, 1 0, 2 0",
                 "(0,1), (1,0), (1,1)", "0,1,1,0,1,1", "01, 10, 11", "0 1; 1 0; 1 1", "0 1, 1 0, 1 -1"):
        assert not TASK.verify(inst, f"<<<{text}>>>").correct, text
    assert "top-right" in TASK.check(HAND, "0 0, 1 0, 1 1").reason


def _params(grid, k, rule="product", bound=0):
    return {"variant": "x", "size": len(grid), "k": k, "rule": rule, "bound": bound, "grid": grid, "solution": []}


def test_product_rule_by_hand():
    # all four cells of -3 -2 / -4 -6: row products 6 and 24, column products 12 and 12 -> valid
    assert violations(_params([[-3, -2], [-4, -6]], 4), [(0, 1), (0, 0), (1, 0), (1, 1)]) is None
    # dropping (1, 0): row 1 keeps -6 alone -> product -6
    assert "row 1" in violations(_params([[-3, -2], [-4, -6]], 3), [(0, 1), (0, 0), (1, 1)])
    # a zero makes the product 0, which is not > 0
    assert "row 0" in violations(_params([[0, 2], [3, 4]], 2), [(0, 1), (0, 0)])
    # rows/columns without a selected cell are free
    assert violations(_params([[-1, 2], [3, 4]], 2), [(0, 1), (1, 1)]) is None
    # "both": the sum bound applies as well
    assert "sum" in violations(_params([[1, 9], [3, 8]], 2, "both", 10), [(0, 1), (1, 1)])
    assert violations(_params([[1, 9], [3, -8]], 2, "both", 10), [(0, 1), (1, 1)]) is not None  # product < 0
    assert violations(_params([[1, 2], [3, 8]], 2, "both", 10), [(0, 1), (1, 1)]) is None


def _independent_ok(params, cells):
    g, s = params["grid"], params["size"]
    if len(cells) != params["k"] or len(set(cells)) != len(cells) or (0, s - 1) not in cells:
        return False
    if any(not (0 <= r < s and 0 <= c < s) for r, c in cells):
        return False
    vals = [g[r][c] for r, c in cells]
    if len(set(vals)) != len(vals):
        return False
    for i in range(s):
        for line in ([g[r][c] for r, c in cells if r == i], [g[r][c] for r, c in cells if c == i]):
            if params["rule"] in ("sum", "both") and sum(line) > params["bound"]:
                return False
            if params["rule"] in ("product", "both") and line:
                prod = 1
                for v in line:
                    prod *= v
                if prod <= 0:
                    return False
    return True


def test_verifier_agrees_with_independent_rules_on_all_small_selections():
    for level in (1, 2):
        for i in range(3):
            p = TASK.instance(level, seed=8, index=i).params
            s, k = p["size"], p["k"]
            others = [(r, c) for r in range(s) for c in range(s) if (r, c) != (0, s - 1)]
            valid = 0
            for n, combo in enumerate(itertools.combinations(others, k - 1)):
                if n > 3000:
                    break
                cells = [(0, s - 1), *combo]
                ok = _independent_ok(p, cells)
                valid += ok
                assert (violations(p, cells) is None) == ok
            assert valid >= (1 if level == 1 else 0)


def test_references_valid_at_every_variant():
    for level in range(1, 6):
        for i in range(6):
            inst = TASK.instance(level, seed=9, index=i)
            p = inst.params
            assert p["variant"] in TASK.presets[level].variants
            cells = [tuple(x) for x in p["solution"]]
            assert _independent_ok(p, cells)
            size, k, lo, hi, rule, bound = VARIANTS[p["variant"]]
            assert p["size"] == size and p["k"] == k and p["rule"] == rule
            assert all(lo <= v <= hi for row in p["grid"] for v in row)
    rules = {TASK.instance(5, seed=9, index=i).params["rule"] for i in range(12)}
    assert "both" in rules


def test_even_negatives_parity():
    rng = random.Random(1)
    for _ in range(200):
        s = rng.randint(2, 8)
        cells = rng.sample([(r, c) for r in range(s) for c in range(s)], rng.randint(1, s * s))
        neg = _even_negatives(rng, s, cells, 0.4)
        for i in range(s):
            assert sum(1 for (r, c), n in zip(cells, neg) if n and r == i) % 2 == 0
            assert sum(1 for (r, c), n in zip(cells, neg) if n and c == i) % 2 == 0
