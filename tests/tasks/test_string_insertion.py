from symbench.registry import get_task

TASK = get_task("string_insertion")


def test_hand_worked_overlapping_chain():
    # ABCDEABC holds ABCD, BCDE, CDEA, DEAB and EABC, overlapping; worked out by hand:
    # ABCD+A, E+B, A+C, B+D, C+E
    params = {"string": "ABCDEABC", "applications": 1, "occurrences": 5}
    assert TASK.solve(params) == "ABCDAEBACBDCE"
    assert TASK.check(params, "ABCDAEBACBDCE").correct


def test_insertions_do_not_create_matches_within_one_pass_but_do_in_the_next():
    # ABCD -> ABCDA: the inserted A creates CDEA? no; but BCDA... take ABCDE: ABCD (A) and BCDE (B)
    one = {"string": "ABCDE", "applications": 1, "occurrences": 2}
    assert TASK.solve(one) == "ABCDAEB"
    # second pass rescans ABCDAEB: ABCD again -> ABCDAAEB
    two = {"string": "ABCDE", "applications": 2, "occurrences": 2}
    assert TASK.solve(two) == "ABCDAAEB"


def test_near_misses_rejected():
    params = {"string": "ABCDEABC", "applications": 1, "occurrences": 5}
    inst = {"params": params}
    assert TASK.verify(inst, "<<<ABCDAEBACBDCE>>>").correct
    assert TASK.verify(inst, "<<< 'ABCDAEBACBDCE' >>>").correct  # harmless quoting
    assert not TASK.verify(inst, "<<<ABCDAEBACBDCF>>>").correct  # one wrong letter
    assert not TASK.verify(inst, "<<<abcdaebacbdce>>>").correct  # case-sensitive
    assert not TASK.verify(inst, "<<<ABCDAEBACBDC>>>").correct  # one insertion missing
    assert not TASK.verify(inst, "<<<A B C D A E B A C B D C E>>>").correct  # wrong format
