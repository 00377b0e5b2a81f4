"""Exact arithmetic read by an own tokenizer and recursive-descent parser (never ``eval``)."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Callable

from symbench.answer.errors import ParseError, UndefinedValueError
from symbench.answer.values import format_fraction

# --------------------------------------------------------------------------- arithmetic


class Expr:
    """A parsed arithmetic expression: its value and the integer literals it used."""

    __slots__ = ("value", "literals")

    def __init__(self, value: Fraction, literals: list[Fraction]):
        self.value = value
        self.literals = literals


_TOKEN_RE = re.compile(r"\s*(?:([0-9]+(?:\.[0-9]+)?)|(\*\*|//|[-+*/×÷()^,])|([A-Za-z_][A-Za-z0-9_]*))")


def parse_arithmetic(
    text: str,
    *,
    allow_decimals: bool = False,
    allow_unary_minus: bool = False,
    allow_power: bool = False,
    functions: dict[str, Callable[[Fraction], Fraction]] | None = None,
    constants: dict[str, Fraction] | None = None,
    max_tokens: int = 2_000,
    max_depth: int = 100,
    max_digits: int = 1_000,
    max_bits: int = 20_000,
) -> Expr:
    """Parse and evaluate ``text`` exactly: numbers, ``+ - * / × ÷`` and parentheses.

    ``**`` and ``//`` are always rejected; ``^`` is a power only with ``allow_power``
    (integer exponents, |exponent| <= 64). Adjacent numbers (concatenation) are a
    syntax error. Division by zero raises :class:`UndefinedValueError` (a ``ParseError``).
    Numbers longer than ``max_digits`` digits and powers whose result exceeds ``max_bits``
    bits are rejected, so evaluation time stays bounded on any input.
    """
    functions = functions or {}
    constants = constants or {}
    tokens: list[tuple[str, str]] = []
    pos = 0
    s = text.strip()
    while pos < len(s):
        m = _TOKEN_RE.match(s, pos)
        if not m or m.end() == pos:
            raise ParseError(f"unexpected character {s[pos]!r} at position {pos}")
        pos = m.end()
        number, op, name = m.groups()
        if number is not None:
            if len(number) > max_digits:
                raise ParseError(f"number too long ({len(number)} digits, limit {max_digits})")
            if "." in number and not allow_decimals:
                raise ParseError(f"decimal numbers are not allowed ({number})")
            tokens.append(("num", number))
        elif op is not None:
            if op in ("**", "//"):
                raise ParseError(f"operator {op!r} is not allowed")
            if op == "^" and not allow_power:
                raise ParseError("operator '^' is not allowed")
            tokens.append(("op", {"×": "*", "÷": "/"}.get(op, op)))
        else:
            if name not in functions and name not in constants:
                raise ParseError(f"unknown name {name!r}")
            tokens.append(("name", name))
        if len(tokens) > max_tokens:
            raise ParseError(f"expression too long (more than {max_tokens} tokens)")
    if not tokens:
        raise ParseError("empty expression")

    literals: list[Fraction] = []
    i = 0

    def peek() -> tuple[str, str] | None:
        return tokens[i] if i < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal i
        tok = tokens[i]
        i += 1
        return tok

    def expr(depth: int) -> Fraction:
        if depth > max_depth:
            raise ParseError("expression nested too deeply")
        value = term(depth)
        while (t := peek()) is not None and t in (("op", "+"), ("op", "-")):
            take()
            rhs = term(depth)
            value = value + rhs if t[1] == "+" else value - rhs
        return value

    def term(depth: int) -> Fraction:
        value = unary(depth)
        while (t := peek()) is not None and t in (("op", "*"), ("op", "/")):
            take()
            rhs = unary(depth)
            if t[1] == "*":
                value = value * rhs
            else:
                if rhs == 0:
                    raise UndefinedValueError("division by zero")
                value = value / rhs
        return value

    def unary(depth: int) -> Fraction:
        if depth > max_depth:
            raise ParseError("expression nested too deeply")
        t = peek()
        if t in (("op", "-"), ("op", "+")):
            if not allow_unary_minus:
                raise ParseError("unary signs are not allowed")
            take()
            v = unary(depth + 1)
            return -v if t[1] == "-" else v
        return power(depth)

    def power(depth: int) -> Fraction:
        base = atom(depth)
        if peek() == ("op", "^"):
            take()
            exponent = unary(depth + 1)
            if exponent.denominator != 1 or abs(exponent) > 64:
                raise ParseError("exponents must be integers between -64 and 64")
            if base == 0 and exponent < 0:
                raise UndefinedValueError("division by zero")
            size = max(base.numerator.bit_length(), base.denominator.bit_length()) * abs(int(exponent))
            if size > max_bits:
                raise ParseError(f"power too large (about {size} bits, limit {max_bits})")
            return base ** int(exponent)
        return base

    def atom(depth: int) -> Fraction:
        t = peek()
        if t is None:
            raise ParseError("expression ends too early")
        kind, val = take()
        if kind == "num":
            num = Fraction(val)
            literals.append(num)
            nxt = peek()
            if nxt is not None and (nxt[0] in ("num", "name") or nxt == ("op", "(")):
                raise ParseError("numbers must be separated by an operator")
            return num
        if kind == "name":
            if val in constants:
                return constants[val]
            if peek() != ("op", "("):
                raise ParseError(f"function {val!r} needs parentheses")
            take()
            arg = expr(depth + 1)
            if take_close() is False:
                raise ParseError("missing ')'")
            try:
                return functions[val](arg)
            except ParseError:
                raise
            except (ValueError, ZeroDivisionError, OverflowError) as exc:
                raise UndefinedValueError(f"{val}({format_fraction(arg)}): {exc}") from None
        if (kind, val) == ("op", "("):
            inner = expr(depth + 1)
            if not take_close():
                raise ParseError("missing ')'")
            nxt = peek()
            if nxt is not None and (nxt[0] == "num" or nxt == ("op", "(")):
                raise ParseError("implicit multiplication is not allowed")
            return inner
        raise ParseError(f"unexpected {val!r}")

    def take_close() -> bool:
        if peek() == ("op", ")"):
            take()
            return True
        return False

    try:
        value = expr(0)
    except RecursionError:
        raise ParseError("expression nested too deeply") from None
    if i != len(tokens):
        raise ParseError(f"unexpected {tokens[i][1]!r} after the end of the expression")
    return Expr(value, literals)
