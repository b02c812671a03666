#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs with apt-get what hstag needs to build and test, and only what is
# missing (Debian 12). Safe to run again: it does nothing when all is there.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # libraries (Debian 12's versions: ICU 72, RE2 2022-06, Poppler 22.12,
  # pugixml 1.13, gumbo 0.10, nlohmann/json 3.11, CLI11 2.1, yaml-cpp 0.7, mimalloc 2.0)
  libicu-dev libre2-dev libpoppler-cpp-dev libpugixml-dev libgumbo-dev nlohmann-json3-dev
  libcli11-dev libyaml-cpp-dev libssl-dev libmimalloc-dev libarchive-dev
  # OCR of scanned PDF pages: Tesseract 5.3 and its data for the languages of
  # the lexicons (en fr es de it pt ar ja ru zh)
  libtesseract-dev tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-deu
  tesseract-ocr-ita tesseract-ocr-por tesseract-ocr-ara tesseract-ocr-jpn tesseract-ocr-rus
  tesseract-ocr-chi-sim
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-jsonschema util-linux parallel
  # the HTML reports rendered in a real browser (tests/report)
  chromium
  # benchmarks side by side with other tools (scripts/bench_ocr.sh: pdftoppm
  # and the tesseract command)
  ripgrep poppler-utils tesseract-ocr
  # peak memory in scripts/bench_archive.sh (GNU time)
  time
  # the OCR accuracy test typesets a document and scans it at test time
  # (samples/pdf/make_scan.sh)
  groff imagemagick img2pdf
  # the HTML parsers compared (scripts/bench_html_parsers.sh) and its pages
  libxml2-dev pandoc
  # DOCX, ODT and archives made by the tests
  zip
  # a one-node Slurm cluster on localhost for the job-array tests
  # (scripts/slurm-local.sh)
  slurm-wlm munge
  # the Debian package (scripts/package.sh): CPack's dependencies from
  # dpkg-shlibdeps, checked by lintian
  dpkg-dev file lintian
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
