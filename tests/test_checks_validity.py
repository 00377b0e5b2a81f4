"""The validity checks catch what they are meant to catch: toy tasks with a known flaw fail
the check for that flaw, and a sound toy task passes them all."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from symbench.checks import CheckFailure
from symbench.checks import validity
from symbench.contract import SymbolicTask, TaskConfig, Verdict


@dataclass(frozen=True)
class ToyConfig(TaskConfig):
    flaw: str = ""
    level: int = 1

    def validate(self) -> None:
        self.require_choice("flaw", ("", "constant", "skewed", "parity", "central", "duplicates", "crash"))
        self.require_int("level", 1, 5)


def _presets(flaw: str) -> dict[int, ToyConfig]:
    return {level: ToyConfig(flaw=flaw, level=level) for level in (1, 2, 3, 4, 5)}


class _Toy(SymbolicTask):
    """Yes/No by index parity (sound), unless a flaw is set."""

    split = "unseen"
    description = "toy"
    answer_mode = "unique"
    Config = ToyConfig

    def generate(self, rng: random.Random, config: ToyConfig, index: int) -> dict:
        n = rng.randint(1, 10**9)
        yes = index % 2 == 0
        if config.flaw == "constant":
            yes = True
        if config.flaw == "skewed":
            yes = index % 5 != 0
        if config.flaw == "parity":  # the answer can be read off the parity of the number shown
            n = 2 * (n // 2) + (0 if yes else 1) if rng.random() < 0.9 else n
        if config.flaw == "duplicates":
            n = rng.randint(1, 30)
        if config.flaw == "crash" and index == 617:
            raise IndexError("boom")
        if config.flaw == "central":
            return self._central(rng, index)
        return {"n": n, "yes": yes}

    def _central(self, rng: random.Random, index: int) -> dict:
        right = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1600, 2100)}"
        m, d, y = right.split("/")
        edits = [f"{int(m) % 12 + 1:02d}/{d}/{y}", f"{m}/{int(d) % 28 + 1:02d}/{y}", f"{m}/{d}/{int(y) + 1}",
                 f"{m}/{d}/{int(y) - 100}", f"{m}/{int(d) % 28 + 2:02d}/{y}"]
        options = edits[:]
        options.insert(index % 6, right)
        return {"n": 0, "yes": True, "options": options, "right": index % 6}

    def solve(self, params: dict) -> str:
        if "options" in params:
            return f"({'ABCDEF'[params['right']]})"
        return "Yes" if params["yes"] else "No"

    def question(self, params: dict) -> str:
        if "options" in params:
            lines = "\n".join(f"({'ABCDEF'[i]}) {o}" for i, o in enumerate(params["options"]))
            return f"Which date?\n{lines}\nAnswer <<<(A)>>>."
        return f"Is {params['n']} special? Answer <<<Yes>>> or <<<No>>>."

    def check(self, params: dict, answer: str) -> Verdict:
        return Verdict.ok() if answer == self.solve(params) else Verdict.fail("no")

    def size(self, params: dict) -> float:
        return 1.0


def toy(flaw: str) -> SymbolicTask:
    cls = type(f"Toy_{flaw or 'sound'}", (_Toy,), {"name": f"toy_{flaw or 'sound'}", "presets": _presets(flaw)})
    return cls()


@pytest.mark.parametrize(
    "task, check, words",
    [
        (toy("constant"), validity.answers_balanced_within_every_level, "always answers 'Yes'"),
        (toy("skewed"), validity.answers_balanced_within_every_level, "complexity=1,2 level 1 answers 'Yes' in 40 of 50"),
        (toy("parity"), validity.no_cheap_shortcut, "number_sum_parity"),
        (toy("central"), validity.no_cheap_shortcut, "reading only the options"),
        (toy("duplicates"), validity.first_100_instances_are_distinct, "level 1 has"),
        (toy("crash"), validity.thousand_instances_per_level_generate, "index 617: IndexError"),
    ],
)
def test_a_flawed_task_fails_its_check(task, check, words):
    with pytest.raises(CheckFailure) as info:
        check(task)
    assert words in str(info.value)


@pytest.mark.parametrize(
    "check",
    [validity.answers_balanced_within_every_level, validity.no_cheap_shortcut,
     validity.first_100_instances_are_distinct, validity.thousand_instances_per_level_generate],
)
def test_a_sound_task_passes(check):
    check(toy(""))


def test_margin_is_three_binomial_standard_deviations():
    assert validity.margin(0.5, 100) == pytest.approx(0.15)
    assert validity.margin(1 / 6, 300) == pytest.approx(3 * (5 / 36 / 300) ** 0.5)
