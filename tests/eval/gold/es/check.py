#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Spanish gold set (gold.jsonl beside this script): ids unique, lang,
# strata, splits (dev and test both present), labels sorted, unique and known
# (IDs found in the codebook), and the byte offsets of every passage taken from
# the local corpus (`source` relative to shared/corpus: file_bytes[start:end]
# must decode to `text`; skipped when the corpus is absent). Passages from
# public repositories ("github:OWNER/REPO@COMMIT:PATH") are checked for
# end - start == len(text in UTF-8) only.
# Usage: check.py [--shared DIR]   (DIR defaults to ../shared beside the checkout)
# Stdlib only; exit status 0 when every check passes, 1 otherwise.
import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STRATA = {"concept", "pillar", "dimension", "approach", "principle", "topic",
          "actor", "citation", "negative"}
KEYS = {"id", "source", "start", "end", "text", "lang", "stratum", "split", "labels"}
STATE_RE = re.compile(r"^actor\.state\.[A-Z]{2}$")
ID_RE = re.compile(r"^es-p\d{3}$")


def codebook_ids(path):
    ids = set()
    for tok in re.findall(r"`([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)`", path.read_text(encoding="utf-8")):
        ids.add(tok)
    return ids


def main():
    ap = argparse.ArgumentParser(description="Check the Spanish gold set.")
    ap.add_argument("--shared", type=Path, default=None,
                    help="the shared directory holding corpus/ and reference/codebook.md "
                         "(default: ../shared beside the checkout)")
    args = ap.parse_args()
    shared = args.shared
    if shared is None:
        # tests/eval/gold/es -> the checkout is four levels up; shared sits beside it
        shared = HERE.parents[3].parent / "shared" if len(HERE.parents) > 3 else Path("shared")
    corpus = shared / "corpus"
    codebook = shared / "reference" / "codebook.md"
    errors = []
    known = None
    if codebook.is_file():
        known = codebook_ids(codebook)
    else:
        print(f"note: {codebook} not found: label IDs checked for form only")

    rows = []
    with open(HERE / "gold.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON: {e}")
    seen = set()
    checked = skipped = remote = 0
    cache = {}
    for n, r in rows:
        where = f"line {n} ({r.get('id', '?')})"
        missing = KEYS - r.keys()
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if not ID_RE.match(r["id"]):
            errors.append(f"{where}: id does not match es-pNNN")
        if r["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(r["id"])
        if r["lang"] != "es":
            errors.append(f"{where}: lang is {r['lang']!r}, not 'es'")
        if r["stratum"] not in STRATA:
            errors.append(f"{where}: unknown stratum {r['stratum']!r}")
        if r["split"] not in ("dev", "test"):
            errors.append(f"{where}: split is {r['split']!r}, not dev/test")
        labels = r["labels"]
        if labels != sorted(labels) or len(set(labels)) != len(labels):
            errors.append(f"{where}: labels not sorted or not unique")
        for lab in labels:
            if STATE_RE.match(lab):
                continue
            if known is not None and lab not in known:
                errors.append(f"{where}: label {lab!r} is not a codebook ID")
            elif known is None and not re.match(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", lab):
                errors.append(f"{where}: label {lab!r} is not an ID")
        if r["stratum"] == "negative" and labels:
            errors.append(f"{where}: stratum negative but labels present")
        text, start, end = r["text"], r["start"], r["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            errors.append(f"{where}: bad offsets {start}..{end}")
            continue
        if end - start != len(text.encode("utf-8")):
            errors.append(f"{where}: end - start = {end - start} but text has {len(text.encode('utf-8'))} bytes")
        src = r["source"]
        if src.startswith(("github:", "http://", "https://")):
            remote += 1
            continue
        path = corpus / src
        if not path.is_file():
            skipped += 1
            continue
        data = cache.setdefault(path, path.read_bytes())
        try:
            got = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            got = None
        if got != text:
            errors.append(f"{where}: {src}[{start}:{end}] does not decode to the passage text")
        else:
            checked += 1
    splits = {r["split"] for _, r in rows if "split" in r}
    for s in ("dev", "test"):
        if s not in splits:
            errors.append(f"no passage in split {s!r}")
    for e in errors:
        print("FAIL:", e)
    dev = sum(1 for _, r in rows if r.get("split") == "dev")
    print(f"{len(rows)} passages (dev {dev}, test {len(rows) - dev}); "
          f"offsets verified against {corpus}: {checked}, skipped (corpus absent): {skipped}, "
          f"public-repository sources (length only): {remote}")
    if errors:
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
