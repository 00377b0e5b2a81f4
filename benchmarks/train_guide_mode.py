"""Does guide training learn? The synthetic set-up of :mod:`symbench.models.synthetic`.

The task model there is right only in the task's mode (code on game24 and gsm_hard,
text on web_of_lies and date_understanding), so a guide is good exactly when its first
guidance picks that mode. This script:

1. synthesises training data with ``symbench train synth`` (an uninformed teacher, tree
   sampling, training seeds);
2. trains SmolLM2-135M-Instruct with the ``smollm2-135m-cpu`` recipe: SFT, then DPO;
3. evaluates the base, SFT and DPO guides (and, with ``--evals ...,after_dpo_vllm``, the
   DPO checkpoint served by vLLM, as users serve a guide) with the CodeSteer solver on held-out
   evaluation instances (seed 0) against the same task model, and reports how often the
   first guidance picks the right mode (a parsed marker only; an unparseable reply
   falls back to the documented default mode, reported separately) and the end-to-end
   CodeSteer accuracy;
4. plots the SFT and DPO loss curves.

    .venv/bin/python benchmarks/train_guide_mode.py --out bench-out/guide [--n-train 24] [--n-eval 10]

Results: ``OUT/results.json``, ``OUT/results.md`` and ``OUT/losses.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

# Inspect looks up model info by instantiating `hf/local` without its folder, which asks
# the Hub for a repo named "local"; offline, that fails at once instead of after retries
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from symbench.cli import main as symbench

TASK_MODEL = ["--model", "symbench/scripted", "-M", 'outputs={callable: "symbench.models.synthetic:mode_task_model"}']
TEACHER = ["--guide", "symbench/scripted", "-G", 'outputs={callable: "symbench.models.synthetic:teacher_guide"}']


def _ok(code: int, what: str) -> None:
    if code != 0:
        raise SystemExit(f"{what} failed (exit status {code})")


def evaluate(guide_path: str, n: int, log_dir: Path, max_tokens: int, served_model: str | None = None) -> dict:
    """CodeSteer with the guide at ``guide_path`` (Inspect's hf provider, greedy), or, with
    ``served_model``, the same checkpoint behind a running vLLM server (greedy, temperature 0)."""
    from inspect_ai import eval as inspect_eval
    from inspect_ai.model import GenerateConfig, get_model

    import symbench._registry as entry
    from symbench.harness.codesteer.solver import codesteer
    from symbench.harness.leaderboard.runner import resolve_args
    from symbench.models import synthetic

    done = _finished_log(log_dir)
    if done is not None:  # a rerun reuses a finished evaluation
        return summarise(done)
    task_model = get_model("symbench/scripted", memoize=False,
                           **resolve_args({"outputs": {"callable": "symbench.models.synthetic:mode_task_model"}}, "task model"))
    if served_model:
        guide = get_model(served_model, memoize=False, config=GenerateConfig(max_tokens=max_tokens, temperature=0.0, max_retries=1, timeout=300))
    else:
        guide = get_model("hf/local", model_path=guide_path, device="cpu", do_sample=False, memoize=False,
                          config=GenerateConfig(max_tokens=max_tokens))  # greedy: Inspect's hf provider samples unless do_sample=False
    task = entry.symbench(tasks=",".join(synthetic.TASKS), n=n, complexity="all", seed=0)
    [log] = inspect_eval(task, solver=codesteer(max_turns=1, self_check=False), model=task_model, model_roles={"guide": guide},
                         display="none", log_dir=str(log_dir), max_connections=1)
    if log.status != "success":
        raise SystemExit(f"evaluation of {guide_path} failed: {log.error}")
    return summarise(log)


def _finished_log(log_dir: Path):
    from inspect_ai.log import read_eval_log

    for path in sorted(log_dir.glob("*.eval")) if log_dir.is_dir() else []:
        log = read_eval_log(str(path))
        if log.status == "success" and log.samples:
            return log
    return None


def summarise(log) -> dict:
    from symbench.harness import prompts
    from symbench.harness.codesteer.trajectory import read_trajectory
    from symbench.models import synthetic

    rows = {"samples": 0, "right_mode": 0, "parsed": 0, "default_used": 0, "correct": 0}
    per_task: dict[str, dict[str, int]] = {}
    for sample in log.samples:
        task_name = sample.metadata["task"]
        first = (read_trajectory(sample.store) or {}).get("turns", [{}])[0]
        right = bool(first.get("guidance_parsed")) and first.get("mode") == synthetic.best_mode(task_name)
        score = next(iter(sample.scores.values())).value
        correct = score == 1 or score == "C" or (isinstance(score, dict) and score.get("accuracy") == 1)
        for bucket in (rows, per_task.setdefault(task_name, {"samples": 0, "right_mode": 0, "correct": 0})):
            bucket["samples"] += 1
            bucket["right_mode"] += right
            bucket["correct"] += bool(correct)
        rows["parsed"] += bool(first.get("guidance_parsed"))
        rows["default_used"] += not first.get("guidance_parsed") and first.get("mode") in prompts.MODES
    rows["right_mode_rate"] = round(rows["right_mode"] / rows["samples"], 3)
    rows["accuracy"] = round(rows["correct"] / rows["samples"], 3)
    rows["per_task"] = per_task
    return rows


def plot(out: Path, curves: dict[str, list[dict]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(curves), figsize=(5 * len(curves), 3.5))
    for ax, (name, losses) in zip(axes, curves.items()):
        ax.plot([p["step"] for p in losses], [p["loss"] for p in losses], marker=".")
        ax.set_title(f"{name.upper()} loss")
        ax.set_xlabel("optimiser step")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out / "losses.png", dpi=120)


def run(args: argparse.Namespace) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    start = time.monotonic()
    from symbench.models.train import resolve_base

    base = resolve_base(args.base_model)
    if not (out / "data" / "dpo.jsonl").exists():
        from symbench.models.synthetic import TASKS

        _ok(symbench(["train", "synth", "--out", str(out / "data"), "--tasks", ",".join(TASKS),
                      "--n", str(args.n_train), *TASK_MODEL, *TEACHER]), "synthesis")
        timings["synth_s"] = round(time.monotonic() - start, 1)
    # a rerun with other --evals adds to the earlier results (finished stages are reused)
    results: dict = json.loads((out / "results.json").read_text()) if (out / "results.json").exists() else {}
    timings = {**results.get("timings", {}), **timings}

    def measure(name: str, path: str) -> None:
        t = time.monotonic()
        results[name] = evaluate(path, args.n_eval, out / "eval" / name, args.max_tokens)
        timings[f"eval_{name}_s"] = round(time.monotonic() - t, 1)
        print(name, {k: v for k, v in results[name].items() if k != "per_task"}, flush=True)

    if "before" in args.evals:
        measure("before", base)  # first, so a broken evaluation shows before the long training
    if args.dpo_turns is not None:  # CPU budget: keep only the pairs at the chosen turns
        keep = [line for line in (out / "data" / "dpo.jsonl").read_text().splitlines()
                if json.loads(line)["meta"]["turn"] in args.dpo_turns]
        (out / "data" / "dpo_used.jsonl").write_text("\n".join(keep) + "\n")
    for stage, source in (("sft", base), ("dpo", str(out / "sft"))):
        t = time.monotonic()
        if not (out / stage / "training.json").exists():
            extra = ["--base-model", source] if stage == "sft" else ["--model", source]
            data = out / "data" / ("dpo_used.jsonl" if stage == "dpo" and args.dpo_turns is not None else f"{stage}.jsonl")
            _ok(symbench(["train", stage, "--recipe", args.recipe, "--data", str(data),
                          "--out", str(out / stage), *extra]), stage)
            timings[f"{stage}_s"] = round(time.monotonic() - t, 1)
    results.update({"recipe": args.recipe, "dpo_turns": args.dpo_turns, "base_model": args.base_model, "n_train_per_task": args.n_train,
                    "n_eval_per_task": args.n_eval, "data": json.loads((out / "data" / "summary.json").read_text())})
    for name, path in (("after_sft", str(out / "sft")), ("after_dpo", str(out / "dpo"))):
        if name in args.evals:
            measure(name, path)
    if "after_dpo_vllm" in args.evals:  # the trained guide as users serve it: vLLM behind openai-api
        from symbench.models import serve

        t = time.monotonic()
        with serve.served(out / "dpo", name="trained-guide", timeout=900) as server:
            os.environ.update(server.env)
            timings["vllm_startup_s"] = round(server.startup_seconds, 1)
            results["after_dpo_vllm"] = evaluate(str(out / "dpo"), args.n_eval, out / "eval" / "after_dpo_vllm",
                                                 args.max_tokens, served_model=server.model)
        timings["eval_after_dpo_vllm_s"] = round(time.monotonic() - t, 1)
        print("after_dpo_vllm", {k: v for k, v in results["after_dpo_vllm"].items() if k != "per_task"}, flush=True)
    curves = {stage: json.loads((out / stage / "training.json").read_text())["losses"] for stage in ("sft", "dpo")}
    results["losses"] = {stage: {"first": c[0]["loss"], "last": c[-1]["loss"], "steps": len(c)} for stage, c in curves.items()}
    results["timings"] = timings
    plot(out, curves)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "results.md").write_text(table(results))
    return results


def table(results: dict) -> str:
    lines = ["| guide | first guidance picks the right mode | marker parsed | CodeSteer accuracy |", "|---|---|---|---|"]
    for name, label in (("before", "SmolLM2-135M-Instruct (base)"), ("after_sft", "after SFT"), ("after_dpo", "after SFT + DPO"),
                        ("after_dpo_vllm", "after SFT + DPO, served by vLLM")):
        if name not in results:
            continue
        r = results[name]
        lines.append(f"| {label} | {r['right_mode']}/{r['samples']} ({r['right_mode_rate']:.0%}) | {r['parsed']}/{r['samples']} | {r['accuracy']:.0%} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="bench-out/guide")
    parser.add_argument("--recipe", default="smollm2-135m-cpu")
    parser.add_argument("--base-model", default="local:smollm2")
    parser.add_argument("--n-train", type=int, default=24, help="training instances per task")
    parser.add_argument("--n-eval", type=int, default=10, help="held-out instances per task")
    parser.add_argument("--max-tokens", type=int, default=64, help="the guide's token cap")
    parser.add_argument("--evals", type=lambda v: v.split(","), default=["before", "after_sft", "after_dpo"],
                        help="which guides to evaluate (comma list of before, after_sft, after_dpo, after_dpo_vllm: the DPO "
                             "checkpoint behind vLLM from .venv-serve; default the first three)")
    parser.add_argument("--dpo-turns", type=lambda v: [int(x) for x in v.split(",")] if v != "all" else None, default=[0],
                        help="train DPO only on the pairs at these turns ('all': every pair; default 0, the mode decision)")
    print(table(run(parser.parse_args())))
