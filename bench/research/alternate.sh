#!/usr/bin/env bash
# Runs each command with the same standard input, in turn, N rounds (so that the machine's changes of
# speed fall on all of them alike), and prints the least and median wall and user times of each.
#   bench/research/alternate.sh 5 target/bench-fast/d50.txt \
#       "gp -q -D parisizemax=1000000000 -f bench/gp/factor.gp" "./factorlab factor"
set -euo pipefail
n=$1
input=$2
shift 2
times=$(mktemp)
trap 'rm -f "$times"' EXIT
declare -A wall user
for ((i = 0; i < n; i++)); do
  for c in "$@"; do
    /usr/bin/time -o "$times" -f "%e %U" bash -c "$c" < "$input" > /dev/null 2> /dev/null
    read -r w u < <(tail -1 "$times")
    wall[$c]+="$w "
    user[$c]+="$u "
  done
done
stats() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR] = $1} END {printf "least %.2f median %.2f", a[1], a[int((NR + 1) / 2)]}'; }
for c in "$@"; do
  echo "wall $(stats <<< "${wall[$c]}"), user $(stats <<< "${user[$c]}") :: $c"
done
