from symbench.registry import get_task
from symbench.tasks.eight_queens import count_completions

TASK = get_task("eight_queens")

# Two classic 8-queens solutions (column of the queen in rows 0..7).
SOL_A = [0, 4, 7, 5, 2, 6, 1, 3]
SOL_B = [0, 5, 7, 2, 6, 3, 1, 4]


def text(cols):
    return ", ".join(f"{r} {c}" for r, c in enumerate(cols))


def verdict(params, answer):
    return TASK.verify({"params": params}, f"<<<{answer}>>>")


def test_hand_worked_4x4():
    # 4-queens has exactly two solutions, columns [1, 3, 0, 2] and [2, 0, 3, 1].
    # A queen pre-placed at (0, 1) leaves only the first; blocking (1, 3) as well leaves none.
    assert count_completions(4, [], [], limit=5) == 2
    assert count_completions(4, [[0, 1]], [], limit=5) == 1
    assert count_completions(4, [[0, 1]], [[1, 3]], limit=5) == 0
    params = {"n": 4, "queens": [[0, 1]], "blocked": [[2, 2]], "unique": False}
    assert TASK.solve(params) == "0 1, 1 3, 2 0, 3 2"
    assert verdict(params, "0 1, 1 3, 2 0, 3 2").correct
    assert TASK._board(params) == ["0100", "0000", "00X0", "0000"]
    # the other 4-queens solution drops the pre-placed queen
    v = verdict(params, "0 2, 1 0, 2 3, 3 1")
    assert not v.correct and "pre-placed queen (0, 1) is missing" in v.reason


def test_alternative_solutions_and_formats_accepted():
    params = {"n": 8, "queens": [[0, 0]], "blocked": [[1, 1], [7, 7]], "unique": False}
    assert verdict(params, text(SOL_A)).correct
    assert verdict(params, text(SOL_B)).correct  # a different completion
    shuffled = ", ".join(f"{r} {SOL_B[r]}" for r in (5, 2, 7, 0, 1, 3, 6, 4))
    assert verdict(params, shuffled).correct  # any order
    assert verdict(params, "[" + text(SOL_B) + "]").correct
    assert verdict(params, "; ".join(f"{r} {c}" for r, c in enumerate(SOL_B))).correct
    assert verdict(params, "\n".join(f"{r} {c}" for r, c in enumerate(SOL_B))).correct
    assert verdict(params, ", ".join(f"({r}, {c})" for r, c in enumerate(SOL_B))).correct


def test_near_misses_rejected():
    params = {"n": 8, "queens": [[0, 0], [2, 7]], "blocked": [[3, 2], [1, 5]], "unique": False}
    assert verdict(params, text(SOL_A)).correct
    cases = {
        text(SOL_B): "queen (1, 5) is on a blocked cell",
        text([0, 4, 7, 2, 6, 3, 1, 5]): "queen (3, 2) is on a blocked cell",
        ", ".join(f"{r} {c}" for r, c in enumerate(SOL_A) if r != 0): "7 queens listed",
        text(SOL_A) + ", 7 7": "9 items listed",
        text(SOL_A[:7]) + ", 6 1": "listed twice",
        text(SOL_A[:7]) + ", 8 3": "off the 8x8 board",
        text([0, 4, 7, 5, 2, 6, 3, 1]): "share",  # rows 6 and 7 swapped: diagonal clash
        text(SOL_A).replace("0 0", "0 1"): "pre-placed queen (0, 0) is missing",
        text(SOL_A).replace(", ", " "): "expected 'row column'",
        text(SOL_A).replace("1 4", "1-4"): "expected 'row column'",
        "(0, 0), (1, 4) and more": "unexpected text",
    }
    for answer, reason in cases.items():
        v = verdict(params, answer)
        assert not v.correct, answer
        assert reason in v.reason, (answer, v.reason)


def test_generated_instances_keep_rules():
    for level in (1, 2, 3, 4, 5):
        for i in range(6):
            inst = TASK.instance(level, 2, i)
            p = inst.params
            ref = {tuple(int(v) for v in pair.split()) for pair in inst.answer.split(", ")}
            assert len(ref) == p["n"]
            assert {tuple(q) for q in p["queens"]} <= ref
            assert not {tuple(b) for b in p["blocked"]} & ref
            lo, hi = TASK.presets[level].blocked
            assert lo <= len(p["blocked"]) <= hi
            qlo, qhi = TASK.presets[level].queens
            assert qlo <= len(p["queens"]) <= qhi


def test_level5_completion_is_unique():
    for i in range(8):
        p = TASK.instance(5, 0, i).params
        assert p["unique"] and 12 <= p["n"] <= 14
        assert count_completions(p["n"], p["queens"], p["blocked"], limit=2) == 1


def test_quick_acceptance_agrees_with_the_plain_rules_on_random_placements():
    # The verifier accepts a placement from set arithmetic first; on any placement it
    # must agree with the rules read plainly (on the board, distinct, pre-placed kept,
    # blocked avoided, no two queens in a row, column or diagonal).
    import random

    rng = random.Random(9)
    params = {"n": 8, "queens": [[0, 0]], "blocked": [[1, 1], [7, 0]], "unique": False}

    def plain(pairs):
        if any(not (0 <= r < 8 and 0 <= c < 8) for r, c in pairs) or len(set(pairs)) != len(pairs):
            return False
        if (0, 0) not in pairs or {(1, 1), (7, 0)} & set(pairs):
            return False
        return not any(
            a[0] == b[0] or a[1] == b[1] or abs(a[0] - b[0]) == abs(a[1] - b[1])
            for i, a in enumerate(pairs) for b in pairs[i + 1 :]
        )

    for _ in range(600):
        cols = rng.choice([SOL_A, SOL_B])[:]
        pairs = list(enumerate(cols))
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(8)
            pairs[i] = (rng.randint(0, 8), rng.randint(0, 8))
        answer = ", ".join(f"{r} {c}" for r, c in pairs)
        assert TASK.check(params, answer).correct == plain(pairs), answer
