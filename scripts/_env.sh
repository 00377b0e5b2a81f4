# Shared by run.sh and test.sh: system packages, then .venv with SymBench installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v bwrap >/dev/null 2>&1 || need_apt+=(bubblewrap)
[ -x /usr/bin/python3 ] || need_apt+=(python3-minimal)   # the interpreter model code runs with
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need_apt[*]} (the code sandbox needs them)" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "SymBench's code sandbox needs: ${need_apt[*]}. Install with: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[${SYMBENCH_EXTRAS:-test}]" > .venv/install.log 2>&1; then
  cat .venv/install.log >&2
  echo "installing SymBench into .venv failed (log above, also in .venv/install.log)" >&2
  exit 1
fi
# The editable build leaves symbench.egg-info here; from this folder it would shadow the
# installed metadata, and Inspect would then name SymBench's scorer and solvers without
# their "symbench/" prefix.
rm -rf symbench.egg-info
