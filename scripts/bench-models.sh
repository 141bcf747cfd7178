#!/usr/bin/env bash
# Reproduces the execution-model figures in docs/benchmarks.md:
#  1. the seed workload (10,000 numbers in [20000, 10^8], --algorithm trial) per model, workers 1, 2, 10;
#  2. a CPU-bound workload of >= 5 s sequentially (trial division of 900,000 numbers), speed-up per model
#     on the cores available.
# Each line is the summary `factorlab run` prints (in-process wall time, CPU, utilisation, model details).
# REPEAT=N runs each configuration N times (default 3); take the median.
set -euo pipefail
root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
fl="$root/factorlab"
REPEAT=${REPEAT:-3}
MODELS=${MODELS:-"sequential threads virtual forkjoin processes gil eventloop"}
PARTS=${PARTS:-"seed cpu"}   # which parts to run
"$fl" factor 1 >/dev/null

summary() {
  "$fl" run "$@" --quiet 2>&1 | grep '^model='
}

if [[ $PARTS == *seed* ]]; then
echo "== seed workload: 10,000 numbers, trial division =="
for model in $MODELS; do
  for workers in 1 2 10; do
    [ "$model" = sequential ] && [ "$workers" != 1 ] && continue
    for _ in $(seq "$REPEAT"); do
      summary --seed 1 --algorithm trial --model "$model" --workers "$workers"
    done
  done
done

fi

if [[ $PARTS == *cpu* ]]; then
echo "== CPU-bound: 900,000 numbers, trial division, workers = $(nproc) =="
for model in $MODELS; do
  for _ in $(seq "$REPEAT"); do
    summary --seed 1 --count 900000 --algorithm trial --model "$model" --workers "$(nproc)"
  done
done
summary --seed 1 --count 900000 --algorithm trial --model gil --workers "$(nproc)" --switch-interval 50
fi
