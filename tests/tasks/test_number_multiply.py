import pytest

from symbench.registry import get_task
from symbench.tasks.number_multiply import parse_pattern

TASK = get_task("number_multiply")


def verdict(params, text):
    return TASK.verify({"params": params}, f"<<<{text}>>>")


def test_hand_worked_product():
    # 7 * (-12) * (-1234): the two negatives cancel; 7 * 12 = 84 and
    # 84 * 1234 = 84000 + 84 * 234 = 84000 + 19656 = 103656.
    params = {"factors": ["7", "-12", "-1234"]}
    assert TASK.solve(params) == "103656"
    assert verdict(params, "103656").correct
    assert "(-12) * (-1234)" in TASK.question(params)
    # 12 * (-34) = -408
    assert TASK.solve({"factors": ["12", "-34"]}) == "-408"


def test_format_variants_accepted():
    params = {"factors": ["7", "-12", "-1234"]}
    for text in ("103,656", "+103656", "'103656'", " 103656 "):
        assert verdict(params, text).correct, text
    big = {"factors": ["1234567", "-1000"]}
    assert verdict(big, "-1,234,567,000").correct
    assert verdict(big, "-1234567000").correct


def test_near_misses_rejected():
    params = {"factors": ["7", "-12", "-1234"]}
    cases = {
        "103657": "wrong product",
        "-103656": "wrong sign",
        "1036560": "wrong product",
        "10365": "wrong product",
        "1103656": "wrong product",  # contains the answer as a substring
        "The answer is 103656": "",
        "103656.0": "",
        "1.03656e5": "",
        "10,3656": "",  # bad grouping
        "0103656": "",  # leading zero
        "103 656": "",
        "7*-12*-1234": "",
        "\u0661\u0660\u0663\u0666\u0665\u0666": "",  # non-ASCII digits
    }
    for text, reason in cases.items():
        v = verdict(params, text)
        assert not v.correct, text
        assert reason in v.reason, (text, v.reason)


def test_huge_answer_rejected_before_conversion():
    params = {"factors": ["7", "-12", "-1234"]}
    v = verdict(params, "1" * 150_000)
    assert v.code == "wrong" and "too long" in v.reason


def test_digit_counts_are_exact_and_signs_vary():
    signs = set()
    for level in (1, 2, 3, 4, 5):
        for i in range(20):
            p = TASK.instance(level, 1, i).params
            n = len(p["factors"])
            for f in p["factors"]:
                signs.add(f.startswith("-"))
                assert f.lstrip("-")[0] != "0" and abs(int(f)) >= 2
            lengths = [len(f.lstrip("-")) for f in p["factors"]]
            if level == 1:
                assert lengths == [2, 2]
            if level == 2:
                assert lengths in ([1, 2, 4], [1, 3, 4])
            if level == 4:
                assert lengths in ([8, 8], [6, 6, 6])
            if level == 5:
                assert (n == 2 and all(12 <= d <= 20 for d in lengths)) or (
                    n in (3, 4) and all(8 <= d <= 12 for d in lengths)
                )
    assert signs == {True, False}


def test_pattern_override_and_validation():
    inst = TASK.instance(1, 0, 0, overrides={"patterns": ["20,20"], "allow_negative": False})
    assert [len(f) for f in inst.params["factors"]] == [20, 20]
    assert not inst.answer.startswith("-")
    assert parse_pattern("1, 2-3") == [(1, 1), (2, 3)]
    for bad in ("1", "0,2", "3-2,4", "a,b", "2,,2"):
        with pytest.raises(ValueError):
            parse_pattern(bad)
        with pytest.raises(ValueError, match="patterns"):
            TASK.instance(1, 0, 0, overrides={"patterns": [bad]})
