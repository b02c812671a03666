#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The office samples: one text as DOCX, ODT and plain text, made with pandoc
# from human_security_note.md (tests/plugins/office checks that the three
# give the same counts). Run from this folder.
set -eu
pandoc -f markdown human_security_note.md -o human_security_note.docx
pandoc -f markdown human_security_note.md -o human_security_note.odt
pandoc -f markdown -t plain --wrap=none human_security_note.md -o human_security_note.txt
