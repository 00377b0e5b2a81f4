"""The one error every answer parser raises, and how parsers quote model text."""

from __future__ import annotations

from typing import Any


class ParseError(ValueError):
    """Model text that does not have the required shape."""


def short(text: Any, limit: int = 60) -> str:
    """A short ``repr`` of model text for use in verdict reasons and parse errors."""
    s = repr(text)
    return s if len(s) <= limit else s[: limit - 3] + "..."
