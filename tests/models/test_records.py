"""SFT/DPO records and recipes: what is accepted, what is refused and how it is said."""

from __future__ import annotations

import json

import pytest

from symbench.models.records import read_records, write_records
from symbench.models.recipes import load_recipe, recipe_names


def sft_record(**change):
    record = {
        "id": "game24/c1/s1000000000/0#best", "task": "game24", "sample_id": "game24/c1/s1000000000/0",
        "messages": [{"role": "system", "content": "guide"}, {"role": "user", "content": "problem"},
                     {"role": "assistant", "content": "Write a program.\n<<<Code>>>"}],
        "return": 1.0, "success": True, "meta": {},
    }
    record.update(change)
    return record


def dpo_record(**change):
    record = {
        "id": "x#pair0", "task": "game24", "sample_id": "x",
        "prompt": [{"role": "system", "content": "guide"}, {"role": "user", "content": "problem"}],
        "chosen": [{"role": "assistant", "content": "<<<Code>>>"}], "rejected": [{"role": "assistant", "content": "<<<Text>>>"}],
        "chosen_return": 1.0, "rejected_return": 0.0, "meta": {},
    }
    record.update(change)
    return record


def test_round_trip(tmp_path):
    path = tmp_path / "sft.jsonl"
    assert write_records(path, [sft_record(), sft_record(id="b")], "sft") == 2
    assert [r["id"] for r in read_records(path, "sft")] == ["game24/c1/s1000000000/0#best", "b"]


@pytest.mark.parametrize("bad, where", [
    ({"messages": [{"role": "system", "content": "g"}, {"role": "user", "content": "p"}, {"role": "user", "content": "q"}]}, "messages"),
    ({"messages": [{"role": "user", "content": "p"}, {"role": "user", "content": "p"}, {"role": "assistant", "content": "a"}]}, "messages/0/role"),
    ({"return": 0}, "return"),
    ({"extra": 1}, "(record)"),
])
def test_bad_sft_record_is_refused_and_nothing_is_written(tmp_path, bad, where):
    path = tmp_path / "sft.jsonl"
    with pytest.raises(ValueError, match="invalid sft record 2") as info:
        write_records(path, [sft_record(), sft_record(**bad)], "sft")
    assert where in str(info.value)
    assert not path.exists() and not list(tmp_path.iterdir())


def test_dpo_reply_must_be_one_assistant_message(tmp_path):
    with pytest.raises(ValueError, match="rejected"):
        write_records(tmp_path / "d.jsonl", [dpo_record(rejected=[{"role": "user", "content": "x"}])], "dpo")


def test_read_names_file_and_line(tmp_path):
    path = tmp_path / "dpo.jsonl"
    path.write_text(json.dumps(dpo_record()) + "\n{not json\n")
    with pytest.raises(ValueError, match=r"dpo.jsonl:2: not JSON"):
        read_records(path, "dpo")
    with pytest.raises(ValueError, match="no such file"):
        read_records(tmp_path / "missing.jsonl", "dpo")
    with pytest.raises(ValueError, match="allowed: sft, dpo"):
        read_records(path, "ppo")


def test_shipped_recipes_follow_the_issue():
    assert recipe_names() == ["llama3-8b-paper", "smollm2-135m-cpu"]
    paper = load_recipe("llama3-8b-paper")
    assert (paper.stage("sft")["learning_rate"], paper.stage("sft")["epochs"]) == (1e-5, 10)
    assert (paper.stage("dpo")["learning_rate"], paper.stage("dpo")["epochs"], paper.stage("dpo")["beta"]) == (5e-6, 6, 0.1)
    assert paper.stage("sft")["batch_size"] == paper.stage("dpo")["batch_size"] == 4
    assert json.load(open(paper.deepspeed_path()))["zero_optimization"]["stage"] == 3
    assert paper.accumulation("sft", world_size=4) == (1, 1) and paper.accumulation("sft", world_size=1) == (1, 4)
    with pytest.raises(ValueError, match="--base-model"):
        paper.base_model()
    assert load_recipe("smollm2-135m-cpu").base_model() == "local:smollm2"


def test_bad_recipes_are_named(tmp_path):
    with pytest.raises(ValueError, match="allowed: llama3-8b-paper, smollm2-135m-cpu"):
        load_recipe("llama-70b")
    text = (load_recipe("smollm2-135m-cpu").folder / "smollm2-135m-cpu.yaml").read_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("beta: 0.1", "beta: -1"))
    with pytest.raises(ValueError, match="dpo/beta"):
        load_recipe(str(bad))
    bad.write_text(text.replace("precision: float32", "precision: fp8"))
    with pytest.raises(ValueError, match="precision"):
        load_recipe(str(bad))
    bad.write_text(text.replace("per_device_batch_size: 2\n  max_length: 2048\n  warmup", "per_device_batch_size: 3\n  max_length: 2048\n  warmup"))
    with pytest.raises(ValueError, match="not a multiple"):
        load_recipe(str(bad)).accumulation("sft")
