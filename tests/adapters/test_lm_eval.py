"""SymBench as lm-eval tasks: same instances as Inspect, judged by the same verifiers, offline."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from symbench import lm_eval as adapter_folder
from symbench.registry import all_tasks, get_task, is_builtin, refresh

from .conftest import require

BUILTIN = sorted(n for n, t in all_tasks().items() if is_builtin(t))


def expected(task: str, n: int, levels: list[int], seed: int = 0) -> list[tuple[str, str, str, str]]:
    """(id, question, answer, fingerprint) of sample i: level levels[i % k], index i // k (written out here)."""
    out = []
    for i in range(n):
        level, index = levels[i % len(levels)], i // len(levels)
        inst = get_task(task).instance(level, seed, index)
        fingerprint = hashlib.sha256(inst.question.encode("utf-8")).hexdigest()[:16]
        out.append((f"{task}/c{level}/s{seed}/{index}", inst.question, inst.answer, fingerprint))
    return out


def evaluate(tasks: list[str], metadata: dict, model="dummy", include=None, **kwargs):
    require("lm_eval", "datasets")
    import lm_eval
    from lm_eval.tasks import TaskManager

    manager = TaskManager(include_path=str(include or adapter_folder.FOLDER), include_defaults=False, metadata=metadata)
    return lm_eval.simple_evaluate(model=model, tasks=tasks, task_manager=manager, log_samples=True, **kwargs)


def replying(answers: dict[str, str]):
    """An lm-eval model that answers each prompt from ``answers`` (prompt -> reply)."""
    from lm_eval.api.model import LM

    class Replying(LM):
        def generate_until(self, requests, disable_tqdm=False):
            return [answers.get(r.arguments[0], "no idea") for r in requests]

        def loglikelihood(self, requests, disable_tqdm=False):
            raise NotImplementedError

        def loglikelihood_rolling(self, requests, disable_tqdm=False):
            raise NotImplementedError

    return Replying()


def test_the_shipped_yamls_are_the_generated_ones_for_every_builtin_task():
    files = adapter_folder.folder_files(adapter_folder.registered_splits(builtin_only=True))
    assert adapter_folder.shipped_files() == files, "lm-eval task YAMLs are out of date: run python -m symbench.lm_eval"
    assert {f"symbench_{t}.yaml" for t in BUILTIN} <= set(files)
    seen = {t for t in BUILTIN if get_task(t).split == "seen"}
    assert f"  - symbench_{sorted(seen)[0]}\n" in files["symbench_seen.yaml"]
    assert f"  - symbench_{sorted(seen)[0]}\n" not in files["symbench_unseen.yaml"]


def test_the_dummy_model_runs_one_task_on_the_inspect_instances():
    result = evaluate(["symbench_game24"], {"symbench": {"n": 4, "complexity": "1,2", "seed": 3}})
    samples = result["samples"]["symbench_game24"]
    want = expected("game24", 4, [1, 2], seed=3)
    assert [s["doc"]["id"] for s in samples] == [w[0] for w in want]
    assert [s["arguments"][0][0] for s in samples] == [w[1] for w in want]  # the question alone, as Inspect asks it
    assert samples[0]["arguments"][0][1]["until"] == [">>>"]
    assert [s["doc"]["fingerprint"] for s in samples] == [w[3] for w in want]
    metrics = result["results"]["symbench_game24"]
    assert metrics["acc,none"] == 0.0 and metrics["no_answer,none"] == 1.0  # the dummy says "lol"


def test_reference_answers_score_one_through_the_verifier_even_when_the_stop_sequence_was_cut():
    want = expected("letters", 4, [1, 2])
    # lm-eval cuts the stop sequence '>>>' off a reply: half of the replies arrive that way
    answers = {q: (f"Counting... <<<{a}" if i % 2 else f"<<<{a}>>>") for i, (_, q, a, _) in enumerate(want)}
    answers[want[3][1]] = "I count them: " + want[3][2]  # no <<<...>>>: no answer, as the Inspect scorer says
    result = evaluate(["symbench_letters"], {"symbench": {"n": 4, "complexity": "1,2"}}, model=replying(answers))
    metrics = result["results"]["symbench_letters"]
    assert metrics["acc,none"] == 0.75 and metrics["no_answer,none"] == 0.25
    assert metrics["acc_complexity_1,none"] == 1.0 and metrics["acc_complexity_2,none"] == 0.5
    assert [s["acc"] for s in result["samples"]["symbench_letters"]] == [1.0, 1.0, 1.0, 0.0]


def test_the_group_covers_every_task_and_text_cot_adds_its_instruction():
    from symbench.harness.prompts import TEXT_COT

    answers = {q + TEXT_COT: f"<<<{a}>>>" for t in BUILTIN for _, q, a, _ in expected(t, 1, [1])}
    result = evaluate(["symbench"], {"symbench": {"n": 1, "complexity": "1", "method": "text_cot"}}, model=replying(answers))
    assert result["results"]["symbench"]["acc,none"] == 1.0
    assert sorted(k for k in result["results"] if k != "symbench") == [f"symbench_{t}" for t in BUILTIN]


@pytest.mark.parametrize(
    "metadata, message",
    [
        ({"symbench": {"n": 0}}, "symbench.n must be a whole number from 1 to 100000, got 0"),
        ({"symbench": {"method": "code_cot"}}, "symbench.method must be one of only_question, text_cot"),
        ({"symbench": {"exec_timeout": 5}}, "no model code is run"),
        ({"symbench": {"tasks": "game24"}}, "choose tasks with lm-eval's --tasks"),
        ({"symbench": {"colour": 1}}, "unknown parameter(s) symbench.colour"),
    ],
)
def test_bad_options_name_the_option(metadata, message):
    from symbench.lm_eval.adapter import dataset

    with pytest.raises(ValueError) as info:
        dataset("game24", **metadata, version=1, pretrained="ignored: model arguments reach the dataset too")
    assert message in str(info.value)


def test_a_users_task_gets_an_include_path_of_its_own(tmp_path, monkeypatch):
    from symbench.cli import main

    folder = tmp_path / "mytasks"
    folder.mkdir()
    assert main(["new-task", "my_sum", "--dir", str(folder)]) == 0
    monkeypatch.setenv("SYMBENCH_TASK_PATH", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    refresh()
    try:
        path = adapter_folder.include_path()
        assert path.parent == tmp_path / "cache" / "symbench" / "lm_eval"
        assert "  - symbench_my_sum\n" in (path / "symbench.yaml").read_text()
        assert adapter_folder.include_path() == path  # written once, found again
        want = expected("my_sum", 2, [1])
        result = evaluate(["symbench_my_sum"], {"symbench": {"n": 2, "complexity": "1"}},
                          model=replying({q: f"<<<{a}>>>" for _, q, a, _ in want}), include=path)
        assert result["results"]["symbench_my_sum"]["acc,none"] == 1.0
    finally:
        monkeypatch.undo()
        refresh()
    assert adapter_folder.include_path() == adapter_folder.FOLDER


def test_the_lm_eval_command_runs_a_task_from_the_printed_include_path(tmp_path):
    require("lm_eval", "datasets")
    printed = subprocess.run([sys.executable, "-m", "symbench.cli", "lm-eval-path"], capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0 and Path(printed.stdout.strip()) == adapter_folder.FOLDER
    lm_eval_cli = Path(sys.executable).with_name("lm-eval")
    done = subprocess.run(
        [str(lm_eval_cli), "run", "--include_path", printed.stdout.strip(), "--tasks", "symbench_number_multiply",
         "--model", "dummy", "--metadata", json.dumps({"symbench": {"n": 3, "complexity": "2"}}),
         "--output_path", str(tmp_path / "out"), "--log_samples"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [results] = (tmp_path / "out").rglob("results_*.json")
    data = json.loads(results.read_text())
    assert data["results"]["symbench_number_multiply"]["acc,none"] == 0.0
    [samples] = (tmp_path / "out").rglob("samples_symbench_number_multiply_*.jsonl")
    ids = [json.loads(line)["doc"]["id"] for line in samples.read_text().splitlines()]
    assert ids == [w[0] for w in expected("number_multiply", 3, [2])]


@pytest.mark.slow
def test_smollm2_through_lm_evals_hf_backend(smollm2_dir):
    require("lm_eval", "datasets", "torch", "transformers")
    result = evaluate(
        ["symbench_letters"], {"symbench": {"n": 2, "complexity": "1"}}, model="hf",
        model_args={"pretrained": str(smollm2_dir), "device": "cpu", "dtype": "float32", "batch_size": 1},
        apply_chat_template=True, gen_kwargs={"max_gen_toks": 24},
    )
    samples = result["samples"]["symbench_letters"]
    assert [s["doc"]["id"] for s in samples] == [w[0] for w in expected("letters", 2, [1])]
    replies = [s["resps"][0][0] for s in samples]
    assert all(isinstance(r, str) and r.strip() for r in replies)
    # each sample's score is the verifier's verdict on the last <<<...>>> of its reply (closed again
    # where lm-eval cut the stop sequence off), and no answer scores 0
    task = get_task("letters")
    for sample, reply in zip(samples, replies):
        closed = reply + ">>>" if reply.rfind("<<<") > reply.rfind(">>>") else reply
        found = re.findall(r"<<<(.*?)>>>", closed, re.S)
        record = get_task("letters").instance(1, 0, int(sample["doc"]["index"]))
        want = float(bool(found) and task.verify(record, found[-1], extract=False).correct)
        assert sample["acc"] == want
    assert "<|im_start|>" in samples[0]["arguments"][0][0]  # the chat template was applied
