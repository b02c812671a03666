#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the French gold set (gold.jsonl beside this script):
# - every row has the expected keys, lang "fr", a known stratum, an id fr-pNNN
#   (ids unique), split "dev" or "test" (both splits present);
# - labels are sorted, unique and known (IDs found in the codebook, or
#   actor.state.XX with a two-letter code); skipped with a notice when the
#   codebook is absent;
# - end - start equals the UTF-8 length of `text` for every row;
# - for passages from the local corpus (`source` relative to shared/corpus),
#   file_bytes[start:end] decodes to `text` exactly (skipped when the corpus
#   or the file is absent); passages from web pages (`source` is a URL) are
#   checked for the length rule only;
# - passages of one source do not overlap.
# Usage: check.py [--shared DIR]   (DIR defaults to ../shared beside the checkout)
# Stdlib only; exit status 0 when every check passes, 1 otherwise.
import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[3]
STRATA = {"concept", "pillar", "indicator", "approach", "principle", "topic",
          "actor", "citation", "negative"}
KEYS = {"id", "source", "start", "end", "text", "lang", "stratum", "split", "labels"}
OPTIONAL = {"note"}
STATE_RE = re.compile(r"^actor\.state\.[A-Z]{2}$")
ID_RE = re.compile(r"^fr-p\d{3}$")


def codebook_ids(path):
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"`([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)`", text))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(CHECKOUT.parent / "shared"),
                    help="the shared directory (holds corpus/ and reference/)")
    args = ap.parse_args()
    shared = Path(args.shared)
    errors = []

    def fail(msg):
        errors.append(msg)

    gold = HERE / "gold.jsonl"
    rows = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            fail(f"line {n}: empty line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"line {n}: not JSON ({e})")

    codebook = shared / "reference" / "codebook.md"
    known = codebook_ids(codebook) if codebook.is_file() else None
    if known is None:
        print(f"notice: {codebook} absent, label IDs not checked against it")
    corpus = shared / "corpus"
    if not corpus.is_dir():
        print(f"notice: {corpus} absent, local offsets not checked")

    seen = set()
    spans = collections.defaultdict(list)
    checked_local = skipped_local = 0
    for r in rows:
        rid = r.get("id", "?")
        missing = KEYS - r.keys()
        extra = r.keys() - KEYS - OPTIONAL
        if missing:
            fail(f"{rid}: missing keys {sorted(missing)}")
            continue
        if extra:
            fail(f"{rid}: unexpected keys {sorted(extra)}")
        if not ID_RE.match(rid):
            fail(f"{rid}: id does not match fr-pNNN")
        if rid in seen:
            fail(f"{rid}: duplicate id")
        seen.add(rid)
        if r["lang"] != "fr":
            fail(f"{rid}: lang is {r['lang']!r}, expected 'fr'")
        if r["stratum"] not in STRATA:
            fail(f"{rid}: unknown stratum {r['stratum']!r}")
        if r["split"] not in ("dev", "test"):
            fail(f"{rid}: split is {r['split']!r}, expected dev or test")
        labels = r["labels"]
        if labels != sorted(set(labels)):
            fail(f"{rid}: labels not sorted and unique: {labels}")
        for lab in labels:
            if STATE_RE.match(lab):
                continue
            if known is not None and lab not in known:
                fail(f"{rid}: label {lab!r} is not a codebook ID")
        text = r["text"]
        start, end = r["start"], r["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            fail(f"{rid}: bad offsets {start}..{end}")
            continue
        if end - start != len(text.encode("utf-8")):
            fail(f"{rid}: end - start = {end - start} but text has "
                 f"{len(text.encode('utf-8'))} UTF-8 bytes")
        spans[r["source"]].append((start, end, rid))
        src = r["source"]
        if re.match(r"^[a-z]+:", src):
            continue  # URL or github: source, not in the local corpus
        path = corpus / src
        if not path.is_file():
            skipped_local += 1
            continue
        data = path.read_bytes()
        try:
            got = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{rid}: bytes {start}..{end} of {src} are not valid UTF-8")
            continue
        if got != text:
            fail(f"{rid}: bytes {start}..{end} of {src} do not match the text")
        checked_local += 1

    for src, v in spans.items():
        v.sort()
        for a, b in zip(v, v[1:]):
            if b[0] < a[1]:
                fail(f"{a[2]} and {b[2]} overlap in {src}")

    splits = collections.Counter(r.get("split") for r in rows)
    for s in ("dev", "test"):
        if not splits[s]:
            fail(f"split {s} has no passage")

    print(f"{len(rows)} passages (dev {splits['dev']}, test {splits['test']}); "
          f"local offsets checked: {checked_local}, skipped (file absent): {skipped_local}")
    if errors:
        for e in errors:
            print("FAIL:", e, file=sys.stderr)
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
