import itertools
import math
from fractions import Fraction

import pytest

from symbench.registry import get_task
from symbench.tasks import math_counting_probability as mc

TASK = get_task("math_counting_probability")


def _params(family, data):
    return {"family": family, "tier": mc.FAMILIES[family].tier, "scale": 3, "data": data}


def test_hand_worked_answers():
    # BALLOON: 7 letters, L and O twice each -> 7!/(2!*2!) = 5040/4 = 1260
    assert TASK.solve(_params("anagrams", {"word": "BALLOON"})) == "1260"
    # two dice summing to 7: (1,6),(2,5),...,(6,1) = 6 of 36 -> 1/6
    assert TASK.solve(_params("dice_sum", {"k": 2, "faces": 6, "s": 7})) == "1/6"
    # 4 letters, none in its envelope: the derangement number D4 = 9
    assert TASK.solve(_params("envelopes", {"n": 4, "j": 0, "prob": False})) == "9"
    # 1..100 divisible by at least one of 2, 3, 5: 100 minus the 26 numbers coprime to 30
    # (8 per block of 30 -> 24 up to 90, plus 91 and 97) = 74
    assert TASK.solve(_params("divisibility_union", {"n": 100, "abc": [2, 3, 5], "ask": "any"})) == "74"
    # paths (0,0)->(4,3) avoiding (2,1): C(7,3) - C(3,1)*C(4,2) = 35 - 3*6 = 17
    assert TASK.solve(_params("lattice_avoid", {"a": 4, "b": 3, "p": [2, 1]})) == "17"
    # PROBABILITY: 11 letters (B, I twice) -> 11!/4 arrangements; vowels O, A, I, I as one block:
    # 8 units with B twice -> 8!/2 = 20160, times 4!/2 = 12 orders inside -> 241920;
    # 241920 / 9979200 = 4/165
    assert TASK.solve(_params("anagram_vowels_together", {"word": "PROBABILITY"})) == "4/165"
    # 5 people, Ann at an end and Ben/Cal apart: 2 * (4! - 2*3!) = 2 * 12 = 24
    assert TASK.solve(_params("row_two_rules", {"n": 5, "variant": "end_apart"})) == "24"
    # at least one of the two dice shows a 6 (11 outcomes); sum 11 among them: (5,6),(6,5) -> 2/11
    assert TASK.solve(_params("conditional_dice", {"v": 6, "s": 11, "given": "face"})) == "2/11"


def test_format_variants_accepted():
    inst = {"params": _params("anagrams", {"word": "BALLOON"})}  # 1260
    for good in ("1260", " 1260 ", "1,260", "'1260'", "1260.0", "\\boxed{1260}", "$1260$", "2520/2", "5040/4"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    inst = {"params": _params("dice_sum", {"k": 2, "faces": 6, "s": 7})}  # 1/6
    for good in ("1/6", "6/36", "\\frac{1}{6}", "\\dfrac{6}{36}", "\\frac16", "1 / 6", "1/(2*3)"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    inst = {"params": _params("fair_coins", {"n": 2, "k": 1, "ask": "exactly"})}  # 1/2
    assert TASK.verify(inst, "<<<0.5>>>").correct
    assert TASK.verify(inst, "<<<0.50>>>").correct


def test_near_misses_rejected():
    inst = {"params": _params("anagrams", {"word": "BALLOON"})}  # 1260
    for bad in ("1261", "2520", "1,26,0", "12,60", "1260 ways", "C(7,2)", "7!/4", "1260%", "[1260]", "sqrt(1587600)"):
        verdict = TASK.verify(inst, f"<<<{bad}>>>")
        assert not verdict.correct and verdict.reason, bad
    inst = {"params": _params("dice_sum", {"k": 2, "faces": 6, "s": 7})}  # 1/6
    for bad in ("1/7", "5/36", "0.1667", "0.16666666666666666", "1/6 probability", "16.67%", "1:6", "6"):
        verdict = TASK.verify(inst, f"<<<{bad}>>>")
        assert not verdict.correct and verdict.reason, bad


def test_formula_and_full_enumeration_agree_on_generated_instances():
    """Uniqueness of the answer: a brute force with no cap finds the same single value."""

    def brute(fam, d):
        if fam == "dice_sum" or fam == "many_dice_sum":
            if d["faces"] ** d["k"] > 200_000:
                return None
            rolls = list(itertools.product(range(1, d["faces"] + 1), repeat=d["k"]))
            return Fraction(sum(sum(r) == d["s"] for r in rolls), len(rolls))
        if fam == "together_apart" and d["n"] <= 8:
            perms = list(itertools.permutations(range(d["n"])))
            return Fraction(sum((abs(p.index(0) - p.index(1)) == 1) == d["together"] for p in perms))
        if fam == "bounded_stars" and d["u"] ** d["k"] < 300_000:
            return Fraction(sum(1 for xs in itertools.product(range(d["u"] + 1), repeat=d["k"]) if sum(xs) == d["n"]))
        if fam == "envelopes" and d["n"] <= 8:
            perms = list(itertools.permutations(range(d["n"])))
            ways = sum(sum(p[i] == i for i in range(d["n"])) == d["j"] for p in perms)
            return Fraction(ways, len(perms)) if d["prob"] else Fraction(ways)
        if fam == "random_committee" and math.comb(d["m"] + d["w"], d["k"]) < 100_000:
            people = [("w", i) for i in range(d["w"])] + [("m", i) for i in range(d["m"])]
            good = total = 0
            for c in itertools.combinations(people, d["k"]):
                total += 1
                women = sum(p[0] == "w" for p in c)
                good += women >= d["j"] and not (("w", 0) in c and ("m", 0) in c)
            return Fraction(good, total)
        if fam == "divisible_exactly_one":
            a, b, c = d["abc"]
            return Fraction(sum(((x % a == 0) + (x % b == 0) + (x % c == 0)) == 1 for x in range(1, d["n"] + 1)), d["n"])
        return None

    compared = set()
    for level in (2, 4, 5):
        for i in range(120):
            inst = TASK.instance(level, 3, i)
            fam, d = inst.params["family"], inst.params["data"]
            expected = brute(fam, d)
            if expected is not None:
                assert TASK.check(inst.params, mc._text(expected)).correct, (fam, d)
                compared.add(fam)
    assert len(compared) >= 4, compared


def test_every_family_formula_matches_second_method_over_many_instances():
    for name, fam in mc.FAMILIES.items():
        for scale in (1, 5):
            for i in range(15):
                inst = TASK.instance(fam.tier, 1, i, overrides={"family": name, "scale": scale})
                d = inst.params["data"]
                assert fam.formula(d) == fam.second(d), (name, d)


def test_levels_mix_families_and_config_validation():
    for level in (1, 2, 3, 4, 5):
        fams = {TASK.instance(level, 0, i).params["family"] for i in range(60)}
        assert len(fams) >= 4, (level, fams)
    with pytest.raises(ValueError, match="family"):
        TASK.instance(2, 0, 0, overrides={"family": "biased_coin"})
    assert len(mc.FAMILIES) >= 8


def test_wrong_values_are_rejected_for_generated_instances():
    for level in (1, 3, 5):
        for i in range(20):
            inst = TASK.instance(level, 4, i)
            ref = Fraction(inst.answer)
            for wrong in (ref + 1, ref * 2, ref - Fraction(1, ref.denominator + 1)):
                assert not TASK.check(inst.params, mc._text(wrong)).correct
