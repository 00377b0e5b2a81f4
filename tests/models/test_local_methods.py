"""Every method on a real small model's text, through Inspect's own ``hf`` provider.

The offline models of the other tests answer in clean, expected shapes. SmolLM2-135M
writes what a real weak model writes: half a code block, a format it was not asked for, a
tool call that is not one, text cut off at the token cap. None of that may crash a
method, the sandbox or the scorer: every sample must end with a 0/1 score, a verdict and
its reason, and no error. One eval runs all eleven methods as parallel tasks, so the
model loads once and the provider batches across them; completions are capped at a few
dozen tokens.
"""

from __future__ import annotations

import pytest

from symbench.harness.methods import METHODS

#: fewer rounds than the defaults, to keep the test short (every loop still turns at least once)
OPTIONS = {"codesteer": {"max_turns": 1}, "symbolic_agent": {"max_turns": 2}, "code_interpreter": {"max_turns": 2}}
TASK = "number_multiply"  # the shortest prompt at level 1


@pytest.mark.slow
def test_every_method_scores_every_smollm2_sample_with_a_verdict_and_no_error(smollm2, tmp_path):
    import torch
    from inspect_ai import eval as inspect_eval
    from inspect_ai.model import get_model

    import symbench._registry  # noqa: F401
    from symbench.harness.scorer import SCORER_NAME
    from symbench.harness.task import symbench_task

    torch.set_num_threads(1)  # two threads on two shared cores collapsed to ~1 token/s here
    model = get_model("hf/local", model_path=str(smollm2), device="cpu", do_sample=False, memoize=False)
    tasks = [symbench_task([TASK], n=2, complexity=1, solver=factory(**OPTIONS.get(name, {})), name=f"smollm2_{name}")
             for name, factory in METHODS.items()]
    logs = inspect_eval(tasks, model=model, display="none", log_dir=str(tmp_path), max_tokens=32, temperature=0,
                        max_tasks=len(tasks), fail_on_error=False)
    assert sorted(log.eval.task for log in logs) == sorted(f"smollm2_{name}" for name in METHODS)
    problems = []
    for log in logs:
        if log.status != "success":
            problems.append(f"{log.eval.task}: {log.status} {log.error.message if log.error else ''}")
            continue
        assert len(log.samples) == 2
        for sample in log.samples:
            where = f"{log.eval.task} {sample.id}"
            if sample.error is not None:
                problems.append(f"{where}: {sample.error.message}")
                continue
            score = (sample.scores or {}).get(SCORER_NAME)
            if score is None:
                problems.append(f"{where}: no score")
                continue
            verdict, reason = score.metadata.get("verdict"), score.metadata.get("reason")
            if score.value not in (0, 1) or not verdict or not isinstance(reason, str) or not reason:
                problems.append(f"{where}: score {score.value!r}, verdict {verdict!r}, reason {reason!r}")
            if not any(u.output_tokens for u in sample.model_usage.values()):
                problems.append(f"{where}: the model produced nothing")
    assert problems == []
