import itertools

import pytest

from symbench.registry import get_task
from symbench.tasks._logical_deduction_solver import count_solutions

TASK = get_task("logical_deduction")

# Shelf: red(0), blue(1), green(2). "The blue book is the leftmost." "The green book is to the left of the
# red book." -> blue, green, red. Asked: which book is the third from the left? -> red book = option (A).
HAND = {
    "domain": "shelf",
    "objects": ["red book", "blue book", "green book"],
    "order": [1, 2, 0],
    "clues": [["abs", 1, 0, "first"], ["before", 2, 0, 0]],
    "answer_format": "choice",
    "extended_clues": False,
    "query_position": 2,
    "query_end": "first",
}

# Race: Zoe(0) Liam(1) Noah(2) Emma(3). "Liam arrived immediately before Zoe." "Exactly 2 runners arrived
# between Noah and Zoe" -> Noah and Zoe at positions 0 and 3; Zoe cannot be first (Liam is right before her),
# so Zoe is 4th, Noah 1st, Liam 3rd, and Emma takes the remaining 2nd place.
HAND_EXT = {
    "domain": "race",
    "objects": ["Zoe", "Liam", "Noah", "Emma"],
    "order": [2, 3, 1, 0],
    "clues": [["imm", 1, 0, 0], ["gap", 2, 0, 2]],
    "answer_format": "order",
    "extended_clues": True,
}


def test_hand_worked_multiple_choice():
    q = TASK.question(HAND)
    assert "The blue book is the leftmost. The green book is to the left of the red book." in q
    assert "(A) The red book is the third from the left." in q and "(C) The green book is the third from the left." in q
    assert count_solutions(3, HAND["clues"]) == (1, [1, 2, 0])
    assert TASK.solve(HAND) == "(A)"
    inst = {"params": HAND}
    for ok in ("<<<(A)>>>", "<<<A>>>", "<<<(a)>>>", "<<< ( A ) >>>", "<<<'(A)'>>>"):
        assert TASK.verify(inst, ok).correct, ok
    for bad in ("<<<(B)>>>", "<<<(C)>>>", "<<<(D)>>>", "<<<A)>>>", "<<<(A>>>", "<<<red book>>>", "<<<(A) red book>>>", "<<<AB>>>"):
        assert not TASK.verify(inst, bad).correct, bad


def test_hand_worked_extended_clues_and_order_answer():
    assert count_solutions(4, HAND_EXT["clues"]) == (1, [2, 3, 1, 0])
    assert count_solutions(4, HAND_EXT["clues"][1:])[0] == 2  # the gap clue alone is not enough
    q = TASK.question(HAND_EXT)
    assert "Liam arrived immediately before Zoe. Exactly 2 runners arrived between Noah and Zoe." in q
    assert TASK.solve(HAND_EXT) == "[Noah, Emma, Liam, Zoe]"
    inst = {"params": HAND_EXT}
    for ok in ("[Noah, Emma, Liam, Zoe]", "Noah, Emma, Liam, Zoe", "['noah', 'EMMA', \"Liam\", zoe]", "(Noah,Emma,Liam,Zoe)"):
        assert TASK.verify(inst, f"<<<{ok}>>>").correct, ok
    for bad in (
        "[Noah, Liam, Emma, Zoe]",  # two swapped
        "[Zoe, Liam, Emma, Noah]",  # reversed
        "[Noah, Emma, Liam]",  # one missing
        "[Noah, Emma, Liam, Zoe, Zoe]",
        "[Noah, Emma, Emma, Zoe]",
        "[Noah, Emma, Liam, Bob]",
        "Noah Emma Liam Zoe",  # wrong separator
        "[Noah; Emma; Liam; Zoe]",
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad
    reason = TASK.verify(inst, "<<<[Noah, Liam, Emma, Zoe]>>>").reason
    assert "immediately before" in reason


def test_articles_are_optional_for_object_names():
    params = dict(HAND, answer_format="order")
    inst = {"params": params}
    assert TASK.solve(params) == "[blue book, green book, red book]"
    assert TASK.verify(inst, "<<<[the blue book, The Green Book, red  book]>>>").correct
    assert not TASK.verify(inst, "<<<[blue, green, red]>>>").correct


def _brute_force(n, clues):
    """Independent count over all n! orders."""
    sols = []
    for perm in itertools.permutations(range(n)):
        where = {obj: p for p, obj in enumerate(perm)}
        ok = True
        for c in clues:
            if c[0] == "abs":
                ok = where[c[1]] == c[2]
            elif c[0] == "before":
                ok = where[c[1]] < where[c[2]]
            elif c[0] == "imm":
                ok = where[c[2]] - where[c[1]] == 1
            else:
                ok = abs(where[c[1]] - where[c[2]]) == c[3] + 1
            if not ok:
                break
        if ok:
            sols.append(list(perm))
    return sols


@pytest.mark.parametrize("level", [1, 2, 3])
def test_generated_orders_are_unique_by_brute_force(level):
    for index in range(8):
        p = TASK.instance(level, 4, index).params
        assert _brute_force(len(p["objects"]), p["clues"]) == [p["order"]]


def test_solver_agrees_with_brute_force_on_extended_clues():
    # L5-style clue kinds on 7 objects, checked against brute force
    for index in range(6):
        p = TASK.instance(5, 4, index, overrides={"objects": (7, 7)}).params
        assert _brute_force(7, p["clues"]) == [p["order"]]
    # and random partial clue sets: counts agree (capped at 2)
    p = TASK.instance(5, 9, 0, overrides={"objects": (6, 6)}).params
    for k in range(len(p["clues"]) + 1):
        sub = p["clues"][:k]
        assert count_solutions(6, sub)[0] == min(2, len(_brute_force(6, sub)))


@pytest.mark.parametrize("level", [4, 5])
def test_generated_clue_sets_are_unique_and_minimal(level):
    for index in range(4):
        inst = TASK.instance(level, 4, index)
        p = inst.params
        n = len(p["objects"])
        assert count_solutions(n, p["clues"]) == (1, p["order"])
        for i in range(len(p["clues"])):
            assert count_solutions(n, p["clues"][:i] + p["clues"][i + 1 :])[0] == 2
        assert sum(c[0] == "abs" for c in p["clues"]) <= 1
        # swapping two neighbours in the answer is rejected
        names = [p["objects"][i] for i in p["order"]]
        names[0], names[1] = names[1], names[0]
        assert not TASK.verify(inst, "<<<[" + ", ".join(names) + "]>>>").correct


def test_levels():
    for index in range(10):
        assert len(TASK.instance(1, 0, index).params["objects"]) == 3
        assert len(TASK.instance(3, 0, index).params["objects"]) == 7
        p5 = TASK.instance(5, 0, index).params
        assert 9 <= len(p5["objects"]) <= 10 and p5["answer_format"] == "order"
    kinds = {c[0] for i in range(10) for c in TASK.instance(5, 0, i).params["clues"]}
    assert {"imm", "gap", "before"} <= kinds
    domains = {TASK.instance(2, 0, i).params["domain"] for i in range(80)}
    assert len(domains) == 8


def test_query_position_is_never_stated_outright():
    for index in range(40):
        p = TASK.instance(3, 2, index).params
        assert all(not (c[0] == "abs" and c[2] == p["query_position"]) for c in p["clues"])


@pytest.mark.parametrize("level,n", [(1, 3), (2, 5), (3, 7)])
def test_correct_letter_is_balanced_exactly_by_index(level, n):
    letters = "ABCDEFG"[:n]
    insts = [TASK.instance(level, 6, i) for i in range(2 * n)]
    # index % n is the correct option: every letter exactly twice over indices 0..2n-1
    assert [inst.answer for inst in insts] == [f"({c})" for c in letters] * 2
    for inst in insts:
        p = inst.params
        # the relabelled puzzle is still uniquely solved (brute force), and the answer names the object found
        # at the queried position in that solution
        sols = _brute_force(n, p["clues"])
        assert sols == [p["order"]]
        assert inst.answer == f"({letters[sols[0][p['query_position']]]})"
        # and still minimal: dropping any clue leaves several orders
        for i in range(len(p["clues"])):
            assert count_solutions(n, p["clues"][:i] + p["clues"][i + 1 :])[0] == 2


def test_hand_checked_generated_instances():
    # Checked by hand (index 2 puts the answer at (C) for the multiple-choice levels):
    # L1: birds falcon, hawk, crow. The falcon is second from the right of three (the middle) and to the right of
    #     the crow, so the crow is leftmost: (C).
    # L3: queue Hugo, Kate, Max, Rosa, Nina, Jack, Lena (front = 1st). Jack 3rd, Lena 5th, Rosa 4th; Rosa ahead of
    #     Hugo and Max behind Hugo -> Hugo 6th, Max 7th; Nina ahead of Kate -> Nina 1st, Kate 2nd. Back of the line:
    #     Max = (C).
    for level, names in ((1, ("falcon", "hawk", "crow")), (3, ("Hugo", "Kate", "Max", "Rosa", "Nina", "Jack", "Lena"))):
        inst = TASK.instance(level, 7, 2)
        assert inst.answer == "(C)" and all(name in inst.question for name in names), level
