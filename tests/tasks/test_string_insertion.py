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


def _independent(s, times):
    """A second reading of the rules: lookahead regex for overlapping matches, inserting from
    the right so that earlier positions stay valid."""
    import re

    letter = {"ABCD": "A", "BCDE": "B", "CDEA": "C", "DEAB": "D", "EABC": "E"}
    for _ in range(times):
        ends = [(m.start() + 4, letter[m.group(1)]) for m in re.finditer(r"(?=(ABCD|BCDE|CDEA|DEAB|EABC))", s)]
        for end, ch in reversed(ends):
            s = s[:end] + ch + s[end:]
    return s


def test_generated_instances_follow_the_level_table_and_an_independent_simulation():
    import re

    for level in (1, 2, 3, 4, 5):
        cfg = TASK.presets[level]
        for i in range(20):
            inst = TASK.instance(level, seed=4, index=i)
            p = inst.params
            s = p["string"]
            starts = [m.start() for m in re.finditer(r"(?=(ABCD|BCDE|CDEA|DEAB|EABC))", s)]
            assert cfg.occurrences[0] <= len(starts) == p["occurrences"] <= cfg.occurrences[1]
            assert cfg.length[0] <= len(s) <= cfg.length[1] and set(s) <= set("ABCDE")
            assert cfg.applications[0] <= p["applications"] <= cfg.applications[1]
            if level == 4:  # overlapping chains such as ABCDEAB
                assert any(b - a < 4 for a, b in zip(starts, starts[1:]))
            assert inst.answer == _independent(s, p["applications"])
            example = inst.question.rsplit("<<<", 1)[1].split(">>>")[0]
            assert example != inst.answer


def test_format_variants_and_wrong_formats():
    inst = {"params": {"string": "ABCDEABC", "applications": 1, "occurrences": 5}}
    for good in ("ABCDAEBACBDCE", " ABCDAEBACBDCE ", '"ABCDAEBACBDCE"', "`ABCDAEBACBDCE`", "```\nABCDAEBACBDCE\n```"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in ("[ABCDAEBACBDCE]", "ABCDAEBACBDCE.", "ABCDAEBACBDCEA", "ABCDEABC", "ABCDAEBACBDC E", "'ABCDAEBACBDCE"):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_hand_worked_level1_string():
    # By hand: EAEEDADEAB holds only DEAB (its last four letters) -> D goes after it.
    params = {"string": "EAEEDADEAB", "applications": 1, "occurrences": 1}
    assert TASK.solve(params) == "EAEEDADEABD" == _independent(params["string"], 1)


def test_pattern_search_matches_a_window_by_window_scan():
    import random

    from symbench.tasks.string_insertion import RULES, occurrences

    rng = random.Random(6)
    for _ in range(500):
        s = "".join(rng.choice("ABCDE") for _ in range(rng.randint(0, 40)))
        naive = [(i + 4, letter) for i in range(len(s) - 3) for pattern, letter in RULES if s[i : i + 4] == pattern]
        assert occurrences(s) == naive
