"""The one error every answer parser raises, and how parsers quote model text."""

from __future__ import annotations

from typing import Any


class ParseError(ValueError):
    """Model text that does not have the required shape."""


class UndefinedValueError(ParseError):
    """Well-formed arithmetic whose value is undefined (a division by zero, ``sqrt(-1)``).

    A verifier may judge it ``wrong`` rather than ``bad_format``: the text has the
    required shape, its mathematics does not work out.
    """


def short(text: Any, limit: int = 60) -> str:
    """A short ``repr`` of model text for use in verdict reasons and parse errors."""
    s = repr(text)
    return s if len(s) <= limit else s[: limit - 3] + "..."
