#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer harness of the `fuzz` preset (tests/fuzz/README.md).
#   tests/fuzz/run.sh HARNESS [SECONDS] [SEED_DIR...]
# New inputs go to $FUZZ_WORK/HARNESS (default build/fuzz/work); crashes to
# $FUZZ_WORK/HARNESS-artifacts/. The kept corpus and regressions are read too.
# FUZZ_FLAGS adds libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" to go on
# after a finding.
set -eu
h=$1
seconds=${2:-600}
[ $# -ge 2 ] && shift 2 || shift $#
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=${FUZZ_WORK:-$top/build/fuzz/work}
mkdir -p "$work/$h" "$work/$h-artifacts"
set --  "$@"
for d in "$here/corpus/$h" "$here/regressions/$h"; do
  [ -d "$d" ] && set -- "$d" "$@"
done
dict=
case $h in
  xml) dict=-dict=$here/dicts/xml.dict ;;
  html) dict=-dict=$here/dicts/html.dict ;;
  pdf) dict=-dict=$here/dicts/pdf.dict ;;
  lexicon | regex_rules) dict=-dict=$here/dicts/yaml.dict ;;
esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec nice -n 19 "$top/build/fuzz/bin/fuzz_$h" -max_total_time="$seconds" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 -artifact_prefix="$work/$h-artifacts/" $dict ${FUZZ_FLAGS:-} \
  "$work/$h" "$@"
