# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the tests of the man page and the bash completion: what
# `hstag [SUB...] --help` lists, so that both are checked against the
# command itself rather than against a list of their own.

# The subcommands of `hstag [SUB...]`, one a line (none for a leaf).
help_subcommands() {
  local bin=$1
  shift
  "$bin" "$@" --help | awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF { print $1 }'
}

# The options of `hstag [SUB...]`, short and long, one a line: the first
# words of the lines of its Options section ("  -j,--jobs UINT ...").
help_options() {
  local bin=$1
  shift
  "$bin" "$@" --help | awk '/^Options:/ { on = 1; next } /^[^ ]/ { on = 0 }
    on && /^  -/ { n = split($1, names, ","); for (i = 1; i <= n; i++) print names[i] }'
}

# The fixed values of each option that has them, one option a line:
# "--format json jsonl html" from "--format TEXT:{json,jsonl,html}".
help_choices() {
  local bin=$1
  shift
  "$bin" "$@" --help | awk '/^Options:/ { on = 1; next } /^[^ ]/ { on = 0 }
    on && /^  -/ && match($2, /\{[^}]*\}/) {
      n = split($1, names, ","); v = substr($2, RSTART + 1, RLENGTH - 2); gsub(",", " ", v)
      print names[n], v }'
}

# Every command that runs (leaf), as words: "analyze", "lexicon list", ...
help_leaves() {
  local bin=$1 s t subs
  while read -r s; do
    subs=$(help_subcommands "$bin" "$s")
    if [[ -z $subs ]]; then
      echo "$s"
    else
      for t in $subs; do echo "$s $t"; done
    fi
  done < <(help_subcommands "$bin")
}
