#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Batch scaling: `hstag analyze DIR --out OUT --jobs 2` against `--jobs 1`,
# and, measured in the same rounds, what this machine allows any two
# processes: the two halves of the same corpus (`--shard 1/2` and `2/2`,
# one job each) run one after the other and then at the same time. On a
# machine whose two CPUs are not two full cores (SMT siblings, a busy host)
# the second ratio is below 2 and caps the first; the efficiency is the
# first over the second. Rounds rotate which command goes first. Each ratio
# is taken within a round, from runs made one right after the other, and the
# medians of the rounds' ratios are reported: on a shared host whose speed
# drifts by tens of percent from minute to minute, a ratio of medians taken
# minutes apart is mostly that drift.
#
#   scripts/bench_batch.sh [DIR] [ROUNDS]
#
# DIR defaults to the whole ../shared/corpus beside the checkout (PDF, XML
# and the 20 MB of speeches, 44 MB), ROUNDS to 5. HSTAG names the binary (default
# build/release/bin/hstag). The target is a --jobs 2 speed-up of 1.8.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus}
rounds=${2:-5}
hstag=${HSTAG:-$root/build/release/bin/hstag}
[ -x "$hstag" ] || { echo "no hstag binary at $hstag (set HSTAG)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every run writes into a new OUT, and all are removed at the end: deleting
# a thousand files just before a run would make the file system look for
# free inodes past the ones freed seconds ago (ext4 skips those), which
# costs both runs and, as the two workers then wait on each other in the
# kernel, --jobs 2 more (about 4 MB of disk per MB of input and run).
run() {  # run NAME ARGS...: one batch into a new OUT
  local out
  out=$(mktemp -u "$tmp/$1.XXXXXX")
  shift
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

declare -a j1 j2 hs hp speedup ceiling
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
  speedup+=("$(awk -v a="${j1[-1]}" -v b="${j2[-1]}" 'BEGIN { print a / b }')")
  ceiling+=("$(awk -v a="${hs[-1]}" -v b="${hp[-1]}" 'BEGIN { print a / b }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
awk -v s="$(median "${speedup[@]}")" -v c="$(median "${ceiling[@]}")" \
    -v a="$(median "${j1[@]}")" -v b="$(median "${j2[@]}")" 'BEGIN {
  printf "median times: --jobs 1 %.3f s, --jobs 2 %.3f s\n", a, b
  printf "speed-up --jobs 2 / --jobs 1:           %.2f (median of the rounds; target >= 1.8)\n", s
  printf "two independent processes / one:        %.2f (what the machine allows)\n", c
  printf "efficiency (speed-up / machine ceiling): %.2f\n", s / c
}'
