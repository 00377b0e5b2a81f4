#!/usr/bin/env bash
# The test suite. Extra arguments go to pytest (e.g. -k game24).
SYMBENCH_EXTRA_APT="chromium" source "$(dirname "$0")/_env.sh"
exec .venv/bin/python -m pytest -q "$@"
