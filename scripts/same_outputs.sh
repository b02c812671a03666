#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs two builds of hstag over the same inputs and compares every output
# byte for byte: for a change that must not change what hstag writes (a
# refactoring, a speed-up).
#
#   scripts/same_outputs.sh OLD_HSTAG NEW_HSTAG [CORPUS_DIR] [WORK_DIR]
#
# CORPUS_DIR defaults to ../shared/corpus (samples/ alone when it is absent).
# What is compared, each as the old and the new build write it:
#   - analyze of samples/ and of each corpus folder to stdout (JSON Lines, and
#     indented JSON with --emit-text), with the exit code and stderr;
#   - a whole batch run with --out and --format html (every file under OUT:
#     docs, reports, index, corpus.jsonl, matrix.csv, annotations.csv,
#     errors.jsonl, run.json), then --resume into the same folder;
#   - two shards and their merge; a per10k matrix;
#   - extract (text and JSON) of every PDF and XML file;
#   - lexicon list and check, compare (table and JSON), report of one and two
#     documents, eval on the gold set, sample with a seed.
# Times in run.json and state.jsonl and the dates in HTML pages are blanked
# before comparing.
# Exit 0 when every output is the same; else the differing files are listed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
old="$(realpath "$1")"
new="$(realpath "$2")"
corpus="${3:-$here/../shared/corpus}"
work="${4:-$(mktemp -d)}"

inputs=("$here/samples")
if [ -d "$corpus" ]; then
  corpus="$(realpath "$corpus")"
  for d in txt pdf xml; do [ -d "$corpus/$d" ] && inputs+=("$corpus/$d"); done
fi

# run NAME BIN ARGS...: stdout, stderr and the exit code of one command.
run() {
  local dir="$1" name="$2"
  shift 2
  local rc=0
  "$@" >"$dir/$name.out" 2>"$dir/$name.err" || rc=$?
  echo "$rc" >"$dir/$name.rc"
}

outputs() {
  local bin="$1" dir="$2"
  rm -rf "$dir"
  mkdir -p "$dir"
  cd "$here"
  local k=0
  for in in "${inputs[@]}"; do
    k=$((k + 1))
    run "$dir" "jsonl.$k" "$bin" analyze "$in" --format jsonl --jobs 2 --quiet
    run "$dir" "json.$k" "$bin" analyze "$in" --format json --emit-text --jobs 2
  done
  run "$dir" batch "$bin" analyze "${inputs[@]}" --out "$dir/OUT" --format html --jobs 2
  run "$dir" resume "$bin" analyze "${inputs[@]}" --out "$dir/OUT" --format html --jobs 2 --resume
  run "$dir" per10k "$bin" analyze "${inputs[@]}" --out "$dir/P10K" --matrix-values per10k --jobs 2 --quiet
  run "$dir" shard1 "$bin" analyze "${inputs[@]}" --out "$dir/S1" --shard 1/2 --jobs 2 --quiet
  run "$dir" shard2 "$bin" analyze "${inputs[@]}" --out "$dir/S2" --shard 2/2 --jobs 2 --quiet
  run "$dir" merge "$bin" merge "$dir/S1" "$dir/S2" --out "$dir/MERGED"
  k=0
  while IFS= read -r f; do
    k=$((k + 1))
    run "$dir" "extract.$k" "$bin" extract "$f"
    run "$dir" "extract-json.$k" "$bin" extract --format json "$f"
  done < <(find "${inputs[@]}" -type f \( -name '*.pdf' -o -name '*.xml' -o -name '*.xhtml' -o -name '*.html' \) | sort)
  run "$dir" lexicon-list "$bin" lexicon list
  run "$dir" lexicon-check "$bin" lexicon check
  local a="$here/samples/txt/ungdc_JPN_75_2020.txt" b="$here/samples/txt/ungdc_THA_69_2014.txt"
  run "$dir" compare "$bin" compare "$a" "$b"
  run "$dir" compare-json "$bin" compare "$a" "$b" --format json
  run "$dir" report1 "$bin" report "$a" -o "$dir/report1.html"
  run "$dir" report2 "$bin" report "$a" "$b" -o "$dir/report2.html"
  if [ -d "$corpus" ]; then
    run "$dir" eval "$bin" eval tests/eval/gold/gold.jsonl --split test --sources "$(dirname "$corpus")"
    run "$dir" eval-json "$bin" eval tests/eval/gold/gold.jsonl --format json --sources "$(dirname "$corpus")"
  fi
  run "$dir" sample "$bin" sample "$dir/sample.csv" "$here/samples" --per-concept 3 --seed 7 --jobs 2
  # What differs by design: the clock, and the folders the two runs wrote to.
  find "$dir" -type f \( -name 'run.json' -o -name '*.html' \) -print0 |
    xargs -0 -r sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/<time>/g'
  find "$dir" -type f -name 'state.jsonl' -print0 |
    xargs -0 -r sed -i -E 's/"started_ns":[0-9]+/"started_ns":<time>/'
  find "$dir" -type f -print0 | xargs -0 -r sed -i "s#$dir#<dir>#g"
  # The progress lines of a log depend on the speed of the run.
  find "$dir" -type f -name '*.err' -print0 |
    xargs -0 -r sed -i -E '/^hstag: [0-9]+\/[0-9]+ documents, /d' 
}

# With the same WORK_DIR, the old build's outputs are made once and kept
# (delete WORK_DIR/old to make them again).
[ -f "$work/old/.complete" ] || { outputs "$old" "$work/old" && touch "$work/old/.complete"; }
outputs "$new" "$work/new"
if diff -r -q -x .complete "$work/old" "$work/new"; then
  echo "same_outputs: the same: $(find "$work/old" -type f | wc -l) files ($(du -sh "$work/old" | cut -f1)) in $work"
else
  echo "same_outputs: DIFFERENT (see diff -r $work/old $work/new)"
  exit 1
fi
