"""string_synthesis (seen): combine blocks with numbered methods until nothing applies.

Rules (TASKS.md 26). Nine kinds of blocks: [A], [B], [C], {A}, {B}, {C}, (A), (B), (C).
The start holds only [A], [B] and [C] blocks. The six base methods are

1. one [A], one [B] and one [C] -> one {A}
2. one [A] and one [B] -> one {C}
3. one [B] and one [C] -> one {B}
4. two [C] -> one {C}
5. one {A} and one {C} -> one (A) and one (B)
6. two {B} -> one (C)

Two procedures, both spelled out in full in the question:

* ``exhaustive`` (the original reference): go through the methods in order; at each
  method apply it again and again while its inputs are available, then move to the next;
  after the last method start over at method 1; stop when no method can be applied.
* ``single``: go through the methods cyclically, applying the current method at most
  once per turn (skipping it when its inputs are missing); stop when no method can be
  applied.

Answer: the nine final counts in the order above, ``<<<1 0 3 0 0 0 0 0 0>>>``; commas
instead of spaces and one pair of outer brackets are accepted.

Choices made here where the catalogue leaves them open:

* Level 5 adds two methods (numbered 7 and 8 before shuffling) drawn from a small pool of "recycling"
  methods that turn higher blocks back into lower ones, e.g. (C) -> [A] + [B]. Every
  method in the pool and the base set strictly decreases the weighted potential with
  weights [X]=10, {A}=25, {B}=18, {C}=16, (A)=20, (B)=20, (C)=30; the generator checks
  this for the methods it uses, so the process always terminates (each application
  lowers an integer potential by at least 1). A step cap is kept as a second guard.
* Level 4 and 5 use ``mode=single``; levels 1-3 the original exhaustive procedure.
* The family is small: six fixed methods and three starting counts in 1-3 (level 1)
  give only 27 different questions, 1-5 125, the original ranges 280. So the methods
  are numbered in a random order at every level (``shuffle_methods``; the original's
  fixed order is the override ``shuffle_methods=false``), and instances are drawn by
  slot of (counts, methods) (``_distinct``): a level's first 100 instances are 100
  different questions.
* ``size`` is the number of method applications in the reference run plus a tenth of the
  number of methods.

Original defects avoided: the prompt's "cycle through Methods 1..6" did not say whether a
method is applied once or as many times as possible (the two readings disagree on most
original inputs); the question now states the procedure. The original validator dropped
separators and read one digit per count, so no count could be 10 or more; here each
count is a separate integer of any size.

Validity (the registry-wide checks hold it): Answers are nine counts, with many
different references per level, so there is no answer class to balance. Distinct
instances: Drawn by slot (see above), so a level's first 100 instances are 100 different
puzzles.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict
from symbench.tasks._passes import run_passes

from ._distinct import SlotFilter

BLOCKS: tuple[str, ...] = ("[A]", "[B]", "[C]", "{A}", "{B}", "{C}", "(A)", "(B)", "(C)")
WEIGHTS: tuple[int, ...] = (10, 10, 10, 25, 18, 16, 20, 20, 30)
MODES: tuple[str, ...] = ("exhaustive", "single")

# A method is (consumed, produced), each a dict block -> count.
BASE_METHODS: tuple[tuple[dict[str, int], dict[str, int]], ...] = (
    ({"[A]": 1, "[B]": 1, "[C]": 1}, {"{A}": 1}),
    ({"[A]": 1, "[B]": 1}, {"{C}": 1}),
    ({"[B]": 1, "[C]": 1}, {"{B}": 1}),
    ({"[C]": 2}, {"{C}": 1}),
    ({"{A}": 1, "{C}": 1}, {"(A)": 1, "(B)": 1}),
    ({"{B}": 2}, {"(C)": 1}),
)
EXTRA_POOL: tuple[tuple[dict[str, int], dict[str, int]], ...] = (
    ({"(C)": 1}, {"[A]": 1, "[B]": 1}),
    ({"(A)": 1, "(B)": 1}, {"{B}": 1, "[C]": 1, "[A]": 1}),
    ({"{A}": 1}, {"[B]": 1, "[C]": 1}),
    ({"{C}": 1, "[C]": 1}, {"(B)": 1}),
    ({"(B)": 1, "[A]": 1}, {"{B}": 1, "[C]": 1}),
    ({"{A}": 2}, {"(A)": 1, "[B]": 1, "[C]": 1}),
    ({"(C)": 1, "[A]": 1}, {"{A}": 1, "[B]": 1}),
)
_STEP_CAP = 100_000
_MAX_ATTEMPTS = 200
_MAX_DIGITS = 12


def _potential(side: dict[str, int]) -> int:
    return sum(WEIGHTS[BLOCKS.index(b)] * n for b, n in side.items())


def _describe(side: dict[str, int]) -> str:
    words = {1: "one", 2: "two", 3: "three"}
    return " and ".join(f"{words[n]} {b}" for b, n in side.items())


_COUNT_RE = re.compile(r"[0-9]{1,%d}" % _MAX_DIGITS)  # ASCII digits only
#: nine counts one space apart: what parse_list and _COUNT_RE accept item by item, read at once
_CANONICAL_RE = re.compile(r"[0-9]{1,%d}(?: [0-9]{1,%d}){8}" % (_MAX_DIGITS, _MAX_DIGITS))
#: every method a task can use, by number: the six base methods, then the extra pool
_ALL_METHODS = BASE_METHODS + EXTRA_POOL
_METHOD_REPRS = tuple(repr(m) for m in _ALL_METHODS)


_INDEX = {b: i for i, b in enumerate(BLOCKS)}


def _key_repr(counts: list[int], numbers: list[int]) -> str:
    """``repr((counts, methods))`` for the methods with these numbers, the slot key of a draw,
    put together from the methods' reprs worked out once (``repr`` of nested dicts is slow)."""
    return f"({counts!r}, [{', '.join([_METHOD_REPRS[k] for k in numbers])}])"


def simulate(counts: list[int], methods: list, mode: str) -> tuple[list[int], int]:
    """Run the procedure; returns (final counts, number of method applications).

    ``methods`` are ``(consumed, produced)`` pairs of dicts block -> count, as in the
    module's pools or an instance's ``params["methods"]``. Both procedures run pass
    after pass over the methods until a pass applies nothing, which is exactly when no
    method could be applied at its start.
    """
    if mode == "single":
        return _simulate_single(counts, methods)
    state = dict(zip(BLOCKS, counts))
    applied = 0
    progressed = True
    while progressed:
        progressed = False
        for consumed, produced in methods:
            for b, n in consumed.items():
                if state[b] < n:
                    break
            else:
                # Applied as often as its inputs allow: one batch of k applications (k the
                # smallest quotient of a stock by what the method takes of it) is the same
                # as k single ones, unless the method produces some of what it consumes.
                progressed = True
                feeds_itself = any(b in produced for b in consumed)
                times = 1 if feeds_itself else min(state[b] // n for b, n in consumed.items())
                while True:
                    for b, n in consumed.items():
                        state[b] -= n * times
                    for b, n in produced.items():
                        state[b] += n * times
                    applied += times
                    if applied > _STEP_CAP:
                        raise GenerationError("string_synthesis: step cap exceeded")
                    if not feeds_itself or any(state[b] < n for b, n in consumed.items()):
                        break
    return [state[b] for b in BLOCKS], applied


def _simulate_single(counts: list[int], methods: list) -> tuple[list[int], int]:
    """The ``single`` procedure on block indices: it makes many passes, each one cheap."""
    return run_passes([counts[i] for i in range(len(BLOCKS))], methods, _INDEX, _STEP_CAP, "string_synthesis")


def _methods(params: dict) -> list:
    return [(dict(c), dict(p)) for c, p in params["methods"]]


@dataclass(frozen=True)
class StringSynthesisConfig(TaskConfig):
    count_a: tuple[int, int] = (1, 5)
    count_b: tuple[int, int] = (1, 8)
    count_c: tuple[int, int] = (1, 7)
    mode: str = "exhaustive"
    extra_methods: tuple[int, int] = (0, 0)
    #: number the methods in a random order (False: the original's fixed order 1-6)
    shuffle_methods: bool = True

    def validate(self) -> None:
        for name in ("count_a", "count_b", "count_c"):
            self.require_range(name, 0, 10_000)
        self.require_choice("mode", MODES)
        self.require_range("extra_methods", 0, len(EXTRA_POOL))
        self.require_bool("shuffle_methods")


class StringSynthesis(SymbolicTask):
    name = "string_synthesis"
    split = "seen"
    description = "Combine [A]/[B]/[C] blocks with numbered synthesis methods and report the final nine counts."
    answer_mode = "unique"
    version = 2
    display_name = "String Synthesis"
    paper_order = 26
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = StringSynthesisConfig
    presets = {
        1: StringSynthesisConfig(count_a=(1, 3), count_b=(1, 3), count_c=(1, 3)),
        2: StringSynthesisConfig(count_a=(1, 5), count_b=(1, 5), count_c=(1, 5)),
        3: StringSynthesisConfig(count_a=(1, 5), count_b=(1, 8), count_c=(1, 7)),
        4: StringSynthesisConfig(count_a=(5, 15), count_b=(5, 15), count_c=(5, 15), mode="single"),
        5: StringSynthesisConfig(
            count_a=(10, 40), count_b=(10, 40), count_c=(10, 40), mode="single", extra_methods=(2, 2)
        ),
    }

    def generate(self, rng: random.Random, config: StringSynthesisConfig, index: int) -> dict:
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            counts = [rng.randint(*config.count_a), rng.randint(*config.count_b), rng.randint(*config.count_c)]
            counts += [0] * 6
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
                    raise GenerationError(f"string_synthesis: method {consumed} -> {produced} does not lower the potential")
            _, applied = simulate(counts, methods, config.mode)
            if applied == 0:
                continue
            return {
                "counts": counts,
                "mode": config.mode,
                "methods": [[c, p] for c, p in methods],
                "applications": applied,
            }
        raise GenerationError(f"string_synthesis: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    def solve(self, params: dict) -> str:
        final, _ = simulate(params["counts"], params["methods"], params["mode"])
        return " ".join(map(str, final))

    def question(self, params: dict) -> str:
        methods = _methods(params)
        lines = "\n".join(
            f"Method {i}: consume {_describe(c)} to produce {_describe(p)}." for i, (c, p) in enumerate(methods, 1)
        )
        n = len(methods)
        if params["mode"] == "exhaustive":
            procedure = (
                f"Procedure: go through the methods in the order 1, 2, ..., {n}. At each method, apply it again and "
                "again, as many times as its inputs allow, and only then move on to the next method. After method "
                f"{n}, start over at method 1. Stop as soon as no method can be applied any more."
            )
        else:
            procedure = (
                f"Procedure: go through the methods cyclically in the order 1, 2, ..., {n}, 1, 2, ... On each turn, "
                "apply the current method ONCE if its inputs are available (otherwise skip it), then move on to the "
                "next method. Stop as soon as no method can be applied any more."
            )
        start = ", ".join(f"{c} {b}" for b, c in zip(BLOCKS[:3], params["counts"][:3]))
        answer = self.solve(params)
        example = "1 0 3 0 0 0 0 0 0" if answer != "1 0 3 0 0 0 0 0 0" else "0 2 0 1 0 0 0 0 0"
        return (
            "There are nine kinds of blocks: [A], [B], [C], {A}, {B}, {C}, (A), (B), (C). Blocks are combined by "
            "these methods:\n"
            f"{lines}\n\n{procedure}\n\n"
            f"At the start there are {start}, and no other blocks.\n\n"
            "How many blocks of each kind are there at the end? Give the nine counts in the order "
            "[A], [B], [C], {A}, {B}, {C}, (A), (B), (C), separated by spaces.\n"
            f"Return your final answer inside triple angle brackets, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if len(answer) > 1_000:
            return Verdict.bad_format("answer is far too long for nine counts")
        if _CANONICAL_RE.fullmatch(answer):  # the reference's own spelling: nine counts, one space apart
            values = list(map(int, answer.split(" ")))
        else:
            try:
                items = parse_list(answer, also_whitespace=True)
            except ParseError as exc:
                return Verdict.bad_format(str(exc))
            if len(items) != 9:
                return Verdict.bad_format(f"expected exactly 9 counts, got {len(items)}")
            values = []
            for k, item in enumerate(items):
                if not _COUNT_RE.fullmatch(item):
                    return Verdict.bad_format(f"count {k + 1} is not a non-negative integer: {short(item)}")
                values.append(int(item))
        expected, _ = simulate(params["counts"], params["methods"], params["mode"])
        for block, got, want in zip(BLOCKS, values, expected):
            if got != want:
                return Verdict.fail(f"wrong count for {block}: {got}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["applications"] + len(params["methods"]) / 10
