#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Archive-scale runs on the speeches (../shared/corpus/txt: 1,182 files,
# 20 MB), one worker, every command side by side in each round:
#   stream   hstag analyze DIR --jobs 1 --format jsonl > /dev/null
#   out      hstag analyze DIR --jobs 1 --out NEW        (a new folder)
#   resume   the same into that folder with --resume, nothing changed
#   changed  1% of the files changed in content, then --resume again
#   start    hstag analyze ONE_SMALL_FILE --out NEW      (the process's start-up)
#   rg       rg -o -i -w -j1 -f tests/bench/codebook_terms.txt DIR
# Each ratio is taken within a round, and the medians of the rounds' ratios
# are reported with their targets: out / stream <= 1.3; (resume - start) /
# out <= 0.05; (changed - start) / out <= 0.10; out / rg <= 2.5; stream / rg
# <= 2.0. Also: bytes written per document, and the peak memory of each
# process (GNU time).
#
#   scripts/bench_archive.sh [DIR] [ROUNDS]
#
# DIR is copied to a scratch folder first (the changes are made to the
# copy). Every round writes to new folders, and none is deleted before the
# end: on an ext4 file system without a journal, the inode allocator skips
# the inodes freed in the last minute (six, while their inode table block
# is not written back), reading them again for each new file
# (fs/ext4/ialloc.c, recently_deleted), so a run that creates 1,182 files
# just after 1,182 were deleted spends a third of its time in openat. For
# the same reason, give it a scratch folder (TMPDIR) where nothing was
# deleted in the last minutes: the cleanup of an earlier run of it in /tmp
# slows the next one there.
# Then the walk and the plan of a run over 10,000 and 100,000 small
# synthetic files (tests/bench/plan_bench.cc): their time per 1,000
# documents. Builds the `release` preset with benchmarks first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$root/../shared/corpus/txt}
rounds=${2:-5}
cd "$root"
scripts/setup.sh
cmake --preset release -DHSTAG_BUILD_TESTS=ON -DHSTAG_BUILD_BENCHMARKS=ON >/dev/null
cmake --build --preset release --target hstag plan_bench >/dev/null
hstag=$root/build/release/bin/hstag
terms=$root/tests/bench/codebook_terms.txt
command -v rg >/dev/null || { echo "bench_archive: needs ripgrep (scripts/setup.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_archive: needs GNU time (scripts/setup.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src" "$tmp/in"
dir=$tmp/in
mapfile -t files < <(find "$dir" -type f | sort)
changes=$(( (${#files[@]} + 99) / 100 ))
printf 'Human security.\n' > "$tmp/one.txt"
# A file changed less than 2 s before a run is hashed by the next --resume
# (batch/state.h): the copy settles first, as an archive does.
sleep 2.1

seconds() {  # seconds CMD...: wall time of a command
  local TIMEFORMAT='%3R'
  { time "$@" > /dev/null 2>&1; } 2>&1
}
peak_mb() {  # peak_mb CMD...: the peak resident memory of a command, MB
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null 2>&1
  awk '{ printf "%.0f", $1 / 1024 }' "$tmp/rss"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
share() { awk -v a="$1" -v s="$2" -v b="$3" 'BEGIN { printf "%.4f", (a - s) / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

declare -a r_out r_resume r_changed r_out_rg r_stream_rg
for ((r = 1; r <= rounds; r++)); do
  out=$tmp/out.$r
  t_stream=$(seconds "$hstag" analyze "$dir" --jobs 1 --quiet --format jsonl)
  t_out=$(seconds "$hstag" analyze "$dir" --jobs 1 --quiet --out "$out")
  t_resume=$(seconds "$hstag" analyze "$dir" --jobs 1 --quiet --out "$out" --resume)
  for ((k = 0; k < changes; k++)); do  # other files each round
    printf '\nRound %d.\n' "$r" >> "${files[$(( (r * 7919 + k * 104729) % ${#files[@]} ))]}"
  done
  t_changed=$(seconds "$hstag" analyze "$dir" --jobs 1 --quiet --out "$out" --resume)
  t_start=$(seconds "$hstag" analyze "$tmp/one.txt" --jobs 1 --quiet --out "$tmp/start.$r")
  t_rg=$(seconds rg -o -i -w -j1 -f "$terms" "$dir")
  echo "round $r: stream $t_stream s, out $t_out s, resume $t_resume s," \
       "changed ($changes files) $t_changed s, start-up $t_start s, rg $t_rg s"
  r_out+=("$(ratio "$t_out" "$t_stream")")
  r_resume+=("$(share "$t_resume" "$t_start" "$t_out")")
  r_changed+=("$(share "$t_changed" "$t_start" "$t_out")")
  r_out_rg+=("$(ratio "$t_out" "$t_rg")")
  r_stream_rg+=("$(ratio "$t_stream" "$t_rg")")
done

docs=${#files[@]}
bytes=$(du -sb "$tmp/out.$rounds" | cut -f1)
in_bytes=$(du -sb "$dir" | cut -f1)
awk -v a="$(median "${r_out[@]}")" -v b="$(median "${r_resume[@]}")" \
    -v c="$(median "${r_changed[@]}")" -v d="$(median "${r_out_rg[@]}")" \
    -v e="$(median "${r_stream_rg[@]}")" 'BEGIN {
  printf "out / stream:                   %.2f (target <= 1.3)\n", a
  printf "unchanged --resume, less start: %.3f of a full run (target <= 0.05)\n", b
  printf "1%% changed --resume, less start: %.3f of a full run (target <= 0.10)\n", c
  printf "out / rg:                       %.2f (target <= 2.5)\n", d
  printf "stream / rg:                    %.2f (target <= 2.0)\n", e
}'
awk -v o="$bytes" -v i="$in_bytes" -v n="$docs" 'BEGIN {
  printf "written: %.1f MB for %.1f MB of text, %.1f KB per document\n", o / 1e6, i / 1e6, o / n / 1e3
}'
echo "== walk and plan on small synthetic files (Google Benchmark, per 1,000 documents)"
HSTAG_BENCH_DIR=$tmp "$root/build/release/bin/plan_bench" --benchmark_format=json \
  --benchmark_out="$tmp/plan.json" >/dev/null 2>&1
/usr/bin/python3 - "$tmp/plan.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    name, n = b["name"].split("/")[:2]
    print(f"{name:24} {int(n):>7,} files: {b['real_time']:8.1f} ms, "
          f"{1000 / b['items_per_second'] * 1000:6.2f} ms per 1,000 documents")
PY
echo "peak memory: --out --jobs 1 $(peak_mb "$hstag" analyze "$dir" --jobs 1 --quiet --out "$tmp/rss.1") MB," \
     "--jobs 2 $(peak_mb "$hstag" analyze "$dir" --jobs 2 --quiet --out "$tmp/rss.2") MB (its largest process)," \
     "streaming $(peak_mb "$hstag" analyze "$dir" --jobs 1 --quiet --format jsonl) MB"
