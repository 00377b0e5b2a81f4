import re

from symbench.registry import get_task

TASK = get_task("mahjong_pattern")

# Worked by hand. Hand: A A B D F H J L N P R T V.
# Round 1: new C; no C in hand (no Peng); B and D are held, so B-C-D is a run -> Chi (2).
#          Then one A leaves and C joins: A B C D F H J L N P R T V.
# Round 2: new A; only one A held (no Peng); B and C are held, A-B-C -> Chi (2).
#          Then B leaves and A joins: A A C D F H J L N P R T V.
# Round 3: new A; two A's held -> Peng (1).
HAND = list("AABDFHJLNPRTV")
ROUNDS = [["C", "A"], ["A", "B"], ["A", None]]


def params(chi=True, report_all=False, hand=HAND, rounds=ROUNDS):
    return {"hand": list(hand), "rounds": [list(r) for r in rounds], "chi": chi, "report_all": report_all}


def test_hand_worked_all_rounds():
    p = params(report_all=True)
    assert TASK.solve(p) == "[2,2,1]"
    assert TASK.check(p, "[2,2,1]").correct
    # without the Chi rule the same draws are Pass, Pass, Peng
    q = params(chi=False, report_all=True)
    assert TASK.solve(q) == "[0,0,1]"
    assert TASK.check(q, "[0,0,1]").correct
    # the single-answer form asks only for the last round
    assert TASK.solve(params()) == "1"


def test_removal_happens_after_the_result_and_can_break_a_later_peng():
    # K K held: round 1 adds K (Peng, decided before the removal), removes K -> still K K (plus new K)
    hand = list("KKBDFHNPRTVXZ")
    p = params(hand=hand, rounds=[["K", "K"], ["K", None]], report_all=True)
    assert TASK.solve(p) == "[1,1]"
    # round 1 adds A (A-B? no C; no Peng) and removes one K; round 2 adds K: only one K left,
    # J/L/I/M are not held -> Pass
    p = params(hand=hand, rounds=[["A", "K"], ["K", None]], report_all=True)
    assert TASK.solve(p) == "[0,0]"


def test_repeated_middle_letter_and_peng_precedence():
    # P P R held: a new Q forms P-Q-R although P is duplicated (the original's sorted scan missed this)
    hand = list("PPRACEGIKMUWY")
    assert TASK.solve(params(hand=hand, rounds=[["Q", None]])) == "2"
    # Q Q P R held: a new Q is Peng (1), which beats Chi
    hand = list("QQPRACEGIKMUW")
    assert TASK.solve(params(hand=hand, rounds=[["Q", None]])) == "1"
    # no wrap-around: Y Z held, new A is not a run
    hand = list("YZCEGIKMOQSUW")
    assert TASK.solve(params(hand=hand, rounds=[["A", None]])) == "0"


def test_format_variants_and_near_misses():
    single = {"params": params()}
    assert TASK.verify(single, "<<<1>>>").correct
    assert TASK.verify(single, "<<< '1' >>>").correct
    for bad in ("2", "0", "Peng", "1.0", "[1]", "01", "1,"):
        assert not TASK.verify(single, f"<<<{bad}>>>").correct, bad
    listed = {"params": params(report_all=True)}
    for good in ("[2,2,1]", "[2, 2, 1]", "2,2,1", "['2','2','1']"):
        assert TASK.verify(listed, f"<<<{good}>>>").correct, good
    for bad in ("[2,2,0]", "[2,1,1]", "[2,2]", "[2,2,1,1]", "[2 2 1]", "221", "[Chi,Chi,Peng]", "[2,2,3]"):
        assert not TASK.verify(listed, f"<<<{bad}>>>").correct, bad
    # Chi (2) is not an allowed answer when the Chi rule is off
    nochi = {"params": params(chi=False, report_all=True)}
    assert not TASK.verify(nochi, "<<<[2,2,1]>>>").correct


def test_generated_answers_are_unique_and_questions_state_the_rules():
    for level in (1, 2, 3, 4, 5):
        for index in range(8):
            inst = TASK.instance(level, seed=3, index=index)
            p = inst.params
            if p["report_all"]:
                items = inst.answer.strip("[]").split(",")
                # every single-item change is rejected
                for pos in range(len(items)):
                    for other in "012":
                        if other != items[pos]:
                            changed = items[:pos] + [other] + items[pos + 1 :]
                            assert not TASK.check(p, "[" + ",".join(changed) + "]").correct
            else:
                passing = [d for d in "012" if TASK.check(p, d).correct]
                assert passing == [inst.answer]
            assert ("Chi" in inst.question) == (level >= 3)
            # every removed card was in the hand before the addition
            hand = list(p["hand"])
            for added, removed in p["rounds"]:
                if removed is not None:
                    assert removed in hand
                    hand.remove(removed)
                    hand.append(added)
            assert re.fullmatch(r"[A-Z]( [A-Z]){12}", inst.question.split("Initial cards: ")[1].split("\n")[0])


def _independent_results(p):
    """A second reading of the rules: multiset counts, runs checked letter by letter."""
    held = {}
    for c in p["hand"]:
        held[c] = held.get(c, 0) + 1
    out = []
    for added, removed in p["rounds"]:
        o = ord(added)
        runs = [(o - 2, o - 1), (o - 1, o + 1), (o + 1, o + 2)]
        has = lambda x: 65 <= x <= 90 and held.get(chr(x), 0) > 0  # noqa: E731
        if held.get(added, 0) >= 2:
            out.append(1)
        elif p["chi"] and any(has(a) and has(b) for a, b in runs):
            out.append(2)
        else:
            out.append(0)
        if removed is not None:
            held[removed] -= 1
            held[added] = held.get(added, 0) + 1
    return out


def test_final_result_is_balanced_exactly_by_index():
    # without Chi (L1-L2) the last result cycles 0,1 with the index; with Chi (L3-L5) it cycles 0,1,2
    for level, cycle in ((1, 2), (2, 2), (3, 3), (4, 3), (5, 3)):
        insts = [TASK.instance(level, seed=1, index=i) for i in range(4 * cycle)]
        finals = [_independent_results(inst.params)[-1] for inst in insts]
        assert finals == list(range(cycle)) * 4, level
        for inst, final in zip(insts, finals):
            if inst.params["report_all"]:
                assert inst.answer == "[" + ",".join(map(str, _independent_results(inst.params))) + "]"
            else:
                assert inst.answer == str(final)
    # the earlier rounds are not driven by the index: at L5 they mix all three results
    earlier = {r for i in range(6) for r in _independent_results(TASK.instance(5, seed=1, index=i).params)[:-1]}
    assert earlier == {0, 1, 2}


def test_hand_checked_generated_instances():
    # Checked by hand. L1: hand G Y N R K K W Q L A I C W, add D: no D held and no Chi rule -> Pass (0).
    # L5: hand O C Z L C M Q V I T R M S. M (two held: Peng 1), X (Pass 0), M, M (Peng 1, 1), N (M+O held: Chi 2),
    # E (no D or F held: Pass 0), M (Peng 1), N (M+O: Chi 2), M (Peng 1), A (no B: Pass 0),
    # L (M+N held: Chi 2), U (S and V were removed, no T+V/S+T/V+W: Pass 0).
    for level, answer, hand in [(1, "0", "G Y N R K K W Q L A I C W"), (5, "[1,0,1,1,2,0,1,2,1,0,2,0]", "O C Z L C M Q V I T R M S")]:
        inst = TASK.instance(level, seed=0, index=0)
        assert inst.answer == answer and hand in inst.question, level


def test_counted_hand_matches_a_plain_list_hand_on_random_games():
    import random

    from symbench.tasks.mahjong_pattern import LETTERS, classify, simulate

    rng = random.Random(12)
    for _ in range(300):
        hand = rng.sample(LETTERS * 2, 13)
        rounds, plain, results = [], list(hand), []
        for _ in range(rng.randint(1, 15)):
            added, removed = rng.choice(LETTERS), rng.choice(plain)
            rounds.append([added, removed])
            results.append(classify(plain, added, True))
            plain.remove(removed)
            plain.append(added)
        assert simulate(hand, rounds, True) == results
        assert simulate(hand, rounds, False) == [r if r != 2 else 0 for r in results]
