#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the PDF samples of this folder from their sources, and the
# broken PDFs the tests use (tests/plugins/pdf/data/broken: broken on purpose, they
# are test data, not samples). Needs groff, ghostscript, qpdf and perl, and
# for the scans poppler-utils, imagemagick and img2pdf; the
# build and the tests need none of them (the PDFs are committed).
#
#   running_heads.pdf  running_heads.ms typeset with groff -ms, then page
#                      labels (i, 1, 2, ...) and document information added
#                      by ghostscript from running_heads.pdfmark
#   blank_pages.pdf    blank_pages.tr: text on pages 1 and 3, none on page 2
#   no_text.pdf        no_text.tr: two pages of drawings, no text
#   ../../tests/plugins/pdf/data/encrypted_user.pdf: running_heads.pdf encrypted (AES-256), user password
#                      "user", owner password "owner"
#   encrypted_owner_only.pdf  the same with an empty user password (opens
#                      without one)
#   pdf_named.txt      a copy of running_heads.pdf named .txt (sniffing)
#   scanned.pdf        scanned.ms typeset, then "scanned" by make_scan.sh:
#                      an image-only page (grey, 200 dpi, noise, turned 1
#                      degree, JPEG), for OCR
#   scanned_mixed.pdf  scanned.ms's page with its text layer, then
#                      scanned.pdf's page (text and OCR in one document)
#
# In tests/plugins/pdf/data/broken:
#   truncated.pdf      the first 3000 bytes of running_heads.pdf (cannot
#                      be opened)
#   damaged_stream.pdf running_heads.pdf with the first bytes of the content
#                      stream of page 2 overwritten: opens, page 2 has no
#                      readable text
#   garbage.pdf        a PDF header followed by no PDF at all
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

groff -ms -Tpdf -W number running_heads.ms > "$tmp/running_heads.pdf"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dCompatibilityLevel=1.7 \
  -o running_heads.pdf "$tmp/running_heads.pdf" running_heads.pdfmark
groff -Tpdf blank_pages.tr > blank_pages.pdf
groff -Tpdf no_text.tr > no_text.pdf
qpdf --encrypt user owner 256 -- running_heads.pdf ../../tests/plugins/pdf/data/encrypted_user.pdf
qpdf --encrypt "" owner 256 -- running_heads.pdf encrypted_owner_only.pdf
broken=../../tests/plugins/pdf/data/broken
mkdir -p "$broken"
head -c 3000 running_heads.pdf > "$broken/truncated.pdf"
# The content stream of page 2, as qpdf lists it ("page 2: 11 0 R" then
# "content:" then "12 0 R").
obj=$(qpdf --show-pages running_heads.pdf | awk '/^page 2:/ {p = 1; next} p && / 0 R$/ {print $1; exit}')
perl -0pe "s/(\n$obj 0 obj.*?stream\r?\n).{12}/\$1XXXXXXXXXXXX/s" running_heads.pdf > "$broken/damaged_stream.pdf"
printf '%%PDF-1.7\n%% not a PDF beyond this header\n1 0 obj\n<< /Type /Catalog\n' > "$broken/garbage.pdf"
cp running_heads.pdf pdf_named.txt
groff -ms -Tpdf scanned.ms > "$tmp/scanned_text.pdf"
sh ./make_scan.sh "$tmp/scanned_text.pdf" scanned.pdf 200 7 jpg
qpdf --empty --pages "$tmp/scanned_text.pdf" 1 scanned.pdf 1 -- scanned_mixed.pdf
ls -l running_heads.pdf blank_pages.pdf no_text.pdf ../../tests/plugins/pdf/data/encrypted_user.pdf \
  encrypted_owner_only.pdf pdf_named.txt scanned.pdf scanned_mixed.pdf "$broken"/*.pdf
