#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks gold sets (tests/eval/gold/gold.jsonl and LANG/gold.jsonl):
# - every row has the expected keys, a stratum, an id pNNN (English) or
#   LANG-pNNN with "lang": LANG (another language), ids unique, split "dev"
#   or "test" (both splits present);
# - labels are sorted, unique and known (IDs found in the codebook, or
#   actor.state.XX with a two-letter code); skipped with a notice when the
#   codebook is absent;
# - end - start equals the UTF-8 length of `text` for every row;
# - for passages from a local file (`source` relative to shared/corpus, or to
#   shared/), file_bytes[start:end] decodes to `text` exactly (skipped when
#   the file is absent); passages from a repository or a web page (`source`
#   is github:... or a URL) are checked for the length rule only;
# - passages of one source do not overlap.
# Usage: check_gold.py [--shared DIR] GOLD.jsonl ...
#   (DIR defaults to ../shared beside the checkout)
# Stdlib only; exit status 0 when every check passes, 1 otherwise.
import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[2]
KEYS = {"id", "source", "start", "end", "text", "stratum", "split", "labels"}
OPTIONAL = {"note", "lang"}
STATE_RE = re.compile(r"^actor\.state\.[A-Z]{2}$")


def codebook_ids(path):
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"`([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)`", text))


def check(gold, shared):
    errors = []

    def fail(msg):
        errors.append(msg)

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
    langs = {r.get("lang") for r in rows}
    lang = langs.pop() if len(langs) == 1 else None
    if len(langs):
        fail(f"rows of several languages: {sorted(str(x) for x in langs | {lang})}")
    id_re = re.compile(r"^p\d{3}$" if lang is None else rf"^{lang}-p\d{{3}}$")

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
        if not id_re.match(rid):
            fail(f"{rid}: id does not match {id_re.pattern}")
        if rid in seen:
            fail(f"{rid}: duplicate id")
        seen.add(rid)
        if not isinstance(r["stratum"], str) or not r["stratum"]:
            fail(f"{rid}: no stratum")
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
        path = corpus / src if (corpus / src).is_file() else shared / src
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

    print(f"{gold}: {len(rows)} passages (dev {splits['dev']}, test {splits['test']}); "
          f"local offsets checked: {checked_local}, skipped (file absent): {skipped_local}")
    for e in errors:
        print(f"FAIL: {gold}: {e}", file=sys.stderr)
    return errors


def main():
    ap = argparse.ArgumentParser(description="Checks gold sets")
    ap.add_argument("--shared", default=str(CHECKOUT.parent / "shared"),
                    help="the shared directory (holds corpus/ and reference/)")
    ap.add_argument("gold", nargs="+", help="gold.jsonl files")
    args = ap.parse_args()
    errors = []
    for gold in args.gold:
        errors += check(Path(gold), Path(args.shared))
    if errors:
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
