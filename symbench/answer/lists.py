"""Flat lists and grids read from answer text (TASKS.md 0.5 c); linear in the text's length.

A flat list takes one optional pair of outer ``[]`` or ``()``, is split on commas (or on
whitespace where the task says so), and each item is stripped of spaces and of one pair
of quotes. A bracket that is itself an item (the ``(`` of ``(, 1, +, 2, )``) is never
taken for an outer pair.
"""

from __future__ import annotations

import operator
import re
from itertools import accumulate, count

from symbench.answer.errors import ParseError, short
from symbench.answer.extract import strip_quotes

_OUTER = (("[", "]"), ("(", ")"))
# one unambiguous pattern (no two adjacent quantifiers over the same characters)
_NOT_SQUARE = re.compile(r"[^\[\]]+")
_NOT_ROUND = re.compile(r"[^()]+")
_STEP_BYTES = bytes.maketrans(b"[(])", b"\x02\x02\x00\x00")
_ROW_BREAK = re.compile(r"\]\s*(?:,\s*)?\[")


def _first_bracket_closes_last(s: str) -> bool:
    """Whether the bracket ``s[0]`` is matched by ``s[-1]`` (its depth stays above 0 until then).

    Linear, and at C speed: the brackets of that kind in ``s[:-1]`` become the bytes
    2 (opening) and 0 (closing); after k of them the depth is their running sum minus k.
    """
    brackets = (_NOT_SQUARE if s[0] == "[" else _NOT_ROUND).sub("", s[:-1])
    steps = brackets.encode("ascii").translate(_STEP_BYTES)
    return not any(map(operator.eq, accumulate(steps), count(1)))


def strip_outer_brackets(text: str) -> str:
    """``text`` stripped, without one enclosing ``[]`` or ``()`` pair when it has one.

    The pair is enclosing only when the opening bracket's match is the last character
    (``[1, 2], [3, 4]`` keeps its brackets) and it is not itself a list item.
    """
    s = text.strip()
    if len(s) < 2 or (s[0], s[-1]) not in _OUTER:
        return s
    inner = s[1:-1]
    if inner.lstrip().startswith(",") or inner.rstrip().endswith(","):
        return s
    return inner.strip() if _first_bracket_closes_last(s) else s


def parse_list(
    text: str,
    *,
    sep: str | None = ",",
    brackets: bool = True,
    max_items: int | None = None,
    also_whitespace: bool = False,
) -> list[str]:
    """Split a flat list such as ``[a, 'b', c]``, ``(a, b)`` or ``a b c`` (``sep=None``) into items.

    One optional pair of outer ``[]``/``()`` is removed when ``brackets``; items are
    stripped of spaces and of one pair of quotes. An empty list gives ``[]``. With
    ``also_whitespace``, items are separated by ``sep`` and/or whitespace (``1, 2 3``).
    With ``max_items``, a longer list raises :class:`ParseError` before its items are read.
    """
    s = strip_outer_brackets(text) if brackets else text.strip()
    if not s:
        return []
    if also_whitespace and sep is not None:
        parts = []
        for chunk in s.split(sep):
            words = chunk.split()
            if not words:
                raise ParseError(f"empty item in list {short(text)}")
            parts.extend(words)
    else:
        parts = s.split() if sep is None else s.split(sep)
    if max_items is not None and len(parts) > max_items:
        raise ParseError(f"too many items ({len(parts)}, at most {max_items} expected)")
    items = [strip_quotes(p) for p in parts]
    if any(item == "" for item in items):
        raise ParseError(f"empty item in list {short(text)}")
    return items


def split_grid(text: str, rows: int, cols: int) -> list[list[str]]:
    """The cells of a ``rows`` × ``cols`` grid as lists of stripped text (one pair of quotes removed).

    Accepted shapes (what a cell may contain is the caller's business):

    * a flat row-major list on one line, cells separated by commas, with one optional pair
      of outer brackets: ``a, b, c, d``, ``[a, b, c, d]`` or ``(a, b, c, d)``;
    * one row per line (only when ``rows`` > 1): cells separated by commas, or by spaces
      when the line has no comma; a trailing comma and one pair of brackets per line are
      allowed, and so is one pair of outer brackets around the whole;
    * bracketed rows on one line: ``[[a, b], [c, d]]`` or ``[a, b], [c, d]``.
    """
    s = text.strip()
    if not s:
        raise ParseError("empty grid")
    if "\n" not in s and s.startswith("[") and s.endswith("]") and _ROW_BREAK.search(s):
        inner = s
        if inner[1:].lstrip().startswith("["):
            inner = inner[1:-1].strip()
        if not (inner.startswith("[") and inner.endswith("]")):
            raise ParseError("unbalanced brackets around the rows")
        bodies = _ROW_BREAK.split(inner[1:-1])
        if len(bodies) != rows:
            raise ParseError(f"expected {rows} bracketed rows, got {len(bodies)}")
        return [_cells(body, cols, f"row {i}", spaces=False) for i, body in enumerate(bodies, 1)]
    s = strip_outer_brackets(s)
    lines = [line.strip() for line in s.splitlines() if line.strip()]
    if len(lines) == 1:
        flat = _cells(lines[0], rows * cols, "the flat list", spaces=False)
        return [flat[i * cols : (i + 1) * cols] for i in range(rows)]
    if rows == 1 or len(lines) != rows:
        raise ParseError(f"expected one line with {rows * cols} comma-separated values or {rows} lines, got {len(lines)} lines")
    out = []
    for i, line in enumerate(lines, 1):
        if line.endswith(","):
            line = line[:-1].rstrip()
        line = strip_outer_brackets(line)
        out.append(_cells(line, cols, f"row {i}", spaces="," not in line))
    return out


def _cells(body: str, count: int, where: str, *, spaces: bool) -> list[str]:
    parts = body.split() if spaces else body.split(",")
    if len(parts) != count:
        raise ParseError(f"{where} must have {count} values, got {len(parts)}")
    cells = [strip_quotes(p) for p in parts]
    if any(c == "" for c in cells):
        raise ParseError(f"{where} has an empty value")
    return cells
