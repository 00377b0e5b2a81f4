"""Instance identity: ids, config digests, question fingerprints and the sample plan.

An instance is a pure function of (task, complexity, seed, index, config). Its id is
``TASK/cLEVEL/sSEED/INDEX`` for a preset config and ``TASK/cLEVEL+DIGEST/sSEED/INDEX``
when overrides changed the config, so an override never shares an id with a preset.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from symbench.config import TaskConfig

_ID_RE = re.compile(r"([a-z][a-z0-9_]*)/c([1-5])(?:\+([0-9a-f]{12}))?/s([0-9]{1,19})/([0-9]{1,12})")


def question_fingerprint(question: str) -> str:
    """The content fingerprint of a question: 16 hex digits of its SHA-256."""
    return hashlib.sha256(question.encode("utf-8")).hexdigest()[:16]


def config_digest(task: str, config: TaskConfig) -> str:
    """12 hex digits of SHA-256 over the task name and every knob of ``config``."""
    payload = json.dumps({"task": task, "config": config.to_dict()}, sort_keys=True, separators=(",", ":"), default=list)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def parse_instance_id(sample_id: str) -> tuple[str, int, int, int, str | None]:
    """``game24/c3/s0/2`` -> ``("game24", 3, 0, 2, None)``; an override id ``game24/c3+DIGEST/s0/2``
    gives the config digest as the last item. Raises ``ValueError`` naming the expected form."""
    m = _ID_RE.fullmatch(sample_id.strip()) if isinstance(sample_id, str) else None
    if not m:
        raise ValueError(f"not a SymBench sample id: {sample_id!r} (expected TASK/cLEVEL/sSEED/INDEX, e.g. game24/c3/s0/2)")
    return m.group(1), int(m.group(2)), int(m.group(4)), int(m.group(5)), m.group(3)


def sample_plan(n: int, levels: Sequence[int], start: int = 0) -> list[tuple[int, int]]:
    """(level, index) of samples ``start .. start+n-1`` of a set spread over ``levels``.

    Sample ``i`` gets level ``levels[i % k]`` and index ``i // k``: the index is the
    sample's position within its own level, so that a task balancing its answers by
    index is balanced within every level, whatever the mix of levels.
    """
    k = len(levels)
    if k == 0:
        raise ValueError("at least one complexity level is needed")
    return [(levels[i % k], i // k) for i in range(start, start + n)]
