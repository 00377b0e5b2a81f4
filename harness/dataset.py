"""Instances -> Inspect samples (data flows one way: task -> instance -> sample)."""

from __future__ import annotations

import hashlib
from typing import Any, Iterable, Sequence

from inspect_ai.dataset import MemoryDataset, Sample

from symbench.contract import LEVELS, Instance
from symbench.registry import get_task

#: question digest -> instance record, for the offline oracle model (see providers.py).
ANSWER_KEY: dict[str, dict[str, Any]] = {}


def question_digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def levels_for(n: int, complexity: Sequence[int]) -> list[int]:
    """Spread ``n`` samples evenly over the chosen levels (index i gets level i mod k)."""
    return [complexity[i % len(complexity)] for i in range(n)]


def generate_instances(task_name: str, n: int, complexity: Sequence[int], seed: int) -> list[Instance]:
    task = get_task(task_name)
    return [task.instance(level, seed, index) for index, level in enumerate(levels_for(n, complexity))]


def instance_to_sample(instance: Instance) -> Sample:
    record = instance.to_record()
    ANSWER_KEY[question_digest(instance.question)] = record
    return Sample(
        id=instance.id,
        input=instance.question,
        target=instance.answer,
        metadata=record,
    )


def build_dataset(task_names: Iterable[str], n: int, complexity: Sequence[int] = LEVELS, seed: int = 0, name: str = "symbench") -> MemoryDataset:
    samples = [instance_to_sample(inst) for t in task_names for inst in generate_instances(t, n, complexity, seed)]
    return MemoryDataset(samples, name=name, shuffled=False)
