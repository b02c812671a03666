#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build tree into a temporary prefix and checks that the
# installed hstag finds its lexicons there, and that an out-of-tree plugin
# builds against the installed package (find_package(hstag)) and loads.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
hstag="$work/prefix/bin/hstag"
test -x "$hstag"
test -f "$work/prefix/share/hstag/lexicons/pipeline.yaml"
test -f "$work/prefix/include/hstag/plugin.h"
test -f "$work/prefix/lib/cmake/hstag/hstagConfig.cmake"

# The installed program uses the installed lexicons.
out=$("$hstag" analyze "$source/samples/txt/typography.txt")
grep -q '"file": "hstag:lexicons/hs.yaml"' <<<"$out"
grep -q '"concept": "hs.concept"' <<<"$out"

# An external plugin built against the installed package.
mkdir -p "$work/plugin"
cp "$source/plugins/example/example_tagger.cc" "$work/plugin/"
cat >"$work/plugin/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(outoftree LANGUAGES CXX)
find_package(hstag REQUIRED)
hstag_add_plugin(NAME outoftree MODULE SOURCES example_tagger.cc
                 LIBRARIES nlohmann_json::nlohmann_json)
CMAKE
cmake -S "$work/plugin" -B "$work/plugin/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/plugin/build" >/dev/null
mkdir -p "$work/plugins"
cp "$work/plugin/build/hstag-outoftree.so" "$work/plugins/"
out=$(printf 'Resilient communities.\n' >"$work/r.txt"; "$hstag" analyze --plugin-dir "$work/plugins" "$work/r.txt")
grep -q '"concept": "user.example.resilience"' <<<"$out"
grep -q '"origin": "external"' <<<"$out"
echo "install_test: installed hstag and an out-of-tree plugin work"
