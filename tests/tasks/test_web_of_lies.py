import itertools

import pytest

from symbench.registry import get_task
from symbench.tasks.web_of_lies import QUERIES

TASK = get_task("web_of_lies")


def _params(root_truthful, statements, query, query_form, order=None):
    names = ["Ann", "Bob", "Cid", "Dee", "Eve"][: len(statements) + 1]
    return {
        "names": names,
        "root_truthful": root_truthful,
        "root_form": 0,
        "statements": statements,
        "sentence_order": order or list(range(len(names))),
        "query": query,
        "query_form": query_form,
        "distractors": [],
        "shuffle": False,
        "negations": False,
    }


HAND = _params(
    True,
    [
        {"speaker": 1, "target": 0, "claim": "lie", "form": 0},  # Bob says Ann lies
        {"speaker": 2, "target": 1, "claim": "lie", "form": 0},  # Cid says Bob lies
        {"speaker": 3, "target": 2, "claim": "truth", "form": 0},  # Dee says Cid tells the truth
    ],
    query=3,
    query_form=3,  # "Does Dee lie?"
)


def test_hand_worked_chain():
    # Ann tells the truth. Bob says Ann lies -> Bob's claim is false -> Bob lies.
    # Cid says Bob lies -> true -> Cid tells the truth. Dee says Cid tells the truth -> true -> Dee honest.
    # "Does Dee lie?" -> No.
    q = TASK.question(HAND)
    assert "Ann tells the truth. Bob says Ann lies. Cid says Bob lies. Dee says Cid tells the truth." in q
    assert "Does Dee lie?" in q
    assert TASK.solve(HAND) == "No"
    assert TASK.check(HAND, "No").correct
    asked_truth = dict(HAND, query_form=0)  # "Does Dee tell the truth?"
    assert TASK.solve(asked_truth) == "Yes"


def test_hand_worked_branch_with_distractor():
    # Ann lies. Bob says Ann lies (true: Bob honest). Cid (distractor) denies Ann is a liar
    # (negated truth-claim "Ann tells the truth", false: Cid lies). Dee says Bob lies (false: Dee lies).
    params = _params(
        False,
        [
            {"speaker": 1, "target": 0, "claim": "lie", "form": 0},
            {"speaker": 2, "target": 0, "claim": "truth", "form": 6},
            {"speaker": 3, "target": 1, "claim": "lie", "form": 0},
        ],
        query=3,
        query_form=4,  # "Is Dee a liar?"
        order=[3, 2, 0, 1],
    )
    params["distractors"] = [2]
    q = TASK.question(params)
    assert "Dee says Bob lies. Cid denies that Ann is a liar. Ann lies. Bob says Ann lies." in q
    assert TASK.solve(params) == "Yes"


def test_format_variants_and_near_misses():
    inst = {"params": HAND}
    for ok in ("<<<No>>>", "<<<no>>>", "<<< NO >>>", "<<<'No'>>>", "<<<`no`>>>"):
        assert TASK.verify(inst, ok).correct, ok
    for bad in ("<<<Yes>>>", "<<<N>>>", "<<<No.>>>", "<<<False>>>", "<<<No, Dee tells the truth>>>", "No"[:1]):
        assert not TASK.verify(inst, bad).correct, bad
    # the last <<<>>> counts
    assert not TASK.verify(inst, "<<<No>>> ... actually <<<Yes>>>").correct


def _count_consistent(params) -> int:
    """Brute force over every truth assignment: how many satisfy the root fact and all statements?"""
    n = len(params["names"])
    count = 0
    for bits in itertools.product((False, True), repeat=n):
        if bits[0] != params["root_truthful"]:
            continue
        if all(bits[s["speaker"]] == ((s["claim"] == "truth") == bits[s["target"]]) for s in params["statements"]):
            count += 1
    return count


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_generated_instances_have_exactly_one_consistent_world(level):
    for index in range(15):
        inst = TASK.instance(level, 3, index)
        assert _count_consistent(inst.params) == 1
        assert TASK.verify(inst, f"<<<{inst.answer}>>>").correct
        flipped = "No" if inst.answer == "Yes" else "Yes"
        assert not TASK.verify(inst, f"<<<{flipped}>>>").correct


def test_level_structure():
    for index in range(20):
        p = TASK.instance(2, 0, index).params
        assert len(p["names"]) == 5 and p["sentence_order"] == list(range(5))
        assert all(s["target"] == s["speaker"] - 1 for s in p["statements"])
        p5 = TASK.instance(5, 0, index).params
        n = len(p5["names"])
        assert 15 <= n <= 20 and 2 <= len(p5["distractors"]) <= 4
        assert p5["query"] != n - 1 and p5["sentence_order"][-1] != p5["query"]
        # the queried path avoids every distractor
        target_of = {s["speaker"]: s["target"] for s in p5["statements"]}
        node = p5["query"]
        while node:
            assert node not in p5["distractors"]
            node = target_of[node]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_answers_are_balanced_exactly_by_index_parity(level):
    # even index -> Yes, odd index -> No, so indices 0..2k-1 hold exactly k of each
    insts = [TASK.instance(level, 1, i) for i in range(24)]
    assert [inst.answer for inst in insts] == ["Yes", "No"] * 12
    # the answer is reached by flipping the root, not by fixing it: the root's given status and the
    # question wording still vary within each answer class, so neither alone gives the answer away
    for want in ("Yes", "No"):
        group = [inst.params for inst in insts if inst.answer == want]
        assert {p["root_truthful"] for p in group} == {True, False}
        assert {QUERIES[p["query_form"]][1] for p in group} == {True, False}
    # the same instance under another index of the same parity is a different puzzle (the index only balances)
    assert TASK.instance(level, 1, 0).question != TASK.instance(level, 1, 2).question


def test_hand_checked_generated_instances():
    # Checked by hand from the question texts:
    # L1/2: Quentin truthful; Shalonda vouches for him (true, honest); Ashley says Shalonda is honest (true):
    #       "Is Ashley honest?" -> Yes.
    # L3/2: Kristian lies; Ashley denies he is a liar (false: liar); Lavinia calls Ashley a liar (true: honest);
    #       Yasmin backs Lavinia (honest); Dallas says Yasmin lies (liar); Hortense backs Dallas (liar); Bernard calls
    #       Hortense a liar (honest): "Is Bernard telling the truth?" -> Yes.
    # L5/2: Vina truthful <- Isidro calls her a liar (liar) <- Antwan, Phoebe, Quentin each vouch for the previous
    #       (all liars) <- Lavinia calls Quentin a liar (honest) <- Christie, Delbert, Dallas, Jim, Delfina, Ellis each
    #       vouch for the previous (all honest) <- Rashida says Ellis is lying (liar): "Is Rashida a liar?" -> Yes.
    # L2/3: Jolene lies; Fidel, Phoebe, Lavinia, Antwan each say the previous one tells the truth (all liars):
    #       "Is Antwan telling the truth?" -> No.
    for level, index, answer, names in [
        (1, 2, "Yes", ("Quentin", "Shalonda", "Ashley")),
        (3, 2, "Yes", ("Kristian", "Lavinia", "Bernard")),
        (5, 2, "Yes", ("Vina", "Isidro", "Rashida")),
        (2, 3, "No", ("Jolene", "Fidel", "Antwan")),
    ]:
        inst = TASK.instance(level, 7, index)
        assert inst.answer == answer and all(n in inst.question for n in names), (level, index)
