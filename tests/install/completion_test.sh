#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sources the bash completion and completes command lines as bash would
# (COMP_WORDS, COMP_CWORD): `hstag an<TAB>` gives analyze; `hstag <TAB>`
# every subcommand of `hstag --help`; `hstag SUB -<TAB>` exactly the options
# of `hstag SUB --help` (`hstag analyze --<TAB>` its long ones); an option's
# fixed values (--format TEXT:{json,jsonl,html}) as its help lists them;
# files and folders for the rest.
# Usage: completion_test.sh HSTAG COMPLETION_FILE
set -euo pipefail
hstag=$1
completion=$2
# shellcheck source=tests/install/help_lib.sh
source "$(dirname "$0")/help_lib.sh"
# shellcheck source=/dev/null
source "$completion"
complete -p hstag | grep -q -- '-F _hstag' || { echo "completion_test: $completion registers no _hstag for hstag" >&2; exit 1; }

# tab LINE: what TAB offers at the end of LINE, sorted, on one line.
tab() {
  local line=$1
  read -r -a COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  _hstag hstag "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort -u | paste -sd' '
}
sorted() { tr ' ' '\n' | grep -v '^$' | sort -u | paste -sd' '; }

failures=()
expect() {  # expect LINE WANTED
  local got
  got=$(tab "$1")
  [[ $got == "$2" ]] || failures+=("\`$1<TAB>\` offers [$got], not [$2]")
}

expect "hstag an" "analyze"
expect "hstag lex" "lexicon"
expect "hstag " "$(help_subcommands "$hstag" | sorted)"
expect "hstag -" "$(help_options "$hstag" | sorted)"
expect "hstag lexicon " "$(help_subcommands "$hstag" lexicon | sorted)"
expect "hstag analyze --" "$(help_options "$hstag" analyze | grep -- '^--' | sorted)"
while read -r -a leaf; do  # analyze, lexicon list, ...
  expect "hstag ${leaf[*]} -" "$(help_options "$hstag" "${leaf[@]}" | sorted)"
  while read -r opt values; do
    [[ -n $opt ]] && expect "hstag ${leaf[*]} $opt " "$(sorted <<<"$values")"
  done < <(help_choices "$hstag" "${leaf[@]}")
done < <(help_leaves "$hstag")
expect "hstag analyze --ocr f" "force"
expect "hstag analyze --jobs " ""

# Files and folders, in a folder of our own.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/shard-1" "$work/shard-2"
touch "$work/report.pdf" "$work/lexicon.yaml"
cd "$work"
expect "hstag analyze rep" "report.pdf"
expect "hstag analyze --lexicon lex" "lexicon.yaml"
expect "hstag analyze --out sh" "shard-1 shard-2"
expect "hstag merge " "shard-1 shard-2"
expect "hstag lexicon check --config x.yaml lex" "lexicon.yaml"

if ((${#failures[@]})); then
  printf 'completion_test: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "completion_test: subcommands, options and values complete as hstag --help lists them"
