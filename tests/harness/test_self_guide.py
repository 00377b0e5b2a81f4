"""CodeSteer with the task model guiding itself uses the eval's generation settings.

Without a guide role, Inspect's role fallback is a copy of the task model, and a copy
would not get the eval's ``max_tokens``/``temperature``: the self-guided SmolLM2 of the
smoke suite then generated 2,048-token guidance against the suite's cap of 256.
"""

from __future__ import annotations

from inspect_ai import eval as inspect_eval
from inspect_ai.model import get_model

import symbench._registry  # noqa: F401
from symbench.harness.methods import METHODS
from symbench.harness.task import symbench_task


def _model_events(log):
    return [e for s in log.samples for e in s.events if e.event == "model"]


def test_a_self_guiding_model_gets_the_evals_generation_settings(tmp_path):
    model = get_model("symbench/scripted", outputs="<<<Code>>> use a program", memoize=False)
    [log] = inspect_eval(symbench_task(["letters"], n=1, solver=METHODS["codesteer"](max_turns=1)), model=model,
                         display="none", log_dir=str(tmp_path), max_tokens=77, temperature=0.25)
    assert log.status == "success", log.error
    events = _model_events(log)
    guide = [e for e in events if e.role == "guide"]
    task = [e for e in events if e.role != "guide"]
    assert guide and task  # both roles were asked, the guide still labelled as such
    assert {(e.config.max_tokens, e.config.temperature) for e in guide + task} == {(77, 0.25)}


def test_a_bound_guide_role_keeps_its_own_settings(tmp_path):
    task = get_model("symbench/scripted", outputs="<<<x>>>", memoize=False)
    guide = get_model("symbench/scripted", outputs="<<<Return Answer>>>", memoize=False)
    [log] = inspect_eval(symbench_task(["letters"], n=1, solver=METHODS["codesteer"](max_turns=1)), model=task,
                         model_roles={"guide": guide}, display="none", log_dir=str(tmp_path), max_tokens=77)
    assert log.status == "success", log.error
    guided = [e for e in _model_events(log) if e.role == "guide"]
    assert guided and all(e.config.max_tokens != 77 for e in guided)  # Inspect's rule for other models stands
