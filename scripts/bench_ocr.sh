#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# OCR time: `hstag extract --ocr force` against what it does by other means,
# `pdftoppm -r 300 FILE` then the `tesseract` command on each page image,
# both on one thread (OMP_THREAD_LIMIT=1) and one file at a time, rounds
# alternating which goes first, medians compared. Wall time is the measure;
# CPU time (user + system) is printed too, steadier on a busy machine. The
# target is a ratio of at most 1.3.
#
#   scripts/bench_ocr.sh [PDF...]
#
# Without PDFs: samples/pdf/scanned.pdf and, when the OCR accuracy test has
# made it, its three-page scan (build/default/tests/plugins/pdf/
# ocr_accuracy/ocr_accuracy_scan.pdf). ROUNDS (default 3) rounds; HSTAG names
# the binary (default build/release/bin/hstag, else build/default/bin/hstag).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-3}
hstag=${HSTAG:-$root/build/release/bin/hstag}
[ -x "$hstag" ] || hstag=$root/build/default/bin/hstag
[ -x "$hstag" ] || { echo "no hstag binary (set HSTAG)" >&2; exit 1; }
for tool in pdftoppm tesseract; do
  command -v $tool > /dev/null || { echo "$tool is not installed (scripts/setup.sh)" >&2; exit 1; }
done
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$root/samples/pdf/scanned.pdf")
  accuracy=$root/build/default/tests/plugins/pdf/ocr_accuracy/ocr_accuracy_scan.pdf
  [ -f "$accuracy" ] && files+=("$accuracy")
fi
export OMP_THREAD_LIMIT=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One pass over the files; prints "wall_ms cpu_ms".
run() {
  local kind=$1 TIMEFORMAT='%3R %3U %3S' t
  t=$( { time (
    for f in "${files[@]}"; do
      case $kind in
        hstag) "$hstag" extract --ocr force "$f" > /dev/null ;;
        tools)
          rm -f "$tmp"/page*
          pdftoppm -r 300 "$f" "$tmp/page"
          for p in "$tmp"/page*; do tesseract "$p" - > /dev/null 2>&1; done
          ;;
      esac
    done
  ); } 2>&1)
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<< "$t"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

pages=0
for f in "${files[@]}"; do
  pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done
echo "${#files[@]} file(s), $pages page(s), $rounds round(s), OMP_THREAD_LIMIT=1"
: > "$tmp/hstag.wall"; : > "$tmp/hstag.cpu"; : > "$tmp/tools.wall"; : > "$tmp/tools.cpu"
for ((r = 1; r <= rounds; r++)); do
  order=(hstag tools)
  [ $((r % 2)) -eq 0 ] && order=(tools hstag)
  for kind in "${order[@]}"; do
    read -r wall cpu < <(run "$kind")
    echo "$wall" >> "$tmp/$kind.wall"
    echo "$cpu" >> "$tmp/$kind.cpu"
    echo "  round $r $kind: ${wall} ms wall, ${cpu} ms CPU"
  done
done
hw=$(median < "$tmp/hstag.wall"); hc=$(median < "$tmp/hstag.cpu")
tw=$(median < "$tmp/tools.wall"); tc=$(median < "$tmp/tools.cpu")
echo "hstag extract --ocr force: $hw ms wall, $hc ms CPU (median)"
echo "pdftoppm -r 300 + tesseract: $tw ms wall, $tc ms CPU (median)"
awk -v a="$hw" -v b="$tw" -v c="$hc" -v d="$tc" \
  'BEGIN {printf "ratio: %.2f wall, %.2f CPU (target: at most 1.3)\n", a / b, c / d}'
