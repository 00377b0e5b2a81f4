"""Numbers, choices and JSON read from answer text (TASKS.md 0.5 d-e); nothing is evaluated."""

from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction
from typing import Any, Iterable

from symbench.answer.errors import ParseError, short
from symbench.answer.extract import strip_quotes

# --------------------------------------------------------------------------- numbers

# ASCII digits only: Python's \d and int() also accept other scripts' digits (e.g. "١٣").
_INT_RE = re.compile(r"[+-]?[0-9]+")
_DEC_RE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)")
_FRAC_RE = re.compile(r"([+-]?[0-9]+)\s*/\s*([0-9]+)")
_GROUPED_RE = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


#: Longest number text the shared number parsers read (Python's own int() refuses
#: more than 4,300 digits, and converting long decimals is quadratic).
MAX_NUMBER_CHARS = 1_000


def _number_text(text: str, max_chars: int) -> str:
    s = strip_quotes(text)
    if len(s) > max_chars:
        raise ParseError(f"number too long ({len(s)} characters, limit {max_chars})")
    return s


def parse_int(text: str, *, allow_grouping: bool = False, max_chars: int = MAX_NUMBER_CHARS) -> int:
    """A signed integer; ``1,234`` only when ``allow_grouping`` and grouped correctly."""
    s = _number_text(text, max_chars)
    if allow_grouping and _GROUPED_RE.fullmatch(s) and "." not in s:
        s = s.replace(",", "")
    if not _INT_RE.fullmatch(s):
        raise ParseError(f"expected an integer, got {short(text)}")
    return int(s)


def parse_number(
    text: str, *, allow_grouping: bool = False, allow_fraction: bool = True, max_chars: int = MAX_NUMBER_CHARS
) -> Fraction:
    """An exact number: signed integer, decimal or ``p/q``. No units, words or exponents."""
    s = _number_text(text, max_chars)
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


# --------------------------------------------------------------------------- choices


def parse_choice(text: str, choices: Iterable[str], *, what: str = "answer") -> str:
    """The one of ``choices`` that ``text`` names, ignoring ASCII case (TASKS.md 0.5 d).

    For Yes/No and similar closed sets: ``yes``, ``YES`` and ``"Yes"`` give ``Yes``.
    Non-ASCII look-alikes (``Yeſ``) are refused, so ``str.lower`` cannot map them in.
    """
    options = list(choices)
    s = strip_quotes(text)
    if s.isascii():
        for option in options:
            if s.lower() == option.lower():
                return option
    raise ParseError(f"{what} must be one of {', '.join(options)}, got {short(text)}")


_OPTION_RE = re.compile(r"\(\s*([A-Za-z])\s*\)|([A-Za-z])")


def parse_option_letter(text: str, letters: str) -> str:
    """A multiple-choice letter written ``(B)`` or ``B``, any case; returns it upper-case.

    ``letters`` are the options offered (``"ABCDE"``); a letter outside them, or anything
    else, raises :class:`ParseError`.
    """
    m = _OPTION_RE.fullmatch(strip_quotes(text))
    if not m:
        raise ParseError(f"answer must be an option letter such as (A), got {short(text)}")
    letter = (m.group(1) or m.group(2)).upper()
    if letter not in letters.upper():
        raise ParseError(f"there is no option ({letter}); the options are {', '.join(f'({c})' for c in letters)}")
    return letter


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


def same_multiset(a: Iterable[Any], b: Iterable[Any]) -> bool:
    return Counter(a) == Counter(b)
