"""A safe parser of exact math answers for the math tasks (not a task itself).

Used by ``math_geometry`` and ``math_counting_probability``; values are the Surds and
quotients of :mod:`symbench.tasks._exact_surds`. Model text is never handed to
``eval``/``sympify``. :func:`latex_to_text` turns a small LaTeX subset into plain text
(``\\frac{a}{b}``, ``\\dfrac``, ``\\tfrac``, ``\\sqrt{x}``, ``\\pi``, ``\\cdot``, ``\\times``,
``\\left(``/``\\right)``, ``$``, ``\\boxed{}``); any other command is an error.
:func:`parse_value` then reads the plain text with an own tokenizer and recursive-descent
grammar: numbers, ``+ - * /``, ``^`` (integer or half-integer exponents), parentheses,
``sqrt`` (also ``√``) and ``pi`` (also ``π``). Implicit multiplication such as ``3sqrt(2)`` or
``2pi`` is allowed, but not right after a division or a bare exponent (``1/2pi`` and
``2^3pi`` are ambiguous and rejected), and two numbers may never touch (``2 3``).
:func:`parse_answer` reads a whole answer, a scalar or an ordered tuple.
"""

from __future__ import annotations

import re
from fractions import Fraction

from symbench.answer import ParseError
from symbench.tasks._exact_surds import Quot, Surd

MAX_NUMBER_DIGITS = 80
MAX_DEPTH = 60
MAX_TOKENS = 1_000
MAX_TEXT = 5_000


# --------------------------------------------------------------------------- LaTeX


_SKIP_COMMANDS = {"left", "right", "displaystyle", "bigl", "bigr", "Bigl", "Bigr", ",", ";", "!", " ", ":"}
_REPLACE = {"pi": " pi ", "cdot": "*", "times": "*", "div": "/"}


def latex_to_text(text: str) -> str:
    """Convert the small LaTeX subset to plain text (see the module docstring)."""
    s = text.strip()
    if len(s) > MAX_TEXT:
        raise ParseError(f"answer too long ({len(s)} characters)")
    for a, b in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if len(s) >= len(a) + len(b) and s.startswith(a) and s.endswith(b):
            s = s[len(a) : len(s) - len(b)].strip()
            break
    if "\\" not in s and "{" not in s and "}" not in s:
        return s
    pos = 0
    n = len(s)

    def read_command() -> str:
        nonlocal pos
        # s[pos] == "\\"
        pos += 1
        if pos >= n:
            raise ParseError("dangling backslash")
        if s[pos].isalpha():
            start = pos
            while pos < n and s[pos].isalpha():
                pos += 1
            return s[start:pos]
        ch = s[pos]
        pos += 1
        return ch

    def skip_spaces() -> None:
        nonlocal pos
        while pos < n and s[pos] == " ":
            pos += 1

    def read_arg(depth: int) -> str:
        """A {group}, a single character, or a \\command."""
        nonlocal pos
        skip_spaces()
        if pos >= n:
            raise ParseError("missing argument to a LaTeX command")
        ch = s[pos]
        if ch == "{":
            pos += 1
            inner = seq(depth + 1, closing="}")
            return inner
        if ch == "\\":
            name = read_command()
            return command(name, depth + 1)
        pos += 1
        return ch

    def command(name: str, depth: int) -> str:
        nonlocal pos
        if depth > MAX_DEPTH:
            raise ParseError("LaTeX nested too deeply")
        if name in ("frac", "dfrac", "tfrac"):
            a = read_arg(depth)
            b = read_arg(depth)
            return f"(({a})/({b}))"
        if name == "sqrt":
            skip_spaces()
            if pos < n and s[pos] == "[":
                raise ParseError("only square roots are supported (\\sqrt[n] given)")
            return f"sqrt({read_arg(depth)})"
        if name == "boxed":
            return f"({read_arg(depth)})"
        if name in _REPLACE:
            return _REPLACE[name]
        if name in _SKIP_COMMANDS:
            return " "
        raise ParseError(f"unsupported LaTeX command \\{name}")

    def seq(depth: int, closing: str | None) -> str:
        nonlocal pos
        if depth > MAX_DEPTH:
            raise ParseError("LaTeX nested too deeply")
        out: list[str] = []
        while pos < n:
            ch = s[pos]
            if ch == "\\":
                out.append(command(read_command(), depth + 1))
            elif ch == "{":
                pos += 1
                out.append("(" + seq(depth + 1, closing="}") + ")")
            elif ch == "}":
                if closing != "}":
                    raise ParseError("unbalanced '}'")
                pos += 1
                return "".join(out)
            else:
                out.append(ch)
                pos += 1
        if closing is not None:
            raise ParseError("missing '}'")
        return "".join(out)

    return seq(0, None)


# --------------------------------------------------------------------------- parser

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?|\.\d+)|(\*\*|//|[-+*/^(),×÷·−√π])|([A-Za-z]+))")


def _tokenize(text: str, names: tuple[str, ...] = ("sqrt", "pi")) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos, s = 0, text.rstrip()
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m or m.end() == pos:
            raise ParseError(f"unexpected character {s[pos]!r}")
        pos = m.end()
        number, op, name = m.groups()
        if number is not None:
            if len(number) > MAX_NUMBER_DIGITS:
                raise ParseError("number with too many digits")
            tokens.append(("num", number))
        elif op is not None:
            if op in ("**", "//"):
                raise ParseError(f"operator {op!r} is not allowed (use ^ for powers)")
            op = {"×": "*", "·": "*", "÷": "/", "−": "-", "√": "sqrt", "π": "pi"}.get(op, op)
            if op in ("sqrt", "pi"):
                if op not in names:
                    raise ParseError(f"{op} is not allowed in this answer")
                tokens.append(("name", op))
            else:
                tokens.append(("op", op))
        else:
            low = name.lower()
            if low not in names:
                allowed = " and ".join(names) if names else "no names"
                raise ParseError(f"unknown name {name!r} (allowed: {allowed})")
            tokens.append(("name", low))
        if len(tokens) > MAX_TOKENS:
            raise ParseError("expression too long")
    if not tokens:
        raise ParseError("empty expression")
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.t = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self) -> tuple[str, str]:
        tok = self.t[self.i]
        self.i += 1
        return tok

    def expect_close(self) -> None:
        if self.peek() != ("op", ")"):
            raise ParseError("missing ')'")
        self.take()

    def expr(self, depth: int) -> Quot:
        if depth > MAX_DEPTH:
            raise ParseError("expression nested too deeply")
        value = self.term(depth)
        while (tok := self.peek()) in (("op", "+"), ("op", "-")):
            self.take()
            rhs = self.term(depth)
            value = value + rhs if tok[1] == "+" else value - rhs
        return value

    def _starts_implicit(self) -> bool:
        tok = self.peek()
        return tok is not None and (tok[0] == "name" or tok == ("op", "("))

    def term(self, depth: int) -> Quot:
        value, bare_exp = self.unary(depth)
        after_div = False
        while True:
            tok = self.peek()
            if tok in (("op", "*"), ("op", "/")):
                self.take()
                rhs, bare_exp = self.unary(depth)
                if tok[1] == "*":
                    value = value * rhs
                    after_div = False
                else:
                    value = value / rhs
                    after_div = True
            elif self._starts_implicit():
                if after_div:
                    raise ParseError("ambiguous implicit multiplication after '/': add parentheses")
                if bare_exp:
                    raise ParseError("ambiguous implicit multiplication after an exponent: add parentheses")
                rhs, bare_exp = self.unary(depth)
                value = value * rhs
            elif tok is not None and tok[0] == "num":
                raise ParseError("numbers must be separated by an operator")
            else:
                return value

    def unary(self, depth: int) -> tuple[Quot, bool]:
        tok = self.peek()
        if tok in (("op", "-"), ("op", "+")):
            self.take()
            if depth > MAX_DEPTH:
                raise ParseError("expression nested too deeply")
            v, bare = self.unary(depth + 1)
            return (-v if tok[1] == "-" else v), bare
        return self.power(depth)

    def power(self, depth: int) -> tuple[Quot, bool]:
        base = self.atom(depth)
        if self.peek() == ("op", "^"):
            self.take()
            bare = self.peek() is not None and self.peek()[0] == "num"
            exp, _ = self.unary(depth + 1)
            e = exp.as_rational()
            if e is None:
                raise ParseError("exponents must be rational numbers")
            return base.power(e), bare
        return base, False

    def atom(self, depth: int) -> Quot:
        if depth > MAX_DEPTH:
            raise ParseError("expression nested too deeply")
        tok = self.peek()
        if tok is None:
            raise ParseError("expression ends too early")
        kind, val = self.take()
        if kind == "num":
            if self.peek() is not None and self.peek()[0] == "num":
                raise ParseError("numbers must be separated by an operator")
            return Quot(Surd.rational(Fraction(val)), decimal="." in val)
        if kind == "name":
            if val == "pi":
                return Quot(Surd.pi())
            # sqrt: parenthesised argument, or directly a number / pi (sqrt2, √3)
            nxt = self.peek()
            if nxt == ("op", "("):
                self.take()
                arg = self.expr(depth + 1)
                self.expect_close()
            elif nxt is not None and (nxt[0] == "num" or nxt == ("name", "pi")):
                arg = self.atom(depth + 1)
            else:
                raise ParseError("sqrt needs an argument in parentheses")
            return arg.sqrt()
        if (kind, val) == ("op", "("):
            inner = self.expr(depth + 1)
            self.expect_close()
            if self.peek() is not None and self.peek()[0] == "num":
                raise ParseError("a number cannot follow ')' without an operator")
            return inner
        raise ParseError(f"unexpected {val!r}")


def parse_value(text: str, names: tuple[str, ...] = ("sqrt", "pi")) -> Quot:
    """Parse one plain-text (already LaTeX-converted) scalar expression exactly.

    ``names`` lists the allowed names (``sqrt``, ``pi``); ``()`` allows numbers only.
    """
    p = _Parser(_tokenize(text, names))
    try:
        value = p.expr(0)
    except RecursionError:
        raise ParseError("expression nested too deeply") from None
    if p.i != len(p.t):
        raise ParseError(f"unexpected {p.t[p.i][1]!r} after the end of the expression")
    return value


def split_top_level(text: str) -> list[str]:
    """Split on commas that are not inside parentheses."""
    parts, depth, start = [], 0, 0
    for idx, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:idx])
            start = idx + 1
    parts.append(text[start:])
    return parts


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")


def parse_answer(
    text: str, *, tuple_len: int | None, names: tuple[str, ...] = ("sqrt", "pi")
) -> list[Quot] | Quot:
    """Parse a whole answer: a scalar, or an ordered tuple of ``tuple_len`` scalars."""
    if len(text) > MAX_TEXT:
        raise ParseError(f"answer too long ({len(text)} characters)")
    plain = latex_to_text(text).strip()
    if tuple_len is None:
        if _GROUPED.fullmatch(plain):
            plain = plain.replace(",", "")
        if "," in plain:
            raise ParseError("expected a single value, got a comma-separated list")
        return parse_value(plain, names)
    if len(plain) < 2 or (plain[0], plain[-1]) not in (("(", ")"), ("[", "]")):
        raise ParseError("expected an ordered pair in parentheses, like (x, y)")
    inner = plain[1:-1]
    if inner.count("(") != inner.count(")"):
        raise ParseError("unbalanced parentheses")
    parts = split_top_level(inner)
    if len(parts) != tuple_len:
        raise ParseError(f"expected {tuple_len} coordinates, got {len(parts)}")
    return [parse_value(p.strip(), names) for p in parts]
