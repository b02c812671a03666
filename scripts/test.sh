#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds, and runs the whole test suite (ctest). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default
ctest --preset default
