"""``symbench train synth``: training instances never meet evaluation ones, and the
records say what the tree search found against the synthetic set-up's known answer."""

from __future__ import annotations

import json

import pytest

from symbench.cli import main
from symbench.harness import prompts
from symbench.models import synthetic
from symbench.models.records import read_records
from symbench.models.synthesis import evaluation_fingerprints, training_instances
from symbench.registry import get_task, task_names
from symbench.seeds import EVAL_SEEDS, TRAIN_SEEDS

SEEN = [t for t in task_names() if get_task(t).split == "seen"]


def test_no_training_question_is_an_evaluation_question():
    evaluation = evaluation_fingerprints(("paper", "smoke"))
    assert len(evaluation) >= 37 * 100  # the paper suite: 100 instances of each task
    chosen = training_instances(SEEN, 100, (1, 2, 3, 4, 5))
    assert len(chosen) == 100 * len(SEEN)
    assert {i.task for i in chosen} == set(SEEN)
    assert not [i.id for i in chosen if i.fingerprint in evaluation]
    assert all(i.seed in TRAIN_SEEDS for i in chosen)


def test_only_seen_tasks_and_training_seeds():
    unseen = next(t for t in task_names() if get_task(t).split == "unseen")
    with pytest.raises(ValueError, match="unseen"):
        training_instances([unseen], 1, (1,), exclude=set())
    with pytest.raises(ValueError, match="training seeds must lie in"):
        training_instances(["game24"], 1, (1,), seed=EVAL_SEEDS.start, exclude=set())


@pytest.mark.sandbox
def test_synth_finds_the_right_mode(tmp_path, capsys):
    out = tmp_path / "synth"
    code = main([
        "train", "synth", "--out", str(out), "--tasks", "game24,web_of_lies", "--n", "2", "--complexity", "1",
        "--model", "symbench/scripted", "-M", 'outputs={callable: "symbench.models.synthetic:mode_task_model"}',
        "--guide", "symbench/scripted", "-G", 'outputs={callable: "symbench.models.synthetic:teacher_guide"}',
    ])
    assert code == 0, capsys.readouterr().err
    sft, dpo = read_records(out / "sft.jsonl", "sft"), read_records(out / "dpo.jsonl", "dpo")
    summary = json.loads((out / "summary.json").read_text())
    assert summary["tasks"]["game24"]["samples"] == summary["tasks"]["web_of_lies"]["samples"] == 2
    assert summary["sft_records"] == len(sft) == 4 and summary["dpo_records"] == len(dpo)
    assert list(out.glob("logs/*.eval"))
    for record in sft:
        guide_turns = [m["content"] for m in record["messages"] if m["role"] == "assistant"]
        right = synthetic.GUIDE_CODE if record["task"] == "game24" else synthetic.GUIDE_TEXT
        # the best leaf: the task's mode first (one answer, return 0.9**0), then return it
        assert guide_turns == [right, synthetic.GUIDE_RETURN] and record["return"] == 1.0
        assert record["messages"][0] == {"role": "system", "content": prompts.GUIDE_SYSTEM}
        question = get_task(record["task"]).instance(1, TRAIN_SEEDS.start, int(record["sample_id"].rsplit("/", 1)[1])).question
        assert question in record["messages"][1]["content"]
        assert record["messages"][2]["content"] == right and "Round 1 result" in record["messages"][3]["content"]
    first = [r for r in dpo if r["meta"]["turn"] == 0]
    assert len(first) == 4  # one code-vs-text pair per sample
    for record in first:
        wrong = synthetic.GUIDE_TEXT if record["task"] == "game24" else synthetic.GUIDE_CODE
        assert record["rejected"][0]["content"] == wrong and record["chosen_return"] > record["rejected_return"]
        assert [m["role"] for m in record["prompt"]] == ["system", "user"]


def test_synth_refuses_bad_input(tmp_path, capsys):
    base = ["train", "synth", "--model", "symbench/oracle", "--tasks", "game24"]
    assert main([*base, "--out", str(tmp_path / "a"), "--seed", "7"]) == 2
    assert "training seeds must lie in" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "a"), "--tasks", "letters"]) == 2
    assert "unseen" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "a"), "--n", "0"]) == 2
    assert "--n" in capsys.readouterr().err
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "keep.txt").write_text("x")
    assert main([*base, "--out", str(tmp_path / "b")]) == 2
    assert "not empty" in capsys.readouterr().err and (tmp_path / "b" / "keep.txt").exists()
