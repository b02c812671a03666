#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Batch scaling: `hstag analyze DIR --out OUT --jobs 2` against `--jobs 1`,
# and, measured in the same rounds, what this machine allows any two
# processes: the two halves of the same corpus (`--shard 1/2` and `2/2`,
# one job each) run one after the other and then at the same time. On a
# machine whose two CPUs are not two full cores (SMT siblings, a busy host)
# the second ratio is below 2 and caps the first; the efficiency is the
# first over the second. Rounds rotate which command goes first; medians.
#
#   scripts/bench_batch.sh [DIR] [ROUNDS]
#
# DIR defaults to ../shared/corpus/txt/ungdc beside the checkout (20 MB of
# speeches), ROUNDS to 3. HSTAG names the binary (default
# build/release/bin/hstag). The target is a --jobs 2 speed-up of 1.8.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus/txt/ungdc}
rounds=${2:-3}
hstag=${HSTAG:-$root/build/release/bin/hstag}
[ -x "$hstag" ] || { echo "no hstag binary at $hstag (set HSTAG)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # run OUT ARGS...: one batch into a fresh OUT
  local out=$tmp/$1
  shift
  rm -rf "$out"
  "$hstag" analyze "$dir" --out "$out" --quiet "$@" > /dev/null
}
seconds() {  # seconds CMD...: wall time of a command
  local TIMEFORMAT='%3R'
  { time "$@" > /dev/null 2>&1; } 2>&1
}
halves_sequential() { run h1 --jobs 1 --shard 1/2; run h2 --jobs 1 --shard 2/2; }
halves_parallel() {
  run h1 --jobs 1 --shard 1/2 &
  local a=$!
  run h2 --jobs 1 --shard 2/2
  wait "$a"
}

declare -a j1 j2 hs hp
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then
    j1+=("$(seconds run one --jobs 1)") j2+=("$(seconds run two --jobs 2)")
    hs+=("$(seconds halves_sequential)") hp+=("$(seconds halves_parallel)")
  else
    hp+=("$(seconds halves_parallel)") hs+=("$(seconds halves_sequential)")
    j2+=("$(seconds run two --jobs 2)") j1+=("$(seconds run one --jobs 1)")
  fi
  echo "round $((r + 1)): --jobs 1 ${j1[-1]} s, --jobs 2 ${j2[-1]} s;" \
       "halves one after the other ${hs[-1]} s, at the same time ${hp[-1]} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
awk -v a="$(median "${j1[@]}")" -v b="$(median "${j2[@]}")" \
    -v c="$(median "${hs[@]}")" -v d="$(median "${hp[@]}")" 'BEGIN {
  printf "speed-up --jobs 2 / --jobs 1:           %.2f (target >= 1.8)\n", a / b
  printf "two independent processes / one:        %.2f (what the machine allows)\n", c / d
  printf "efficiency (speed-up / machine ceiling): %.2f\n", (a / b) / (c / d)
}'
