"""Paired bootstrap CI of the difference of two columns."""

from __future__ import annotations

import math
import random

import pytest

from symbench.harness.leaderboard.compare import paired_bootstrap, paired_differences
from symbench.harness.leaderboard.logs import SampleRow


def _rows(column, scores, task="game24", start=0):
    return [SampleRow(column=column, model="m", model_label="m", method=column, method_label=column, roles="",
                      deterministic=False, suite=None, log="l", task=task, sample_id=f"{task}/c1/s0/{start + i}", epoch=1,
                      complexity=1, seed=0, index=start + i, version=1, fingerprint=str(i), score=s, verdict=None,
                      answer_source=None, error=None) for i, s in enumerate(scores)]


def test_a_column_that_wins_everywhere_has_a_degenerate_interval():
    out = paired_bootstrap(_rows("a", [1.0] * 30), _rows("b", [0.0] * 30), resamples=500)
    assert out["difference_pct"] == 100.0 and out["low_pct"] == 100.0 and out["high_pct"] == 100.0
    assert out["pairs"] == 30 and out["tasks"] == 1 and out["unpaired"] == 0


def test_interval_width_matches_the_normal_approximation_for_one_task():
    rng = random.Random(5)
    a = [float(rng.random() < 0.7) for _ in range(400)]
    b = [float(rng.random() < 0.5) for _ in range(400)]
    diffs = [x - y for x, y in zip(a, b)]
    mean = sum(diffs) / len(diffs)
    sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (len(diffs) - 1))
    half = 1.96 * sd / math.sqrt(len(diffs)) * 100
    out = paired_bootstrap(_rows("a", a), _rows("b", b), resamples=4000, seed=1)
    assert out["difference_pct"] == pytest.approx(100 * mean)
    assert out["low_pct"] < out["difference_pct"] < out["high_pct"]
    assert (out["high_pct"] - out["low_pct"]) / 2 == pytest.approx(half, rel=0.12)


def test_pairing_removes_shared_noise():
    # the same hard/easy pattern in both columns, b misses 3 more: a paired CI excludes 0
    pattern = [1.0, 0.0] * 50
    b = list(pattern)
    for i in (0, 2, 4):
        b[i] = 0.0
    out = paired_bootstrap(_rows("a", pattern), _rows("b", b), resamples=2000)
    assert out["difference_pct"] == pytest.approx(3.0)
    assert out["low_pct"] >= 0.0


def test_the_statistic_is_the_mean_over_tasks_and_unpaired_samples_are_counted():
    a = _rows("a", [1.0, 1.0], task="game24") + _rows("a", [1.0, 0.0, 0.0, 0.0], task="letters") + _rows("a", [1.0], task="pooling")
    b = _rows("b", [0.0, 0.0], task="game24") + _rows("b", [0.0, 0.0, 0.0, 0.0], task="letters")
    per_task, unpaired = paired_differences(a, b)
    assert per_task == {"game24": [1.0, 1.0], "letters": [1.0, 0.0, 0.0, 0.0]} and unpaired == 1
    out = paired_bootstrap(a, b, resamples=500)
    assert out["difference_pct"] == pytest.approx((100 + 25) / 2)  # not the pooled 3/6 = 50


def test_errors():
    with pytest.raises(ValueError, match="share no scored sample"):
        paired_bootstrap(_rows("a", [1.0]), _rows("b", [1.0], start=5))
    with pytest.raises(ValueError, match="confidence"):
        paired_bootstrap(_rows("a", [1.0]), _rows("b", [1.0]), confidence=1.5)
