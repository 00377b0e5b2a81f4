"""Answer extraction and the shared, safe parsers that verifiers build on (TASKS.md 0.5).

Nothing here executes model text: numbers, lists, JSON and arithmetic are read with
small tokenisers and recursive-descent parsers, evaluated with exact ``Fraction``s.
Every parser raises :class:`ParseError` (a ``ValueError``) with a readable message;
verifiers turn that into an incorrect verdict.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction
from typing import Any, Callable, Iterable

_FINAL_RE = re.compile(r"<<<(.*?)>>>", re.DOTALL)
_FENCE_RE = re.compile(r"^```[A-Za-z0-9_+-]*[ \t]*\n?(.*?)\n?```$", re.DOTALL)
_CODE_BLOCK_RE = re.compile(r"```(?:python|py|Python|python3)?[ \t]*\n(.*?)```", re.DOTALL)
_QUOTES = {'"': '"', "'": "'", "`": "`", "\u201c": "\u201d", "\u2018": "\u2019"}


class ParseError(ValueError):
    """Model text that does not have the required shape."""


def extract_final_answer(text: str) -> str | None:
    """The content of the last ``<<<...>>>`` in ``text``, or ``None``."""
    if not isinstance(text, str):
        return None
    matches = _FINAL_RE.findall(text)
    return matches[-1] if matches else None


def extract_python_code(text: str) -> str | None:
    """The last fenced Python code block of ``text`` (```python or a bare ``` fence)."""
    if not isinstance(text, str):
        return None
    blocks = _CODE_BLOCK_RE.findall(text)
    return blocks[-1] if blocks else None


def _unquote(s: str) -> str:
    """Remove one pair of quotes that encloses the WHOLE text (``"a", "b"`` keeps its quotes)."""
    if len(s) >= 2 and s[0] in _QUOTES and s[-1] == _QUOTES[s[0]]:
        inner = s[1:-1]
        if s[0] not in inner and _QUOTES[s[0]] not in inner:
            return inner.strip()
    return s


def normalize_answer(text: str) -> str:
    """Strip whitespace, one code fence and one pair of enclosing quotes/backticks."""
    s = text.strip()
    m = _FENCE_RE.match(s)
    if m:
        s = m.group(1).strip()
    return _unquote(s)


def strip_quotes(text: str) -> str:
    return _unquote(text.strip())


# --------------------------------------------------------------------------- numbers

# ASCII digits only: Python's \d and int() also accept other scripts' digits (e.g. "١٣").
_INT_RE = re.compile(r"[+-]?[0-9]+")
_DEC_RE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)")
_FRAC_RE = re.compile(r"([+-]?[0-9]+)\s*/\s*([0-9]+)")
_GROUPED_RE = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def parse_int(text: str, *, allow_grouping: bool = False) -> int:
    """A signed integer; ``1,234`` only when ``allow_grouping`` and grouped correctly."""
    s = strip_quotes(text)
    if allow_grouping and _GROUPED_RE.fullmatch(s) and "." not in s:
        s = s.replace(",", "")
    if not _INT_RE.fullmatch(s):
        raise ParseError(f"expected an integer, got {short(text)}")
    return int(s)


def parse_number(text: str, *, allow_grouping: bool = False, allow_fraction: bool = True) -> Fraction:
    """An exact number: signed integer, decimal or ``p/q``. No units, words or exponents."""
    s = strip_quotes(text)
    if allow_grouping and _GROUPED_RE.fullmatch(s):
        s = s.replace(",", "")
    if _DEC_RE.fullmatch(s):
        return Fraction(s)
    m = _FRAC_RE.fullmatch(s)
    if allow_fraction and m:
        if int(m.group(2)) == 0:
            raise ParseError(f"division by zero in {short(text)}")
        return Fraction(int(m.group(1)), int(m.group(2)))
    raise ParseError(f"expected a number, got {short(text)}")


def format_fraction(value: Fraction) -> str:
    """``3``, ``-7/2``: the canonical text of an exact rational."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


# --------------------------------------------------------------------------- lists


def parse_list(text: str, *, sep: str | None = ",", brackets: bool = True) -> list[str]:
    """Split a flat list such as ``[a, 'b', c]`` or ``a b c`` (``sep=None``) into items.

    One optional pair of outer ``[]``/``()`` is removed when ``brackets``; items are
    stripped of spaces and of one pair of quotes. An empty list gives ``[]``.
    """
    s = text.strip()
    if brackets and len(s) >= 2 and (s[0], s[-1]) in (("[", "]"), ("(", ")")):
        s = s[1:-1].strip()
    if not s:
        return []
    parts = s.split() if sep is None else s.split(sep)
    items = [strip_quotes(p) for p in parts]
    if any(item == "" for item in items):
        raise ParseError(f"empty item in list {short(text)}")
    return items


# --------------------------------------------------------------------------- JSON


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ParseError(f"duplicate key {key!r} in JSON object")
        out[key] = value
    return out


def parse_json(text: str) -> Any:
    """Strict JSON (duplicate keys rejected, NaN/Infinity rejected)."""

    def _bad_constant(name: str) -> Any:
        raise ParseError(f"{name} is not allowed in the answer")

    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_bad_constant)
    except ParseError:
        raise
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise ParseError(f"malformed JSON: {exc}") from None


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
    syntax error. Division by zero raises :class:`ParseError`. Numbers longer than
    ``max_digits`` digits and powers whose result exceeds ``max_bits`` bits are rejected,
    so evaluation time stays bounded on any input.
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
                    raise ParseError("division by zero")
                value = value / rhs
        return value

    def unary(depth: int) -> Fraction:
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
                raise ParseError("division by zero")
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
                raise ParseError(f"{val}({format_fraction(arg)}): {exc}") from None
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


# --------------------------------------------------------------------------- misc


def short(text: Any, limit: int = 60) -> str:
    """A short ``repr`` of model text for use in verdict reasons and parse errors."""
    s = repr(text)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def same_multiset(a: Iterable[Any], b: Iterable[Any]) -> bool:
    return Counter(a) == Counter(b)


__all__ = [
    "Expr",
    "ParseError",
    "extract_final_answer",
    "extract_python_code",
    "format_fraction",
    "normalize_answer",
    "parse_arithmetic",
    "parse_int",
    "parse_json",
    "parse_list",
    "parse_number",
    "same_multiset",
    "short",
    "strip_quotes",
]
