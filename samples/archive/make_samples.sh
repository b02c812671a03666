#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# office_notes.zip: the office samples (one text as DOCX, ODT and plain
# text) in a zip, to walk as a folder: hstag analyze office_notes.zip --out OUT.
# Run from this folder.
set -eu
rm -f office_notes.zip
tmp=$(mktemp -d)
mkdir -p "$tmp/note/plain"
cp ../note/human_security_note.docx ../note/human_security_note.odt "$tmp/note/"
cp ../note/human_security_note.txt "$tmp/note/plain/"
(cd "$tmp" && TZ=UTC touch -t 202601010000 note/* note/plain/* note/plain note &&
  zip -q -X -r office_notes.zip note)
mv "$tmp/office_notes.zip" .
rm -r "$tmp"
