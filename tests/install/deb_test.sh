#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the Debian package from this build (cpack with its CPackConfig.cmake:
# no second build), checks what it holds, installs it with apt-get, runs
# /usr/bin/hstag from another folder and removes it again. It changes the
# system, so it runs only under CI=true (as root), and not in a sanitizer
# build, whose binary needs libasan: the package is made from a normal one.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR SANITIZED(0|1)
# Exit 77 (ctest: skipped) says why it did not run.
set -euo pipefail
build=$1
source=$2
sanitized=$3

if [[ $sanitized == 1 ]]; then
  echo "deb_test: skipped: a sanitizer build; the package is made and tested from the default build"
  exit 77
fi
if [[ ${CI:-} != true ]]; then
  echo "deb_test: skipped: it installs and removes the hstag package system-wide (apt-get), so it"
  echo "runs only under CI=true; as root: CI=true ctest --preset default -R deb_package"
  exit 77
fi
fail() { echo "deb_test: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root to install the package with apt-get"
for c in cpack apt-get dpkg-deb dpkg-shlibdeps; do
  command -v "$c" >/dev/null || fail "no $c here (scripts/setup.sh installs dpkg-dev)"
done
if dpkg-query -W -f='${Status}' hstag 2>/dev/null | grep -q 'ok installed'; then
  fail "the hstag package is installed already: this test would replace and remove it (apt-get purge hstag first)"
fi

work=$(mktemp -d)
chmod 755 "$work"  # apt reads the .deb as the _apt user
installed=0
cleanup() {
  if ((installed)); then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 hstag >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The package, from the files this build installs.
cpack --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
debs=("$work"/cpack/hstag_*.deb)
[[ ${#debs[@]} == 1 && -f ${debs[0]} ]] || fail "cpack made no single hstag_*.deb: ${debs[*]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
[[ $(basename "$deb") == "hstag_${version}_$(dpkg --print-architecture).deb" ]] || fail "named $(basename "$deb")"

# What it holds: the command, its data and documentation, no development file.
dpkg-deb -c "$deb" | awk '{ print $1, $6 }' >"$work/contents"
for f in ./usr/bin/hstag ./usr/share/hstag/lexicons/pipeline.yaml ./usr/share/hstag/lexicons/hs.yaml \
  ./usr/share/hstag/schema/document.schema.json ./usr/share/man/man1/hstag.1.gz \
  ./usr/share/bash-completion/completions/hstag ./usr/share/doc/hstag/copyright \
  ./usr/share/doc/hstag/changelog.gz; do
  grep -q " $f\$" "$work/contents" || fail "the package lacks $f"
done
! grep -E ' \./usr/(include|lib)/' "$work/contents" || fail "the package holds development files (above)"
grep -q '^-rwxr-xr-x \./usr/bin/hstag$' "$work/contents" || fail "/usr/bin/hstag is not 0755"
! grep -vE '^(drwxr-xr-x|-rw-r--r--) |^-rwxr-xr-x \./usr/bin/hstag$' "$work/contents" ||
  fail "files above are neither 0644 nor directories 0755"
dpkg-deb -f "$deb" Depends | grep -q 'libc6' || fail "Depends names no libc6: dpkg-shlibdeps did not run"
mkdir "$work/x"
dpkg-deb -x "$deb" "$work/x"
! readelf -S "$work/x/usr/bin/hstag" | grep -qE '\.(symtab|debug_info)' || fail "/usr/bin/hstag is not stripped"

# Installed, from another folder, with nothing pointing at the build.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -o DPkg::Lock::Timeout=120 "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install $deb failed"; }
installed=1
test -x /usr/bin/hstag || fail "apt-get installed no /usr/bin/hstag"
cp "$source/samples/txt/typography.txt" "$work/"
cd "$work"
[[ $(env -u HSTAG_DATA_DIR /usr/bin/hstag --version) == "hstag $version" ]] || fail "hstag --version is not $version"
out=$(env -u HSTAG_DATA_DIR HSTAG_CACHE_DIR=off /usr/bin/hstag analyze typography.txt) ||
  fail "/usr/bin/hstag analyze typography.txt failed"
grep -q '"concept": "hs.concept"' <<<"$out" || fail "/usr/bin/hstag found no hs.concept in typography.txt"
grep -q '"file": "hstag:lexicons/hs.yaml"' <<<"$out" || fail "/usr/bin/hstag did not load its lexicons"
if command -v man >/dev/null; then
  [[ $(man -w hstag) == /usr/share/man/man1/hstag.1.gz ]] || fail "man -w hstag: $(man -w hstag)"
fi
bash -c 'source /usr/share/bash-completion/completions/hstag && complete -p hstag' | grep -q _hstag ||
  fail "the installed completion does not register _hstag"

# Removed: nothing of it is left.
cd /
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 hstag >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get purge hstag failed"; }
installed=0
for f in /usr/bin/hstag /usr/share/hstag /usr/share/man/man1/hstag.1.gz /usr/share/doc/hstag; do
  [[ ! -e $f ]] || fail "$f is still there after apt-get purge hstag"
done
echo "deb_test: $(basename "$deb") ($(stat -c %s "$deb") bytes) installs, runs and goes away"
