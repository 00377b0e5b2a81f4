"""string_splitting (unseen): dismantle machines into parts with cyclically tried methods.

Rules (TASKS.md 33). Machines A, B, C and parts X, Y, Z. The five base methods are

1. one A -> two X and one Y
2. two B -> one X
3. two C -> one Y
4. one B and one C -> one A
5. one X and one Y -> one Z

Procedure (stated in the question): go through the methods cyclically 1, 2, ..., n, 1, ...;
on each turn try the current method once (run it if its inputs are available, otherwise
skip it) and move on; stop when no method can run. The answer is the final counts
``[A, B, C, X, Y, Z]`` as a list of six integers, ``<<<[1, 0, 2, 0, 0, 3]>>>``; the
brackets may be dropped, elements may be quoted and may be separated by commas or by
spaces.

Choices made here where the catalogue leaves them open:

* One fixed, plain wording of the story and the methods (the original paraphrased the
  methods at random and switched between two protagonists).
* Level 5 adds one or two methods (numbered 6 and 7 before shuffling) from a small pool such as
  "one Z and one A -> two B". Every base and extra method lowers the weighted potential
  A=8, B=5, C=5, X=2, Y=2, Z=3, so the process always stops; the generator also runs it
  under a step cap and rejects the instance if the cap is hit.
* Each starting count is drawn independently from the level's range.
* The family is small: the five fixed methods and three starting counts in 1-3 (level 1)
  give only 27 different questions, 2-4 27, 3-7 125 and 5-10 216. So the methods are
  numbered in a random order at every level (``shuffle_methods``; the original's fixed
  order is the override ``shuffle_methods=false``), which makes 120 times as many
  puzzles, and instances are drawn by slot of (counts, methods) (``_distinct``): a
  level's first 100 instances are 100 different questions.
* ``size`` is the number of methods run in the reference simulation.

Original defects avoided: the original validator compared the six values joined into
one string, which cannot tell "1","10" from "11","0"; here each value is a separate
integer.

Validity (the registry-wide checks hold it): Answers are six counts, with many different
references per level, so there is no answer class to balance. Distinct instances: Drawn
by slot (see above), so a level's first 100 instances are 100 different puzzles.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict
from symbench.tasks._passes import run_passes

from ._distinct import SlotFilter

ITEMS: tuple[str, ...] = ("A", "B", "C", "X", "Y", "Z")
WEIGHTS: dict[str, int] = {"A": 8, "B": 5, "C": 5, "X": 2, "Y": 2, "Z": 3}
BASE_METHODS: tuple[tuple[dict[str, int], dict[str, int]], ...] = (
    ({"A": 1}, {"X": 2, "Y": 1}),
    ({"B": 2}, {"X": 1}),
    ({"C": 2}, {"Y": 1}),
    ({"B": 1, "C": 1}, {"A": 1}),
    ({"X": 1, "Y": 1}, {"Z": 1}),
)
EXTRA_POOL: tuple[tuple[dict[str, int], dict[str, int]], ...] = (
    ({"Z": 1, "A": 1}, {"B": 2}),
    ({"X": 3}, {"C": 1}),
    ({"Z": 2}, {"B": 1}),
    ({"Y": 1, "Z": 1}, {"X": 2}),
    ({"B": 1, "Y": 1}, {"Z": 2}),
)
_NAMES = {"A": "machine A", "B": "machine B", "C": "machine C", "X": "part X", "Y": "part Y", "Z": "part Z"}
_WORDS = {1: "one", 2: "two", 3: "three"}
_STEP_CAP = 200_000
_MAX_ATTEMPTS = 200
_MAX_DIGITS = 12


def _potential(side: dict[str, int]) -> int:
    return sum(WEIGHTS[k] * n for k, n in side.items())


def _describe(side: dict[str, int]) -> str:
    return " and ".join(f"{_WORDS[n]} unit{'s' if n > 1 else ''} of {_NAMES[k]}" for k, n in side.items())


_INDEX = {k: i for i, k in enumerate(ITEMS)}
_COUNT_RE = re.compile(r"[0-9]{1,%d}" % _MAX_DIGITS)  # ASCII digits only
#: the reference's own spelling, six counts: what parse_list and _COUNT_RE accept item by item
_CANONICAL_RE = re.compile(r"\[[0-9]{1,%d}(?:, [0-9]{1,%d}){5}\]" % (_MAX_DIGITS, _MAX_DIGITS))
_ALL_METHODS = BASE_METHODS + EXTRA_POOL
_METHOD_REPRS = tuple(repr(m) for m in _ALL_METHODS)


def _key_repr(counts: list[int], numbers: list[int]) -> str:
    """``repr((counts, methods))`` for the methods with these numbers, the slot key of a draw,
    put together from the methods' reprs worked out once (``repr`` of nested dicts is slow)."""
    return f"({counts!r}, [{', '.join([_METHOD_REPRS[k] for k in numbers])}])"


def simulate(counts: list[int], methods: list) -> tuple[list[int], int]:
    """Cyclic turns, one try per turn. Returns (final counts, number of methods run).

    ``methods`` are ``(consumed, produced)`` pairs of dicts item -> count. The turns stop
    after ``len(methods)`` failed tries in a row; that is run as whole passes over the
    methods until a pass runs nothing, which ends in the same state with the same number
    of runs (the tries between the two stopping points all fail and change nothing).
    """
    return run_passes([counts[i] for i in range(len(ITEMS))], methods, _INDEX, _STEP_CAP, "string_splitting")


def _methods(params: dict) -> list:
    return [(dict(c), dict(p)) for c, p in params["methods"]]


@dataclass(frozen=True)
class StringSplittingConfig(TaskConfig):
    counts: tuple[int, int] = (3, 7)
    extra_methods: tuple[int, int] = (0, 0)
    #: number the methods in a random order (False: the original's fixed order 1-5)
    shuffle_methods: bool = True

    def validate(self) -> None:
        self.require_range("counts", 0, 10_000)
        self.require_range("extra_methods", 0, len(EXTRA_POOL))
        self.require_bool("shuffle_methods")


class StringSplitting(SymbolicTask):
    name = "string_splitting"
    split = "unseen"
    description = "Dismantle machines A/B/C into parts X/Y/Z by trying numbered methods cyclically."
    answer_mode = "unique"
    version = 2
    display_name = "String Splitting"
    paper_order = 33
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = StringSplittingConfig
    presets = {
        1: StringSplittingConfig(counts=(1, 3)),
        2: StringSplittingConfig(counts=(2, 4)),
        3: StringSplittingConfig(counts=(3, 7)),
        4: StringSplittingConfig(counts=(5, 10)),
        5: StringSplittingConfig(counts=(10, 30), extra_methods=(1, 2)),
    }

    def generate(self, rng: random.Random, config: StringSplittingConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            counts = [rng.randint(*config.counts) for _ in range(3)] + [0, 0, 0]
            extras = rng.sample(range(len(EXTRA_POOL)), rng.randint(*config.extra_methods))
            # The methods by number; shuffling the numbers draws the same order as shuffling
            # the methods themselves (shuffle depends only on the length).
            numbers = list(range(len(BASE_METHODS))) + [len(BASE_METHODS) + i for i in extras]
            if config.shuffle_methods:
                rng.shuffle(numbers)
            if not slots.accepts_repr(_key_repr(counts, numbers)):
                continue
            methods = [_ALL_METHODS[k] for k in numbers]
            for consumed, produced in methods:
                if _potential(consumed) <= _potential(produced):
                    raise GenerationError(f"string_splitting: method {consumed} -> {produced} does not lower the potential")
            _, ran = simulate(counts, methods)  # raises GenerationError at the step cap
            if ran == 0:
                continue
            return {"counts": counts, "methods": [[c, p] for c, p in methods], "runs": ran}
        raise GenerationError(f"string_splitting: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    def solve(self, params: dict) -> str:
        final, _ = simulate(params["counts"], params["methods"])
        return "[" + ", ".join(map(str, final)) + "]"

    def question(self, params: dict) -> str:
        methods = _methods(params)
        n = len(methods)
        lines = "\n".join(
            f"Method {i}: turn {_describe(c)} into {_describe(p)}." for i, (c, p) in enumerate(methods, 1)
        )
        a, b, c = params["counts"][:3]
        answer = self.solve(params)
        example = "[1, 0, 2, 0, 0, 3]" if answer != "[1, 0, 2, 0, 0, 3]" else "[0, 1, 0, 2, 3, 0]"
        return (
            "An engineer has a stock of machines A, B and C and parts X, Y and Z, and can transform them with "
            "these methods:\n"
            f"{lines}\n\n"
            f"Procedure: go through the methods cyclically in the order 1, 2, ..., {n}, 1, 2, ... On each turn, "
            "try the current method exactly once: if the required items are available, run it once (removing its "
            "inputs and adding its outputs); otherwise skip it. Then move on to the next method. Stop as soon as "
            "no method can be run any more.\n\n"
            f"At the start there are {a} of machine A, {b} of machine B and {c} of machine C, and no parts.\n\n"
            "How many machines A, B, C and parts X, Y, Z are left at the end? Give the six counts as a list in "
            "the order [A, B, C, X, Y, Z].\n"
            f"Return your final answer inside triple angle brackets, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if len(answer) > 1_000:
            return Verdict.bad_format("answer is far too long for six counts")
        if _CANONICAL_RE.fullmatch(answer):
            values = list(map(int, answer[1:-1].split(", ")))
        else:
            try:
                items = parse_list(answer, also_whitespace=True)
            except ParseError as exc:
                return Verdict.bad_format(str(exc))
            if len(items) != 6:
                return Verdict.bad_format(f"expected exactly 6 counts, got {len(items)}")
            values = []
            for label, item in zip(ITEMS, items):
                if not _COUNT_RE.fullmatch(item):
                    return Verdict.bad_format(f"the count of {label} is not a non-negative integer: {short(item)}")
                values.append(int(item))
        expected, _ = simulate(params["counts"], params["methods"])
        for label, got, want in zip(ITEMS, values, expected):
            if got != want:
                return Verdict.fail(f"wrong count for {label}: {got}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return float(params["runs"])
