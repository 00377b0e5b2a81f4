"""``symbench train synth``: CodeSteer trajectories -> the guide's SFT and DPO records.

1. **Instances**: the seen tasks only, from the reserved training seeds
   (:mod:`symbench.seeds`), minus any question whose fingerprint occurs in an evaluation
   suite (``paper`` and ``smoke``), so training can never touch an evaluation instance.
2. **Runs**: the tree-sampling CodeSteer solver (``symbench/codesteer_tree``, see
   :mod:`symbench.harness.codesteer.tree`) through Inspect, with any task model and any
   teacher guide (model role ``guide``).
3. **Records**, from the logs: each sample's best trajectory with a positive return
   becomes an SFT record (the guide's side of the chat); each pair of sibling guidances
   with different returns becomes a DPO record over their shared history. The guide's
   messages are built by :func:`symbench.harness.codesteer.view.guide_view`, the very
   function the solver shows the guide at evaluation time.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Sequence

from symbench.harness.codesteer.view import guide_view
from symbench.seeds import DEFAULT_TRAIN_SEED, check_train_seed

TREE_PREFIX = "CodeSteerTree:"
#: evaluation suites whose questions training must never contain
EVAL_SUITES = ("paper", "smoke")


def evaluation_fingerprints(suites: Sequence[str] = EVAL_SUITES) -> set[str]:
    """The question fingerprints of every instance in the evaluation ``suites``."""
    from symbench.identity import sample_plan
    from symbench.registry import get_task
    from symbench.suites import load_suite

    found: set[str] = set()
    for name in suites:
        suite = load_suite(name)
        for task_name in suite.tasks:
            task = get_task(task_name)
            for level, index in sample_plan(suite.n, suite.complexity):
                found.add(task.instance(level, suite.seed, index).fingerprint)
    return found


def training_instances(tasks: Iterable[str], n: int, levels: Sequence[int], seed: int = DEFAULT_TRAIN_SEED,
                       exclude: set[str] | None = None) -> list[Any]:
    """``n`` instances per seen task at the training ``seed``, skipping excluded fingerprints
    (the next indices of the same level take their place)."""
    from symbench.identity import sample_plan
    from symbench.registry import get_task

    check_train_seed(seed)
    exclude = exclude if exclude is not None else evaluation_fingerprints()
    chosen = []
    for name in tasks:
        task = get_task(name)
        if task.split != "seen":
            raise ValueError(f"task {name!r} is unseen: CodeSteer trains its guide on seen tasks only")
        picked, start = [], 0
        while len(picked) < n:
            for level, index in sample_plan(n, levels, start=start):
                inst = task.instance(level, seed, index)
                if inst.fingerprint not in exclude and len(picked) < n:
                    picked.append(inst)
            start += n
            if start > 50 * n:
                raise ValueError(f"{name}: too few training instances outside the evaluation suites")
        chosen += picked
    return chosen


def run_synthesis(instances: list[Any], *, model: Any, guide: Any, log_dir: str, tree_options: dict[str, Any] | None = None,
                  **eval_options: Any) -> list[Any]:
    """Run the tree sampler on ``instances`` through Inspect; returns the logs."""
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset

    import symbench._registry  # noqa: F401 - registers the sandbox and the offline models
    from symbench.harness.codesteer.tree import codesteer_tree
    from symbench.harness.dataset import instance_to_sample, mark_instance
    from symbench.harness.sandbox import SANDBOX_NAME
    from symbench.harness.scorer import symbench_metrics, symbench_scorer

    task = Task(
        dataset=MemoryDataset([instance_to_sample(i) for i in instances], name="codesteer_synth", shuffled=False),
        setup=mark_instance(),
        solver=codesteer_tree(**(tree_options or {})),
        scorer=symbench_scorer(),
        metrics=symbench_metrics(by_task=True),
        sandbox=SANDBOX_NAME,
        name="codesteer_synth",
    )
    roles = {"guide": guide} if guide is not None else None
    return inspect_eval(task, model=model, model_roles=roles, log_dir=log_dir, **eval_options)


def records_from_store(sample_id: str, task: str, store: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """The SFT and DPO records of one synthesised sample (its ``EvalSample.store``)."""
    question = store.get(TREE_PREFIX + "question")
    leaves = store.get(TREE_PREFIX + "leaves") or []
    pairs = store.get(TREE_PREFIX + "pairs") or []
    if not question:
        return [], []
    from symbench.harness.codesteer.trajectory import validate_trajectory

    for leaf in leaves:  # every leaf is a CodeSteer trajectory: read it through that schema
        if leaf.get("turns"):
            validate_trajectory({"question": question, "max_turns": store.get("CodeSteerTrajectory:max_turns") or 0,
                                 "turns": leaf["turns"], "outcome": leaf["outcome"], "error": leaf.get("error") or ""})
    sft, dpo = [], []
    scored = [leaf for leaf in leaves if leaf.get("turns")]
    if scored:
        best = max(scored, key=lambda leaf: leaf["return"])
        if best["return"] > 0:
            sft.append({
                "id": f"{sample_id}#best", "task": task, "sample_id": sample_id,
                "messages": guide_view(question, best["turns"]),
                "return": best["return"], "success": bool(best["correct"]),
                "meta": {"outcome": best["outcome"], "turns": len(best["turns"])},
            })
    for k, pair in enumerate(pairs):
        dpo.append({
            "id": f"{sample_id}#pair{k}", "task": task, "sample_id": sample_id,
            "prompt": guide_view(question, pair["prefix"]),
            "chosen": [{"role": "assistant", "content": pair["chosen"]}],
            "rejected": [{"role": "assistant", "content": pair["rejected"]}],
            "chosen_return": pair["chosen_return"], "rejected_return": pair["rejected_return"],
            "meta": {"turn": len(pair["prefix"])},
        })
    return sft, dpo


def records_from_logs(log_dir: str) -> tuple[list[dict], list[dict], dict[str, Any]]:
    """SFT records, DPO records and a summary from every synthesis log under ``log_dir``."""
    from symbench.harness.leaderboard.logs import iter_samples

    sft: list[dict] = []
    dpo: list[dict] = []
    per_task: dict[str, Counter] = defaultdict(Counter)
    for sample in iter_samples(log_dir, fields=("store",)):
        record = sample.metadata or {}
        task = record.get("task")
        if not task:
            continue
        s, d = records_from_store(str(sample.id), task, sample.store or {})
        sft += s
        dpo += d
        leaves = (sample.store or {}).get(TREE_PREFIX + "leaves") or []
        counts = per_task[task]
        counts["samples"] += 1
        counts["solved"] += any(leaf.get("correct") for leaf in leaves)
        counts["leaves"] += len(leaves)
        counts["sft"] += len(s)
        counts["dpo"] += len(d)
    summary = {
        "tasks": {t: dict(c, success_rate=round(c["solved"] / c["samples"], 4) if c["samples"] else 0.0) for t, c in sorted(per_task.items())},
        "sft_records": len(sft),
        "dpo_records": len(dpo),
    }
    return sft, dpo, summary


def write_outputs(out: Path, sft: list[dict], dpo: list[dict], summary: dict[str, Any]) -> dict[str, Path]:
    """Write ``sft.jsonl``, ``dpo.jsonl`` (each record validated) and ``summary.json``, atomically."""
    from symbench.models.records import write_records

    out.mkdir(parents=True, exist_ok=True)
    paths = {"sft": out / "sft.jsonl", "dpo": out / "dpo.jsonl", "summary": out / "summary.json"}
    write_records(paths["sft"], sft, "sft")
    write_records(paths["dpo"], dpo, "dpo")
    tmp = paths["summary"].with_suffix(".json.tmp")
    tmp.write_text(json.dumps(summary, indent=2) + "\n")
    tmp.replace(paths["summary"])
    return paths
