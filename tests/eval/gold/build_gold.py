#!/usr/bin/python3
"""Build tests/eval/gold/gold.jsonl from candidates.jsonl + the hand labels in labels.tsv.

- drops rows labelled DROP
- checks every label is a codebook ID (sections 1-7, 9; actor.state.XX with a
  two-letter code)
- checks the offsets: the source file's bytes [start:end) decode to `text`
- splits dev/test with a seeded shuffle, stratified by stratum (~50/50 each)
- prints counts per stratum, split and codebook section

Usage: /usr/bin/python3 tests/eval/gold/build_gold.py [--shared ../shared]
"""
import argparse
import collections
import json
import os
import random
import re
import sys

SEED = 20261126
HERE = os.path.dirname(os.path.abspath(__file__))
SECTIONS = ["hs", "pillar", "dimension", "approach", "principle", "topic", "actor", "citation"]


def codebook_ids(shared):
    with open(os.path.join(shared, "reference", "codebook.md"), encoding="utf-8") as f:
        text = f.read()
    ids = set(re.findall(r"^\| `([a-z_.]+)`", text, re.M))
    return {i for i in ids if not i.startswith("definition.") and i != "actor.state.XX"}


def gold_source(source):
    """The source as written in gold.jsonl: relative to the shared folder."""
    return source if source.startswith("reference/") else "corpus/" + source


def source_path(shared, source):
    return os.path.join(shared, gold_source(source))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared")))
    args = ap.parse_args()
    valid = codebook_ids(args.shared)
    cands = [json.loads(l) for l in open(os.path.join(HERE, "candidates.jsonl"), encoding="utf-8")]
    labels = {}
    for n, line in enumerate(open(os.path.join(HERE, "labels.tsv"), encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        parts += [""] * (3 - len(parts))
        pid, labs, note = parts[0], parts[1].split(), parts[2].strip()
        if pid in labels:
            sys.exit("duplicate id %s in labels.tsv" % pid)
        labels[pid] = (labs, note)
    errors = []
    missing = [c["id"] for c in cands if c["id"] not in labels]
    if missing:
        errors.append("unlabelled candidates: %s" % missing)
    out = []
    cache = {}
    for c in cands:
        if c["id"] not in labels:
            continue
        labs, note = labels[c["id"]]
        if labs == ["DROP"]:
            continue
        for l in labs:
            if l not in valid and not re.fullmatch(r"actor\.state\.[A-Z]{2}", l):
                errors.append("%s: unknown label %s" % (c["id"], l))
        if labs != sorted(set(labs)):
            labs = sorted(set(labs))
        p = source_path(args.shared, c["source"])
        if p not in cache:
            with open(p, "rb") as f:
                cache[p] = f.read()
        if cache[p][c["start"]:c["end"]].decode("utf-8") != c["text"]:
            errors.append("%s: offsets do not reproduce text" % c["id"])
        rec = dict(c)
        rec["labels"] = labs
        if note:
            rec["note"] = note
        out.append(rec)
    if errors:
        sys.exit("\n".join(errors))

    # stratified seeded split: shuffle each stratum, alternate dev/test,
    # the odd one out alternates between strata
    rng = random.Random(SEED)
    by = collections.defaultdict(list)
    for r in out:
        by[r["stratum"]].append(r)
    extra_to_dev = True
    for stratum in sorted(by):
        rs = sorted(by[stratum], key=lambda r: r["id"])
        rng.shuffle(rs)
        half = len(rs) // 2
        if len(rs) % 2:
            half += 1 if extra_to_dev else 0
            extra_to_dev = not extra_to_dev
        for i, r in enumerate(rs):
            r["split"] = "dev" if i < half else "test"

    keys = ["id", "source", "start", "end", "text", "stratum", "split", "labels", "note"]
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for r in sorted(out, key=lambda r: r["id"]):
            rec = {k: r[k] for k in keys if k in r}
            rec["source"] = gold_source(rec["source"])
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # report
    print("passages: %d (dropped %d)" % (len(out), len(cands) - len(out)))
    splits = collections.Counter(r["split"] for r in out)
    print("split:", dict(splits))
    print("\n%-26s %5s %5s %5s" % ("stratum", "all", "dev", "test"))
    for s in sorted(by):
        c = collections.Counter(r["split"] for r in by[s])
        print("%-26s %5d %5d %5d" % (s, len(by[s]), c["dev"], c["test"]))
    print("\n%-26s %5s %5s %5s" % ("section (>=1 label)", "all", "dev", "test"))
    problems = []
    rows = [(s, lambda l, s=s: l.split(".")[0] == s) for s in SECTIONS]
    rows += [("dimension." + d, lambda l, d=d: l == "dimension." + d) for d in
             ["economic", "food", "health", "environmental", "personal", "community", "political"]]
    rows += [("actor.state", lambda l: l.startswith("actor.state.")),
             ("(no label)", None)]
    for name, pred in rows:
        if pred is None:
            c = collections.Counter(r["split"] for r in out if not r["labels"])
        else:
            c = collections.Counter(r["split"] for r in out if any(pred(l) for l in r["labels"]))
        print("%-26s %5d %5d %5d" % (name, c["dev"] + c["test"], c["dev"], c["test"]))
        if name != "(no label)" and (c["dev"] == 0 or c["test"] == 0):
            problems.append(name)
    hn = collections.Counter(r["split"] for r in out if r["stratum"] == "hard_negative")
    print("\nhard negatives: dev %d, test %d" % (hn["dev"], hn["test"]))
    lab = collections.Counter(l for r in out for l in r["labels"])
    print("\nlabel counts:", ", ".join("%s=%d" % kv for kv in sorted(lab.items())))
    if problems:
        sys.exit("sections without positives in one split: %s" % problems)


if __name__ == "__main__":
    main()
