"""gsm_hard (seen): multi-step grade-school word problems with large numbers.

This task is a procedural re-creation of GSM-Hard (the PAL paper's GSM8K variant with one
number replaced by a large one), which the original SymBench took as a fixed file of 1,319
items (53 scored) with float targets judged by GPT-4o. Here every problem is generated
from a family of templates and its answer is computed exactly with Fractions.

Templates (ten, in ``tasks/gsm_hard/``: ``_money.py``, ``_quantities.py``,
``_over_time.py``, built with ``_story.py``): shopping with coupons/discounts/change,
factory output (rate x time, defects, boxes), unit conversion (liters, kilograms,
kilometers, hours), sharing a prize, bakery profit, town population percentages, fossil
ages, recipe scaling, train travel and fuel, wages and taxes. Each template is a story
built step by step together with a formula over the numbers it states; a template has a
base computation and optional steps, and picks the steps whose operation counts sum to
the level's target. One operation is one binary +, -, x or / in that formula; "p% of X"
counts two (x p, / 100) and "X reduced by p%" three.

Exactness. Numbers are drawn so that every intermediate result is a positive integer:
divisors are chosen among the actual divisors of the running value, percentages among
those that divide exactly, and subtracted amounts are below the running value. The one
money template (shopping) allows cents: its intermediates are whole numbers of cents.
``params`` keeps the formula; ``solve`` evaluates it with the shared exact arithmetic
parser, so the stored text and the answer cannot drift apart.

Levels (operations / numbers / extras): L1 2-3 ops, every stated number <= 100; L2 3-4
ops, one 4-5-digit number; L3 4-5 ops, one 6-7-digit number (GSM-Hard-like); L4 6-8 ops,
two or three 6-7-digit numbers, at least one division or percentage, one distractor
sentence; L5 9-12 ops, two to four 8-10-digit numbers, two templates chained (the answer
of part 1 is called N and used in part 2), two distractors. Distractor sentences carry
numbers that the answer does not use.

Answer. ``<<<number>>>``. The question states the form: a whole number, or for money a
number of dollars that may have two decimals. The verifier parses the answer as an exact
number (optional leading ``$``, valid thousands commas, a decimal point such as ``.0``
or ``.50``, or ``p/q``) and compares it exactly with the reference; words, units and
scientific notation are rejected. The answer is unique.

Original defects avoided: nonsensical targets (negative egg sales, fractional people),
float targets compared with a 1e-3 tolerance, and a GPT-4o judge that counted unparsable
replies as correct.

Validity (the registry-wide checks hold it): Answers are numbers, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from symbench.answer import AnswerFormat, ParseError, parse_arithmetic, parse_number, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._money import t_profit, t_shopping, t_wages
from ._over_time import t_ages, t_population, t_travel
from ._quantities import t_conversion, t_factory, t_recipe, t_sharing
from ._story import Ctx, Q, Retry, Story

#: Every template by name. Each is called as (ctx, target operations, seed quantity or None,
#: big distractor numbers?) and returns a Story.
TEMPLATES: dict[str, Callable[[Ctx, int, Q | None, bool], Story]] = {
    "shopping": t_shopping,
    "factory": t_factory,
    "conversion": t_conversion,
    "sharing": t_sharing,
    "profit": t_profit,
    "population": t_population,
    "ages": t_ages,
    "recipe": t_recipe,
    "travel": t_travel,
    "wages": t_wages,
}
TEMPLATE_NAMES = tuple(TEMPLATES)
MONEY_TEMPLATES = ("shopping",)
_MAX_ATTEMPTS = 600
_INNER = 20
_LITERAL_RE = re.compile(r"\d+")


def evaluate(formula: str) -> Fraction:
    return parse_arithmetic(formula, max_tokens=20_000, max_depth=400).value


def format_answer(value: Fraction, kind: str) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    cents = value * 100
    if kind != "money" or cents.denominator != 1:  # pragma: no cover - generator guarantees this
        raise ValueError(f"gsm_hard: inexact answer {value}")
    c = cents.numerator
    return f"{c // 100}.{c % 100:02d}"


@dataclass(frozen=True)
class GsmHardConfig(TaskConfig):
    operations: tuple[int, int] = (4, 5)
    big_numbers: tuple[int, int] = (1, 1)
    big_digits: tuple[int, int] = (6, 7)
    small_max: int = 1000
    distractors: tuple[int, int] = (0, 0)
    chain: bool = False
    require_division: bool = False

    def validate(self) -> None:
        ops = self.require_range("operations", 1, 16)
        self.require_range("big_numbers", 0, 6)
        self.require_range("big_digits", 3, 15)
        self.require_int("small_max", 20, 10_000)
        self.require_range("distractors", 0, 3)
        self.require_bool("chain")
        self.require_bool("require_division")
        if self.chain and ops[0] < 4:
            raise ValueError(f"GsmHardConfig.operations must start at 4 or more when chain is true, got {ops}")
        if not self.chain and ops[1] > 10:
            raise ValueError(f"GsmHardConfig.operations above 10 need chain=true (two templates), got {ops}")


class GsmHard(SymbolicTask):
    name = "gsm_hard"
    split = "seen"
    description = "Multi-step grade-school word problems with large numbers, answered exactly."
    answer_mode = "unique"
    version = 1
    display_name = "GSM-Hard"
    paper_order = 10
    family = "math"
    origin = "recreated"
    answer_format = AnswerFormat("number")
    Config = GsmHardConfig
    presets = {
        1: GsmHardConfig(operations=(2, 3), big_numbers=(0, 0), big_digits=(3, 3), small_max=100),
        2: GsmHardConfig(operations=(3, 4), big_numbers=(1, 1), big_digits=(4, 5)),
        3: GsmHardConfig(operations=(4, 5), big_numbers=(1, 1), big_digits=(6, 7)),
        4: GsmHardConfig(operations=(6, 8), big_numbers=(2, 3), big_digits=(6, 7), distractors=(1, 1),
                         require_division=True),
        5: GsmHardConfig(operations=(9, 12), big_numbers=(2, 4), big_digits=(8, 10), distractors=(2, 2), chain=True,
                         require_division=True),
    }

    # ------------------------------------------------------------------ generation
    def _story(self, ctx: Ctx, name: str, ops: int, seed: Q | None, bigd: bool):
        ctx.integer = name not in MONEY_TEMPLATES
        return TEMPLATES[name](ctx, ops, seed, bigd)

    def generate(self, rng: random.Random, config: GsmHardConfig) -> dict:
        bigd = config.big_numbers[1] > 0
        # Templates (and the operation split) are drawn in the outer loop and only the numbers in the
        # inner loop, so that templates whose exactness constraints fail more often are not under-sampled.
        for _ in range(_MAX_ATTEMPTS // _INNER):
            ops = rng.randint(*config.operations)
            if config.chain:
                first_ops = rng.randint(max(2, ops - 8), min(8, ops - 2))
                plan = list(zip(rng.sample(TEMPLATE_NAMES, 2), (first_ops, ops - first_ops)))
            else:
                plan = [(rng.choice(TEMPLATE_NAMES), ops)]
            for _ in range(_INNER):
                ctx = Ctx(rng, config.small_max, config.big_digits, rng.randint(*config.big_numbers), True)
                stories = []
                try:
                    seed = None
                    for k, (name, part_ops) in enumerate(plan):
                        story = self._story(ctx, name, part_ops, seed, bigd)
                        stories.append(story)
                        if k < len(plan) - 1:
                            if story.value.v.denominator != 1:
                                raise Retry  # N must be a whole number
                            seed = Q(story.value.v, story.value.e, "N")
                except Retry:
                    continue
                if ctx.ops != ops or ctx.big_used < config.big_numbers[0]:
                    continue
                if config.require_division and ctx.divisions == 0:
                    continue
                return self._params(rng, config, stories, ops, ctx)
        raise GenerationError(f"gsm_hard: no problem found for {config} in {_MAX_ATTEMPTS} attempts")

    def _params(self, rng: random.Random, config: GsmHardConfig, stories: list, ops: int, ctx: Ctx) -> dict:
        final = stories[-1]
        if final.value.v <= 0:  # pragma: no cover - every operation keeps values positive
            raise GenerationError("gsm_hard: non-positive answer")
        n_dis = rng.randint(*config.distractors)
        pool = [(i, t) for i, st in enumerate(stories) for t in st.distractors]
        extra = rng.sample(pool, min(n_dis, len(pool)))
        parts = []
        for i, st in enumerate(stories):
            sentences = list(st.sentences)
            for j, text in extra:
                if j == i:
                    sentences.insert(rng.randint(1, len(sentences)), text)
            parts.append({"template": st.template, "sentences": sentences, "define": st.define})
        kind = final.kind  # "money" (dollars, maybe with cents) for the shopping template, else "int"
        params = {
            "parts": parts,
            "ask": final.question,
            "formula": final.value.e,
            "kind": kind,
            "operations": ops,
            "big_numbers": ctx.big_used,
            "distractors": len(extra),
            "templates": [st.template for st in stories],
        }
        if evaluate(params["formula"]) != final.value.v:  # pragma: no cover - self-check
            raise GenerationError("gsm_hard: formula and computed value disagree")
        return params

    # ------------------------------------------------------------------ text
    def solve(self, params: dict) -> str:
        return format_answer(evaluate(params["formula"]), params["kind"])

    def question(self, params: dict) -> str:
        parts = params["parts"]
        if len(parts) == 1:
            body = " ".join(parts[0]["sentences"]) + " " + params["ask"]
        else:
            body = (
                "This problem has two parts.\n\n"
                f"Part 1: {' '.join(parts[0]['sentences'])} Let N be {parts[0]['define']}.\n\n"
                f"Part 2: {' '.join(parts[1]['sentences'])} {params['ask']}"
            )
        answer = self.solve(params)
        if params["kind"] == "money":
            example = "1520.75" if answer != "1520.75" else "1520.25"
            form = (
                "Give the exact answer in dollars as a plain number: a whole number, or a decimal with two "
                f"places if there are cents (no units, no words), for example <<<{example}>>>."
            )
        else:
            example = "4821" if answer != "4821" else "4822"
            form = f"Give the exact answer as a whole number (digits only, no units, no words), for example <<<{example}>>>."
        return (
            f"{body}\n\nAll numbers in the problem are exact; do not round any intermediate result.\n"
            f"Return your final answer inside triple angle brackets. {form}"
        )

    # ------------------------------------------------------------------ verification
    def check(self, params: dict, answer: str) -> Verdict:
        expected = evaluate(params["formula"])
        if len(answer) > 200:
            return Verdict.bad_format("answer is far too long for a number")
        text = answer.strip()
        if text.startswith("$"):
            text = text[1:].strip()
        try:
            value = parse_number(text, allow_grouping=True)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if value == expected:
            return Verdict.ok()
        return Verdict.fail(f"wrong value {short(answer)}")

    def size(self, params: dict) -> float:
        literals = _LITERAL_RE.findall(params["formula"])
        longest = max((len(x) for x in literals), default=1)
        return (
            params["operations"]
            + 0.3 * longest
            + 0.5 * params["distractors"]
            + (1.0 if len(params["parts"]) > 1 else 0.0)
        )
