import itertools

from symbench.registry import get_task
from symbench.tasks.constrained_linear_arrangement import cards_of, count_solutions, outcome

TASK = get_task("constrained_linear_arrangement")


def params(game, mine, results, unique=False):
    return {"game": game, "mine": list(mine), "results": list(results), "unique": unique}


def test_outcome_tables():
    # elements: A generates B (you lose), A overcomes C (win), D overcomes A (lose), E generates A (win)
    assert [outcome("elements", "A", c) for c in "ABCDE"] == ["draw", "loss", "win", "loss", "win"]
    # the relation is antisymmetric: swapping sides swaps win and loss
    for game in ("elements", "stick", "animal"):
        flip = {"win": "loss", "loss": "win", "draw": "draw"}
        for a, b in itertools.product(cards_of(game), repeat=2):
            assert outcome(game, b, a) == flip[outcome(game, a, b)]
    # stick: A beats B, opposite A-C draws, D beats A
    assert [outcome("stick", "A", c) for c in "ABCD"] == ["draw", "win", "draw", "loss"]
    assert outcome("stick", "B", "D") == "draw"
    # animal: Mouse beats Elephant both ways round, otherwise the higher rank wins
    assert outcome("animal", "A", "H") == "loss" and outcome("animal", "H", "A") == "win"
    assert outcome("animal", "A", "B") == "win" and outcome("animal", "H", "G") == "loss"


def test_hand_worked_unique_animal_chain():
    # B lost -> only A is stronger; C lost -> A or B, A is taken -> B;
    # G won -> only H is weaker; F won -> G or H -> G; E won -> F, G, H -> F; D won -> E..H -> E.
    p = params("animal", "ECDBGF", ["win", "loss", "win", "loss", "win", "win"], unique=True)
    assert count_solutions("animal", p["mine"], p["results"]) == 1
    assert TASK.solve(p) == "F,B,E,A,H,G"
    assert TASK.check(p, "F,B,E,A,H,G").correct
    assert TASK.check(p, "[F, B, E, A, H, G]").correct
    assert TASK.check(p, "f,b,e,a,h,g").correct  # single-case alphabet
    assert TASK.check(p, "['F','B','E','A','H','G']").correct


def test_alternative_answers_accepted():
    # elements: A lost -> B or D; B lost -> C or E; four answers fit
    p = params("elements", "AB", ["loss", "loss"])
    assert TASK.solve(p) == "B,C"
    for good in ("B,C", "B,E", "D,C", "D,E"):
        assert TASK.check(p, good).correct, good
    # stick: a draw with A allows A itself or the opposite card C
    q = params("stick", "A", ["draw"])
    assert TASK.check(q, "A").correct and TASK.check(q, "C").correct
    assert not TASK.check(q, "B").correct


def test_near_misses_rejected():
    p = params("animal", "ECDBGF", ["win", "loss", "win", "loss", "win", "win"], unique=True)
    inst = {"params": p}
    assert TASK.verify(inst, "<<<F,B,E,A,H,G>>>").correct
    for bad in (
        "F,B,E,A,G,H",  # last two swapped: G vs H... round 5 Cat vs Cat is a draw
        "F,B,E,A,H",  # one card missing
        "F,B,E,A,H,G,C",  # one card too many
        "F,B,E,A,H,I",  # I is not a card
        "F,F,E,A,H,G",  # repeated card
        "F B E A H G",  # wrong separator
        "FBEAHG",
        "Dog,Lion,Wolf,Elephant,Mouse,Cat",  # names instead of letters
    ):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad
    # the mouse exception: Elephant loses only to Mouse; Mouse wins only against Elephant
    assert TASK.check(params("animal", "A", ["loss"]), "H").correct
    assert not TASK.check(params("animal", "A", ["loss"]), "B").correct
    assert TASK.check(params("animal", "H", ["win"]), "A").correct
    assert not TASK.check(params("animal", "H", ["loss"]), "A").correct
    # elements draws only with the identical card
    assert not TASK.check(params("elements", "A", ["draw"]), "C").correct


def test_unique_levels_really_unique_by_brute_force():
    for level in (4, 5):
        for index in range(6):
            inst = TASK.instance(level, seed=4, index=index)
            p = inst.params
            cards = cards_of(p["game"])
            fits = [
                perm
                for perm in itertools.permutations(cards, len(p["mine"]))
                if all(outcome(p["game"], a, b) == r for a, b, r in zip(p["mine"], perm, p["results"]))
            ]
            assert [",".join(f) for f in fits] == [inst.answer]
            assert "Exactly one" in inst.question
            if p["game"] == "animal":
                assert "draw" not in p["results"]  # not trivialised by draws


def test_example_in_question_is_not_a_valid_answer():
    for level in (1, 3, 5):
        inst = TASK.instance(level, seed=0, index=2)
        example = inst.question.rsplit("<<<", 1)[1].split(">>>")[0]
        assert len(example.split(",")) == len(inst.params["mine"])
        assert not TASK.check(inst.params, example).correct
