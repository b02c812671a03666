#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start: sets up, builds the hstag command (only it: the test suite is
# scripts/test.sh's), and runs it over samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default hstag
out=out/samples
rm -rf "$out"
echo
echo "hstag analyze samples --out $out"
rc=0
build/default/bin/hstag analyze samples --out "$out" \
  --include '*.txt' --include '*.pdf' --include '*.xml' --include '*.xhtml' --include '*.html' \
  || rc=$?
echo
echo "One JSON document per input is in $out/docs/; try:"
echo "  build/default/bin/hstag analyze samples/txt/typography.txt | less"
exit $rc
