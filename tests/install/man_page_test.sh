#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the man page against the command: every subcommand that
# `hstag --help` lists (and lexicon's list and check) has its section
# (.SS), every option of `hstag SUB --help` is in that section or in COMMON
# OPTIONS, hstag's own options are in GENERAL OPTIONS; and man renders the
# page without a warning.
# Usage: man_page_test.sh HSTAG MAN_PAGE
set -euo pipefail
hstag=$1
page=$2
# shellcheck source=tests/install/help_lib.sh
source "$(dirname "$0")/help_lib.sh"

# The page's text with roff's escaped hyphens and font changes undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
# The lines of the section titled $1 (.SH or .SS), up to the next title.
section() {
  awk -v want="$1" '/^\.S[HS] / { t = $0; sub(/^\.S[HS] +/, "", t); gsub(/"/, "", t); on = (t == want); next }
    on' <<<"$text"
}
mentions() {  # mentions OPTION TEXT: the option as a word of its own
  grep -qE -- "(^|[^a-zA-Z0-9-])$1([^a-zA-Z0-9-]|\$)" <<<"$2"
}

failures=()
common=$(section "COMMON OPTIONS")
[[ -n $common ]] || failures+=("no section COMMON OPTIONS")
leaves=$(help_leaves "$hstag")
[[ $(wc -l <<<"$leaves") -ge 8 ]] || failures+=("hstag --help lists too few subcommands: $leaves")
while read -r leaf; do
  body=$(section "$leaf")
  if [[ -z $body ]]; then
    failures+=("no section .SS \"$leaf\" for \`hstag $leaf\`")
    continue
  fi
  read -r -a words <<<"$leaf"
  for opt in $(help_options "$hstag" "${words[@]}"); do
    mentions "$opt" "$body" || mentions "$opt" "$common" ||
      failures+=("\`hstag $leaf\` has $opt, which its section and COMMON OPTIONS do not name")
  done
done <<<"$leaves"
for s in $(help_subcommands "$hstag"); do
  grep -qE "^\.SS \"?$s( |\"|\$)" "$page" || failures+=("no section .SS for \`hstag $s\`")
done
general=$(section "GENERAL OPTIONS")
for opt in $(help_options "$hstag"); do
  mentions "$opt" "$general" || failures+=("hstag's option $opt is not in GENERAL OPTIONS")
done

# man's own check, as lintian runs it.
if command -v man >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) || true
  [[ -z $warnings ]] || failures+=("man warns about $page: $warnings")
else
  echo "man_page_test: no man command here: the page's rendering is not checked"
fi

if ((${#failures[@]})); then
  printf 'man_page_test: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "man_page_test: $(wc -l <<<"$leaves") commands and their options are in $page"
