"""Reserved seed ranges: training instances can never be evaluation instances.

Evaluation sets (the suites, ``-T seed``, ``symbench generate``) use seeds in
:data:`EVAL_SEEDS`; CodeSteer training data (``symbench train synth``) uses seeds in
:data:`TRAIN_SEEDS` only. Since an instance is a pure function of (task, level, seed,
index), disjoint seed ranges give disjoint instances except where a task's space is so
small that two seeds produce the same question; synthesis therefore also drops any
training question whose fingerprint occurs in the evaluation suites.
"""

from __future__ import annotations

EVAL_SEEDS = range(0, 1_000_000)
TRAIN_SEEDS = range(1_000_000_000, 2_000_000_000)
DEFAULT_TRAIN_SEED = TRAIN_SEEDS.start


def check_train_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or seed not in TRAIN_SEEDS:
        raise ValueError(
            f"training seeds must lie in [{TRAIN_SEEDS.start}, {TRAIN_SEEDS.stop}) so that training "
            f"instances never coincide with evaluation ones; got {seed!r}"
        )
    return seed
