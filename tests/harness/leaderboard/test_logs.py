"""Reading real Inspect logs into sample rows; cost sources; ``leaderboard build`` end to end."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.model import ChatMessageAssistant, ChatMessageUser, get_model
from inspect_ai.solver import generate

import symbench._registry  # noqa: F401
from symbench.cli import main
from symbench.harness.leaderboard.cost import sample_cost
from symbench.harness.leaderboard.logs import read_rows
from symbench.harness.leaderboard.render import validate_leaderboard
from symbench.harness.task import symbench_task
from symbench.registry import get_task


def test_rows_hold_instance_score_verdict_and_labels(small_logs):
    read = read_rows(str(small_logs))
    assert read.notes == [] and read.logs == 4
    rows = read.rows
    assert len(rows) == 20
    assert {r.column for r in rows} == {"oracle · only_question", "by-level · only_question"}
    for r in rows:
        record = get_task(r.task).instance(r.complexity, 0, r.index).to_record()
        assert r.fingerprint == record["fingerprint"] and r.sample_id == record["id"] and r.version == record["version"]
        assert r.suite == "t" and r.method == "only_question" and r.deterministic
        if r.model_label == "oracle":
            assert (r.score, r.verdict, r.answer_source) == (1.0, "correct", "code")
        elif r.complexity <= 3:
            assert (r.score, r.verdict) == (1.0, "correct")
            assert r.answer_source == ("code" if r.complexity == 3 else "text")
        elif r.complexity == 4:
            assert r.score == 0.0 and r.verdict in ("wrong", "bad_format")
        else:
            assert (r.score, r.verdict) == (0.0, "no_answer")
        assert r.cost["tokens"] > 0 and r.cost["tokens_source"] == "usage" and r.cost["seconds"] is not None


def test_plain_inspect_logs_get_method_from_the_solver_and_reruns_count_once(tmp_path):
    model = get_model("symbench/scripted", outputs="<<<1>>>")
    for _ in range(2):  # the same eval twice: the newer log wins, nothing is counted twice
        inspect_eval(symbench_task(["letters"], n=3, name="letters"), model=model, display="none", log_dir=str(tmp_path))
    inspect_eval(symbench_task(["letters"], n=3, name="letters"), model=model, solver=generate(), display="none", log_dir=str(tmp_path))
    rows = read_rows(str(tmp_path)).rows
    assert sorted({r.column for r in rows}) == ["symbench/scripted · inspect_ai/generate", "symbench/scripted · only_question"]
    assert len(rows) == 6
    assert {r.method for r in rows} == {"only_question", "inspect_ai/generate"}


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        read_rows(str(tmp_path / "nope"))


def _fake_sample(store=None, messages=(), working_time=2.5):
    return SimpleNamespace(
        store=store or {}, messages=list(messages), working_time=working_time, total_time=9.0,
        model_usage={"hf/x": SimpleNamespace(input_tokens=1000, output_tokens=500, total_tokens=1500)},
        role_usage={"guide": SimpleNamespace(input_tokens=100, output_tokens=50, total_tokens=150)},
    )


def test_cost_prefers_the_methods_record_then_inspect_usage():
    stored = {"symbench:usage": {"roles": {"task": {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15, "calls": 1},
                                           "guide": {"input_tokens": 7, "output_tokens": 3, "total_tokens": 10, "calls": 1}},
                                 "seconds": 4.0}}
    cost = sample_cost(_fake_sample(stored), "openai/x", batching=False)
    assert cost["tokens"] == 25 and cost["record"] == "store"
    assert cost["seconds"] == 2.5 and cost["model_seconds"] == 4.0  # whole-sample working time; model time beside it
    cost = sample_cost(_fake_sample(), "openai/x", batching=False)
    assert cost["roles"]["guide"]["total_tokens"] == 150 and cost["roles"]["task"]["total_tokens"] == 1350
    assert cost["tokens"] == 1500 and cost["seconds"] == 2.5 and cost["seconds_source"] == "per_sample"


class _WordTokenizer:
    """One token per word; a chat template that adds two tokens per message."""

    def encode(self, text, add_special_tokens=False):
        return text.split()

    def apply_chat_template(self, history, add_generation_prompt=True, tokenize=True):
        return [w for m in history for w in ["<m>", *m["content"].split(), "</m>"]]


def test_batching_provider_figures_are_recounted_or_labelled():
    messages = [ChatMessageUser(content="solve this small puzzle"), ChatMessageAssistant(content="the answer is <<<4>>>")]
    cost = sample_cost(_fake_sample(messages=messages), "hf/x", batching=True, per_sample_wall=1.25)
    assert cost["tokens_source"] == "recounted_task_guide_padded" or cost["tokens_source"] == "batch_padded"
    assert cost["seconds"] == 1.25 and cost["seconds_source"] == "batch_average"
    assert cost["tokens_source"] == "batch_padded"  # no tokenizer: the padded batch figures, labelled
    sample = _fake_sample(messages=messages)
    sample.role_usage = {}
    cost = sample_cost(sample, "hf/x", batching=True, tokenizer=_WordTokenizer(), per_sample_wall=1.25)
    assert cost["tokens_source"] == "recounted"
    assert cost["roles"]["task"] == {"input_tokens": 6, "output_tokens": 4, "total_tokens": 10}


def test_leaderboard_build_command_writes_every_output(small_logs, tmp_path, capsys):
    out = tmp_path / "board"
    code = main(["leaderboard", "build", str(small_logs), "--out", str(out), "--reference",
                 "--compare", "oracle", "by-level", "--resamples", "500"])
    printed = capsys.readouterr().out
    assert code == 0
    for name in ("leaderboard.md", "leaderboard.json", "index.html", "samples.jsonl", "accuracy_by_level.png", "accuracy_by_task.png"):
        assert (out / name).stat().st_size > 0, name
    board = json.loads((out / "leaderboard.json").read_text())
    validate_leaderboard(board)
    [cmp] = board["comparisons"]
    assert cmp["a"] == "oracle · only_question" and cmp["difference_pct"] == pytest.approx(40.0)
    assert [r["key"] for r in board["references"]] == ["gpt-4o/only_question"]
    assert "| String Insertion | 60.0 (5) | 100.0 (5) | 6 |" in printed  # columns sorted by label: by-level, oracle
    assert (out / "accuracy_by_level.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len((out / "samples.jsonl").read_text().splitlines()) == 20


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["leaderboard"], "leaderboard needs an action"),
        (["leaderboard", "build", "/no/such/dir", "--out", "x"], "does not exist"),
        (["leaderboard", "build", "{logs}", "--out", "{tmp}", "--compare", "nothing", "oracle"], "matches no column"),
        (["leaderboard", "build", "{logs}", "--out", "{tmp}", "--reference-columns", "gpt-9"], "unknown reference column"),
        (["leaderboard", "build", "{empty}", "--out", "{tmp}"], "no SymBench samples"),
    ],
)
def test_build_errors_are_one_line(args, fragment, small_logs, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [a.format(logs=small_logs, tmp=tmp_path / "o", empty=empty) for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("symbench: error:") and fragment in err[0], err
    assert not os.path.exists(tmp_path / "o" / "leaderboard.md")
