#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Japanese gold passages (tests/eval/gold/ja/gold.jsonl).

Checks, with the standard library only:
- every line is a JSON object with the fields id, source, start, end, text,
  lang, stratum, split, labels (note optional);
- ids are unique and of the form ja-pNNN; lang is "ja"; split is dev or test
  and both splits occur;
- labels are sorted, unique and known: codebook IDs of sections 1-7 and 9
  (read from <shared>/reference/codebook.md) or actor.state.XX with a
  two-letter upper-case code;
- passages whose source is a file of the shared corpus (a path such as
  "xml/udhr_jpn.xml"): the UTF-8 bytes [start:end) of <shared>/corpus/<source>
  decode to `text` exactly. Skipped (with a notice) when the corpus is absent.
  Passages from GitHub files or web pages are not fetched; only start < end
  and the byte length of `text` (end - start) are checked for them.

Usage: python3 tests/eval/gold/ja/check.py [--shared DIR]
       (DIR defaults to ../shared beside the checkout)
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
FIELDS = ["id", "source", "start", "end", "text", "lang", "stratum", "split", "labels"]


def codebook_ids(shared):
    path = os.path.join(shared, "reference", "codebook.md")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        ids = set(re.findall(r"^\| `([a-z_.]+)`", f.read(), re.M))
    return {i for i in ids if not i.startswith("definition.") and i != "actor.state.XX"}


def is_local(source):
    return not (source.startswith("github:") or "://" in source)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(CHECKOUT, "..", "shared"),
                    help="the shared directory holding corpus/ and reference/")
    args = ap.parse_args()
    errors = []
    known = codebook_ids(args.shared)
    if known is None:
        print("notice: codebook not found under %s: label names not checked" % args.shared)
    corpus = os.path.join(args.shared, "corpus")
    have_corpus = os.path.isdir(corpus)
    if not have_corpus:
        print("notice: shared corpus not found at %s: local offsets not checked" % corpus)
    seen, splits, n, n_local = set(), set(), 0, 0
    cache = {}
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            where = "gold.jsonl:%d" % lineno
            try:
                d = json.loads(line)
            except ValueError as e:
                errors.append("%s: not JSON (%s)" % (where, e))
                continue
            n += 1
            missing = [k for k in FIELDS if k not in d]
            if missing:
                errors.append("%s: missing fields %s" % (where, missing))
                continue
            pid = d["id"]
            where = "%s (%s)" % (where, pid)
            if not re.fullmatch(r"ja-p\d{3}", pid):
                errors.append("%s: bad id" % where)
            if pid in seen:
                errors.append("%s: duplicate id" % where)
            seen.add(pid)
            if d["lang"] != "ja":
                errors.append("%s: lang is %r, not 'ja'" % (where, d["lang"]))
            if d["split"] not in ("dev", "test"):
                errors.append("%s: split is %r" % (where, d["split"]))
            splits.add(d["split"])
            labels = d["labels"]
            if labels != sorted(set(labels)):
                errors.append("%s: labels not sorted and unique: %s" % (where, labels))
            for lab in labels:
                if re.fullmatch(r"actor\.state\.[A-Z]{2}", lab):
                    continue
                if known is not None and lab not in known:
                    errors.append("%s: unknown label %s" % (where, lab))
            start, end, text = d["start"], d["end"], d["text"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                errors.append("%s: bad offsets %r..%r" % (where, start, end))
                continue
            if end - start != len(text.encode("utf-8")):
                errors.append("%s: end - start (%d) is not the UTF-8 length of text (%d)"
                              % (where, end - start, len(text.encode("utf-8"))))
            if is_local(d["source"]) and have_corpus:
                path = os.path.join(corpus, d["source"])
                if path not in cache:
                    try:
                        with open(path, "rb") as g:
                            cache[path] = g.read()
                    except OSError as e:
                        errors.append("%s: cannot read %s (%s)" % (where, path, e))
                        continue
                got = cache[path][start:end].decode("utf-8", errors="replace")
                if got != text:
                    errors.append("%s: %s[%d:%d] is %r, not the passage text"
                                  % (where, d["source"], start, end, got[:60]))
                n_local += 1
    if splits != {"dev", "test"}:
        errors.append("splits present: %s (need dev and test)" % sorted(splits))
    for e in errors:
        print("error: " + e, file=sys.stderr)
    print("%d passages, %d local offsets verified, %d errors" % (n, n_local, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
