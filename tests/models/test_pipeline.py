"""The whole guide-training pipeline on a tiny random model with an in-code tokenizer:
synthesis -> SFT -> DPO through the CLI, a checkpoint that loads, lower losses, and the
CodeSteer solver using the checkpoint as its guide. (The same pipeline on SmolLM2, with
the before/after numbers, is ``benchmarks/train_guide_mode.py``.)"""

from __future__ import annotations

import json

import pytest

from symbench.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]


@pytest.mark.parametrize("stage", ["sft", "dpo"])
def test_checkpoint_loads_and_loss_fell(trained, stage):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = trained / stage
    record = json.loads((folder / "training.json").read_text())
    losses = [entry["loss"] for entry in record["losses"]]
    assert len(losses) == record["metrics"]["steps"] >= 3
    assert sum(losses[-2:]) / 2 < sum(losses[:2]) / 2, losses
    if stage == "dpo":
        assert abs(losses[0] - 0.6931) < 0.01  # log 2: the policy starts equal to its reference
    data = trained / "data" / f"{stage}.jsonl"
    assert record["data"]["records"] == sum(1 for line in data.read_text().splitlines() if line.strip())
    card = (folder / "README.md").read_text()
    assert record["data"]["sha256"] in card and "tiny-test" in card
    tokenizer = AutoTokenizer.from_pretrained(folder)
    assert "{% generation" in tokenizer.chat_template or "generation" in tokenizer.chat_template
    model = AutoModelForCausalLM.from_pretrained(folder)
    assert model.config.vocab_size == len(tokenizer)
    assert not list(trained.glob(f".{stage}.*"))  # no staging folder left behind


def test_codesteer_uses_the_checkpoint_as_guide(trained):
    from inspect_ai import eval as inspect_eval
    from inspect_ai.model import get_model

    import symbench._registry as entry
    from symbench.harness.codesteer.solver import codesteer
    from symbench.harness.codesteer.trajectory import read_trajectory, validate_trajectory

    guide = get_model("hf/local", model_path=str(trained / "dpo"), device="cpu", do_sample=False, memoize=False)
    [log] = inspect_eval(entry.game24(n=2, complexity="1"), solver=codesteer(max_turns=1), model="symbench/oracle",
                         model_roles={"guide": guide}, max_tokens=16, display="none", log_dir=str(trained / "eval"))
    assert log.status == "success", log.error
    assert len(log.samples) == 2
    for sample in log.samples:
        trajectory = read_trajectory(sample.store)
        validate_trajectory(trajectory)
        assert trajectory["turns"] and trajectory["outcome"]
        assert sample.scores  # scored, whatever the tiny guide said
        calls = [e for e in sample.events if e.event == "model" and e.role == "guide"]
        assert calls and all(e.model == "hf/local" for e in calls)


def test_train_cli_errors(tmp_path, capsys):
    assert main(["train", "sft", "--recipe", "gpt-5-recipe", "--data", "x.jsonl", "--out", str(tmp_path / "o")]) == 2
    assert "allowed: llama3-8b-paper, smollm2-135m-cpu" in capsys.readouterr().err
    assert main(["train", "sft", "--recipe", "smollm2-135m-cpu", "--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["train", "dpo", "--recipe", "smollm2-135m-cpu", "--data", "x", "--model", str(tmp_path), "--out", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["train"]) == 2
    assert "synth" in capsys.readouterr().err
