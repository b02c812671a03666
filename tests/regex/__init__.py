# SPDX-License-Identifier: GPL-3.0-or-later
# tests/validate_schema.py runs with tests/ on sys.path, where this folder
# would pass for the `regex` module that rfc3987 (used by jsonschema) tries
# first; failing the import makes it fall back to `re` as it does when the
# module is absent.
raise ImportError("tests/regex holds C++ tests, not the regex module")
