import itertools
import string

from symbench.registry import get_task
from symbench.tasks.cryptanalysis import consistent_passwords, describe, feedback_counts

TASK = get_task("cryptanalysis")
D, L = string.digits, string.ascii_uppercase


def _idx(text, alphabet):
    return [alphabet.index(c) for c in text]


def test_feedback_worked_by_hand():
    # password 4 0 | M I
    # guess 9 4: 9 is absent and above 4 = max(4, 0) -> too large; 4 is present but at the other place
    assert feedback_counts(_idx("94", D), _idx("40", D)) == (0, 1, 0, 1, 0)
    assert describe((0, 1, 0, 1, 0), False) == (
        "one number is correct but in the wrong position; one number is incorrect and too large"
    )
    # guess B N: B is earlier than I = min(M, I), N is later than M = max -> one too early, one too late
    assert feedback_counts(_idx("BN", L), _idx("MI", L)) == (0, 0, 1, 1, 0)
    # guess J D: J lies between I and M -> plain "incorrect"; D is too early
    assert describe(feedback_counts(_idx("JD", L), _idx("MI", L)), True) == (
        "one letter is incorrect and too early in the alphabet; one letter is incorrect"
    )
    assert describe((0, 0, 2, 0, 0), True) == "both letters are incorrect and too early in the alphabet"
    assert describe((0, 0, 0, 3, 0), False) == "all three numbers are incorrect and too large"
    assert describe((2, 1, 0, 0, 0), False) == (
        "two numbers are correct and in the correct position; one number is correct but in the wrong position"
    )


def _record(guess, password):
    return {
        "guess": guess,
        "numbers": list(feedback_counts(_idx(guess[:2], D), _idx(password[:2], D))),
        "letters": list(feedback_counts(_idx(guess[2:], L), _idx(password[2:], L))),
    }


# Hand-made puzzle, password 40MI:
#  digits: guess 40 -> both correct and in place: the digits are 4 0 (the only such pair).
#  letters: MI -> both in place, so the letters are M I. The guess equal to the password
#  group is not something the generator shows, but it makes the count obvious: exactly one.
HAND = {
    "digits": 2,
    "letters": 2,
    "guesses": [_record("40AB", "40MI"), _record("12MI", "40MI")],
    "password": "40MI",
    "irredundant": False,
}


def test_hand_puzzle_solved_and_checked():
    assert consistent_passwords(HAND, limit=5) == ["40MI"]
    assert TASK.solve(HAND) == '["4", "0", "M", "I"]'
    assert TASK.check(HAND, '["4", "0", "M", "I"]').correct


def test_format_variants_accepted():
    inst = {"params": HAND}
    for text in ('["4", "0", "M", "I"]', "[4, 0, M, I]", '["4","0","m","i"]', '4, 0, M, I', "['4', '0', 'M', 'I']"):
        assert TASK.verify(inst, f"<<<{text}>>>").correct, text


def test_near_misses_rejected():
    inst = {"params": HAND}
    for text in ('["4", "0", "I", "M"]', '["0", "4", "M", "I"]', '["4", "1", "M", "I"]', "40MI", '["4", "0", "M"]',
                 '["4", "0", "M", "I", "J"]', '["40", "M", "I"]', '["4", "0", "3", "I"]', '["A", "0", "M", "I"]'):
        assert not TASK.verify(inst, f"<<<{text}>>>").correct, text


def _brute_count(params):
    """Independent count: enumerate each group's tuples with feedback_counts directly."""
    totals = []
    for alphabet, key, fb in ((D, "digits", "numbers"), (L, "letters", "letters")):
        m = params[key]
        n = 0
        for t in itertools.permutations(range(len(alphabet)), m):
            ok = True
            for g in params["guesses"]:
                part = g["guess"][:params["digits"]] if key == "digits" else g["guess"][params["digits"]:]
                if list(feedback_counts(_idx(part, alphabet), list(t))) != g[fb]:
                    ok = False
                    break
            n += ok
        totals.append(n)
    return totals[0] * totals[1]


def test_generated_instances_are_unique_by_brute_force():
    for level in (1, 3, 4):
        for i in range(4):
            p = TASK.instance(level, seed=2, index=i).params
            assert _brute_count(p) == 1
            if level >= 3:
                assert len(p["guesses"]) >= TASK.presets[level].min_guesses
    p = TASK.instance(5, seed=2, index=0).params
    assert p["digits"] == 3 and p["letters"] == 3
    assert _brute_count(p) == 1


def test_guesses_are_irredundant_at_level_3():
    p = TASK.instance(3, seed=4, index=1).params
    for j in range(len(p["guesses"])):
        fewer = dict(p, guesses=p["guesses"][:j] + p["guesses"][j + 1:])
        assert len(consistent_passwords(fewer, limit=2)) == 2
