from symbench.registry import get_task
from symbench.tasks.letter_logic_diagram import count_solutions

TASK = get_task("letter_logic_diagram")

# Hand-worked 3x3 (letters a-c): givens b, c in row 0 force a at (0, 2), so the minor
# diagonal is all a; then (1, 0) = c (column 0 has b, a), (1, 2) = b, (2, 2) = c, (2, 1) = b.
HAND = {"n": 3, "puzzle": ["bc.", "...", "..."], "blanks": 7}
HAND_SOLUTION = "b,c,a\nc,a,b\na,b,c"


def verdict(params, text):
    return TASK.verify({"params": params}, f"<<<{text}>>>")


def test_hand_worked_3x3():
    assert count_solutions(3, TASK._flat(HAND), limit=5) == 1
    assert TASK.solve(HAND) == HAND_SOLUTION
    assert verdict(HAND, HAND_SOLUTION).correct
    assert "b,c,\n,,\n,,\n" in TASK.question(HAND)
    # with only b given, the diagonal may be a or c: two completions (b,c,a/c,a,b/a,b,c and
    # b,a,c/a,c,b/c,b,a), and the unknown diagonal letter is searched over
    loose = {"n": 3, "puzzle": ["b..", "...", "..."], "blanks": 8}
    assert count_solutions(3, TASK._flat(loose), limit=5) == 2
    assert verdict(loose, "b,a,c\na,c,b\nc,b,a").correct
    assert verdict(loose, HAND_SOLUTION).correct


def test_format_variants_accepted():
    for text in (
        HAND_SOLUTION,
        HAND_SOLUTION.upper(),
        HAND_SOLUTION.replace(",", ", "),
        HAND_SOLUTION.replace(",", " "),
        "[[b,c,a],[c,a,b],[a,b,c]]",
        '[["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]',
        "\n" + HAND_SOLUTION + "\n",
    ):
        assert verdict(HAND, text).correct, text


def test_near_misses_rejected():
    cases = {
        "b,c,a\nc,a,b\na,c,b": ("wrong", "column 2 repeats"),  # one swap in the last row
        "c,b,a\na,c,b\nb,a,c": ("wrong", "the given b at row 1, column 1 was changed"),
        "b,c,a\nc,a,b": ("bad_format", "or 3 lines, got 2 lines"),
        "b,c,a\nc,a,b\na,b,c\na,b,c": ("bad_format", "or 3 lines, got 4 lines"),
        "b,c,a\nc,a,b\na,b": ("bad_format", "row 3 must have 3 values, got 2"),
        "b,c,a\nc,a,b\na,b,d": ("bad_format", "not one of the letters"),
        "b,c,a\nc,a,b\na,b,cc": ("bad_format", "not one of the letters"),
        "bca\ncab\nabc": ("bad_format", "row 1 must have 3 values, got 1"),
        "[[b,c,a],[c,a,b],[a,b,c]": ("bad_format", "unbalanced"),
        "[[b,c,a],[c,a,b],[a,b,c": ("bad_format", "not one of the letters"),
    }
    for text, (code, reason) in cases.items():
        v = verdict(HAND, text)
        assert v.code == code, (text, v)
        assert reason in v.reason, (text, v.reason)
    # a Latin square whose minor diagonal is not constant
    free = {"n": 3, "puzzle": ["...", "...", "..."], "blanks": 9}
    assert verdict(free, "a,b,c\nb,c,a\nc,a,b").correct  # diagonal c,c,c
    v = verdict(free, "a,b,c\nc,a,b\nb,c,a")
    assert not v.correct and "minor diagonal" in v.reason


def test_generated_puzzles_unique_and_in_range():
    for level in (1, 2, 3, 4, 5):
        lo, hi = TASK.presets[level].blanks
        for i in range(3):
            p = TASK.instance(level, 6, i).params
            flat = TASK._flat(p)
            assert flat.count(-1) == p["blanks"] and lo <= p["blanks"] <= hi
            assert p["n"] == (5 if level == 1 else 9 if level == 5 else 7)
            assert count_solutions(p["n"], flat, limit=2) == 1


def test_solutions_are_not_only_cyclic():
    # the original always used perm[(r + c) mod n]; ours must produce other squares too
    cyclic = 0
    for i in range(10):
        inst = TASK.instance(3, 0, i)
        rows = inst.answer.split("\n")
        n = len(rows)
        grid = [r.split(",") for r in rows]
        if all(grid[r][c] == grid[(r + 1) % n][(c - 1) % n] for r in range(n) for c in range(n)):
            cyclic += 1
    assert cyclic < 10
