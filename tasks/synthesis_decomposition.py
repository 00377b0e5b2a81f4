"""synthesis_decomposition (unseen): run conversion methods over a stock of crops and products.

Rules (TASKS.md 35). A stock holds crops (A, B, C) and products (X, Y, Z). Methods turn
inputs into outputs. The procedure works in rounds: in every round the methods are tried
once each, in their listed order; a method whose inputs are all in stock is applied
once (inputs removed, outputs added, immediately, before the next method is tried),
otherwise it is skipped. The procedure stops after the first round in which no method
could be applied. (This is the same as the original's "cycle through the methods, each
turn tries the current method once, stop when no method is possible".) The answer is
the final stock in the listed item order.

Recipe sets:

* level 1, ``two_crop`` (original c <= 2): M1 A + B -> X; M2 3A -> 2X; start A 3-20,
  B 2-16 (original 3-6 and 2-4).
* level 2, ``three_crop`` (original c 3-4): M1 A + B + C -> X; M2 A + B -> 2C;
  M3 2C -> X; start A 4-12, B 3-10, C 2-8 (original 4-8, 3-6, 2-5).
* level 3, ``two_product`` (original c 5): M1 2A + B + C -> 3X; M2 A + B -> 2C;
  M3 2C + X -> Y; M4 A + 2X -> Y; start A 5-12, B 2-8, C 4-10 (original 5-8, 2-4, 4-7).
* level 4: the level 3 methods with every crop starting at 10-20.
* level 5, ``random``: 5-6 random methods over the crops A, B, C and 2-3 products,
  crops starting at 10-30.

Products always start at 0. Answer: ``<<<[A, B, X]>>>``, ``<<<[A, B, C, X]>>>``,
``<<<[A, B, C, X, Y]>>>`` or, for random sets, one count per listed item in the
order the question lists them.

Choices made here (the catalogue leaves them open):

* Termination of random method sets: the generator first draws hidden positive
  integer weights for the items (crops 2-5, products 1-8) and keeps only methods whose
  inputs weigh strictly more than their outputs. The weighted stock is then a
  potential that every application lowers by at least 1, so the procedure stops after
  at most (initial potential) applications; the check is repeated on the finished set.
  A method has 1-3 distinct input items (coefficients 1-3) and 1-2 distinct output
  items (coefficients 1-3), never the same item on both sides, and no two methods are
  equal. A random set is kept only if every method is applied at least once during the
  run and every product is produced by some method.
* The verifier accepts a comma-separated list of non-negative integers with optional
  outer brackets, spaces and per-item quotes; it must have exactly one count per item.
  Digit counts are capped before conversion. The reason names the first wrong item.
* The fixed sets are tiny families: with the original starting ranges level 1 has 12
  different questions, level 2 80 and level 3 48. So their starting ranges are widened
  (above), their methods are numbered in a random order (``shuffle_recipes``; the
  original order is the override ``shuffle_recipes=false``), and instances are drawn by
  slot of (methods, start) (``_distinct``): a level's first 100 instances are 100
  different questions.
* The knobs ``recipes`` and ``products`` only shape the random set; ``start_c`` is
  unused by ``two_crop``, which has no crop C.
* ``size`` is the number of method applications in the run plus twice the number of
  methods.

Original defects avoided: the bracketed list the question asks for is accepted by the
verifier itself (not only after an extractor strips the brackets); crop C is called a
crop in the method texts, never a product.

Validity (the registry-wide checks hold it): Answers are stock counts, with many
different references per level, so there is no answer class to balance. Distinct
instances: The fixed sets are drawn by slot (see above), so a level's first 100
instances are 100 different puzzles.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_list, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._distinct import SlotFilter

CROPS = ("A", "B", "C")
PRODUCTS = ("X", "Y", "Z")
RECIPE_SETS = ("two_crop", "three_crop", "two_product", "random")

# (inputs, outputs) as lists of [item, count]
FIXED: dict[str, tuple[tuple[str, ...], list[tuple[list, list]]]] = {
    "two_crop": (
        ("A", "B", "X"),
        [([["A", 1], ["B", 1]], [["X", 1]]), ([["A", 3]], [["X", 2]])],
    ),
    "three_crop": (
        ("A", "B", "C", "X"),
        [
            ([["A", 1], ["B", 1], ["C", 1]], [["X", 1]]),
            ([["A", 1], ["B", 1]], [["C", 2]]),
            ([["C", 2]], [["X", 1]]),
        ],
    ),
    "two_product": (
        ("A", "B", "C", "X", "Y"),
        [
            ([["A", 2], ["B", 1], ["C", 1]], [["X", 3]]),
            ([["A", 1], ["B", 1]], [["C", 2]]),
            ([["C", 2], ["X", 1]], [["Y", 1]]),
            ([["A", 1], ["X", 2]], [["Y", 1]]),
        ],
    ),
}
_MAX_ATTEMPTS = 2_000
_MIN_RANDOM_APPLICATIONS = 15  # random sets must keep the solver busy for a while
_MAX_APPLICATIONS = 1_000_000  # only a guard: generated sets are bounded by their potential


def run(items: list[str], recipes: list[dict], start: list[int]) -> tuple[list[int], list[int]]:
    """Final stock and the number of times each method was applied."""
    stock = dict(zip(items, start))
    used = [0] * len(recipes)
    total = 0
    while True:
        applied = False
        for i, recipe in enumerate(recipes):
            if all(stock[item] >= n for item, n in recipe["inputs"]):
                for item, n in recipe["inputs"]:
                    stock[item] -= n
                for item, n in recipe["outputs"]:
                    stock[item] += n
                used[i] += 1
                total += 1
                applied = True
        if not applied:
            return [stock[item] for item in items], used
        if total > _MAX_APPLICATIONS:
            raise GenerationError("synthesis_decomposition: the procedure does not terminate")


def has_potential(recipes: list[dict], weights: dict[str, int]) -> bool:
    """True if every method lowers the weighted stock (all weights positive)."""
    if any(w <= 0 for w in weights.values()):
        return False
    for recipe in recipes:
        inputs = sum(weights[item] * n for item, n in recipe["inputs"])
        outputs = sum(weights[item] * n for item, n in recipe["outputs"])
        if inputs <= outputs:
            return False
    return True


def describe(recipe: dict) -> str:
    side = lambda pairs: " + ".join(f"{n} {item}" for item, n in pairs)  # noqa: E731
    return f"{side(recipe['inputs'])} -> {side(recipe['outputs'])}"


@dataclass(frozen=True)
class SynthesisDecompositionConfig(TaskConfig):
    recipe_set: str = "two_product"
    start_a: tuple[int, int] = (5, 8)
    start_b: tuple[int, int] = (2, 4)
    start_c: tuple[int, int] = (4, 7)
    recipes: tuple[int, int] = (5, 6)
    products: tuple[int, int] = (2, 3)
    #: number the fixed sets' methods in a random order (False: the original's order)
    shuffle_recipes: bool = True

    def validate(self) -> None:
        self.require_bool("shuffle_recipes")
        self.require_choice("recipe_set", RECIPE_SETS)
        self.require_range("start_a", 0, 1_000)
        self.require_range("start_b", 0, 1_000)
        self.require_range("start_c", 0, 1_000)
        self.require_range("recipes", 2, 10)
        self.require_range("products", 1, len(PRODUCTS))


class SynthesisDecomposition(SymbolicTask):
    name = "synthesis_decomposition"
    split = "unseen"
    description = "Apply conversion methods to a stock of crops and products in round-robin order until none applies."
    answer_mode = "unique"
    version = 2
    display_name = "Synthesis Decompo."
    paper_order = 35
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = SynthesisDecompositionConfig
    presets = {
        1: SynthesisDecompositionConfig(recipe_set="two_crop", start_a=(3, 20), start_b=(2, 16), start_c=(0, 0)),
        2: SynthesisDecompositionConfig(recipe_set="three_crop", start_a=(4, 12), start_b=(3, 10), start_c=(2, 8)),
        3: SynthesisDecompositionConfig(recipe_set="two_product", start_a=(5, 12), start_b=(2, 8), start_c=(4, 10)),
        4: SynthesisDecompositionConfig(recipe_set="two_product", start_a=(10, 20), start_b=(10, 20), start_c=(10, 20)),
        5: SynthesisDecompositionConfig(
            recipe_set="random", start_a=(10, 30), start_b=(10, 30), start_c=(10, 30), recipes=(5, 6), products=(2, 3)
        ),
    }

    # ------------------------------------------------------------------ generation
    def generate(self, rng: random.Random, config: SynthesisDecompositionConfig, index: int) -> dict:
        ranges = {"A": config.start_a, "B": config.start_b, "C": config.start_c}
        if config.recipe_set != "random":
            items, fixed = FIXED[config.recipe_set]
            slots = SlotFilter(index)
            while True:  # the filter accepts anything once its patience is spent
                recipes = [{"inputs": [list(p) for p in i], "outputs": [list(p) for p in o]} for i, o in fixed]
                if config.shuffle_recipes:
                    rng.shuffle(recipes)
                start = [rng.randint(*ranges[item]) if item in CROPS else 0 for item in items]
                if slots.accepts((recipes, start)):
                    return {"recipe_set": config.recipe_set, "items": list(items), "recipes": recipes, "start": start}
        for _ in range(_MAX_ATTEMPTS):
            n_products = rng.randint(*config.products)
            n_recipes = rng.randint(*config.recipes)
            items = list(CROPS) + list(PRODUCTS[:n_products])
            weights = {item: rng.randint(2, 5) for item in CROPS}
            weights.update({item: rng.randint(1, 8) for item in PRODUCTS[:n_products]})
            recipes = self._random_recipes(rng, items, weights, n_recipes)
            if recipes is None or not has_potential(recipes, weights):
                continue
            produced = {item for r in recipes for item, _ in r["outputs"]}
            if not set(PRODUCTS[:n_products]) <= produced:
                continue
            start = [rng.randint(*ranges[item]) if item in CROPS else 0 for item in items]
            _, used = run(items, recipes, start)
            if min(used) == 0 or sum(used) < _MIN_RANDOM_APPLICATIONS:
                continue
            return {"recipe_set": "random", "items": items, "recipes": recipes, "start": start}
        raise GenerationError(f"synthesis_decomposition: no method set found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _random_recipes(
        rng: random.Random, items: list[str], weights: dict[str, int], n_recipes: int
    ) -> list[dict] | None:
        recipes: list[dict] = []
        seen: set[str] = set()
        for _ in range(n_recipes * 50):
            if len(recipes) == n_recipes:
                break
            chosen = rng.sample(items, rng.randint(2, min(4, len(items))))
            n_in = rng.randint(1, min(3, len(chosen) - 1))
            ins = sorted(chosen[:n_in], key=items.index)
            outs = sorted(chosen[n_in : n_in + 2], key=items.index)
            recipe = {
                "inputs": [[item, rng.randint(1, 3)] for item in ins],
                "outputs": [[item, rng.randint(1, 3)] for item in outs],
            }
            key = describe(recipe)
            if key in seen or not has_potential([recipe], weights):
                continue
            seen.add(key)
            recipes.append(recipe)
        return recipes if len(recipes) == n_recipes else None

    # ------------------------------------------------------------------ answer
    def _final(self, params: dict) -> list[int]:
        final, _ = run(params["items"], params["recipes"], params["start"])
        return final

    def solve(self, params: dict) -> str:
        return "[" + ", ".join(map(str, self._final(params))) + "]"

    def question(self, params: dict) -> str:
        items = params["items"]
        crops = [i for i in items if i in CROPS]
        products = [i for i in items if i in PRODUCTS]
        stock = ", ".join(f"{item} = {n}" for item, n in zip(items, params["start"]))
        methods = "\n".join(f"Method {k}: {describe(r)}" for k, r in enumerate(params["recipes"], 1))
        m = len(params["recipes"])
        order = ", ".join(items)
        final = self._final(params)
        example = [(3 * k + 2) % 7 for k in range(len(items))]
        if example == final:
            example[0] += 1
        return (
            f"A farm keeps a stock of the crops {', '.join(crops)} and the "
            f"{'products' if len(products) > 1 else 'product'} {', '.join(products)}. "
            f"The stock starts as: {stock}.\n\n"
            f"The farm can use these methods (the number before an item is how many units of it are used or made):\n"
            f"{methods}\n\n"
            f"The procedure works in rounds. In every round, methods 1 to {m} are tried once each, in this order. "
            "A method is applied (once) if the stock currently holds all of its inputs: its inputs are removed and its "
            "outputs are added immediately, before the next method is tried. Otherwise the method is skipped. The "
            "procedure stops after the first round in which no method could be applied.\n\n"
            f"How many units of each item are in the stock at the end? Give the counts in the order {order}.\n\n"
            f"Return your final answer as a bracketed, comma-separated list of {len(items)} integers (the counts of "
            f"{order}) inside triple angle brackets, for example <<<[{', '.join(map(str, example))}]>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        items = params["items"]
        if len(answer) > 20 * len(items) + 20:
            return Verdict.bad_format(f"answer is far too long for a list of {len(items)} counts")
        try:
            parts = parse_list(answer)
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if len(parts) != len(items):
            return Verdict.bad_format(f"expected {len(items)} counts ({', '.join(items)}), got {len(parts)}")
        values = []
        for item, part in zip(items, parts):
            if not re.fullmatch(r"[0-9]{1,12}", part):  # ASCII digits only
                return Verdict.bad_format(f"the count of {item} must be a non-negative integer, got {short(part)}")
            values.append(int(part))
        for item, got, want in zip(items, values, self._final(params)):
            if got != want:
                return Verdict.fail(f"wrong final count of {item}: {got}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        _, used = run(params["items"], params["recipes"], params["start"])
        return sum(used) + 2 * len(params["recipes"])
