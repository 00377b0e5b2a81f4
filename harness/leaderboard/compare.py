"""Paired bootstrap confidence interval of the difference between two leaderboard columns.

The two columns are paired on the same samples (task, sample id, epoch) scored in both;
samples scored in only one column are left out and counted. The statistic is the
difference of the raw averages (the mean over tasks of each task's accuracy), in
percentage points, so it matches the table. Resampling is stratified by task: each
resample draws, within every task, as many pairs as that task has, with replacement,
which keeps every task's weight fixed as in the statistic itself.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from symbench.harness.leaderboard.logs import SampleRow

DEFAULT_RESAMPLES = 10_000
DEFAULT_CONFIDENCE = 0.95


def paired_differences(rows_a: list[SampleRow], rows_b: list[SampleRow]) -> tuple[dict[str, list[float]], int]:
    """Per task, the score differences a - b over samples scored in both; and how many were unpaired."""
    a = {(r.task, r.sample_id, r.epoch): r.score for r in rows_a if r.score is not None}
    b = {(r.task, r.sample_id, r.epoch): r.score for r in rows_b if r.score is not None}
    per_task: dict[str, list[float]] = defaultdict(list)
    for key in sorted(a.keys() & b.keys()):
        per_task[key[0]].append(a[key] - b[key])
    return dict(per_task), len(a.keys() ^ b.keys())


def paired_bootstrap(rows_a: list[SampleRow], rows_b: list[SampleRow], *, resamples: int = DEFAULT_RESAMPLES,
                     confidence: float = DEFAULT_CONFIDENCE, seed: int = 0) -> dict[str, Any]:
    """Observed difference of raw averages (a - b, percentage points) with a percentile CI."""
    import numpy as np

    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1 (exclusive), got {confidence}")
    if resamples < 100:
        raise ValueError(f"resamples must be at least 100, got {resamples}")
    per_task, unpaired = paired_differences(rows_a, rows_b)
    if not per_task:
        raise ValueError("the two columns share no scored sample (same task, sample id and epoch); nothing to compare")
    rng = np.random.default_rng(seed)
    totals = np.zeros(resamples)
    observed = 0.0
    for task in sorted(per_task):
        diffs = np.asarray(per_task[task], dtype=float)
        observed += diffs.mean()
        picks = rng.integers(0, len(diffs), size=(resamples, len(diffs)))
        totals += diffs[picks].mean(axis=1)
    k = len(per_task)
    totals *= 100.0 / k
    tail = (1 - confidence) / 2
    low, high = np.quantile(totals, [tail, 1 - tail])
    return {
        "difference_pct": 100.0 * observed / k,
        "low_pct": float(low),
        "high_pct": float(high),
        "confidence": confidence,
        "resamples": resamples,
        "seed": seed,
        "pairs": sum(len(v) for v in per_task.values()),
        "tasks": k,
        "unpaired": unpaired,
    }
