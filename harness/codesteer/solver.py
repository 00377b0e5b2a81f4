"""``symbench/codesteer``: a guide model steers the task model between code and text.

Roles: the task model is the eval's ``--model``; the guide is the model role ``guide``
(``--model-role guide=...``), the task model itself when none is given.

* Turn 0: the guide reads the question (through :func:`.view.guide_view`) and replies
  with an instruction ending in ``<<<Code>>>`` or ``<<<Text>>>``; the task model answers.
* Then up to ``max_turns`` rounds: the latest answer's program goes through the Symbolic
  Checker and the one executor, the task model checks its own answer (Self-answer
  Checker), and the guide sees all of it and replies with the next instruction or
  ``<<<Return Answer>>>``.
* The final answer is the task model's last answer, judged by the unchanged scorer.

Every run ends in one recorded outcome (see ``trajectory.OUTCOMES``); model errors,
sandbox failures and unparseable guidance never crash the eval.
"""

from __future__ import annotations

from typing import Any

from inspect_ai.solver import Generate, Solver, TaskState, solver
from inspect_ai.util import LimitExceededError, store_as

from symbench.harness.codesteer.loop import SandboxFailure, Steering, parse_guidance
from symbench.harness.codesteer.trajectory import CodeSteerTrajectory
from symbench.harness.common import check_options, choice_option, guide_model, int_option, task_model

__all__ = ["codesteer", "parse_guidance", "steering_options"]


def steering_options(method: str, max_turns: Any, exec_timeout: Any, self_check: Any, first_mode: Any) -> dict[str, Any]:
    """The checked ``-S`` options shared by CodeSteer and its tree-sampling variant."""
    check = choice_option(method, "self_check", self_check, (True, False, "true", "false"))
    return {
        "max_turns": int_option(method, "max_turns", max_turns, 0, 20),
        "exec_timeout": int_option(method, "exec_timeout", exec_timeout, 1, 600),
        "self_check": check in (True, "true"),
        "first_mode": choice_option(method, "first_mode", first_mode, ("code", "text")).capitalize(),
    }


def _save_to(trajectory: CodeSteerTrajectory):
    def save(steer: Steering) -> None:
        trajectory.turns = [dict(t) for t in steer.turns]
        trajectory.outcome, trajectory.error = steer.outcome, steer.error

    return save


@solver(name="codesteer")
def codesteer(max_turns: int = 5, exec_timeout: int = 10, self_check: bool = True, first_mode: str = "code", **unknown: Any) -> Solver:
    """CodeSteer: the ``guide`` role steers the task model over up to ``max_turns`` rounds."""
    check_options("codesteer", unknown, ("max_turns", "exec_timeout", "self_check", "first_mode"))
    options = steering_options("codesteer", max_turns, exec_timeout, self_check, first_mode)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        trajectory = store_as(CodeSteerTrajectory)
        trajectory.question, trajectory.max_turns = state.input_text, options["max_turns"]
        steer = Steering(state.input_text, task_model(), guide_model(), **options, on_change=_save_to(trajectory))
        try:
            await steer.run()
        except LimitExceededError:
            raise
        except SandboxFailure as exc:
            steer.finish("sandbox_error", str(exc)[:1000])
        except Exception as exc:  # noqa: BLE001 - a model failure is an outcome, not a crash
            steer.finish("model_error", f"{type(exc).__name__}: {exc}"[:1000])
        state.messages = list(steer.task_messages)
        if steer.last_output is not None:
            state.output = steer.last_output
        return state

    return solve
