"""Operator definitions and expression trees of new_operator (not a task).

An operator is a dict (symbol, template, coefficients, and for nested templates the
operator it refers to); :func:`definition_text` writes its definition and
:func:`apply_op` applies it with exact rationals, bounded in size (``_Overflow``). An
expression tree is ``["num", n]`` or ``["op", symbol, left, right]``:
:func:`parse_expression` reads the question's expression under the stated rules
(parentheses, then higher tiers first, left to right within a tier), :func:`evaluate`
computes it and :func:`render` writes it back. The generator's checks that every
operator is used and that the grouping rule matters live here too.
"""

from __future__ import annotations

import random
import re
from fractions import Fraction

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
