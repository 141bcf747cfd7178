#!/usr/bin/env bash
# Reproduces the fast-factoring tables in docs/benchmarks.md (issue 6): factorlab beside GNU factor,
# GNU parallel + factor and PARI/GP on the same generated inputs, in one sitting, whole process.
#
#   scripts/bench-fast.sh [section ...]      sections: random64 semi64 consec96 semi128 big scaled seq memory startup
#
# Needs hyperfine, pari-gp and parallel (apt-get install -y hyperfine pari-gp parallel). RUNS sets the
# runs per command for the short sections (default 3); the long ones (semi64, big) run once each.
# Inputs and Markdown tables go to $OUT (default target/bench-fast). Every factorlab output is compared
# with the reference tool's (cmp) before anything is timed.
set -euo pipefail
root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
OUT=${OUT:-$root/target/bench-fast}
RUNS=${RUNS:-3}
mkdir -p "$OUT"
fl="$root/factorlab"
gp_script="$root/bench/gp/factor.gp"
gp_cmd="gp -q -D parisizemax=1000000000 -f $gp_script"
"$fl" factor 1 >/dev/null   # build (and make the AOT cache) outside the timings

sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(random64 semi64 consec96 semi128 big scaled seq memory startup)

same() { # same LABEL CMD1 CMD2: both outputs identical
  if cmp -s <(bash -c "$2") <(bash -c "$3"); then echo "$1: outputs identical"; else echo "$1: OUTPUTS DIFFER" >&2; exit 1; fi
}

for s in "${sections[@]}"; do
  case "$s" in
  random64)
    echo "== 100,000 random integers below 2^64 =="
    "$fl" gen --count 100000 --min 0 --max 18446744073709551615 --seed 1 -o "$OUT/random64.txt" 2>/dev/null
    same random64 "factor < $OUT/random64.txt" "$fl factor < $OUT/random64.txt"
    hyperfine -w 1 -r "$RUNS" --export-markdown "$OUT/random64.md" \
      "factor < $OUT/random64.txt > /dev/null" \
      "parallel --pipe -k -j2 --block 400k factor < $OUT/random64.txt > /dev/null" \
      "$fl factor < $OUT/random64.txt > /dev/null" \
      "$fl factor -j 1 < $OUT/random64.txt > /dev/null"
    ;;
  semi64)
    echo "== 100,000 products of two 32-bit primes =="
    "$fl" gen --count 100000 --semiprimes 64 --seed 1 -o "$OUT/semi64.txt" 2>/dev/null
    same semi64 "$gp_cmd < $OUT/semi64.txt" "$fl factor < $OUT/semi64.txt"
    hyperfine -r 1 --export-markdown "$OUT/semi64.md" \
      "$gp_cmd < $OUT/semi64.txt > /dev/null" \
      "$fl factor < $OUT/semi64.txt > /dev/null" \
      "$fl factor -j 1 < $OUT/semi64.txt > /dev/null"
    ;;
  consec96)
    echo "== 2,000 consecutive 96-bit numbers =="
    seq 39614081257132168796771975168 39614081257132168796771977167 > "$OUT/consec96.txt"
    same consec96 "factor < $OUT/consec96.txt" "$fl factor < $OUT/consec96.txt"
    hyperfine -r "$RUNS" --export-markdown "$OUT/consec96.md" \
      "factor < $OUT/consec96.txt > /dev/null" \
      "$fl factor < $OUT/consec96.txt > /dev/null" \
      "$fl factor -j 1 < $OUT/consec96.txt > /dev/null"
    ;;
  semi128)
    echo "== 100 products of two 64-bit primes =="
    "$fl" gen --count 100 --semiprimes 128 --seed 1 -o "$OUT/semi128.txt" 2>/dev/null
    same semi128 "$gp_cmd < $OUT/semi128.txt" "$fl factor < $OUT/semi128.txt"
    hyperfine -r "$RUNS" --export-markdown "$OUT/semi128.md" \
      "$gp_cmd < $OUT/semi128.txt > /dev/null" \
      "$fl factor < $OUT/semi128.txt > /dev/null" \
      "$fl factor -j 1 < $OUT/semi128.txt > /dev/null"
    ;;
  big)
    echo "== balanced semiprimes of 40, 50, 61 and 70 digits =="
    # As many numbers of each size as make PARI/GP run ~5 s or more (issue 6: JVM start must not be
    # the story): 80 of 40 digits, 7 of 50, 2 of 61, 1 of 70.
    "$fl" gen --count 80 --semiprimes 132 --seed 1 -o "$OUT/d40.txt" 2>/dev/null
    "$fl" gen --count 7 --semiprimes 166 --seed 1 -o "$OUT/d50.txt" 2>/dev/null
    "$fl" gen --count 2 --semiprimes 202 --seed 1 -o "$OUT/d61.txt" 2>/dev/null
    "$fl" gen --count 1 --semiprimes 232 --seed 1 -o "$OUT/d70.txt" 2>/dev/null
    for d in d40 d50 d61 d70; do
      same "$d" "$gp_cmd < $OUT/$d.txt" "$fl factor < $OUT/$d.txt"
      hyperfine -r 1 --export-markdown "$OUT/$d.md" \
        "$gp_cmd < $OUT/$d.txt > /dev/null" \
        "$fl factor < $OUT/$d.txt > /dev/null" \
        "$fl factor -j 1 < $OUT/$d.txt > /dev/null"
    done
    ;;
  scaled)
    echo "== the short files scaled up: 400 products of two 64-bit primes, 250 of 40 digits, 21 of 50 =="
    # On the machine of sessions 11-12 (an AMD EPYC about 3x faster than before) PARI/GP ran the files
    # above in 1.5-1.9 s, under the ~5 s that issue 6 asks of an anchor; these run it 5-6 s there.
    "$fl" gen --count 400 --semiprimes 128 --seed 1 -o "$OUT/semi128x.txt" 2>/dev/null
    "$fl" gen --count 250 --semiprimes 132 --seed 1 -o "$OUT/d40x.txt" 2>/dev/null
    "$fl" gen --count 21 --semiprimes 166 --seed 1 -o "$OUT/d50x.txt" 2>/dev/null
    for d in semi128x d40x d50x; do
      same "$d" "$gp_cmd < $OUT/$d.txt" "$fl factor < $OUT/$d.txt"
      hyperfine -r "$RUNS" --export-markdown "$OUT/$d.md" \
        "$gp_cmd < $OUT/$d.txt > /dev/null" \
        "$fl factor < $OUT/$d.txt > /dev/null" \
        "$fl factor -j 1 < $OUT/$d.txt > /dev/null"
    done
    ;;
  seq)
    echo "== seq 0 10000000 (output-bound) =="
    seq 0 10000000 > "$OUT/seq.txt"
    same seq "factor < $OUT/seq.txt" "$fl factor < $OUT/seq.txt"
    hyperfine -r "$RUNS" --export-markdown "$OUT/seq.md" \
      "factor < $OUT/seq.txt > /dev/null" \
      "$fl factor < $OUT/seq.txt > /dev/null" \
      "$fl factor -j 1 < $OUT/seq.txt > /dev/null"
    ;;
  memory)
    echo "== 10,000,000 random 64-bit numbers piped, heap capped at 64 MiB =="
    # When did the first result arrive, when did the generator finish, how much was live after GC?
    start=$(date +%s.%N)
    { "$fl" gen --count 10000000 --min 0 --max 18446744073709551615 --seed 3 2>/dev/null; date +%s.%N > "$OUT/gen_done"; } \
      | FACTORLAB_JAVA_OPTS="-Xmx64m -Xlog:gc:file=$OUT/memory-gc.log" /usr/bin/time -f "%M" -o "$OUT/memory-rss" "$fl" factor \
      | { read -r _; date +%s.%N > "$OUT/first_out"; wc -l > "$OUT/memory-lines"; }
    echo "first result after $(echo "$(cat "$OUT/first_out") - $start" | bc) s;" \
      "generator done after $(echo "$(cat "$OUT/gen_done") - $start" | bc) s;" \
      "lines: $(( $(cat "$OUT/memory-lines") + 1 )); peak RSS: $(cat "$OUT/memory-rss") KiB"
    grep Pause "$OUT/memory-gc.log" | tail -3
    ;;
  startup)
    echo "== start-up: factor 1 =="
    hyperfine -N -w 2 -r 10 --export-markdown "$OUT/startup.md" \
      "factor 1" "$fl factor 1" "env FACTORLAB_AOT=0 $fl factor 1"
    ;;
  *) echo "unknown section: $s" >&2; exit 2 ;;
  esac
done
