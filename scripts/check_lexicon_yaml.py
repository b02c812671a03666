#!/usr/bin/python3
"""Consistency check of lexicons/{hs,actors,states}.yaml against the codebook.

Usage: scripts/check_lexicon_yaml.py [CODEBOOK]   (run from the repository root)
Checks: files parse; every codebook ID defined exactly once; 195 states; no cue
string (case-folded, hyphens as spaces) in two concepts; also/requires/parent
refer to existing IDs; fields and options valid; cue lists vs matched_by.
Exit status 0 if clean, 1 otherwise.
"""
import os
import re
import sys
import unicodedata

import yaml

FILES = ["lexicons/hs.yaml", "lexicons/actors.yaml", "lexicons/states.yaml"]
CODEBOOK = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference", "codebook.md")
SECTIONS = {"concept", "pillar", "dimension", "approach", "principle", "topic",
            "actor", "definition", "citation"}
TYPES = {"international_organization", "un_body", "commission", "advisory_body",
         "regional_organization", "eu_body", "military_alliance", "nato_body", "ngo",
         "state_network", "think_tank", "academic", "state"}
CONCEPT_KEYS = {"id", "label", "section", "parent", "type", "description", "explicit",
                "indicator", "exclude", "matched_by"}
CUE_KEYS = {"term", "case", "lang", "also", "requires"}
errors = []


def err(msg):
    errors.append(msg)


def key(term):
    t = unicodedata.normalize("NFKC", term).casefold().replace("-", " ")
    return " ".join(t.split())


codebook_ids = set(re.findall(r"`((?:hs|pillar|dimension|approach|principle|topic|actor|"
                              r"definition|citation)\.[a-z0-9_.]+)`",
                              open(CODEBOOK, encoding="utf-8").read()))
codebook_ids.discard("actor.state.XX")
codebook_ids = {i for i in codebook_ids if not i.startswith("actor.state.")}

concepts = {}
cue_owner = {}
seen_in_concept = set()
refs = []
n_cues = {}
for path in FILES:
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not re.fullmatch(r"[a-z0-9_.-]+", str(doc.get("lexicon", ""))):
        err(f"{path}: bad lexicon name")
    if not re.fullmatch(r"\d+\.\d+\.\d+", str(doc.get("version", ""))):
        err(f"{path}: bad version")
    n_cues[path] = 0
    for c in doc["concepts"]:
        cid = c.get("id")
        if cid in concepts:
            err(f"{path}: duplicate id {cid}")
        concepts[cid] = (path, c)
        for k in c:
            if k not in CONCEPT_KEYS:
                err(f"{cid}: unknown key {k}")
        for k in ("label", "section", "description"):
            if not c.get(k):
                err(f"{cid}: missing {k}")
        if c.get("section") not in SECTIONS:
            err(f"{cid}: bad section {c.get('section')}")
        if c.get("section") == "actor" and c.get("type") not in TYPES:
            err(f"{cid}: bad/missing actor type {c.get('type')}")
        if c.get("section") != "actor" and "type" in c:
            err(f"{cid}: type on non-actor")
        if "parent" in c:
            refs.append((cid, "parent", c["parent"]))
        cues = (c.get("explicit") or []) + (c.get("indicator") or [])
        if "matched_by" in c:
            if cues:
                err(f"{cid}: matched_by concept has cues")
            if c["matched_by"] not in ("definition", "regex"):
                err(f"{cid}: bad matched_by")
        elif not cues:
            err(f"{cid}: no cues")
        for cue in cues:
            n_cues[path] += 1
            if isinstance(cue, str):
                cue = {"term": cue}
            for k in cue:
                if k not in CUE_KEYS:
                    err(f"{cid}: cue {cue}: unknown option {k}")
            term = cue.get("term")
            if not isinstance(term, str) or not term.strip():
                err(f"{cid}: cue without term: {cue}")
                continue
            if cue.get("case", "fold") not in ("fold", "exact"):
                err(f"{cid}: {term}: bad case")
            langs = cue.get("lang", [])
            for lg in ([langs] if isinstance(langs, str) else langs):
                if not re.fullmatch(r"[a-z]{2}", lg):
                    err(f"{cid}: {term}: bad lang {lg}")
            for a in cue.get("also", []):
                refs.append((cid, "also", a))
            if "requires" in cue:
                refs.append((cid, "requires", cue["requires"]))
            if "*" in term and not re.search(r"\w\*", term):
                err(f"{cid}: {term}: glob must be inside a word")
            k = key(term)
            auto_exact = (not any(ch.islower() for ch in term)
                          and sum(ch.isupper() for ch in term) >= 2)
            case = cue.get("case", "exact" if auto_exact else "fold")
            ck = (cid, k if case == "fold" else " ".join(
                unicodedata.normalize("NFKC", term).replace("-", " ").split()))
            if ck in seen_in_concept:
                err(f"{cid}: cue '{term}' listed twice (case and hyphen variants need no listing)")
            seen_in_concept.add(ck)
            owner = cue_owner.setdefault(k, cid)
            if owner != cid:
                err(f"cue '{term}' in {owner} and {cid}")
        for ex in c.get("exclude") or []:
            if not isinstance(ex, str):
                err(f"{cid}: exclude must be a plain string: {ex}")

for cid, what, target in refs:
    if target not in concepts:
        err(f"{cid}: {what} -> unknown id {target}")

defined = set(concepts)
for cid in sorted(codebook_ids - defined):
    err(f"codebook id missing: {cid}")
states = [c for c in defined if c.startswith("actor.state.")]
if len(states) != 195:
    err(f"expected 195 states, got {len(states)}")
for cid in sorted(defined - codebook_ids):
    if not cid.startswith("actor.state."):
        err(f"id not in codebook: {cid}")
for cid in states:
    if not re.fullmatch(r"actor\.state\.[A-Z]{2}", cid) or concepts[cid][0] != FILES[2]:
        err(f"bad state id/file: {cid}")

for msg in errors:
    print("ERROR:", msg)
print(f"concepts: {len(concepts)} (codebook ids {len(codebook_ids)}, states {len(states)}); "
      + ", ".join(f"{p}: {n} cues" for p, n in n_cues.items()))
sys.exit(1 if errors else 0)
