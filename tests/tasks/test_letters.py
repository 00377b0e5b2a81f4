import re

from symbench.registry import get_task
from symbench.tasks._letters_words import WORDS

TASK = get_task("letters")


def test_hand_worked_sassafras():
    # s a s s a f r a s: the letter s is at positions 1, 3, 4 and 9 (1-based) -> count 4.
    params = {"word": "sassafras", "letter": "s", "source": "real"}
    assert TASK.solve(params) == "Count: 4, Positions: [1, 3, 4, 9]"
    assert TASK.check(params, "Count: 4, Positions: [1, 3, 4, 9]").correct
    assert '"sassafras"' in TASK.question(params)


def test_format_variants_accepted():
    inst = {"params": {"word": "sassafras", "letter": "s", "source": "real"}}
    for good in (
        "Count: 4, Positions: [1, 3, 4, 9]",
        "count:4,positions:[1,3,4,9]",
        "COUNT : 4 , POSITIONS : [ 1 , 3 , 4 , 9 ]",
        "Count: 4, Positions: [9, 4, 3, 1]",  # order does not matter once sorted
        "'Count: 4, Positions: [1, 3, 4, 9]'",
    ):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good


def test_near_misses_rejected():
    inst = {"params": {"word": "sassafras", "letter": "s", "source": "real"}}
    for bad in (
        "Count: 4, Positions: [1, 3, 4, 8]",  # one wrong position
        "Count: 3, Positions: [1, 3, 4, 9]",  # count disagrees with the list
        "Count: 5, Positions: [1, 3, 3, 4, 9]",  # duplicate position (the original's set comparison passed this)
        "Count: 4, Positions: [1, 3, 4, 9, 9]",
        "Count: 4, Positions: [0, 2, 3, 8]",  # 0-based
        "Count: 3, Positions: [1, 3, 4]",
        "4, [1, 3, 4, 9]",  # wrong format
        "Count: 4, Positions: 1, 3, 4, 9",
        "Count: 4; Positions: [1, 3, 4, 9]",
        "Count: four, Positions: [1, 3, 4, 9]",
        "Count: 4, Positions: [1, 3, 4, 9.0]",
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_absent_letter_means_empty_list():
    params = {"word": "rhythm", "letter": "a", "source": "real"}
    assert TASK.solve(params) == "Count: 0, Positions: []"
    assert TASK.check(params, "Count: 0, Positions: [ ]").correct
    assert not TASK.check(params, "Count: 1, Positions: []").correct


def test_generated_instances_against_independent_count():
    words = set(WORDS)
    assert all(re.fullmatch(r"[a-z]{5,25}", w) for w in WORDS) and len(WORDS) >= 400
    for level in (1, 2, 3, 4, 5):
        cfg = TASK.presets[level]
        for i in range(12):
            inst = TASK.instance(level, seed=7, index=i)
            p = inst.params
            pos = [m.start() + 1 for m in re.finditer(re.escape(p["letter"]), p["word"])]
            assert inst.answer == f"Count: {len(pos)}, Positions: [{', '.join(map(str, pos))}]"
            assert cfg.length[0] <= len(p["word"]) <= cfg.length[1]
            assert cfg.frequency[0] <= len(pos) <= cfg.frequency[1]
            assert (p["word"] in words) == (level <= 3)


def test_level5_strings_are_long():
    p = TASK.instance(5, seed=0, index=0).params
    assert len(p["word"]) >= 350
    assert p["word"] in TASK.instance(5, seed=0, index=0).question


def test_positions_match_a_character_by_character_scan():
    import random

    from symbench.tasks.letters import positions

    rng = random.Random(2)
    for _ in range(300):
        word = "".join(rng.choice("abcab") for _ in range(rng.randint(0, 60)))
        for letter in ("a", "b", "c", "z", "", "ab"):
            assert positions(word, letter) == [i + 1 for i, ch in enumerate(word) if ch == letter]
