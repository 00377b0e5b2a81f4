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


STORE_PREFIX = "CodeSteerTrajectory:"
FIELDS = ("question", "max_turns", "turns", "outcome", "error")


def read_trajectory(sample_store: dict[str, Any]) -> dict[str, Any] | None:
    """The trajectory in a logged sample's ``store`` (``EvalSample.store``), or None."""
    if STORE_PREFIX + "turns" not in sample_store:
        return None
    return {name: sample_store.get(STORE_PREFIX + name) for name in FIELDS}


def validate_trajectory(trajectory: Any) -> None:
    """Raise ``ValueError`` naming the first problem if ``trajectory`` breaks the schema."""
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("symbench").joinpath("schemas/codesteer_trajectory.schema.json").read_text("utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(trajectory), key=lambda e: list(e.path))
    if errors:
        where = "/".join(map(str, errors[0].path)) or "(trajectory)"
        raise ValueError(f"invalid CodeSteer trajectory at {where}: {errors[0].message}")
