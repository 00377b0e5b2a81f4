"""symbench.rewards: the verifiers as TRL reward functions, strict 0/1, never raising on a completion."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from symbench.registry import all_tasks, get_task
from symbench.rewards import build_prompts, make_reward, symbench_reward, verdict_codes
from symbench.seeds import DEFAULT_TRAIN_SEED

from .conftest import require

TASKS = sorted(all_tasks())


def columns(rows: list[dict]) -> dict[str, list]:
    """What TRL passes a reward function: every column but the prompt, as lists."""
    return {k: [r[k] for r in rows] for k in rows[0] if k != "prompt"}


@pytest.fixture(scope="module")
def one_per_task() -> list[dict]:
    return build_prompts(TASKS, n=1, complexity="1")


def test_reference_answers_earn_one_in_plain_and_conversational_form(one_per_task):
    rows = one_per_task
    plain = [f"Working it out.\n<<<{r['answer']}>>>" for r in rows]
    chat = [[{"role": "assistant", "content": text}] for text in plain]
    prompts = [r["prompt"] for r in rows]
    assert symbench_reward(prompts=prompts, completions=plain, **columns(rows)) == [1.0] * len(rows)
    assert symbench_reward(prompts=prompts, completions=chat, **columns(rows)) == [1.0] * len(rows)
    assert set(verdict_codes(prompts, plain, **columns(rows))) == {"correct"}


def test_the_last_answer_counts_and_a_missing_one_is_no_answer(one_per_task):
    row = next(r for r in one_per_task if r["task"] == "number_multiply")
    wrong = str(int(row["answer"]) + 1)
    cases = {
        f"<<<{wrong}>>> no wait: <<<{row['answer']}>>>": ("correct", 1.0),
        f"<<<{row['answer']}>>> no wait: <<<{wrong}>>>": ("wrong", 0.0),
        f"The product is {row['answer']}.": ("no_answer", 0.0),  # the Inspect scorer's rule: no <<<...>>>, no answer
        "<<<>>>": ("no_answer", 0.0),
    }
    texts = list(cases)
    cols = columns([row] * len(texts))
    assert verdict_codes(None, texts, **cols) == [code for code, _ in cases.values()]
    assert symbench_reward(None, texts, **cols) == [score for _, score in cases.values()]


def test_no_completion_makes_a_reward_raise(one_per_task):
    row = next(r for r in one_per_task if r["task"] == "letters")
    good = f"<<<{row['answer']}>>>"
    strange = [
        None, 42, 3.5, b"<<<1>>>", object(), [], {}, [[]], [None], [{"role": "assistant"}],
        [{"role": "assistant", "content": None}], [{"role": "assistant", "content": [1, {"type": "image"}]}],
        [{"role": "user", "content": good}, {"role": "assistant", "content": "no idea"}],
        "\x00" * 10, "<<<" * 2_000, "x" * 300_000 + "<<<1>>>", "<<<" + "a" * 300_000 + ">>>",
    ]
    texts_ok = [
        [{"role": "assistant", "content": [{"type": "text", "text": "so: "}, {"type": "text", "text": good}]}],
        {"role": "assistant", "content": good},
        "y" * 1_500_000 + good,  # only the last million characters are searched, as the scorer does
    ]
    completions = strange + texts_ok
    rewards = symbench_reward(None, completions, **columns([row] * len(completions)))
    assert rewards == [0.0] * len(strange) + [1.0] * len(texts_ok)
    broken = dict(row, params="{not json")
    assert verdict_codes(None, [good], **columns([broken])) == ["verifier_error"]
    assert verdict_codes(None, [good], **columns([dict(row, task="no_such_task")])) == ["verifier_error"]


def test_a_dataset_without_the_columns_is_a_clear_error(one_per_task):
    with pytest.raises(ValueError, match="need the dataset column.*params"):
        symbench_reward(["p"], ["<<<1>>>"], task=["letters"])
    with pytest.raises(ValueError, match="'task' has 2 values for 1 completions"):
        symbench_reward(["p"], ["<<<1>>>"], task=["letters", "letters"], params=["{}"])


def test_verdict_codes_reach_trls_logging_hooks_and_a_callback(one_per_task):
    rows = [r for r in one_per_task if r["task"] in ("letters", "game24")]
    completions = [f"<<<{rows[0]['answer']}>>>", "nothing"]
    extra, metrics, seen = {}, {}, []
    reward = make_reward(on_verdicts=lambda verdicts, kwargs: seen.append((verdicts, kwargs["id"])), name="sb")
    got = reward(prompts=None, completions=completions, **columns(rows),
                 log_extra=lambda col, values: extra.setdefault(col, []).extend(values),
                 log_metric=lambda name, value: metrics.__setitem__(name, value))
    assert got == [1.0, 0.0] and reward.__name__ == "sb"
    assert extra == {"symbench_verdict": ["correct", "no_answer"]}
    assert metrics == {"symbench/correct": 0.5, "symbench/wrong": 0.0, "symbench/bad_format": 0.0,
                       "symbench/no_answer": 0.5, "symbench/verifier_error": 0.0}
    [(verdicts, ids)] = seen
    assert [v.code for v in verdicts] == ["correct", "no_answer"] and ids == [r["id"] for r in rows]


def test_prompts_use_training_seeds_and_are_the_instances_of_that_seed():
    rows = build_prompts("letters,game24", n=3, complexity="1,2", method="text_cot", system_prompt="Be brief.")
    seed = DEFAULT_TRAIN_SEED
    assert [r["id"] for r in rows] == [f"{t}/c{[1, 2][i % 2]}/s{seed}/{i // 2}" for t in ("letters", "game24") for i in range(3)]
    first = get_task("letters").instance(1, seed, 0)
    assert rows[0]["prompt"][0] == {"role": "system", "content": "Be brief."}
    assert rows[0]["prompt"][1]["role"] == "user" and rows[0]["prompt"][1]["content"].startswith(first.question)
    assert "Do not write or run any code" in rows[0]["prompt"][1]["content"]
    assert json.loads(rows[0]["params"]) == first.params and rows[0]["fingerprint"] == first.fingerprint
    plain = build_prompts("letters", n=1, complexity="1", conversational=False)
    assert plain[0]["prompt"] == first.question
    with pytest.raises(ValueError, match="training seeds must lie in"):
        build_prompts("letters", n=1, seed=0)
    assert build_prompts("letters", n=1, seed=0, allow_eval_seeds=True)[0]["id"] == "letters/c1/s0/0"
    with pytest.raises(ValueError, match="method must be one of only_question, text_cot"):
        build_prompts("letters", n=1, method="code_cot")
    with pytest.raises(ValueError, match="unknown task"):
        build_prompts("nope", n=1)


def test_importing_the_rewards_loads_no_torch_inspect_or_datasets():
    code = "import sys, symbench.rewards; print(sorted(m for m in ('torch', 'inspect_ai', 'datasets', 'trl') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


# --------------------------------------------------------------------------- a few GRPO steps


def tiny_model_and_tokenizer(texts: list[str]):
    """A 1-layer random Llama and a byte-level BPE tokenizer trained here on ``texts``: no download."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    core = Tokenizer(models.BPE())
    core.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    core.decoder = decoders.ByteLevel()
    core.train_from_iterator(texts, trainer=trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<|pad|>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, bos_token="<|im_start|>", eos_token="<|im_end|>", pad_token="<|pad|>")
    tokenizer.chat_template = (
        "{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}{% endfor %}"
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
    )
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=2048,
                         bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id)
    return LlamaForCausalLM(config), tokenizer


def test_a_few_grpo_steps_on_cpu_compute_symbench_rewards(tmp_path):
    require("torch", "transformers", "trl", "datasets", "tokenizers", "accelerate")
    import torch
    from trl import GRPOConfig, GRPOTrainer

    from symbench.rewards import grpo_dataset

    torch.set_num_threads(1)
    dataset = grpo_dataset("letters,number_multiply", n=2, complexity="1")
    model, tokenizer = tiny_model_and_tokenizer([m["content"] for p in dataset["prompt"] for m in p] + ["<<<12>>>"])
    calls = []

    def reward(prompts, completions, **kwargs):
        rewards = symbench_reward(prompts, completions, **kwargs)
        calls.append((completions, kwargs["task"], kwargs["id"], rewards))
        return rewards

    args = GRPOConfig(
        output_dir=str(tmp_path), max_steps=2, per_device_train_batch_size=4, num_generations=2,
        max_completion_length=8, learning_rate=1e-3, logging_steps=1, report_to="none", use_cpu=True,
        save_strategy="no", seed=0, dataloader_num_workers=0, disable_tqdm=True,
    )
    trainer = GRPOTrainer(model=model, reward_funcs=reward, args=args, train_dataset=dataset, processing_class=tokenizer)
    trainer.train()
    assert len(calls) >= 2 and sum(len(c[0]) for c in calls) >= 8
    by_id = {r["id"]: r for r in dataset}
    for completions, tasks, ids, rewards in calls:
        assert len(completions) == len(tasks) == len(rewards) and set(rewards) <= {0.0, 1.0}
        for completion, task, sample_id, got in zip(completions, tasks, ids, rewards):
            text = completion[-1]["content"]  # conversational: the generated assistant message
            found = re.findall(r"<<<(.*?)>>>", text, re.S)
            record = by_id[sample_id]
            want = float(bool(found) and get_task(task).verify({"params": json.loads(record["params"])}, found[-1], extract=False).correct)
            assert got == want
    logged = [row for row in trainer.state.log_history if "rewards/reward/mean" in row]
    assert len(logged) == 2 and all(0.0 <= row["rewards/reward/mean"] <= 1.0 for row in logged)
    # the verdict codes went to TRL's metrics through the log_metric hook: shares that add up to 1
    for row in logged:
        shares = [row[f"symbench/{code}"] for code in ("correct", "wrong", "bad_format", "no_answer", "verifier_error")]
        assert abs(sum(shares) - 1.0) < 1e-6 and row["symbench/correct"] == row["rewards/reward/mean"]
