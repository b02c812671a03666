#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The lexicon matcher's benchmarks, side by side in one run on the UN General
# Debate speeches (../shared/corpus/txt/ungdc, about 20 MB), one thread:
#   1. tests/bench/lexicon_bench (Google Benchmark): tagging vs segmentation
#      alone (target <= 1.5), a 10,000-entry synthetic lexicon vs the full one
#      (target <= 1.2), lexicon load and compile (target < 50 ms);
#   2. the whole `hstag analyze --jobs 1` to JSON against
#      `rg -o -i -w -j1 -f TERMS` with the codebook's main English terms
#      (tests/bench/codebook_terms.txt), target <= 2.5.
# Builds the `release` preset with benchmarks first.
#
#   scripts/bench_lexicon.sh [CORPUS_TXT_DIR] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus/txt/ungdc}
rounds=${2:-3}
build=$root/build/release
cd "$root"
scripts/setup.sh
command -v rg >/dev/null || { echo "bench_lexicon: needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
cmake --preset release -DHSTAG_BUILD_TESTS=ON -DHSTAG_BUILD_BENCHMARKS=ON >/dev/null
cmake --build --preset release --target hstag lexicon_bench >/dev/null

echo "== matcher (Google Benchmark, CPU time)"
json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$build/bin/lexicon_bench" --benchmark_format=json --benchmark_out="$json" >/dev/null 2>&1
/usr/bin/python3 - "$json" <<'PY'
import json, sys
b = {x["name"].split("/")[0]: x["cpu_time"] for x in json.load(open(sys.argv[1]))["benchmarks"]}
print(f"segment {b['Segment']:.0f} ms, tag (full lexicon) {b['TagFull']:.0f} ms, "
      f"tag (10,000 synthetic) {b['TagSynthetic']:.0f} ms, load+compile {b['LoadCompile']:.1f} ms")
print(f"ratio tagging / segmentation:   {b['TagFull'] / b['Segment']:.2f} (target <= 1.5)")
print(f"ratio synthetic 10k / full:     {b['TagSynthetic'] / b['TagFull']:.2f} (target <= 1.2)")
PY

echo "== lexicon load and compile in a fresh process (median of 11, CPU time)"
# `hstag lexicon list` builds the whole pipeline (config, lexicons, tagger
# compilation); `hstag --version` is the process alone (loading the shared
# libraries). Cold: no lexicon cache; warm: the cache of parsed lexicons.
cache=$(mktemp -d)
trap 'rm -f "$json"; rm -rf "$cache"' EXIT
cpu_ms() {  # median CPU ms (user + sys) of 11 runs of: hstag ARGS...
  local TIMEFORMAT='%3U %3S' i t
  for ((i = 0; i < 11; i++)); do
    t=$( { time "$build/bin/hstag" "$@" > /dev/null 2>&1; } 2>&1 )
    awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.1f\n", (a[1] + a[2]) * 1000 }'
  done | sort -n | awk '{a[NR] = $1} END {print a[6]}'
}
base=$(cpu_ms --version)
cold=$(HSTAG_CACHE_DIR=off cpu_ms lexicon list)
HSTAG_CACHE_DIR=$cache "$build/bin/hstag" lexicon list > /dev/null
warm=$(HSTAG_CACHE_DIR=$cache cpu_ms lexicon list)
awk -v b="$base" -v c="$cold" -v w="$warm" 'BEGIN {
  printf "process alone %.1f ms; load+compile: %.1f ms with the lexicon cache (target < 50), %.1f ms without\n", b, w - b, c - b
}'

echo "== whole run: hstag analyze --jobs 1 vs rg -o -i -w -j1 -f TERMS"
TIMEFORMAT='%3R'
hs=() rgs=()
for ((r = 0; r < rounds; r++)); do
  t1=$( { time "$build/bin/hstag" analyze "$dir" --jobs 1 --format jsonl >/dev/null; } 2>&1 )
  t2=$( { time rg -o -i -w -j1 -f tests/bench/codebook_terms.txt "$dir" >/dev/null; } 2>&1 )
  hs+=("$t1") rgs+=("$t2")
  echo "round $((r + 1)): hstag ${t1} s, rg ${t2} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
h=$(median "${hs[@]}") g=$(median "${rgs[@]}")
awk -v h="$h" -v g="$g" 'BEGIN { printf "ratio hstag analyze / rg: %.2f (target <= 2.5)\n", h / g }'
