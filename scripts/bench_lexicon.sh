#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The lexicon matcher's benchmarks, side by side in one run on the UN General
# Debate speeches (../shared/corpus/txt/ungdc, about 20 MB), one thread:
#   1. tests/bench/lexicon_bench (Google Benchmark): tagging vs segmentation
#      alone (target <= 1.5), as two benchmarks and as the two pipelines in
#      turn document by document (steadier on a shared host whose speed
#      drifts between benchmarks), a 10,000-entry synthetic lexicon vs the
#      full one (target <= 1.2);
#   2. lexicon load and compile as a new process does it (target < 50 ms);
#   3. the whole `hstag analyze --jobs 1` to JSON against
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

echo "== matcher (Google Benchmark; 5 repetitions in random order, medians)"
json=$(mktemp)
cache=$(mktemp -d)
trap 'rm -f "$json"; rm -rf "$cache"' EXIT
"$build/bin/lexicon_bench" --benchmark_format=json --benchmark_out="$json" \
  --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true >/dev/null 2>&1
/usr/bin/python3 - "$json" <<'PY'
import json, sys
b, turn = {}, None
for x in json.load(open(sys.argv[1]))["benchmarks"]:
    if x.get("aggregate_name") == "median":
        name = x["run_name"].split("/")[0]
        b[name] = x["cpu_time"]
        if name == "TagOverSegmentInTurn":
            turn = x
print(f"segment {b['Segment']:.0f} ms, tag (full lexicon) {b['TagFull']:.0f} ms, "
      f"tag (10,000 synthetic) {b['TagSynthetic']:.0f} ms")
print(f"ratio tagging / segmentation:   {b['TagFull'] / b['Segment']:.2f} (target <= 1.5)")
print(f"  the same, the two in turn document by document: {turn['ratio']:.2f} "
      f"(segment {turn['segment_ms']:.0f} ms, tag {turn['tag_ms']:.0f} ms)")
print(f"ratio synthetic 10k / full:     {b['TagSynthetic'] / b['TagFull']:.2f} (target <= 1.2)")
PY

echo "== lexicon load and compile, as a new process does it (median of 11, CPU time)"
# `hstag lexicon list` with a config of the shipped lexicons and the lexicon
# tagger, against the same command with a config of no lexicons and no
# tagger: the difference is loading and compiling the lexicons (and freeing
# them at exit). Inside one process the parsed lexicons are kept in memory,
# so a benchmark loop there would time a memory look-up after its first turn.
lexonly=$cache/lexicon_only.yaml nolex=$cache/no_lexicons.yaml
printf 'lexicons: [%s/lexicons/hs.yaml, %s/lexicons/actors.yaml, %s/lexicons/states.yaml]\ntaggers: [lexicon]\n' \
  "$root" "$root" "$root" > "$lexonly"
printf 'lexicons: []\ntaggers: []\n' > "$nolex"
cpu_ms() {  # median CPU ms (user + sys) of 11 runs of: hstag ARGS...
  local TIMEFORMAT='%3U %3S' i t
  for ((i = 0; i < 11; i++)); do
    t=$( { time "$build/bin/hstag" "$@" > /dev/null 2>&1; } 2>&1 )
    awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.1f\n", (a[1] + a[2]) * 1000 }'
  done | sort -n | awk '{a[NR] = $1} END {print a[6]}'
}
base=$(HSTAG_CACHE_DIR=$cache cpu_ms lexicon list --config "$nolex")
cold=$(HSTAG_CACHE_DIR=off cpu_ms lexicon list --config "$lexonly")
HSTAG_CACHE_DIR=$cache "$build/bin/hstag" lexicon list --config "$lexonly" > /dev/null
warm=$(HSTAG_CACHE_DIR=$cache cpu_ms lexicon list --config "$lexonly")
awk -v b="$base" -v c="$cold" -v w="$warm" 'BEGIN {
  printf "process without lexicons %.1f ms; load+compile %.1f ms with the disk cache of parsed lexicons (target < 50), %.1f ms without (a first run)\n", b, w - b, c - b
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
# Each round's ratio is of two runs a second apart; on a shared host whose
# speed drifts, their median is steadier than the ratio of the two medians
# (printed too).
ratios=()
for ((r = 0; r < rounds; r++)); do
  ratios+=("$(awk -v h="${hs[r]}" -v g="${rgs[r]}" 'BEGIN { printf "%.4f", h / g }')")
done
h=$(median "${hs[@]}") g=$(median "${rgs[@]}") q=$(median "${ratios[@]}")
awk -v q="$q" -v h="$h" -v g="$g" 'BEGIN {
  printf "ratio hstag analyze / rg: %.2f, the median of the rounds (target <= 2.5); of the medians %.2f (hstag %.3f s, rg %.3f s)\n", q, h / g, h, g
}'
