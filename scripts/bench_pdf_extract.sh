#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `hstag extract` against plain `pdftotext FILE -` (the same reading-order
# mode) over every PDF of a folder, side by side in one run: one process per
# file for both, rounds rotating which goes first, medians compared. Wall
# time is the measure; CPU time (user + system) is printed too, as it is
# steadier on a busy machine.
#
#   scripts/bench_pdf_extract.sh [PDF_DIR] [ROUNDS]
#
# PDF_DIR defaults to ../shared/corpus/pdf beside the checkout, ROUNDS to 5.
# HSTAG names the binary (default build/release/bin/hstag, from
# `cmake --preset release`); HSTAG_DATA_DIR is passed on. The target is a
# ratio of at most 1.3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus/pdf}
rounds=${2:-5}
hstag=${HSTAG:-$root/build/release/bin/hstag}

[ -x "$hstag" ] || { echo "no hstag binary at $hstag (set HSTAG)" >&2; exit 1; }
command -v pdftotext > /dev/null || { echo "pdftotext is not installed" >&2; exit 1; }
mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.pdf' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no PDF in $dir" >&2; exit 1; }

# One loop over the files; prints "wall_ms cpu_ms".
run_loop() {
  local kind=$1 TIMEFORMAT='%3R %3U %3S' t
  t=$( { time (
    for f in "${files[@]}"; do
      case $kind in
        pdftotext) pdftotext "$f" - ;;
        hstag) "$hstag" extract "$f" || true ;;
      esac
    done > /dev/null 2>&1
  ); } 2>&1)
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<< "$t"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# Warm the page cache and the binaries.
for k in pdftotext hstag; do run_loop $k > /dev/null; done

kinds=(pdftotext hstag)
declare -A wall cpu
for ((r = 0; r < rounds; r++)); do
  line="round $((r + 1)):"
  for ((i = 0; i < 2; i++)); do
    k=${kinds[$(((i + r) % 2))]}
    read -r w c < <(run_loop "$k")
    wall[$k]+="$w "
    cpu[$k]+="$c "
    line+=" $k ${w} ms (cpu ${c});"
  done
  echo "$line"
done

# shellcheck disable=SC2086
{
  p=$(median ${wall[pdftotext]}) h=$(median ${wall[hstag]})
  pc=$(median ${cpu[pdftotext]}) hc=$(median ${cpu[hstag]})
}
echo
echo "files: ${#files[@]} in $dir; rounds: $rounds; medians in ms (wall / cpu)"
echo "pdftotext:                          $p / $pc"
echo "hstag extract:                      $h / $hc"
awk -v p="$p" -v h="$h" -v pc="$pc" -v hc="$hc" 'BEGIN {
  printf "ratio hstag extract / pdftotext:   %.2f wall, %.2f cpu (target <= 1.30)\n", h / p, hc / pc
}'
