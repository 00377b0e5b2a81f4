from symbench.registry import get_task
from symbench.tasks._standard_sudoku_solver import count_solutions, singles_solve

TASK = get_task("standard_sudoku")

# A valid full grid: row r is 1..9 shifted by 3*(r%3) + r//3.
FULL = [[(3 * (r % 3) + r // 3 + c) % 9 + 1 for c in range(9)] for r in range(9)]
FULL_TEXT = "[" + ", ".join("[" + ",".join(map(str, row)) + "]" for row in FULL) + "]"


def verdict(params, text):
    return TASK.verify({"params": params}, f"<<<{text}>>>")


def with_blanks(cells):
    puzzle = [row[:] for row in FULL]
    for r, c in cells:
        puzzle[r][c] = 0
    return puzzle


def test_hand_worked_single_blank():
    # Row 0 is 1 2 3 ... 9; with (0, 0) blank the only digit missing from row 0 is 1.
    params = {"puzzle": with_blanks([(0, 0)]), "blanks": 1, "beyond_singles": False}
    assert FULL[0] == [1, 2, 3, 4, 5, 6, 7, 8, 9] and FULL[1][:3] == [4, 5, 6]
    assert TASK.solve(params) == FULL_TEXT
    assert verdict(params, FULL_TEXT).correct
    assert singles_solve([v for row in params["puzzle"] for v in row])
    assert ",2,3,4,5,6,7,8,9\n" in TASK.question(params)


def test_relabelling_gives_two_solutions():
    # Blank every 1 and every 2: swapping the two digits in all 18 cells gives a second valid grid.
    cells = [(r, c) for r in range(9) for c in range(9) if FULL[r][c] in (1, 2)]
    flat = [v for row in with_blanks(cells) for v in row]
    assert count_solutions(flat, limit=5) == 2


def test_format_variants_accepted():
    params = {"puzzle": with_blanks([(0, 0), (4, 4), (8, 8)]), "blanks": 3, "beyond_singles": False}
    variants = [
        FULL_TEXT,
        FULL_TEXT.replace(",", ", "),
        "\n".join("".join(map(str, row)) for row in FULL),
        "\n".join(" ".join(map(str, row)) for row in FULL),
        "\n".join(",".join(map(str, row)) for row in FULL),
        "[" + ",\n".join("['" + "','".join(map(str, row)) + "']" for row in FULL) + "]",
        "```\n" + FULL_TEXT + "\n```",
    ]
    for text in variants:
        assert verdict(params, text).correct, text


def test_near_misses_rejected():
    params = {"puzzle": with_blanks([(0, 0), (0, 1), (4, 4), (8, 8)]), "blanks": 4, "beyond_singles": False}
    grid = [row[:] for row in FULL]
    grid[0][0], grid[0][1] = grid[0][1], grid[0][0]  # both blanks, row stays valid
    swapped = "[" + ",".join("[" + ",".join(map(str, row)) + "]" for row in grid) + "]"
    given = [row[:] for row in FULL]
    given[0][2], given[0][3] = given[0][3], given[0][2]  # (0, 2) is a given
    changed = "[" + ",".join("[" + ",".join(map(str, row)) + "]" for row in given) + "]"
    one_wrong = [row[:] for row in FULL]
    one_wrong[4][4] = 1 if FULL[4][4] != 1 else 2
    wrong = "[" + ",".join("[" + ",".join(map(str, row)) + "]" for row in one_wrong) + "]"
    cases = {
        swapped: "column 1 contains",
        changed: "the given 3 at row 1, column 3 was changed",
        wrong: "contains",
        FULL_TEXT.rsplit(", [", 1)[0] + "]": "expected 9 rows",
        FULL_TEXT.replace("[1,2,3", "[0,2,3"): "row 1 must hold 9 digits",
        FULL_TEXT.replace("[1,2,3", "[10,2,3"): "row 1 must hold 9 digits",
        FULL_TEXT.replace("[1,2,3", "[1,2"): "row 1 must hold 9 digits",
        FULL_TEXT[:-1]: "expected a list of 9 lists",
        FULL_TEXT[:-2]: "unbalanced",
        "\n".join("".join(map(str, row)) for row in FULL[:8]): "expected 9 rows",
        "".join("".join(map(str, row)) for row in FULL): "expected 9 rows",  # one line of 81 digits
    }
    for text, reason in cases.items():
        v = verdict(params, text)
        assert not v.correct, text
        assert reason in v.reason, (text, v.reason)


def test_generated_puzzles_are_unique_and_in_range():
    for level in (1, 2, 3, 4, 5):
        lo, hi = TASK.presets[level].blanks
        for i in range(3):
            p = TASK.instance(level, 4, i).params
            flat = [v for row in p["puzzle"] for v in row]
            assert flat.count(0) == p["blanks"] and lo <= p["blanks"] <= hi
            assert count_solutions(flat, limit=2) == 1
            if level == 5:
                assert p["beyond_singles"] and not singles_solve(flat)


def test_removal_shortcuts_agree_with_the_search():
    from symbench.tasks._standard_sudoku_solver import _Remover

    flat = [v for row in FULL for v in row]
    rem = _Remover(flat)
    assert rem.try_remove(0)  # a lone blank is a naked single
    # blank every other 1 and 2 by hand: then (0, 1), holding 2, can swap with the 1s
    ones_twos = [i for i, v in enumerate(flat) if v in (1, 2) and i not in (0, 1)]
    for i in ones_twos:
        rem._set(i, flat[i])
    rem._set(1, 2)
    assert rem._swappable(1, 2)
    assert count_solutions(rem.g, limit=3) == 2  # exactly the 1<->2 relabelling
    rem._set(1, 2)  # give it back
    assert not rem.try_remove(1)  # and the remover refuses to blank it
    assert rem.g[1] == 2


def _line_triples(grid):
    """Distinct digit sets of the 27 mini-rows and of the 27 mini-columns."""
    minirows = {frozenset(grid[r][3 * s : 3 * s + 3]) for r in range(9) for s in range(3)}
    minicols = {frozenset(grid[3 * b + k][c] for k in range(3)) for c in range(9) for b in range(3)}
    return len(minirows), len(minicols)


def test_solution_grids_are_not_a_permuted_pattern():
    # A relabelled/permuted base pattern has all mini-rows (or all mini-columns) drawn from
    # at most nine digit triples, which gives much of the solution away; random grids have
    # far more distinct triples in both directions.
    import json

    for i in range(6):
        grid = json.loads(TASK.instance(1, 0, i).answer)
        assert min(_line_triples(grid)) > 12, (i, _line_triples(grid))
    assert max(_line_triples(FULL)) <= 9  # the hand-made pattern grid above is such a grid


def _rules_hold(puzzle, grid):
    """The rules read plainly: givens kept, no digit twice in a row, a column or a box."""
    if any(puzzle[r][c] and grid[r][c] != puzzle[r][c] for r in range(9) for c in range(9)):
        return False
    units = [[(r, c) for c in range(9)] for r in range(9)] + [[(r, c) for r in range(9)] for c in range(9)]
    units += [[(br + r, bc + c) for r in range(3) for c in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(len({grid[r][c] for r, c in unit}) == 9 for unit in units)


def test_quick_rule_check_agrees_with_the_plain_rules_on_damaged_grids():
    # The verifier judges a grid on bytes first; on wrong grids it must still say wrong (and
    # on right ones right), whichever spelling the grid comes in.
    import random

    rng = random.Random(8)
    puzzle = with_blanks([(r, c) for r in range(9) for c in range(9) if (r * 9 + c) % 3])
    params = {"puzzle": puzzle, "blanks": 54, "beyond_singles": False}
    for _ in range(400):
        grid = [row[:] for row in FULL]
        for _ in range(rng.randint(0, 3)):
            kind = rng.random()
            r, c, r2, c2 = (rng.randrange(9) for _ in range(4))
            if kind < 0.4:
                grid[r][c] = rng.randint(1, 9)
            elif kind < 0.7:
                grid[r][c], grid[r2][c2] = grid[r2][c2], grid[r][c]
            else:  # a whole-row or whole-column swap keeps rows (or columns) intact
                grid[r], grid[r2] = grid[r2], grid[r]
        want = _rules_hold(puzzle, grid)
        canonical = "[" + ", ".join("[" + ",".join(map(str, row)) + "]" for row in grid) + "]"
        lines = "\n".join(" ".join(map(str, row)) for row in grid)
        for text in (canonical, lines):
            assert TASK.check(params, text).correct == want, (text, want)
