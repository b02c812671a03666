#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's Slurm job array ("Beyond one machine") on a real one-node
# cluster of this machine (scripts/slurm-local.sh), on documents made here:
#
#   slurm_test.sh array  HSTAG SOURCE_DIR  # sbatch --wait the 3-task array,
#       hstag merge the shards: the same outputs as one hstag analyze run
#   slurm_test.sh resume HSTAG SOURCE_DIR  # scancel one task mid-run, submit
#       it again alone (--resume), merge: the same as one run
#
# Exit 77 (ctest: skipped) when Slurm is not installed or its daemons do not
# start here, with the reason; with CI=true in the environment that fails
# instead. The cluster is stopped however the test ends (but for SIGKILL:
# the waits below give up before ctest's TIMEOUT of 600 s).
set -euo pipefail
if [ $# -ne 3 ] || { [ "$1" != array ] && [ "$1" != resume ]; }; then
  echo "usage: $0 array|resume HSTAG SOURCE_DIR" >&2
  exit 2
fi
mode=$1
hstag=$(realpath "$2")
source_dir=$(cd "$3" && pwd)
slurm_local=$source_dir/scripts/slurm-local.sh
tasks=3

say() { echo "slurm_test[$mode]: $*"; }
fail() {
  echo "slurm_test[$mode]: FAIL: $*" >&2
  exit 1
}
skip() {
  if [ "${CI:-}" = true ]; then fail "Slurm cannot run here, and CI=true does not skip: $*"; fi
  say "SKIP: $*"
  exit 77
}

export PATH="$PATH:/usr/sbin:/sbin"
for cmd in munged slurmctld slurmd sbatch squeue scancel sinfo; do
  command -v "$cmd" >/dev/null || skip "$cmd is not installed (scripts/setup.sh installs slurm-wlm and munge)"
done
command -v python3 >/dev/null || fail "python3 is needed to compare run.json"

work=$(mktemp -d "${TMPDIR:-/tmp}/hstag-slurm.XXXXXX")
# munged wants every folder above its socket searchable by all.
chmod 755 "$work"
cluster=$work/cluster
cleanup() {
  local rc=$?
  if [ -d "$cluster" ]; then "$slurm_local" stop "$cluster" || true; fi
  if [ "$rc" = 0 ] || [ "$rc" = 77 ]; then
    rm -rf "$work"
  else
    echo "slurm_test[$mode]: the test's folder is kept: $work" >&2
  fi
}
trap cleanup EXIT
trap "exit 143" TERM INT HUP

# make_docs DIR COUNT REPEAT: COUNT distinct text documents (each with its
# own first line, so that none is a duplicate of another), each the samples
# of samples/txt REPEAT times, rotated.
samples=()
for f in "$source_dir"/samples/txt/ungdc_*.txt "$source_dir"/samples/txt/typography.txt; do
  samples+=("$(cat "$f")")
done
# make_doc DIR I REPEAT: the document statement-I.txt of such a corpus.
make_doc() {
  local dir=$1 i=$2 repeat=$3 r
  {
    printf 'Statement %d of the test corpus.\n\n' "$i"
    for ((r = 0; r < repeat; r++)); do printf '%s\n\n' "${samples[(i + r) % ${#samples[@]}]}"; done
  } >"$dir/statement-$i.txt"
}
make_docs() {
  local dir=$1 count=$2 repeat=$3 i
  mkdir -p "$dir"
  for ((i = 1; i <= count; i++)); do make_doc "$dir" "$i" "$repeat"; done
}

# The README's job script, with this build's hstag (HSTAG, exported with the
# folders into the jobs' environment: sbatch passes it on). --shard slurm/N
# takes K from the task's ID, so that the same script serves a task
# submitted again alone (sbatch --array=K).
cat >"$work/hstag.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=hstag
"\$HSTAG" analyze "\$HSTAG_IN" --shard slurm/$tasks --jobs "\$SLURM_CPUS_PER_TASK" \\
  --out "\$HSTAG_OUT/shard-\$SLURM_ARRAY_TASK_ID" --resume
EOF
export HSTAG=$hstag HSTAG_IN=$work/in HSTAG_OUT=$work/out
mkdir -p "$work/logs" "$HSTAG_OUT"
sbatch_args=(--cpus-per-task=1 --mem=1G --chdir="$work" --output="$work/logs/%x-%A_%a.out")

# job_logs: what the jobs wrote, for a failure's message.
job_logs() {
  local f
  for f in "$work"/logs/*.out; do
    [ -f "$f" ] || continue
    echo "--- $f:"
    tail -n 20 "$f"
  done
}

# docs_in DIR: how many documents an output folder has.
docs_in() {
  if [ -d "$1/docs" ]; then find "$1/docs" -name '*.json' | wc -l; else echo 0; fi
}

# same_as_single MERGED SINGLE: the merged shards are what one run wrote:
# corpus.jsonl, matrix.csv, annotations.csv and errors.jsonl byte for byte,
# the shards' docs/ together as the run's docs/, and run.json but for what
# differs by design (times, jobs, resume, where the merge came from).
same_as_single() {
  local merged=$1 single=$2 f
  for f in corpus.jsonl matrix.csv annotations.csv errors.jsonl; do
    cmp "$merged/$f" "$single/$f" || fail "$f of the merged shards differs from one run's (diff $merged/$f $single/$f)"
  done
  mkdir -p "$work/shard-docs"
  for f in "$HSTAG_OUT"/shard-*/docs; do cp -r "$f/." "$work/shard-docs/"; done
  diff -r -q "$work/shard-docs" "$single/docs" >&2 ||
    fail "the shards' docs/ differ from one run's docs/"
  python3 - "$merged/run.json" "$single/run.json" <<'PY' || fail "run.json of the merged shards differs from one run's"
import json, sys
def load(path):
    run = json.load(open(path))
    for key in ("started", "finished", "merged_from"):
        run.pop(key, None)
    for key in ("jobs", "resume"):
        run.get("options", {}).pop(key, None)
    run.get("counts", {}).pop("not_started", None)
    return run
merged, single = load(sys.argv[1]), load(sys.argv[2])
for key in sorted(set(merged) | set(single)):
    if merged.get(key) != single.get(key):
        print(f"run.json: {key}: merged {json.dumps(merged.get(key))[:300]}, "
              f"one run {json.dumps(single.get(key))[:300]}", file=sys.stderr)
        sys.exit(1)
PY
  say "the merged shards equal one run: $(wc -l <"$single/corpus.jsonl") documents, $(($(wc -l <"$single/annotations.csv") - 1)) annotations"
}

# gone JOB: squeue no longer lists JOB (ended, or already forgotten).
gone() {
  local out
  out=$(squeue -h -j "$1" -o %i 2>/dev/null) || return 0
  [ -z "$out" ]
}

# wait_gone JOB SECONDS
wait_gone() {
  local t
  for ((t = 0; t < $2 * 5; t++)); do
    gone "$1" && return 0
    sleep 0.2
  done
  fail "job $1 still in the queue after $2 s: $(squeue -j "$1" 2>&1); $(job_logs)"
}

SECONDS=0
K=2  # the task that is cancelled (resume)
if [ "$mode" = array ]; then
  make_docs "$HSTAG_IN" 45 1
else
  # Task K has seconds of work (its documents 30 times the others' size:
  # about 4 s on one core), so that it is cancelled mid-run; the others have
  # a fraction of that. Which documents are in shard K depends on their
  # names only: hstag tells by analysing small ones first.
  make_docs "$HSTAG_IN" 300 1
  "$hstag" analyze "$HSTAG_IN" --shard "$K/$tasks" --out "$work/probe" --quiet ||
    fail "hstag analyze --shard $K/$tasks failed"
  in_k=$(docs_in "$work/probe")
  for f in "$work"/probe/docs/*.json; do
    f=$(basename "$f" .txt.json)
    make_doc "$HSTAG_IN" "${f#statement-}" 30
  done
  rm -rf "$work/probe"
fi
say "$(find "$HSTAG_IN" -type f | wc -l) documents ($(du -sh "$HSTAG_IN" | cut -f1)) made in ${SECONDS} s in $HSTAG_IN"

SECONDS=0
"$slurm_local" start "$cluster" >"$work/start.log" 2>&1 ||
  skip "the one-node Slurm cluster did not start: $(cat "$work/start.log")"
# shellcheck source=/dev/null
source "$cluster/env"
say "cluster up in ${SECONDS} s: $(tail -n 1 "$work/start.log")"

case "$mode" in
  array)
    SECONDS=0
    timeout 300 sbatch --wait --array=1-$tasks "${sbatch_args[@]}" "$work/hstag.sbatch" >"$work/sbatch.log" 2>&1 ||
      fail "the job array failed: $(cat "$work/sbatch.log"); $(job_logs)"
    say "job array of $tasks tasks done in ${SECONDS} s ($(cat "$work/sbatch.log"))"
    for ((k = 1; k <= tasks; k++)); do
      n=$(docs_in "$HSTAG_OUT/shard-$k")
      [ -f "$HSTAG_OUT/shard-$k/run.json" ] || fail "task $k wrote no run.json; $(job_logs)"
      [ "$n" -ge 3 ] || fail "shard $k has $n documents: too few for the test to mean something"
      say "shard $k: $n documents"
    done
    ;;
  resume)
    SECONDS=0
    job=$(sbatch --parsable --array=1-$tasks "${sbatch_args[@]}" "$work/hstag.sbatch") ||
      fail "sbatch refused the job array"
    job=${job%%;*}
    task=${job}_$K
    docs=$HSTAG_OUT/shard-$K
    # Until task K has finished its first document: its JSON and its
    # journal line (squeue once a second).
    for ((t = 0; ; t++)); do
      grep -q '"relative"' "$docs/state.journal.jsonl" 2>/dev/null && break
      if ((t % 20 == 0)); then
        ((SECONDS < 120)) || fail "task $task wrote no document in 120 s; $(job_logs)"
        gone "$task" && fail "task $task ended before it wrote a document; $(job_logs)"
      fi
      sleep 0.05
    done
    state=$(squeue -h -j "$task" -o %T 2>/dev/null || true)
    [ "$state" = RUNNING ] || fail "task $task is not running when it should be cancelled (${state:-gone}; $(docs_in "$docs") documents)"
    scancel "$task"
    wait_gone "$task" 60
    partial=$(docs_in "$docs")
    # What the run promises to keep: the documents of its journal. A
    # document whose JSON was written but not yet its journal line when the
    # task was killed is analysed again (its JSON may be cut short).
    [ -f "$docs/state.journal.jsonl" ] || fail "the cancelled task left no state.journal.jsonl"
    journaled=$(grep -c '"relative"' "$docs/state.journal.jsonl" || true)
    grep -q "CANCELLED" "$work"/logs/hstag-"${job}"_"$K".out ||
      fail "task $task's log does not say it was cancelled: $(job_logs)"
    say "task $task cancelled while running, with $partial document(s) in its docs/, $journaled in its journal (at $SECONDS s)"
    [ "$journaled" -le "$partial" ] || fail "the journal has $journaled documents, docs/ only $partial"
    wait_gone "$job" 180
    say "the other tasks done at $SECONDS s"
    for ((k = 1; k <= tasks; k++)); do
      [ "$k" = "$K" ] || [ -f "$HSTAG_OUT/shard-$k/run.json" ] || fail "task $k wrote no run.json; $(job_logs)"
    done
    # Task K again, alone, into the same folder.
    timeout 180 sbatch --wait --array="$K" "${sbatch_args[@]}" "$work/hstag.sbatch" >"$work/sbatch.log" 2>&1 ||
      fail "task $K submitted again failed: $(cat "$work/sbatch.log"); $(job_logs)"
    whole=$(docs_in "$docs")
    skipped=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["counts"]["skipped"])' "$docs/run.json")
    say "task $K again ($(cat "$work/sbatch.log")): $whole documents in its shard, $skipped of them kept from the cancelled run (at $SECONDS s)"
    [ "$whole" = "$in_k" ] || fail "shard $K has $whole documents, not $in_k"
    if [ "$journaled" -eq 0 ] || [ "$partial" -ge "$whole" ]; then
      fail "task $K was not cancelled mid-run: $journaled of its $whole documents were done"
    fi
    [ "$skipped" = "$journaled" ] ||
      fail "--resume kept $skipped documents of the cancelled task, whose journal had $journaled"
    ;;
esac

SECONDS=0
"$hstag" merge "$HSTAG_OUT"/shard-* --out "$work/all" >"$work/merge.log" 2>&1 ||
  fail "hstag merge failed: $(cat "$work/merge.log")"
"$hstag" analyze "$HSTAG_IN" --out "$work/single" --quiet >"$work/single.log" 2>&1 ||
  fail "the single run failed: $(cat "$work/single.log")"
same_as_single "$work/all" "$work/single"
say "merge and one run in ${SECONDS} s"
