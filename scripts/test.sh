#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds, and runs the whole test suite (ctest) twice: on the normal
# build, then on the AddressSanitizer + UndefinedBehaviorSanitizer build
# (preset `asan`), where any report fails the test that caused it. CI runs
# exactly this. `scripts/test.sh default` runs the normal build's suite only.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=("${@:-default asan}")
for preset in ${presets[*]}; do
  echo "== build and test: preset $preset"
  scripts/build.sh "$preset"
  ctest --preset "$preset"
done
