"""Tree sampling for CodeSteer training data (``symbench/codesteer_tree``), as in the paper.

At each of the first ``branch_turns`` guide turns, ``branches`` guidance candidates are
sampled at ``temperature``; every candidate is continued (greedily after the branching
turns) to an outcome, and each leaf's final answer is judged by the scorer's own logic.
A leaf's return rewards success and fewer turns::

    return = gamma ** (answers - 1)   if the final answer is correct
    return = 0                        otherwise

where ``answers`` counts the task model's answers along the leaf. A candidate's return is
the best return of the leaves below it. Siblings with different returns make DPO pairs
(the higher one chosen) over their shared history; the best leaf is kept as the sample's
trajectory (the ``CodeSteerTrajectory`` store model) and its answer as the output. This
solver is for data synthesis; it uses the verifier, so never report it as a method.
"""

from __future__ import annotations

from typing import Any

from inspect_ai.model import GenerateConfig
from inspect_ai.solver import Generate, Solver, TaskState, solver
from inspect_ai.util import LimitExceededError, StoreModel, store_as
from pydantic import Field

from symbench.harness import prompts
from symbench.harness.codesteer.loop import SandboxFailure, Steering
from symbench.harness.codesteer.solver import steering_options
from symbench.harness.codesteer.trajectory import CodeSteerTrajectory
from symbench.harness.common import MethodOptionError, check_options, guide_model, int_option, task_model
from symbench.harness.scorer import judge_completion


class CodeSteerTree(StoreModel):
    question: str = ""
    leaves: list[dict[str, Any]] = Field(default_factory=list)
    pairs: list[dict[str, Any]] = Field(default_factory=list)
    gamma: float = 0.9


def leaf_return(correct: bool, answers: int, gamma: float) -> float:
    return round(gamma ** max(answers - 1, 0), 6) if correct else 0.0


def _float_option(name: str, value: Any, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not low <= number <= high:
        raise MethodOptionError(f"symbench/codesteer_tree: -S {name} must be a number from {low} to {high}, got {value}")
    return number


class _Tree:
    def __init__(self, state: TaskState, options: dict[str, Any], branches: int, branch_turns: int, temperature: float, gamma: float):
        self.state, self.options = state, options
        self.branches, self.branch_turns = branches, branch_turns
        self.sampling = GenerateConfig(temperature=temperature)
        self.gamma = gamma
        self.leaves: list[dict[str, Any]] = []
        self.pairs: list[dict[str, Any]] = []
        self.outputs: list[Any] = []

    async def _leaf(self, steer: Steering) -> float:
        text = steer.last_output.completion if steer.last_output is not None else ""
        verdict, _, _ = await judge_completion(self.state.metadata, text, self.options["exec_timeout"])
        answers = sum(1 for t in steer.turns if t["answer"] is not None)
        value = leaf_return(verdict.correct, answers, self.gamma)
        self.leaves.append({"turns": steer.turns, "outcome": steer.outcome, "error": steer.error,
                            "correct": verdict.correct, "verdict": verdict.code, "return": value})
        self.outputs.append(steer.last_output)
        return value

    async def _finish(self, steer: Steering, turn: dict[str, Any]) -> float:
        try:
            await steer.continue_from(turn)
        except SandboxFailure as exc:
            steer.finish("sandbox_error", str(exc)[:1000])
        return await self._leaf(steer)

    async def explore(self, steer: Steering) -> float:
        """Branch at the guide's next turn; returns the best return below ``steer``."""
        depth = len(steer.turns)
        candidates = [await steer.propose(self.sampling) for _ in range(self.branches)]
        unique = list({c["guidance"].strip(): c for c in candidates}.values())
        results = []
        for candidate in unique:
            child = steer.fork()
            child.accept(candidate)
            deeper = depth + 1 < self.branch_turns and candidate["mode"] in prompts.MODES
            if deeper and await child.answer(candidate) and child.rounds < child.max_turns:
                await child.check(candidate)
                value = await self.explore(child)
            elif deeper:  # empty answer or no rounds left: the answer so far is the leaf
                child.finish("empty_answer" if not (candidate.get("answer") or "").strip() else "turn_limit")
                value = await self._leaf(child)
            else:
                value = await self._finish(child, candidate)
            results.append((candidate, value))
        for i, (a, va) in enumerate(results):
            for b, vb in results[i + 1:]:
                if va != vb:
                    chosen, rejected = (a, b) if va > vb else (b, a)
                    self.pairs.append({"prefix": steer.turns, "chosen": chosen["guidance"], "rejected": rejected["guidance"],
                                       "chosen_return": max(va, vb), "rejected_return": min(va, vb)})
        return max(v for _, v in results)


@solver(name="codesteer_tree")
def codesteer_tree(
    branches: int = 3,
    branch_turns: int = 2,
    temperature: float = 0.8,
    gamma: float = 0.9,
    max_turns: int = 4,
    exec_timeout: int = 10,
    self_check: bool = True,
    first_mode: str = "code",
    **unknown: Any,
) -> Solver:
    """Tree-sampled CodeSteer runs for training data (see the module docstring)."""
    check_options("codesteer_tree", unknown, ("branches", "branch_turns", "temperature", "gamma", "max_turns", "exec_timeout", "self_check", "first_mode"))
    options = steering_options("codesteer_tree", max_turns, exec_timeout, self_check, first_mode)
    k = int_option("codesteer_tree", "branches", branches, 1, 8)
    depth = int_option("codesteer_tree", "branch_turns", branch_turns, 1, 4)
    temp = _float_option("temperature", temperature, 0.0, 2.0)
    discount = _float_option("gamma", gamma, 0.01, 1.0)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        tree = _Tree(state, options, k, depth, temp, discount)
        root = Steering(state.input_text, task_model(), guide_model(), **options)
        record = store_as(CodeSteerTree)
        record.question, record.gamma = state.input_text, discount
        try:
            await tree.explore(root)
        except LimitExceededError:
            raise
        except Exception as exc:  # noqa: BLE001 - keep what was explored; the error is recorded
            tree.leaves.append({"turns": [], "outcome": "model_error", "error": f"{type(exc).__name__}: {exc}"[:1000],
                                "correct": False, "verdict": "no_answer", "return": 0.0})
            tree.outputs.append(None)
        record.leaves, record.pairs = tree.leaves, tree.pairs
        best = max(range(len(tree.leaves)), key=lambda i: (tree.leaves[i]["return"], -i))
        trajectory = store_as(CodeSteerTrajectory)
        leaf = tree.leaves[best]
        trajectory.question, trajectory.max_turns = state.input_text, options["max_turns"]
        trajectory.turns, trajectory.outcome, trajectory.error = leaf["turns"], leaf["outcome"], leaf["error"]
        if tree.outputs[best] is not None:
            state.output = tree.outputs[best]
        return state

    return solve
