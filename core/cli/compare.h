// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag compare A B`: two documents' HS profiles side by side.
//
// A and B are documents (analysed with `pipeline`) or the JSON `hstag analyze`
// wrote for one document (a .json file whose top-level "schema" is
// "hstag.document/1"; its `summary` is read, nothing is re-analysed). Either
// way the comparison is built from the two summaries (hstag/summary.h), so a
// document and its JSON compare the same.
//
// `format` "table": aligned columns for an 80-column terminal; "json": an
// object with "schema": "hstag.compare/1" (see Compare in compare.cc).
#ifndef HSTAG_CLI_COMPARE_H_
#define HSTAG_CLI_COMPARE_H_

#include <string>
#include <vector>

#include "hstag/writer.h"
#include "hstag/pipeline.h"

namespace hstag::cli {

// A document's JSON (hstag.document/1): read from an hstag JSON file, or made
// by analysing the document (with its text and segments when `with_text`).
// On failure (unreadable, a failed analysis or a failed document's JSON)
// prints "hstag <command>: <input>: <why>" on stderr and returns false.
bool LoadDocument(const std::string& input, const Pipeline& pipeline, bool with_text,
                  const char* command, ordered_json* doc);

// The comparison ("hstag.compare/1") of two documents' JSON; false (printed
// on stderr, naming the input) when a summary lacks a part it reads.
bool CompareDocuments(const ordered_json& a, const ordered_json& b, const std::string& input_a,
                      const std::string& input_b, const char* command, ordered_json* out);

// Writes the comparison of inputs[0] and inputs[1] to stdout. Returns 0, 1
// (usage: not two inputs, unknown format), 2 (an input failed: unreadable, a
// failed analysis, hstag JSON without a summary profile) or 3 (fatal).
int Compare(const std::vector<std::string>& inputs, const std::string& format,
            const hstag::Pipeline& pipeline);

}  // namespace hstag::cli

#endif  // HSTAG_CLI_COMPARE_H_
