#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the German gold set (gold.jsonl beside this script).

Checks, stdlib only:
- every row has the fields id, source, start, end, text, lang, stratum, split,
  labels; ids are unique and of the form de-pNNN; lang is "de";
- labels are sorted, unique and codebook IDs (sections 1-7 and 9 of
  shared/reference/codebook.md; actor.state.XX with a two-letter code);
- split is dev or test and both splits are present; each has at least one
  passage without labels;
- end - start equals the UTF-8 byte length of text (every source);
- local sources (a path relative to shared/corpus): the file's bytes
  [start:end) decode to text exactly; skipped when the corpus is absent;
- github:OWNER/REPO@COMMIT:PATH sources: the same check against a local git
  directory, only for repositories given with --repo OWNER/REPO=GITDIR;
- URL sources (pages) cannot be checked offline: their offsets refer to the
  stored page text described in README.md.

Usage: python3 tests/eval/gold/de/check.py [--shared DIR] [--repo OWNER/REPO=GITDIR ...]
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["id", "source", "start", "end", "text", "lang", "stratum", "split", "labels"]


def codebook_ids(shared):
    path = os.path.join(shared, "reference", "codebook.md")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ids = set(re.findall(r"^\| `([a-z_.]+)`", text, re.M))
    return {i for i in ids if not i.startswith("definition.") and i != "actor.state.XX"}


def main():
    ap = argparse.ArgumentParser(description="Check tests/eval/gold/de/gold.jsonl")
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "..", "shared")),
                    help="the shared folder (default: ../shared beside the checkout)")
    ap.add_argument("--repo", action="append", default=[], metavar="OWNER/REPO=GITDIR",
                    help="a local git directory holding a github: source, to check its offsets")
    args = ap.parse_args()

    repos = {}
    for spec in args.repo:
        if "=" not in spec:
            sys.exit("check.py: --repo needs OWNER/REPO=GITDIR, got %r" % spec)
        name, gitdir = spec.split("=", 1)
        repos[name] = gitdir

    known = codebook_ids(args.shared)
    if known is None:
        print("note: %s/reference/codebook.md absent, label names checked by form only" % args.shared)
    corpus = os.path.join(args.shared, "corpus")
    have_corpus = os.path.isdir(corpus)
    if not have_corpus:
        print("note: %s absent, local offsets not checked" % corpus)

    errors = []
    rows = []
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                errors.append("line %d: not JSON (%s)" % (n, e))

    seen = set()
    splits = {"dev": 0, "test": 0}
    unlabelled = {"dev": 0, "test": 0}
    checked = {"local": 0, "github": 0, "unchecked": 0}
    blobs = {}
    for r in rows:
        rid = r.get("id", "?")
        missing = [k for k in FIELDS if k not in r]
        if missing:
            errors.append("%s: missing fields %s" % (rid, ", ".join(missing)))
            continue
        if not re.fullmatch(r"de-p\d{3}", rid):
            errors.append("%s: id is not de-pNNN" % rid)
        if rid in seen:
            errors.append("%s: duplicate id" % rid)
        seen.add(rid)
        if r["lang"] != "de":
            errors.append("%s: lang is %r, not 'de'" % (rid, r["lang"]))
        if r["split"] not in splits:
            errors.append("%s: split %r is neither dev nor test" % (rid, r["split"]))
        else:
            splits[r["split"]] += 1
            if not r["labels"]:
                unlabelled[r["split"]] += 1
        labels = r["labels"]
        if labels != sorted(set(labels)):
            errors.append("%s: labels not sorted or not unique" % rid)
        for lab in labels:
            if re.fullmatch(r"actor\.state\.[A-Z]{2}", lab):
                continue
            if known is not None and lab not in known:
                errors.append("%s: unknown label %s" % (rid, lab))
            elif known is None and not re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+", lab):
                errors.append("%s: malformed label %s" % (rid, lab))
        text = r["text"]
        if not isinstance(r["start"], int) or not isinstance(r["end"], int) or r["start"] >= r["end"]:
            errors.append("%s: bad offsets %r..%r" % (rid, r["start"], r["end"]))
            continue
        if r["end"] - r["start"] != len(text.encode("utf-8")):
            errors.append("%s: end - start = %d but text has %d bytes" % (rid, r["end"] - r["start"], len(text.encode("utf-8"))))
        src = r["source"]
        data = None
        if src.startswith("github:"):
            m = re.fullmatch(r"github:([^/@]+/[^@]+)@([0-9a-f]{40}):(.+)", src)
            if not m:
                errors.append("%s: github source not OWNER/REPO@COMMIT:PATH: %s" % (rid, src))
                continue
            repo, commit, path = m.groups()
            if repo in repos:
                key = (repo, commit, path)
                if key not in blobs:
                    res = subprocess.run(["git", "--git-dir", repos[repo], "show", "%s:%s" % (commit, path)],
                                         capture_output=True)
                    if res.returncode != 0:
                        errors.append("%s: git show %s:%s in %s failed: %s" % (rid, commit, path, repos[repo], res.stderr.decode(errors="replace").strip()))
                        blobs[key] = None
                    else:
                        blobs[key] = res.stdout
                data = blobs[key]
                if data is not None:
                    checked["github"] += 1
            else:
                checked["unchecked"] += 1
        elif re.match(r"https?://", src):
            checked["unchecked"] += 1
        else:
            if have_corpus:
                path = os.path.join(corpus, src)
                if not os.path.exists(path):
                    errors.append("%s: local source %s not found under %s" % (rid, src, corpus))
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                checked["local"] += 1
            else:
                checked["unchecked"] += 1
        if data is not None:
            got = data[r["start"]:r["end"]]
            if got != text.encode("utf-8"):
                errors.append("%s: bytes [%d:%d) of %s differ from text" % (rid, r["start"], r["end"], src))

    for s in splits:
        if splits[s] == 0:
            errors.append("split %s is empty" % s)
        if unlabelled[s] == 0:
            errors.append("split %s has no passage without labels" % s)

    print("passages %d (dev %d, test %d); offsets checked: local %d, github %d; not checkable here: %d"
          % (len(rows), splits["dev"], splits["test"], checked["local"], checked["github"], checked["unchecked"]))
    if errors:
        for e in errors:
            print("error: " + e)
        print("check.py: %d error(s)" % len(errors))
        return 1
    print("check.py: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
