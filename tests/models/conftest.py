"""Shared by the training tests: the tiny in-code checkpoint, and ``require`` for the
train extra's packages (a missing one fails under ``SYMBENCH_REQUIRE_ALL=1``, as
scripts/test.sh sets, and only outside it skips, with the install line as the reason)."""

from __future__ import annotations

import importlib
import os

import pytest

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
