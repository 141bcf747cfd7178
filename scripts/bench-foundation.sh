#!/usr/bin/env bash
# Reproduces the foundation figures in docs/benchmarks.md: the seed workload with both algorithms,
# and `factor` on 100,000 random 64-bit numbers beside GNU factor, in one sitting.
# Needs hyperfine (apt-get install -y hyperfine). Writes its inputs and Markdown tables to $OUT.
set -euo pipefail
root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
OUT=${OUT:-$root/target/bench}
RUNS=${RUNS:-5}
mkdir -p "$OUT"
fl="$root/factorlab"
"$fl" factor 1 >/dev/null   # build first if needed, outside the timings

python3 - "$OUT/random64.txt" <<'PY'
import random, sys
r = random.Random(1)
with open(sys.argv[1], "w") as f:
    f.writelines(f"{r.getrandbits(64)}\n" for _ in range(100_000))
PY

echo "== seed workload (10,000 numbers in [20000, 10^8]), in-process Execution Time =="
for algorithm in trial auto; do
  for i in 1 2 3; do
    "$fl" run --seed 1 --algorithm "$algorithm" --quiet 2>&1 | grep -E '^(Execution|model)'
  done
done

echo "== seed workload, whole process =="
hyperfine -N -w 1 -r "$RUNS" --export-markdown "$OUT/seed.md" \
  "$fl run --seed 1 --algorithm trial --quiet" \
  "$fl run --seed 1 --algorithm auto --quiet"

echo "== 100,000 random 64-bit numbers, whole process =="
cmp <(factor < "$OUT/random64.txt") <("$fl" factor < "$OUT/random64.txt") && echo "outputs identical"
hyperfine -w 1 -r "$RUNS" --export-markdown "$OUT/random64.md" \
  "factor < $OUT/random64.txt > /dev/null" \
  "$fl factor < $OUT/random64.txt > /dev/null"

echo "== start-up: factor 1 =="
hyperfine -N -w 2 -r 10 --export-markdown "$OUT/startup.md" "$fl factor 1" "factor 1"
