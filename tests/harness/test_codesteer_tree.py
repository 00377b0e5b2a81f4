"""Tree sampling: candidates per branching turn, leaves judged, returns, DPO pairs."""

from __future__ import annotations

from inspect_ai import eval as inspect_eval
from inspect_ai.model import get_model

import symbench._registry  # noqa: F401
from symbench.harness import prompts
from symbench.harness.codesteer.trajectory import read_trajectory, validate_trajectory
from symbench.harness.codesteer.tree import codesteer_tree, leaf_return
from symbench.harness.dataset import current_instance
from symbench.harness.providers import oracle_program
from symbench.harness.task import symbench_task


def test_leaf_return_rewards_success_and_fewer_turns():
    assert leaf_return(True, 1, 0.9) == 1.0
    assert leaf_return(True, 3, 0.9) == 0.81
    assert leaf_return(False, 1, 0.9) == 0.0


def test_code_guidance_beats_text_guidance_against_a_code_only_solver(tmp_path):
    calls = {"n": 0}

    def guide(messages):
        if messages[-1].content.startswith("Problem for the solver"):
            calls["n"] += 1
            return ["Compute it. <<<Code>>>", "Think it through. <<<Text>>>"][(calls["n"] - 1) % 2]
        return "<<<Return Answer>>>"

    def task(messages):
        if messages[-1].text == prompts.SELF_CHECK_REQUEST:
            return "```python\nprint('<' * 3 + 'Correct' + '>' * 3)\n```"
        if messages[-1].text.endswith(prompts.CODE_COT):  # succeeds with code only
            return "```python\n" + oracle_program(current_instance().answer) + "```"
        return "<<<surely wrong>>>"

    [log] = inspect_eval(
        symbench_task(["letters"], n=1, solver=codesteer_tree(branches=2, branch_turns=1, max_turns=2)),
        model=get_model("symbench/scripted", outputs=task, memoize=False),
        model_roles={"guide": get_model("symbench/scripted", outputs=guide, memoize=False)},
        display="none", log_dir=str(tmp_path),
    )
    assert log.status == "success", log.error
    sample = log.samples[0]
    tree = {k.split(":", 1)[1]: v for k, v in sample.store.items() if k.startswith("CodeSteerTree:")}
    returns = sorted(leaf["return"] for leaf in tree["leaves"])
    assert returns == [0.0, 1.0]
    [pair] = tree["pairs"]
    assert pair["chosen"].endswith("<<<Code>>>") and pair["rejected"].endswith("<<<Text>>>")
    assert pair["prefix"] == [] and pair["chosen_return"] == 1.0 and pair["rejected_return"] == 0.0
    best = read_trajectory(sample.store)
    validate_trajectory(best)
    assert best["turns"][0]["mode"] == "Code" and best["outcome"] == "returned"
    assert sample.scores["symbench/symbench_scorer"].value == 1.0
