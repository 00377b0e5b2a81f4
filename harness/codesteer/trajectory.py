"""The CodeSteer trajectory of one sample, kept in Inspect's typed store (so it lands in
the ``.eval`` log) and described by ``symbench/schemas/codesteer_trajectory.schema.json``.

``turns`` has one entry per guide reply. An entry holds the guide's raw reply
(``guidance``), the mode it chose, and, when the task model answered it, the answer,
its code, the execution, both checkers' reports, and tokens and seconds per role.
The last entry of a trajectory that ended with ``<<<Return Answer>>>`` has no answer.
"""

from __future__ import annotations

from typing import Any

from inspect_ai.util import StoreModel
from pydantic import Field

#: How a CodeSteer run can end.
OUTCOMES = ("returned", "turn_limit", "guide_unparseable", "empty_answer", "sandbox_error", "model_error")


class CodeSteerTrajectory(StoreModel):
    question: str = ""
    max_turns: int = 0
    turns: list[dict[str, Any]] = Field(default_factory=list)
    outcome: str = ""
    error: str = ""


def new_turn(index: int, guidance: str, instruction: str, mode: str | None, parsed: bool) -> dict[str, Any]:
    return {
        "turn": index,
        "guidance": guidance,
        "instruction": instruction,
        "mode": mode,
        "guidance_parsed": parsed,
        "answer": None,
        "code": None,
        "execution": None,
        "symbolic": None,
        "self_check": None,
        "checked": False,
        "tokens": {"guide": 0, "task": 0},
        "seconds": {"guide": 0.0, "task": 0.0},
    }
