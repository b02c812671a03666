#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes a "scan" of a PDF: an image-only PDF, as a scanner would give it.
# Each page is rendered by pdftoppm (grey), given seeded noise and turned by
# 1 degree (ImageMagick, on PNG files: Debian's ImageMagick policy refuses
# PDF), then the images are wrapped in a PDF by img2pdf, one page each at the
# size of the original.
#
#   make_scan.sh IN.pdf OUT.pdf [DPI [SEED [FORMAT]]]
#
# DPI: of the rendering (default 300); SEED: of the noise (default 1);
# FORMAT: png (lossless, default) or jpg (quality 60: small files, for the
# committed samples). Needs poppler-utils, imagemagick and img2pdf.
set -eu
in=$1
out=$2
dpi=${3:-300}
seed=${4:-1}
format=${5:-png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdftoppm -r "$dpi" -gray -png "$in" "$tmp/page"
for f in "$tmp"/page*.png; do
  base=${f%.png}
  case $format in
    jpg) quality="-quality 60"; ext=jpg ;;
    *) quality=""; ext=png ;;
  esac
  # shellcheck disable=SC2086 # $quality is empty or one option and its value
  convert "$f" -seed "$seed" -attenuate 0.6 +noise Gaussian -background white -rotate 1 \
    -colorspace Gray -depth 8 -units PixelsPerInch -density "$dpi" $quality "$base.scan.$ext"
  seed=$((seed + 1))
done
img2pdf --producer "" -o "$out" "$tmp"/page*.scan.*
