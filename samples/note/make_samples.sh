#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# One policy note in every format hstag reads, made from human_security_note.md:
# plain text, a web page and Word and OpenDocument files with pandoc, a PDF
# typeset by groff from pandoc's ms (Times, tables by tbl). A scan of the PDF
# is made at test time (samples/pdf/make_scan.sh): tests/cli/formats_test.cc
# checks that all six give the same counts. Run from this folder; needs
# pandoc, groff and ghostscript.
set -eu
note=human_security_note
pandoc -f markdown $note.md -o $note.docx
pandoc -f markdown $note.md -o $note.odt
pandoc -f markdown -t plain --wrap=none $note.md -o $note.txt
pandoc -s -f markdown --metadata pagetitle="Human security in practice" $note.md -o $note.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pandoc -s -f markdown -t ms -V fontfamily=T $note.md -o "$tmp/$note.ms"
groff -t -ms -mpdfmark -k -Tpdf "$tmp/$note.ms" > $note.pdf
