"""new_operator (seen): evaluate an expression built from newly defined binary operators.

Rules (TASKS.md 14). Operators use the symbols ``# @ $ & % ~``. Each is defined for
operands ``a`` and ``b`` by one template with small integer coefficients:

* basic: ``c1*a + c2*b``, ``c1*a*b``, ``(a + b)/b``;
* extended (levels 4-5): ``c1*a - c2*b``, ``a*a + c*b``, ``(a + c)*(b + d)``;
* nested (level 5): a definition may use an operator defined before it, e.g.
  ``a & b = (a # b)*2``, ``(a # b) + 3*a``, ``(b # a) - 3`` or ``a # (b + 2)``.

Evaluation rules stated in every question: parentheses first; without a precedence
table all new operators have the same precedence and group from left to right; with a
precedence table (level 5) higher tiers are applied first and operators of one tier
group from left to right. Arithmetic is exact (rationals).

Answer: the exact value as an integer, a fraction ``p/q`` or a terminating decimal
(``-7/2``, ``-3.5``); any exactly equal form passes, nothing else (no words, no rounding).

Choices made here (the catalogue leaves them open):

* The expression is a random binary tree over the operators (level 2 is the left-deep
  ``(a#b)#c`` of the catalogue). Level 1-3 put parentheses around every inner operation;
  levels 4-5 write the fewest parentheses the grouping rules need and add some redundant
  ones; at least one pair of parentheses is shown. At level 4 the left-to-right default
  must matter (grouping from the right would give a different tree) and at level 5 the
  precedence table must matter (reading it left to right without the table would give a
  different tree).
* Every defined operator is used, directly or through another used definition.
* Instances whose intermediate or final values grow beyond 10**9 in numerator or 10**4 in
  denominator, or that divide by zero, are resampled.
* The stored expression text is the single source of truth: ``solve`` re-parses the text
  the model sees with the stated rules and evaluates it exactly.
* ``size`` counts operator applications after expanding nested definitions, plus the
  number of operands.

Original defects avoided: the reference here evaluates every operator (the original
dropped all but one when two stood outside parentheses), definitions and question use the
same names ``a`` and ``b``, the answer format asks for a number (not "a list of values
and symbols"), and values are exact rationals, never compared as floats.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction

from symbench.answer import ParseError, format_fraction, parse_number, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

SYMBOLS = ("#", "@", "$", "&", "%", "~")
BASIC = ("lin", "prod", "ratio")
EXTENDED = ("linm", "sq", "pair")
NESTED = ("scaled", "shift", "swap", "inner")
_MAX_ATTEMPTS = 3_000
_NUM_LIMIT = 10**9
_DEN_LIMIT = 10**4


class _Overflow(ArithmeticError):
    pass


# --------------------------------------------------------------------------- definitions


def definition_text(op: dict) -> str:
    s, t, c, ref = op["symbol"], op["template"], op["coefs"], op.get("ref")
    body = {
        "lin": lambda: f"{c[0]}*a + {c[1]}*b",
        "prod": lambda: f"{c[0]}*a*b",
        "ratio": lambda: "(a + b)/b",
        "linm": lambda: f"{c[0]}*a - {c[1]}*b",
        "sq": lambda: f"a*a + {c[0]}*b",
        "pair": lambda: f"(a + {c[0]})*(b + {c[1]})",
        "scaled": lambda: f"(a {ref} b)*{c[0]}",
        "shift": lambda: f"(a {ref} b) + {c[0]}*a",
        "swap": lambda: f"(b {ref} a) - {c[0]}",
        "inner": lambda: f"a {ref} (b + {c[0]})",
    }[t]()
    return f"a {s} b = {body}"


def _bounded(v: Fraction) -> Fraction:
    if abs(v.numerator) > _NUM_LIMIT or v.denominator > _DEN_LIMIT:
        raise _Overflow(f"value {v} out of range")
    return v


def apply_op(ops: dict[str, dict], symbol: str, a: Fraction, b: Fraction, counter: list[int] | None = None) -> Fraction:
    """``a symbol b`` with exact arithmetic; raises ZeroDivisionError or _Overflow."""
    op = ops[symbol]
    t, c = op["template"], op["coefs"]
    if counter is not None:
        counter[0] += 1
    if t == "lin":
        v = c[0] * a + c[1] * b
    elif t == "prod":
        v = c[0] * a * b
    elif t == "ratio":
        v = (a + b) / b
    elif t == "linm":
        v = c[0] * a - c[1] * b
    elif t == "sq":
        v = a * a + c[0] * b
    elif t == "pair":
        v = (a + c[0]) * (b + c[1])
    elif t == "scaled":
        v = apply_op(ops, op["ref"], a, b, counter) * c[0]
    elif t == "shift":
        v = apply_op(ops, op["ref"], a, b, counter) + c[0] * a
    elif t == "swap":
        v = apply_op(ops, op["ref"], b, a, counter) - c[0]
    elif t == "inner":
        v = apply_op(ops, op["ref"], a, b + c[0], counter)
    else:
        raise ValueError(f"unknown template {t!r}")
    return _bounded(Fraction(v))


# --------------------------------------------------------------------------- expressions
# A tree is ["num", n] or ["op", symbol, left, right].

_TOKEN = re.compile(r"\s*(?:(\d+)|([()#@$&%~]))")


def parse_expression(text: str, tiers: dict[str, int]) -> list:
    """Parse the question's expression with the stated rules (tiers: higher binds tighter)."""
    tokens = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"bad character at {pos} in {text!r}")
        tokens.append(m.group(1) or m.group(2))
        pos = m.end()
    i = 0

    def atom() -> list:
        nonlocal i
        tok = tokens[i]
        i += 1
        if tok == "(":
            inner = expr(0)
            if tokens[i] != ")":
                raise ValueError("missing )")
            i += 1
            return inner
        if tok.isdigit():
            return ["num", int(tok)]
        raise ValueError(f"unexpected {tok!r}")

    def expr(min_tier: int) -> list:
        # precedence climbing, every operator left-associative
        nonlocal i
        left = atom()
        while i < len(tokens) and tokens[i] in tiers and tiers[tokens[i]] >= min_tier:
            sym = tokens[i]
            i += 1
            right = expr(tiers[sym] + 1)
            left = ["op", sym, left, right]
        return left

    tree = expr(0)
    if i != len(tokens):
        raise ValueError("trailing tokens")
    return tree


def evaluate(tree: list, ops: dict[str, dict], counter: list[int] | None = None) -> Fraction:
    if tree[0] == "num":
        return Fraction(tree[1])
    return apply_op(ops, tree[1], evaluate(tree[2], ops, counter), evaluate(tree[3], ops, counter), counter)


def render(tree: list, tiers: dict[str, int], style: str, rng: random.Random | None = None, top: bool = True) -> str:
    """Text of ``tree``: ``full`` parenthesises every inner operation, ``mixed`` writes the
    parentheses the rules need plus (with ``rng``) some redundant ones."""
    if tree[0] == "num":
        return str(tree[1])
    _, sym, left, right = tree
    parts = []
    for side, child in (("left", left), ("right", right)):
        text = render(child, tiers, style, rng, top=False)
        if child[0] == "op":
            if style == "full":
                need = True
            else:
                ct, pt = tiers[child[1]], tiers[sym]
                need = ct < pt or (side == "right" and ct == pt)
                if not need and rng is not None and rng.random() < 0.35:
                    need = True
            if need:
                text = f"({text})"
        parts.append(text)
    return f"{parts[0]} {sym} {parts[1]}"


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class NewOperatorConfig(TaskConfig):
    operators: tuple[int, int] = (2, 2)
    operands: tuple[int, int] = (3, 3)
    operand_max: int = 10
    coef_max: int = 5
    extended: bool = False
    nested: bool = False
    precedence: bool = False
    parens: str = "full"
    shape: str = "random"

    def validate(self) -> None:
        ops = self.require_range("operators", 1, len(SYMBOLS))
        operands = self.require_range("operands", 2, 12)
        self.require_int("operand_max", 1, 100)
        self.require_int("coef_max", 1, 20)
        self.require_bool("extended")
        nested = self.require_bool("nested")
        self.require_bool("precedence")
        self.require_choice("parens", ("full", "mixed"))
        self.require_choice("shape", ("left", "random"))
        if not nested and ops[0] > operands[1] - 1:
            raise ValueError(
                f"NewOperatorConfig.operators {ops} cannot all appear in an expression with at most {operands[1]} operands"
            )


class NewOperator(SymbolicTask):
    name = "new_operator"
    split = "seen"
    description = "Evaluate an expression over newly defined binary operators exactly."
    answer_mode = "unique"
    version = 1
    display_name = "New Operator"
    paper_order = 14
    family = "math"
    origin = "paper"
    Config = NewOperatorConfig
    presets = {
        1: NewOperatorConfig(operators=(1, 1), operands=(2, 2), shape="left"),
        2: NewOperatorConfig(operators=(1, 1), operands=(3, 3), shape="left"),
        3: NewOperatorConfig(operators=(2, 2), operands=(3, 3)),
        4: NewOperatorConfig(operators=(3, 3), operands=(4, 4), extended=True, parens="mixed"),
        5: NewOperatorConfig(
            operators=(4, 5), operands=(5, 7), operand_max=9, extended=True, nested=True, precedence=True, parens="mixed"
        ),
    }

    # ----------------------------------------------------------------- generation
    def generate(self, rng: random.Random, config: NewOperatorConfig) -> dict:
        for _ in range(_MAX_ATTEMPTS):
            k = rng.randint(*config.operators)
            n = rng.randint(*config.operands)
            if not config.nested and k > n - 1:
                continue
            symbols = rng.sample(SYMBOLS, k)
            ops = self._definitions(rng, symbols, config)
            tiers = self._tiers(rng, symbols, config.precedence)
            tree = self._tree(rng, n, symbols, config)
            if not _all_used(tree, ops):
                continue
            text = render(tree, tiers, config.parens, rng)
            if parse_expression(text, tiers) != tree:
                raise GenerationError(f"new_operator: rendering {text!r} does not parse back")  # a bug
            if config.parens == "mixed" and ("(" not in text or not _grouping_matters(text, tiers, config.precedence)):
                continue
            counter = [0]
            try:
                evaluate(tree, ops, counter)
            except (ZeroDivisionError, _Overflow):
                continue
            return {
                "operators": [ops[s] for s in symbols],
                "tiers": tiers if config.precedence else None,
                "expression": text,
                "operands": n,
                "applications": counter[0],
            }
        raise GenerationError(f"new_operator: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _definitions(rng: random.Random, symbols: list[str], config: NewOperatorConfig) -> dict[str, dict]:
        ops: dict[str, dict] = {}
        for i, sym in enumerate(symbols):
            pool = list(BASIC) + (list(EXTENDED) if config.extended else [])
            if config.nested and i > 0 and rng.random() < 0.6:
                pool = list(NESTED)
            t = rng.choice(pool)
            coefs = [rng.randint(1, config.coef_max), rng.randint(1, config.coef_max)]
            op = {"symbol": sym, "template": t, "coefs": coefs}
            if t in NESTED:
                op["ref"] = rng.choice(symbols[:i])
            ops[sym] = op
        return ops

    @staticmethod
    def _tiers(rng: random.Random, symbols: list[str], precedence: bool) -> dict[str, int]:
        if not precedence or len(symbols) < 2:
            return {s: 1 for s in symbols}
        for _ in range(100):
            tiers = {s: rng.randint(1, 3) for s in symbols}
            if len(set(tiers.values())) >= 2:
                return tiers
        return {s: 1 + (i % 2) for i, s in enumerate(symbols)}

    @staticmethod
    def _tree(rng: random.Random, n: int, symbols: list[str], config: NewOperatorConfig) -> list:
        leaves = [["num", rng.randint(1, config.operand_max)] for _ in range(n)]
        if config.shape == "left":
            tree = leaves[0]
            for leaf in leaves[1:]:
                tree = ["op", rng.choice(symbols), tree, leaf]
            return tree

        def build(items: list) -> list:
            if len(items) == 1:
                return items[0]
            cut = rng.randint(1, len(items) - 1)
            return ["op", rng.choice(symbols), build(items[:cut]), build(items[cut:])]

        return build(leaves)

    # ----------------------------------------------------------------- answer
    def _value(self, params: dict) -> Fraction:
        ops = {op["symbol"]: op for op in params["operators"]}
        tiers = params["tiers"] or {s: 1 for s in ops}
        return evaluate(parse_expression(params["expression"], tiers), ops)

    def solve(self, params: dict) -> str:
        return format_fraction(self._value(params))

    def question(self, params: dict) -> str:
        defs = "\n".join(definition_text(op) for op in params["operators"])
        tiers = params["tiers"]
        if tiers:
            levels = sorted(set(tiers.values()), reverse=True)
            table = "\n".join(
                f"- tier {t}: " + ", ".join(s for s in (op["symbol"] for op in params["operators"]) if tiers[s] == t)
                for t in levels
            )
            grouping = (
                "Precedence table (a higher tier binds more tightly and is applied first):\n"
                f"{table}\n"
                "Operators of the same tier are applied from left to right (a op b op c means (a op b) op c). "
                "Parentheses are always evaluated first."
            )
        else:
            grouping = (
                "All of these operators have the same precedence and are applied from left to right: "
                "a op b op c means (a op b) op c. Parentheses are always evaluated first."
            )
        value = self.solve(params)
        example = "-7/2" if value != "-7/2" else "5/3"
        return (
            "New binary operators are defined as follows (a is the left operand, b the right operand; "
            "*, +, - and / are ordinary multiplication, addition, subtraction and division):\n"
            f"{defs}\n\n"
            "Inside a definition the usual arithmetic rules apply. "
            f"{grouping}\n\n"
            f"Compute the exact value of:\n{params['expression']}\n\n"
            "Use exact arithmetic (no rounding). Return your final answer as <<<value>>>, where the value is an "
            f"integer, a fraction p/q or a terminating decimal, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        if len(answer) > 200:
            return Verdict.fail(f"answer is too long for a number: {short(answer)}")
        try:
            got = parse_number(answer)
        except (ParseError, ValueError) as exc:
            return Verdict.fail(f"answer is not an exact number: {exc}")
        expected = self._value(params)
        if got != expected:
            return Verdict.fail(f"wrong value {format_fraction(got)}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["applications"] + params["operands"]


def _all_used(tree: list, ops: dict[str, dict]) -> bool:
    used: set[str] = set()

    def walk(t: list) -> None:
        if t[0] == "op":
            used.add(t[1])
            walk(t[2])
            walk(t[3])

    walk(tree)
    frontier = sorted(used)
    while frontier:
        ref = ops[frontier.pop()].get("ref")
        if ref and ref not in used:
            used.add(ref)
            frontier.append(ref)
    return used == set(ops)


def _grouping_matters(text: str, tiers: dict[str, int], precedence: bool) -> bool:
    """Level 4: grouping from the right would differ. Level 5: ignoring the tiers would differ."""
    tree = parse_expression(text, tiers)
    if precedence:
        flat = parse_expression(text, {s: 1 for s in tiers})
        return flat != tree
    right = _parse_right_assoc(text, tiers)
    return right != tree


def _parse_right_assoc(text: str, tiers: dict[str, int]) -> list:
    tokens = [m.group(1) or m.group(2) for m in _TOKEN.finditer(text)]
    i = 0

    def atom() -> list:
        nonlocal i
        tok = tokens[i]
        i += 1
        if tok == "(":
            inner = expr()
            i += 1
            return inner
        return ["num", int(tok)]

    def expr() -> list:
        nonlocal i
        left = atom()
        if i < len(tokens) and tokens[i] in tiers:
            sym = tokens[i]
            i += 1
            return ["op", sym, left, expr()]
        return left

    return expr()
