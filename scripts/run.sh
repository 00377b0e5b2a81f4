#!/usr/bin/env bash
# The main job: every SymBench task evaluated with the offline oracle model through
# Inspect and the jailed sandbox; prints a result table. Extra arguments go to
# `symbench run` (e.g. --model openai/gpt-4o --tasks game24 --n 100).
source "$(dirname "$0")/_env.sh"
exec .venv/bin/symbench run --tasks "" --n 20 "$@"
