"""``symbench train sft`` and ``symbench train dpo``: the guide with TRL.

* **SFT**: :class:`trl.SFTTrainer` on ``sft.jsonl`` chats with ``assistant_only_loss``, so
  only the guide's turns are learned (the recipe's chat template supplies the generation
  markers, see :mod:`.chat`).
* **DPO**: :class:`trl.DPOTrainer` on ``dpo.jsonl`` pairs (sigmoid loss, the recipe's
  beta), starting from the SFT checkpoint, with an explicit frozen reference copy.

Either writes a standard Hugging Face folder (model, tokenizer with the template, and a
model card ``README.md`` plus ``training.json`` recording data, recipe and metrics). It
is written beside the target and renamed into place at the end, so a failed or
interrupted run leaves no half-written model. Runs on CPU as is; on GPUs under
``accelerate launch`` (DeepSpeed through the recipe).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from symbench.models.records import read_records
from symbench.models.recipes import Recipe

STAGES = ("sft", "dpo")
CARD_FILE = "training.json"


def resolve_base(base: str) -> str:
    """``local:NAME`` -> the embedded model's folder; anything else is passed on."""
    if base.startswith("local:"):
        from symbench.models.local import model_path

        return str(model_path(base[len("local:"):]))
    return base


def _is_main() -> bool:
    return int(os.environ.get("RANK", "0")) == 0


def _world() -> int:
    return int(os.environ.get("WORLD_SIZE", "1"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise ValueError(f"{out} already exists; choose another --out or pass --force to replace it")


def _common_args(recipe: Recipe, stage: str, workdir: str) -> dict[str, Any]:
    import torch

    params = recipe.stage(stage)
    per_device, accumulation = recipe.accumulation(stage, _world())
    cuda = torch.cuda.is_available()
    return {
        "output_dir": workdir,
        "num_train_epochs": params["epochs"],
        "learning_rate": params["learning_rate"],
        "per_device_train_batch_size": per_device,
        "gradient_accumulation_steps": accumulation,
        "max_length": params.get("max_length", 2048),
        "warmup_steps": float(params.get("warmup_ratio", 0.0)),  # a float below 1 is a ratio
        "lr_scheduler_type": params.get("lr_scheduler", "linear"),
        "logging_steps": 1,
        "save_strategy": "no",
        "report_to": [],
        "seed": recipe.data.get("seed", 0),
        "bf16": cuda and recipe.data["precision"] == "bfloat16",
        "use_cpu": not cuda,
        "deepspeed": recipe.deepspeed_path() if cuda else None,
        "dataloader_num_workers": 0,
        "disable_tqdm": True,
        # only when asked: transformers 5 warns about the argument's name even when it is False
        **({"gradient_checkpointing": True} if recipe.data.get("gradient_checkpointing") else {}),
    }


def _load(path: str, recipe: Recipe):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from symbench.models.chat import prepare_tokenizer

    threads = recipe.data.get("threads")
    if threads:
        torch.set_num_threads(threads)
    torch.manual_seed(recipe.data.get("seed", 0))
    dtype = torch.bfloat16 if recipe.data["precision"] == "bfloat16" and torch.cuda.is_available() else torch.float32
    tokenizer = prepare_tokenizer(AutoTokenizer.from_pretrained(path), recipe.data.get("chat_template"))
    model = AutoModelForCausalLM.from_pretrained(path, dtype=dtype)
    return model, tokenizer


def _losses(history: list[dict[str, Any]]) -> list[dict[str, float]]:
    return [{"step": h["step"], "loss": round(float(h["loss"]), 6)} for h in history if "loss" in h and "step" in h]


def train(stage: str, recipe: Recipe, data: str | Path, out: str | Path, *, base: str | None = None,
          force: bool = False) -> dict[str, Any]:
    """Train ``stage`` (sft or dpo) of ``recipe`` on ``data`` and write the model to ``out``.

    ``base``: for SFT the base model (default: the recipe's); for DPO the SFT checkpoint.
    Returns the training record also written as ``training.json``.
    """
    if stage not in STAGES:
        raise ValueError(f"unknown training stage {stage!r}; allowed: {', '.join(STAGES)}")
    data, out = Path(data), Path(out)
    _check_out(out, force)
    if stage == "dpo" and not base:
        raise ValueError("DPO starts from the SFT checkpoint: give it with --model DIR")
    records = read_records(data, stage)
    start_from = resolve_base(base if stage == "dpo" else recipe.base_model(base))
    if stage == "dpo" and not Path(start_from).is_dir():
        raise ValueError(f"--model {start_from}: not a folder (give the output of `symbench train sft`)")
    if start_from.startswith(("/", "./", "../", "~")) and not Path(start_from).expanduser().is_dir():
        raise ValueError(f"base model {start_from}: no such folder (give a Hugging Face folder, a hub id or local:NAME)")

    from datasets import Dataset

    model, tokenizer = _load(start_from, recipe)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="symbench-train-") as workdir:
        if stage == "sft":
            from trl import SFTConfig, SFTTrainer

            dataset = Dataset.from_list([{"messages": r["messages"]} for r in records])
            config = SFTConfig(assistant_only_loss=True, packing=False, **_common_args(recipe, stage, workdir))
            trainer = SFTTrainer(model=model, args=config, train_dataset=dataset, processing_class=tokenizer)
        else:
            from trl import DPOConfig, DPOTrainer

            reference, _ = _load(start_from, recipe)
            params = recipe.stage("dpo")
            dataset = Dataset.from_list([{k: r[k] for k in ("prompt", "chosen", "rejected")} for r in records])
            config = DPOConfig(beta=params["beta"], loss_type=[params.get("loss_type", "sigmoid")], **_common_args(recipe, stage, workdir))
            trainer = DPOTrainer(model=model, ref_model=reference, args=config, train_dataset=dataset, processing_class=tokenizer)
        result = trainer.train()
        losses = _losses(trainer.state.log_history)
        record = {
            "stage": stage,
            "recipe": recipe.data,
            "recipe_source": recipe.source,
            "start_from": base if stage == "dpo" else recipe.base_model(base),
            "data": {"path": str(data), "sha256": _digest(data), "records": len(records),
                     "tasks": dict(sorted(Counter(r["task"] for r in records).items()))},
            "metrics": {"steps": trainer.state.global_step, "train_loss": round(float(result.training_loss), 6),
                        "first_loss": losses[0]["loss"] if losses else None,
                        "last_loss": losses[-1]["loss"] if losses else None,
                        "seconds": round(time.monotonic() - started, 1)},
            "losses": losses,
        }
        if _is_main():
            _save(trainer, tokenizer, out, record, force)
    return record


def _save(trainer: Any, tokenizer: Any, out: Path, record: dict[str, Any], force: bool) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        trainer.save_model(str(staging))
        tokenizer.save_pretrained(str(staging))
        (staging / CARD_FILE).write_text(json.dumps(record, indent=2) + "\n")
        (staging / "README.md").write_text(model_card(record))
        if out.exists() and force:
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def model_card(record: dict[str, Any]) -> str:
    recipe, metrics, data = record["recipe"], record["metrics"], record["data"]
    tasks = ", ".join(f"{t} ({n})" for t, n in data["tasks"].items())
    stage = "multi-turn SFT (loss on the guide's turns only)" if record["stage"] == "sft" else f"DPO (sigmoid, beta {recipe['dpo']['beta']})"
    params = recipe[record["stage"]]
    return "\n".join([
        "---",
        "library_name: transformers",
        "tags: [symbench, codesteer, guide]",
        "---",
        f"# CodeSteer guide ({record['stage'].upper()}, recipe `{recipe['name']}`)",
        "",
        f"A CodeSteer guide model trained by SymBench: {stage}, starting from `{record['start_from']}`.",
        "It writes instructions ending in `<<<Code>>>`, `<<<Text>>>` or `<<<Return Answer>>>` for a task model.",
        "",
        "## Data",
        f"- file `{data['path']}`, sha256 `{data['sha256']}`, {data['records']} records",
        f"- tasks: {tasks}",
        "",
        "## Recipe",
        f"- {recipe['description']} (`{record['recipe_source']}`)",
        f"- learning rate {params['learning_rate']}, {params['epochs']} epochs, batch {params['batch_size']}, precision {recipe['precision']}",
        "",
        "## Metrics",
        f"- {metrics['steps']} optimiser steps in {metrics['seconds']} s",
        f"- loss: first {metrics['first_loss']}, last {metrics['last_loss']}, mean {metrics['train_loss']}",
        "",
        "## Use",
        "```bash",
        "inspect eval symbench/game24 --solver symbench/codesteer --model TASK_MODEL \\",
        "  --model-role 'guide={model: hf/local, model_args: {model_path: THIS_FOLDER, device: cpu, do_sample: false}}'",
        "# or serve it with vLLM: symbench models serve THIS_FOLDER",
        "```",
        "",
    ])
