#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the `release` preset (the hstag command only) and makes its Debian
# package with CPack, dist/hstag_<version>_<arch>.deb, then checks it with
# lintian (any error fails). What the package holds and its control fields:
# core/cmake/HstagPackage.cmake. Install it with
#   sudo apt-get install ./dist/hstag_<version>_amd64.deb
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/release

scripts/build.sh release hstag
rm -rf "$build/cpack"
cpack --config "$build/CPackConfig.cmake" -B "$build/cpack" >"$build/cpack.log" 2>&1 ||
  { cat "$build/cpack.log" >&2; echo "package: cpack failed (log above, $build/cpack.log)" >&2; exit 1; }
debs=("$build"/cpack/hstag_*.deb)
if [[ ${#debs[@]} != 1 || ! -f ${debs[0]} ]]; then
  echo "package: cpack made no single hstag_*.deb in $build/cpack: ${debs[*]}" >&2
  exit 1
fi
mkdir -p dist
rm -f dist/hstag_*.deb
deb=dist/$(basename "${debs[0]}")
mv "${debs[0]}" "$deb"

if command -v lintian >/dev/null; then
  echo "package: lintian $deb"
  lintian --fail-on error "$deb" 2> >(grep -v 'running with root privileges' >&2) ||
    { echo "package: lintian finds errors in $deb (above)" >&2; exit 1; }
else
  echo "package: no lintian here (scripts/setup.sh installs it): $deb is not checked"
fi
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB); install it with: sudo apt-get install ./$deb"
