#!/usr/bin/python3
"""Draw candidate passages for the hstag gold set (deterministic, stdlib only).

Usage:  /usr/bin/python3 tests/eval/gold/make_sample.py [--shared ../shared] [--out tests/eval/gold/candidates.jsonl]

A passage is one to three whole consecutive sentences (<= 600 characters) from
the CCOE info sheet or a UN General Debate speech. Passages are drawn per
stratum with simple regexes written from the wording of
shared/reference/codebook.md (NOT from lexicons/), plus random passages and
hard negatives (near-miss wording). Offsets are UTF-8 byte offsets into the
source file; `text` is exactly the decoded bytes [start:end).
"""
import argparse
import glob
import json
import os
import random
import re

SEED = 20261126
MAX_CHARS = 600
MIN_CHARS = 60
CCOE = "reference/ccoe-human-security-info-sheet.txt"

I = re.IGNORECASE

# stratum -> (number of passages, regex the passage must match)
STRATA = [
    ("concept", 18, re.compile(
        r"human (in)?security|s[ée]curit[ée] humaine|seguridad humana|"
        r"menschliche Sicherheit|人間の安全保障|\bHS\b", I)),
    ("pillar", 14, re.compile(
        r"free(dom)?s? from (fear|want)|free from poverty and despair|"
        r"li(ve|fe) in dignity|freedom and dignity", I)),
    ("dimension.economic", 10, re.compile(
        r"economic (in)?security|persistent poverty|unemploy|basic income|"
        r"safety nets?|livelihood", I)),
    ("dimension.food", 10, re.compile(
        r"food (in)?security|hunger|famine|malnutrition|malnourish|"
        r"food distribution|food prices|starv", I)),
    ("dimension.health", 10, re.compile(
        r"health (in)?security|infectious disease|epidemic|pandemic|"
        r"unsafe food|basic health care|disease outbreak|outbreaks? of disease|"
        r"HIV|malaria|Ebola|COVID", I)),
    ("dimension.environmental", 10, re.compile(
        r"environmental (in)?security|environmental degradation|"
        r"resource depletion|natural disaster|pollution|deforestation|"
        r"desertification|climate change|global warming", I)),
    ("dimension.personal", 10, re.compile(
        r"personal (in)?security|physical violence|\bcrimes?\b|terroris|"
        r"domestic violence|child labou?r|trafficking", I)),
    ("dimension.community", 10, re.compile(
        r"community (in)?security|inter-?ethnic|ethnic (tension|conflict|hatred|cleansing)|"
        r"religious (tension|intolerance|hatred)|discrimination against|"
        r"oppressive traditional|xenophob|racis", I)),
    ("dimension.political", 10, re.compile(
        r"political (in)?security|political repression|"
        r"human rights (abuses|violations)|\btortur|unlawful detention|"
        r"arbitrary detention|military dictatorship|political prisoners", I)),
    ("approach", 12, re.compile(
        r"protection of (civilians|people|individuals|populations)|"
        r"protection strateg|top-down|\bempower|bottom-up|capacity[- ]building", I)),
    ("principle", 14, re.compile(
        r"people[- ]cent(red|ered|ric)|people at the cent|"
        r"comprehensive (approach|response|strategy)|multi-?sectoral|"
        r"context-specific|contextuali|prevention-oriented|preventive|"
        r"early prevention|early warning|interconnected|interdependen|"
        r"universal concern", I)),
    ("topic", 16, re.compile(
        r"women, peace and security|\bWPS\b|children and armed conflict|"
        r"child soldiers|recruitment of children|protection of civilians|"
        r"cultural property|building integrity|human trafficking|"
        r"trafficking in (human beings|persons)|sexual violence|"
        r"sexual exploitation|\brape\b|responsibility to protect|\bR2P\b|ICISS", I)),
    ("actor.org", 14, re.compile(
        r"\bUNDP\b|\bUNHCR\b|High Commissioner for Refugees|\bOCHA\b|"
        r"Coordination of Humanitarian Affairs|Trust Fund for Human Security|"
        r"Human Security Unit|Commission on Human Security|Advisory Board|"
        r"European Union|European Commission|European Parliament|\bNATO\b|"
        r"North Atlantic Treaty|Red Cross|\bICRC\b|Human Rights Watch|"
        r"Amnesty International|Human Security Network|Friends of Human Security|"
        r"Secretary-General|General Assembly")),
    ("actor.state", 12, re.compile(
        r"\b(Japan|Canada|Norway|Thailand|Switzerland|United Kingdom|"
        r"Great Britain|Mexico|Chile|Costa Rica|Austria|Ireland|Greece|"
        r"Jordan|Mali|Slovenia|South Africa|Netherlands|Brazil|India|"
        r"Government of [A-Z][a-z]+|delegation of [A-Z][a-z]+)\b")),
    ("citation", 10, re.compile(
        r"resolutions? \d{1,3}/\d+|\bA/RES/|\bS/RES/|\bUNSCR\b|"
        r"resolution \d{3,4}\b|\b[AS]/\d{2}/\d+|\bA/\d{2}/L\.\d+")),
]

# hard negatives: near-miss wording; one sub-pattern at a time, a few each
HARD = [
    ("social security", 3, re.compile(r"social security", I)),
    ("Security Council", 5, re.compile(r"Security Council")),
    ("national security", 4, re.compile(r"national security", I)),
    ("securities", 2, re.compile(r"\bsecurities\b", I)),
    ("energy security", 4, re.compile(r"energy security", I)),
    ("general amnesty", 2, re.compile(r"general amnesty|\bamnesty\b(?! International)", I)),
    ("the alliance", 4, re.compile(r"\b[Aa]lliance\b")),
    ("Guinea-Bissau/Equatorial Guinea", 4, re.compile(r"Guinea-Bissau|Equatorial Guinea|Papua New Guinea")),
    ("human rights", 5, re.compile(r"human rights", I)),
    ("freedom of expression", 3, re.compile(r"freedom of (expression|speech)", I)),
    ("protection of the environment", 3, re.compile(r"protection of the environment|environmental protection", I)),
    ("US caps", 3, re.compile(r"\bUS\b")),
    ("collective/international security", 3, re.compile(r"(collective|international|regional|maritime|cyber) security", I)),
    ("protection (non-people)", 2, re.compile(r"protection of (the )?(ozone|investments?|intellectual|property|rights)", I)),
]
# a hard negative must not name human security itself
HARD_EXCLUDE = re.compile(r"human (in)?security|\bHS\b", I)
N_RANDOM = 52

ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "mt", "jr", "sr",
          "prof", "gen", "gov", "rev", "vs", "etc", "e.g", "i.e", "art",
          "para", "paras", "vol", "p", "pp", "op", "cit", "ibid", "u.s", "u.n",
          "u.k", "h.e", "sept", "oct", "nov", "dec", "jan", "feb", "aug"}
END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘(]?[A-Z])")


def split_sentences(s, is_sheet):
    """Return [(start, end)] character spans of sentences in s."""
    cuts = set()
    for m in END_RE.finditer(s):
        dot = m.start()
        if s[dot] == ".":
            w = re.search(r"([\w.]+)$", s[:dot])
            word = w.group(1).lower() if w else ""
            if word in ABBREV or re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        cuts.add(m.end())
    brk = re.compile(r"[\n\t]" if is_sheet else r"\n[ \t]*\n")
    for m in brk.finditer(s):
        cuts.add(m.start())
        cuts.add(m.end())
    spans = []
    prev = 0
    for c in sorted(cuts) + [len(s)]:
        a, b = prev, c
        while a < b and (s[a].isspace() or s[a] == "\ufeff"):
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        prev = c
    return spans


def load(shared):
    docs = []  # (source, text, [spans])
    p = os.path.join(shared, CCOE)
    with open(p, "rb") as f:
        t = f.read().decode("utf-8")
    docs.append((CCOE, t, split_sentences(t, True)))
    base = os.path.join(shared, "corpus")
    for path in sorted(glob.glob(os.path.join(base, "txt", "ungdc", "*", "*.txt"))):
        with open(path, "rb") as f:
            t = f.read().decode("utf-8")
        docs.append((os.path.relpath(path, base), t, split_sentences(t, False)))
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared")))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "candidates.jsonl"))
    args = ap.parse_args()
    rng = random.Random(SEED)
    docs = load(args.shared)
    used = set()  # (doc index, sentence index)
    out = []

    def window(di, si):
        """Random 1-3 sentence window containing sentence si, or None."""
        _, t, spans = docs[di]
        n = rng.choice([1, 2, 2, 3])
        for size in range(n, 0, -1):
            firsts = list(range(max(0, si - size + 1), min(si, len(spans) - size) + 1))
            rng.shuffle(firsts)
            for a in firsts:
                idx = range(a, a + size)
                if any((di, k) in used for k in idx):
                    continue
                st, en = spans[a][0], spans[a + size - 1][1]
                if MIN_CHARS <= en - st <= MAX_CHARS:
                    return a, size, st, en
        return None

    def take(stratum, want, rx, exclude=None, sheet_share=0.25):
        hits = []
        for di, (_, t, spans) in enumerate(docs):
            for si, (a, b) in enumerate(spans):
                seg = t[a:b]
                if rx.search(seg) and not (exclude and exclude.search(seg)):
                    hits.append((di, si))
        sheet_hits = [h for h in hits if h[0] == 0]
        other = [h for h in hits if h[0] != 0]
        rng.shuffle(sheet_hits)
        rng.shuffle(other)
        n_sheet = min(len(sheet_hits), int(round(want * sheet_share)))
        order = sheet_hits[:n_sheet] + other + sheet_hits[n_sheet:]
        got, per_doc = 0, {}
        for di, si in order:
            if got >= want:
                break
            if di != 0 and per_doc.get(di, 0) >= 1:
                continue  # at most one passage per speech and stratum
            w = window(di, si)
            if not w:
                continue
            a, size, st, en = w
            t = docs[di][1]
            if not rx.search(t[st:en]) or (exclude and exclude.search(t[st:en])):
                continue
            for k in range(a, a + size):
                used.add((di, k))
            per_doc[di] = per_doc.get(di, 0) + 1
            out.append((stratum, di, st, en))
            got += 1
        return got

    for name, want, rx in STRATA:
        take(name, want, rx)
    for name, want, rx in HARD:
        take("hard_negative", want, rx, exclude=HARD_EXCLUDE, sheet_share=0.0)
    # random passages: uniform over all sentences of all documents
    allsent = [(di, si) for di, d in enumerate(docs) for si in range(len(d[2]))]
    got = 0
    while got < N_RANDOM:
        di, si = rng.choice(allsent)
        w = window(di, si)
        if not w:
            continue
        a, size, st, en = w
        for k in range(a, a + size):
            used.add((di, k))
        out.append(("random", di, st, en))
        got += 1

    with open(args.out, "w", encoding="utf-8") as f:
        for i, (stratum, di, st, en) in enumerate(out, 1):
            src, t, _ = docs[di]
            bst = len(t[:st].encode("utf-8"))
            ben = bst + len(t[st:en].encode("utf-8"))
            rec = {"id": "p%03d" % i, "source": src, "start": bst, "end": ben,
                   "text": t[st:en], "stratum": stratum}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d candidates to %s" % (len(out), args.out))


if __name__ == "__main__":
    main()
