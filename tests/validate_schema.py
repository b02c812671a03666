#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates hstag's JSON output against core/schema/document.schema.json:
every golden file, and the live output of `hstag analyze` over samples/."""
import argparse
import json
import pathlib
import subprocess
import sys

import jsonschema


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--hstag", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--samples", required=True)
    args = ap.parse_args()

    schema = json.loads(pathlib.Path(args.schema).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    docs = []
    for path in sorted(pathlib.Path(args.golden).glob("*.json")):
        docs.append((str(path), json.loads(path.read_text(encoding="utf-8"))))
    run = subprocess.run([args.hstag, "analyze", args.samples, "--format", "jsonl", "--emit-text"],
                         capture_output=True, check=False)
    if run.returncode not in (0, 2):
        print(f"hstag exited with {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 1
    for line in run.stdout.decode("utf-8").splitlines():
        doc = json.loads(line)
        docs.append((doc["source"]["path"], doc))

    failures = 0
    for name, doc in docs:
        for error in validator.iter_errors(doc):
            failures += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{name}: {where}: {error.message}")
    print(f"schema_validation: {len(docs)} documents, {failures} failed")
    if not docs:
        print("no documents validated")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
