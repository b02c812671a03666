#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two builds of hstag side by side, for a change that must not make hstag
# slower (a refactoring): each figure is measured on the old and the new
# build in turn, ROUNDS times (which goes first alternates), and the new
# build's median is compared with the old build's round-to-round range.
# Figures (wall time unless said):
#   stream    analyze the speeches, --jobs 1, JSON Lines to /dev/null
#   batch1    analyze the whole corpus into a new OUT, --jobs 1
#   batch2    the same, --jobs 2
#   extract   hstag extract of every PDF, one process each
#   start     CPU time of `hstag lexicon list` (the pipeline built, median of 7)
#   bench     with OLD_BENCH and NEW_BENCH (tests/bench/lexicon_bench of each
#             build): its Segment, TagFull and TagOverSegmentInTurn medians
#
#   scripts/bench_builds.sh OLD_HSTAG NEW_HSTAG [ROUNDS] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
rounds=${3:-5}
corpus=$(realpath "${4:-$root/../shared/corpus}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t pdfs < <(find "$corpus/pdf" -maxdepth 1 -name '*.pdf' | sort)

wall() {  # seconds of: ARGS...
  local TIMEFORMAT='%3R' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  echo "$t"
}
figure() {  # figure NAME BIN: one measurement
  local name=$1 bin=$2
  case $name in
    stream) wall "$bin" analyze "$corpus/txt/ungdc" --jobs 1 --format jsonl -q ;;
    batch1) wall "$bin" analyze "$corpus" --out "$(mktemp -u "$tmp/out.XXXXXX")" --jobs 1 -q ;;
    batch2) wall "$bin" analyze "$corpus" --out "$(mktemp -u "$tmp/out.XXXXXX")" --jobs 2 -q ;;
    extract)
      local TIMEFORMAT='%3R' t
      t=$( { time for f in "${pdfs[@]}"; do "$bin" extract "$f" >/dev/null 2>&1 || true; done; } 2>&1 )
      echo "$t" ;;
    start)
      local TIMEFORMAT='%3U %3S' i t
      for ((i = 0; i < 7; i++)); do
        t=$( { time "$bin" lexicon list >/dev/null 2>&1; } 2>&1 )
        awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.4f\n", a[1] + a[2] }'
      done | sort -n | awk '{a[NR] = $1} END {print a[4]}' ;;
  esac
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
report() {  # report NAME UNIT OLD... -- NEW...
  local name=$1 unit=$2
  shift 2
  local o=() n=()
  while [ "$1" != "--" ]; do o+=("$1"); shift; done
  shift
  n=("$@")
  local lo hi om nm
  lo=$(printf '%s\n' "${o[@]}" | sort -g | head -1)
  hi=$(printf '%s\n' "${o[@]}" | sort -g | tail -1)
  om=$(median "${o[@]}")
  nm=$(median "${n[@]}")
  awk -v name="$name" -v unit="$unit" -v lo="$lo" -v hi="$hi" -v om="$om" -v nm="$nm" 'BEGIN {
    verdict = nm <= hi ? (nm >= lo ? "inside the old range" : "below the old range (faster)") : "ABOVE the old range"
    printf "%-26s old %.3f %s (range %.3f to %.3f), new %.3f %s: %s (new/old %.3f)\n", name, om, unit, lo, hi, nm, unit, verdict, nm / om
  }'
}

echo "== $rounds rounds, old $old, new $new"
for name in stream batch1 batch2 extract start; do
  o=() n=()
  for ((r = 0; r < rounds; r++)); do
    if ((r % 2 == 0)); then
      o+=("$(figure $name "$old")") n+=("$(figure $name "$new")")
    else
      n+=("$(figure $name "$new")") o+=("$(figure $name "$old")")
    fi
  done
  report "$name" s "${o[@]}" -- "${n[@]}"
done

if [ -n "${OLD_BENCH:-}" ] && [ -n "${NEW_BENCH:-}" ]; then
  declare -A ob nb
  for ((r = 0; r < rounds; r++)); do
    for side in old new; do
      [ $((r % 2)) -eq 1 ] && side=$([ "$side" = old ] && echo new || echo old)
      bench=$([ "$side" = old ] && echo "$OLD_BENCH" || echo "$NEW_BENCH")
      json=$tmp/bench.json
      "$bench" --benchmark_format=json --benchmark_out="$json" >/dev/null 2>&1
      while read -r key value; do
        if [ "$side" = old ]; then ob[$key]+="$value "; else nb[$key]+="$value "; fi
      done < <(/usr/bin/python3 - "$json" <<'PY'
import json, sys
for x in json.load(open(sys.argv[1]))["benchmarks"]:
    name = x["run_name"].split("/")[0]
    if name in ("Segment", "TagFull", "TagOverSegmentInTurn"):
        print(name, x["cpu_time"])
PY
)
    done
  done
  for key in Segment TagFull TagOverSegmentInTurn; do
    # shellcheck disable=SC2086
    report "bench $key" ms ${ob[$key]} -- ${nb[$key]}
  done
fi
