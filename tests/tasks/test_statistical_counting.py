import re

from symbench.registry import get_task

TASK = get_task("statistical_counting")


def uniform(s, k):
    return {"string": s, "letters": k, "scores": list(range(1, k + 1)), "thresholds": [2] * k}


def test_hand_worked_default_rules():
    # BCDBADDDCCCBBDD: runs B C D B A | DDD (+4) | CCC (+3) | BB (+2) | DD (+4) -> 13
    p = uniform("BCDBADDDCCCBBDD", 4)
    assert TASK.solve(p) == "13"
    assert TASK.check(p, "13").correct
    # a long run counts once: AAAAAA -> 1; BABA has no run -> 0
    assert TASK.solve(uniform("AAAAAAB", 2)) == "1"
    assert TASK.solve(uniform("BABAB", 2)) == "0"


def test_hand_worked_level5_rules():
    # scores A=5 B=2 C=7, thresholds A>=3 B>=2 C>=4.
    # AAABBCCCCAACCCB: AAA (+5) BB (+2) CCCC (+7) AA (too short) CCC (too short) B -> 14
    p = {"string": "AAABBCCCCAACCCB", "letters": 3, "scores": [5, 2, 7], "thresholds": [3, 2, 4]}
    assert TASK.solve(p) == "14"
    assert TASK.check(p, "14").correct
    q = TASK.question(p)
    assert "4 or more C's adds 7 points" in q and "3 or more A's adds 5 points" in q


def test_format_variants_and_near_misses():
    inst = {"params": uniform("BCDBADDDCCCBBDD", 4)}
    for good in ("13", " 13 ", "'13'", "+13"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in ("12", "14", "13.0", "13 points", "thirteen", "4+3+2+4", "1,3", "[13]", "9" * 5000,
                "\u0661\u0663", "\uff11\uff13"):  # Arabic-Indic / full-width 13: not ASCII digits
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad
    big = {"params": {"string": "A", "letters": 1, "scores": [1234], "thresholds": [1]}}
    assert TASK.verify(big, "<<<1,234>>>").correct  # valid grouping in a single number
    assert not TASK.verify(big, "<<<12,34>>>").correct


def test_generated_answers_match_an_independent_count_and_are_unique():
    for level in (1, 2, 3, 4, 5):
        for index in range(10):
            inst = TASK.instance(level, seed=2, index=index)
            p = inst.params
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[: p["letters"]]
            total = 0
            for m in re.finditer(r"(.)\1*", p["string"]):
                i = alphabet.index(m.group(1))
                if len(m.group(0)) >= p["thresholds"][i]:
                    total += p["scores"][i]
            assert inst.answer == str(total)
            assert set(p["string"]) == set(alphabet)
            assert [d for d in range(total - 3, total + 4) if TASK.check(p, str(d)).correct] == [total]


def test_level5_thresholds_vary_and_matter():
    seen = set()
    for index in range(10):
        p = TASK.instance(5, seed=0, index=index).params
        seen.update(p["thresholds"])
        assert 100 <= len(p["string"]) <= 300 and 8 <= p["letters"] <= 11
    assert seen == {2, 3, 4}


def test_level1_balances_its_answer_and_keeps_length_uninformative():
    insts = [TASK.instance(1, seed=0, index=i) for i in range(100)]
    assert [inst.answer for inst in insts[:10]] == ["1", "2", "3", "4", "5"] * 2
    by_length = {}
    for inst in insts:
        by_length.setdefault(len(inst.params["string"]), []).append(int(inst.answer))
    assert sorted(by_length) == [9, 10, 11, 12]
    # every length carries every score equally often: the length says nothing about the answer
    assert all(sorted(scores) == sorted([1, 2, 3, 4, 5] * 5) for scores in by_length.values())
    assert len({inst.params["string"] for inst in insts}) == 100
