from symbench.registry import get_task
from symbench.tasks.string_deletion_modification import POOL, run

TASK = get_task("string_deletion_modification")


def _params(string, rules):
    final, fired, status = run(string, rules, 300)
    assert status == "done"
    return {"string": string, "rules": rules, "max_steps": 300, "firings": len(fired)}


def test_hand_worked_middle_deletion_and_two_step_rule():
    # Rules shown as 1: length > 15 -> delete index floor(L/2); 2: prefix cb -> aa, then drop last char;
    # 3: suffix cc -> b and prepend a.
    # "cb" + 13*a + "cc" (length 17): rule 1 deletes index 8 (an 'a') -> length 16; rule 1 again -> length 15
    # ("cb" + 11*a + "cc"); rule 1 no longer applies; rule 2: "aa" + 11*a + "cc" = 13*a + "cc", drop the last
    # character -> 13*a + "c". Now nothing starts with cb, nothing ends with cc, length 14: stop.
    params = _params("cb" + "a" * 13 + "cc", [19, 5, 7])
    assert params["firings"] == 3
    assert TASK.solve(params) == "a" * 13 + "c"
    assert TASK.check(params, "a" * 13 + "c").correct


def test_hand_worked_restart_from_rule_one():
    # 1: contains abc -> first becomes cab; 2: prefix ca -> bb + append c; 3: suffix bb -> delete it.
    # aabcbb -> (rule 1) a+cab+bb = acabbb -> (rule 3; acabbb has no abc, does not start with ca) acab -> stop.
    params = _params("aabcbb", [9, 6, 4])
    assert TASK.solve(params) == "acab"
    # the suffix rule: 'cc' at the end becomes 'b' and 'a' goes in front
    assert TASK.solve(_params("acc", [7])) == "aab"
    # rule "ca at index >= 1" ignores a leading ca
    assert TASK.solve(_params("cab", [17])) == "cab"
    assert TASK.solve(_params("bcab", [17])) == "bb"


def test_lowest_numbered_rule_wins_not_cycling():
    # Rules 1: suffix ca -> delete last char; 2: prefix ab -> ca; 3: prefix ca -> bb + append c.
    # "ab": rule 2 gives "ca". Restarting at rule 1 (the stated procedure): suffix ca -> "c", then nothing applies.
    # The "cycle on to rule 3" reading would instead give "bbc"; the reference must not.
    params = _params("ab", [14, 1, 6])
    assert TASK.solve(params) == "c"
    assert not TASK.check(params, "bbc").correct
    assert "start checking again from rule 1" in TASK.question(params)


def test_format_variants_and_near_misses():
    params = _params("cb" + "a" * 13 + "cc", [19, 5, 7])
    inst = {"params": params}
    good = "a" * 13 + "c"
    assert TASK.verify(inst, f"<<<{good}>>>").correct
    assert TASK.verify(inst, f'<<<"{good}">>>').correct
    assert TASK.verify(inst, f"<<< '{good}' >>>").correct
    assert not TASK.verify(inst, f"<<<{'a' * 12}cc>>>").correct  # one wrong letter
    assert not TASK.verify(inst, f"<<<{'a' * 12}c>>>").correct  # one letter missing
    assert not TASK.verify(inst, f"<<<{good.upper()}>>>").correct  # wrong case
    assert not TASK.verify(inst, f"<<<{' '.join(good)}>>>").correct  # spaced out
    assert not TASK.verify(inst, f"<<<['{good}']>>>").correct  # list instead of string


def _independent(string, rules):
    """A second, regex-based reading of the rule texts, used to cross-check the module."""
    import re

    def step(s, r):
        if r in (1, 3, 5, 6, 8, 12, 15, 20):
            pre = {1: "ab", 3: "bc", 5: "cb", 6: "ca", 8: "aa", 12: "cc", 15: "bb", 20: "ac"}[r]
            if not s.startswith(pre):
                return None
            rest = s[2:]
            return {1: "ca" + rest, 3: rest + "aa", 5: ("aa" + rest)[:-1], 6: "bb" + rest + "c", 8: s[1:],
                    12: rest, 15: "b" + rest, 20: "zz" + rest}[r]
        if r in (2, 4, 7, 11, 14, 16):
            suf = {2: "ac", 4: "bb", 7: "cc", 11: "ba", 14: "ca", 16: "aa"}[r]
            if not s.endswith(suf):
                return None
            head = s[:-2]
            return {2: head + "cb", 4: head, 7: "a" + head + "b", 11: head + "ab", 14: s[:-1], 16: head + "cc"}[r]
        if r in (9, 10, 13):
            old, new = {9: ("abc", "cab"), 10: ("bca", ""), 13: ("acb", "bca")}[r]
            return re.sub(old, new, s, count=1) if old in s else None
        if r == 17:
            m = re.search("ca", s[1:])
            return None if m is None else s[: m.start() + 1] + s[m.start() + 3 :]
        if r == 18:
            n = len(re.findall("b", s))
            return s + "ab" if n >= 2 and n % 2 == 0 else None
        if r == 19:
            return s[: len(s) // 2] + s[len(s) // 2 + 1 :] if len(s) > 15 else None
        raise AssertionError(r)

    s = string
    for _ in range(400):
        for r in rules:
            t = step(s, r)
            if t is not None:
                s = t
                break
        else:
            return s
    raise AssertionError("did not stop")


def test_generated_instances_match_an_independent_simulation_and_stop():
    assert sorted(POOL) == list(range(1, 21))
    for level in (1, 3, 5):
        for i in range(15):
            inst = TASK.instance(level, seed=3, index=i)
            p = inst.params
            assert _independent(p["string"], p["rules"]) == inst.answer
            final, fired, status = run(p["string"], p["rules"], p["max_steps"])
            assert status == "done" and final
            assert len(fired) >= TASK.presets[level].min_firings
            assert 1 <= len(p["rules"]) == len(set(p["rules"]))
            for n in range(1, len(p["rules"]) + 1):
                assert f"\n{n}. " in inst.question


def test_level_table():
    for i in range(10):
        p = TASK.instance(5, seed=1, index=i).params
        assert 10 <= len(p["rules"]) <= 12 and 20 <= len(p["string"]) <= 40 and p["firings"] >= 15
        p1 = TASK.instance(1, seed=1, index=i).params
        assert len(p1["rules"]) == 3 and 6 <= len(p1["string"]) <= 10 and p1["firings"] >= 2
