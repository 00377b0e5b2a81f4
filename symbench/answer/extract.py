"""Taking the final answer out of a response and removing harmless wrapping (TASKS.md 0.5 a-b)."""

from __future__ import annotations

import re

_CODE_OPENING_RE = re.compile(r"```(?:python|py|Python|python3)?[ \t]*\n")
_FENCE_TAG_RE = re.compile(r"[A-Za-z0-9_+-]+[ \t]*\n")
_QUOTES = {'"': '"', "'": "'", "`": "`", "\u201c": "\u201d", "\u2018": "\u2019"}

# Extraction and normalisation run in time linear in the length of the text, whatever it
# holds: they use str.find and anchored matches whose own cost is bounded by the run of
# characters they inspect, never a regex that rescans the rest of the text from every
# start position (``<<<(.*?)>>>`` with findall is quadratic on many ``<<<`` and no ``>>>``).


def extract_final_answer(text: str) -> str | None:
    """The content of the last ``<<<...>>>`` in ``text``, or ``None`` (TASKS.md 0.5).

    Exactly what the last match of ``re.findall(r"<<<(.*?)>>>", text, re.DOTALL)`` would
    be: scanning left to right, an answer opens at the first ``<<<`` and closes at the
    first ``>>>`` after it; the scan goes on after that ``>>>``.
    """
    if not isinstance(text, str):
        return None
    last = None
    pos = 0
    while True:
        start = text.find("<<<", pos)
        if start < 0:
            break
        end = text.find(">>>", start + 3)
        if end < 0:  # no later opening can close either
            break
        last = (start + 3, end)
        pos = end + 3
    return text[last[0] : last[1]] if last else None


def extract_python_code(text: str) -> str | None:
    """The last fenced Python code block of ``text`` (```python or a bare ``` fence).

    The opening fence is ```` ``` ```` with an optional ``python``/``py``/``Python``/
    ``python3`` tag, optional spaces and a newline; the block ends at the next ```` ``` ````.
    """
    if not isinstance(text, str):
        return None
    last = None
    pos = 0
    while True:
        start = text.find("```", pos)
        if start < 0:
            break
        opening = _CODE_OPENING_RE.match(text, start)
        if opening is None:
            pos = start + 1
            continue
        end = text.find("```", opening.end())
        if end < 0:  # every later opening would be unclosed too
            break
        last = (opening.end(), end)
        pos = end + 3
    return text[last[0] : last[1]] if last else None


def _unquote(s: str) -> str:
    """Remove one pair of quotes that encloses the WHOLE text (``"a", "b"`` keeps its quotes)."""
    if len(s) >= 2 and s[0] in _QUOTES and s[-1] == _QUOTES[s[0]]:
        inner = s[1:-1]
        if s[0] not in inner and _QUOTES[s[0]] not in inner:
            return inner.strip()
    return s


def strip_fence(text: str) -> str:
    """The inside of a code fence that encloses the whole (stripped) text, else the text.

    ```` ```42``` ```` gives ``42``. The first word after the opening ```` ``` ```` is a
    language tag, and is dropped, only when a newline follows it (after optional spaces)
    and text follows that newline: ```` ```python\nx\n``` ```` gives ``x``, while
    ```` ```yes\n``` ```` gives ``yes``.
    """
    s = text.strip()
    if len(s) < 6 or not (s.startswith("```") and s.endswith("```")):
        return s
    inner = s[3:-3]
    tag = _FENCE_TAG_RE.match(inner)
    if tag is not None and inner[tag.end() :].strip():
        inner = inner[tag.end() :]
    return inner.strip()


def normalize_answer(text: str) -> str:
    """Strip whitespace, one code fence and one pair of enclosing quotes/backticks."""
    return _unquote(strip_fence(text))


def strip_quotes(text: str) -> str:
    return _unquote(text.strip())
