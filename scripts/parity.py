#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Parity across languages: on parallel texts (the same text in two
# languages), the share of the English mentions that hstag also finds in the
# translation. Per concept, the smaller of the two counts, summed over the
# concepts, over the English total; citations and definitions are left out.
# Parallel texts of ../shared/corpus:
#   - the op-eds of txt/newscommentary_es_en (Spanish and English sides;
#     their average);
#   - the UDHR in xml/ (French, Spanish, German, Japanese, Chinese, Russian,
#     Arabic, against English);
# and whether each UDHR text has the preamble's two freedoms (freedom from
# fear, freedom from want).
#
#   scripts/parity.py [--hstag BIN] [--corpus DIR] [--baseline TSV] [--json]
#
# With --baseline (tests/eval/parity_baseline.tsv), exits 1 when a share is
# lower than the baseline's (a regression); the targets are printed beside
# each share. Exits 77 when the corpus is absent (as a skipped test).
import argparse
import glob
import json
import os
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UDHR = {  # language: file under xml/
    "fr": "udhr_fra.xml", "es": "udhr_spa.xml", "de": "udhr_deu_1996.xml",
    "ja": "udhr_jpn.xml", "zh": "udhr_cmn_hans.xml", "ru": "udhr_rus.xml",
    "ar": "udhr_arb.xml",
}
TARGETS = {"op-eds es": 0.85, "UDHR fr": 0.80, "UDHR es": 0.80, "UDHR de": 0.80,
           "UDHR ja": 0.80}
FREEDOMS = ("pillar.freedom_from_fear", "pillar.freedom_from_want")


def mentions(hstag, paths):
    """Per path: a Counter of concept -> annotations (citations, definitions out)."""
    out = subprocess.run([hstag, "analyze", "--format", "jsonl", "--jobs", "2", "--quiet", *paths],
                         check=False, capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(f"parity: hstag analyze failed ({out.returncode}): {out.stderr.strip()}")
    counts = {}
    for line in out.stdout.splitlines():
        doc = json.loads(line)
        c = Counter(a["concept"] for a in doc["annotations"]
                    if not a["concept"].startswith(("citation.", "definition.")))
        counts[doc["source"]["path"]] = c
    return counts


def share(english, other):
    total = sum(english.values())
    if total == 0:
        return None
    return sum(min(n, other.get(k, 0)) for k, n in english.items()) / total


def main():
    p = argparse.ArgumentParser(description="Parity across languages on parallel texts")
    p.add_argument("--hstag", default=os.path.join(ROOT, "build/default/bin/hstag"))
    p.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    p.add_argument("--baseline", help="TSV of name<TAB>share: fail below it")
    p.add_argument("--json", action="store_true", help="the shares as JSON")
    a = p.parse_args()
    corpus = os.path.normpath(a.corpus)
    if not os.path.isdir(os.path.join(corpus, "xml")):
        print(f"parity: no corpus at {corpus}: skipped")
        return 77

    pairs = sorted(glob.glob(os.path.join(corpus, "txt/newscommentary_es_en/*.es-en.es.txt")))
    udhr = {lang: os.path.join(corpus, "xml", f) for lang, f in UDHR.items()}
    english_udhr = os.path.join(corpus, "xml/udhr_eng.xml")
    paths = [x for es in pairs for x in (es[:-len(".es.txt")] + ".en.txt", es)]
    paths += [english_udhr, *udhr.values()]
    counts = mentions(a.hstag, paths)

    shares = {}
    op_eds = [share(counts[es[:-len(".es.txt")] + ".en.txt"], counts[es]) for es in pairs]
    op_eds = [s for s in op_eds if s is not None]
    if op_eds:
        shares["op-eds es"] = sum(op_eds) / len(op_eds)
    for lang, path in udhr.items():
        shares[f"UDHR {lang}"] = share(counts[english_udhr], counts[path])
    freedoms = {lang: all(counts[path].get(f, 0) > 0 for f in FREEDOMS)
                for lang, path in [("en", english_udhr), *udhr.items()]}

    if a.json:
        print(json.dumps({"shares": shares, "freedoms": freedoms}, indent=2))
    else:
        print(f"{'parallel texts':16} share found   target")
        for name, s in shares.items():
            target = TARGETS.get(name)
            print(f"{name:16} {s:11.2f}   {'>= %.2f' % target if target else 'no lower'}")
        print("the UDHR preamble's two freedoms: " +
              ", ".join(f"{lang} {'yes' if ok else 'NO'}" for lang, ok in freedoms.items()))

    if a.baseline:
        failed = False
        with open(a.baseline, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                name, value = line.rstrip("\n").split("\t")
                if name not in shares or shares[name] + 1e-9 < float(value):
                    print(f"parity: {name} {shares.get(name)} is lower than its baseline {value}")
                    failed = True
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
