"""Splitting a grid answer into cell tokens; shared by game_2048, pooling and
matrix_transformation (a helper module, not a task).

Accepted shapes of an ``rows`` × ``cols`` grid (cells are returned as stripped text,
one pair of quotes removed; what a cell may contain is the caller's business):

* a flat row-major list on one line, cells separated by commas, with one optional pair
  of outer brackets: ``a, b, c, d`` or ``[a, b, c, d]``;
* one row per line (only when ``rows`` > 1): cells separated by commas, or by spaces
  when the line has no comma; a trailing comma and one pair of brackets per line are
  allowed, and so is one pair of outer brackets around the whole;
* bracketed rows on one line: ``[[a, b], [c, d]]`` or ``[a, b], [c, d]``.

Everything here is linear in the length of the text; nothing is evaluated.
"""

from __future__ import annotations

import re

from symbench.answer import ParseError, strip_quotes

_ROW_BREAK = re.compile(r"\]\s*,?\s*\[")


def split_grid(text: str, rows: int, cols: int) -> list[list[str]]:
    """The cells of the grid as ``rows`` lists of ``cols`` tokens, or :class:`ParseError`."""
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
    if len(s) >= 2 and s[0] == "[" and s[-1] == "]":
        s = s[1:-1].strip()
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
        if len(line) >= 2 and line[0] == "[" and line[-1] == "]":
            line = line[1:-1].strip()
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
